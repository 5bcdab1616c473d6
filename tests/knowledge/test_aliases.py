from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.knowledge import AliasMatcher, KnowledgeBase
from natoapp.knowledge.aliases import alias_conflicts, alias_words
from natoapp.knowledge.model import Alias, Entity, EntityKind


@pytest.fixture(scope="module")
def matcher(seed_kb: KnowledgeBase) -> AliasMatcher:
    return AliasMatcher(seed_kb.entities)


def found(matcher: AliasMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.entity, text[m.start : m.end]) for m in matcher.match(text)]


def entities_in(matcher: AliasMatcher, text: str) -> set[str]:
    return {m.entity for m in matcher.match(text)}


# ── spelling ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("au Koweït", [("KW", "Koweït")]),
        ("au Koweit", [("KW", "Koweit")]),
        ("AU KOWEÏT", [("KW", "KOWEÏT")]),
        ("le Premier ministre koweïtien", [("KW", "koweïtien")]),
        ("la délégation koweïtienne", [("KW", "koweïtienne")]),
        ("les forces quataries et émiraties", [("QA", "quataries"), ("AE", "émiraties")]),
        ("du peuple libyen", [("LY", "libyen")]),
        ("la Nouvelle\u2011Zélande", [("NZ", "Nouvelle\u2011Zélande")]),
        ("la Nouvelle Zélande", [("NZ", "Nouvelle Zélande")]),
        ("des Emirats arabes unis", [("AE", "Emirats arabes unis")]),
        ("des Émirats Arabes Unis", [("AE", "Émirats Arabes Unis")]),
        ("l’Iraq et l'Irak", [("IQ", "Iraq"), ("IQ", "Irak")]),
        ("le sultanat d’Oman", [("OM", "sultanat d’Oman")]),
        ("l’Arabie Saoudite", [("SA", "Arabie Saoudite")]),
        ("Bahreïn et Bahrein", [("BH", "Bahreïn"), ("BH", "Bahrein")]),
        (
            "l’ex\u2011République yougoslave de Macédoine¹",
            [("MK", "ex\u2011République yougoslave de Macédoine")],
        ),
        ("la République de Macédoine", [("MK", "République de Macédoine")]),
        (
            "L’Initiative de coopération d’Instanbul (ICI)",
            [
                ("istanbul-cooperation-initiative", "Initiative de coopération d’Instanbul"),
                ("istanbul-cooperation-initiative", "ICI"),
            ],
        ),
    ],
)
def test_names_are_found_whatever_the_spelling(
    matcher: AliasMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(matcher, text) == expected


def test_offsets_survive_ligatures_before_the_name(matcher: AliasMatcher) -> None:
    text = "L'Alliance œuvre avec cœur auprès de l’Union européenne"
    assert found(matcher, text) == [("nato", "Alliance"), ("eu", "Union européenne")]


# ── common words are not names ──────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "Cliquez ici pour lire la suite",
        "ici et là",
        "Ici commence le texte",
        "une alliance de circonstance",
        "une initiative de coopération régionale",
        "un dialogue entre les pays",
        "un partenariat stratégique",
        "une union douanière",
        "les pays du golfe",
        "il a eu lieu un jour",
        "CLIQUEZ ICI",
        "UN PARTENARIAT NOUVEAU",
        "la Corée",
        "le fleuve niger",
        "Réunion des ministres des Affaires étrangères",
        "quatres pays",
    ],
)
def test_common_words_are_not_mentions(matcher: AliasMatcher, text: str) -> None:
    assert found(matcher, text) == []


def test_acronyms_match_only_in_their_case(matcher: AliasMatcher) -> None:
    assert entities_in(matcher, "l'OTAN et l'UE, NATO and the EU") == {"nato", "eu"}
    assert entities_in(matcher, "l'otan et l'ue") == set()


def test_acronyms_beside_short_capital_words_are_kept(matcher: AliasMatcher) -> None:
    assert found(matcher, "L'OTAN ET L'UE") == [("nato", "OTAN"), ("eu", "UE")]


def test_long_acronyms_stand_in_a_line_of_capitals(matcher: AliasMatcher) -> None:
    assert found(matcher, "L'OTAN FAIT DU DIALOGUE MÉDITERRANÉEN UN PARTENARIAT") == [
        ("nato", "OTAN"),
        ("mediterranean-dialogue", "DIALOGUE MÉDITERRANÉEN"),
    ]


def test_capitalised_alliance_is_nato_lowercase_is_not(matcher: AliasMatcher) -> None:
    assert found(matcher, "l’Alliance") == [("nato", "Alliance")]
    assert found(matcher, "l’alliance") == []


def test_single_word_proper_names_need_their_capital(matcher: AliasMatcher) -> None:
    assert found(matcher, "le Niger et la Guinée") == [("NE", "Niger"), ("GN", "Guinée")]
    assert found(matcher, "le niger et la guinée") == []


def test_a_country_adjective_matches_beside_its_name(matcher: AliasMatcher) -> None:
    assert found(matcher, "la neutralité suisse et la Suisse") == [
        ("CH", "suisse"),
        ("CH", "Suisse"),
    ]


# ── overlapping names ───────────────────────────────────────────────────────


def test_north_korea_is_never_the_republic_of_korea(matcher: AliasMatcher) -> None:
    assert found(matcher, "les programmes de la Corée du Nord") == [("KP", "Corée du Nord")]
    assert found(matcher, "la République de Corée") == [("KR", "République de Corée")]


def test_the_longest_country_name_wins(matcher: AliasMatcher) -> None:
    assert found(matcher, "la Guinée-Bissau") == [("GW", "Guinée-Bissau")]
    assert found(matcher, "la Géorgie du Sud") == [("GS", "Géorgie du Sud")]
    assert found(matcher, "les Îles Vierges des États-Unis d’Amérique") == [
        ("VI", "Îles Vierges des États-Unis d’Amérique")
    ]


def test_compound_names_mention_what_they_are_named_after(matcher: AliasMatcher) -> None:
    assert found(matcher, "la Commission OTAN-Géorgie") == [
        ("nato-georgia-commission", "Commission OTAN-Géorgie"),
        ("nato", "OTAN"),
        ("GE", "Géorgie"),
    ]
    assert entities_in(matcher, "une réunion de la Commission OTAN\u2011Géorgie") == {
        "nato-georgia-commission-meeting-2017",
        "nato-georgia-commission",
        "nato",
        "GE",
    }


def test_a_name_inside_a_longer_name_of_the_same_entity_counts_once(
    matcher: AliasMatcher,
) -> None:
    assert found(matcher, "l'Organisation des Nations Unies") == [
        ("un", "Organisation des Nations Unies")
    ]


# ── the matcher itself ──────────────────────────────────────────────────────


def _entity(entity_id: str, *aliases: Alias, kind: EntityKind = EntityKind.ORGANISATION) -> Entity:
    return Entity(entity_id, kind, entity_id.upper(), entity_id.upper(), aliases=aliases)


def test_a_name_given_to_two_entities_designates_neither() -> None:
    matcher = AliasMatcher([_entity("a", Alias("Conseil")), _entity("b", Alias("conseil"))])
    assert matcher.ambiguous == ("Conseil",)
    assert matcher.match("le Conseil") == []
    assert alias_conflicts([_entity("a", Alias("Conseil")), _entity("b", Alias("conseil"))])


def test_entities_named_looks_up_an_exact_alias(matcher: AliasMatcher) -> None:
    assert matcher.entities_named("koweit") == ["KW"]
    assert matcher.entities_named("OTAN") == ["nato"]
    assert matcher.entities_named("otan") == ["nato"]
    assert matcher.entities_named("Corée") == []
    assert matcher.entities_named("") == []


def test_separators_other_than_spaces_dashes_and_apostrophes_break_a_name() -> None:
    matcher = AliasMatcher([_entity("x", Alias("Banque mondiale"))])
    assert matcher.match("la Banque, mondiale") == []
    assert len(matcher.match("la Banque\u00a0mondiale")) == 1


@given(st.text(max_size=200))
def test_any_text_is_matched_without_error_and_spans_hold(text: str) -> None:
    matcher = AliasMatcher(
        [
            _entity("nato", Alias("OTAN", kind="acronym"), Alias("Alliance")),
            _entity("KW", Alias("Koweït"), Alias("koweïtien"), kind=EntityKind.COUNTRY),
        ]
    )
    for match in matcher.match(text):
        assert 0 <= match.start < match.end <= len(text)
        assert alias_words(text[match.start : match.end]) == alias_words(match.alias.text)


@given(
    st.sampled_from(["", "l'", "d’", "au ", "(", "« ", "\n"]),
    st.sampled_from(["", ",", ".", ")", " »", "¹", " et"]),
    st.sampled_from(["Koweït", "KOWEIT", "Koweit", "KOWEÏT"]),
)
def test_a_country_is_found_whatever_surrounds_it(before: str, after: str, name: str) -> None:
    matcher = AliasMatcher([_entity("KW", Alias("Koweït"), kind=EntityKind.COUNTRY)])
    text = f"Le texte parle {before}{name}{after} encore"
    (match,) = matcher.match(text)
    assert text[match.start : match.end] == name
