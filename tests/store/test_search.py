"""Search behaviour on the hand-made corpus (see conftest.py for its sentences)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from natoapp.knowledge.model import KnowledgeBase
from natoapp.store.build import build_database
from natoapp.store.library import Library
from natoapp.store.records import Hit, SearchFilters

from .conftest import TIE_SENTENCE, make_document

ICI = "istanbul-cooperation-initiative"


def ids(hits: list[Hit]) -> list[str]:
    return [h.passage for h in hits]


def marked(hit: Hit) -> list[str]:
    return [hit.snippet[a:b] for a, b in hit.marks]


def find(lib: Library, query: str, **kwargs: object) -> list[Hit]:
    return lib.search(query, limit=100, **kwargs).hits  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "passage", "original"),
    [
        ("egypte", "a_2004:2", "Égypte"),
        ("EGYPTE", "a_2004:2", "Égypte"),
        ("koweit", "b_2017:1", "Koweït"),
        ("cyberdefense", "b_2017:2", "cyberdéfense"),
        ("manoeuvre", "b_2017:3", "manœuvre"),
        ("manœuvres", "c_2012:2", "manoeuvres"),
        ("Alliance", "b_2017:2", "Alliance"),
        ("l'Alliance", "b_2017:2", "l’Alliance"),
        ("l’OTAN", "c_2012:1", "L’OTAN"),
        ("Proche-Orient", "a_2004:1", "Proche\u2011Orient"),
        ("proche\u2011orient", "a_2004:1", "Proche\u2011Orient"),
        ("proche–orient", "a_2004:1", "Proche\u2011Orient"),
    ],
)
def test_folding_finds_the_original_spelling(
    lib: Library, query: str, passage: str, original: str
) -> None:
    for prefix_last in (True, False):
        hits = find(lib, query, prefix_last=prefix_last)
        hit = next(h for h in hits if h.passage == passage)
        assert hit.match == "literal"
        assert original in marked(hit)


def test_an_apostrophe_query_does_not_match_the_words_apart(lib: Library) -> None:
    # "l'OTAN" is a phrase: "l" right before "otan", not any "l" anywhere.
    assert "a_2004:2" not in ids(find(lib, "l'OTAN "))


def test_plural_and_singular_match_each_other(lib: Library) -> None:
    assert {"c_2012:1", "c_2012:2", "a_2004:2"} <= set(ids(find(lib, "partenaire ")))
    assert {"c_2012:1", "c_2012:2", "a_2004:2"} <= set(ids(find(lib, "partenaires ")))


def test_exact_form_ranks_above_inflected_form(lib: Library) -> None:
    singular = ids(find(lib, "partenaire "))
    assert singular[0] == "c_2012:1"  # "un partenaire fidèle"
    plural = ids(find(lib, "partenaires "))
    assert plural.index("c_2012:2") < plural.index("c_2012:1")


def test_a_title_hit_ranks_above_a_body_hit(lib: Library) -> None:
    hits = find(lib, "frontières ")
    assert ids(hits)[:2] == ["a_2004:3", "g_filler:3"]  # the heading, then the paragraph
    assert hits[0].score > hits[1].score


def test_a_document_title_is_searched_with_its_first_passage(lib: Library) -> None:
    hits = find(lib, "Chicago ")
    assert ids(hits) == ["c_2012:1"]
    (hit,) = hits
    assert [hit.title[a:b] for a, b in hit.title_marks] == ["Chicago"]
    assert hit.marks == ()


def test_equal_scores_put_the_newest_document_first_and_undated_last(lib: Library) -> None:
    hits = find(lib, "stabilité régionale ")
    assert ids(hits) == ["e_2020:1", "f_2010:1", "d_undated:1"]
    assert hits[0].score == hits[1].score == hits[2].score


def test_phrases_prefixes_or_and_not(lib: Library) -> None:
    assert ids(find(lib, '"sécurité maritime"')) == ["b_2017:2", "c_2012:3"]
    assert "g_filler:3" not in ids(find(lib, '"sécurité maritime"'))
    prefix = set(ids(find(lib, "secur*")))
    assert {"a_2004:3", "a_2004:4", "b_2017:2", "g_filler:3", "c_2012:3"} == prefix
    either = set(ids(find(lib, "Bahreïn OR Bruxelles ")))
    assert either == {"b_2017:1", "g_filler:1"}
    assert set(ids(find(lib, "secur* -maritime"))) == prefix - {"b_2017:2", "c_2012:3"}
    assert set(ids(find(lib, "secur* NOT frontières"))) == prefix - {"a_2004:3", "g_filler:3"}


def test_plain_words_must_all_be_there(lib: Library) -> None:
    assert ids(find(lib, "sécurité frontières ")) == ["a_2004:3", "g_filler:3"]
    assert find(lib, "sécurité Chicago ") == []


def test_only_exclusions_find_nothing_and_say_so(lib: Library) -> None:
    result = lib.search("-otan")
    assert result.hits == [] and result.total == 0
    assert result.parsed.notes


def test_search_as_you_type_matches_the_last_word_as_a_prefix(lib: Library) -> None:
    assert ids(find(lib, "coopération d'Ist")) == ["a_2004:1"]
    assert find(lib, "coopération d'Ist ") == []
    assert find(lib, "coopération d'Ist", prefix_last=False) == []
    hit = find(lib, "coopération d'Ist")[0]
    assert marked(hit) == ["coopération", "d’Istanbul"]


def test_entity_hits_come_after_literal_hits(lib: Library) -> None:
    result = lib.search("Koweït ")
    assert [(h.passage, h.match) for h in result.hits] == [
        ("b_2017:1", "literal"),
        ("b_2017:3", "entity"),  # "koweïtien", an alias of KW
    ]
    entity_hit = result.hits[1]
    assert entity_hit.entity == "KW" and marked(entity_hit) == ["koweïtien"]
    assert result.total == 2


def test_a_name_in_another_language_finds_the_mentions(lib: Library) -> None:
    result = lib.search("Kuwait")
    assert [(h.passage, h.match, h.entity) for h in result.hits] == [
        ("b_2017:1", "entity", "KW"),
        ("b_2017:3", "entity", "KW"),
    ]
    assert marked(result.hits[0]) == ["Koweït"]
    (match,) = result.parsed.entities
    assert (match.entity, match.alias, match.words) == ("KW", "Kuwait", "Kuwait")


def test_an_acronym_finds_a_misspelt_full_name(lib: Library) -> None:
    result = lib.search("ICI")
    literal = [h.passage for h in result.hits if h.match == "literal"]
    entity = [h for h in result.hits if h.match == "entity"]
    assert set(literal) == {"b_2017:1", "b_2017:4"}
    assert [(h.passage, h.entity) for h in entity] == [("a_2004:1", ICI)]
    assert marked(entity[0]) == ["Initiative de coopération d’Istanbul"]


def test_the_french_word_ici_only_means_the_framework_alone_or_in_capitals(
    lib: Library,
) -> None:
    assert lib.search("ici").parsed.entities[0].entity == ICI
    assert lib.search("sommes ici").parsed.entities == ()
    assert [h.passage for h in lib.search("sommes ici").hits] == ["b_2017:4"]
    assert lib.search("coopération ICI").parsed.entities[0].entity == ICI


def test_a_full_name_typed_as_words_names_the_entity(lib: Library) -> None:
    result = lib.search("Initiative de coopération d'Istanbul ")
    (match,) = result.parsed.entities
    assert match.entity == ICI and match.clauses == (0, 1, 2, 3)
    assert [(h.passage, h.match) for h in result.hits] == [
        ("a_2004:1", "literal"),
        ("b_2017:1", "entity"),  # written "d’Instanbul" in the text
    ]


def test_entity_hits_still_honour_the_rest_of_the_query(lib: Library) -> None:
    assert [h.passage for h in lib.search("Kuwait manœuvre ").hits] == ["b_2017:3"]
    assert [h.passage for h in lib.search("Kuwait -manœuvre ").hits] == ["b_2017:1"]


def test_filters(lib: Library) -> None:
    everything = set(ids(find(lib, "secur*")))
    by_doc = find(lib, "secur*", filters=SearchFilters(documents=("a_2004",)))
    assert set(ids(by_doc)) == {p for p in everything if p.startswith("a_2004")}
    by_year = find(lib, "secur*", filters=SearchFilters(years=(2017, 2015)))
    assert set(ids(by_year)) == {"b_2017:2", "g_filler:3"}
    by_country = find(lib, "coopération ", filters=SearchFilters(countries=("KW",)))
    assert ids(by_country) == ["b_2017:1"]
    by_framework = find(lib, "Istanbul ", filters=SearchFilters(frameworks=(ICI,)))
    assert ids(by_framework) == ["a_2004:1"]
    none = find(lib, "secur*", filters=SearchFilters(countries=("EG",), years=(2017,)))
    assert none == []


def test_an_empty_query_with_filters_lists_what_they_keep(lib: Library) -> None:
    result = lib.search("", filters=SearchFilters(countries=("KW",)))
    assert [(h.passage, h.match) for h in result.hits] == [
        ("b_2017:1", "filter"),
        ("b_2017:3", "filter"),
    ]
    assert marked(result.hits[1]) == ["koweïtien"]
    assert result.total == lib.count("", SearchFilters(countries=("KW",))) == 2
    assert lib.search("").hits == [] and lib.count("") == 0


@pytest.mark.parametrize(
    "query",
    ["secur*", "Koweït ", "ICI", "partenaire", "Kuwait", "coopération", "l'OTAN", "x", ""],
)
def test_count_equals_the_number_of_hits(lib: Library, query: str) -> None:
    result = lib.search(query, limit=1000)
    assert lib.count(query) == result.total == len(result.hits)


def test_pages_follow_each_other(lib: Library) -> None:
    everything = ids(lib.search("ICI", limit=100).hits)
    pages = [ids(lib.search("ICI", limit=1, offset=k).hits) for k in range(len(everything) + 1)]
    assert [p for page in pages for p in page] == everything
    assert pages[-1] == []
    assert lib.search("ICI", limit=0).hits == []
    assert lib.search("ICI", limit=2, offset=-5).hits == lib.search("ICI", limit=2).hits


def test_highlight_spans_the_whole_passage(lib: Library) -> None:
    passage = lib.passage("c_2012:3")
    assert passage is not None
    spans = lib.highlight("c_2012:3", "sécurité alliance ")
    assert [passage.text[a:b] for a, b in spans] == ["Alliance", "sécurité"]
    via_entity = lib.highlight("b_2017:3", "Kuwait")
    b3 = lib.passage("b_2017:3")
    assert b3 is not None and [b3.text[a:b] for a, b in via_entity] == ["koweïtien"]
    assert lib.highlight("nope:1", "x") == []


def test_parse_reports_how_the_query_was_read(lib: Library) -> None:
    parsed = lib.parse('Kuwait "mer Noire" -piraterie OR')
    assert parsed.text == 'Kuwait "mer Noire" -piraterie OR'
    assert [t.folded for t in parsed.terms] == ["kuwait", "mer noire", "piraterie"]
    assert parsed.entities[0].entity == "KW"
    assert parsed.notes and parsed.fts


def test_pages_through_long_runs_of_equal_scores_follow_the_full_order(tmp_path: Path) -> None:
    # 120 identical passages in 40 documents of shuffled dates (some undated), plus a
    # better hit: every page must cut the one order (score, newest first, undated last).
    rng = random.Random(7)
    dates = [f"20{rng.randrange(0, 25):02d}-0{rng.randrange(1, 10)}-1{k % 10}" for k in range(30)]
    dates += [None] * 10
    rng.shuffle(dates)
    docs = [
        make_document(f"d{k:02d}", f"Titre {k}", date, [TIE_SENTENCE] * 3)
        for k, date in enumerate(dates)
    ]
    docs.append(make_document("zz", "Titre", "2001-01-01", ["La stabilité régionale."]))
    db = tmp_path / "ties.sqlite"
    build_database(docs, KnowledgeBase((), (), ()), db, input_hash="ties")
    with Library.open(db) as lib:
        everything = lib.search("stabilité régionale ", limit=1000).hits
        assert len(everything) == 121 and everything[0].passage == "zz:1"
        for better, worse in itertools.pairwise(everything):
            assert better.score >= worse.score
            if better.score == worse.score and worse.date is not None:
                assert better.date is not None and better.date >= worse.date
        for size in (1, 7, 50):
            pages = [
                lib.search("stabilité régionale ", limit=size, offset=k).hits
                for k in range(0, 121, size)
            ]
            assert [h.passage for p in pages for h in p] == [h.passage for h in everything]


@pytest.mark.parametrize(
    "query", ["secur*", "Koweït ", "ICI", "partenaire", "Kuwait", "coopération", "stabilité", "x"]
)
def test_a_page_without_its_total_says_only_whether_more_follow(lib: Library, query: str) -> None:
    total = lib.count(query)
    for filters in (SearchFilters(), SearchFilters(years=(2017, 2012))):
        total = lib.count(query, filters)
        for limit, offset in [(1, 0), (2, 1), (3, 0), (50, 0), (1, total - 1), (2, total)]:
            counted = lib.search(query, limit=limit, offset=offset, filters=filters)
            quick = lib.search(query, limit=limit, offset=offset, filters=filters, with_total=False)
            assert quick.hits == counted.hits
            shown = max(0, offset) + len(quick.hits)
            assert quick.total == shown + (1 if shown < total and quick.hits else 0)
