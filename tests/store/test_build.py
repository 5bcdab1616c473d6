from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import natoapp.store.build as build_module
from benchmarks.corpus_gen import generate
from natoapp import paths
from natoapp.corpus.model import Document
from natoapp.knowledge.model import KnowledgeBase, KnowledgeError, Mention
from natoapp.store.build import build_database, build_from_sources, compute_input_hash
from natoapp.store.errors import BuildError
from natoapp.store.schema import REQUIRED_TABLES, SCHEMA_VERSION


def dump(path: Path) -> list[str]:
    """Every statement that recreates the database, build date aside."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "build_date" not in line]
    finally:
        conn.close()


def test_build_writes_every_table_and_reports_counts(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    report = build_database(documents, knowledge, tmp_path / "db.sqlite", input_hash="h")
    assert (report.documents, report.passages) == (7, 24)
    assert (report.entities, report.mentions, report.relations, report.evidence) == (6, 8, 3, 3)
    assert report.seconds >= 0 and report.input_hash == "h"
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert set(REQUIRED_TABLES) <= names
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["input_hash"] == "h"
    assert meta["sqlite_version"] == sqlite3.sqlite_version
    assert {"build_date", "natoapp_version"} <= set(meta)
    assert conn.execute("SELECT COUNT(*) FROM aliases").fetchone()[0] == report.aliases
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_passage_rowids_run_newest_document_first_then_reading_order(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    build_database(documents, knowledge, tmp_path / "db.sqlite", input_hash="h")
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    rows = conn.execute(
        "SELECT p.rowid, p.doc, p.ordinal, d.date FROM passages p "
        "JOIN documents d ON d.id = p.doc ORDER BY p.rowid"
    ).fetchall()
    expected = sorted(
        rows, key=lambda r: (r[3] is None, tuple(-ord(c) for c in r[3] or ""), r[1], r[2])
    )
    assert [r[1:3] for r in rows] == [r[1:3] for r in expected]
    assert rows[-1][3] is None  # the fixture's undated document comes last
    fts = [row[0] for row in conn.execute("SELECT id FROM passages_fts_docsize ORDER BY id")]
    assert fts == [r[0] for r in rows]
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["rowid_order"] == "newest-first"


def test_original_text_and_segments_are_kept(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    build_database(documents, knowledge, tmp_path / "db.sqlite", input_hash="h")
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    text, segments = conn.execute(
        "SELECT text, segments FROM passages WHERE id = 'b_2017:3'"
    ).fetchone()
    assert "koweïtien" in text and "manœuvre" in text
    assert segments.startswith("[[") and segments.count(",") == 3


def test_aliases_include_both_names_once_folded(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    build_database(documents, knowledge, tmp_path / "db.sqlite", input_hash="h")
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    rows = conn.execute("SELECT alias, folded FROM aliases WHERE entity = 'KW'").fetchall()
    assert sorted(rows) == [
        ("Koweït", "koweit"),
        ("Kuwait", "kuwait"),
        ("koweïtien", "koweitien"),
    ]
    ici = conn.execute(
        "SELECT folded FROM aliases WHERE entity = 'istanbul-cooperation-initiative'"
    ).fetchall()
    assert ("initiative de cooperation d istanbul",) in ici


def test_two_builds_of_the_same_input_are_identical(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    build_database(documents, knowledge, tmp_path / "one.sqlite", input_hash="h")
    shuffled = list(reversed(documents))
    knowledge2 = replace(
        knowledge,
        mentions=list(reversed(knowledge.mentions)),
        relations=list(reversed(knowledge.relations)),
    )
    build_database(shuffled, knowledge2, tmp_path / "two.sqlite", input_hash="h")
    one, two = dump(tmp_path / "one.sqlite"), dump(tmp_path / "two.sqlite")
    assert one == two
    assert any("passages_fts_data" in line for line in one)


def test_a_failed_build_keeps_the_old_database_and_leaves_no_temp_file(
    tmp_path: Path,
    documents: list[Document],
    knowledge: KnowledgeBase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "db.sqlite"
    build_database(documents, knowledge, target, input_hash="old")
    before = target.read_bytes()

    def failing_rows(*args: object, **kwargs: object) -> Iterator[object]:
        yield (1, "a", "b", "c", "d")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build_module, "fts_rows", failing_rows)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_database(documents, knowledge, target, input_hash="new")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite"]


def test_inconsistent_knowledge_fails_with_a_clear_message(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    bad = replace(
        knowledge,
        mentions=[*knowledge.mentions, Mention("KW", "a_2004", "a_2004:99", 0, 3, "xxx")],
    )
    with pytest.raises(BuildError, match="unknown passage 'a_2004:99'"):
        build_database(documents, bad, tmp_path / "db.sqlite", input_hash="h")
    assert list(tmp_path.iterdir()) == []
    unknown = replace(knowledge, mentions=[Mention("XX", "a_2004", "a_2004:1", 0, 3, "Réu")])
    with pytest.raises(BuildError, match="unknown entity 'XX'"):
        build_database(documents, unknown, tmp_path / "db.sqlite", input_hash="h")


def test_duplicate_documents_are_refused(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    with pytest.raises(BuildError, match="two documents"):
        build_database(
            [*documents, documents[0]], knowledge, tmp_path / "db.sqlite", input_hash="h"
        )


def test_an_unwritable_target_is_a_build_error(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(BuildError, match="cannot write"):
        build_database(documents, knowledge, blocker / "db.sqlite", input_hash="h")


def test_stale_temp_files_of_dead_builds_are_removed(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    import os

    dead = tmp_path / "db.sqlite.tmp-999999"
    dead.write_bytes(b"half")
    os.utime(dead, (0, 0))
    build_database(documents, knowledge, tmp_path / "db.sqlite", input_hash="h")
    assert not dead.exists()


def make_inputs(root: Path) -> tuple[Path, Path]:
    seeds, resources = root / "seeds", root / "resources"
    (resources / "knowledge").mkdir(parents=True)
    seeds.mkdir()
    (seeds / "001_a.txt").write_text("Titre\n\nTexte.", encoding="utf-8")
    (seeds / "002_b.txt").write_text("Autre\n\nTexte.", encoding="utf-8")
    (resources / "knowledge" / "frameworks.toml").write_text("[x]\n", encoding="utf-8")
    return seeds, resources


def test_input_hash_follows_seeds_knowledge_and_names(tmp_path: Path) -> None:
    seeds, resources = make_inputs(tmp_path)
    first = compute_input_hash(seeds, resources)
    assert first == compute_input_hash(seeds, resources)
    assert len(first) == 64

    (seeds / "002_b.txt").write_text("Autre\n\nTexte modifié.", encoding="utf-8")
    second = compute_input_hash(seeds, resources)
    assert second != first

    (resources / "knowledge" / "frameworks.toml").write_text("[y]\n", encoding="utf-8")
    third = compute_input_hash(seeds, resources)
    assert third != second

    (seeds / "002_b.txt").rename(seeds / "003_b.txt")
    assert compute_input_hash(seeds, resources) != third


def test_input_hash_ignores_hidden_files_and_other_resources(tmp_path: Path) -> None:
    seeds, resources = make_inputs(tmp_path)
    first = compute_input_hash(seeds, resources)
    (seeds / ".DS_Store").write_bytes(b"\0")
    (resources / "icons").mkdir()
    (resources / "icons" / "app.svg").write_text("<svg/>")
    assert compute_input_hash(seeds, resources) == first


def test_curated_data_that_does_not_hold_fails_the_build(
    tmp_path: Path,
    documents: list[Document],
    knowledge: KnowledgeBase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import natoapp.knowledge

    seeds, resources = make_inputs(tmp_path)
    target = tmp_path / "db.sqlite"
    build_database(documents, knowledge, target, input_hash="old")
    before = target.read_bytes()

    def refuse(docs: object, resources_dir: object, **options: object) -> KnowledgeBase:
        raise KnowledgeError("frameworks.toml: quote not found in 000_x:3")

    monkeypatch.setattr(natoapp.knowledge, "build_knowledge", refuse)
    with pytest.raises(BuildError, match=r"curated data does not hold: frameworks\.toml"):
        build_from_sources(seeds, resources, target)
    assert target.read_bytes() == before


def test_unreadable_seeds_are_reported_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import natoapp.knowledge

    seeds, resources = make_inputs(tmp_path)
    (seeds / "003_bad.txt").write_bytes(b"\xff\xfe\x00garbage \xc3\x28 not utf-8")
    monkeypatch.setattr(
        natoapp.knowledge, "build_knowledge", lambda docs, res, **options: KnowledgeBase()
    )
    report = build_from_sources(seeds, resources, tmp_path / "db.sqlite")
    assert report.documents == 2
    assert [e.source_file for e in report.seed_errors] == ["003_bad.txt"]
    assert report.input_hash == compute_input_hash(seeds, resources)


def test_seeds_read_by_worker_processes_build_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = generate(paths.seeds_dir(), tmp_path / "seeds", 300)
    # An unreadable seed among them is reported from a worker as it is from here.
    (corpus.folder / "zzz_bad.txt").write_bytes(b"\xff\xfe\x00garbage \xc3\x28 not utf-8")
    monkeypatch.setattr(build_module, "_PARALLEL_MIN_SEEDS", 10**9)
    here = build_from_sources(corpus.folder, paths.resources_dir(), tmp_path / "here.sqlite")
    monkeypatch.setattr(build_module, "_PARALLEL_MIN_SEEDS", 2)
    monkeypatch.setattr(build_module, "_CHUNK_SEEDS", 3)
    workers = build_from_sources(corpus.folder, paths.resources_dir(), tmp_path / "workers.sqlite")
    assert workers.documents == here.documents > 10
    assert workers.mentions == here.mentions > 0
    assert workers.seed_errors == here.seed_errors and len(here.seed_errors) == 1
    one, two = dump(tmp_path / "here.sqlite"), dump(tmp_path / "workers.sqlite")
    assert one == two


def test_listing_the_documents_reads_an_index_not_their_raw_text(
    tmp_path: Path, documents: list[Document], knowledge: KnowledgeBase
) -> None:
    build_database(documents, knowledge, tmp_path / "db.sqlite", input_hash="h")
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT id, title, date, updated, publisher, source_file, passages, "
        "language FROM documents ORDER BY date IS NULL, date, id"
    ).fetchall()
    assert "COVERING INDEX idx_documents_listing" in plan[0][3]
