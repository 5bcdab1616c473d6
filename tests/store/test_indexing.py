from __future__ import annotations

from natoapp.corpus.model import PassageKind
from natoapp.store.indexing import fts_rows

from .conftest import make_document


def test_headings_go_to_title_and_paragraphs_to_body() -> None:
    doc = make_document(
        "x",
        "Partenariats",
        None,
        ["Partenariats", (PassageKind.HEADING, "Les Alliés"), "Une manœuvre commune."],
    )
    rows = list(fts_rows(doc, 10))
    assert [r[0] for r in rows] == [10, 11, 12]
    assert rows[0][1:3] == ("partenariats", "")  # the title line, whatever its kind
    assert rows[1][1:3] == ("les allies", "")
    assert rows[2][1:3] == ("", "une manoeuvre commune")


def test_a_title_that_is_no_passage_is_searched_with_the_first_one() -> None:
    doc = make_document("x", "L’OTAN au Koweït", None, ["Premier.", "Second."])
    first, second = fts_rows(doc, 1)
    assert first[1:3] == ("l otan au koweit", "premier")
    assert second[1:3] == ("", "second")


def test_stem_columns_hold_one_stem_per_word() -> None:
    doc = make_document("x", "T", None, ["Les partenaires méditerranéens, l’Alliance."])
    (row,) = fts_rows(doc, 1)
    body, body_stem = row[2], row[4]
    assert body == "les partenaires mediterraneens l alliance"
    assert body_stem == "les partenair mediterraneen l allianc"
    assert len(body.split()) == len(body_stem.split())
