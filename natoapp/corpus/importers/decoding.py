"""Decoding a text file in whatever common encoding it was saved.

UTF-8 (with or without a byte order mark) and UTF-16/32 with a byte order mark
are read as they are; UTF-16 without one is recognised by its pattern of zero
bytes. Anything else goes to charset-normalizer, which weighs every candidate
encoding by how readable the result is. On short texts several single-byte
encodings read almost equally well; since natoapp's texts are French and
English, a Western European encoding is preferred whenever it reads about as
well as the best candidate (otherwise « à » in Windows-1252 becomes « ŕ »).
Any other encoding must also make charset-normalizer recognise a language:
random bytes decode "without chaos" in some Asian encoding more often than not,
and such a file is refused as undecodable rather than imported as gibberish.
Whatever the encoding, the result must read as text (few control characters,
private-use, unassigned or box-drawing characters).
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from natoapp.corpus.importers.model import FileRefused

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "cp850")
# How much less readable (charset-normalizer's "chaos", 0 to 1) a Western
# encoding may be than the best candidate and still be preferred.
_WESTERN_MARGIN = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
_MAX_CONTROL_SHARE = 0.05
_SAMPLE = 65536
# Character categories no text has many of: controls, private use, unassigned,
# surrogates, and "other symbols" (box drawing, which a wrong code page shows).
_UNREADABLE_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs", "So"})
_MAX_UNREADABLE_SHARE = 0.05


def utf16_without_bom(sample: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when zero bytes fall on one side of nearly every pair."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.02:
        encoding = "utf-16-le"
    elif zeros_even > 0.3 and zeros_odd < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    usable = sample[: len(sample) // 2 * 2]
    decoded = usable.decode(encoding, errors="replace")
    return encoding if readable(decoded) else None


def readable(text: str) -> bool:
    """True when ``text`` has few characters that no text is made of."""
    sample = text[:_SAMPLE]
    if not sample:
        return True
    bad = sum(
        1
        for ch in sample
        if ch not in "\t\n\r\f" and unicodedata.category(ch) in _UNREADABLE_CATEGORIES
    )
    return bad <= _MAX_UNREADABLE_SHARE * len(sample)


def looks_binary(data: bytes) -> bool:
    """True when the bytes hold zero bytes or many control characters: not a text."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``; raise :class:`FileRefused` when it is binary or undecodable.

    ``declared`` is an encoding the file names itself (an HTML ``<meta charset>``);
    it is used when the bytes decode with it and are not UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    wide = utf16_without_bom(data[:_SAMPLE])
    if wide is not None:
        return _strict(data, wide)
    if looks_binary(data):
        raise FileRefused("binary", "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        try:
            return data.decode(codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detection decides
    return _detected(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileRefused(
            "undecodable",
            f"not valid {encoding.upper().replace('-SIG', '')} text "
            f"(byte 0x{data[exc.start]:02X} at offset {exc.start})",
        ) from None


def _detected(data: bytes) -> str:
    matches = list(charset_normalizer.from_bytes(data))
    if matches:
        best_chaos = min(match.chaos for match in matches)
        for match in matches:
            # A match stands for every encoding that decodes the bytes the same way.
            western = [e for e in WESTERN_ENCODINGS if e in match.could_be_from_charset]
            if western and match.chaos <= best_chaos + _WESTERN_MARGIN:
                text = data.decode(western[0], errors="replace")
                if readable(text):
                    return text
        for match in matches:
            if match.coherence > 0:
                text = str(match)
                if readable(text):
                    return text
    raise FileRefused(
        "undecodable", "cannot tell the text's encoding; save it as UTF-8 and import it again"
    )
