"""Where a reader's selection falls in an excerpt: whole sentences or cut ones."""

from __future__ import annotations

_SENTENCE_ENDS = (".", "!", "?", "…")
# Closing marks that may follow a sentence's last punctuation: « … ? » or (… .)
_CLOSERS = " \u00a0\u202f»”’\"')]\n"


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` clamped to ``text`` and moved inward past blank space."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def sentence_cuts(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether ``text[start:end]`` starts and ends inside a sentence (for "[…]" marks).

    The selection starts a sentence when nothing but blank space comes before it or
    the text before it ends a sentence; it ends one when nothing follows it or its
    own last characters end a sentence.
    """
    start, end = trim_selection(text, start, end)
    before = text[:start].strip()
    after = text[end:].strip()
    cut_start = bool(before) and not _ends_sentence(before)
    cut_end = bool(after) and not _ends_sentence(text[start:end])
    return cut_start, cut_end
