"""Which files are imported, and the one-line reason for each kind of file that is not."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from natoapp.corpus.importers import FileRefused, extract, format_for, read_import

from .conftest import PdfMaker

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
PAGE = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Texte.</p></body></html>"


def refused(name: str, data: bytes) -> FileRefused:
    with pytest.raises(FileRefused) as caught:
        extract(name, data)
    return caught.value


@pytest.mark.parametrize(
    ("name", "data", "kind", "words"),
    [
        ("vide.txt", b"", "empty", "empty file"),
        ("blanc.md", b"  \n\t\n", "empty", "empty file"),
        (
            "page.html",
            b"<html><body><nav><a href=x>Menu</a></nav></body></html>",
            "empty",
            "no text",
        ),
        ("image.txt", PNG, "wrong-format", "not text but a PNG image"),
        ("rapport.pdf", PAGE, "wrong-format", "not a PDF but an HTML page"),
        ("rapport.pdf", b"Juste du texte.\n", "wrong-format", "not a PDF but text"),
        ("note.txt", b"%PDF-1.4\n...", "wrong-format", "but a PDF document"),
        ("page.html", b"%PDF-1.4\n...", "wrong-format", "not HTML but a PDF document"),
        ("page.htm", b"Du texte sans balise.\n", "wrong-format", "no HTML markup"),
        ("archive.md", b"PK\x03\x04" + b"\x00" * 30, "wrong-format", "a ZIP archive"),
        ("donnees.txt", b"\x00\x01\x02\x03\x04binary\x00\x00" * 30, "binary", "binary data"),
        ("bruit.txt", b"\x81\x8d\x8f\x90\x9d" * 40, "undecodable", "encoding"),
        ("image", PNG, "unsupported", "a PNG image"),
    ],
)
def test_each_kind_of_bad_file_has_its_reason(
    name: str, data: bytes, kind: str, words: str
) -> None:
    error = refused(name, data)
    assert error.kind == kind
    assert words in error.reason
    assert "\n" not in error.reason


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "gros.txt"
    path.write_bytes(b"Texte.\n" * 200)
    with pytest.raises(FileRefused) as caught:
        read_import(path, max_bytes=1000)
    assert caught.value.kind == "too-large"
    assert caught.value.reason.startswith("larger than")
    with pytest.raises(FileRefused) as in_memory:
        extract("gros.txt", b"x" * 2000, max_bytes=1000)
    assert in_memory.value.kind == "too-large"


def test_unsupported_extension_missing_file_and_folder(tmp_path: Path) -> None:
    doc = tmp_path / "lettre.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(FileRefused) as unsupported:
        read_import(doc)
    assert unsupported.value.kind == "unsupported"
    assert ".docx" in unsupported.value.reason
    with pytest.raises(FileRefused) as missing:
        read_import(tmp_path / "absent.txt")
    assert missing.value.kind == "unreadable"
    assert "cannot be read" in missing.value.reason
    folder = tmp_path / "dossier.txt"
    folder.mkdir()
    with pytest.raises(FileRefused) as is_folder:
        read_import(folder)
    assert is_folder.value.kind == "unreadable"


def test_pdf_without_text_layer(pdf_maker: PdfMaker) -> None:
    error = refused("scan.pdf", pdf_maker([[]]))
    assert error.kind == "no-text-layer"


def test_text_in_a_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Le Koweït et le Qatar coopèrent avec l’OTAN.\n".encode("cp1252"))
    extracted = read_import(path)
    assert extracted.format == "text"
    assert extracted.text == "Le Koweït et le Qatar coopèrent avec l’OTAN.\n"
    assert extracted.source_file == "notes.txt"
    assert len(extracted.sha256) == 64
    assert extracted.title is None and extracted.date is None


def test_markdown_front_matter_gives_title_and_date() -> None:
    data = b"---\ntitle: Mes notes\ndate: 2021-03-12\n---\n# Titre\n\nTexte.\n"
    extracted = extract("notes.md", data)
    assert extracted.format == "markdown"
    assert (extracted.title, extracted.date) == ("Mes notes", "2021-03-12")
    assert extracted.text == "# Titre\n\nTexte.\n"


def test_html_in_a_declared_legacy_encoding() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><h1>Défense</h1><p>Été.</p>'
    extracted = extract("page.html", page.encode("latin-1"))
    assert extracted.format == "html"
    assert extracted.title == "Défense"
    assert "Été." in extracted.text


def test_utf16_html_page() -> None:
    extracted = extract("page.htm", codecs.BOM_UTF16_LE + PAGE.decode().encode("utf-16-le"))
    assert extracted.text == "Texte.\n"


def test_a_file_without_extension_is_read_as_what_it_holds(pdf_maker: PdfMaker) -> None:
    assert extract("LISEZMOI", b"Du texte.\n").format == "text"
    assert extract("page", PAGE).format == "html"
    assert extract("rapport", pdf_maker([["Un texte."]])).format == "pdf"


def test_a_page_saved_as_txt_stays_text() -> None:
    assert extract("page.txt", PAGE).format == "text"


def test_format_for() -> None:
    assert format_for("a.HTM") == "html"
    assert format_for("a.markdown") == "markdown"
    assert format_for("a.pdf") == "pdf"
    assert format_for("a.docx") is None
    assert format_for("README") is None
