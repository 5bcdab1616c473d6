"""Finding a query's words in a passage's original text, and cutting a snippet around them.

Matching runs on folded words but reports spans of the original characters,
so "koweit" marks "Koweït" and "manoeuvre" marks "manœuvre". It follows the
same rules as the index (see :mod:`natoapp.store.query`): a word matches
itself, its inflections unless quoted, and any longer word when it is a
prefix or the word being typed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from natoapp.corpus.normalize import fold, fold_origin
from natoapp.store.records import QueryTerm, Span
from natoapp.store.stemming import stem
from natoapp.store.words import WORD_PATTERN

SNIPPET_WORDS = 30
# Words of context shown before the first highlighted word.
_LEAD_WORDS = 6
ELLIPSIS = "…"


def term_spans(text: str, terms: Iterable[QueryTerm]) -> list[Span]:
    """Spans of ``text`` where any of the (non-negated) ``terms`` occurs, merged and sorted.

    Gives what :func:`term_spans_of_words` gives over :func:`original_words`, but
    looks only at the words a single regular expression picks out as possible
    first words of a term, so a long text costs little more than folding it.
    """
    return _FoldedText(text).term_spans(terms)


@lru_cache(maxsize=1024)
def title_spans(title: str, terms: tuple[QueryTerm, ...]) -> tuple[Span, ...]:
    """:func:`term_spans` of a document title: pages of hits show the same titles again."""
    return tuple(term_spans(title, terms))


def snippet_with_terms(
    text: str, terms: Iterable[QueryTerm], *, size: int = SNIPPET_WORDS
) -> tuple[str, tuple[Span, ...]]:
    """``make_snippet(text, term_spans(text, terms))``, folding ``text`` once."""
    folded = _FoldedText(text)
    return folded.snippet(folded.term_spans(terms), size)


class _FoldedText:
    """A text with its folded form, and the map back to the original when one is needed."""

    __slots__ = ("_origin", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._origin: list[int] | None = None

    def origin(self) -> list[int]:
        """Offset in the original text of each folded character (see ``fold_with_map``)."""
        if self._origin is None:
            self._origin = fold_origin(self.text)
        return self._origin

    def original(self, spans: Iterable[Span]) -> list[Span]:
        """Spans of whole folded words, as spans of the original text."""
        if self.text.isascii():
            return list(spans)
        origin = self.origin()
        # The last folded character of a word maps to the original character it came from.
        return [(origin[start], origin[end - 1] + 1) for start, end in spans]

    def term_spans(self, terms: Iterable[QueryTerm]) -> list[Span]:
        finder = _finder(tuple(t for t in terms if not t.negated))
        if finder is None:
            return []
        folded = self.folded
        found: list[Span] = []
        for match in finder.candidates.finditer(folded):
            word = match.group()
            word_stem = stem(word)
            for first, rest in finder.terms:
                if not first(word, word_stem):
                    continue
                end = position = match.end()
                for matcher in rest:
                    following = WORD_PATTERN.search(folded, position)
                    if following is None:
                        break
                    next_word = following.group()
                    if not matcher(next_word, stem(next_word)):
                        break
                    end = position = following.end()
                else:
                    found.append((match.start(), end))
        return merge_spans(self.original(found)) if found else []

    def snippet(self, marks: Sequence[Span], size: int) -> tuple[str, tuple[Span, ...]]:
        # Alternate runs of word and non-word characters: their lengths give every
        # word's offsets without a Python step per word.
        runs = _RUNS.findall(self.folded)
        offsets = list(accumulate(map(len, runs), initial=0))
        skip = 0 if runs and WORD_PATTERN.match(runs[0]) else 1
        starts = offsets[skip:-1:2]
        ends = offsets[skip + 1 :: 2]
        if not self.text.isascii():
            origin = self.origin()
            starts = list(map(origin.__getitem__, starts))
            # The last folded character of a word maps to the original character it came from.
            ends = [origin[end - 1] + 1 for end in ends]
        return _cut(self.text, starts, ends, marks, size=size)


# A run of word characters or a run of anything else (see words.WORD_PATTERN).
_RUNS = re.compile(r"[^\W_]+|[\W_]+")

_Matcher = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class _Finder:
    """A query's terms ready to be looked for: candidate first words, then a test per word."""

    candidates: re.Pattern[str]
    terms: tuple[tuple[_Matcher, tuple[_Matcher, ...]], ...]


# Pages of hits ask for the same few terms over and over, from any thread: the finders
# are immutable, and lru_cache is thread-safe.
@lru_cache(maxsize=256)
def _finder(terms: tuple[QueryTerm, ...]) -> _Finder | None:
    if not terms:
        return None
    prefixes = sorted({_first_word_prefix(t) for t in terms}, key=lambda p: (-len(p), p))
    # A candidate is a whole word beginning with one of the prefixes.
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, prefixes)) + r")[^\W_]*")
    compiled = tuple(
        (_matcher(t, 0), tuple(_matcher(t, k) for k in range(1, len(t.parts)))) for t in terms
    )
    return _Finder(pattern, compiled)


def _first_word_prefix(term: QueryTerm) -> str:
    """What every word matching the term's first part begins with.

    A word's light stem keeps all but at most its last two characters of the word
    (see :mod:`natoapp.store.stemming`), so a word with a given stem begins with
    that stem less two characters.
    """
    if term.quoted or term.prefix:
        # Matched as written (the last part of a prefix also begins longer words).
        return term.parts[0]
    part_stem = term.stems[0]
    return part_stem[: max(1, len(part_stem) - 2)]


def term_spans_of_words(
    found: Sequence[tuple[str, int, int]], terms: Iterable[QueryTerm]
) -> list[Span]:
    """:func:`term_spans` over words already cut by :func:`original_words`."""
    folded = [w for w, _, _ in found]
    stems: list[str] | None = None
    spans: list[Span] = []
    for term in terms:
        if term.negated:
            continue
        size = len(term.parts)
        if not term.quoted and not term.prefix and stems is None:
            stems = [stem(w) for w in folded]
        matchers = [_matcher(term, k) for k in range(size)]
        first = matchers[0]
        for i in range(len(found) - size + 1):
            if not first(folded[i], stems[i] if stems else ""):
                continue
            if all(
                matchers[k](folded[i + k], stems[i + k] if stems else "") for k in range(1, size)
            ):
                spans.append((found[i][1], found[i + size - 1][2]))
    return merge_spans(spans)


def _matcher(term: QueryTerm, k: int) -> Callable[[str, str], bool]:
    """A test of whether a word (and its stem) matches part ``k`` of ``term``.

    A word matches itself; the last part of a prefix or of the word being typed
    also any longer word; an unquoted, unstarred part also any word with its stem.
    """
    part = term.parts[k]
    last = k == len(term.parts) - 1
    as_prefix = last and (term.prefix or term.as_you_type)
    by_stem = not term.quoted and not term.prefix
    part_stem = term.stems[k]
    if as_prefix and by_stem:
        return lambda word, word_stem: word.startswith(part) or word_stem == part_stem
    if as_prefix:
        return lambda word, _stem: word.startswith(part)
    if by_stem:
        return lambda word, word_stem: word == part or word_stem == part_stem
    return lambda word, _stem: word == part


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and merge the ones that overlap; empty spans are dropped."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(
    text: str, marks: Sequence[Span], *, size: int = SNIPPET_WORDS
) -> tuple[str, tuple[Span, ...]]:
    """Cut about ``size`` words of ``text`` around its densest cluster of ``marks``.

    Returns the snippet (with "…" where the text is cut; line breaks shown as
    spaces) and the marks that fall inside it, as spans of the snippet.
    """
    return _FoldedText(text).snippet(marks, size)


def snippet_of_words(
    text: str,
    words: Sequence[tuple[str, int, int]],
    marks: Sequence[Span],
    *,
    size: int = SNIPPET_WORDS,
) -> tuple[str, tuple[Span, ...]]:
    """:func:`make_snippet` over words already cut by :func:`original_words`."""
    starts = [start for _, start, _ in words]
    ends = [end for _, _, end in words]
    return _cut(text, starts, ends, marks, size=size)


def _cut(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    marks: Sequence[Span],
    *,
    size: int,
) -> tuple[str, tuple[Span, ...]]:
    """The snippet of ``text`` whose words start at ``starts`` and end at ``ends``."""
    if len(ends) <= size + size // 3:
        # Cutting off only a few words would save nothing worth an ellipsis.
        start_char, end_char = 0, len(text)
    else:
        first = _best_window(ends, marks, size)
        last = min(first + size, len(ends))
        start_char = 0 if first == 0 else _start_of(text, starts[first])
        end_char = len(text) if last == len(ends) else _end_of(text, ends[last - 1])
    head = ELLIPSIS if start_char > 0 else ""
    tail = ELLIPSIS if end_char < len(text) else ""
    snippet = head + text[start_char:end_char].replace("\n", " ") + tail
    shift = len(head) - start_char
    inside = tuple(
        (max(a, start_char) + shift, min(b, end_char) + shift)
        for a, b in marks
        if min(b, end_char) > max(a, start_char)
    )
    return snippet, inside


def _best_window(ends: Sequence[int], marks: Sequence[Span], size: int) -> int:
    """Index of the first word of the window holding the most marks (earliest on ties)."""
    if not marks:
        return 0
    # The word each mark starts in: the first word ending after the mark's start.
    word_of = [min(bisect_right(ends, start), len(ends) - 1) for start, _ in marks]
    ordered = sorted(word_of)
    best_start, best_count = 0, -1
    for index in word_of:
        first = max(0, min(index - _LEAD_WORDS, len(ends) - size))
        count = bisect_left(ordered, first + size) - bisect_left(ordered, first)
        if count > best_count:
            best_start, best_count = first, count
    return best_start


def _start_of(text: str, word_start: int) -> int:
    """Start a cut just after the last space before a word, keeping "d'" or an opening (."""
    k = word_start
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


def _end_of(text: str, word_end: int) -> int:
    """End a cut at the first space after a word, keeping a closing comma or period."""
    k = word_end
    while k < len(text) and not text[k].isspace():
        k += 1
    return k
