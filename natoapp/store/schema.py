"""The database's tables, as docs/architecture.md describes them.

Bump :data:`SCHEMA_VERSION` whenever a table, a column, an index or what the
full-text columns hold changes: an existing database with another version is
rebuilt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # reading a database must not pay for importing the build's library
    import sqlite_utils

SCHEMA_VERSION = 4

# The FTS columns, in order; bm25() weights below follow the same order.
FTS_COLUMNS = ("title", "body", "title_stem", "body_stem")
# Title words count more than body words, and a word as written more than an
# inflected form of it (a passage holding the exact word matches both its
# exact and its stem column, so it always outscores an inflection).
BM25_WEIGHTS = (10.0, 4.0, 2.0, 1.0)

REQUIRED_TABLES = (
    "meta",
    "documents",
    "passages",
    "passages_fts",
    "entities",
    "entity_sources",
    "aliases",
    "mentions",
    "relations",
    "evidence",
)

# The lengths of word beginnings the full-text index keeps an index of.
PREFIX_LENGTHS = (2, 3, 4)

_FTS_SQL = (
    "CREATE VIRTUAL TABLE passages_fts USING fts5("
    "title, body, title_stem, body_stem, "
    # Contentless: the original text lives in `passages`; the index holds only
    # folded words, which nobody ever needs to read back.
    "content='', "
    "tokenize='unicode61 remove_diacritics 2', "
    # Prefix indexes keep search-as-you-type fast on short beginnings.
    "prefix='" + " ".join(str(n) for n in PREFIX_LENGTHS) + "')"
)


# Built databases only, not the user's library: every word of the full-text index
# (folded words and stems alike) and how many passages hold it, filled from FTS5's own
# vocabulary once the index is complete (see natoapp.store.prefixes).
INDEX_TERMS_SQL = (
    "CREATE TABLE index_terms (term TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID"
)

# Built databases only, not the user's library: each passage naming an entity, once, by
# rowid. Its order is (entity, rowid), and rowids run newest first, so one entity's
# passages are read newest first straight from the table, however many there are.
ENTITY_PASSAGES_SQL = (
    "CREATE TABLE entity_passages (entity TEXT NOT NULL, passage INTEGER NOT NULL, "
    "PRIMARY KEY (entity, passage)) WITHOUT ROWID"
)


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table and index in an empty database."""
    create_tables(db)
    create_indexes(db)


def create_indexes(db: sqlite_utils.Database) -> None:
    """Create the indexes of :func:`create_tables`' tables.

    A bulk build calls this once the rows are in: building an index over
    sorted input is much cheaper than keeping it up to date row by row.
    """
    for table, columns, unique in _INDEXES:
        db.table(table).create_index(list(columns), unique=unique)
    # Listing every document, in the order Library.documents gives them, reads this
    # index alone, never the rows with their raw text (hundreds of MB in a large library).
    db.execute(
        "CREATE INDEX idx_documents_listing ON documents (date IS NULL, date, id, title, "
        "updated, publisher, source_file, passages, language)"
    )


_INDEXES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("passages", ("id",), True),
    ("passages", ("doc", "ordinal"), True),
    ("entities", ("kind",), False),
    ("entities", ("parent",), False),
    ("entity_sources", ("entity",), False),
    ("aliases", ("folded",), False),
    ("aliases", ("entity",), False),
    ("mentions", ("entity",), False),
    ("mentions", ("passage",), False),
    ("relations", ("subject",), False),
    ("relations", ("object",), False),
    ("evidence", ("relation",), False),
)


def create_tables(db: sqlite_utils.Database) -> None:
    """Create every table, without the secondary indexes, in an empty database."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("documents").create(
        {
            "id": str,
            "title": str,
            "date": str,
            "updated": str,
            "publisher": str,
            "source_file": str,
            "language": str,
            "sha256": str,
            "raw": str,
            "passages": int,
        },
        pk="id",
        not_null=["title", "source_file", "raw", "passages"],
    )
    db.table("passages").create(
        {
            "rowid": int,
            "id": str,
            "doc": str,
            "ordinal": int,
            "kind": str,
            "text": str,
            "start": int,
            "end": int,
            "segments": str,
        },
        pk="rowid",
        foreign_keys=[("doc", "documents", "id")],
        not_null=["id", "doc", "ordinal", "kind", "text", "start", "end", "segments"],
    )
    db.execute(_FTS_SQL)
    db.table("entities").create(
        {
            "id": str,
            "kind": str,
            "name_fr": str,
            "name_en": str,
            "parent": str,
            "date": str,
            "role": str,
            "description": str,
            "role_fr": str,
            "description_fr": str,
            "relevant": int,
        },
        pk="id",
        not_null=["kind", "name_fr", "name_en", "relevant"],
    )
    db.table("entity_sources").create(
        {"entity": str, "doc": str, "passage": str, "quote": str},
        foreign_keys=[
            ("entity", "entities", "id"),
            ("doc", "documents", "id"),
            ("passage", "passages", "id"),
        ],
        not_null=["entity", "doc", "passage", "quote"],
    )
    db.table("aliases").create(
        {"entity": str, "alias": str, "folded": str, "lang": str, "kind": str},
        foreign_keys=[("entity", "entities", "id")],
        not_null=["entity", "alias", "folded"],
    )
    db.table("mentions").create(
        {"entity": str, "doc": str, "passage": str, "start": int, "end": int, "text": str},
        foreign_keys=[
            ("entity", "entities", "id"),
            ("doc", "documents", "id"),
            ("passage", "passages", "id"),
        ],
        not_null=["entity", "doc", "passage", "start", "end", "text"],
    )
    db.table("relations").create(
        {"id": int, "kind": str, "subject": str, "object": str, "date": str, "note": str},
        pk="id",
        foreign_keys=[("subject", "entities", "id"), ("object", "entities", "id")],
        not_null=["kind", "subject", "object"],
    )
    db.table("evidence").create(
        {"relation": int, "doc": str, "passage": str, "quote": str},
        foreign_keys=[
            ("relation", "relations", "id"),
            ("doc", "documents", "id"),
            ("passage", "passages", "id"),
        ],
        not_null=["relation", "doc", "passage", "quote"],
    )
