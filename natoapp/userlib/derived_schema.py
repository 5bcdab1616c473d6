"""The seed database's tables, as SQL statements to run inside the library's own transaction.

:func:`natoapp.store.schema.create_schema` builds the tables through sqlite-utils,
which manages transactions of its own. The user library must create them inside
one ``BEGIN IMMEDIATE`` transaction (two natoapps may start at once), so the
schema is made once in memory and its ``CREATE`` statements replayed.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from natoapp.store.schema import create_schema


def seed_schema_statements() -> tuple[str, ...]:
    """Every ``CREATE`` statement of the seed schema, in the order they were made."""
    conn = sqlite3.connect(":memory:")
    try:
        create_schema(sqlite_utils.Database(conn))
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    virtual = [name for kind, name, sql in rows if kind == "table" and "VIRTUAL TABLE" in sql]
    # A virtual table's shadow tables are made by the virtual table itself.
    return tuple(
        sql for _, name, sql in rows if not any(name.startswith(f"{table}_") for table in virtual)
    )


def create_seed_tables(conn: sqlite3.Connection) -> None:
    """Create the seed schema's tables and indexes (caller's transaction)."""
    for statement in seed_schema_statements():
        conn.execute(statement)
