"""Title, dates and publisher, read from the text of a page and nowhere else.

- **title**: the first content line, when it has the shape of a title (no
  final full stop, not a list item). It is furniture afterwards: the title is
  shown as metadata and not repeated as the first passage. A short line over
  a dateline over the title is a series label, not the title.
- **date** (publication): a dateline ("29 juin 2004", "• 04 Dec. 2017 -") or
  a dated page slug ("otan-20170125") standing before the body. Dates in the
  body ("En décembre 2012, …") are what the text speaks of, not when it was
  published: a page without a dateline has no date.
- **updated**: the "Mis(e) à jour" / "Last updated" stamp, anywhere in the
  page, with its time when it has one.
- **publisher**: the series the page names ("OTAN Hebdo"); failing that, the
  office named over the page's contact block ("Division Diplomatie publique –
  Section Presse et médias"), which is who issued it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from natoapp.corpus.furniture import (
    Furniture,
    dateline_date,
    series_name,
    slug_date,
    stamp_date,
)
from natoapp.corpus.lines import Line, heading_like, starts_capitalised, starts_lowercase
from natoapp.corpus.markup import strip_markup
from natoapp.corpus.normalize import fold

TITLE_MAX_CHARS = 250
# A series label over the dateline is a name of a few words ("OTAN Hebdo").
SERIES_LABEL_MAX_WORDS = 4
_DATE_MARKS = (Furniture.DATELINE, Furniture.STAMP, Furniture.SLUG)
# Words that make the line over a contact block an office rather than a person.
OFFICE_WORDS = frozenset(
    {
        "division", "section", "service", "bureau", "office", "departement", "department",
        "direction", "presse", "press", "media", "medias", "communication", "communications",
        "cellule", "unit", "branch", "centre", "center", "porte-parole", "spokesperson",
        "otan", "nato", "diplomatie", "diplomacy",
    }
)  # fmt: skip

_LIST_OR_NOTE_RE = re.compile(r"^(?:[-*+•·‣◦▪–—>]\s|\d{1,3}[.)]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^?\d)")
_HEADING_MARK_RE = re.compile(r"^#{1,6}\s+|\s+#+$")
_WORD_RE = re.compile(r"[a-z][a-z\-]*")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about itself; ``None`` where it says nothing."""

    title: str | None
    date: str | None
    updated: str | None
    publisher: str | None


def title_text(line: str) -> str:
    """A title line as a reader sees it: without heading marks or inline markup."""
    return strip_markup(_HEADING_MARK_RE.sub("", line)).strip()


def _reads_as_title(lines: Sequence[Line], i: int) -> bool:
    line = lines[i]
    text = title_text(line.text)
    if not text or len(text) > TITLE_MAX_CHARS or _LIST_OR_NOTE_RE.match(line.text):
        return False
    if text[-1] in ".,;:" or not starts_capitalised(text):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else None
    # A next line going on in lower case makes this the start of a paragraph.
    return following is None or following.blank or not starts_lowercase(following.text)


def _content_lines(lines: Sequence[Line], marks: Sequence[Furniture | None]) -> list[int]:
    return [i for i, line in enumerate(lines) if not line.blank and marks[i] is None]


def mark_header(lines: Sequence[Line], marks: list[Furniture | None]) -> int | None:
    """Mark, in place, the title line and any series label standing before it.

    The title is the first content line, if it reads as a title. A short line
    followed by a date or stamp and then by the real title ("OTAN Hebdo" /
    "29 juin 2004" / title) is the series the page belongs to, even when its
    name is not among the known series. Returns the index of the title line.
    """
    content = _content_lines(lines, marks)
    if not content:
        return None
    first = content[0]
    if (
        len(content) > 1
        and len(title_text(lines[first].text).split()) <= SERIES_LABEL_MAX_WORDS
        and _reads_as_title(lines, first)
        and _reads_as_title(lines, content[1])
        and any(marks[i] in _DATE_MARKS for i in range(first + 1, content[1]))
    ):
        marks[first] = Furniture.SERIES
        first = content[1]
    if not _reads_as_title(lines, first):
        return None
    marks[first] = Furniture.TITLE
    return first


def _header_end(lines: Sequence[Line], marks: Sequence[Furniture | None]) -> int:
    """The index of the first line of the body: content that is not the title."""
    for i, line in enumerate(lines):
        if not line.blank and marks[i] is None:
            return i
    return len(lines)


def _office(text: str) -> bool:
    visible = strip_markup(text)
    words = set(_WORD_RE.findall(fold(visible)))
    return heading_like(visible, max_words=12) and bool(words & OFFICE_WORDS)


def read_metadata(
    lines: Sequence[Line], marks: Sequence[Furniture | None], title_line: int | None
) -> PageMetadata:
    """Read title, publication date, update stamp and publisher from a marked page."""
    header_end = _header_end(lines, marks)
    date: str | None = None
    updated: str | None = None
    series: str | None = None
    office: str | None = None
    for i, (line, mark) in enumerate(zip(lines, marks, strict=True)):
        if mark is Furniture.STAMP and updated is None:
            updated = stamp_date(line.text)
        elif mark in (Furniture.DATELINE, Furniture.SLUG) and date is None and i < header_end:
            found = dateline_date(line.text) if mark is Furniture.DATELINE else slug_date(line.text)
            # A publication date is a day; "Juin 2004" alone says too little.
            if found and len(found) >= len("YYYY-MM-DD"):
                date = found[: len("YYYY-MM-DD")]
        elif mark is Furniture.SERIES and series is None:
            series = series_name(line.text) or title_text(line.text)
        elif mark is Furniture.CONTACT and office is None and _office(line.text):
            office = strip_markup(line.text)
    title = title_text(lines[title_line].text) if title_line is not None else None
    return PageMetadata(title=title, date=date, updated=updated, publisher=series or office)
