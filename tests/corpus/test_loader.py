from __future__ import annotations

import codecs
import hashlib
import shutil
from pathlib import Path

import pytest

from natoapp.corpus import (
    CorpusResult,
    SeedReadError,
    load_corpus,
    parse_document,
    read_document,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = "Un titre\n\nLe Dialogue méditerranéen a contribué à instaurer la confiance.\n"


def test_the_seeds_load_without_errors(seed_corpus: CorpusResult) -> None:
    assert seed_corpus.errors == []
    ids = [doc.id for doc in seed_corpus.documents]
    assert ids == sorted(ids) == [path.stem for path in sorted(SEEDS.glob("*.txt"))]
    for doc in seed_corpus.documents:
        assert doc.source_file == f"{doc.id}.txt"
        data = (SEEDS / doc.source_file).read_bytes()
        assert doc.sha256 == hashlib.sha256(data).hexdigest()
        assert doc.raw == data.decode("utf-8")


def test_bad_files_are_reported_and_the_others_still_load(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "003_cac1df43d34c3008.txt", tmp_path)
    (tmp_path / "latin1.txt").write_bytes("Le Koweït a rejoint l'ICI.".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + GOOD.encode())
    (tmp_path / "crlf.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a seed: ignored
    (tmp_path / ".hidden.txt").write_bytes(b"\x00")  # hidden: ignored

    result = load_corpus(tmp_path)

    assert [doc.id for doc in result.documents] == ["003_cac1df43d34c3008", "bom", "crlf"]
    assert [str(error) for error in result.errors] == [
        "binary.txt: binary data",
        "empty.txt: empty file",
        "latin1.txt: not UTF-8 text (byte 0xEF at offset 7); save it as UTF-8",
    ]
    for error in result.errors:
        assert "\n" not in str(error)
    bom, crlf = result.documents[1], result.documents[2]
    assert bom.raw == crlf.raw == GOOD
    assert bom.title == crlf.title == "Un titre"
    assert crlf.source_file == "crlf.md"
    assert crlf.passages[0].text.startswith("Le Dialogue méditerranéen")


def test_two_files_with_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.source_file for doc in result.documents] == ["a.md"]
    assert [str(e) for e in result.errors] == ["a.txt: same document id as a.md; not loaded"]


def test_a_missing_folder_is_an_error_not_an_exception(tmp_path: Path) -> None:
    result = load_corpus(tmp_path / "nowhere")
    assert result.documents == []
    assert [e.message for e in result.errors] == ["folder not found"]


def test_read_document_raises_with_the_error(tmp_path: Path) -> None:
    path = tmp_path / "vide.txt"
    path.write_text("   \n", encoding="utf-8")
    with pytest.raises(SeedReadError) as info:
        read_document(path)
    assert info.value.error.source_file == "vide.txt"
    assert info.value.error.message == "empty file"


def test_parse_document_normalises_what_it_is_given() -> None:
    doc = parse_document("x", "x.txt", "\ufeffUn titre\r\rUne phrase.\r\n", "0" * 64)
    assert doc.raw == "Un titre\n\nUne phrase.\n"
    assert [p.text for p in doc.passages] == ["Une phrase."]
    seg = doc.passages[0].segments[0]
    assert doc.raw[seg.raw_start : seg.raw_end] == "Une phrase."


def test_a_folder_named_like_a_seed(tmp_path: Path) -> None:
    (tmp_path / "dossier.txt").mkdir()
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["ok"]
    assert [str(e) for e in result.errors] == ["dossier.txt: a folder, not a file"]
