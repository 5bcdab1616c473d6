"""The window's reading of the seed database together with the user's library."""

from __future__ import annotations

from pathlib import Path

from natoapp.store.library import Library
from natoapp.ui.user_library import open_library, prepare_user_library
from natoapp.userlib.combined import CombinedLibrary
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import load_knowledge
from natoapp.userlib.library import UserLibrary


def test_without_a_user_library_the_seed_database_is_read_alone(
    library_path: Path, tmp_path: Path
) -> None:
    with open_library(library_path, tmp_path / "none.sqlite") as lib:
        assert isinstance(lib, Library)
        assert lib.provenance().documents > 0


def test_imported_documents_are_read_with_the_seed_texts(
    library_path: Path, tmp_path: Path
) -> None:
    user_db = tmp_path / "library.sqlite"
    source = tmp_path / "note.txt"
    source.write_text("Note sur Oulan-Bator\n\nUn texte très singulier.\n", encoding="utf-8")
    with UserLibrary.open(user_db) as user:
        assert len(import_files(user, [source], knowledge=load_knowledge()).imported) == 1
    with open_library(library_path, user_db) as lib:
        assert isinstance(lib, CombinedLibrary)
        titles = [d.title for d in lib.documents()]
        assert "Note sur Oulan-Bator" in titles and len(titles) > 1
        assert lib.search("singulier").total == 1


def test_a_damaged_user_library_leaves_the_seed_texts_readable(
    library_path: Path, tmp_path: Path
) -> None:
    user_db = tmp_path / "library.sqlite"
    user_db.write_bytes(b"not a database at all" * 100)
    with open_library(library_path, user_db) as lib:
        assert isinstance(lib, Library)


def test_preparing_sets_a_damaged_library_aside_with_one_note(tmp_path: Path) -> None:
    user_db = tmp_path / "library.sqlite"
    user_db.write_bytes(b"not a database at all" * 100)
    notes: list[str] = []
    assert prepare_user_library(notes.append, user_db) == user_db
    assert len(notes) == 1 and "damaged" in notes[0] and "\n" not in notes[0]
    assert [p.name.split("-")[0] for p in tmp_path.glob("library.sqlite.corrupt-*")] == [
        "library.sqlite.corrupt"
    ]
    with UserLibrary.open(user_db) as user:
        assert user.collections() == []


def test_a_library_that_cannot_be_had_is_a_note_not_an_exception(tmp_path: Path) -> None:
    folder = tmp_path / "library.sqlite"
    folder.mkdir()  # a folder where the file should be
    notes: list[str] = []
    assert prepare_user_library(notes.append, folder) is None
    assert len(notes) == 1 and "not a file" in notes[0]
