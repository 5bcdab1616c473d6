"""Collections of excerpts: create, rename, reorder, delete with undo; excerpts verbatim."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from natoapp.store.library import Library
from natoapp.store.records import DocumentInfo, PassageInfo
from natoapp.userlib.errors import CollectionError
from natoapp.userlib.library import UserLibrary

PASSAGE = "003_cac1df43d34c3008:1"


@pytest.fixture
def seed(seed_db: Path) -> Iterator[Library]:
    with Library.open(seed_db) as lib:
        yield lib


@pytest.fixture
def passage(seed: Library) -> tuple[PassageInfo, DocumentInfo]:
    found = seed.passage(PASSAGE)
    assert found is not None
    document = seed.document(found.doc)
    assert document is not None
    return found, document


def test_create_rename_and_names_that_cannot_be(library: UserLibrary) -> None:
    golfe = library.create_collection("  Golfe   persique ")
    assert (golfe.name, golfe.position, golfe.items) == ("Golfe persique", 0, 0)
    assert library.create_collection("Asie").position == 1
    with pytest.raises(CollectionError, match="already exists"):
        library.create_collection("golfe PERSIQUE")
    with pytest.raises(CollectionError, match="needs a name"):
        library.create_collection("   ")
    with pytest.raises(CollectionError, match="at most"):
        library.create_collection("x" * 201)
    renamed = library.rename_collection(golfe.id, "Golfe")
    assert renamed.name == "Golfe"
    with pytest.raises(CollectionError, match="already exists"):
        library.rename_collection(golfe.id, "asie")
    with pytest.raises(CollectionError, match="no collection"):
        library.rename_collection(999, "Autre")
    assert library.find_collection("GOLFE") == library.collection(golfe.id)


def test_reorder_collections(library: UserLibrary) -> None:
    ids = [library.create_collection(name).id for name in ("A", "B", "C", "D")]
    order = library.move_collection(ids[3], 0)
    assert [c.name for c in order] == ["D", "A", "B", "C"]
    assert [c.position for c in order] == [0, 1, 2, 3]
    assert [c.name for c in library.move_collection(ids[3], 99)] == ["A", "B", "C", "D"]
    assert [c.name for c in library.move_collection(ids[0], -5)] == ["A", "B", "C", "D"]


def test_delete_returns_everything_and_restore_puts_it_back(
    library: UserLibrary, passage: tuple[PassageInfo, DocumentInfo]
) -> None:
    found, document = passage
    for name in ("A", "B", "C"):
        library.create_collection(name)
    b = library.find_collection("B")
    assert b is not None
    first = library.add_excerpt(b.id, found, document, note="un")
    second = library.add_excerpt(b.id, found, document, quote="quatre pays du Golfe")
    deleted = library.delete_collection(b.id)
    assert deleted.collection.name == "B"
    assert [i.id for i in deleted.items] == [first.id, second.id]
    assert [c.name for c in library.collections()] == ["A", "C"]
    assert library.items(b.id) == []
    restored = library.restore_collection(deleted)
    assert (restored.id, restored.name, restored.position, restored.items) == (b.id, "B", 1, 2)
    assert [c.name for c in library.collections()] == ["A", "B", "C"]
    assert library.items(b.id) == list(deleted.items)


def test_restoring_when_the_name_and_id_were_taken_meanwhile(
    library: UserLibrary, passage: tuple[PassageInfo, DocumentInfo]
) -> None:
    found, document = passage
    library.add_excerpt("Golfe", found, document, note="ancien")
    golfe = library.find_collection("Golfe")
    assert golfe is not None
    deleted = library.delete_collection(golfe.id)
    newer = library.add_excerpt("Golfe", found, document, note="nouveau")
    restored = library.restore_collection(deleted)
    assert restored.name == "Golfe (restored)"
    assert restored.id != newer.collection
    assert [i.note for i in library.items(restored.id)] == ["ancien"]
    assert [i.note for i in library.items(newer.collection)] == ["nouveau"]


def test_excerpts_are_verbatim_with_their_citation(
    library: UserLibrary, passage: tuple[PassageInfo, DocumentInfo]
) -> None:
    found, document = passage
    whole = library.add_excerpt("Golfe", found, document, note="  à citer  ")
    assert whole.quote == found.text
    assert (whole.cut_start, whole.cut_end) == (False, False)
    assert whole.note == "à citer"
    assert (whole.title, whole.date, whole.source_file, whole.ordinal) == (
        document.title,
        document.date,
        document.source_file,
        1,
    )
    assert whole.source().passage_id == PASSAGE
    part = library.add_excerpt("Golfe", found, document, quote="  quatre pays du Golfe\u2029")
    assert part.quote == "quatre pays du Golfe"
    assert (part.cut_start, part.cut_end) == (True, True)
    start = library.add_excerpt("Golfe", found, document, quote=found.text[:40])
    assert (start.cut_start, start.cut_end) == (False, True)
    golfe = library.find_collection("Golfe")
    assert golfe is not None and golfe.items == 3
    assert [i.position for i in library.items(golfe.id)] == [0, 1, 2]


def test_a_quote_that_is_not_the_passage_text_is_refused(
    library: UserLibrary, passage: tuple[PassageInfo, DocumentInfo]
) -> None:
    found, document = passage
    with pytest.raises(CollectionError, match="not the text"):
        library.add_excerpt("Golfe", found, document, quote="des mots inventés")
    with pytest.raises(CollectionError, match="empty"):
        library.add_excerpt("Golfe", found, document, quote="   ")
    assert library.collections() == []  # nothing was created by the failed saves


def test_notes_moves_deletes_and_undo_of_excerpts(
    library: UserLibrary, passage: tuple[PassageInfo, DocumentInfo]
) -> None:
    found, document = passage
    items = [
        library.add_excerpt("Golfe", found, document, quote=word)
        for word in ("Bahreïn", "Koweït", "Qatar")
    ]
    assert library.set_note(items[0].id, "  premier pays ").note == "premier pays"
    order = library.move_item(items[2].id, 0)
    assert [i.quote for i in order] == ["Qatar", "Bahreïn", "Koweït"]
    removed = library.delete_item(items[0].id)
    assert [i.quote for i in library.items(removed.collection)] == ["Qatar", "Koweït"]
    library.restore_item(removed)
    assert [i.quote for i in library.items(removed.collection)] == ["Qatar", "Bahreïn", "Koweït"]
    assert library.item(items[0].id) == library.items(removed.collection)[1]
    with pytest.raises(CollectionError):
        library.delete_item(12345)


def test_an_excerpt_must_belong_to_its_document(
    library: UserLibrary, seed: Library, passage: tuple[PassageInfo, DocumentInfo]
) -> None:
    found, _ = passage
    other = seed.document("001_9ae11caa2999d0e2")
    assert other is not None
    with pytest.raises(CollectionError, match="not part of"):
        library.add_excerpt("Golfe", found, other)
