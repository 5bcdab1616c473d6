"""Opening the user's library: created when missing, upgraded with a backup, set aside when damaged.

* A missing library is created (two natoapps starting at once create it once:
  the tables are made under the write lock, after checking again).
* A library written by an older natoapp is first copied beside itself
  (``library.sqlite.backup-v1-<time>``), then migrated in one transaction.
* A damaged file, or a file that is not a natoapp library, is never deleted:
  it is renamed ``library.sqlite.corrupt-<time>`` (with its ``-wal``), a note
  says so in one line, and a new, empty library takes its place.
* A library written by a newer natoapp is left untouched
  (:class:`NewerLibraryError`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import natoapp
from natoapp.store.schema import REQUIRED_TABLES, SCHEMA_VERSION
from natoapp.userlib.connection import BUSY_TIMEOUT_MS, connect, is_busy, write_transaction
from natoapp.userlib.derived_schema import create_seed_tables
from natoapp.userlib.errors import LibraryBusyError, NewerLibraryError, UserLibraryError
from natoapp.userlib.location import default_user_db
from natoapp.userlib.reindex import rebuild_derived_tables
from natoapp.userlib.schema import (
    LIBRARY_KIND,
    USER_SCHEMA_VERSION,
    USER_TABLES,
    migrate_user_tables,
    now_iso,
    user_version,
)

Note = Callable[[str], None]


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def _os_reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def prepare_user_database(path: Path | None = None, *, on_note: Note | None = None) -> Path:
    """Make the library at ``path`` (default: the user's) ready to use and return its path.

    Raises :class:`UserLibraryError` (one line) when it cannot be had.
    """

    def note(message: str) -> None:
        if on_note is not None:
            on_note(message)

    path = Path(path) if path is not None else default_user_db()
    if path.exists() and not path.is_file():
        raise UserLibraryError(f"cannot use {path} as the library: it is not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserLibraryError(
            f"cannot create the folder {path.parent}: {_os_reason(exc)}"
        ) from exc
    problem = damage(path)
    if problem is not None:
        aside = set_aside(path)
        note(
            f"the library {path} was damaged ({problem}); it was kept as {aside.name} "
            "and a new, empty library was started"
        )
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        raise UserLibraryError(f"cannot open the library {path}: {exc}") from exc
    try:
        _initialise(conn, path, note)
    except sqlite3.Error as exc:
        if is_busy(exc):
            raise LibraryBusyError(f"the library {path} is busy; try again") from exc
        raise UserLibraryError(f"cannot prepare the library {path}: {exc}") from exc
    finally:
        conn.close()
    return path


def damage(path: Path) -> str | None:
    """Why the file at ``path`` cannot be used as a library, in a few words; None when it can.

    A missing or empty file, or an empty database, is fine: it becomes a new library.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        # Read-only: a read-write connection to a damaged file could delete the
        # write-ahead log beside it on closing, and that log may hold the last changes.
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as exc:
        raise UserLibraryError(f"cannot open the library {path}: {exc}") from exc
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            return f"integrity check failed: {problems[0]}"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise LibraryBusyError(f"the library {path} is busy; try again") from exc
        if "unable to open" in str(exc):
            # Not the file's fault (permissions, a missing folder): never set it aside for that.
            raise UserLibraryError(f"cannot open the library {path}: {exc}") from exc
        return str(exc)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    if not tables or "schema_version" in tables:
        return None
    return "not a natoapp library"


def set_aside(path: Path) -> Path:
    """Rename a damaged library (and its write-ahead log) out of the way; return its new path."""
    stamp = _stamp()
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while aside.exists():
        count += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    try:
        os.replace(path, aside)
        log = Path(f"{path}-wal")
        if log.exists():
            os.replace(log, Path(f"{aside}-wal"))
        # The shared-memory index only caches the log's layout; it holds no data.
        Path(f"{path}-shm").unlink(missing_ok=True)
    except OSError as exc:
        raise UserLibraryError(
            f"the library {path} is damaged and cannot be set aside: {_os_reason(exc)}"
        ) from exc
    return aside


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _store_version(conn: sqlite3.Connection) -> str | None:
    if "meta" not in _tables(conn):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return str(row[0]) if row else None


def _needs_work(conn: sqlite3.Connection) -> bool:
    tables = _tables(conn)
    if not tables:
        return True
    if user_version(conn) != USER_SCHEMA_VERSION:
        return True
    if any(name not in tables for name in REQUIRED_TABLES):
        return True
    return _store_version(conn) != str(SCHEMA_VERSION)


def _initialise(conn: sqlite3.Connection, path: Path, note: Note) -> None:
    if not _needs_work(conn):
        return
    with write_transaction(conn):
        # Checked again under the lock: another natoapp may have done it meanwhile.
        tables = _tables(conn)
        if not tables:
            _create(conn)
            return
        version = user_version(conn)
        if version > USER_SCHEMA_VERSION:
            raise NewerLibraryError(
                f"the library {path} was written by a newer natoapp (version {version}; "
                f"this one knows up to {USER_SCHEMA_VERSION}); it was left untouched"
            )
        if not _needs_work(conn):
            return
        backup = write_backup(path, f"v{version}")
        # Inside one transaction with the migration, so foreign keys are checked at the end.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        applied = migrate_user_tables(conn)
        derived_stale = any(n not in tables for n in REQUIRED_TABLES) or (
            _store_version(conn) != str(SCHEMA_VERSION)
        )
        if derived_stale:
            rebuild_derived_tables(conn)
        _write_meta(conn)
    what = f"version {version} to {USER_SCHEMA_VERSION}" if applied else "its search index"
    note(f"upgraded the library {path} ({what}); the old one is kept as {backup.name}")


def _create(conn: sqlite3.Connection) -> None:
    for name in USER_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {name}")  # an empty file has none; be sure
    create_seed_tables(conn)
    migrate_user_tables(conn)
    _write_meta(conn)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('created', ?)", [now_iso()])


def _write_meta(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [
            ("schema_version", str(SCHEMA_VERSION)),
            ("kind", LIBRARY_KIND),
            ("natoapp_version", natoapp.__version__),
            ("sqlite_version", sqlite3.sqlite_version),
        ],
    )


def write_backup(path: Path, label: str) -> Path:
    """Copy the library's committed state beside it (``<name>.backup-<label>-<time>``).

    Uses SQLite's online backup, so the copy is consistent even while another
    connection holds the write lock; it is written under a temporary name and
    renamed when complete.
    """
    stamp = _stamp()
    target = path.with_name(f"{path.name}.backup-{label}-{stamp}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.name}.backup-{label}-{stamp}-{count}")
    temp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    try:
        source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            copy = sqlite3.connect(temp)
            try:
                source.backup(copy)
                # A backup is one self-contained file, with no write-ahead log beside it.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(temp, target)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise UserLibraryError(f"cannot write a backup of the library {path}: {exc}") from exc
    return target
