"""A small collection exported in every format, checked character for character."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from natoapp.userlib.exports import (
    EXPORT_FORMATS,
    all_with_citations,
    export_collection,
    format_for_path,
    write_collection,
)
from natoapp.userlib.records import CollectionItem

NBSP = "\u00a0"


def item(number: int, **fields: object) -> CollectionItem:
    values: dict[str, object] = {
        "id": number,
        "collection": 1,
        "position": number - 1,
        "passage": "003_x:2",
        "doc": "003_x",
        "ordinal": 2,
        "quote": "",
        "note": "",
        "cut_start": False,
        "cut_end": False,
        "title": "L’Otan au Koweït",
        "date": "2017-01-25",
        "updated": None,
        "publisher": "OTAN Hebdo",
        "source_file": "003_x.txt",
        "language": "fr",
        "added": "2024-01-01T00:00:00+00:00",
    }
    values.update(fields)
    return CollectionItem(**values)  # type: ignore[arg-type]


ITEMS = [
    item(1, quote="Le Koweït & le Qatar", note="à *vérifier*", cut_start=True),
    item(2, passage="003_x:5", ordinal=5, quote="Ce sera une plateforme vitale."),
    item(
        3,
        passage="user:n-1:1",
        doc="user:n-1",
        ordinal=1,
        quote="The Gulf matters.",
        title="Notes",
        date=None,
        publisher=None,
        source_file="notes.txt",
        language="en",
    ),
]
NAME = "Golfe <2017>"


def text(fmt: str) -> str:
    return export_collection(NAME, ITEMS, fmt).decode("utf-8")


def test_markdown() -> None:
    assert text("markdown") == (
        "# Golfe \\<2017\\>\n"
        "\n"
        "> […] Le Koweït \\& le Qatar\n"
        ">\n"
        "> — L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 2. 003_x.txt\n"
        "\n"
        "Note: à \\*vérifier\\*\n"
        "\n"
        "> Ce sera une plateforme vitale.\n"
        ">\n"
        "> — L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 5. 003_x.txt\n"
        "\n"
        "> The Gulf matters.\n"
        ">\n"
        "> — Notes. n.d., passage 1. notes.txt\n"
    )


def test_html() -> None:
    assert text("html") == (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        "<title>Golfe &lt;2017&gt;</title>\n</head>\n<body>\n<h1>Golfe &lt;2017&gt;</h1>\n"
        "<section>\n"
        '<blockquote lang="fr">[…] Le Koweït &amp; le Qatar</blockquote>'
        "<p><cite>L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 2. 003_x.txt</cite></p>\n"
        '<p class="note">à *vérifier*</p>\n'
        "</section>\n"
        "<section>\n"
        '<blockquote lang="fr">Ce sera une plateforme vitale.</blockquote>'
        "<p><cite>L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 5. 003_x.txt</cite></p>\n"
        "</section>\n"
        "<section>\n"
        '<blockquote lang="en">The Gulf matters.</blockquote>'
        "<p><cite>Notes. n.d., passage 1. notes.txt</cite></p>\n"
        "</section>\n"
        "</body>\n</html>\n"
    )


def test_csv() -> None:
    assert text("csv") == (
        "number,quote,note,title,date,publisher,passage,source_file,citation\r\n"
        "1,Le Koweït & le Qatar,à *vérifier*,L’Otan au Koweït,2017-01-25,OTAN Hebdo,003_x:2,"
        '003_x.txt,"L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 2. 003_x.txt"\r\n'
        "2,Ce sera une plateforme vitale.,,L’Otan au Koweït,2017-01-25,OTAN Hebdo,003_x:5,"
        '003_x.txt,"L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 5. 003_x.txt"\r\n'
        '3,The Gulf matters.,,Notes,,,user:n-1:1,notes.txt,"Notes. n.d., passage 1. notes.txt"\r\n'
    )
    rows = list(csv.DictReader(io.StringIO(text("csv"))))
    assert [row["quote"] for row in rows] == [i.quote for i in ITEMS]


def test_bibtex_keys_are_unique_and_notes_are_annotations() -> None:
    assert text("bibtex") == (
        "@misc{natoapp:003_x,\n"
        "  title = {L’Otan au Koweït},\n"
        "  howpublished = {OTAN Hebdo},\n"
        "  year = {2017},\n"
        "  date = {2017-01-25},\n"
        "  language = {fr},\n"
        "  abstract = {[…] Le Koweït \\& le Qatar},\n"
        "  note = {passage 2},\n"
        "  annote = {à *vérifier*}\n"
        "}\n"
        "\n"
        "@misc{natoapp:003_x-2,\n"
        "  title = {L’Otan au Koweït},\n"
        "  howpublished = {OTAN Hebdo},\n"
        "  year = {2017},\n"
        "  date = {2017-01-25},\n"
        "  language = {fr},\n"
        "  abstract = {Ce sera une plateforme vitale.},\n"
        "  note = {passage 5}\n"
        "}\n"
        "\n"
        "@misc{natoapp:user:n-1,\n"
        "  title = {Notes},\n"
        "  language = {en},\n"
        "  abstract = {The Gulf matters.},\n"
        "  note = {passage 1}\n"
        "}\n"
    )


def test_csl_json() -> None:
    records = json.loads(text("csl-json"))
    assert records == [
        {
            "id": "natoapp:003_x",
            "type": "webpage",
            "title": "L’Otan au Koweït",
            "publisher": "OTAN Hebdo",
            "issued": {"date-parts": [[2017, 1, 25]]},
            "language": "fr",
            "archive_location": "003_x.txt",
            "note": "passage 2",
            "abstract": "[…] Le Koweït & le Qatar",
            "annote": "à *vérifier*",
        },
        {
            "id": "natoapp:003_x-2",
            "type": "webpage",
            "title": "L’Otan au Koweït",
            "publisher": "OTAN Hebdo",
            "issued": {"date-parts": [[2017, 1, 25]]},
            "language": "fr",
            "archive_location": "003_x.txt",
            "note": "passage 5",
            "abstract": "Ce sera une plateforme vitale.",
        },
        {
            "id": "natoapp:user:n-1",
            "type": "webpage",
            "title": "Notes",
            "language": "en",
            "archive_location": "notes.txt",
            "note": "passage 1",
            "abstract": "The Gulf matters.",
        },
    ]
    assert text("csl-json").endswith("]\n")


def test_all_with_citations_as_plain_text_and_html() -> None:
    expected = (
        f"«{NBSP}[…] Le Koweït & le Qatar{NBSP}»\n"
        "— L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 2. 003_x.txt\n"
        "Note: à *vérifier*\n"
        "\n"
        f"«{NBSP}Ce sera une plateforme vitale.{NBSP}»\n"
        "— L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 5. 003_x.txt\n"
        "\n"
        "“The Gulf matters.”\n"
        "— Notes. n.d., passage 1. notes.txt"
    )
    copied = all_with_citations(ITEMS)
    assert copied.plain == expected
    assert text("text") == expected + "\n"
    assert copied.html.count("<blockquote") == 3
    assert "<p>à *vérifier*</p>" in copied.html


def test_docx_holds_each_quote_citation_and_note(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    path = write_collection(tmp_path / "golfe.docx", NAME, ITEMS, "docx")
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode()
    for expected in (
        "Golfe &lt;2017&gt;",
        "[…] Le Koweït &amp; le Qatar",
        "— L’Otan au Koweït. OTAN Hebdo, 2017-01-25, passage 2. 003_x.txt",
        "à *vérifier*",
        "The Gulf matters.",
    ):
        assert expected in body


def test_an_empty_collection_exports_cleanly() -> None:
    assert export_collection("Vide", [], "markdown") == b"# Vide\n"
    assert export_collection("Vide", [], "bibtex") == b""
    assert export_collection("Vide", [], "csl-json") == b"[]\n"


def test_formats_from_file_names_and_atomic_writing(tmp_path: Path) -> None:
    assert [format_for_path(Path(f"a{s}")) for s in (".md", ".HTML", ".bib", ".json", ".docx")] == [
        "markdown",
        "html",
        "bibtex",
        "csl-json",
        "docx",
    ]
    assert format_for_path(Path("a.odt")) is None
    assert set(EXPORT_FORMATS) >= {"markdown", "html", "csv", "bibtex", "csl-json", "text"}
    target = write_collection(tmp_path / "golfe.md", NAME, ITEMS, "markdown")
    assert target.read_text(encoding="utf-8") == text("markdown")
    assert [p.name for p in tmp_path.iterdir()] == ["golfe.md"]
