"""Adding, removing and re-deriving imported documents; mentions that follow the curated data."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from natoapp.store.library import Library
from natoapp.userlib.errors import UnknownDocumentError, UserLibraryError
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import UserKnowledge
from natoapp.userlib.library import UserLibrary

from .conftest import write


def fts_rowids(path: Path, word: str) -> list[int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?", [word]
        ).fetchall()
    conn.close()
    return [int(r[0]) for r in rows]


def test_removing_a_document_takes_out_everything_derived_but_keeps_excerpts(
    library: UserLibrary, knowledge: UserKnowledge, files: Path, seed_db: Path, user_db: Path
) -> None:
    report = import_files(library, [files / "notes.txt", files / "golfe.html"], knowledge=knowledge)
    notes_id = report.imported[0].doc
    assert notes_id is not None
    with Library.open(user_db) as lib:
        passage = lib.passages(notes_id)[0]
        document = lib.document(notes_id)
    assert document is not None
    library.add_excerpt("Lectures", passage, document, quote="Zorglub est un mot rare.")
    assert fts_rowids(user_db, "zorglub")
    removed = library.remove_document(notes_id)
    assert (removed.doc, removed.title, removed.passages) == (notes_id, "Notes de lecture", 1)
    assert removed.mentions >= 1 and removed.excerpts_kept == 1
    # Nothing of it is left: no row, no word in the full-text index, no mention.
    assert fts_rowids(user_db, "zorglub") == []
    with Library.open(user_db) as lib:
        assert lib.document(notes_id) is None
        assert lib.passages(notes_id) == []
        assert [m for m in lib.mentions() if m.doc == notes_id] == []
        assert [d.source_file for d in lib.documents()] == ["golfe.html"]
    assert [r.source_file for r in library.imported()] == ["golfe.html"]
    # The excerpt stays, with its words and citation.
    item = library.items(library.collections()[0].id)[0]
    assert item.quote == "Zorglub est un mot rare." and item.title == "Notes de lecture"
    # The same file can come back after its removal.
    again = import_files(library, [files / "notes.txt"], knowledge=knowledge)
    assert again.imported[0].doc == notes_id
    assert fts_rowids(user_db, "zorglub")


def test_passage_rowids_are_never_reused(
    library: UserLibrary, knowledge: UserKnowledge, tmp_path: Path, user_db: Path
) -> None:
    first = write(tmp_path, "un.txt", "Premier texte avec le mot ornithorynque.\n")
    import_files(library, [first], knowledge=knowledge)
    old = fts_rowids(user_db, "ornithorynque")
    library.remove_document(library.imported()[0].doc)
    second = write(tmp_path, "deux.txt", "Second texte avec le mot pangolin.\n")
    import_files(library, [second], knowledge=knowledge)
    assert set(fts_rowids(user_db, "pangolin")).isdisjoint(old)


def test_removing_what_is_not_an_imported_document(library: UserLibrary) -> None:
    with pytest.raises(UnknownDocumentError) as error:
        library.remove_document("003_cac1df43d34c3008")
    assert "only imported documents" in str(error.value)
    with pytest.raises(UserLibraryError):
        library.remove_document("user:absent")


def test_mentions_are_found_again_when_the_curated_entities_change(
    library: UserLibrary, knowledge: UserKnowledge, files: Path, user_db: Path
) -> None:
    import_files(library, [files / "notes.txt"], knowledge=knowledge)
    assert library.sync_knowledge(knowledge) is False  # current: nothing to do
    with Library.open(user_db) as lib:
        assert lib.mention_count("MN") == 1
    # A new edition of the curated data that no longer knows Mongolia.
    fewer = [e for e in knowledge.entities if e.id != "MN"]
    from natoapp.knowledge import AliasMatcher

    changed = dataclasses.replace(
        knowledge, entities=tuple(fewer), matcher=AliasMatcher(fewer), fingerprint="other"
    )
    assert library.sync_knowledge(changed) is True
    with Library.open(user_db) as lib:
        assert lib.mention_count("MN") == 0
        assert lib.entity("MN") is None
    assert library.sync_knowledge(knowledge) is True
    with Library.open(user_db) as lib:
        assert lib.mention_count("MN") == 1
