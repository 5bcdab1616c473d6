from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from natoapp.store.errors import CorruptDatabaseError, DatabaseError, SearchCancelled
from natoapp.store.library import Library
from natoapp.store.schema import SCHEMA_VERSION

ICI = "istanbul-cooperation-initiative"


def test_open_refuses_what_is_not_a_natoapp_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no database at"):
        Library.open(tmp_path / "absent.sqlite")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(CorruptDatabaseError, match="not a natoapp database"):
        Library.open(other)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"nonsense" * 200)
    with pytest.raises(CorruptDatabaseError, match="file is not a database"):
        Library.open(garbage)


def test_provenance(lib: Library) -> None:
    prov = lib.provenance()
    assert prov.schema_version == SCHEMA_VERSION
    assert prov.input_hash == "fixture-input"
    assert (prov.documents, prov.passages) == (7, 24)
    assert prov.sqlite_version == sqlite3.sqlite_version
    assert prov.build_date.endswith("+00:00")


def test_documents_in_date_order_undated_last(lib: Library) -> None:
    docs = lib.documents()
    assert [d.id for d in docs] == [
        "a_2004",
        "f_2010",
        "c_2012",
        "g_filler",
        "b_2017",
        "e_2020",
        "d_undated",
    ]
    b = lib.document("b_2017")
    assert b is not None and b.title == "L’Otan a ouvert un bureau régional au Koweït"
    assert (b.date, b.passages, b.source_file, b.language) == ("2017-01-25", 4, "b_2017.txt", "fr")
    assert lib.document("nope") is None


def test_raw_text_and_passages(lib: Library) -> None:
    raw = lib.document_raw("b_2017")
    assert raw is not None and raw.startswith("L’Otan a ouvert")
    passages = lib.passages("b_2017")
    assert [p.ordinal for p in passages] == [1, 2, 3, 4]
    third = lib.passage("b_2017:3")
    assert third == passages[2]
    assert third.kind == "paragraph" and "manœuvre" in third.text
    (segment,) = third.segments
    assert raw[segment[0] : segment[1]] == third.text[segment[2] : segment[3]]
    assert raw[third.start : third.end] == third.text
    assert lib.passage("b_2017:99") is None and lib.passages("nope") == []


def test_entities_and_aliases(lib: Library) -> None:
    countries = lib.entities("country")
    assert [c.id for c in countries] == ["EG", "KW"]  # by French name: Égypte, Koweït
    kw = lib.entity("KW")
    assert kw is not None
    assert (kw.name_fr, kw.name_en, kw.kind) == ("Koweït", "Kuwait", "country")
    assert set(kw.aliases) == {"Koweït", "Kuwait", "koweïtien"}
    assert kw.relevant and kw.sources == ()
    assert len(lib.entities()) == 6
    assert lib.entity("ZZ") is None


def test_find_entity_by_alias_id_or_code(lib: Library) -> None:
    for name in ["koweit", "KUWAIT", " Koweït ", "KW", "kw", "Koweïtien"]:
        found = lib.find_entity(name)
        assert found is not None and found.id == "KW", name
    ici = lib.find_entity("initiative de cooperation d'Instanbul")
    assert ici is not None and ici.id == ICI
    assert lib.find_entity("Atlantide") is None
    assert lib.find_entity("   ") is None


def test_suggest_close_names(lib: Library) -> None:
    assert lib.suggest("Kowet")[0] == "Koweït"
    assert lib.suggest("Egipte") == ["Egypt"] or lib.suggest("Egipte")[0] in ("Égypte", "Egypt")
    assert lib.suggest("zzzzzzzz") == []
    assert lib.suggest("Koweit", n=0) == []


def test_relations_members_and_evidence(lib: Library) -> None:
    members = lib.members(ICI)
    assert [(r.kind, r.subject, r.object) for r in members] == [("member", "KW", ICI)]
    (evidence,) = members[0].evidence
    assert evidence.passage == "b_2017:1" and "Koweït" in evidence.quote
    kinds = sorted(r.kind for r in lib.relations("KW"))
    assert kinds == ["member", "opened_mission_to"]
    assert [r.kind for r in lib.country_relations("KW")] == ["member"]
    opened = next(r for r in lib.relations("KW") if r.kind == "opened_mission_to")
    assert opened.date == "2017-01-24"


def test_mentions(lib: Library) -> None:
    kw = lib.mentions(entity_id="KW")
    assert [(m.passage, m.text) for m in kw] == [("b_2017:1", "Koweït"), ("b_2017:3", "koweïtien")]
    passage = lib.passage("b_2017:1")
    assert passage is not None
    for m in lib.mentions(passage_id="b_2017:1"):
        assert passage.text[m.start : m.end] == m.text
    assert lib.mention_count(ICI) == 3
    assert lib.mention_count("ZZ") == 0
    assert len(lib.mentions()) == 8


def test_framework_tree_nests_by_parent(lib: Library) -> None:
    tree = lib.framework_tree()
    assert [n.framework.id for n in tree] == ["mediterranean-dialogue", ICI]
    dialogue = tree[0]
    assert [c.framework.id for c in dialogue.children] == ["enhanced-mediterranean-dialogue"]
    assert [m.subject for m in dialogue.members] == ["EG"]
    assert [m.subject for m in tree[1].members] == ["KW"]


def test_interrupt_cancels_a_running_search(fixture_db: Path) -> None:
    with Library.open(fixture_db) as lib:
        # Stands in for a second thread: interrupt as soon as SQLite is at work.
        lib._conn.set_progress_handler(lib.interrupt, 1)
        with pytest.raises(SearchCancelled):
            lib.search("sécurité")
        lib._conn.set_progress_handler(None, 1)
        assert lib.search("sécurité").total > 0


def test_interrupt_from_another_thread(fixture_db: Path) -> None:
    with Library.open(fixture_db) as lib:

        def crawl() -> int:
            time.sleep(0.001)  # a slow disk: the search outlives the first interrupts
            return 0

        lib._conn.set_progress_handler(crawl, 1)
        done = threading.Event()

        def keep_interrupting() -> None:
            # An interrupt between two statements is lost; a person typing sends several.
            while not done.wait(0.005):
                lib.interrupt()

        worker = threading.Thread(target=keep_interrupting)
        worker.start()
        try:
            with pytest.raises(SearchCancelled):
                lib.search("sécurité OR coopération")
        finally:
            done.set()
            worker.join()


def test_a_library_is_a_context_manager(fixture_db: Path) -> None:
    with Library.open(fixture_db) as lib:
        assert lib.path == fixture_db
    with pytest.raises(DatabaseError, match="closed"):
        lib.documents()
