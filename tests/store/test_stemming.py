from __future__ import annotations

import pytest

from natoapp.corpus.normalize import fold
from natoapp.store.stemming import stem


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("partenaire", "partenaires"),
        ("international", "internationaux"),
        ("international", "internationale"),
        ("méditerranéen", "méditerranéennes"),
        ("allié", "alliées"),
        ("bureau", "bureaux"),
        ("opérationnel", "opérationnelles"),
        ("coopératif", "coopérative"),
        ("premier", "première"),
        ("sécurité", "sécurités"),
        ("manœuvre", "manoeuvres"),
    ],
)
def test_inflected_forms_share_a_stem(one: str, other: str) -> None:
    assert stem(fold(one)) == stem(fold(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("partenaire", "partenariat"),
        ("coopération", "coopérative"),
        ("relation", "relatif"),
        ("ministre", "ministère"),
        ("opération", "opérationnel"),
    ],
)
def test_derived_words_keep_apart(one: str, other: str) -> None:
    assert stem(fold(one)) != stem(fold(other))


@pytest.mark.parametrize("word", ["ue", "onu", "les", "ici", "2004", "g7", "x"])
def test_short_words_and_numbers_are_left_alone(word: str) -> None:
    assert stem(word) == word


def test_a_stem_is_never_empty() -> None:
    for word in ["eeee", "ssss", "ees", "aux", "eaux", "euse", "ives"]:
        assert stem(word)
