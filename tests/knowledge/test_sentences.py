from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from natoapp.knowledge.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_end_at_full_stops_before_a_capital() -> None:
    assert sentences("Première phrase. Deuxième phrase ! Troisième ? Fin") == [
        "Première phrase.",
        "Deuxième phrase !",
        "Troisième ?",
        "Fin",
    ]


def test_titles_and_initials_do_not_end_a_sentence() -> None:
    text = "a déclaré M. Stoltenberg, aux côtés de J. Smith. Puis il est parti."
    assert sentences(text) == [
        "a déclaré M. Stoltenberg, aux côtés de J. Smith.",
        "Puis il est parti.",
    ]


def test_quotes_and_brackets_close_with_their_sentence() -> None:
    text = "« Nous agissons ensemble. » Il l'a dit. (Voir plus bas.) Fin."
    assert sentences(text) == [
        "« Nous agissons ensemble. »",
        "Il l'a dit.",
        "(Voir plus bas.)",
        "Fin.",
    ]


def test_a_full_stop_before_a_lower_case_word_does_not_end_a_sentence() -> None:
    assert sentences("le 5 déc. à Bruxelles.") == ["le 5 déc. à Bruxelles."]


def test_no_text_no_sentence() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("   ") == []


@given(st.text(max_size=200))
def test_sentences_cover_the_text_in_order_without_overlap(text: str) -> None:
    spans = sentence_spans(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[position:start].strip()
        position = end
    assert not text[position:].strip()
