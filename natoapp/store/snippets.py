"""Finding a query's words in a passage's original text, and cutting a snippet around them.

Matching runs on folded words but reports spans of the original characters,
so "koweit" marks "Koweït" and "manoeuvre" marks "manœuvre". It follows the
same rules as the index (see :mod:`natoapp.store.query`): a word matches
itself, its inflections unless quoted, and any longer word when it is a
prefix or the word being typed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from natoapp.store.records import QueryTerm, Span
from natoapp.store.stemming import stem
from natoapp.store.words import original_words

SNIPPET_WORDS = 30
# Words of context shown before the first highlighted word.
_LEAD_WORDS = 6
ELLIPSIS = "…"


def term_spans(text: str, terms: Iterable[QueryTerm]) -> list[Span]:
    """Spans of ``text`` where any of the (non-negated) ``terms`` occurs, merged and sorted."""
    return term_spans_of_words(original_words(text), terms)


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
    return snippet_of_words(text, original_words(text), marks, size=size)


def snippet_of_words(
    text: str,
    words: Sequence[tuple[str, int, int]],
    marks: Sequence[Span],
    *,
    size: int = SNIPPET_WORDS,
) -> tuple[str, tuple[Span, ...]]:
    """:func:`make_snippet` over words already cut by :func:`original_words`."""
    found = [(start, end) for _, start, end in words]
    if len(found) <= size + size // 3:
        # Cutting off only a few words would save nothing worth an ellipsis.
        start_char, end_char = 0, len(text)
    else:
        first = _best_window(found, marks, size)
        last = min(first + size, len(found))
        start_char = 0 if first == 0 else _start_of(text, found[first][0])
        end_char = len(text) if last == len(found) else _end_of(text, found[last - 1][1])
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


def _best_window(found: Sequence[Span], marks: Sequence[Span], size: int) -> int:
    """Index of the first word of the window holding the most marks (earliest on ties)."""
    if not marks:
        return 0
    ends = [end for _, end in found]
    # The word each mark starts in: the first word ending after the mark's start.
    word_of = [min(bisect_right(ends, start), len(found) - 1) for start, _ in marks]
    ordered = sorted(word_of)
    best_start, best_count = 0, -1
    for index in word_of:
        first = max(0, min(index - _LEAD_WORDS, len(found) - size))
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
