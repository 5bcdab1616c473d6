from __future__ import annotations

import pytest

from natoapp.knowledge.aliases import alias_key
from natoapp.knowledge.countries import country_entities, iso_names, turn_round
from natoapp.knowledge.model import Alias, Entity, EntityKind


@pytest.mark.parametrize(
    ("name", "turned"),
    [
        ("Corée, République de", "République de Corée"),
        ("Iran, République islamique d'", "République islamique d'Iran"),
        ("Russie, Fédération de", "Fédération de Russie"),
        ("Åland, Îles", "Îles Åland"),
        ("Réunion, Île de la", "Île de la Réunion"),
        ("Congo, The Democratic Republic of the", "Democratic Republic of the Congo"),
        ("Virgin Islands, British", "British Virgin Islands"),
        ("Bonaire, Saint-Eustache et Saba", "Bonaire, Saint-Eustache et Saba"),
        (
            "Saint Helena, Ascension and Tristan da Cunha",
            "Saint Helena, Ascension and Tristan da Cunha",
        ),
        ("Koweït", "Koweït"),
    ],
)
def test_turn_round(name: str, turned: str) -> None:
    assert turn_round(name) == turned


def test_iso_names_are_french_and_english_common_names() -> None:
    names = {n.code: n for n in iso_names()}
    assert len(names) == 249
    assert (names["KW"].name_fr, names["KW"].name_en) == ("Koweït", "Kuwait")
    assert (names["IR"].name_fr, names["IR"].name_en) == ("Iran", "Iran")
    assert (names["KP"].name_fr, names["KP"].name_en) == ("Corée du Nord", "North Korea")
    assert names["RU"].name_fr == "Fédération de Russie"


def test_a_name_pycountry_gives_two_countries_is_given_to_neither() -> None:
    countries = {e.id: e for e in country_entities({}, lambda key: None)}
    for code in ("KR", "KP"):
        keys = {alias_key(a) for a in countries[code].aliases}
        assert "coree" not in keys
        assert "korea" not in keys


def test_curated_names_replace_and_complete_pycountry_ones() -> None:
    curated = {
        "RU": Entity("RU", EntityKind.COUNTRY, "Russie", "Russia", aliases=(Alias("russe"),))
    }
    countries = {e.id: e for e in country_entities(curated, lambda key: None)}
    russia = countries["RU"]
    assert (russia.name_fr, russia.name_en) == ("Russie", "Russia")
    assert [a.text for a in russia.aliases][:3] == [
        "russe",
        "Fédération de Russie",
        "Russian Federation",
    ]
    assert russia.relevant
    assert not countries["BR"].relevant


def test_pycountry_names_give_way_to_a_curated_entity_that_owns_them() -> None:
    owner = {alias_key(Alias("Niger")): "niger-river"}
    countries = {e.id: e for e in country_entities({}, owner.get)}
    assert "niger" not in {alias_key(a) for a in countries["NE"].aliases}


def test_excluded_names_are_dropped() -> None:
    countries = country_entities({}, lambda key: None, {"RE": frozenset({"reunion"})})
    reunion = next(e for e in countries if e.id == "RE")
    assert [a.text for a in reunion.aliases] == ["Île de la Réunion"]
