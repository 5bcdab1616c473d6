"""The text layer of PDFs: paragraphs, metadata, and the PDFs that have none."""

from __future__ import annotations

import pytest

from natoapp.corpus.importers.model import FileRefused
from natoapp.corpus.importers.pdf_text import extract_pdf, reflow

from .conftest import PdfMaker


def test_text_metadata_and_paragraphs(pdf_maker: PdfMaker) -> None:
    data = pdf_maker(
        [
            [
                "Rapport annuel",
                "Le Koweït a rejoint l’Initiative de coopération d’Istanbul en 2004 et",
                "coopère depuis avec l’OTAN dans le domaine de la sécurité mari-",
                "time. Fin.",
                "Une autre phrase courte.",
            ],
            ["Deuxième page (texte)."],
        ],
        title="Rapport 2019",
        created="D:20190405120000+02'00'",
    )
    pdf = extract_pdf(data)
    assert pdf.title == "Rapport 2019"
    assert pdf.created == "2019-04-05"
    assert pdf.text.split("\n\n") == [
        "Rapport annuel",
        "Le Koweït a rejoint l’Initiative de coopération d’Istanbul en 2004 et coopère depuis "
        "avec l’OTAN dans le domaine de la sécurité maritime. Fin.",
        "Une autre phrase courte.",
        "Deuxième page (texte).",
    ]


def test_placeholder_titles_and_missing_metadata_give_none(pdf_maker: PdfMaker) -> None:
    assert extract_pdf(pdf_maker([["Texte."]], title="Microsoft Word - doc1.docx")).title is None
    assert extract_pdf(pdf_maker([["Texte."]], title="rapport.pdf")).title is None
    plain = extract_pdf(pdf_maker([["Texte."]]))
    assert plain.title is None and plain.created is None


def test_pages_of_images_have_no_text_layer(pdf_maker: PdfMaker) -> None:
    with pytest.raises(FileRefused) as refused:
        extract_pdf(pdf_maker([[], []]))
    assert refused.value.kind == "no-text-layer"
    assert "no text layer" in refused.value.reason


def test_a_damaged_pdf_is_refused_with_a_reason() -> None:
    with pytest.raises(FileRefused) as refused:
        extract_pdf(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    assert refused.value.kind == "unreadable"
    assert refused.value.reason.startswith("damaged PDF")


def test_reflow_keeps_headings_and_joins_wrapped_lines() -> None:
    page = (
        "Contexte\n"
        "Les Alliés ont rencontré leurs partenaires du monde entier pour parler de la\n"
        "sécurité commune et de la coopération, en particulier dans le domaine mari-\n"
        "time.\n"
        "\n"
        "Suite, après une ligne vide"
    )
    assert reflow(page).split("\n\n") == [
        "Contexte",
        "Les Alliés ont rencontré leurs partenaires du monde entier pour parler de la sécurité "
        "commune et de la coopération, en particulier dans le domaine maritime.",
        "Suite, après une ligne vide",
    ]


def test_a_pdf_needing_a_missing_decryption_library_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf.errors import DependencyError

    import natoapp.corpus.importers.pdf_text as pdf_text

    def needs_cryptography(*args: object, **kwargs: object) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pdf_text, "PdfReader", needs_cryptography)
    with pytest.raises(FileRefused) as refused:
        pdf_text.extract_pdf(b"%PDF-1.7 whatever")
    assert refused.value.kind == "unreadable"
    assert "AES" in str(refused.value) and "\n" not in str(refused.value)
