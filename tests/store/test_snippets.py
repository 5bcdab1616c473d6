from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from natoapp.store.query import parse_query
from natoapp.store.snippets import (
    ELLIPSIS,
    make_snippet,
    merge_spans,
    snippet_of_words,
    term_spans,
    term_spans_of_words,
)
from natoapp.store.words import original_words

TEXT = (
    "Au cours des deux dernières décennies, l’Alliance a établi un réseau de partenariats "
    "structurés avec des pays de la région euro-atlantique, du pourtour méditerranéen et de "
    "la région du Golfe, ainsi que des relations individuelles avec d’autres pays du monde "
    "entier. Ces relations reposent sur des valeurs communes et sur la réciprocité. Dans la "
    "région du Golfe, la piraterie menace la sécurité maritime et appelle une réponse "
    "commune des Alliés et de leurs amis."
)


def marked(text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> list[str]:
    return [text[a:b] for a, b in spans]


def spans_for(text: str, query: str) -> list[tuple[int, int]]:
    return term_spans(text, parse_query(query).terms)


def test_marks_point_at_original_characters() -> None:
    text = "Le Premier ministre koweïtien a salué la manœuvre au Koweït."
    assert marked(text, spans_for(text, "koweit manoeuvre ")) == ["manœuvre", "Koweït"]


def test_phrase_marks_cover_the_whole_phrase() -> None:
    text = "L’Initiative de coopération d’Istanbul est née à Istanbul."
    assert marked(text, spans_for(text, "coopération d'Istanbul ")) == [
        "coopération",
        "d’Istanbul",
    ]
    assert marked(text, spans_for(text, '"coopération d\'Istanbul"')) == ["coopération d’Istanbul"]


def test_inflections_prefixes_and_quotes() -> None:
    text = "Un partenaire, des partenaires et un partenariat."
    assert marked(text, spans_for(text, "partenaire ")) == ["partenaire", "partenaires"]
    assert marked(text, spans_for(text, '"partenaire"')) == ["partenaire"]
    assert marked(text, spans_for(text, "partena*")) == ["partenaire", "partenaires", "partenariat"]
    assert marked(text, spans_for(text, "partena")) == ["partenaire", "partenaires", "partenariat"]


def test_negated_terms_are_not_marked() -> None:
    text = "La piraterie et le terrorisme."
    assert marked(text, spans_for(text, "piraterie -terrorisme")) == ["piraterie"]


def test_merge_spans() -> None:
    assert merge_spans([(5, 8), (0, 2), (1, 3), (8, 9), (4, 4)]) == [(0, 3), (5, 8), (8, 9)]


def test_a_short_passage_is_shown_whole() -> None:
    text = "Le Dialogue méditerranéen compte sept partenaires."
    snippet, marks = make_snippet(text, [(38, 49)])
    assert snippet == text and marks == ((38, 49),)


def test_a_long_passage_is_cut_around_the_best_hit() -> None:
    spans = spans_for(TEXT, "piraterie maritime ")
    snippet, marks = make_snippet(TEXT, spans, size=12)
    assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    assert marked(snippet, marks) == ["piraterie", "maritime"]
    assert len(snippet.split()) <= 16


def test_the_window_prefers_the_densest_cluster() -> None:
    spans = spans_for(TEXT, "golfe piraterie sécurité ")
    snippet, marks = make_snippet(TEXT, spans, size=12)
    assert marked(snippet, marks) == ["Golfe", "piraterie", "sécurité"]


def test_a_cut_keeps_attached_punctuation_and_elisions() -> None:
    spans = spans_for(TEXT, "autres ")
    snippet, marks = make_snippet(TEXT, spans, size=10)
    assert "d’autres" in snippet
    assert marked(snippet, marks) == ["autres"]


def test_no_marks_gives_the_beginning() -> None:
    snippet, marks = make_snippet(TEXT, [], size=10)
    assert snippet.startswith("Au cours") and snippet.endswith(ELLIPSIS) and marks == ()


def test_line_breaks_show_as_spaces_and_offsets_hold() -> None:
    text = "première ligne\nseconde ligne"
    snippet, marks = make_snippet(text, [(15, 22)])
    assert snippet == "première ligne seconde ligne"
    assert marked(snippet, marks) == ["seconde"]


# --- the fast paths give exactly what the word-by-word definitions give --------------

FRAGMENTS = [
    "partenaire",
    "partenaires",
    "Partenariat",
    "internationaux",
    "international",
    "méditerranéenne",
    "Méditerranéen",
    "coopération",
    "d’Istanbul",
    "l'OTAN",
    "Proche\u2011Orient",
    "manœuvre",
    "MANOEUVRES",
    "Koweït",
    "koweïtien",
    "sécurité",
    "SECURITE",
    "æ",
    "ß",
    "\u00ad",
    "ﬁ",
    "2004",
    "ue",
    "les",
]
GLUE = [" ", "  ", "\n", ", ", "-", "’", "'", "", "(", ") ", "…", "\u00a0"]

fragments = st.sampled_from(FRAGMENTS)
passage_texts = st.lists(
    st.tuples(fragments | fragments | fragments | st.text(max_size=6), st.sampled_from(GLUE)),
    min_size=3,
    max_size=70,
).map(lambda pairs: "".join(a + b for a, b in pairs))
query_texts = st.lists(
    st.sampled_from(
        [
            "partenaire",
            "partenaires ",
            "partena",
            "partena*",
            '"partenaire"',
            "internationaux ",
            "méditerranéen ",
            "coopération d'Istanbul ",
            '"coopération d’Istanbul"',
            "l’OTAN",
            "proche-orient ",
            "manoeuvre ",
            "koweit",
            "securite ",
            "ae",
            "ss ",
            "fi",
            "ue ",
            "les ",
            "2004",
            "-securite",
            "OR",
        ]
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(passage_texts, query_texts)
@settings(max_examples=300, deadline=None)
def test_term_spans_equal_the_word_by_word_search(text: str, query: str) -> None:
    terms = parse_query(query).terms
    assert term_spans(text, terms) == term_spans_of_words(original_words(text), terms)


@given(passage_texts, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=5))
@settings(max_examples=300, deadline=None)
def test_make_snippet_equals_the_cut_over_every_word(
    text: str, raw_marks: list[tuple[int, int]]
) -> None:
    marks = merge_spans(
        (min(a, len(text)), min(a + n, len(text))) for a, n in raw_marks if a < len(text)
    )
    for size in (5, 30):
        expected = snippet_of_words(text, original_words(text), marks, size=size)
        assert make_snippet(text, marks, size=size) == expected
