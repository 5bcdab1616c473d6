"""A library written by the first version is copied, then migrated, losing nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from natoapp.store.schema import create_schema
from natoapp.userlib.library import UserLibrary
from natoapp.userlib.schema import USER_SCHEMA_VERSION, migrate_user_tables


def make_version_1(path: Path) -> None:
    """A library as the first version wrote it, with two collections and an excerpt."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    create_schema(sqlite_utils.Database(conn))
    conn.execute(
        "INSERT INTO meta VALUES ('schema_version', '1'), ('kind', 'natoapp-user-library')"
    )
    assert migrate_user_tables(conn, target=1) == [1]
    conn.execute("INSERT INTO collections (id, name, created) VALUES (7, 'Golfe', '2024-01-01')")
    conn.execute("INSERT INTO collections (id, name, created) VALUES (3, 'Asie', '2024-01-02')")
    conn.execute(
        "INSERT INTO collection_items (collection, position, passage, doc, ordinal, quote, note, "
        "title, date, source_file, language, added) VALUES (7, 0, '003_cac1df43d34c3008:1', "
        "'003_cac1df43d34c3008', 1, 'L’Initiative', 'à citer', 'L’Otan au Koweït', "
        "'2017-01-25', '003_cac1df43d34c3008.txt', 'fr', '2024-01-01')"
    )
    conn.execute("COMMIT")
    conn.close()


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def test_version_1_is_backed_up_then_migrated(user_db: Path) -> None:
    make_version_1(user_db)
    notes: list[str] = []
    with UserLibrary.open(user_db, on_note=notes.append) as lib:
        collections = lib.collections()
        items = lib.items(7)
    # Migrated: collections keep the order they were created in, excerpts are whole passages.
    assert [(c.id, c.name, c.position, c.items) for c in collections] == [
        (3, "Asie", 0, 0),
        (7, "Golfe", 1, 1),
    ]
    assert items[0].quote == "L’Initiative" and items[0].note == "à citer"
    assert (items[0].cut_start, items[0].cut_end) == (False, False)
    with sqlite3.connect(user_db) as conn:
        assert [r[0] for r in conn.execute("SELECT version FROM schema_version")] == [1, 2]
        assert {"position"} <= columns(conn, "collections")
        assert {"cut_start", "cut_end"} <= columns(conn, "collection_items")
    conn.close()
    # The backup is the version 1 library as it was, whole.
    backups = list(user_db.parent.glob("library.sqlite.backup-v1-*"))
    assert len(backups) == 1
    assert len(notes) == 1 and backups[0].name in notes[0] and "version 1 to 2" in notes[0]
    with sqlite3.connect(backups[0]) as old:
        assert [r[0] for r in old.execute("SELECT version FROM schema_version")] == [1]
        assert "position" not in columns(old, "collections")
        assert old.execute("SELECT quote FROM collection_items").fetchall() == [("L’Initiative",)]
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()
    assert USER_SCHEMA_VERSION == 2


def test_a_migrated_library_is_not_migrated_again(user_db: Path) -> None:
    make_version_1(user_db)
    UserLibrary.open(user_db).close()
    notes: list[str] = []
    UserLibrary.open(user_db, on_note=notes.append).close()
    assert notes == []
    assert len(list(user_db.parent.glob("library.sqlite.backup-*"))) == 1
