from __future__ import annotations

from natoapp.store.query import parse_query
from natoapp.store.snippets import ELLIPSIS, make_snippet, merge_spans, term_spans

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
