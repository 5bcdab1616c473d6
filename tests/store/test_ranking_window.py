"""Ranking a frequent word's hits a window at a time, newest first, on the real seeds."""

from __future__ import annotations

import sqlite3

import pytest

from natoapp.store.entity_matching import resolve_entities
from natoapp.store.query import parse_query
from natoapp.store.records import ParsedQuery, SearchFilters
from natoapp.store.schema import BM25_WEIGHTS
from natoapp.store.search import count, search

_BM25 = "bm25(passages_fts, " + ", ".join(str(w) for w in BM25_WEIGHTS) + ")"
_NO_FILTERS = SearchFilters()


@pytest.fixture
def conn(seeds_conn: sqlite3.Connection) -> sqlite3.Connection:
    return seeds_conn


def parsed(conn: sqlite3.Connection, text: str) -> ParsedQuery:
    return resolve_entities(conn, parse_query(text, prefix_last=False))


def expected_order(conn: sqlite3.Connection, query: ParsedQuery, window: int) -> list[str]:
    """Each tier's matches in rowid order, cut into windows, each window best first."""
    tiers = [query.exact_fts, f"({query.fts}) NOT ({query.exact_fts})"]
    if not query.exact_fts or query.exact_fts == query.fts:
        tiers = [query.fts]
    order: list[str] = []
    for fts in tiers:
        matches = conn.execute(
            f"SELECT p.id, {_BM25} FROM passages_fts "
            "JOIN passages p ON p.rowid = passages_fts.rowid "
            "WHERE passages_fts MATCH ? ORDER BY passages_fts.rowid",
            [fts],
        ).fetchall()
        for start in range(0, len(matches), window):
            chunk = list(enumerate(matches[start : start + window]))
            order += [pid for _, (pid, _) in sorted(chunk, key=lambda c: (c[1][1], c[0]))]
    return order


def page_ids(
    conn: sqlite3.Connection, query: ParsedQuery, window: int | None, **kw: int
) -> list[str]:
    result = search(conn, query, filters=_NO_FILTERS, window=window, **kw)
    return [hit.passage for hit in result.hits if hit.match == "literal"]


@pytest.mark.parametrize("text", ["otan", "partenariat", "sécurité", "dialogue méditerranéen"])
def test_a_window_as_large_as_the_hits_ranks_exactly_as_without_one(
    conn: sqlite3.Connection, text: str
) -> None:
    query = parsed(conn, text)
    whole = search(conn, query, limit=500, offset=0, filters=_NO_FILTERS, window=None)
    assert whole.total > 3
    windowed = search(conn, query, limit=500, offset=0, filters=_NO_FILTERS, window=5000)
    assert [h.passage for h in windowed.hits] == [h.passage for h in whole.hits]
    assert windowed.total == whole.total and windowed.ranking_window == 0


@pytest.mark.parametrize("window", [1, 2, 3, 5, 6])
@pytest.mark.parametrize("limit", [1, 4, 6])
def test_pages_through_small_windows_give_every_hit_once_in_window_order(
    conn: sqlite3.Connection, window: int, limit: int
) -> None:
    query = parsed(conn, "partenariat")
    expected = expected_order(conn, query, window)
    assert len(expected) > 2 * window
    pages: list[str] = []
    for offset in range(0, len(expected) + limit, limit):
        pages += page_ids(conn, query, window, limit=limit, offset=offset)
    assert pages == expected


def test_a_result_says_when_its_hits_were_ranked_a_window_at_a_time(
    conn: sqlite3.Connection,
) -> None:
    query = parsed(conn, "otan")
    total = search(conn, query, limit=5, offset=0, filters=_NO_FILTERS).total
    small = search(conn, query, limit=5, offset=0, filters=_NO_FILTERS, window=4)
    assert small.ranking_window == 4 and small.total == total
    uncounted = search(
        conn, query, limit=5, offset=0, filters=_NO_FILTERS, window=4, with_total=False
    )
    assert uncounted.total == 6  # the page and "more follow"
    last = search(conn, query, limit=50, offset=total - 2, filters=_NO_FILTERS, window=4)
    assert len(last.hits) == 2 and last.total == total


def test_the_first_window_holds_the_newest_matches(conn: sqlite3.Connection) -> None:
    query = parsed(conn, "otan")
    hits = search(conn, query, limit=5, offset=0, filters=_NO_FILTERS, window=5).hits
    dates = conn.execute(
        "SELECT d.date FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid "
        "JOIN documents d ON d.id = p.doc WHERE passages_fts MATCH ? ORDER BY d.date DESC",
        [query.exact_fts or query.fts],
    ).fetchall()
    newest_five = sorted((d for (d,) in dates if d), reverse=True)[:5]
    assert sorted((h.date or "" for h in hits), reverse=True) == newest_five


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("Kuwait", _NO_FILTERS),
        ("Jordanie", _NO_FILTERS),
        ("OTAN Koweït", _NO_FILTERS),
        ("Kuwait OR Qatar", _NO_FILTERS),
        ("Kuwait -Bahreïn", _NO_FILTERS),
        ("", SearchFilters(countries=("KW",))),
        (
            "",
            SearchFilters(frameworks=("istanbul-cooperation-initiative",), countries=("QA", "AE")),
        ),
        ("otan", SearchFilters(countries=("JO", "GE"))),
        ("otan", SearchFilters(frameworks=("mediterranean-dialogue",))),
    ],
)
def test_the_entity_index_finds_what_the_mentions_do_in_the_same_order(
    conn: sqlite3.Connection, text: str, filters: SearchFilters
) -> None:
    query = parsed(conn, text)
    plain = search(conn, query, limit=500, offset=0, filters=filters, window=None)
    assert plain.hits, "the case must find something"
    indexed = search(conn, query, limit=500, offset=0, filters=filters, window=5000)
    assert [(h.passage, h.match, h.entity) for h in indexed.hits] == [
        (h.passage, h.match, h.entity) for h in plain.hits
    ]
    assert indexed.total == plain.total
    assert count(conn, query, filters, indexed=True) == count(conn, query, filters)
    for offset in (1, 3, 7):
        page = search(conn, query, limit=3, offset=offset, filters=filters, window=5000)
        assert [h.passage for h in page.hits] == [h.passage for h in plain.hits][
            offset : offset + 3
        ]
