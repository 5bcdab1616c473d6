from __future__ import annotations

from natoapp.corpus.normalize import fold
from natoapp.store.words import original_words, word_spans, words


def test_apostrophes_and_hyphens_separate_words() -> None:
    assert words(fold("l’Alliance et le Proche\u2011Orient")) == [
        "l",
        "alliance",
        "et",
        "le",
        "proche",
        "orient",
    ]


def test_spans_index_the_folded_text() -> None:
    folded = "l'otan - koweit"
    assert [folded[a:b] for a, b in word_spans(folded)] == ["l", "otan", "koweit"]


def test_original_words_point_at_original_characters() -> None:
    text = "La manœuvre au Koweït"
    found = original_words(text)
    assert [w for w, _, _ in found] == ["la", "manoeuvre", "au", "koweit"]
    assert [text[a:b] for _, a, b in found] == ["La", "manœuvre", "au", "Koweït"]
