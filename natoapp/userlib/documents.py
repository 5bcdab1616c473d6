"""Writing an imported document into the seed-shaped tables, and taking it out again.

Rows are the ones :mod:`natoapp.store.build` writes for a seed: ``documents``,
``passages`` (with segments), the full-text rows of
:func:`natoapp.store.indexing.fts_rows`, ``mentions``. Passage rowids are never
reused (``meta.next_passage_rowid``): the full-text index is contentless, so a
removed passage's words can only be taken out by giving them back exactly, and
a fresh passage must never inherit a rowid that might still carry old words.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from natoapp.corpus.model import Document, Passage, PassageKind
from natoapp.knowledge.model import Mention
from natoapp.store.indexing import fts_rows

_FTS_INSERT = (
    "INSERT INTO passages_fts (rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)"
)
# The special 'delete' command of a contentless FTS5 table: the row's own values.
_FTS_DELETE = (
    "INSERT INTO passages_fts (passages_fts, rowid, title, body, title_stem, body_stem) "
    "VALUES ('delete', ?, ?, ?, ?, ?)"
)
_NEXT_ROWID = "next_passage_rowid"


def _next_rowid(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [_NEXT_ROWID]).fetchone()
    recorded = int(row[0]) if row and str(row[0]).isdigit() else 1
    highest = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM passages").fetchone()[0]
    return max(recorded, int(highest) + 1)


def insert_document(
    conn: sqlite3.Connection, document: Document, mentions: Sequence[Mention]
) -> None:
    """Write ``document``, its passages, index rows and ``mentions`` (caller's transaction)."""
    ordered = replace(document, passages=tuple(sorted(document.passages, key=lambda p: p.ordinal)))
    first = _next_rowid(conn)
    conn.execute(
        "INSERT INTO documents (id, title, date, updated, publisher, source_file, language, "
        "sha256, raw, passages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            document.id,
            document.title,
            document.date,
            document.updated,
            document.publisher,
            document.source_file,
            document.language,
            document.sha256,
            document.raw,
            len(ordered.passages),
        ],
    )
    conn.executemany(
        'INSERT INTO passages (rowid, id, doc, ordinal, kind, text, start, "end", segments) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + offset,
                p.id,
                p.doc,
                p.ordinal,
                str(p.kind),
                p.text,
                p.start,
                p.end,
                json.dumps(
                    [[s.raw_start, s.raw_end, s.text_start, s.text_end] for s in p.segments],
                    separators=(",", ":"),
                ),
            )
            for offset, p in enumerate(ordered.passages)
        ],
    )
    conn.executemany(_FTS_INSERT, list(fts_rows(ordered, first)))
    insert_mentions(conn, mentions)
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [_NEXT_ROWID, str(first + len(ordered.passages))],
    )


def insert_mentions(conn: sqlite3.Connection, mentions: Sequence[Mention]) -> None:
    """Write ``mentions`` (caller's transaction)."""
    conn.executemany(
        'INSERT INTO mentions (entity, doc, passage, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)',
        [(m.entity, m.doc, m.passage, m.start, m.end, m.text) for m in mentions],
    )


def stored_document(conn: sqlite3.Connection, doc_id: str) -> tuple[Document, list[int]] | None:
    """The document as stored (passages without segments) and its passages' rowids, or None."""
    row = conn.execute(
        "SELECT id, source_file, raw, sha256, title, date, updated, publisher, language "
        "FROM documents WHERE id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    rows = conn.execute(
        'SELECT rowid, id, doc, ordinal, kind, text, start, "end" FROM passages '
        "WHERE doc = ? ORDER BY ordinal",
        [doc_id],
    ).fetchall()
    passages = tuple(
        Passage(pid, doc, int(ordinal), PassageKind(kind), text, int(start), int(end), ())
        for _, pid, doc, ordinal, kind, text, start, end in rows
    )
    doc_id, source_file, raw, sha256, title, date, updated, publisher, language = row
    document = Document(
        id=doc_id,
        source_file=source_file,
        raw=raw,
        sha256=sha256 or "",
        title=title,
        date=date,
        updated=updated,
        publisher=publisher,
        passages=passages,
        language=language or "fr",
    )
    return document, [int(r[0]) for r in rows]


def delete_document(conn: sqlite3.Connection, doc_id: str) -> tuple[int, int] | None:
    """Take the document and everything derived from it out; (passages, mentions) or None.

    The user's excerpts are not touched (caller's transaction).
    """
    stored = stored_document(conn, doc_id)
    if stored is None:
        return None
    document, rowids = stored
    # fts_rows numbers passages from a first rowid; each row gets its real rowid back.
    fts = [
        (rowid, *columns)
        for rowid, (_, *columns) in zip(rowids, fts_rows(document, 0), strict=True)
    ]
    conn.executemany(_FTS_DELETE, fts)
    mentions = conn.execute("DELETE FROM mentions WHERE doc = ?", [doc_id]).rowcount
    conn.execute("DELETE FROM entity_sources WHERE doc = ?", [doc_id])
    conn.execute("DELETE FROM evidence WHERE doc = ?", [doc_id])
    conn.execute("DELETE FROM imports WHERE doc = ?", [doc_id])
    conn.execute("DELETE FROM passages WHERE doc = ?", [doc_id])
    conn.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    return len(rowids), int(mentions)
