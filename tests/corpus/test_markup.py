from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoapp.corpus.markup import remove_links, strip_markup, visible_spans


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("du **Conseil de partenariat euro-atlantique** (CPEA)",
         "du Conseil de partenariat euro-atlantique (CPEA)"),
        ("l'**Initiative de coopération d'Istanbul**.", "l'Initiative de coopération d'Istanbul."),
        ("« **partenaires mondiaux** »", "« partenaires mondiaux »"),
        ("- [Sommet d'Istanbul](#)", "- Sommet d'Istanbul"),
        ("voir [le texte](https://www.nato.int/a_b_c.htm \"titre\") ici", "voir le texte ici"),
        ("voir [le texte][1] ici", "voir le texte ici"),
        ("du XXI^e siècle", "du XXIe siècle"),
        ("du XXI^e^ siècle", "du XXIe siècle"),
        ("du XXI<sup>e</sup> siècle", "du XXI<sup>e</sup> siècle"),
        ("<script>alert(1)</script> <b>x</b>", "<script>alert(1)</script> <b>x</b>"),
        ("un *mot* et un _autre_", "un mot et un autre"),
        ("__gras__", "gras"),
        ("`code`", "code"),
        ("![photo](a.jpg) Légende", "Légende"),
        (r"un \*astérisque\* gardé", "un *astérisque* gardé"),
    ],
)  # fmt: skip
def test_markup_a_reader_does_not_see_is_removed(text: str, seen: str) -> None:
    assert strip_markup(text) == seen


@pytest.mark.parametrize(
    "text",
    [
        "une « large coopération internationale […] pour faire face",
        "[Voir les règles de confidentialité]",
        "snake_case_name reste",
        "2*3*4 = 24",
        "a * b * c",
        "Tél.: +32(0)2 707 1010/1002",
        "#NATO #DefMin",
        "E-mail: moc@hq.nato.int",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text: str) -> None:
    assert strip_markup(text) == text


def test_visible_spans_point_into_the_line() -> None:
    text = "a **b** c"
    spans = visible_spans(text)
    assert spans == [(0, 2), (4, 5), (7, 9)]
    assert "".join(text[s:e] for s, e in spans) == "a b c"


def test_visible_spans_leave_out_outer_white_space() -> None:
    text = "![x](y)   mot  "
    assert [text[s:e] for s, e in visible_spans(text)] == ["mot"]


def test_remove_links_counts_them() -> None:
    rest, count = remove_links("- 09/07/2004 - NATO [Istanbul Cooperation Initiative](#)")
    assert count == 1
    assert "Istanbul" not in rest
    assert remove_links("pas de lien [1]") == ("pas de lien [1]", 0)


@given(st.text(alphabet=st.sampled_from("ab *_[]()!^`<>\\#é\n"), max_size=60))
def test_visible_spans_are_ordered_disjoint_and_inside(text: str) -> None:
    previous = 0
    for start, end in visible_spans(text):
        assert previous <= start < end <= len(text)
        previous = end
    assert strip_markup(strip_markup(text)) is not None
