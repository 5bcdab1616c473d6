"""natoapp import / library / collections, and reading commands spanning the user's library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from natoapp.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-seed") / "natoapp.sqlite"
    assert main(["build", "--seeds", str(SEEDS), "--db", str(path)]) == 0
    return path


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("NATOAPP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "golfe.html").write_text(
        "<html><head><title>Le Golfe</title></head><body><main><h1>Le Golfe et l’OTAN</h1>"
        "<p>Le Koweït et le Qatar participent à l’Initiative de coopération d’Istanbul.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    (docs / "notes.txt").write_bytes("Notes\n\nZorglub et la Mongolie.\n".encode("cp1252"))
    (docs / "vide.txt").write_bytes(b"")
    return docs


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def imported_ids(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, str]:
    status, out, _ = run(capsys, "library", "list", "--json", "--db", str(db))
    assert status == 0
    return {row["source_file"]: row["id"] for row in json.loads(out)}


def test_import_reports_each_file_and_exits_2_when_one_is_refused(
    capsys: pytest.CaptureFixture[str], folder: Path, data_dir: Path
) -> None:
    status, out, err = run(capsys, "import", str(folder))
    assert status == 2
    lines = out.splitlines()
    assert any(line.startswith("imported") and "golfe.html" in line for line in lines)
    assert any(line.startswith("refused") and "vide.txt: empty file" in line for line in lines)
    assert lines[-1] == "2 imported, 0 already in the library, 1 refused"
    assert "Traceback" not in err
    assert (data_dir / "library.sqlite").is_file()
    status, out, _ = run(capsys, "import", str(folder / "golfe.html"))
    assert status == 0
    assert out.splitlines()[-1] == "0 imported, 1 already in the library, 0 refused"


def test_import_json_and_a_missing_path(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    status, out, err = run(
        capsys, "import", "--json", str(folder / "notes.txt"), str(tmp_path / "absent")
    )
    assert status == 2
    assert "no such file or folder" in err
    data = json.loads(out)
    assert data["imported"] == 1
    outcome = data["outcomes"][0]
    assert {"path", "status", "doc", "title", "passages", "reason", "kind"} <= outcome.keys()
    assert outcome["status"] == "imported" and outcome["doc"].startswith("user:notes-")


def test_reading_commands_span_the_user_library(
    capsys: pytest.CaptureFixture[str], folder: Path, db: Path
) -> None:
    run(capsys, "import", str(folder))
    ids = imported_ids(capsys, db)
    status, out, _ = run(capsys, "search", "--json", "--db", str(db), "Koweït")
    assert status == 0
    hits = json.loads(out)
    assert {"doc", "passage", "title", "date", "snippet", "score", "match", "entity"} <= hits[
        0
    ].keys()
    assert ids["golfe.html"] in {h["doc"] for h in hits}
    assert "003_cac1df43d34c3008" in {h["doc"] for h in hits}
    status, out, _ = run(capsys, "documents", "--json", "--db", str(db))
    assert len(json.loads(out)) == 7
    status, out, _ = run(capsys, "show", "--db", str(db), f"{ids['golfe.html']}:1")
    assert status == 0 and "Le Koweït et le Qatar" in out and "golfe.html" in out
    status, out, _ = run(capsys, "mentions", "--json", "--db", str(db), "Mongolie")
    assert ids["notes.txt"] in {m["doc"] for m in json.loads(out)}
    status, out, _ = run(capsys, "entity", "--json", "--db", str(db), "Qatar")
    assert status == 0 and json.loads(out)["id"] == "QA"


def test_user_db_flag_points_elsewhere(
    capsys: pytest.CaptureFixture[str], folder: Path, db: Path, tmp_path: Path, data_dir: Path
) -> None:
    other = tmp_path / "ailleurs.sqlite"
    run(capsys, "import", "--user-db", str(other), str(folder / "notes.txt"))
    assert other.is_file() and not (data_dir / "library.sqlite").exists()
    _, out, _ = run(capsys, "search", "--json", "--db", str(db), "--user-db", str(other), "zorglub")
    assert len(json.loads(out)) == 1
    _, out, _ = run(capsys, "search", "--json", "--db", str(db), "zorglub")
    assert json.loads(out) == []


def test_collections_save_show_export(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "collections", "--db", str(db))
    assert status == 0 and "no collections yet" in out
    status, out, _ = run(
        capsys,
        "collections",
        "save",
        "Golfe",
        "003_cac1df43d34c3008:1",
        "--quote",
        "quatre pays du Golfe",
        "--note",
        "à citer",
        "--db",
        str(db),
    )
    assert status == 0 and "saved excerpt" in out
    status, out, _ = run(capsys, "collections", "--json", "--db", str(db))
    assert json.loads(out)[0] | {"created": None} == {
        "id": 1,
        "name": "Golfe",
        "position": 0,
        "excerpts": 1,
        "created": None,
    }
    status, out, _ = run(capsys, "collections", "show", "golfe", "--json", "--db", str(db))
    shown = json.loads(out)
    assert shown["items"][0]["quote"] == "quatre pays du Golfe"
    assert shown["items"][0]["citation"].startswith("L’Otan a ouvert un bureau régional au Koweït.")
    status, out, _ = run(capsys, "collections", "show", "Golfe", "--db", str(db))
    assert "«\u00a0[…] quatre pays du Golfe […]\u00a0»" in out
    target = tmp_path / "golfe.bib"
    status, out, _ = run(capsys, "collections", "export", "Golfe", str(target), "--db", str(db))
    assert status == 0
    assert target.read_text(encoding="utf-8").startswith("@misc{natoapp:003_cac1df43d34c3008,")
    md = tmp_path / "golfe.txt"
    run(capsys, "collections", "export", "Golfe", str(md), "--format", "markdown", "--db", str(db))
    assert md.read_text(encoding="utf-8").startswith("# Golfe\n\n> […] quatre pays du Golfe […]")


def test_collection_mistakes_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    status, _, err = run(capsys, "collections", "show", "Absente", "--db", str(db))
    assert status == 2 and err.count("\n") == 1 and "no collection named 'Absente'" in err
    status, _, err = run(capsys, "collections", "save", "G", "nope:1", "--db", str(db))
    assert status == 2 and "no passage 'nope:1'" in err
    status, _, err = run(
        capsys,
        "collections",
        "save",
        "G",
        "003_cac1df43d34c3008:1",
        "--quote",
        "inventé",
        "--db",
        str(db),
    )
    assert status == 2 and "not the text of passage" in err
    run(capsys, "collections", "save", "G", "003_cac1df43d34c3008:1", "--db", str(db))
    status, _, err = run(capsys, "collections", "export", "G", str(tmp_path / "x.odt"))
    assert status == 2 and "cannot tell the format" in err
    status, _, err = run(
        capsys, "collections", "export", "G", str(tmp_path / "x.md"), "--format", "rtf"
    )
    assert status == 2 and "unknown format 'rtf'" in err


def test_library_remove_export_and_import(
    capsys: pytest.CaptureFixture[str], folder: Path, db: Path, tmp_path: Path
) -> None:
    run(capsys, "import", str(folder))
    ids = imported_ids(capsys, db)
    status, out, _ = run(capsys, "library", "remove", ids["notes.txt"])
    assert status == 0 and out.startswith(f"removed {ids['notes.txt']} (Notes, 1 passages)")
    status, _, err = run(capsys, "library", "remove", ids["notes.txt"])
    assert status == 2 and "no imported document" in err
    status, _, err = run(capsys, "library", "remove", "003_cac1df43d34c3008")
    assert status == 2 and "only imported documents" in err
    exported = tmp_path / "bibliotheque.sqlite"
    status, out, _ = run(capsys, "library", "export", str(exported))
    assert status == 0 and "1 documents" in out and exported.is_file()
    elsewhere = tmp_path / "autre.sqlite"
    status, out, err = run(capsys, "library", "import", str(exported), "--user-db", str(elsewhere))
    assert status == 0 and "1 documents added" in out
    assert "kept as" in err
    status, _, err = run(capsys, "library", "import", str(tmp_path / "absent.sqlite"))
    assert status == 1 and "no library file" in err and "Traceback" not in err


def test_a_damaged_user_library_is_set_aside_on_the_way(
    capsys: pytest.CaptureFixture[str], db: Path, data_dir: Path
) -> None:
    data_dir.mkdir()
    (data_dir / "library.sqlite").write_bytes(b"garbage" * 500)
    status, out, err = run(capsys, "search", "--json", "--db", str(db), "Koweït")
    assert status == 0 and json.loads(out)
    assert "damaged" in err and err.count("\n") == 1
    assert list(data_dir.glob("library.sqlite.corrupt-*"))
