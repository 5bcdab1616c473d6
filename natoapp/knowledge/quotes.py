"""Finding the passage a curated quote comes from.

Curated data names a passage by its document and a sentence it contains, never
by its number, so that a change in how the texts are split does not silently
move a claim to another passage. A quote is compared with the passages after
:func:`natoapp.corpus.normalize.fold` on both sides, with runs of white space
counted as one space; it must occur in exactly one passage of its document.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from natoapp.corpus.model import Document, Passage
from natoapp.corpus.normalize import fold_with_map
from natoapp.knowledge.model import Evidence, KnowledgeError

_SHOWN = 90  # characters of a quote repeated in an error message


@dataclass(frozen=True, slots=True)
class _Folded:
    passage: Passage
    text: str  # folded, white space collapsed
    origin: list[int]  # offset in passage.text of each character of ``text``, plus the end


def comparable(text: str) -> tuple[str, list[int]]:
    """``text`` folded with white space collapsed, and the source offset of each character."""
    folded, origin = fold_with_map(text)
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(folded):
        if ch.isspace():
            if not out or out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(origin[i])
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    where.append(len(text))
    return "".join(out), where


class QuoteLocator:
    """Finds, for a document id and a quote, the one passage that contains it."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self._documents = {d.id: d for d in documents}
        self._folded: dict[str, list[_Folded]] = {}

    def has_document(self, doc: str) -> bool:
        """Whether ``doc`` is one of the documents."""
        return doc in self._documents

    def locate(self, doc: str, quote: str, where: str) -> Evidence:
        """The evidence for ``quote``: its passage and the passage's own characters.

        Raises :class:`KnowledgeError` starting with ``where`` when the document
        is unknown, or the quote is in no passage, or in more than one.
        """
        if doc not in self._documents:
            raise KnowledgeError(f"{where}: document {doc!r} is not among the texts")
        wanted, _ = comparable(quote)
        if not wanted:
            raise KnowledgeError(f"{where}: the quote is empty")
        passages = self._passages(doc)
        found = [p for p in passages if wanted in p.text]
        if not found:
            closest = self._closest(passages, wanted)
            hint = f"; the closest passage is {closest.passage.id}" if closest else ""
            raise KnowledgeError(
                f"{where}: quote not found in any passage of {doc}{hint}: «{_short(quote)}»"
            )
        if len(found) > 1:
            ids = ", ".join(p.passage.id for p in found)
            raise KnowledgeError(
                f"{where}: quote found in several passages ({ids}); quote more of the sentence"
            )
        target = found[0]
        at = target.text.index(wanted)
        start = target.origin[at]
        end = target.origin[at + len(wanted) - 1] + 1
        return Evidence(doc, target.passage.id, target.passage.text[start:end])

    def _passages(self, doc: str) -> list[_Folded]:
        if doc not in self._folded:
            self._folded[doc] = [
                _Folded(p, *comparable(p.text))
                for p in sorted(self._documents[doc].passages, key=lambda p: p.ordinal)
            ]
        return self._folded[doc]

    @staticmethod
    def _closest(passages: list[_Folded], wanted: str) -> _Folded | None:
        best: _Folded | None = None
        best_size = 0
        for candidate in passages:
            matcher = difflib.SequenceMatcher(None, wanted, candidate.text, autojunk=False)
            size = matcher.find_longest_match(0, len(wanted), 0, len(candidate.text)).size
            if size > best_size:
                best, best_size = candidate, size
        return best


def _short(quote: str) -> str:
    # A message is one line, whatever line breaks the curated quote has.
    quote = " ".join(quote.split())
    return quote if len(quote) <= _SHOWN else quote[: _SHOWN - 1] + "…"
