"""Opening the user library: created, upgraded with a backup, set aside when damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from natoapp.store.library import Library
from natoapp.store.schema import REQUIRED_TABLES, SCHEMA_VERSION
from natoapp.userlib.errors import NewerLibraryError, UserLibraryError
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.location import default_user_db
from natoapp.userlib.opening import prepare_user_database
from natoapp.userlib.schema import MIGRATIONS, USER_SCHEMA_VERSION, USER_TABLES


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_new_library_has_the_seed_tables_and_its_own_in_wal_mode(user_db: Path) -> None:
    notes: list[str] = []
    assert prepare_user_database(user_db, on_note=notes.append) == user_db
    assert notes == []
    assert set(REQUIRED_TABLES) | set(USER_TABLES) <= tables(user_db)
    with sqlite3.connect(user_db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version")]
        assert versions == [m.version for m in MIGRATIONS]
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["kind"] == "natoapp-user-library"
    # The seed database's read API opens it as it is.
    with Library.open(user_db) as lib:
        assert lib.documents() == []
        assert lib.search("otan").hits == []


def test_the_default_library_lives_in_the_data_folder(user_data_dir: Path) -> None:
    assert default_user_db() == user_data_dir / "library.sqlite"
    with UserLibrary.open() as lib:
        assert lib.path == user_data_dir / "library.sqlite"
    assert (user_data_dir / "library.sqlite").is_file()


def test_opening_twice_changes_nothing(user_db: Path) -> None:
    prepare_user_database(user_db)
    with UserLibrary.open(user_db) as lib:
        lib.create_collection("Golfe")
    notes: list[str] = []
    prepare_user_database(user_db, on_note=notes.append)
    assert notes == []
    assert list(user_db.parent.glob("*.backup-*")) == []
    with UserLibrary.open(user_db) as lib:
        assert [c.name for c in lib.collections()] == ["Golfe"]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"this is not a database at all, just some text" * 100, "not a database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, ""),
    ],
    ids=["text", "damaged-header"],
)
def test_a_damaged_library_is_set_aside_and_a_new_one_started(
    user_db: Path, content: bytes, why: str
) -> None:
    user_db.parent.mkdir(parents=True)
    user_db.write_bytes(content)
    (user_db.parent / "library.sqlite-wal").write_bytes(b"old log")
    notes: list[str] = []
    with UserLibrary.open(user_db, on_note=notes.append) as lib:
        assert lib.collections() == []
        lib.create_collection("Nouvelle")
    assert len(notes) == 1 and "\n" not in notes[0]
    assert "damaged" in notes[0] and why in notes[0]
    kept = list(user_db.parent.glob("library.sqlite.corrupt-*"))
    originals = [p for p in kept if not p.name.endswith("-wal")]
    assert len(originals) == 1
    assert originals[0].read_bytes() == content  # the old file is kept as it was
    assert originals[0].name in notes[0]
    assert Path(f"{originals[0]}-wal").read_bytes() == b"old log"


def test_a_database_of_another_program_is_set_aside(user_db: Path) -> None:
    user_db.parent.mkdir(parents=True)
    with sqlite3.connect(user_db) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.close()
    notes: list[str] = []
    prepare_user_database(user_db, on_note=notes.append)
    assert "not a natoapp library" in notes[0]
    aside = next(user_db.parent.glob("library.sqlite.corrupt-*"))
    with sqlite3.connect(aside) as old:
        assert old.execute("SELECT name FROM recipes").fetchall() == [("soup",)]
    old.close()


def test_a_library_of_a_newer_natoapp_is_left_untouched(user_db: Path) -> None:
    prepare_user_database(user_db)
    with sqlite3.connect(user_db) as conn:
        conn.execute(
            "INSERT INTO schema_version VALUES (?, '2030-01-01T00:00:00+00:00', 'future')",
            [USER_SCHEMA_VERSION + 1],
        )
    conn.close()
    before = user_db.read_bytes()
    with pytest.raises(NewerLibraryError) as error:
        UserLibrary.open(user_db)
    assert "newer natoapp" in str(error.value)
    assert user_db.read_bytes() == before
    assert list(user_db.parent.glob("*.corrupt-*")) == []


def test_a_folder_where_the_library_should_be(user_db: Path) -> None:
    user_db.mkdir(parents=True)
    with pytest.raises(UserLibraryError) as error:
        prepare_user_database(user_db)
    assert "not a file" in str(error.value)
