"""The user library's own tables and the migrations between their versions.

A user library holds every table of the seed database (created by
:func:`natoapp.store.schema.create_schema`, so that
:class:`natoapp.store.library.Library` and the search code read it as they read
the seed database) plus the tables below, whose layout is versioned here:
``schema_version`` holds one row per version applied.

Version history:

1. ``imports``, ``collections``, ``collection_items``.
2. Collections are ordered (``collections.position``), and an excerpt may be a
   part of its passage (``collection_items.cut_start`` / ``cut_end`` say it
   begins or ends inside it, for the "[…]" marks of its citation).

A migration never loses a row: it only adds columns or tables and fills them
from what is there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

USER_SCHEMA_VERSION = 2
LIBRARY_KIND = "natoapp-user-library"

# What the user owns; the seed-shaped tables can always be derived again from
# documents.raw and imports, these cannot.
USER_TABLES = ("schema_version", "imports", "collections", "collection_items")

_VERSION_1 = (
    """CREATE TABLE schema_version (
        version INTEGER PRIMARY KEY,
        applied TEXT NOT NULL,
        description TEXT NOT NULL
    )""",
    # One row per imported document: where it came from and how it was read.
    """CREATE TABLE imports (
        doc TEXT PRIMARY KEY REFERENCES documents(id),
        sha256 TEXT NOT NULL UNIQUE,
        source_path TEXT NOT NULL,
        format TEXT NOT NULL,
        title_source TEXT NOT NULL,
        date_source TEXT NOT NULL,
        imported TEXT NOT NULL
    )""",
    """CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created TEXT NOT NULL
    )""",
    # An excerpt keeps its citation as it stood when saved (title, date, ...):
    # removing the document, or a new edition of the seed texts, must not take
    # the user's quotes or their references away.
    """CREATE TABLE collection_items (
        id INTEGER PRIMARY KEY,
        collection INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        passage TEXT NOT NULL,
        doc TEXT NOT NULL,
        ordinal INTEGER,
        quote TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        date TEXT,
        updated TEXT,
        publisher TEXT,
        source_file TEXT NOT NULL,
        language TEXT NOT NULL,
        added TEXT NOT NULL
    )""",
    "CREATE INDEX collection_items_collection ON collection_items(collection, position)",
)


def _to_version_2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE collections ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
    # Existing collections keep the order they were created in.
    conn.execute(
        "UPDATE collections SET position = "
        "(SELECT COUNT(*) FROM collections AS c WHERE c.id < collections.id)"
    )
    conn.execute("ALTER TABLE collection_items ADD COLUMN cut_start INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE collection_items ADD COLUMN cut_end INTEGER NOT NULL DEFAULT 0")


def _create_version_1(conn: sqlite3.Connection) -> None:
    for statement in _VERSION_1:
        conn.execute(statement)


@dataclass(frozen=True, slots=True)
class Migration:
    """Bring the user tables from ``version - 1`` to ``version``."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "imports, collections and their excerpts", _create_version_1),
    Migration(2, "ordered collections; excerpts that are part of a passage", _to_version_2),
)


def now_iso() -> str:
    """The current UTC time, to the second, as stored in the library."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def user_version(conn: sqlite3.Connection) -> int:
    """The user tables' version (0 when there are none yet)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" not in tables:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate_user_tables(
    conn: sqlite3.Connection, *, target: int = USER_SCHEMA_VERSION
) -> list[int]:
    """Apply the migrations after the current version up to ``target``; return the versions applied.

    Runs inside the caller's transaction.
    """
    current = user_version(conn)
    applied: list[int] = []
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_version (version, applied, description) VALUES (?, ?, ?)",
                [migration.version, now_iso(), migration.description],
            )
            applied.append(migration.version)
    return applied
