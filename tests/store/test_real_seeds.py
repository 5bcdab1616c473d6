"""The whole pipeline on the five shipped seed texts: load, derive knowledge, build, search."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from natoapp import paths
from natoapp.store.build import BuildReport, build_from_sources
from natoapp.store.library import Library
from natoapp.store.lifecycle import database_state, ensure_database
from natoapp.store.records import Hit

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
RESOURCES = ROOT / "resources"
ICI = "istanbul-cooperation-initiative"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    path = tmp_path_factory.mktemp("real") / "natoapp.sqlite"
    return path, build_from_sources(SEEDS, RESOURCES, path)


@pytest.fixture(scope="module")
def real(built: tuple[Path, BuildReport]) -> Iterator[Library]:
    with Library.open(built[0]) as lib:
        yield lib


def marked(hits: list[Hit]) -> set[str]:
    return {h.snippet[a:b] for h in hits for a, b in h.marks}


def test_every_seed_is_built(built: tuple[Path, BuildReport], real: Library) -> None:
    _, report = built
    assert report.documents == 5 and report.seed_errors == ()
    assert report.passages == real.provenance().passages > 5 * 5
    assert report.entities > 0 and report.mentions > 0
    assert real.documents()[0].id == "000_3dd9bffdd09fa4c1"


@pytest.mark.parametrize(
    ("query", "original", "doc"),
    [
        ("egypte", "Égypte", "000_3dd9bffdd09fa4c1"),
        ("koweit", "Koweït", "003_cac1df43d34c3008"),
        ("cyberdefense", "cyberdéfense", "003_cac1df43d34c3008"),
        ("oeuvre", "œuvre", "001_9ae11caa2999d0e2"),
        ("Alliance", "Alliance", "002_af67e7122fc495c4"),  # written "l’Alliance"
        ("l'OTAN", "l’OTAN", "002_af67e7122fc495c4"),  # typographic apostrophe in the text
        ("Nouvelle-Zélande", "Nouvelle\u2011Zélande", "002_af67e7122fc495c4"),
        ("Moyen-Orient", "Moyen Orient", "000_3dd9bffdd09fa4c1"),
        ("Moyen-Orient", "Moyen-Orient", "000_3dd9bffdd09fa4c1"),
        ("partenaire ", "partenaires", "002_af67e7122fc495c4"),
        ("coopération d'Ist", "d'Istanbul", "000_3dd9bffdd09fa4c1"),
    ],
)
def test_search_reads_french_like_a_person(
    real: Library, query: str, original: str, doc: str
) -> None:
    hits = [h for h in real.search(query, limit=100).hits if h.match == "literal"]
    assert original in marked([h for h in hits if h.doc == doc])


def test_kuwait_finds_koweit_through_the_country(real: Library) -> None:
    result = real.search("Kuwait")
    assert result.hits and all(h.match == "entity" and h.entity == "KW" for h in result.hits)
    assert "Koweït" in marked(result.hits)


def test_ici_finds_the_misspelt_full_name_and_the_spelt_one(real: Library) -> None:
    result = real.search("ICI", limit=100)
    literal = [h for h in result.hits if h.match == "literal"]
    entity = [h for h in result.hits if h.match == "entity"]
    assert literal and entity
    assert {h.doc for h in literal} == {"003_cac1df43d34c3008"}
    assert all(h.entity == ICI for h in entity)
    assert "Initiative de coopération d'Istanbul" in marked(entity)
    full = real.search("Initiative de coopération d'Istanbul ", limit=100)
    assert "Initiative de coopération d’Instanbul" in marked(
        [h for h in full.hits if h.match == "entity"]
    )


def test_ranking_and_counts_on_the_seeds(real: Library) -> None:
    for query in ["sécurité", "partenaire ", "ICI", "Kuwait", "secur* -maritime", "OTAN"]:
        result = real.search(query, limit=1000)
        assert real.count(query) == result.total == len(result.hits)
        literal = [h.score for h in result.hits if h.match == "literal"]
        assert literal == sorted(literal, reverse=True)
        kinds = [h.match for h in result.hits]
        assert kinds == sorted(kinds, key=lambda k: k != "literal")


def test_two_builds_of_the_seeds_are_identical(tmp_path: Path) -> None:
    dumps = []
    for name in ("one", "two"):
        build_from_sources(SEEDS, RESOURCES, tmp_path / f"{name}.sqlite")
        conn = sqlite3.connect(tmp_path / f"{name}.sqlite")
        dumps.append([line for line in conn.iterdump() if "build_date" not in line])
        conn.close()
    assert dumps[0] == dumps[1]


def test_ensure_database_builds_the_cache_from_the_real_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NATOAPP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(paths, "prebuilt_db", lambda: tmp_path / "bundle" / "natoapp.sqlite")
    notes: list[str] = []
    path = ensure_database(seeds_dir=SEEDS, resources_dir=RESOURCES, on_note=notes.append)
    assert path == tmp_path / "cache" / "natoapp.sqlite"
    assert notes == [f"building database {path} (missing)"]
    assert ensure_database(seeds_dir=SEEDS, resources_dir=RESOURCES, on_note=notes.append) == path
    assert len(notes) == 1
    assert database_state(path, None).ok


def test_the_word_as_written_ranks_above_its_inflections(real: Library) -> None:
    # "partenaire" stands as written in one passage only; "partenaires" in many, some of
    # them short passages that BM25 alone would put first.
    for query in ("partenaire", "partenaire ", '"partenaire" OR partenaire'):
        hits = real.search(query, limit=50).hits
        assert hits[0].passage == "001_9ae11caa2999d0e2:3", query
        assert re.search(r"\bpartenaire\b", hits[0].snippet)
        assert all(not re.search(r"\bpartenaire\b", h.snippet) for h in hits[1:])


def test_pages_follow_each_other_across_the_exact_and_inflected_hits(real: Library) -> None:
    whole = [h.passage for h in real.search("partenaire", limit=100).hits]
    paged: list[str] = []
    for offset in range(0, len(whole) + 3, 3):
        paged += [h.passage for h in real.search("partenaire", limit=3, offset=offset).hits]
    assert paged == whole
    assert real.count("partenaire") == len(whole)
    total = real.search("partenaire", limit=3, with_total=False).total
    assert total == 4  # three shown, more follow
