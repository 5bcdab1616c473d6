"""Deriving the seed-shaped tables again from what the user owns.

When the program's database schema changes (:data:`natoapp.store.schema.SCHEMA_VERSION`)
the derived tables of a user library — passages, the full-text index, mentions,
entities — are made again from each imported document's stored text
(``documents.raw``, the text extracted at import) and the title and date it was
given then. The user's own tables are not touched.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from natoapp.corpus.loader import parse_document
from natoapp.store.schema import REQUIRED_TABLES
from natoapp.userlib.derived_schema import create_seed_tables
from natoapp.userlib.documents import insert_document

# Dropped children first, so that no foreign key points to a table already gone.
_DERIVED_DROP_ORDER = (
    "evidence",
    "relations",
    "mentions",
    "aliases",
    "entity_sources",
    "entities",
    "passages_fts",
    "passages",
    "documents",
    "meta",
)


def rebuild_derived_tables(conn: sqlite3.Connection) -> int:
    """Recreate the seed-shaped tables and re-add every document; return how many.

    Mentions are left for :func:`natoapp.userlib.knowledge.write_knowledge` (the
    knowledge fingerprint is dropped with ``meta``). Caller's transaction.
    """
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    kept: list[tuple[str, str, str, str, str, str | None]] = []
    if "documents" in tables:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
        date = "date" if "date" in columns else "NULL"
        kept = conn.execute(
            f"SELECT id, source_file, raw, COALESCE(sha256, ''), title, {date} FROM documents"
        ).fetchall()
    for name in _DERIVED_DROP_ORDER:
        if name in tables or name in REQUIRED_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {name}")
    create_seed_tables(conn)
    for doc_id, source_file, raw, sha256, title, doc_date in sorted(kept):
        parsed = parse_document(doc_id, source_file, raw, sha256)
        insert_document(conn, dataclasses.replace(parsed, title=title, date=doc_date), [])
    return len(kept)
