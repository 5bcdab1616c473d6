"""The read API: everything the command line and the windows ask of the database.

A :class:`Library` owns one read-only SQLite connection and must be used from
the thread that opened it (open one per worker thread). Only
:meth:`Library.interrupt` may be called from another thread, to cancel a query
a newer one has made useless. Every method returns frozen values from
:mod:`natoapp.store.records` and raises :class:`DatabaseError` subclasses with
one-line messages.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from natoapp.corpus.normalize import fold
from natoapp.store.closing import ClosedOnExit
from natoapp.store.entity_matching import resolve_entities
from natoapp.store.errors import CorruptDatabaseError, DatabaseError, SearchCancelled
from natoapp.store.lifecycle import open_readonly
from natoapp.store.ordering import NEWEST_FIRST, ROWID_ORDER_KEY
from natoapp.store.prefixes import expand_prefixes
from natoapp.store.query import parse_query
from natoapp.store.records import (
    DocumentInfo,
    EntityInfo,
    EvidenceInfo,
    FrameworkNode,
    MentionInfo,
    ParsedQuery,
    PassageInfo,
    Provenance,
    RelationInfo,
    SearchFilters,
    SearchResult,
    Span,
)
from natoapp.store.schema import REQUIRED_TABLES
from natoapp.store.search import RANKING_WINDOW
from natoapp.store.search import count as count_hits
from natoapp.store.search import highlight as highlight_passage
from natoapp.store.search import search as run_search
from natoapp.store.words import words

_DOCUMENT_COLUMNS = "id, title, date, updated, publisher, source_file, passages, language"
_PASSAGE_COLUMNS = 'id, doc, ordinal, kind, text, start, "end", segments'
_ENTITY_COLUMNS = (
    "id, kind, name_fr, name_en, parent, date, role, description, role_fr, description_fr, relevant"
)
_MENTION_COLUMNS = 'entity, doc, passage, start, "end", text'
_NO_FILTERS = SearchFilters()


class Library(ClosedOnExit):
    """Read-only access to one natoapp database; see the module docstring for threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        """Wrap an open connection; use :meth:`open` instead."""
        self._conn = conn
        self._path = path
        # Set by interrupt(): SQLite reports an interrupted query in several
        # ways ("interrupted", "vtable constructor failed", ...).
        self._cancelled = threading.Event()
        # A built database (numbered newest first, with entity_passages and index_terms)
        # is searched through those; the user's library the plain way.
        self._built = False
        with contextlib.suppress(sqlite3.Error):
            order = conn.execute(
                "SELECT value FROM meta WHERE key = ?", [ROWID_ORDER_KEY]
            ).fetchone()
            self._built = order is not None and order[0] == NEWEST_FIRST

    @classmethod
    def open(cls, path: Path | str) -> Library:
        """Open the database at ``path`` read-only, checking it is a natoapp database."""
        path = Path(path)
        conn = open_readonly(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.Error as exc:
            conn.close()
            raise CorruptDatabaseError(f"cannot read database {path}: {exc}") from exc
        missing = [name for name in REQUIRED_TABLES if name not in tables]
        if missing:
            conn.close()
            raise CorruptDatabaseError(f"{path} is not a natoapp database (no {missing[0]} table)")
        return cls(conn, path)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    def close(self) -> None:
        """Close the connection; the library cannot be used afterwards."""
        self._conn.close()

    def interrupt(self) -> None:
        """Cancel the query running on this library (safe from any thread).

        The interrupted call raises :class:`SearchCancelled`; with no query
        running this does nothing.
        """
        self._cancelled.set()
        self._conn.interrupt()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        self._cancelled.clear()
        try:
            yield self._conn
        except sqlite3.OperationalError as exc:
            if self._cancelled.is_set() or "interrupt" in str(exc):
                raise SearchCancelled("search cancelled") from exc
            raise DatabaseError(f"cannot read database {self._path}: {exc}") from exc
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot read database {self._path}: {exc}") from exc

    def _parsed(self, conn: sqlite3.Connection, query: str, prefix_last: bool) -> ParsedQuery:
        """``query`` parsed, its entities resolved and, in a built database, its long
        beginnings read as the words they begin."""
        parsed = resolve_entities(conn, parse_query(query, prefix_last=prefix_last))
        return expand_prefixes(conn, parsed) if self._built else parsed

    def _rows(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._reading() as conn:
            return conn.execute(statement, params).fetchall()

    # -- provenance and documents -------------------------------------------------

    def provenance(self) -> Provenance:
        """What the database was built from, when, and how much it holds."""
        meta = dict(self._rows("SELECT key, value FROM meta"))
        documents = self._rows("SELECT COUNT(*) FROM documents")[0][0]
        passages = self._rows("SELECT COUNT(*) FROM passages")[0][0]
        version = meta.get("schema_version", "0")
        return Provenance(
            schema_version=int(version) if str(version).isdigit() else 0,
            build_date=meta.get("build_date", ""),
            input_hash=meta.get("input_hash", ""),
            natoapp_version=meta.get("natoapp_version", ""),
            sqlite_version=meta.get("sqlite_version", ""),
            documents=int(documents),
            passages=int(passages),
        )

    def documents(self) -> list[DocumentInfo]:
        """Every document, oldest first; undated ones last."""
        rows = self._rows(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY date IS NULL, date, id"
        )
        return [_document(row) for row in rows]

    def document(self, doc_id: str) -> DocumentInfo | None:
        """The document ``doc_id``, or None."""
        rows = self._rows(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [doc_id])
        return _document(rows[0]) if rows else None

    def document_raw(self, doc_id: str) -> str | None:
        """The document's raw text as read from its seed file, or None."""
        rows = self._rows("SELECT raw FROM documents WHERE id = ?", [doc_id])
        return str(rows[0][0]) if rows else None

    def passages(self, doc_id: str) -> list[PassageInfo]:
        """The document's passages in reading order (empty for an unknown document)."""
        rows = self._rows(
            f"SELECT {_PASSAGE_COLUMNS} FROM passages WHERE doc = ? ORDER BY ordinal", [doc_id]
        )
        return [_passage(row) for row in rows]

    def passage(self, passage_id: str) -> PassageInfo | None:
        """The passage ``passage_id`` (``"<doc>:<ordinal>"``), or None."""
        rows = self._rows(f"SELECT {_PASSAGE_COLUMNS} FROM passages WHERE id = ?", [passage_id])
        return _passage(rows[0]) if rows else None

    # -- search -------------------------------------------------------------------

    def parse(self, query: str, *, prefix_last: bool = True) -> ParsedQuery:
        """How ``query`` is understood: its terms, FTS5 expression, entities and notes."""
        with self._reading() as conn:
            return self._parsed(conn, query, prefix_last)

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        filters: SearchFilters = _NO_FILTERS,
        prefix_last: bool = True,
        with_total: bool = True,
    ) -> SearchResult:
        """Search passages; see :mod:`natoapp.store.query` for the syntax.

        With ``with_total=False`` the hits are not counted (a window can show the
        page first and ask :meth:`count` afterwards): ``total`` is then ``offset +
        len(hits)``, plus one when more hits follow.

        Never raises for any ``query`` text; :class:`SearchCancelled` when
        :meth:`interrupt` is called meanwhile.
        """
        with self._reading() as conn:
            parsed = self._parsed(conn, query, prefix_last)
            return run_search(
                conn,
                parsed,
                limit=limit,
                offset=offset,
                filters=filters,
                with_total=with_total,
                window=RANKING_WINDOW if self._built else None,
            )

    def count(
        self, query: str, filters: SearchFilters = _NO_FILTERS, *, prefix_last: bool = True
    ) -> int:
        """How many hits :meth:`search` finds in all, without fetching them."""
        with self._reading() as conn:
            parsed = self._parsed(conn, query, prefix_last)
            return count_hits(conn, parsed, filters, indexed=self._built)

    def highlight(self, passage_id: str, query: str, *, prefix_last: bool = True) -> list[Span]:
        """Spans of the passage's whole text that match ``query`` (words and named entities)."""
        with self._reading() as conn:
            parsed = self._parsed(conn, query, prefix_last)
            return highlight_passage(conn, passage_id, parsed)

    # -- knowledge ----------------------------------------------------------------

    def entities(self, kind: str | None = None) -> list[EntityInfo]:
        """Every entity (of ``kind`` when given), sorted by French name."""
        if kind is None:
            rows = self._rows(f"SELECT {_ENTITY_COLUMNS} FROM entities")
        else:
            rows = self._rows(f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE kind = ?", [kind])
        ids = [row[0] for row in rows] if kind is not None else None
        aliases = self._aliases(ids)
        sources = self._sources(ids)
        found = [_entity(row, aliases.get(row[0], ()), sources.get(row[0], ())) for row in rows]
        return sorted(found, key=lambda e: (fold(e.name_fr), e.id))

    def entity(self, entity_id: str) -> EntityInfo | None:
        """The entity ``entity_id``, or None."""
        rows = self._rows(f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE id = ?", [entity_id])
        if not rows:
            return None
        aliases = self._aliases([entity_id]).get(entity_id, ())
        return _entity(rows[0], aliases, self._sources([entity_id]).get(entity_id, ()))

    def _per_entity(
        self, select: str, order: str, entity_ids: Sequence[str] | None
    ) -> dict[str, list[Any]]:
        """Rows of ``select`` (first column: entity) grouped by entity, for some or all."""
        if entity_ids is None:
            rows = self._rows(f"{select} ORDER BY {order}")
        else:
            rows = []
            # Chunked: SQLite limits the number of parameters of one statement.
            for start in range(0, len(entity_ids), 500):
                chunk = list(entity_ids[start : start + 500])
                rows += self._rows(
                    f"{select} WHERE entity IN ({_marks(chunk)}) ORDER BY {order}", chunk
                )
        grouped: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row[0]].append(row[1:])
        return grouped

    def _aliases(self, entity_ids: Sequence[str] | None) -> dict[str, tuple[str, ...]]:
        grouped = self._per_entity(
            "SELECT entity, alias FROM aliases", "entity, folded, alias", entity_ids
        )
        return {entity: tuple(row[0] for row in rows) for entity, rows in grouped.items()}

    def _sources(self, entity_ids: Sequence[str] | None) -> dict[str, tuple[EvidenceInfo, ...]]:
        grouped = self._per_entity(
            "SELECT entity, doc, passage, quote FROM entity_sources", "entity, rowid", entity_ids
        )
        return {
            entity: tuple(EvidenceInfo(*row) for row in rows) for entity, rows in grouped.items()
        }

    def find_entity(self, name: str) -> EntityInfo | None:
        """The entity called ``name`` (its id, or any alias, compared folded), or None."""
        name = name.strip()
        if not name:
            return None
        exact = self.entity(name)
        if exact is not None:
            return exact
        folded = " ".join(words(fold(name)))
        rows = self._rows(
            "SELECT entity FROM aliases WHERE folded = ? ORDER BY kind != 'name', entity LIMIT 1",
            [folded],
        )
        if rows:
            return self.entity(rows[0][0])
        # Country codes are written in capitals; people type them any way.
        return self.entity(name.upper()) if len(name) == 2 else None

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` known names closest to ``name``, closest first (one per entity)."""
        folded = " ".join(words(fold(name)))
        if not folded or n <= 0:
            return []
        rows = self._rows("SELECT entity, alias, folded FROM aliases ORDER BY entity, alias")
        by_folded: dict[str, tuple[str, str]] = {}
        for entity, alias, alias_folded in rows:
            by_folded.setdefault(alias_folded, (entity, alias))
        if not by_folded:
            return []
        close = difflib.get_close_matches(folded, list(by_folded), n=len(by_folded), cutoff=0.6)
        names: list[str] = []
        seen: set[str] = set()
        for match in close:
            entity, alias = by_folded[match]
            if entity not in seen:
                seen.add(entity)
                names.append(alias)
        return names[:n]

    def relations(self, entity_id: str) -> list[RelationInfo]:
        """Relations with ``entity_id`` as subject or object, each with its evidence."""
        return self._relations("subject = ? OR object = ?", [entity_id, entity_id])

    def members(self, framework_id: str) -> list[RelationInfo]:
        """The ``member`` relations whose object is ``framework_id``."""
        return self._relations("kind = 'member' AND object = ?", [framework_id])

    def country_relations(self, country_id: str) -> list[RelationInfo]:
        """What a country is related to: the relations with ``country_id`` as subject."""
        return self._relations("subject = ?", [country_id])

    def _relations(self, condition: str, params: Sequence[Any]) -> list[RelationInfo]:
        rows = self._rows(
            "SELECT id, kind, subject, object, date, note FROM relations "
            f"WHERE {condition} ORDER BY kind, subject, object, id",
            params,
        )
        evidence: dict[int, list[EvidenceInfo]] = defaultdict(list)
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for relation, doc, passage, quote in self._rows(
                f"SELECT relation, doc, passage, quote FROM evidence "
                f"WHERE relation IN ({_marks(chunk)}) ORDER BY relation, rowid",
                chunk,
            ):
                evidence[relation].append(EvidenceInfo(doc, passage, quote))
        return [
            RelationInfo(
                id=rid,
                kind=kind,
                subject=subject,
                object=obj,
                date=date,
                note=note,
                evidence=tuple(evidence.get(rid, ())),
            )
            for rid, kind, subject, obj, date, note in rows
        ]

    def mentions(
        self, entity_id: str | None = None, passage_id: str | None = None
    ) -> list[MentionInfo]:
        """Mentions of ``entity_id`` and/or in ``passage_id`` (all when neither), in text order."""
        conditions, params = [], []
        if entity_id is not None:
            conditions.append("entity = ?")
            params.append(entity_id)
        if passage_id is not None:
            conditions.append("passage = ?")
            params.append(passage_id)
        where = " AND ".join(conditions) if conditions else "1"
        rows = self._rows(
            f"SELECT {_MENTION_COLUMNS} FROM mentions WHERE {where} ORDER BY rowid", params
        )
        return [MentionInfo(*row) for row in rows]

    def mention_count(self, entity_id: str) -> int:
        """How many times the texts mention ``entity_id``."""
        return int(self._rows("SELECT COUNT(*) FROM mentions WHERE entity = ?", [entity_id])[0][0])

    def framework_tree(self) -> list[FrameworkNode]:
        """Frameworks nested by parent, each with its member relations; roots sorted by name."""
        frameworks = self.entities("framework")
        known = {f.id for f in frameworks}
        children: dict[str | None, list[EntityInfo]] = defaultdict(list)
        for framework in frameworks:
            parent = framework.parent if framework.parent in known else None
            children[parent].append(framework)

        def node(framework: EntityInfo, above: frozenset[str]) -> FrameworkNode:
            # `above` guards against a parent cycle in the curated data.
            below = tuple(
                node(child, above | {framework.id})
                for child in children[framework.id]
                if child.id not in above
            )
            return FrameworkNode(framework, tuple(self.members(framework.id)), below)

        return [node(f, frozenset({f.id})) for f in children[None]]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _document(row: Sequence[Any]) -> DocumentInfo:
    doc_id, title, date, updated, publisher, source_file, passages, language = row
    return DocumentInfo(
        id=doc_id,
        title=title,
        date=date,
        updated=updated,
        publisher=publisher,
        source_file=source_file,
        passages=int(passages),
        language=language or "fr",
    )


def _passage(row: Sequence[Any]) -> PassageInfo:
    pid, doc, ordinal, kind, text, start, end, segments = row
    parsed = json.loads(segments) if segments else []
    return PassageInfo(
        id=pid,
        doc=doc,
        ordinal=int(ordinal),
        kind=kind,
        text=text,
        start=int(start),
        end=int(end),
        segments=tuple((int(a), int(b), int(c), int(d)) for a, b, c, d in parsed),
    )


def _entity(
    row: Sequence[Any], aliases: tuple[str, ...], sources: tuple[EvidenceInfo, ...]
) -> EntityInfo:
    eid, kind, name_fr, name_en, parent, date, role, description, role_fr, description_fr = row[:10]
    return EntityInfo(
        id=eid,
        kind=kind,
        name_fr=name_fr,
        name_en=name_en,
        aliases=aliases,
        parent=parent,
        date=date,
        role=role,
        description=description,
        role_fr=role_fr,
        description_fr=description_fr,
        relevant=bool(row[10]),
        sources=sources,
    )
