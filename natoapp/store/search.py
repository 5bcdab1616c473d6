"""Running a parsed query: literal hits ranked by BM25, then hits through entity aliases.

Literal hits are passages whose words match the query (see
:mod:`natoapp.store.query`), best BM25 score first; equal scores put the newest
document first and undated ones last. Entity hits follow them: passages that
do not match literally but mention an entity the query names through an alias
(see :mod:`natoapp.store.entity_matching`), while still matching the rest of
the query; they are ordered newest first and carry a score of 0.

An empty query with filters lists every passage the filters keep
(``match == "filter"``), marked where it mentions the filtered entities.

Scoring every hit of a frequent word costs time in proportion to the corpus
(hundreds of milliseconds for 400 000 hits), while a page only shows fifty. In a
database whose rowids run newest first (:mod:`natoapp.store.ordering`) the
literal hits are therefore ranked ``window`` at a time: the newest ``window``
matches, best first, then the next ``window``, and so on. Up to ``window``
hits this is exactly the ranking above; beyond it a page costs the same at any
corpus size, and ``SearchResult.ranking_window`` tells the reader.
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
    snippet_with_terms,
    term_spans,
    title_spans,
)

_BM25 = "bm25(passages_fts, " + ", ".join(str(w) for w in BM25_WEIGHTS) + ")"
_NEWEST_FIRST = "d.date IS NULL, d.date DESC, p.rowid"
_FTS_ROWIDS = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
_RANKED = (
    f"SELECT rowid, {_BM25} AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score"
)
# One window of matches in rowid order (newest first), best score first.
_WINDOW = (
    "SELECT rowid, score FROM ("
    f"SELECT rowid, {_BM25} AS score FROM passages_fts WHERE passages_fts MATCH ? "
    "ORDER BY rowid LIMIT ? OFFSET ?) ORDER BY score, rowid LIMIT ? OFFSET ?"
)
_NTH_MATCH = (
    "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?"
)
# How many hits a search ranks together, in a database numbered newest first.
RANKING_WINDOW = 5000
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


def _filter_sql(filters: SearchFilters, indexed: bool = False) -> _Sql:
    """Conditions on ``p`` (passages) and ``d`` (documents) for ``filters``."""
    sql = _Sql()
    for entities in (filters.frameworks, filters.countries):
        if entities:
            sql.add(
                f"p.rowid IN (SELECT passage FROM entity_passages WHERE entity IN {_in(entities)})"
                if indexed
                else f"p.id IN (SELECT passage FROM mentions WHERE entity IN {_in(entities)})",
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


def _newest_first(indexed: bool) -> str:
    """ORDER BY terms putting ``p`` newest document first, undated last, in reading order."""
    # Rowids run in that order in a database numbered newest first (natoapp.store.ordering).
    return "p.rowid" if indexed else _NEWEST_FIRST


def count(
    conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters, *, indexed: bool = False
) -> int:
    """How many hits ``search`` would return in all, counted by SQLite.

    ``indexed``: the database is numbered newest first and has ``entity_passages``.
    """
    if _browsing(parsed, filters):
        sql = _filter_sql(filters, indexed)
        return _scalar(
            conn,
            f"SELECT COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc WHERE {sql.where()}",
            sql.params,
        )
    return _count_literal(conn, parsed, filters, indexed) + _count_entity(
        conn, parsed, filters, indexed
    )


def _scalar(conn: sqlite3.Connection, statement: str, params: Sequence[Any]) -> int:
    row = conn.execute(statement, params).fetchone()
    return int(row[0]) if row else 0


def _count_literal(
    conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters, indexed: bool
) -> int:
    if not parsed.fts:
        return 0
    if filters.is_empty():
        # The index alone knows how many rows match: no row of any table is read.
        return _scalar(conn, f"SELECT COUNT(*) FROM ({_FTS_ROWIDS})", [parsed.fts])
    sql = _filter_sql(filters, indexed)
    return _scalar(
        conn,
        "SELECT COUNT(*) FROM passages_fts "
        "JOIN passages p ON p.rowid = passages_fts.rowid JOIN documents d ON d.id = p.doc "
        f"WHERE passages_fts MATCH ? AND {sql.where()}",
        [parsed.fts, *sql.params],
    )


def _entity_rowids(parsed: ParsedQuery, indexed: bool) -> tuple[str, list[Any]]:
    """A query yielding ``r, k`` for each passage found through an entity (k: index of the
    first entity match naming it), whether or not it also matches literally.

    ``indexed`` reads ``entity_passages``, whose (entity, rowid) order lets one entity's
    passages be listed newest first without sorting them."""
    branches: list[str] = []
    params: list[Any] = []
    exclusions = render_fts([list(parsed.exclusions)]) if parsed.exclusions else ""
    for k, match in enumerate(parsed.entities):
        rest = [c for i, c in enumerate(parsed.clauses) if i not in match.clauses]
        branch = _Sql()
        if indexed:
            rowid, source = "passage", "entity_passages"
            branch.add("entity = ?", match.entity)
        else:
            rowid, source = "p.rowid", "passages p"
            branch.add("p.id IN (SELECT passage FROM mentions WHERE entity = ?)", match.entity)
        if rest:
            branch.add(f"{rowid} IN ({_FTS_ROWIDS})", render_fts(rest))
        if exclusions:
            branch.add(f"{rowid} NOT IN ({_FTS_ROWIDS})", exclusions)
        branches.append(f"SELECT {rowid} AS r, {k} AS k FROM {source} WHERE {branch.where()}")
        params += branch.params
    if len(branches) == 1:
        return branches[0], params
    union = " UNION ALL ".join(branches)
    return f"SELECT r, MIN(k) AS k FROM ({union}) GROUP BY r", params


def _entity_sql(
    parsed: ParsedQuery, filters: SearchFilters, indexed: bool
) -> tuple[str, list[Any]]:
    """A query yielding the hit columns and ``k`` of every entity hit (not ordered)."""
    found, params = _entity_rowids(parsed, indexed)
    outer = _filter_sql(filters, indexed)
    outer.add(f"p.rowid NOT IN ({_FTS_ROWIDS})", parsed.fts)
    statement = (
        f"SELECT {_HIT_COLUMNS}, e.k FROM ({found}) AS e "
        "JOIN passages p ON p.rowid = e.r JOIN documents d ON d.id = p.doc "
        f"WHERE {outer.where()}"
    )
    return statement, params + outer.params


def _count_entity(
    conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters, indexed: bool
) -> int:
    if not parsed.entities or not parsed.fts:
        return 0
    if filters.is_empty():
        # Counting needs neither the passages' text nor their documents.
        found, params = _entity_rowids(parsed, indexed)
        return _scalar(
            conn,
            f"SELECT COUNT(*) FROM ({found}) WHERE r NOT IN ({_FTS_ROWIDS})",
            [*params, parsed.fts],
        )
    statement, params = _entity_sql(parsed, filters, indexed)
    return _scalar(conn, f"SELECT COUNT(*) FROM ({statement})", params)


def search(
    conn: sqlite3.Connection,
    parsed: ParsedQuery,
    *,
    limit: int,
    offset: int,
    filters: SearchFilters,
    with_total: bool = True,
    window: int | None = None,
) -> SearchResult:
    """A page of hits for ``parsed`` (whose ``entities`` are already resolved).

    Without ``with_total`` nothing is counted: ``total`` is then ``offset +
    len(hits)``, plus one when more hits follow the page. With ``window`` (only
    for a database numbered newest first) literal hits are ranked that many at
    a time, as the module docstring says, and the database's ``entity_passages`` is read.
    """
    limit, offset = max(0, limit), max(0, offset)
    indexed = window is not None
    if _browsing(parsed, filters):
        return _browse(conn, parsed, limit=limit, offset=offset, filters=filters, indexed=indexed)
    # One row beyond the page tells whether more follow.
    literal = _literal_rows(conn, parsed, filters, limit + 1 if limit else 0, offset, window)
    rows, literal_total = literal.rows, literal.total
    more = len(rows) > limit
    hits = _literal_hits(parsed, rows[:limit])
    if literal_total is None and (with_total or (len(hits) < limit and offset)):
        literal_total = _count_literal(conn, parsed, filters, indexed)
    entities = bool(parsed.entities and parsed.fts)
    remaining = limit - len(hits)
    if entities and remaining > 0:
        skip = max(0, offset - (literal_total or 0)) if not hits else 0
        found = _entity_hits(conn, parsed, filters, remaining + 1, skip, indexed)
        more = len(found) > remaining
        hits += found[:remaining]
    elif entities and limit and not more and not with_total:
        more = _entity_hit_exists(conn, parsed, filters, indexed)
    if with_total:
        total = (literal_total or 0) + _count_entity(conn, parsed, filters, indexed)
    else:
        total = offset + len(hits) + int(more)
    return SearchResult(
        hits=hits,
        total=total,
        parsed=parsed,
        ranking_window=window if literal.windowed and window else 0,
    )


def _entity_hit_exists(
    conn: sqlite3.Connection, parsed: ParsedQuery, filters: SearchFilters, indexed: bool
) -> bool:
    statement, params = _entity_sql(parsed, filters, indexed)
    return conn.execute(f"SELECT 1 FROM ({statement}) LIMIT 1", params).fetchone() is not None


# Rows fetched beyond the page, so that a run of equal scores at its end is seen whole.
_TIE_MARGIN = 32


def _tiers(parsed: ParsedQuery) -> list[str]:
    """The FTS5 expressions whose hits come one after the other: the words as written first,
    then the passages that hold only an inflected form (or the typed word's continuation)."""
    exact = parsed.exact_fts
    if not exact or exact == parsed.fts:
        return [parsed.fts]
    return [exact, f"({parsed.fts}) NOT ({exact})"]


@dataclass(slots=True)
class _Rows:
    """A page's rows, the number of hits when known without counting them, and whether
    a tier had more hits than the ranking window."""

    rows: list[Any]
    total: int | None
    windowed: bool = False


def _literal_rows(
    conn: sqlite3.Connection,
    parsed: ParsedQuery,
    filters: SearchFilters,
    limit: int,
    offset: int,
    window: int | None,
) -> _Rows:
    """The page's literal rows, best first, and the number of literal hits when it is known
    without counting them.

    Exact forms rank above inflected ones whatever BM25 says: the tiers of
    :func:`_tiers` are paged through one after the other.
    """
    if not parsed.fts or not limit:
        return _Rows([], None if parsed.fts else 0)
    rows: list[Any] = []
    windowed = False
    before = 0  # hits of the tiers already paged through
    for fts in _tiers(parsed):
        want = limit - len(rows)
        tier_offset = max(0, offset - before)
        if window and filters.is_empty():
            tier = _windowed_rows(conn, fts, want, tier_offset, window)
            tier_rows, tier_total = tier.rows, tier.total
            windowed = windowed or tier.windowed
        else:
            tier_rows, tier_total = _tier_rows(
                conn, fts, filters, want, tier_offset, window is not None
            )
        rows += tier_rows
        if len(rows) >= limit:
            return _Rows(rows, None, windowed)
        if tier_total is None:
            tier_total = (
                _scalar(conn, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", [fts])
                if filters.is_empty()
                else _count_tier(conn, fts, filters, window is not None)
            )
        before += tier_total
    return _Rows(rows, before, windowed)


def _windowed_rows(
    conn: sqlite3.Connection, fts: str, limit: int, offset: int, window: int
) -> _Rows:
    """One tier's page when its matches are ranked ``window`` at a time, newest first.

    Hits ``[k * window, (k + 1) * window)`` are the ``k``-th window's matches in
    rowid order, best score first (equal scores in rowid order, which is newest
    first): each window is scored alone, so a page costs the same however many
    matches follow it. Its ``total`` is known once a window is not full.
    """
    ranked: list[tuple[int, float]] = []
    total: int | None = None
    position = offset
    while len(ranked) < limit:
        k, start = divmod(position, window)
        asked = limit - len(ranked)
        got = conn.execute(_WINDOW, [fts, window, k * window, asked, start]).fetchall()
        ranked += got
        if len(got) == asked:
            break
        if not got:
            # The page starts past the last match, perhaps past the windows before k too.
            total = _scalar(conn, f"SELECT count(*) FROM ({_FTS_ROWIDS})", [fts])
            break
        if start + len(got) < window:
            total = k * window + start + len(got)
            break
        position = (k + 1) * window
    if total is not None:
        windowed = total > window
    elif offset + len(ranked) > window:
        windowed = True  # the page reached past the first window already
    else:
        windowed = conn.execute(_NTH_MATCH, [fts, window]).fetchone() is not None
    if not ranked:
        return _Rows([], total, windowed)
    scores = dict(ranked)
    found = {
        row[0]: row
        for row in conn.execute(
            f"SELECT {_HIT_COLUMNS} FROM passages p JOIN documents d ON d.id = p.doc "
            f"WHERE p.rowid IN ({','.join('?' * len(ranked))})",
            [rowid for rowid, _ in ranked],
        )
    }
    rows = [(*found[rowid], scores[rowid]) for rowid, _ in ranked if rowid in found]
    return _Rows(rows, total, windowed)


def _count_tier(conn: sqlite3.Connection, fts: str, filters: SearchFilters, indexed: bool) -> int:
    sql = _filter_sql(filters, indexed)
    return _scalar(
        conn,
        "SELECT count(*) FROM (SELECT rowid AS r FROM passages_fts WHERE passages_fts MATCH ?)"
        f" AS m JOIN passages p ON p.rowid = m.r JOIN documents d ON d.id = p.doc "
        f"WHERE {sql.where()}",
        [fts, *sql.params],
    )


def _tier_rows(
    conn: sqlite3.Connection,
    fts: str,
    filters: SearchFilters,
    limit: int,
    offset: int,
    indexed: bool,
) -> tuple[list[Any], int | None]:
    """One tier's page, best first, and its number of hits when known without counting."""
    if not filters.is_empty():
        sql = _filter_sql(filters, indexed)
        rows = conn.execute(
            f"SELECT {_HIT_COLUMNS}, m.score FROM "
            f"(SELECT rowid AS r, {_BM25} AS score FROM passages_fts WHERE passages_fts MATCH ?)"
            " AS m JOIN passages p ON p.rowid = m.r JOIN documents d ON d.id = p.doc "
            f"WHERE {sql.where()} ORDER BY m.score, {_newest_first(indexed)} LIMIT ? OFFSET ?",
            [fts, *sql.params, limit, offset],
        ).fetchall()
        return rows, (offset + len(rows) if 0 < len(rows) < limit else None)
    return _ranked_rows(conn, fts, limit, offset)


def _ranked_rows(
    conn: sqlite3.Connection, fts: str, limit: int, offset: int
) -> tuple[list[Any], int | None]:
    """The page ranked inside FTS5, then joined to its passages and documents.

    FTS5 scores and sorts the matches without reading any table; rows are taken
    from the sorted cursor only as far as the page and the run of equal scores
    at its end reach. The date only breaks ties, so it is read for the rows
    whose score is shared with a row of the page.
    """
    wanted = offset + limit
    cursor = conn.execute(_RANKED, [fts])
    try:
        ranked = cursor.fetchmany(wanted + _TIE_MARGIN)
        exhausted = len(ranked) < wanted + _TIE_MARGIN
        while not exhausted and ranked[-1][1] == ranked[wanted - 1][1]:
            # The last score of the page runs on past what was fetched.
            more = cursor.fetchmany(max(len(ranked), _TIE_MARGIN))
            ranked += more
            exhausted = not more
    finally:
        cursor.close()
    total = len(ranked) if exhausted else None
    if offset >= len(ranked):
        return [], total
    # Every row tied with the page's first or last score may belong on the page.
    first = offset
    while first > 0 and ranked[first - 1][1] == ranked[offset][1]:
        first -= 1
    last = min(wanted, len(ranked)) - 1
    edge = ranked[last][1]
    while last + 1 < len(ranked) and ranked[last + 1][1] == edge:
        last += 1
    window = ranked[first : last + 1]
    scores = dict(window)
    rows = conn.execute(
        f"SELECT {_HIT_COLUMNS} FROM passages p JOIN documents d ON d.id = p.doc "
        f"WHERE p.rowid IN ({','.join('?' * len(window))})",
        [rowid for rowid, _ in window],
    ).fetchall()
    # Best score first; equal scores newest first, undated last, then in reading order
    # (stable sorts, least significant key first).
    rows.sort(key=lambda row: row[0])
    rows.sort(key=lambda row: row[6] or "", reverse=True)
    rows.sort(key=lambda row: scores[row[0]])
    page = rows[offset - first : offset - first + limit]
    return [(*row, scores[row[0]]) for row in page], total


def _literal_hits(parsed: ParsedQuery, rows: Sequence[Any]) -> list[Hit]:
    terms = tuple(t for clause in parsed.clauses for t in clause)
    hits = []
    for _, pid, doc, ordinal, text, title, date, score in rows:
        snippet, marks = snippet_with_terms(text, terms)
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
                title_marks=title_spans(title, terms),
            )
        )
    return hits


def _entity_hits(
    conn: sqlite3.Connection,
    parsed: ParsedQuery,
    filters: SearchFilters,
    limit: int,
    offset: int,
    indexed: bool,
) -> list[Hit]:
    statement, params = _entity_sql(parsed, filters, indexed)
    order = "e.r" if indexed else _NEWEST_FIRST
    rows = conn.execute(
        f"{statement} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    wanted = [(row[1], parsed.entities[row[7]].entity) for row in rows]
    mentioned = _mention_spans_of(conn, wanted)
    hits = []
    for _, pid, doc, ordinal, text, title, date, k in rows:
        match = parsed.entities[k]
        spans = mentioned.get(pid, []) + _rest_spans(text, parsed, match)
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


def _mention_spans_of(
    conn: sqlite3.Connection, wanted: Sequence[tuple[str, str]]
) -> dict[str, list[Span]]:
    """Spans of each passage's mentions of its entity, for a page of ``(passage, entity)``."""
    if not wanted:
        return {}
    passages = sorted({pid for pid, _ in wanted})
    pairs = set(wanted)
    spans: dict[str, list[Span]] = {}
    for pid, entity, start, end in conn.execute(
        f'SELECT passage, entity, start, "end" FROM mentions WHERE passage IN {_in(passages)}',
        passages,
    ):
        if (pid, entity) in pairs:
            spans.setdefault(pid, []).append((int(start), int(end)))
    return spans


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
    indexed: bool,
) -> SearchResult:
    sql = _filter_sql(filters, indexed)
    rows = conn.execute(
        f"SELECT {_HIT_COLUMNS} FROM passages p JOIN documents d ON d.id = p.doc "
        f"WHERE {sql.where()} ORDER BY {_newest_first(indexed)} LIMIT ? OFFSET ?",
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
