"""From the content lines of a page to the passages a reader sees.

Each content line (a line that is not furniture, see
:mod:`natoapp.corpus.furniture`) first becomes a *unit*: its role (plain
text, list item, footnote, quotation, explicit heading) and the raw spans of
its visible characters. Units are then put together into blocks:

- a sentence cut across a blank line, across page furniture or across a photo
  caption is rejoined (:func:`_continues` says when);
- a list item or footnote carries on over an indented or lower-case line.

Finally each block gets its kind (a short unpunctuated line followed by more
content is a heading; a short line in the other language is a caption) and
becomes a :class:`~natoapp.corpus.model.Passage` whose segments map its text
one to one onto the raw document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from natoapp.corpus.furniture import Furniture
from natoapp.corpus.language import guess_language
from natoapp.corpus.lines import (
    Line,
    ends_sentence,
    ends_with_dangling_word,
    heading_like,
    starts_lowercase,
    word_count,
)
from natoapp.corpus.markup import visible_spans
from natoapp.corpus.model import Passage, PassageKind, Segment
from natoapp.corpus.normalize import fold


class _Role(Enum):
    TEXT = "text"
    HEADING = "heading"  # marked as such: "## Historique"
    LIST_ITEM = "list_item"
    NOTE = "note"
    QUOTE = "quote"


class _Gap(Enum):
    ADJACENT = "adjacent"  # the next line
    BLANK = "blank"  # only blank lines between
    FURNITURE = "furniture"  # page furniture between


_HEADING_MARK_RE = re.compile(r"^#{1,6}\s+")
_HEADING_CLOSE_RE = re.compile(r"\s+#+$")
_QUOTE_MARK_RE = re.compile(r"^>\s?")
_BULLET_MARK_RE = re.compile(r"^[-*+•·‣◦▪–—]\s+")
_NUMBER_MARK_RE = re.compile(r"^(?P<n>\d{1,3})[.)]\s+\S")
_SUPERSCRIPT_NOTE_RE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_BRACKET_NOTE_RE = re.compile(r"^\[\^?\d{1,3}\]:?\s+\S")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_CALL_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?(\d{1,3})\]|(?<=\w)\^(\d{1,3})\b")
# Lines that announce a picture, whatever their language.
_CAPTION_MARK_RE = re.compile(r"^(?:photo|image|illustration|legende|caption)\s*:")
# A caption is one short line; anything longer is text, whatever its language.
CAPTION_MAX_WORDS = 40


@dataclass(slots=True)
class _Unit:
    line: Line
    role: _Role
    spans: list[tuple[int, int]]  # raw spans of the visible characters
    text: str  # the visible characters
    caption: bool = False


@dataclass(slots=True)
class _Block:
    role: _Role
    units: list[_Unit] = field(default_factory=list)


def _footnote_calls(lines: Sequence[Line], marks: Sequence[Furniture | None]) -> dict[str, int]:
    """The footnote calls ("¹", "[1]", "^1") of the content: number → first line calling it."""
    calls: dict[str, int] = {}
    for line, mark in zip(lines, marks, strict=True):
        if mark is not None or line.blank:
            continue
        # A call at the very start of a line is a footnote itself, not a call.
        for m in _CALL_RE.finditer(line.text[1:]):
            number = (m.group(1) or m.group(2) or m.group(0)).translate(_SUPERSCRIPT_DIGITS)
            calls.setdefault(number, line.number)
    return calls


def _role_of(line: Line, calls: dict[str, int]) -> tuple[_Role, int, int]:
    """The role of a content line and the part of its text that is content."""
    text = line.text
    if m := _HEADING_MARK_RE.match(text):
        close = _HEADING_CLOSE_RE.search(text)
        return _Role.HEADING, m.end(), close.start() if close else len(text)
    if m := _QUOTE_MARK_RE.match(text):
        return _Role.QUOTE, m.end(), len(text)
    if m := _BULLET_MARK_RE.match(text):
        return _Role.LIST_ITEM, m.end(), len(text)
    if _SUPERSCRIPT_NOTE_RE.match(text) or _BRACKET_NOTE_RE.match(text):
        return _Role.NOTE, 0, len(text)
    if m := _NUMBER_MARK_RE.match(text):
        # A numbered line is a footnote when the text above calls it, else a list item.
        called = calls.get(m.group("n"), line.number) < line.number
        role = _Role.NOTE if called else _Role.LIST_ITEM
        return role, 0, len(text)
    return _Role.TEXT, 0, len(text)


def _is_caption(text: str, language: str | None) -> bool:
    if _CAPTION_MARK_RE.match(fold(text)):
        return True
    if language is None or word_count(text) > CAPTION_MAX_WORDS or ends_sentence(text):
        return False
    other = guess_language(text)
    return other is not None and other != language


def _units(
    lines: Sequence[Line], marks: Sequence[Furniture | None], language: str | None
) -> list[_Unit]:
    calls = _footnote_calls(lines, marks)
    units: list[_Unit] = []
    for line, mark in zip(lines, marks, strict=True):
        if mark is not None or line.blank:
            continue
        role, begin, end = _role_of(line, calls)
        content = line.text[begin:end]
        base = line.start + begin
        spans = [(base + s, base + e) for s, e in visible_spans(content)]
        if not spans:
            continue
        text = "".join(content[s - base : e - base] for s, e in spans)
        unit = _Unit(line, role, spans, text)
        unit.caption = role is _Role.TEXT and _is_caption(text, language)
        units.append(unit)
    return units


def _gap(
    before: _Unit, after: _Unit, lines: Sequence[Line], marks: Sequence[Furniture | None]
) -> _Gap:
    first, last = before.line.number + 1, after.line.number
    if first == last:
        return _Gap.ADJACENT
    if any(marks[i] is not None and not lines[i].blank for i in range(first, last)):
        return _Gap.FURNITURE
    return _Gap.BLANK


def _continues(last: _Unit, nxt: _Unit, gap: _Gap, *, past_caption: bool) -> bool:
    """Whether ``nxt`` carries on the sentence that ``last`` (plain text) left open.

    ``last`` must not end a sentence. The continuation is certain when ``nxt``
    starts in lower case or ``last`` stops on a word like "de"; failing that,
    a line cut only by furniture (or by nothing) is rejoined unless it could
    be a heading standing over its paragraph.
    """
    if nxt.role is not _Role.TEXT or nxt.caption or last.caption:
        return False
    if ends_sentence(last.text):
        return False
    if starts_lowercase(nxt.text) or ends_with_dangling_word(last.text):
        return True
    if past_caption or gap is _Gap.BLANK:
        return False
    return not heading_like(last.text)


def _blocks(
    units: list[_Unit], lines: Sequence[Line], marks: Sequence[Furniture | None]
) -> list[_Block]:
    used = [False] * len(units)
    blocks: list[_Block] = []
    for i, unit in enumerate(units):
        if used[i]:
            continue
        used[i] = True
        block = _Block(unit.role, [unit])
        blocks.append(block)
        j = i
        while True:
            k = _next_part(block, j, units, used, lines, marks)
            if k is None:
                break
            used[k] = True
            block.units.append(units[k])
            j = k
    return blocks


def _next_part(
    block: _Block,
    j: int,
    units: list[_Unit],
    used: list[bool],
    lines: Sequence[Line],
    marks: Sequence[Furniture | None],
) -> int | None:
    """The index of the unit that continues ``block`` (whose last unit is ``units[j]``)."""
    last = units[j]
    if last.caption:
        return None
    k = j + 1
    if block.role is _Role.TEXT and not ends_sentence(last.text):
        # A caption may stand between the two halves of a sentence.
        while k < len(units) and not used[k] and units[k].caption:
            k += 1
    if k >= len(units) or used[k]:
        return None
    nxt = units[k]
    gap = _gap(last, nxt, lines, marks)
    if block.role is _Role.TEXT:
        return k if _continues(last, nxt, gap, past_caption=k > j + 1) else None
    if block.role in (_Role.LIST_ITEM, _Role.NOTE):
        carries_on = nxt.line.indented or starts_lowercase(nxt.text)
        ok = gap is _Gap.ADJACENT and nxt.role is _Role.TEXT and carries_on
        return k if ok else None
    if block.role is _Role.QUOTE:
        return k if gap is _Gap.ADJACENT and nxt.role is _Role.QUOTE else None
    return None


def _kind(block: _Block, has_more: bool) -> PassageKind:
    if block.role is _Role.HEADING:
        return PassageKind.HEADING
    if block.role is _Role.LIST_ITEM:
        return PassageKind.LIST_ITEM
    if block.role is _Role.NOTE:
        return PassageKind.NOTE
    if block.role is _Role.QUOTE:
        return PassageKind.QUOTE
    if len(block.units) == 1:
        unit = block.units[0]
        if unit.caption:
            return PassageKind.CAPTION
        if has_more and heading_like(unit.text):
            return PassageKind.HEADING
    return PassageKind.PARAGRAPH


def _segments(block: _Block) -> tuple[str, tuple[Segment, ...]]:
    pieces: list[str] = []
    segments: list[Segment] = []
    position = 0
    for n, unit in enumerate(block.units):
        if n:
            pieces.append(" ")  # the one character of a passage not in the raw text
            position += 1
        for raw_start, raw_end in unit.spans:
            length = raw_end - raw_start
            segments.append(Segment(raw_start, raw_end, position, position + length))
            position += length
        pieces.append(unit.text)
    return "".join(pieces), tuple(segments)


def build_passages(
    doc_id: str,
    lines: Sequence[Line],
    marks: Sequence[Furniture | None],
    language: str | None,
) -> tuple[Passage, ...]:
    """The passages of a document, in reading order, from its lines and their furniture marks.

    ``marks[i]`` is the furniture kind of ``lines[i]`` or ``None`` for
    content; ``language`` is the document's ("fr"), used to tell captions in
    another language from headings.
    """
    units = _units(lines, marks, language)
    blocks = sorted(_blocks(units, lines, marks), key=lambda b: b.units[0].line.start)
    passages: list[Passage] = []
    for ordinal, block in enumerate(blocks, start=1):
        text, segments = _segments(block)
        passages.append(
            Passage(
                id=f"{doc_id}:{ordinal}",
                doc=doc_id,
                ordinal=ordinal,
                kind=_kind(block, has_more=ordinal < len(blocks)),
                text=text,
                start=block.units[0].line.start,
                end=max(unit.line.end for unit in block.units),
                segments=segments,
            )
        )
    return tuple(passages)
