"""Plain frozen values the read API hands out: never rows, cursors or connections."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
MatchKind = Literal["literal", "entity", "filter"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the open database comes from and what it holds."""

    schema_version: int
    build_date: str
    input_hash: str
    natoapp_version: str
    sqlite_version: str
    documents: int
    passages: int


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One source text's metadata, as read from the text itself."""

    id: str
    title: str
    date: str | None
    updated: str | None
    publisher: str | None
    source_file: str
    passages: int
    language: str = "fr"


@dataclass(frozen=True, slots=True)
class PassageInfo:
    """A citable passage; ``segments`` are ``(raw_start, raw_end, text_start, text_end)``."""

    id: str
    doc: str
    ordinal: int
    kind: str
    text: str
    start: int
    end: int
    segments: tuple[tuple[int, int, int, int], ...]


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """The passage stating a fact and the sentence quoted from it."""

    doc: str
    passage: str
    quote: str


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An entity with every name it is known by (``aliases``, original spelling).

    ``sources`` are the passages that support ``date``, ``role`` and
    ``description``; ``relevant`` is False for a country known only from the
    ISO list, never curated for these texts.
    """

    id: str
    kind: str
    name_fr: str
    name_en: str
    aliases: tuple[str, ...]
    parent: str | None
    date: str | None
    role: str | None
    description: str | None = None
    role_fr: str | None = None
    description_fr: str | None = None
    relevant: bool = True
    sources: tuple[EvidenceInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class RelationInfo:
    """``subject`` --kind--> ``object`` with the passages that say so."""

    id: int
    kind: str
    subject: str
    object: str
    date: str | None
    note: str | None
    evidence: tuple[EvidenceInfo, ...]


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """An entity named in a passage; ``start``/``end`` index the passage's text."""

    entity: str
    doc: str
    passage: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FrameworkNode:
    """A framework, its members, and the frameworks nested in it (by ``entities.parent``)."""

    framework: EntityInfo
    members: tuple[RelationInfo, ...]
    children: tuple[FrameworkNode, ...]


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Restrict a search; an empty tuple means no restriction.

    Within one field the values are alternatives; across fields all must hold.
    ``frameworks`` and ``countries`` keep the passages that mention one of those
    entities; ``documents`` are document ids; ``years`` the year of the
    document's date (undated documents never match a year).
    """

    frameworks: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def is_empty(self) -> bool:
        """True when the filters restrict nothing."""
        return not (self.frameworks or self.countries or self.documents or self.years)


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One word or phrase of a query as the parser understood it.

    ``parts`` are the folded words ("l'OTAN" → ``("l", "otan")``), ``stems``
    their light stems. ``quoted`` terms match these very words only; ``prefix``
    (an explicit ``*``) lets the last part match any word it begins;
    ``as_you_type`` (the query's unfinished last word) matches the word, its
    inflections, and any word it begins.
    """

    text: str
    parts: tuple[str, ...]
    stems: tuple[str, ...]
    quoted: bool = False
    prefix: bool = False
    as_you_type: bool = False
    negated: bool = False
    # The indexed words a prefix stands for, when the database listed them for it
    # (natoapp.store.prefixes); empty when FTS5 reads the prefix itself.
    completions: tuple[str, ...] = ()

    @property
    def folded(self) -> str:
        """The term's words joined by spaces: how aliases are compared."""
        return " ".join(self.parts)


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """A query term (or run of words) that names an entity through one of its aliases."""

    entity: str
    alias: str
    words: str  # the query text that matched, as typed
    clauses: tuple[int, ...]  # indices into ParsedQuery.clauses covered by the alias


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """How a query was understood.

    ``clauses`` must all match (each clause matches when any of its terms
    does: ``OR``); no ``exclusions`` may match. ``fts`` is the FTS5 expression
    run for literal hits ("" when the query can match nothing), ``entities``
    the aliases recognised in it, ``notes`` one-line remarks for the user
    (what was ignored or cut).
    """

    text: str
    fts: str
    terms: tuple[QueryTerm, ...]
    entities: tuple[EntityMatch, ...] = ()
    notes: tuple[str, ...] = ()
    clauses: tuple[tuple[QueryTerm, ...], ...] = ()
    exclusions: tuple[QueryTerm, ...] = ()
    # ``fts`` with every word only as written: its hits rank before the others.
    exact_fts: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """One passage found by a search.

    ``snippet`` is plain text cut from the passage's original characters
    (with "…" where it is cut) and ``marks`` the spans of ``snippet`` to
    highlight. ``match`` is "literal" (the words are in the passage),
    "entity" (the passage mentions ``entity``, named in the query through an
    alias) or "filter" (an empty query listing what the filters keep).
    ``score`` is higher for better hits. ``title_marks`` are spans of
    ``title`` (the document's title) matching the query: a document's title
    is searched with its first passage, so a hit may owe its place to them.
    """

    doc: str
    passage: str
    ordinal: int
    title: str
    date: str | None
    snippet: str
    marks: tuple[Span, ...]
    score: float
    match: MatchKind = "literal"
    entity: str | None = None
    title_marks: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits, how many there are in all, and how the query was read."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    parsed: ParsedQuery = field(default_factory=lambda: ParsedQuery("", "", ()))
    # When more literal hits matched than a search ranks together: how many it ranked
    # at a time, newest first (see natoapp.store.search); 0 when all were ranked together.
    ranking_window: int = 0
