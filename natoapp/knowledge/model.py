"""What the knowledge layer produces: entities, their mentions, and relations with evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    """What sort of thing an entity is."""

    FRAMEWORK = "framework"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    PERSON = "person"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class Alias:
    """One way the texts, or a user, may name an entity."""

    text: str
    lang: str = ""  # "fr", "en" or "" when the same in both
    kind: str = "name"  # name | acronym | adjective | variant | misspelling


@dataclass(frozen=True, slots=True)
class Evidence:
    """The passage that states a relation, and the sentence quoted verbatim from it."""

    doc: str
    passage: str
    quote: str


@dataclass(frozen=True, slots=True)
class Entity:
    """Something the texts speak of.

    ``id`` is the ISO 3166-1 alpha-2 code for a country ("KW") and a lowercase
    slug for anything else ("istanbul-cooperation-initiative", "un").
    """

    id: str
    kind: EntityKind
    name_fr: str
    name_en: str
    aliases: tuple[Alias, ...] = ()
    parent: str | None = None  # for a framework nested in a wider one
    date: str | None = None  # ISO date (or year) where the texts give one: events, launches
    role: str | None = None  # for a person: "Secretary General", ...
    description: str | None = None
    # Added after the first schema; every field below has a default.
    role_fr: str | None = None  # the role as the French texts word it
    description_fr: str | None = None
    # The passages that support ``date``, ``role`` and ``description``.
    sources: tuple[Evidence, ...] = ()
    # False for a country known only from the ISO list, never curated for these texts.
    relevant: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in a passage; offsets are into ``Passage.text``."""

    entity: str
    doc: str
    passage: str
    start: int
    end: int
    text: str  # the passage's own characters at [start, end)


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject`` --kind--> ``object``, e.g. KW --member--> istanbul-cooperation-initiative."""

    kind: str
    subject: str
    object: str
    evidence: tuple[Evidence, ...]
    date: str | None = None
    note: str | None = None


@dataclass(slots=True)
class KnowledgeBase:
    """Everything the knowledge layer derives from the documents and the curated data."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # One line per curated item left out because the document it cites is absent
    # (only when the build was asked to skip those rather than fail).
    notes: list[str] = field(default_factory=list)


class KnowledgeError(Exception):
    """Curated data that does not hold: a bad file, an unknown id, a quote not in its passage."""
