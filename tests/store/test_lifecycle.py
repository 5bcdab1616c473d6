from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import natoapp.store.lifecycle as lifecycle
from natoapp import paths
from natoapp.store.build import BuildReport, build_database, compute_input_hash
from natoapp.store.errors import DatabaseError, SqliteUnsupportedError
from natoapp.store.library import Library
from natoapp.store.lifecycle import (
    check_sqlite_support,
    database_state,
    ensure_database,
    open_readonly,
)

from .conftest import fixture_documents, fixture_knowledge


class Inputs:
    """Seed and resource folders, and a record of the builds and notes of one test."""

    def __init__(self, root: Path) -> None:
        self.seeds = root / "seeds"
        self.resources = root / "resources"
        (self.resources / "knowledge").mkdir(parents=True)
        self.seeds.mkdir()
        (self.seeds / "001_a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
        self.builds: list[Path] = []
        self.notes: list[str] = []

    def build(self, seeds: Path, resources: Path, out: Path) -> BuildReport:
        self.builds.append(out)
        docs = fixture_documents()
        return build_database(
            docs, fixture_knowledge(docs), out, input_hash=compute_input_hash(seeds, resources)
        )

    def ensure(self, db_path: Path | None) -> Path:
        return ensure_database(
            db_path, seeds_dir=self.seeds, resources_dir=self.resources, on_note=self.notes.append
        )


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Inputs:
    found = Inputs(tmp_path / "inputs")
    # The real pipeline is tested end to end elsewhere; here only the lifecycle counts.
    monkeypatch.setattr(lifecycle, "build_from_sources", found.build)
    monkeypatch.setenv("NATOAPP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(paths, "prebuilt_db", lambda: tmp_path / "bundle" / "natoapp.sqlite")
    return found


def test_a_missing_database_is_built_once(inputs: Inputs, tmp_path: Path) -> None:
    db = tmp_path / "db" / "natoapp.sqlite"
    assert inputs.ensure(db) == db
    assert inputs.notes == [f"building database {db} (missing)"]
    assert inputs.ensure(db) == db
    assert len(inputs.builds) == 1 and len(inputs.notes) == 1
    with Library.open(db) as lib:
        assert lib.provenance().documents == 7


def test_without_a_path_the_user_cache_is_used(inputs: Inputs, tmp_path: Path) -> None:
    path = inputs.ensure(None)
    assert path == tmp_path / "cache" / "natoapp.sqlite"
    assert path.is_file()


def test_a_matching_prebuilt_database_is_used(inputs: Inputs, tmp_path: Path) -> None:
    prebuilt = paths.prebuilt_db()
    inputs.build(inputs.seeds, inputs.resources, prebuilt)
    inputs.builds.clear()
    assert inputs.ensure(None) == prebuilt
    assert inputs.builds == [] and inputs.notes == []


def test_a_stale_prebuilt_database_is_passed_over(inputs: Inputs, tmp_path: Path) -> None:
    prebuilt = paths.prebuilt_db()
    inputs.build(inputs.seeds, inputs.resources, prebuilt)
    (inputs.seeds / "001_a.txt").write_text("Titre\n\nTexte changé.", encoding="utf-8")
    assert inputs.ensure(None) == tmp_path / "cache" / "natoapp.sqlite"


def test_a_changed_seed_makes_the_database_stale(inputs: Inputs, tmp_path: Path) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    (inputs.seeds / "002_b.txt").write_text("Nouveau\n\nTexte.", encoding="utf-8")
    inputs.ensure(db)
    assert len(inputs.builds) == 2
    assert "out of date (the seed texts or curated data changed); rebuilding" in inputs.notes[-1]
    with Library.open(db) as lib:
        expected = compute_input_hash(inputs.seeds, inputs.resources)
        assert lib.provenance().input_hash == expected


def test_another_schema_version_is_rebuilt(inputs: Inputs, tmp_path: Path) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.close()
    inputs.ensure(db)
    assert "schema version 0" in inputs.notes[-1]
    assert database_state(db, None).ok


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: p.write_bytes(b"this is not sqlite at all" * 100), "file is not a database"),
        (lambda p: p.write_bytes(b""), "file is empty"),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3]), "malformed"),
    ],
    ids=["garbage", "empty", "truncated"],
)
def test_a_damaged_database_is_rebuilt_with_a_note(
    inputs: Inputs, tmp_path: Path, damage: Callable[[Path], object], reason: str
) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    damage(db)
    assert not database_state(db, None).ok
    inputs.ensure(db)
    note = inputs.notes[-1]
    assert note.startswith(f"database {db} is corrupt: ") and note.endswith("; rebuilding")
    assert reason in note and "\n" not in note
    assert database_state(db, compute_input_hash(inputs.seeds, inputs.resources)).ok


def test_a_database_missing_a_table_is_rebuilt(inputs: Inputs, tmp_path: Path) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE mentions")
    conn.close()
    inputs.ensure(db)
    assert "missing tables: mentions" in inputs.notes[-1]


def test_nothing_is_written_to_the_current_folder(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    inputs.ensure(None)
    assert list(cwd.iterdir()) == []


def test_without_seeds_an_existing_database_is_read_as_it_is(
    inputs: Inputs, tmp_path: Path
) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    missing = tmp_path / "no-seeds"
    notes: list[str] = []
    assert ensure_database(db, seeds_dir=missing, on_note=notes.append) == db
    assert notes == [f"no seed texts at {missing}; reading {db} as it is"]
    with pytest.raises(DatabaseError, match="no seed texts"):
        ensure_database(tmp_path / "other.sqlite", seeds_dir=missing)


def test_connections_are_read_only(fixture_db: Path) -> None:
    conn = open_readonly(fixture_db)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM documents")
    conn.close()


def test_opening_nothing_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no database at"):
        open_readonly(tmp_path / "absent.sqlite")


def test_database_state_of_a_sound_file(fixture_db: Path) -> None:
    assert database_state(fixture_db, "fixture-input").ok
    assert database_state(fixture_db, "other").status == "stale"
    assert database_state(fixture_db.parent / "none.sqlite", None).status == "missing"


def test_sqlite_support_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    check_sqlite_support()
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 7, 0))
    with pytest.raises(SqliteUnsupportedError, match="too old"):
        check_sqlite_support()


def test_missing_fts5_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect

    class NoFts5:
        def __init__(self) -> None:
            self._conn = real_connect(":memory:")

        def execute(self, sql: str) -> None:
            raise sqlite3.OperationalError("no such module: fts5")

        def close(self) -> None:
            self._conn.close()

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: NoFts5())
    with pytest.raises(SqliteUnsupportedError, match="no FTS5"):
        check_sqlite_support()


# --- a cheap start when nothing changed ------------------------------------------------


def test_the_inputs_are_hashed_again_only_when_a_file_changed(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[Path] = []
    real = lifecycle.compute_input_hash

    def counting(seeds: Path, resources: Path) -> str:
        hashed.append(seeds)
        return real(seeds, resources)

    monkeypatch.setattr(lifecycle, "compute_input_hash", counting)
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    inputs.ensure(db)
    inputs.ensure(db)
    assert len(hashed) == 1
    # Same size, new time: hashed again (and, the bytes being new, rebuilt).
    seed = inputs.seeds / "001_a.txt"
    seed.write_text("Titre\n\nTexta.", encoding="utf-8")
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    inputs.ensure(db)
    assert len(hashed) == 2 and len(inputs.builds) == 2
    (inputs.resources / "knowledge" / "extra.toml").write_text("# nothing\n", encoding="utf-8")
    inputs.ensure(db)
    assert len(hashed) == 3
    # The stamp keeps a digest of the files' names, sizes and times, not the list.
    stamp = json.loads((tmp_path / "cache" / lifecycle.STAMP_FILENAME).read_text())
    (entry,) = stamp["inputs"].values()
    assert isinstance(entry["files"], str) and len(entry["files"]) == 64


def test_a_database_kept_as_it_is_needs_no_look_at_the_seeds(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    looked: list[Path] = []
    real = lifecycle.input_signature
    monkeypatch.setattr(lifecycle, "input_signature", lambda s, r: looked.append(s) or real(s, r))
    kept = ensure_database(
        db, seeds_dir=inputs.seeds, resources_dir=inputs.resources, keep_existing=True
    )
    assert kept == db
    assert looked == []


def _damage_keeping_size_and_time(db: Path) -> None:
    """Spoil the root page of the relations table; the file keeps its size and time."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'relations'").fetchone()
    conn.close()
    stat = db.stat()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size
    db.write_bytes(bytes(data))
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_the_page_by_page_check_runs_again_only_when_the_file_changed(
    inputs: Inputs, tmp_path: Path
) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    inputs.ensure(db)  # checked once, stamped
    stamp = json.loads((tmp_path / "cache" / lifecycle.STAMP_FILENAME).read_text())
    assert str(db.resolve()) in stamp["checked"]
    # Damage the file behind the stamp's back: same size, same time, so not checked again
    # (the tables and meta are still read; the damage is in pages they do not need).
    _damage_keeping_size_and_time(db)
    assert not database_state(db, None).ok  # the full check does see it
    assert inputs.ensure(db) == db and len(inputs.builds) == 1
    # Any change of the file's time or size and the check runs again.
    os.utime(db, ns=(db.stat().st_atime_ns, db.stat().st_mtime_ns + 10**9))
    inputs.ensure(db)
    assert len(inputs.builds) == 2
    assert "is corrupt" in inputs.notes[-1]
    assert database_state(db, compute_input_hash(inputs.seeds, inputs.resources)).ok


@pytest.mark.parametrize("stamp", [b"{not json", b"[1, 2]", b'{"inputs": 3, "checked": []}'])
def test_an_unreadable_stamp_only_costs_a_full_check(
    inputs: Inputs, tmp_path: Path, stamp: bytes
) -> None:
    db = tmp_path / "natoapp.sqlite"
    inputs.ensure(db)
    (tmp_path / "cache" / lifecycle.STAMP_FILENAME).write_bytes(stamp)
    assert inputs.ensure(db) == db
    assert len(inputs.builds) == 1
    assert json.loads((tmp_path / "cache" / lifecycle.STAMP_FILENAME).read_text())["checked"]


def test_a_cache_folder_that_cannot_be_written_does_not_stop_the_start(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("NATOAPP_CACHE_DIR", str(blocker / "cache"))
    db = tmp_path / "natoapp.sqlite"
    assert inputs.ensure(db) == db
    assert inputs.ensure(db) == db
    assert len(inputs.builds) == 1
