"""Finding a usable database, and building it when it is missing, stale or damaged.

The program reads a database built at packaging time when it ships one that
matches the inputs; otherwise it keeps its own in the user's cache folder and
rebuilds it, with a one-line note, whenever it is missing, out of date (the
seeds, the curated data or the schema changed) or damaged. Databases are only
ever read through read-only connections; nothing is written to the current
folder.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from natoapp import paths
from natoapp.store.build import build_from_sources, compute_input_hash
from natoapp.store.errors import DatabaseError, SqliteUnsupportedError
from natoapp.store.schema import REQUIRED_TABLES, SCHEMA_VERSION

MIN_SQLITE_VERSION = (3, 31, 0)
# Page cache of a read connection, in KiB.
_READ_CACHE_KIB = 32 * 1024

Status = Literal["ok", "missing", "stale", "corrupt"]


@dataclass(frozen=True, slots=True)
class DatabaseState:
    """Whether a database file can be used as it is, and if not why, in a few words."""

    status: Status
    reason: str = ""

    @property
    def ok(self) -> bool:
        """True when the database can be read as it is."""
        return self.status == "ok"


def check_sqlite_support() -> None:
    """Raise :class:`SqliteUnsupportedError` unless this SQLite is recent and has FTS5."""
    if sqlite3.sqlite_version_info < MIN_SQLITE_VERSION:
        wanted = ".".join(map(str, MIN_SQLITE_VERSION))
        raise SqliteUnsupportedError(
            f"SQLite {sqlite3.sqlite_version} is too old: natoapp needs {wanted} or newer"
        )
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x)")
    except sqlite3.Error as exc:
        raise SqliteUnsupportedError(
            f"SQLite {sqlite3.sqlite_version} has no FTS5 full-text search, "
            f"which natoapp needs ({exc})"
        ) from exc
    finally:
        conn.close()


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only; raise :class:`DatabaseError` when it cannot be opened."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"no database at {path}")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open database {path}: {exc}") from exc
    # SQLite's default 2 MB page cache makes every search re-read the pages of the
    # documents and passages it joins; the cache only grows as pages are read.
    with contextlib.suppress(sqlite3.Error):
        # A file that is no database fails here already; its first read says so.
        conn.execute(f"PRAGMA cache_size = -{_READ_CACHE_KIB}")
    return conn


def database_state(path: Path, input_hash: str | None) -> DatabaseState:
    """Check the database at ``path``: present, sound, current schema, built from ``input_hash``.

    ``input_hash`` None skips the comparison with the inputs.
    """
    path = Path(path)
    if not path.exists():
        return DatabaseState("missing", "missing")
    if not path.is_file():
        return DatabaseState("corrupt", "not a file")
    if path.stat().st_size == 0:
        return DatabaseState("corrupt", "file is empty")
    try:
        conn = open_readonly(path)
    except DatabaseError as exc:
        return DatabaseState("corrupt", str(exc))
    try:
        return _inspect(conn, input_hash)
    except sqlite3.Error as exc:
        return DatabaseState("corrupt", str(exc))
    finally:
        conn.close()


def _inspect(conn: sqlite3.Connection, input_hash: str | None) -> DatabaseState:
    # The check reads every page once: a large cache would only cost allocations.
    conn.execute("PRAGMA cache_size = -2000")
    problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        return DatabaseState("corrupt", f"integrity check failed: {problems[0]}")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing:
        return DatabaseState("corrupt", "missing tables: " + ", ".join(missing))
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    version = meta.get("schema_version")
    if version != str(SCHEMA_VERSION):
        return DatabaseState(
            "stale", f"schema version {version}, this program uses version {SCHEMA_VERSION}"
        )
    if input_hash is not None and meta.get("input_hash") != input_hash:
        return DatabaseState("stale", "the seed texts or curated data changed")
    # quick_check does not look inside the full-text index; one query does.
    conn.execute("SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'otan' LIMIT 1")
    return DatabaseState("ok")


def ensure_database(
    db_path: Path | None = None,
    *,
    seeds_dir: Path | None = None,
    resources_dir: Path | None = None,
    on_note: Callable[[str], None] | None = None,
    keep_existing: bool = False,
) -> Path:
    """Return the path of a database that matches the inputs, building it if needed.

    ``keep_existing`` is for a database the user named: when it is sound it is
    read as it is, whatever seeds it was built from (``natoapp build --seeds X
    --db Y`` then ``natoapp search --db Y`` must not rebuild Y from other seeds);
    only a missing or damaged one is built.

    With no ``db_path``: the prebuilt database beside the package when it
    matches the inputs, else the one in the user's cache folder. A database
    that is missing, stale or damaged is rebuilt and ``on_note`` told why in
    one line; seeds and curated items the build left out are reported the
    same way. Raises
    :class:`DatabaseError` (one line) when no usable database can be had.
    """

    def note(message: str) -> None:
        if on_note is not None:
            on_note(message)

    check_sqlite_support()
    seeds = Path(seeds_dir) if seeds_dir is not None else paths.seeds_dir()
    resources = Path(resources_dir) if resources_dir is not None else paths.resources_dir()
    if not seeds.is_dir():
        return _without_seeds(db_path, seeds, note)
    input_hash = compute_input_hash(seeds, resources)
    if db_path is None:
        prebuilt = paths.prebuilt_db()
        if prebuilt.is_file() and database_state(prebuilt, input_hash).ok:
            return prebuilt
        db_path = paths.default_db()
    db_path = Path(db_path)
    state = database_state(db_path, None if keep_existing else input_hash)
    if state.ok:
        return db_path
    if state.status == "missing":
        note(f"building database {db_path} (missing)")
    elif state.status == "stale":
        note(f"database {db_path} is out of date ({state.reason}); rebuilding")
    else:
        note(f"database {db_path} is corrupt: {state.reason}; rebuilding")
    if db_path.is_dir():
        raise DatabaseError(f"cannot build the database: {db_path} is a folder")
    report = build_from_sources(seeds, resources, db_path)
    for error in report.seed_errors:
        note(f"skipped {error}")
    for line in report.knowledge_notes:
        note(line)
    return db_path


def _without_seeds(db_path: Path | None, seeds: Path, note: Callable[[str], None]) -> Path:
    """With no seeds to build from, an existing sound database is still worth reading."""
    candidates = (
        [Path(db_path)] if db_path is not None else [paths.prebuilt_db(), paths.default_db()]
    )
    for candidate in candidates:
        if database_state(candidate, None).ok:
            note(f"no seed texts at {seeds}; reading {candidate} as it is")
            return candidate
    raise DatabaseError(f"no seed texts at {seeds} to build a database from")
