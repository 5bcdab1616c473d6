"""Which files an import covers."""

from __future__ import annotations

from pathlib import Path

from natoapp.corpus.importers import collect_files


def test_folders_expand_hidden_entries_are_skipped_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "un.txt").write_text("x")
    (tmp_path / "a" / ".cache").mkdir()
    (tmp_path / "a" / ".cache" / "caché.txt").write_text("x")
    (tmp_path / "a" / ".DS_Store").write_text("x")
    (tmp_path / "a" / "sous").mkdir()
    (tmp_path / "a" / "sous" / "deux.html").write_text("x")
    single = tmp_path / "trois.pdf"
    single.write_text("x")
    found = collect_files([tmp_path / "a", single, tmp_path / "a" / "un.txt", tmp_path / "absent"])
    assert found == [
        tmp_path / "a" / "sous" / "deux.html",
        tmp_path / "a" / "un.txt",
        single,
        tmp_path / "absent",
    ]
