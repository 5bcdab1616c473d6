"""What the detail pane shows for a location, read from the library on a worker thread.

Each page is plain frozen data: the records the library returned, and the spans to
mark or link inside each excerpt. Every excerpt is a passage's own characters, so what
is shown and copied is always verbatim.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from natoapp.store.library import Library
from natoapp.store.records import (
    DocumentInfo,
    EntityInfo,
    EvidenceInfo,
    MentionInfo,
    PassageInfo,
    RelationInfo,
)
from natoapp.ui.history import CELL, DOCUMENT, ENTITY, PASSAGE, Location
from natoapp.ui.user_library import open_library

Span = tuple[int, int]
LinkSpan = tuple[int, int, str]  # start, end, entity id


class PageNotFound(LookupError):
    """The location names nothing in the library; the message is one line."""


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A verbatim piece of a passage: the whole passage, or a quote inside it.

    ``offset`` is where ``text`` starts in ``passage.text``; the spans are relative to
    ``text``: ``marks`` (the entity the page is about, or a cited quote), ``hits``
    (search words) and ``links`` (entities named, each a link to its page).
    """

    document: DocumentInfo
    passage: PassageInfo
    text: str
    offset: int = 0
    marks: tuple[Span, ...] = ()
    hits: tuple[Span, ...] = ()
    links: tuple[LinkSpan, ...] = ()

    @property
    def whole_passage(self) -> bool:
        """True when the excerpt is the passage's full text."""
        return self.offset == 0 and len(self.text) == len(self.passage.text)


@dataclass(frozen=True, slots=True)
class RelationItem:
    """A relation seen from one of its ends, with the passages that state it."""

    relation: RelationInfo
    as_subject: bool
    other_id: str
    other: EntityInfo | None
    evidence: tuple[Excerpt, ...]


@dataclass(frozen=True, slots=True)
class MentionGroup:
    """The excerpts of one document that name an entity."""

    document: DocumentInfo
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True, slots=True)
class EntityPage:
    """An entity: names, relations with evidence, and every excerpt that names it."""

    location: Location
    entity: EntityInfo
    parent: EntityInfo | None
    children: tuple[EntityInfo, ...]
    relations: tuple[RelationItem, ...]
    mentions: tuple[MentionGroup, ...]  # newest document first
    sources: tuple[Excerpt, ...] = ()  # the passages behind its date, role and description


@dataclass(frozen=True, slots=True)
class DocumentPage:
    """A document as a reader sees it, optionally scrolled to ``focus`` (a passage id)."""

    location: Location
    document: DocumentInfo
    passages: tuple[Excerpt, ...]
    focus: str | None = None
    query: str = ""


@dataclass(frozen=True, slots=True)
class CellPage:
    """The relations behind one cell of the country × framework grid."""

    location: Location
    country: EntityInfo
    column_key: str  # "fw:<framework id>" or "kind:<relation kind>"
    column_entity: EntityInfo | None
    relations: tuple[RelationItem, ...]


Page = EntityPage | DocumentPage | CellPage


def load_page(library_path: Path, location: Location) -> Page:
    """Read what ``location`` shows (call on a worker thread); raises :class:`PageNotFound`."""
    with open_library(library_path) as lib:
        if location.kind == ENTITY:
            return _entity_page(lib, location)
        if location.kind in (DOCUMENT, PASSAGE):
            return _document_page(lib, location)
        if location.kind == CELL:
            return _cell_page(lib, location)
    raise PageNotFound(f"cannot show {location.key!r}")


# --- entities ----------------------------------------------------------------------


def _entity_page(lib: Library, location: Location) -> EntityPage:
    entity = lib.entity(location.target)
    if entity is None:
        raise PageNotFound(f"no entity {location.target!r} in the library")
    reader = _Reader(lib)
    relations = tuple(reader.relation_item(r, entity.id) for r in lib.relations(entity.id))
    by_doc: dict[str, list[MentionInfo]] = defaultdict(list)
    for mention in lib.mentions(entity_id=entity.id):
        by_doc[mention.doc].append(mention)
    groups = []
    for doc_id, mentions in by_doc.items():
        document = reader.document(doc_id)
        if document is None:
            continue
        by_passage: dict[str, list[Span]] = defaultdict(list)
        for mention in mentions:
            by_passage[mention.passage].append((mention.start, mention.end))
        excerpts = []
        for passage_id, spans in by_passage.items():
            passage = reader.passage(passage_id)
            if passage is not None:
                excerpts.append(
                    Excerpt(document, passage, passage.text, 0, marks=tuple(sorted(spans)))
                )
        excerpts.sort(key=lambda e: e.passage.ordinal)
        groups.append(MentionGroup(document, tuple(excerpts)))
    groups.sort(key=lambda g: (g.document.date or "", g.document.id), reverse=True)
    parent = lib.entity(entity.parent) if entity.parent else None
    children = tuple(e for e in lib.entities(entity.kind) if e.parent == entity.id)
    sources = tuple(
        excerpt
        for item in getattr(entity, "sources", ())
        if (excerpt := reader.quote(item, (entity.id,))) is not None
    )
    return EntityPage(location, entity, parent, children, relations, tuple(groups), sources)


# --- documents ----------------------------------------------------------------------


def _document_page(lib: Library, location: Location) -> DocumentPage:
    focus: str | None = None
    if location.kind == PASSAGE:
        passage = lib.passage(location.target)
        if passage is None:
            raise PageNotFound(f"no passage {location.target!r} in the library")
        doc_id, focus = passage.doc, passage.id
    else:
        doc_id = location.target
    document = lib.document(doc_id)
    if document is None:
        raise PageNotFound(f"no document {doc_id!r} in the library")
    query = location.query.strip()
    excerpts = []
    for passage in lib.passages(document.id):
        links = _non_overlapping(lib.mentions(passage_id=passage.id))
        hits = tuple(lib.highlight(passage.id, query)) if query else ()
        marks: tuple[Span, ...] = ()
        if passage.id == focus and location.mark:
            start = passage.text.find(location.mark)
            if start >= 0:
                marks = ((start, start + len(location.mark)),)
        excerpts.append(Excerpt(document, passage, passage.text, 0, marks, hits, links))
    return DocumentPage(location, document, tuple(excerpts), focus, query)


def _non_overlapping(mentions: list[MentionInfo]) -> tuple[LinkSpan, ...]:
    # Where two names overlap ("Initiative de coopération d'Istanbul" holds "Istanbul"),
    # the longer one is the link.
    chosen: list[LinkSpan] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if chosen and m.start < chosen[-1][1]:
            continue
        chosen.append((m.start, m.end, m.entity))
    return tuple(chosen)


# --- grid cells ---------------------------------------------------------------------


def _cell_page(lib: Library, location: Location) -> CellPage:
    country_id, _, column_key = location.target.partition("|")
    country = lib.entity(country_id)
    if country is None:
        raise PageNotFound(f"no entity {country_id!r} in the library")
    column_kind, _, column_value = column_key.partition(":")
    reader = _Reader(lib)
    relations = []
    for relation in lib.relations(country.id):
        if relation.subject != country.id:
            continue
        if (column_kind == "fw" and relation.object == column_value) or (
            column_kind == "kind" and relation.kind == column_value
        ):
            relations.append(reader.relation_item(relation, country.id))
    column_entity = lib.entity(column_value) if column_kind == "fw" else None
    return CellPage(location, country, column_key, column_entity, tuple(relations))


# --- shared -------------------------------------------------------------------------


class _Reader:
    """Caches documents and passages while one page is read."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib
        self._documents: dict[str, DocumentInfo | None] = {}
        self._passages: dict[str, PassageInfo | None] = {}
        self._mentions: dict[str, list[MentionInfo]] = {}

    def document(self, doc_id: str) -> DocumentInfo | None:
        if doc_id not in self._documents:
            self._documents[doc_id] = self._lib.document(doc_id)
        return self._documents[doc_id]

    def passage(self, passage_id: str) -> PassageInfo | None:
        if passage_id not in self._passages:
            self._passages[passage_id] = self._lib.passage(passage_id)
        return self._passages[passage_id]

    def mentions(self, passage_id: str) -> list[MentionInfo]:
        if passage_id not in self._mentions:
            self._mentions[passage_id] = self._lib.mentions(passage_id=passage_id)
        return self._mentions[passage_id]

    def relation_item(self, relation: RelationInfo, entity_id: str) -> RelationItem:
        as_subject = relation.subject == entity_id
        other_id = relation.object if as_subject else relation.subject
        ends = (relation.subject, relation.object)
        evidence = tuple(
            excerpt for item in relation.evidence if (excerpt := self.quote(item, ends)) is not None
        )
        return RelationItem(relation, as_subject, other_id, self._lib.entity(other_id), evidence)

    def quote(self, item: EvidenceInfo, marked: tuple[str, ...]) -> Excerpt | None:
        """The quoted sentence as an excerpt of its passage, the ``marked`` entities marked."""
        document = self.document(item.doc)
        passage = self.passage(item.passage)
        if document is None or passage is None:
            return None
        offset = max(passage.text.find(item.quote), 0)
        end = offset + len(item.quote)
        marks = tuple(
            (m.start - offset, m.end - offset)
            for m in self.mentions(passage.id)
            if m.entity in marked and m.start >= offset and m.end <= end
        )
        return Excerpt(document, passage, item.quote, offset, tuple(sorted(marks)))
