"""What the timeline shows, read from the library: dated events and documents, in lanes.

There is one lane per framework, in the map's order, then a "General" lane. An event goes
in the lanes of the frameworks it has a relation with or that the passages stating it name
(its sources, and the passages that mention it); a document in the lanes of the frameworks
it mentions. What has no date in the texts is listed apart, never placed by guess.

:func:`load_timeline_data` only calls :class:`Library` methods and returns frozen values,
so it may run on a worker thread with its own library (:func:`read_timeline_data`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from natoapp.citation import format_reference, source_for
from natoapp.store.library import Library
from natoapp.store.records import DocumentInfo, EntityInfo, EvidenceInfo
from natoapp.ui.map_model import MapFramework, load_map_data
from natoapp.ui.user_library import open_library

GENERAL = ""  # the lane of what no framework claims
EVENT: Literal["event"] = "event"
DOCUMENT: Literal["document"] = "document"
Precision = Literal["day", "month", "year"]

_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2})?)?)?)?")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """The days a date covers: one day, a month, a year, or a range of those."""

    start: date
    end: date  # inclusive
    precision: Precision  # of the start: how exactly the texts date it
    text: str  # the date as stored

    @property
    def is_day(self) -> bool:
        """True for a single day."""
        return self.start == self.end


def parse_span(text: str | None) -> TimeSpan | None:
    """The span of an ISO date as the store keeps it, or None when it is not one.

    ``2004-06-29``, ``2010-11``, ``2012``, ``2012-06-04T17:06`` (an update stamp: its day)
    and ranges ``2017-12-05/2017-12-06`` are read; anything else gives None, never an error.
    """
    if not text:
        return None
    parts = text.strip().split("/")
    if len(parts) > 2:
        return None
    bounds = [_bounds(part) for part in parts]
    if any(b is None for b in bounds):
        return None
    first, last = bounds[0], bounds[-1]
    assert first is not None and last is not None
    if last[1] < first[0]:
        return None
    return TimeSpan(first[0], last[1], first[2], text.strip())


def _bounds(text: str) -> tuple[date, date, Precision] | None:
    match = _PART.fullmatch(text.strip())
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    if year < 1:
        return None
    try:
        if month_text is None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        month = int(month_text)
        if day_text is None:
            last_day = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last_day), "month"
        day = date(year, month, int(day_text))
    except (ValueError, calendar.IllegalMonthError):
        return None
    return day, day, "day"


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """An event or a document placed on the axis, with the passage that dates it.

    ``target`` is the entity id of an event or the id of a document. ``quote`` and
    ``reference`` cite where the date comes from: the event's source passage, or the
    document itself. ``dated_by`` is "date" or, for a document the texts give no date of
    publication, "updated" (its update stamp).
    """

    kind: Literal["event", "document"]
    target: str
    name_fr: str
    name_en: str
    span: TimeSpan
    lanes: tuple[str, ...]  # framework ids, or GENERAL
    reference: str
    quote: str = ""
    dated_by: Literal["date", "updated"] = "date"

    @property
    def key(self) -> str:
        """A unique key: ``event:<id>`` or ``document:<id>``."""
        return f"{self.kind}:{self.target}"


@dataclass(frozen=True, slots=True)
class Lane:
    """A row of the timeline: a framework (``framework`` set) or the general lane."""

    id: str  # framework id, or GENERAL
    framework: MapFramework | None = None

    @property
    def depth(self) -> int:
        """How deep the framework is nested (0 for the general lane)."""
        return self.framework.depth if self.framework is not None else 0


@dataclass(frozen=True, slots=True)
class Undated:
    """An event or document the texts give no usable date for."""

    kind: Literal["event", "document"]
    target: str
    name_fr: str
    name_en: str


@dataclass(frozen=True, slots=True)
class TimelineData:
    """Lanes, the marks placed on them, and what could not be placed."""

    lanes: tuple[Lane, ...] = ()
    marks: tuple[TimelineMark, ...] = ()
    undated: tuple[Undated, ...] = ()

    def first_and_last(self) -> tuple[date, date] | None:
        """The first and last days any mark covers, or None without marks."""
        if not self.marks:
            return None
        return min(m.span.start for m in self.marks), max(m.span.end for m in self.marks)

    def in_lane(self, lane_id: str) -> tuple[TimelineMark, ...]:
        """The marks of one lane, by date."""
        return tuple(m for m in self.marks if lane_id in m.lanes)


def load_timeline_data(library: Library) -> TimelineData:
    """Read every event and document and place the dated ones in their lanes."""
    frameworks = load_map_data(library).frameworks
    framework_ids = {f.id for f in frameworks}
    order = {f.id: i for i, f in enumerate(frameworks)}
    documents = {d.id: d for d in library.documents()}
    marks: list[TimelineMark] = []
    undated: list[Undated] = []

    def lanes_of(ids: set[str]) -> tuple[str, ...]:
        found = sorted(ids & framework_ids, key=order.__getitem__)
        return tuple(found) or (GENERAL,)

    for event in library.entities("event"):
        span = parse_span(event.date)
        if span is None:
            undated.append(Undated(EVENT, event.id, event.name_fr, event.name_en))
            continue
        lanes = lanes_of(_event_frameworks(library, event))
        quote, reference = _event_citation(library, event, documents)
        marks.append(
            TimelineMark(
                EVENT, event.id, event.name_fr, event.name_en, span, lanes, reference, quote
            )
        )

    mentioned = _frameworks_by_document(library, framework_ids)
    for document in documents.values():
        span = parse_span(document.date)
        dated_by: Literal["date", "updated"] = "date"
        if span is None:
            span, dated_by = parse_span(document.updated), "updated"
        if span is None:
            undated.append(Undated(DOCUMENT, document.id, document.title, document.title))
            continue
        marks.append(
            TimelineMark(
                DOCUMENT,
                document.id,
                document.title,
                document.title,
                span,
                lanes_of(mentioned.get(document.id, set())),
                format_reference(source_for(document), "plain"),
                dated_by=dated_by,
            )
        )
    marks.sort(key=lambda m: (m.span.start, m.span.end, m.kind, m.target))
    rows = (*(Lane(f.id, f) for f in frameworks), Lane(GENERAL))
    return TimelineData(rows, tuple(marks), tuple(undated))


def read_timeline_data(library_path: Path) -> TimelineData:
    """:func:`load_timeline_data` on a library of its own: call it on a worker thread."""
    with open_library(library_path) as library:
        return load_timeline_data(library)


def _event_frameworks(library: Library, event: EntityInfo) -> set[str]:
    """Frameworks related to the event, or named in its sources or where it is mentioned."""
    related = {
        other
        for relation in library.relations(event.id)
        for other in (relation.subject, relation.object)
        if other != event.id
    }
    passages = {source.passage for source in event.sources}
    passages |= {mention.passage for mention in library.mentions(entity_id=event.id)}
    named = {
        mention.entity
        for passage in sorted(passages)
        for mention in library.mentions(passage_id=passage)
    }
    return related | named


def _event_citation(
    library: Library, event: EntityInfo, documents: dict[str, DocumentInfo]
) -> tuple[str, str]:
    """The quote that dates the event and the reference of its passage."""
    source: EvidenceInfo | None = next(iter(event.sources), None)
    if source is None or source.doc not in documents:
        return "", ""
    passage = library.passage(source.passage)
    return source.quote, format_reference(source_for(documents[source.doc], passage), "plain")


def _frameworks_by_document(library: Library, framework_ids: set[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for framework in sorted(framework_ids):
        for mention in library.mentions(entity_id=framework):
            found.setdefault(mention.doc, set()).add(framework)
    return found
