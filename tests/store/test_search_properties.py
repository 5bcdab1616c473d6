"""Whatever a person types, search answers: hits or none, never an error or a hang."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from natoapp.store.library import Library
from natoapp.store.query import MAX_TERMS
from natoapp.store.records import SearchFilters

SYNTAX = [
    '"',
    "«",
    "»",
    "“",
    "*",
    "-",
    "−",
    "OR",
    "OU",
    "NOT",
    "AND",
    "NEAR(",
    ")",
    "(",
    "title:",
    "body:",
    "{title body}:",
    "^",
    ":",
    "'",
    "’",
    "\u2011",
    "--",
    ";",
    "DROP TABLE passages;",
    "' OR 1=1 --",
    "\x00",
    "\x1b",
    "\u200b",
    "🙂",
    "𝔘",
    "ǅ",
    "ß",
    "œ",
]
WORDS = [
    "otan",
    "Koweït",
    "ICI",
    "ici",
    "Kuwait",
    "partenaires",
    "secur",
    "l'Alliance",
    "Proche-Orient",
    "coopération",
    "d'Ist",
    "Initiative",
    "de",
]
SEPARATORS = ["", " ", "  ", "\t", "\n"]

syntax_soup = st.lists(
    st.tuples(st.sampled_from(SYNTAX + WORDS), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda pairs: "".join(a + b for a, b in pairs))

PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=2000,
)


def check_answer(lib: Library, query: str) -> None:
    started = time.perf_counter()
    result = lib.search(query, limit=10)
    assert result.total == lib.count(query)
    assert len(result.hits) <= 10
    assert len(result.parsed.terms) <= MAX_TERMS
    for hit in result.hits:
        for start, end in hit.marks:
            assert 0 <= start < end <= len(hit.snippet)
        for start, end in hit.title_marks:
            assert 0 <= start < end <= len(hit.title)
    for note in result.parsed.notes:
        assert "fts5" not in note.lower() and "\n" not in note
    if result.hits:
        spans = lib.highlight(result.hits[0].passage, query)
        passage = lib.passage(result.hits[0].passage)
        assert passage is not None
        assert all(0 <= a < b <= len(passage.text) for a, b in spans)
    assert time.perf_counter() - started < 2.0


@given(st.text(max_size=200))
@PROPERTY_SETTINGS
def test_random_text_never_breaks_search(module_lib: Library, query: str) -> None:
    check_answer(module_lib, query)


@given(syntax_soup)
@PROPERTY_SETTINGS
def test_random_mixes_of_syntax_never_break_search(module_lib: Library, query: str) -> None:
    check_answer(module_lib, query)


@given(syntax_soup, st.sampled_from([SearchFilters(), SearchFilters(countries=("KW",))]))
@settings(max_examples=50, deadline=2000)
def test_filters_and_paging_with_any_query(
    module_lib: Library, query: str, filters: SearchFilters
) -> None:
    total = module_lib.count(query, filters)
    pages = [module_lib.search(query, limit=3, offset=k, filters=filters) for k in (0, 3)]
    assert all(p.total == total for p in pages)
    seen = [h.passage for p in pages for h in p.hits]
    assert len(seen) == len(set(seen)) == min(total, 6)


def test_extreme_inputs(module_lib: Library) -> None:
    for query in [
        "a" * 10_000,
        "otan " * 2_000,
        "-".join(["mot"] * 5_000),
        '"' * 1_001,
        "(" * 500 + "otan" + ")" * 500,
        "\x00\x01\x02\x7f",
        "🙂🙂🙂",
        "!?…;:,.",
        "NEAR(otan alliance, 2)",
        "title:koweit",
        "SELECT * FROM passages; --",
        "OR OR NOT AND",
        "*",
        "-",
        "\u2011",
    ]:
        check_answer(module_lib, query)
