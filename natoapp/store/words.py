"""Cutting folded text into the words the full-text index sees.

The index is fed words cut by this module, and queries and highlights are cut
the same way, so a word in a query, a word in the index and a highlighted word
in a snippet are always the same unit. A word is a run of letters or digits,
which is also how FTS5's ``unicode61`` tokenizer cuts text: the apostrophe of
"l'OTAN" and the hyphen of "Proche-Orient" separate words.
"""

from __future__ import annotations

import re

from natoapp.corpus.normalize import fold_with_map

_WORD = re.compile(r"[^\W_]+")
# The same pattern, for modules that search folded text themselves.
WORD_PATTERN = _WORD


def words(folded: str) -> list[str]:
    """The words of already folded text, in order."""
    return _WORD.findall(folded)


def word_spans(folded: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each word of already folded text."""
    return [m.span() for m in _WORD.finditer(folded)]


def original_words(text: str) -> list[tuple[str, int, int]]:
    """Fold ``text`` and return each folded word with its span in the original ``text``."""
    folded, origin = fold_with_map(text)
    # A word is never empty, so its last folded character maps to the end of the
    # original character it came from (span_to_original, without a call per word).
    return [
        (folded[start:end], origin[start], origin[end - 1] + 1)
        for start, end in (m.span() for m in _WORD.finditer(folded))
    ]
