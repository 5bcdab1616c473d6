"""Moving a whole library: exported as one file, merged into another without losing anything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from natoapp.store.library import Library
from natoapp.userlib.errors import UserLibraryError
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import UserKnowledge
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.transfer import export_library, import_library

from .conftest import write


def fill(path: Path, knowledge: UserKnowledge, files: list[Path], collection: str) -> None:
    with UserLibrary.open(path) as lib:
        report = import_files(lib, files, knowledge=knowledge)
        doc = report.imported[0].doc
        assert doc is not None
    with Library.open(path) as read:
        passage = read.passages(doc)[0]
        document = read.document(doc)
    assert document is not None
    with UserLibrary.open(path) as lib:
        lib.add_excerpt(collection, passage, document, note=f"de {path.parent.name}")


def test_export_then_import_on_another_machine(
    tmp_path: Path, knowledge: UserKnowledge, files: Path, user_db: Path
) -> None:
    fill(user_db, knowledge, [files / "notes.txt", files / "golfe.html"], "Lectures")
    exported = export_library(tmp_path / "transfert" / "ma-bibliotheque.natoapp", user_db=user_db)
    assert (exported.documents, exported.collections, exported.excerpts) == (2, 1, 1)
    with sqlite3.connect(exported.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not Path(f"{exported.path}-wal").exists()

    other = tmp_path / "autre machine" / "library.sqlite"
    own = write(tmp_path / "siens", "propre.txt", "Un texte de l’autre machine sur le Qatar.\n")
    fill(other, knowledge, [own, files / "notes.txt"], "Lectures")
    merge = import_library(exported.path, user_db=other, knowledge=knowledge)
    assert (merge.documents_added, merge.documents_present) == (1, 1)
    assert (merge.collections_added, merge.collections_merged) == (0, 1)
    assert (merge.excerpts_added, merge.excerpts_present) == (1, 0)
    assert merge.backup.is_file() and "before-import" in merge.backup.name
    with UserLibrary.open(other) as lib:
        assert sorted(r.source_file for r in lib.imported()) == [
            "golfe.html",
            "notes.txt",
            "propre.txt",
        ]
        lectures = lib.find_collection("Lectures")
        assert lectures is not None
        assert [i.note for i in lib.items(lectures.id)] == [
            "de autre machine",
            "de user",
        ]
    with Library.open(other) as read:
        assert read.search("Jordanie").hits  # the merged document is searchable
    # Importing the same file again adds nothing.
    again = import_library(exported.path, user_db=other, knowledge=knowledge)
    assert (again.documents_added, again.excerpts_added, again.excerpts_present) == (0, 0, 1)


def test_what_cannot_be_imported(tmp_path: Path, user_db: Path) -> None:
    with pytest.raises(UserLibraryError, match="no library file"):
        import_library(tmp_path / "absent.sqlite", user_db=user_db)
    junk = write(tmp_path, "junk.sqlite", "pas une base")
    with pytest.raises(UserLibraryError, match="cannot import"):
        import_library(junk, user_db=user_db)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(UserLibraryError, match="not a natoapp library"):
        import_library(foreign, user_db=user_db)
    UserLibrary.open(user_db).close()
    with pytest.raises(UserLibraryError, match="the library itself"):
        import_library(user_db, user_db=user_db)
    with pytest.raises(UserLibraryError, match="the library itself"):
        export_library(user_db, user_db=user_db)
