"""Finding a usable database, and building it when it is missing, stale or damaged.

The program reads a database built at packaging time when it ships one that
matches the inputs; otherwise it keeps its own in the user's cache folder and
rebuilds it, with a one-line note, whenever it is missing, out of date (the
seeds, the curated data or the schema changed) or damaged. Databases are only
ever read through read-only connections; nothing is written to the current
folder.

Starting must stay cheap when nothing changed. A stamp file in the cache folder
remembers (1) the input hash of each seed/resource pair with the names, sizes and
modification times of the files it was computed from, so the files are hashed
again only when one of those changed, and (2) the size and modification time of
each database that passed ``PRAGMA quick_check``, so the check, which reads every
page, runs again only after the file changed. Opening the database and reading its
tables and meta still happens every time, and fails on a damaged file anyway.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import natoapp
from natoapp import paths
from natoapp.store.errors import DatabaseError, SqliteUnsupportedError
from natoapp.store.schema import REQUIRED_TABLES, SCHEMA_VERSION

if TYPE_CHECKING:
    from natoapp.store.build import BuildReport

MIN_SQLITE_VERSION = (3, 31, 0)
# Page cache of a read connection, in KiB.
_READ_CACHE_KIB = 32 * 1024

Status = Literal["ok", "missing", "stale", "corrupt"]

STAMP_FILENAME = "checks.json"
# What a stamp records a file by: name, size, modification time in nanoseconds.
FileSignature = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class DatabaseState:
    """Whether a database file can be used as it is, and if not why, in a few words."""

    status: Status
    reason: str = ""

    @property
    def ok(self) -> bool:
        """True when the database can be read as it is."""
        return self.status == "ok"


def compute_input_hash(seeds_dir: Path, resources_dir: Path) -> str:
    """sha256 over the seed files (names and bytes), the curated knowledge files and the schema.

    The program's version goes in too, so a new release rebuilds what an older
    one built. Raises :class:`DatabaseError` when the seed folder cannot be read.
    """
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        # Length prefixes keep ("ab", "c") and ("a", "bc") apart.
        encoded = label.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
        digest.update(len(data).to_bytes(8, "big") + data)

    add("schema", str(SCHEMA_VERSION).encode())
    add("natoapp", natoapp.__version__.encode())
    try:
        for label, path in _input_files(Path(seeds_dir), Path(resources_dir)):
            add(label, path.read_bytes())
    except OSError as exc:
        raise DatabaseError(f"cannot read the inputs: {_os_message(exc)}") from exc
    return digest.hexdigest()


def input_signature(seeds_dir: Path, resources_dir: Path) -> list[FileSignature]:
    """Name, size and modification time of every file :func:`compute_input_hash` reads.

    Raises :class:`DatabaseError` when the seed folder cannot be read.
    """
    try:
        signature = []
        for label, path in _input_files(Path(seeds_dir), Path(resources_dir)):
            stat = path.stat()
            signature.append((label, stat.st_size, stat.st_mtime_ns))
        return signature
    except OSError as exc:
        raise DatabaseError(f"cannot read the inputs: {_os_message(exc)}") from exc


def _input_files(seeds: Path, resources: Path) -> list[tuple[str, Path]]:
    files = [(f"seed/{p.name}", p) for p in sorted(seeds.iterdir()) if _is_input_file(p)]
    knowledge = resources / "knowledge"
    if knowledge.is_dir():
        files += [
            (f"knowledge/{p.relative_to(knowledge).as_posix()}", p)
            for p in sorted(knowledge.rglob("*"))
            if _is_input_file(p)
        ]
    return files


def _is_input_file(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".")


def _os_message(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def build_from_sources(seeds_dir: Path, resources_dir: Path, out_path: Path) -> BuildReport:
    """Build the database at ``out_path`` from the seeds and the curated data.

    See :func:`natoapp.store.build.build_from_sources`; imported only when a build is
    needed, so that opening a current database never loads the build pipeline.
    """
    from natoapp.store.build import build_from_sources as build

    return build(seeds_dir, resources_dir, out_path)


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


def database_state(
    path: Path, input_hash: str | None, *, checked: FileSignature | None = None
) -> DatabaseState:
    """Check the database at ``path``: present, sound, current schema, built from ``input_hash``.

    ``input_hash`` None skips the comparison with the inputs. ``checked``, the
    signature of the file when it last passed ``PRAGMA quick_check``, skips that
    check when the file still has it (see :func:`file_signature`).
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
        integrity = checked is None or checked != file_signature(path)
        return _inspect(conn, input_hash, integrity=integrity)
    except sqlite3.Error as exc:
        return DatabaseState("corrupt", str(exc))
    finally:
        conn.close()


def file_signature(path: Path) -> FileSignature | None:
    """The resolved path, size and modification time of a file, or None when it is gone."""
    try:
        stat = Path(path).stat()
        return (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    except OSError:
        return None


def _inspect(
    conn: sqlite3.Connection, input_hash: str | None, *, integrity: bool = True
) -> DatabaseState:
    if integrity:
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
    stamps = _Stamps.load()
    if db_path is None:
        prebuilt = paths.prebuilt_db()
        if prebuilt.is_file() and stamps.state(prebuilt, stamps.input_hash(seeds, resources)).ok:
            stamps.save()
            return prebuilt
        db_path = paths.default_db()
    db_path = Path(db_path)
    # A database kept as it is needs no look at the seeds, however many there are.
    state = stamps.state(db_path, None if keep_existing else stamps.input_hash(seeds, resources))
    if state.ok:
        stamps.save()
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
    # The build wrote every page itself; the next start need not read them all again.
    stamps.checked(db_path)
    stamps.save()
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


class _Stamps:
    """The stamp file: input hashes by file signature, databases that passed the check.

    A stamp that cannot be read is ignored (everything is then checked as if for the
    first time); one that cannot be written is not written: both only cost time.
    """

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self._path = path
        inputs, checked = data.get("inputs"), data.get("checked")
        self._inputs: dict[str, Any] = inputs if isinstance(inputs, dict) else {}
        self._checked: dict[str, Any] = checked if isinstance(checked, dict) else {}
        self._changed = False

    @classmethod
    def load(cls) -> _Stamps:
        path = paths.cache_dir() / STAMP_FILENAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return cls(path, data if isinstance(data, dict) else {})

    def input_hash(self, seeds: Path, resources: Path) -> str:
        """The inputs' hash, computed again only when a file's name, size or time changed."""
        key = f"{seeds.resolve()}|{resources.resolve()}"
        # A digest of every file's name, size and time: the stamp stays small however
        # many seeds there are, and is read at every start.
        signature = hashlib.sha256(
            json.dumps(input_signature(seeds, resources)).encode()
        ).hexdigest()
        version = [SCHEMA_VERSION, natoapp.__version__]
        known = self._inputs.get(key)
        if (
            isinstance(known, dict)
            and known.get("files") == signature
            and known.get("version") == version
            and isinstance(known.get("hash"), str)
        ):
            return str(known["hash"])
        digest = compute_input_hash(seeds, resources)
        self._inputs[key] = {"files": signature, "version": version, "hash": digest}
        self._changed = True
        return digest

    def state(self, path: Path, input_hash: str | None) -> DatabaseState:
        """:func:`database_state`, without the page-by-page check if the file is as it was."""
        signature = file_signature(path)
        checked: FileSignature | None = None
        if signature is not None:
            known = self._checked.get(signature[0])
            if isinstance(known, list) and len(known) == 2:
                checked = (signature[0], int(known[0]), int(known[1]))
        state = database_state(path, input_hash, checked=checked)
        if state.ok:
            self.checked(path, signature)
        elif signature is not None and signature[0] in self._checked:
            del self._checked[signature[0]]
            self._changed = True
        return state

    def checked(self, path: Path, signature: FileSignature | None = None) -> None:
        """Remember ``path`` as sound while its size and modification time stay the same."""
        signature = signature or file_signature(path)
        if signature is not None and self._checked.get(signature[0]) != list(signature[1:]):
            self._checked[signature[0]] = list(signature[1:])
            self._changed = True

    def save(self) -> None:
        if not self._changed:
            return
        data = {"inputs": self._inputs, "checked": self._checked}
        temp = self._path.with_name(f"{self._path.name}.tmp-{os.getpid()}")
        with contextlib.suppress(OSError):
            self._path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temp, self._path)
            self._changed = False
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
