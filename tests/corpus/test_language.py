from __future__ import annotations

import pytest

from natoapp.corpus.language import guess_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("View of the room", "en"),
        ("Press conference by NATO Secretary General Jens Stoltenberg ahead of the meetings", "en"),
        ("Un réseau de partenariats avec les pays non membres", "fr"),
        ("L’Otan a ouvert un bureau régional au Koweït", "fr"),
        ("Engagement actif avec d'autres organisations internationales", "fr"),
        ("Kosovo", None),
        ("", None),
    ],
)
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language
