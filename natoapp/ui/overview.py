"""Everything the navigation tree, the grid and the status bar show, read in one go.

:func:`load_overview` runs on a worker thread with its own read-only ``Library``; the
result is plain frozen data the GUI thread can keep and re-label without touching SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from natoapp.store.records import DocumentInfo, EntityInfo, Provenance, RelationInfo
from natoapp.ui.user_library import open_library

if TYPE_CHECKING:
    from natoapp.userlib.records import Collection, CollectionItem

MEMBER = "member"

_log = logging.getLogger("natoapp.ui.overview")


@dataclass(frozen=True, slots=True)
class UserCollection:
    """One of the user's collections with its excerpts, in the user's order."""

    collection: Collection
    items: tuple[CollectionItem, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """The library at a glance: provenance, documents, entities and every relation."""

    library_path: Path
    provenance: Provenance
    documents: tuple[DocumentInfo, ...]
    entities: tuple[EntityInfo, ...]
    relations: tuple[RelationInfo, ...]
    mention_counts: dict[str, int] = field(default_factory=dict)
    collections: tuple[UserCollection, ...] = ()
    _index: dict[str, EntityInfo] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {e.id: e for e in self.entities})

    def entity(self, entity_id: str) -> EntityInfo | None:
        """The entity with id ``entity_id``, or None."""
        return self._index.get(entity_id)

    def of_kind(self, kind: str) -> list[EntityInfo]:
        """The entities of one kind ("framework", "country", ...), in stored order."""
        return [e for e in self.entities if e.kind == kind]

    def members(self, framework_id: str) -> list[RelationInfo]:
        """The membership relations whose object is ``framework_id``."""
        return [r for r in self.relations if r.kind == MEMBER and r.object == framework_id]

    def relations_of(self, entity_id: str) -> list[RelationInfo]:
        """Every relation with ``entity_id`` as subject or object."""
        return [r for r in self.relations if entity_id in (r.subject, r.object)]

    def referenced(self, entity_id: str) -> bool:
        """True when the texts name the entity or state a relation of it."""
        return self.mention_counts.get(entity_id, 0) > 0 or any(
            entity_id in (r.subject, r.object) for r in self.relations
        )

    def countries(self) -> list[EntityInfo]:
        """The countries curated for the texts or named in them (the catalogue knows all)."""
        return [
            e
            for e in self.of_kind("country")
            if getattr(e, "relevant", True) or self.referenced(e.id)
        ]

    def children(self, framework_id: str) -> list[EntityInfo]:
        """The frameworks nested in ``framework_id``."""
        return [e for e in self.entities if e.parent == framework_id]


def load_overview(library_path: Path, user_db: Path | None = None) -> Overview:
    """Read the overview from the database at ``library_path`` (call on a worker thread).

    ``user_db`` (default: the user's library) gives the collections of excerpts; there are
    none when that file does not exist or cannot be read.
    """
    collections = load_collections(user_db)
    with open_library(library_path, user_db) as lib:
        entities = tuple(lib.entities())
        relations = _unique(r for e in entities for r in lib.relations(e.id))
        return Overview(
            library_path=library_path,
            provenance=lib.provenance(),
            documents=tuple(lib.documents()),
            entities=entities,
            relations=relations,
            mention_counts={e.id: lib.mention_count(e.id) for e in entities},
            collections=collections,
        )


def load_collections(user_db: Path | None = None) -> tuple[UserCollection, ...]:
    """The user's collections with their excerpts (call on a worker thread).

    Nothing is created: without a library file there are no collections. A library that
    cannot be read leaves the rest of the overview readable.
    """
    from natoapp.userlib.location import default_user_db

    path = user_db if user_db is not None else default_user_db()
    if not path.is_file():
        return ()
    # Imported here: a reader with no library of their own never loads this code.
    from natoapp.userlib.errors import UserLibraryError
    from natoapp.userlib.library import UserLibrary

    try:
        with UserLibrary.open(path) as user:
            return tuple(
                UserCollection(collection, tuple(user.items(collection.id)))
                for collection in user.collections()
            )
    except (UserLibraryError, OSError) as exc:
        _log.warning("the collections could not be read: %s", exc)
        return ()


def _unique(relations: Iterable[RelationInfo]) -> tuple[RelationInfo, ...]:
    # Each relation comes back once per end; keep the first of each.
    seen: set[object] = set()
    out: list[RelationInfo] = []
    for relation in relations:
        key = getattr(relation, "id", None) or (relation.kind, relation.subject, relation.object)
        if key in seen:
            continue
        seen.add(key)
        out.append(relation)
    return tuple(out)
