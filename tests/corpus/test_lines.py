from __future__ import annotations

import pytest

from natoapp.corpus.lines import (
    ends_sentence,
    ends_with_dangling_word,
    heading_like,
    split_lines,
    starts_lowercase,
)


def test_split_lines_strips_and_keeps_offsets() -> None:
    raw = "  • Mis à jour\n\nTexte  \nfin"
    lines = split_lines(raw)
    assert [line.text for line in lines] == ["• Mis à jour", "", "Texte", "fin"]
    for line in lines:
        assert raw[line.start : line.end] == line.text
    assert lines[0].indented and not lines[2].indented
    assert lines[1].blank


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("une phrase.", True),
        ("une question ?", True),
        ("comme suit :", True),
        ("international ;", True),
        ("« sans précédent »", True),
        ("Macédoine¹.", True),
        ("…de lancer l'Initiative de", False),
        ("(OSCE)", False),
        ("View of the room", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("et de lancer l'Initiative de", True),
        ("font partie intégrante de la", True),
        ("le lancement de", True),
        ("ahead of the", True),
        ("Algérie, Égypte,", True),
        ("L’Otan a ouvert un bureau régional au Koweït", False),
        ("View of the room", False),
    ],
)
def test_ends_with_dangling_word(text: str, dangling: bool) -> None:
    assert ends_with_dangling_word(text) is dangling


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Un réseau de partenariats avec les pays non membres", True),
        ("Domaines prioritaires pour le dialogue, la consultation et la coopération", True),
        ("Qu'est-ce que le Partenariat pour la paix ?", True),
        ("Le renforcement du Dialogue méditerranéen de l'OTAN et le lancement de", False),
        ("coopération d'Istanbul avec des pays choisis", False),
        ("Une phrase complète.", False),
        ("Un " + "très " * 30 + "long titre", False),
    ],
)
def test_heading_like(text: str, heading: bool) -> None:
    assert heading_like(text) is heading


def test_starts_lowercase_skips_quotes() -> None:
    assert starts_lowercase("« coopération")
    assert not starts_lowercase("L'Initiative")
    assert not starts_lowercase("2004 fut")
