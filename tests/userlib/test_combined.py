"""Reading the seed database and the user's library as one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from natoapp.store.library import Library
from natoapp.store.records import Hit, SearchFilters
from natoapp.userlib.combined import CombinedLibrary, merge_hits
from natoapp.userlib.importing import import_files
from natoapp.userlib.knowledge import UserKnowledge
from natoapp.userlib.library import UserLibrary


@pytest.fixture
def combined(
    library: UserLibrary, knowledge: UserKnowledge, files: Path, seed_db: Path, user_db: Path
) -> Iterator[CombinedLibrary]:
    import_files(library, [files / "golfe.html", files / "notes.txt"], knowledge=knowledge)
    with CombinedLibrary.open(seed_db, user_db) as lib:
        yield lib


def test_search_spans_both_and_merges_by_score(combined: CombinedLibrary, seed_db: Path) -> None:
    result = combined.search("Koweït", limit=100)
    docs = {hit.doc for hit in result.hits}
    assert "003_cac1df43d34c3008" in docs
    assert any(doc.startswith("user:golfe-") for doc in docs)
    with Library.open(seed_db) as seed:
        seed_total = seed.search("Koweït", limit=100).total
    assert result.total == seed_total + 1 == combined.count("Koweït")
    literal = [h.score for h in result.hits if h.match == "literal"]
    assert literal == sorted(literal, reverse=True)
    kinds = [h.match for h in result.hits]
    assert kinds == sorted(kinds, key=lambda k: k != "literal")
    # A word only an imported file has, and an entity named in a query.
    assert [h.doc[:11] for h in combined.search("zorglub").hits] == ["user:notes-"]
    mongolia = combined.search("Mongolia", limit=100).hits
    assert any(h.doc.startswith("user:notes-") and h.match == "entity" for h in mongolia)


def test_pages_of_merged_hits_follow_each_other(combined: CombinedLibrary) -> None:
    everything = combined.search("OTAN", limit=200).hits
    pages = [combined.search("OTAN", limit=7, offset=start).hits for start in range(0, 35, 7)]
    assert [h.passage for page in pages for h in page] == [h.passage for h in everything[:35]]


def test_filters_reach_both(combined: CombinedLibrary) -> None:
    user_doc = combined.user_documents()[0].id
    hits = combined.search("", filters=SearchFilters(documents=(user_doc,)), limit=50).hits
    assert hits and {h.doc for h in hits} == {user_doc}
    by_country = combined.search("", filters=SearchFilters(countries=("QA",)), limit=200).hits
    assert any(h.doc.startswith("user:golfe-") for h in by_country)
    assert any(not h.doc.startswith("user:") for h in by_country)


def test_documents_passages_and_mentions_from_both(combined: CombinedLibrary) -> None:
    docs = combined.documents()
    assert len(docs) == 7
    dated = [d.date for d in docs if d.date]
    assert dated == sorted(dated)
    user = [d for d in docs if d.id.startswith("user:")]
    assert {d.source_file for d in user} == {"golfe.html", "notes.txt"}
    golfe = next(d for d in user if d.source_file == "golfe.html")
    assert combined.document(golfe.id) == golfe
    passages = combined.passages(golfe.id)
    assert combined.passage(passages[0].id) == passages[0]
    assert combined.document_raw(golfe.id) is not None
    assert combined.passage("003_cac1df43d34c3008:1") is not None
    assert combined.highlight(passages[0].id, "Qatar") != []
    assert {m.doc for m in combined.mentions("QA")} >= {golfe.id, "003_cac1df43d34c3008"}
    assert combined.mention_count("QA") == len(combined.mentions("QA"))
    assert [m.entity for m in combined.mentions(passage_id=passages[0].id)] != []
    provenance = combined.provenance()
    assert provenance.documents == 7


def test_knowledge_is_the_seed_databases(combined: CombinedLibrary, seed_db: Path) -> None:
    with Library.open(seed_db) as seed:
        assert combined.framework_tree() == seed.framework_tree()
        assert combined.relations("KW") == seed.relations("KW")
        assert [e.id for e in combined.entities("framework")] == [
            e.id for e in seed.entities("framework")
        ]
    found = combined.find_entity("Koweït")
    assert found is not None and found.id == "KW"
    assert combined.entity("KW") is not None


def test_without_a_user_library_it_is_the_seed_database(seed_db: Path, tmp_path: Path) -> None:
    with (
        CombinedLibrary.open(seed_db, tmp_path / "absent.sqlite") as lib,
        Library.open(seed_db) as seed,
    ):
        assert lib.user_path is None
        assert lib.documents() == seed.documents()
        assert lib.search("Koweït").hits == seed.search("Koweït").hits
        assert lib.passages("user:nothing") == []


def test_merge_order() -> None:
    def hit(doc: str, score: float, date: str | None, match: str = "literal") -> Hit:
        return Hit(doc, f"{doc}:1", 1, doc, date, "", (), score, match)  # type: ignore[arg-type]

    merged = merge_hits(
        [
            [hit("a", 5.0, "2010-01-01"), hit("e1", 0.0, "2001-01-01", "entity")],
            [
                hit("b", 5.0, "2020-01-01"),
                hit("c", 9.0, None),
                hit("e2", 0.0, "2002-01-01", "entity"),
            ],
        ]
    )
    assert [h.doc for h in merged] == ["c", "b", "a", "e2", "e1"]


def test_a_page_without_its_count_says_whether_more_follow(combined: CombinedLibrary) -> None:
    counted = combined.search("OTAN", limit=3)
    uncounted = combined.search("OTAN", limit=3, with_total=False)
    assert [h.passage for h in uncounted.hits] == [h.passage for h in counted.hits]
    assert uncounted.total == (4 if counted.total > 3 else counted.total)
