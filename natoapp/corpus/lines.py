"""Lines of a raw document, and what their shape says about them.

A seed page is a sequence of lines: one line is usually one paragraph, and a
sentence may be cut where the page was laid out. These predicates answer the
questions the rest of the corpus layer asks of a line: does it end a
sentence, does it stop on a word that needs a continuation, could it be a
heading?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natoapp.corpus.normalize import fold


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the raw text: ``raw[start:end]`` is ``text``, white space stripped.

    ``number`` counts lines from 0; ``indented`` says whether white space came
    before the text.
    """

    number: int
    start: int
    end: int
    text: str
    indented: bool

    @property
    def blank(self) -> bool:
        """Whether the line holds nothing but white space."""
        return not self.text


def split_lines(raw: str) -> list[Line]:
    """Cut ``raw`` (line endings already ``"\\n"``) into stripped :class:`Line` s."""
    lines: list[Line] = []
    offset = 0
    for number, full in enumerate(raw.split("\n")):
        stripped_left = full.lstrip()
        start = offset + len(full) - len(stripped_left)
        text = stripped_left.rstrip()
        lines.append(Line(number, start, start + len(text), text, bool(text) and start > offset))
        offset += len(full) + 1
    return lines


# What may close a sentence. A closing bracket is left out: "(ONU)" often
# stands mid-sentence where a page was cut.
SENTENCE_ENDS = frozenset('.!?:;…»”"')
# Footnote calls and closing marks that may follow the final punctuation.
_TRAILING_CALLS_RE = re.compile(r"[\s¹²³⁴⁵⁶⁷⁸⁹⁰*]+$")

# Words that cannot end a sentence: a line stopping on one was cut.
DANGLING_WORDS = frozenset(
    {
        "de", "du", "des", "d'", "la", "le", "les", "l'", "un", "une", "et", "ou", "a", "au",
        "aux", "en", "par", "pour", "avec", "dans", "sur", "sous", "que", "qu'", "qui", "dont",
        "entre", "vers", "chez", "sans", "ce", "cet", "cette", "ces", "son", "sa", "ses",
        "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "se", "ne",
        "lors", "selon", "contre", "afin", "the", "of", "and", "or", "to", "in", "for", "with",
        "by", "on", "at", "an", "from", "as", "that", "which", "its", "their", "into",
    }
)  # fmt: skip

_LAST_WORD_RE = re.compile(r"(?<![a-z])([a-z]+'?)$")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` (visible text of a line) ends the way a sentence ends."""
    body = _TRAILING_CALLS_RE.sub("", text)
    return bool(body) and body[-1] in SENTENCE_ENDS


def ends_with_dangling_word(text: str) -> bool:
    """Whether ``text`` stops on a word that needs what follows ("de", "the"), or on a comma."""
    folded = fold(text.rstrip())
    if folded.endswith(","):
        return True
    match = _LAST_WORD_RE.search(folded)
    return match is not None and match.group(1) in DANGLING_WORDS


def starts_lowercase(text: str) -> bool:
    """Whether the first letter of ``text`` is a lower-case letter (quotes and the like skipped)."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def starts_capitalised(text: str) -> bool:
    """Whether ``text`` begins with a capital letter or a digit, after any opening quote."""
    for ch in text:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
        if ch not in "«“\"'‘([¿¡ \u00a0":
            return False
    return False


def word_count(text: str) -> int:
    """Words in ``text``, counted by white space."""
    return len(text.split())


HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 160


def heading_like(text: str, *, max_words: int = HEADING_MAX_WORDS) -> bool:
    """Whether ``text`` has the shape of a heading: short, capitalised, unpunctuated.

    A heading may end with "?" or "!", never with ".", ",", ";" or ":", and
    never on a word that needs a continuation ("… le lancement de").
    """
    if not text or len(text) > HEADING_MAX_CHARS or word_count(text) > max_words:
        return False
    if not starts_capitalised(text):
        return False
    return text[-1] not in ".,;:…" and not ends_with_dangling_word(text)
