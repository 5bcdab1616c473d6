from __future__ import annotations

import pytest

from natoapp.corpus import Document, parse_document


@pytest.mark.parametrize(
    ("seed", "title", "date", "updated", "publisher"),
    [
        (
            "000",
            "L'OTAN fait du Dialogue méditerranéen un véritable Partenariat, et lance "
            "l'Initiative de coopération d'Istanbul",
            "2004-06-29",
            "2004-12-08T10:55",
            "OTAN Hebdo",
        ),
        (
            "001",
            "Partenariats : une approche coopérative de la sécurité",
            None,  # "En décembre 2012" in the body is not a publication date
            None,
            "Division Diplomatie publique – Section Presse et médias",
        ),
        (
            "002",
            "Les dirigeants des pays de l’OTAN rencontrent les partenaires à Chicago",
            None,
            "2012-06-04T17:06",
            None,
        ),
        ("003", "L’Otan a ouvert un bureau régional au Koweït", "2017-01-25", None, None),
        (
            "004",
            "Déclaration du secrétaire général : l'Alliance va renforcer encore sa coopération "
            "avec l'UE",
            "2017-12-04",
            "2017-12-04T15:14",
            None,
        ),
    ],
)
def test_seed_metadata(
    seed_docs: dict[str, Document],
    seed: str,
    title: str,
    date: str | None,
    updated: str | None,
    publisher: str | None,
) -> None:
    doc = seed_docs[seed]
    assert (doc.title, doc.date, doc.updated, doc.publisher) == (title, date, updated, publisher)
    assert doc.language == "fr"


def test_the_title_is_not_repeated_as_a_passage(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        assert doc.title in doc.raw
        assert all(passage.text != doc.title for passage in doc.passages)


def _doc(raw: str) -> Document:
    return parse_document("doc", "doc.txt", raw, "0" * 64)


def test_title_markup_is_stripped() -> None:
    doc = _doc("# **Le Partenariat** pour la paix\n\nLe texte commence ici.\n")
    assert doc.title == "Le Partenariat pour la paix"


def test_a_text_without_a_title_line_is_named_by_its_id() -> None:
    doc = _doc("Le texte commence ici, sans titre.\n\nEt continue.\n")
    assert doc.title == "doc"
    assert doc.passages[0].text == "Le texte commence ici, sans titre."


def test_body_dates_are_never_publication_dates() -> None:
    doc = _doc("Un titre\n\nLe 29 juin 2004, les dirigeants se sont réunis.\n\n29 juin 2004\n")
    assert doc.date is None


def test_english_page_metadata() -> None:
    doc = _doc(
        "NATO Review\n\n• 12 Mar. 2019 -\n\nPartners across the globe\n\n"
        "• Last updated: 13-Mar-2019 09:30\n\n"
        "NATO works with a network of partners from the Euro-Atlantic area and beyond.\n"
    )
    assert (doc.title, doc.date, doc.updated, doc.publisher, doc.language) == (
        "Partners across the globe",
        "2019-03-12",
        "2019-03-13T09:30",
        "NATO Review",
        "en",
    )


def test_an_unknown_series_over_the_dateline_is_not_the_title() -> None:
    doc = _doc("Actualités\n\n3 mars 2019\n\nL'OTAN et ses partenaires\n\nLe texte commence.\n")
    assert (doc.title, doc.publisher, doc.date) == (
        "L'OTAN et ses partenaires",
        "Actualités",
        "2019-03-03",
    )
    assert [p.text for p in doc.passages] == ["Le texte commence."]
