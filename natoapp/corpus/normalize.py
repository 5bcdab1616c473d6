"""Folding text the way a French reader compares words.

One function decides what "the same word" means for the whole application: the
search index, the query parser, the mention finder and the quote checker all go
through :func:`fold`, so a query, a quote and the text can never disagree.

Folding is case-, accent- and ligature-insensitive, treats every dash as "-",
every apostrophe as "'" and every space as " ". :func:`fold_with_map` also
returns, for each folded character, the offset of the original character it
came from, so that a match found in folded text can be highlighted in the
original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that unicodedata's decomposition does not turn into plain letters.
_LIGATURES = {
    "œ": "oe",
    "Œ": "oe",
    "æ": "ae",
    "Æ": "ae",
    "ß": "ss",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬀ": "ff",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
}

DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad")
APOSTROPHES = frozenset("\u2019\u2018\u02bc\u02b9\u2032\u0060\u00b4\uff07")
SPACES = frozenset("\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000\t")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character; may return "" (a dropped mark) or several characters."""
    if ch.isascii():
        return ch.lower()
    if ch in _LIGATURES:
        return _LIGATURES[ch]
    if ch in DASHES:
        return "-" if ch != "\u00ad" else ""  # a soft hyphen is invisible to a reader
    if ch in APOSTROPHES:
        return "'"
    if ch in SPACES:
        return " "
    if ch in "\u200b\u200c\u200d\u2060\ufeff":
        return ""
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        part = _LIGATURES.get(part, part)
        out.append(part.casefold())
    return "".join(out)


class _FoldTable(dict[int, str]):
    """``str.translate`` table: common characters precomputed, any other folded on demand."""

    def __missing__(self, code: int) -> str:
        # Not stored: the table stays the same from import on, safe for any thread.
        return _fold_char(chr(code))


def _precomputed() -> tuple[_FoldTable, re.Pattern[str]]:
    """The table for the characters French pages use, and a pattern of every character
    outside it or not folding to exactly one character (the ones fold_with_map must map)."""
    table = _FoldTable()
    one_to_one: list[str] = []
    for start, end in _PRECOMPUTED_RANGES:
        for code in range(start, end):
            ch = chr(code)
            folded = _fold_char(ch)
            table[code] = folded
            if len(folded) == 1:
                one_to_one.append(ch)
    irregular = re.compile("[^" + "".join(re.escape(ch) for ch in one_to_one) + "]")
    return table, irregular


# Latin letters with their accents, general punctuation (dashes, quotes, spaces), ligatures.
_PRECOMPUTED_RANGES = ((0x0000, 0x0250), (0x02B0, 0x0300), (0x2000, 0x2070), (0xFB00, 0xFB07))
_TABLE, _IRREGULAR = _precomputed()


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents or ligatures, with dashes,
    apostrophes and spaces unified.

    >>> fold("Œuvre de l’Alliance – Koweït")
    "oeuvre de l'alliance - koweit"
    """
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map each folded character back to its source offset.

    Returns ``(folded, origin)`` where ``origin[i]`` is the offset in ``text``
    of the character that produced ``folded[i]``; ``origin`` has one extra
    entry, ``len(text)``, so that an end offset maps too.
    """
    return fold(text), fold_origin(text)


def fold_origin(text: str) -> list[int]:
    """The ``origin`` of :func:`fold_with_map` alone, for text already folded with :func:`fold`."""
    size = len(text)
    # Runs of characters that fold to one character each map one to one; only the
    # others (œ → oe, a dropped soft hyphen or accent) need a look of their own.
    if text.isascii():
        return list(range(size + 1))
    origin: list[int] = []
    done = 0
    for match in _IRREGULAR.finditer(text):
        at = match.start()
        origin.extend(range(done, at))
        origin.extend([at] * len(_fold_char(text[at])))
        done = at + 1
    origin.extend(range(done, size + 1))
    return origin


def span_to_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a ``[start, end)`` span of folded text to the original text."""
    if end <= start:
        o = origin[start]
        return o, o
    return origin[start], origin[end - 1] + 1
