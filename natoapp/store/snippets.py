"""Finding a query's words in a passage's original text, and cutting a snippet around them.

Matching runs on folded words but reports spans of the original characters,
so "koweit" marks "Koweït" and "manoeuvre" marks "manœuvre". It follows the
same rules as the index (see :mod:`natoapp.store.query`): a word matches
itself, its inflections unless quoted, and any longer word when it is a
prefix or the word being typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from natoapp.store.records import QueryTerm, Span
from natoapp.store.stemming import stem
from natoapp.store.words import original_words

SNIPPET_WORDS = 30
# Words of context shown before the first highlighted word.
_LEAD_WORDS = 6
ELLIPSIS = "…"


def term_spans(text: str, terms: Iterable[QueryTerm]) -> list[Span]:
    """Spans of ``text`` where any of the (non-negated) ``terms`` occurs, merged and sorted."""
    found = original_words(text)
    folded = [w for w, _, _ in found]
    stems = [stem(w) for w in folded]
    spans: list[Span] = []
    for term in terms:
        if term.negated:
            continue
        size = len(term.parts)
        for i in range(len(found) - size + 1):
            if all(_part_matches(term, k, folded[i + k], stems[i + k]) for k in range(size)):
                spans.append((found[i][1], found[i + size - 1][2]))
    return merge_spans(spans)


def _part_matches(term: QueryTerm, k: int, word: str, word_stem: str) -> bool:
    part = term.parts[k]
    if word == part:
        return True
    last = k == len(term.parts) - 1
    if last and (term.prefix or term.as_you_type) and word.startswith(part):
        return True
    return not term.quoted and not term.prefix and word_stem == term.stems[k]


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
    found = [(start, end) for _, start, end in original_words(text)]
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
    word_of = [_word_index(found, start) for start, _ in marks]
    best_start, best_count = 0, -1
    for index in word_of:
        first = max(0, min(index - _LEAD_WORDS, len(found) - size))
        count = sum(1 for w in word_of if first <= w < first + size)
        if count > best_count:
            best_start, best_count = first, count
    return best_start


def _word_index(found: Sequence[Span], offset: int) -> int:
    for index, (_, end) in enumerate(found):
        if end > offset:
            return index
    return len(found) - 1


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
