"""Splitting a passage into sentences, for quoting and for the candidate rules."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … and any closing quote or bracket after it (French
# typography puts a space before »), when the next one starts with a capital, a digit
# or an opening quote.
_END = re.compile(r"[.!?…]+(?:\s*[»”\")\]])*(?=\s+[«“\"(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
# Abbreviations after which a full stop does not end the sentence (« M. Stoltenberg »).
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mmes", "mlle", "dr", "st", "ste", "cf", "p", "n°"})


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space around it excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start : match.start()].split()
        last_word = before[-1].lower() if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue
        _add(text, start, match.end(), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
