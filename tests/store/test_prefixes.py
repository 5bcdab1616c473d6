"""Long beginnings read as the words they begin, on the real seeds."""

from __future__ import annotations

import sqlite3

import pytest

from natoapp.store import prefixes
from natoapp.store.entity_matching import resolve_entities
from natoapp.store.prefixes import expand_prefixes
from natoapp.store.query import parse_query
from natoapp.store.records import SearchFilters
from natoapp.store.search import count, search

_NO_FILTERS = SearchFilters()


@pytest.fixture
def conn(seeds_conn: sqlite3.Connection) -> sqlite3.Connection:
    return seeds_conn


def test_the_build_lists_every_word_of_the_index(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, passages_fts, 'row')"
    )
    vocabulary = conn.execute("SELECT term, doc FROM temp.v ORDER BY term").fetchall()
    assert conn.execute("SELECT term, passages FROM index_terms ORDER BY term").fetchall() == (
        vocabulary
    )
    assert len(vocabulary) > 500


@pytest.mark.parametrize(
    ("text", "prefix_last"),
    [
        ("partena", True),
        ("méditerr", True),
        ("otan coopéra", True),
        ("sécurit*", False),
        ("partenariat -coopéra*", False),
        ('"coopération d\'Istan"*', False),
    ],
)
def test_a_long_beginning_finds_the_same_passages_as_words(
    conn: sqlite3.Connection, text: str, prefix_last: bool
) -> None:
    plain = resolve_entities(conn, parse_query(text, prefix_last=prefix_last))
    expanded = expand_prefixes(conn, plain)
    assert expanded.fts != plain.fts  # the beginning was read as words
    assert any(term.completions for term in expanded.terms)
    found = search(conn, plain, limit=1000, offset=0, filters=_NO_FILTERS, window=5000)
    again = search(conn, expanded, limit=1000, offset=0, filters=_NO_FILTERS, window=5000)
    assert found.hits, "the case must find something"
    assert {h.passage for h in again.hits} == {h.passage for h in found.hits}
    assert again.total == found.total == count(conn, expanded, _NO_FILTERS, indexed=True)


def test_short_beginnings_and_beginnings_of_too_many_words_are_left_to_fts5(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    short = resolve_entities(conn, parse_query("otan coop"))  # a prefix index covers it
    assert expand_prefixes(conn, short) == short
    monkeypatch.setattr(prefixes, "MAX_COMPLETIONS", 2)
    many = resolve_entities(conn, parse_query("otan parte"))
    assert expand_prefixes(conn, many) == many
    unknown = resolve_entities(conn, parse_query("otan zzzzzz"))
    assert expand_prefixes(conn, unknown) == unknown
