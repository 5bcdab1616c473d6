"""From extracted text to a document: the seed pipeline, metadata preferred, never invented."""

from __future__ import annotations

import pytest

from natoapp.corpus.importers import ExtractedText, FileRefused, imported_document
from natoapp.corpus.model import PassageKind

TEXT = "L’Otan a ouvert un bureau au Koweït\n\n25 janvier 2017\n\nLe Koweït accueille le bureau.\n"


def extracted(**fields: object) -> ExtractedText:
    values: dict[str, object] = {
        "source_file": "bureau.txt",
        "format": "text",
        "text": TEXT,
        "sha256": "ab" * 32,
    }
    values.update(fields)
    return ExtractedText(**values)  # type: ignore[arg-type]


def test_title_and_date_from_the_text() -> None:
    result = imported_document(extracted(), "user:bureau-abab")
    doc = result.document
    assert doc.id == "user:bureau-abab"
    assert doc.title == "L’Otan a ouvert un bureau au Koweït"
    assert doc.date == "2017-01-25"
    assert (result.title_source, result.date_source) == ("text", "text")
    assert [p.id for p in doc.passages] == ["user:bureau-abab:1"]
    assert doc.passages[0].text == "Le Koweït accueille le bureau."
    # Every passage points into the raw text, as for a seed.
    passage = doc.passages[0]
    assert doc.raw[passage.start : passage.end] == passage.text


def test_metadata_wins_over_the_text() -> None:
    result = imported_document(
        extracted(title="Titre des métadonnées", date="2018-02-01"), "user:x"
    )
    assert (result.document.title, result.document.date) == ("Titre des métadonnées", "2018-02-01")
    assert (result.title_source, result.date_source) == ("metadata", "metadata")


def test_weak_metadata_date_only_when_the_text_has_none() -> None:
    assert imported_document(extracted(fallback_date="2020-01-01"), "user:x").document.date == (
        "2017-01-25"
    )
    undated = extracted(
        text="Un paragraphe sans date ni titre, qui continue.\n", fallback_date="2020-01-01"
    )
    result = imported_document(undated, "user:x")
    assert (result.document.date, result.date_source) == ("2020-01-01", "metadata")


def test_nothing_invented_title_falls_back_to_the_file_name() -> None:
    result = imported_document(
        extracted(text="un paragraphe sans titre, qui continue.\n"), "user:x"
    )
    assert result.document.title == "bureau"
    assert result.title_source == "file name"
    assert result.document.date is None
    assert result.date_source == "none"


def test_headings_and_lists_become_passages_of_their_kind() -> None:
    text = "# Titre\n\nIntro.\n\n## Les pays\n\nDes pays:\n\n- Bahreïn\n- Koweït\n"
    doc = imported_document(extracted(text=text, format="html"), "user:x").document
    kinds = [(p.kind, p.text) for p in doc.passages]
    assert (PassageKind.HEADING, "Les pays") in kinds
    assert (PassageKind.LIST_ITEM, "Koweït") in kinds


def test_only_furniture_is_refused() -> None:
    with pytest.raises(FileRefused) as refused:
        imported_document(extracted(text="[Accueil](#)\n\n[Contact](#)\n"), "user:x")
    assert refused.value.kind == "empty"
