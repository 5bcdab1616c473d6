"""Whether a selection cuts a sentence: what decides the "[…]" marks of a copied excerpt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from natoapp.ui.selection import sentence_cuts, trim_selection

TEXT = "Le Koweït est membre. « Ce sera une plateforme vitale ? » Fin du texte"


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def test_whole_text_is_not_cut():
    assert sentence_cuts(TEXT, 0, len(TEXT)) == (False, False)


def test_a_whole_sentence_is_not_cut():
    assert sentence_cuts(TEXT, *_span("Le Koweït est membre.")) == (False, False)
    assert sentence_cuts(TEXT, *_span("« Ce sera une plateforme vitale ? »")) == (False, False)


def test_words_inside_a_sentence_are_cut_at_both_ends():
    assert sentence_cuts(TEXT, *_span("Koweït est")) == (True, True)


def test_a_sentence_start_is_cut_only_at_the_end():
    assert sentence_cuts(TEXT, *_span("Le Koweït")) == (False, True)
    assert sentence_cuts(TEXT, *_span("Fin du")) == (False, True)


def test_a_sentence_end_is_cut_only_at_the_start():
    assert sentence_cuts(TEXT, *_span("membre.")) == (True, False)
    assert sentence_cuts(TEXT, *_span("du texte")) == (True, False)


def test_blank_space_around_a_selection_does_not_count():
    start, end = _span(" « Ce sera")
    assert trim_selection(TEXT, start, end) == _span("« Ce sera")
    assert sentence_cuts(TEXT, start, end) == (False, True)


@given(st.text(max_size=60), st.integers(-5, 70), st.integers(-5, 70))
def test_never_fails_and_stays_inside(text, start, end):
    a, b = trim_selection(text, start, end)
    assert 0 <= a <= b <= len(text)
    assert isinstance(sentence_cuts(text, start, end), tuple)
