"""Running a parsed query: literal hits ranked by BM25, then hits through entity aliases.

Literal hits are passages whose words match the query (see
:mod:`natoapp.store.query`), best BM25 score first; equal scores put the newest
document first and undated ones last. Entity hits follow them: passages that
do not match literally but mention an entity the query names through an alias
(see :mod:`natoapp.store.entity_matching`), while still matching the rest of
the query; they are ordered newest first and carry a score of 0.

An empty query with filters lists every passage the filters keep
(``match == "filter"``), marked where it mentions the filtered entities.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from natoapp.store.query import render_fts
from natoapp.store.records import (
    EntityMatch,
    Hit,
    MatchKind,
    ParsedQuery,
    SearchFilters,
    SearchResult,
    Span,
)
from natoapp.store.schema import BM25_WEIGHTS
from natoapp.store.snippets import (
    make_snippet,
    merge_spans,
    snippet_of_words,
    term_spans,
    term_spans_of_words,
)
from natoapp.store.words import original_words

_BM25 = "bm25(passages_fts, " + ", ".join(str(w) for w in BM25_WEIGHTS) + ")"
_NEWEST_FIRST = "d.date IS NULL, d.date DESC, p.rowid"
_FTS_ROWIDS = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
_HIT_COLUMNS = "p.rowid, p.id, p.doc, p.ordinal, p.text, d.title, d.date"


@dataclass(slots=True)
class _Sql:
    """A WHERE clause being assembled, with its parameters in order."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def where(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "1"


def _in(values: Sequence[Any]) -> str:
    return "(" + ",".join("?" * len(values)) + ")"


def _filter_sql(filters: SearchFilters) -> _Sql:
    """Conditions on ``p`` (passages) and ``d`` (documents) for ``filters``."""
    sql = _Sql()
    for entities in (filters.frameworks, filters.countries):
        if entities:
            sql.add(
                f"p.id IN (SELECT passage FROM mentions WHERE entity IN {_in(entities)})",
                *entities,
            )
    if filters.documents:
        sql.add(f"p.doc IN {_in(filters.documents)}", *filters.documents)
    if filters.years:
        years = [f"{int(y):04d}" for y in filters.years]
        sql.add(f"substr(d.date, 1, 4) IN {_in(years)}", *years)
    return sql


def _browsing(parsed: ParsedQuery, filters: SearchFilters) -> bool:
    return not parsed.terms and not filters.is_empty()


def count(conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters) -> int:
    """How many hits ``search`` would return in all, counted by SQLite."""
    if _browsing(parsed, filters):
        sql = _filter_sql(filters)
        return _scalar(
            conn,
            f"SELECT COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc WHERE {sql.where()}",
            sql.params,
        )
    return _count_literal(conn, parsed, filters) + _count_entity(conn, parsed, filters)


def _scalar(conn: sqlite3.Connection, statement: str, params: Sequence[Any]) -> int:
    row = conn.execute(statement, params).fetchone()
    return int(row[0]) if row else 0


def _count_literal(conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters) -> int:
    if not parsed.fts:
        return 0
    sql = _filter_sql(filters)
    return _scalar(
        conn,
        "SELECT COUNT(*) FROM passages_fts "
        "JOIN passages p ON p.rowid = passages_fts.rowid JOIN documents d ON d.id = p.doc "
        f"WHERE passages_fts MATCH ? AND {sql.where()}",
        [parsed.fts, *sql.params],
    )


def _entity_sql(parsed: ParsedQuery, filters: SearchFilters) -> tuple[str, list[Any]]:
    """A query yielding ``rowid, k`` (k: index of the first entity match) of entity hits."""
    branches: list[str] = []
    params: list[Any] = []
    exclusions = render_fts([list(parsed.exclusions)]) if parsed.exclusions else ""
    for k, match in enumerate(parsed.entities):
        rest = [c for i, c in enumerate(parsed.clauses) if i not in match.clauses]
        branch = _Sql()
        branch.add("p.id IN (SELECT passage FROM mentions WHERE entity = ?)", match.entity)
        if rest:
            branch.add(f"p.rowid IN ({_FTS_ROWIDS})", render_fts(rest))
        if exclusions:
            branch.add(f"p.rowid NOT IN ({_FTS_ROWIDS})", exclusions)
        branches.append(f"SELECT p.rowid AS r, {k} AS k FROM passages p WHERE {branch.where()}")
        params += branch.params
    outer = _filter_sql(filters)
    outer.add(f"p.rowid NOT IN ({_FTS_ROWIDS})", parsed.fts)
    statement = (
        f"WITH em AS ({' UNION ALL '.join(branches)}), "
        "e AS (SELECT r, MIN(k) AS k FROM em GROUP BY r) "
        f"SELECT {_HIT_COLUMNS}, e.k FROM e "
        "JOIN passages p ON p.rowid = e.r JOIN documents d ON d.id = p.doc "
        f"WHERE {outer.where()}"
    )
    return statement, params + outer.params


def _count_entity(conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters) -> int:
    if not parsed.entities or not parsed.fts:
        return 0
    statement, params = _entity_sql(parsed, filters)
    return _scalar(conn, f"SELECT COUNT(*) FROM ({statement})", params)


def search(
    conn: sqlite3.Connection,
    parsed: ParsedQuery,
    *,
    limit: int,
    offset: int,
    filters: SearchFilters,
) -> SearchResult:
    """A page of hits for ``parsed`` (whose ``entities`` are already resolved)."""
    limit, offset = max(0, limit), max(0, offset)
    if _browsing(parsed, filters):
        return _browse(conn, parsed, limit=limit, offset=offset, filters=filters)
    literal_total = _count_literal(conn, parsed, filters)
    entity_total = _count_entity(conn, parsed, filters)
    hits: list[Hit] = []
    if offset < literal_total and limit:
        hits += _literal_hits(conn, parsed, filters, limit, offset)
    remaining = limit - len(hits)
    if remaining > 0 and entity_total:
        skip = max(0, offset - literal_total)
        hits += _entity_hits(conn, parsed, filters, remaining, skip)
    return SearchResult(hits=hits, total=literal_total + entity_total, parsed=parsed)


def _literal_hits(
    conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters, limit: int, offset: int
) -> list[Hit]:
    sql = _filter_sql(filters)
    rows = conn.execute(
        f"SELECT {_HIT_COLUMNS}, m.score FROM "
        f"(SELECT rowid AS r, {_BM25} AS score FROM passages_fts WHERE passages_fts MATCH ?) AS m "
        "JOIN passages p ON p.rowid = m.r JOIN documents d ON d.id = p.doc "
        f"WHERE {sql.where()} ORDER BY m.score, {_NEWEST_FIRST} LIMIT ? OFFSET ?",
        [parsed.fts, *sql.params, limit, offset],
    ).fetchall()
    terms = [t for clause in parsed.clauses for t in clause]
    hits = []
    title_marks: dict[str, tuple[Span, ...]] = {}
    for _, pid, doc, ordinal, text, title, date, score in rows:
        found = original_words(text)
        snippet, marks = snippet_of_words(text, found, term_spans_of_words(found, terms))
        if title not in title_marks:
            # A page of hits often shows one document's title many times.
            title_marks[title] = tuple(term_spans(title, terms))
        hits.append(
            Hit(
                doc,
                pid,
                ordinal,
                title,
                date,
                snippet,
                marks,
                # FTS5's bm25() is lower for better matches; a score reads better the other way.
                score=-float(score),
                title_marks=title_marks[title],
            )
        )
    return hits


def _entity_hits(
    conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters, limit: int, offset: int
) -> list[Hit]:
    statement, params = _entity_sql(parsed, filters)
    rows = conn.execute(
        f"{statement} ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    hits = []
    for _, pid, doc, ordinal, text, title, date, k in rows:
        match = parsed.entities[k]
        spans = mention_spans(conn, pid, [match.entity]) + _rest_spans(text, parsed, match)
        snippet, marks = make_snippet(text, merge_spans(spans))
        hits.append(
            Hit(
                doc,
                pid,
                ordinal,
                title,
                date,
                snippet,
                marks,
                score=0.0,
                match="entity",
                entity=match.entity,
                title_marks=tuple(_rest_spans(title, parsed, match)),
            )
        )
    return hits


def _rest_spans(text: str, parsed: ParsedQuery, match: EntityMatch) -> list[Span]:
    rest = [t for i, c in enumerate(parsed.clauses) if i not in match.clauses for t in c]
    return term_spans(text, rest)


def _browse(
    conn: sqlite3.Connection,
    parsed: ParsedQuery,
    *,
    limit: int,
    offset: int,
    filters: SearchFilters,
) -> SearchResult:
    sql = _filter_sql(filters)
    rows = conn.execute(
        f"SELECT {_HIT_COLUMNS} FROM passages p JOIN documents d ON d.id = p.doc "
        f"WHERE {sql.where()} ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?",
        [*sql.params, limit, offset],
    ).fetchall()
    entities = [*filters.frameworks, *filters.countries]
    hits = []
    match: MatchKind = "filter"
    for _, pid, doc, ordinal, text, title, date in rows:
        snippet, marks = make_snippet(text, mention_spans(conn, pid, entities))
        hits.append(Hit(doc, pid, ordinal, title, date, snippet, marks, 0.0, match))
    return SearchResult(hits=hits, total=count(conn, parsed, filters), parsed=parsed)


def mention_spans(conn: sqlite3.Connection, passage_id: str, entities: Sequence[str]) -> list[Span]:
    """Spans of a passage's text where any of ``entities`` is mentioned."""
    if not entities:
        return []
    rows = conn.execute(
        f'SELECT start, "end" FROM mentions WHERE passage = ? AND entity IN {_in(entities)}',
        [passage_id, *entities],
    ).fetchall()
    return [(int(start), int(end)) for start, end in rows]


def highlight(conn: sqlite3.Connection, passage_id: str, parsed: ParsedQuery) -> list[Span]:
    """Spans of a whole passage's text matching ``parsed``: its words and named entities."""
    row = conn.execute("SELECT text FROM passages WHERE id = ?", [passage_id]).fetchone()
    if row is None:
        return []
    text = str(row[0])
    terms = [t for clause in parsed.clauses for t in clause]
    spans = term_spans(text, terms)
    spans += mention_spans(conn, passage_id, [m.entity for m in parsed.entities])
    return merge_spans(spans)
