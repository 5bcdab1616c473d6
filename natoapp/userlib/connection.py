"""Connections to the user's library and the one way to change it: a write transaction.

Every change is one ``BEGIN IMMEDIATE`` transaction: it takes the write lock
before reading anything it will act on, so two running natoapps never
interleave their changes, and a second writer waits (``busy_timeout``) instead
of failing. The journal is a write-ahead log: readers never block the writer,
and a process killed in the middle of a transaction leaves the library as it
was before that transaction. ``synchronous = FULL`` makes a committed change
survive a power cut too, not only a crash.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from natoapp.userlib.errors import LibraryBusyError, UserLibraryError

BUSY_TIMEOUT_MS = 15_000


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection to the library at ``path`` (created when missing), in WAL mode."""
    try:
        # isolation_level=None: the sqlite3 module opens no transaction on its own;
        # write_transaction() says where each one begins and ends.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise UserLibraryError(f"cannot open the library {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def is_busy(exc: sqlite3.Error) -> bool:
    """True when ``exc`` says another connection holds the lock, not that the file is bad."""
    message = str(exc).lower()
    return "locked" in message or "busy" in message


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block as one transaction holding the write lock; roll back on any error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise LibraryBusyError(
                "the library is busy: another natoapp is writing to it; try again"
            ) from exc
        raise
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
