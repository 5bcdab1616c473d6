"""The command line's contract: names, JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from natoapp.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "natoapp.sqlite"
    assert main(["build", "--seeds", str(SEEDS), "--db", str(path)]) == 0
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_build_says_what_it_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.sqlite"
    assert main(["build", "--seeds", str(SEEDS), "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out
    assert "5 documents" in out
    assert " s" in out and "passages" in out
    assert target.is_file()


def test_search_json_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json(capsys, "search", "--json", "--db", str(db), "--", "Koweït")
    assert isinstance(hits, list) and hits
    for hit in hits:
        assert {"doc", "passage", "title", "date", "snippet", "score"} <= hit.keys()
        assert hit["passage"].startswith(hit["doc"] + ":")
    assert any(hit["doc"] == "003_cac1df43d34c3008" for hit in hits)


def test_search_limit_and_no_hit(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json(capsys, "search", "--json", "--limit", "2", "--db", str(db), "OTAN")
    assert len(hits) == 2
    assert run_json(capsys, "search", "--json", "--db", str(db), "zzzyyyxxx") == []


def test_search_accepts_a_dash_query_after_double_dash(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = run_json(capsys, "search", "--json", "--db", str(db), "--", "Dialogue", "-Istanbul")
    assert hits
    assert all("istanbul" not in hit["snippet"].lower() for hit in hits)


def test_documents_json_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = run_json(capsys, "documents", "--json", "--db", str(db))
    assert len(docs) == 5
    by_id = {d["id"]: d for d in docs}
    assert {"id", "title", "date", "updated", "passages"} <= by_id["000_3dd9bffdd09fa4c1"].keys()
    assert by_id["000_3dd9bffdd09fa4c1"]["date"] == "2004-06-29"
    assert by_id["003_cac1df43d34c3008"]["date"] == "2017-01-25"
    assert by_id["001_9ae11caa2999d0e2"]["date"] is None
    assert all(isinstance(d["passages"], int) and d["passages"] > 0 for d in docs)


def test_show_passage_and_document(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    passage = run_json(capsys, "show", "--json", "--db", str(db), "003_cac1df43d34c3008:1")
    assert passage["doc"] == "003_cac1df43d34c3008"
    assert "Koweït" in passage["text"]
    assert "bureau régional" in passage["citation"]
    document = run_json(capsys, "show", "--json", "--db", str(db), "003_cac1df43d34c3008")
    assert document["id"] == "003_cac1df43d34c3008"
    assert document["passages"][0]["id"] == "003_cac1df43d34c3008:1"


def test_frameworks_json_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frameworks = run_json(capsys, "frameworks", "--json", "--db", str(db))

    def walk(nodes: list[dict]) -> list[dict]:
        return [n for node in nodes for n in [node, *walk(node["children"])]]

    every = walk(frameworks)
    for node in every:
        assert {"id", "name", "aliases", "members", "children"} <= node.keys()
        for member in node["members"]:
            assert {"id", "name", "aliases", "evidence"} <= member.keys()
            assert member["evidence"]
            for evidence in member["evidence"]:
                assert {"doc", "passage", "quote"} <= evidence.keys()
    ici = next(n for n in every if n["id"] == "istanbul-cooperation-initiative")
    assert sorted(m["id"] for m in ici["members"]) == ["AE", "BH", "KW", "QA"]


def test_countries_and_entity(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    countries = run_json(capsys, "countries", "--json", "--db", str(db))
    kuwait = next(c for c in countries if c["id"] == "KW")
    assert [f["id"] for f in kuwait["frameworks"]] == ["istanbul-cooperation-initiative"]
    entity = run_json(capsys, "entity", "--json", "--db", str(db), "Kuwait")
    assert entity["id"] == "KW"
    assert entity["mentions"] >= 2


def test_mentions_json_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mentions = run_json(capsys, "mentions", "--json", "--db", str(db), "--", "Koweït")
    assert mentions
    for mention in mentions:
        assert set(mention) == {"doc", "passage", "text", "start", "end"}


@pytest.mark.parametrize(
    "argv",
    [
        ["entity", "Atlantide"],
        ["mentions", "Atlantide"],
        ["show", "no_such_doc:4"],
        ["search", "--limit", "0", "x"],
        ["search", "--limit", "many", "x"],
        ["frobnicate"],
        ["search"],
    ],
)
def test_bad_input_exits_2_with_one_line(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    if argv[0] in ("entity", "mentions", "show", "search"):
        argv = [argv[0], "--db", str(db), *argv[1:]]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("natoapp: ")
    assert "Traceback" not in err


def test_unknown_name_suggests_close_names(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "--db", str(db), "Kowet"]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_python_dash_m_entry_point(db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "natoapp", "documents", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5


def test_a_broken_seed_is_skipped_and_the_rest_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (seeds / seed.name).write_bytes(seed.read_bytes())
    (seeds / "003_cac1df43d34c3008.txt").write_bytes(b"caf\xe9 au lait")
    db_path = tmp_path / "out.sqlite"
    assert main(["build", "--seeds", str(seeds), "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "4 documents" in captured.out
    assert "003_cac1df43d34c3008.txt: not UTF-8" in captured.err
    docs = run_json(capsys, "documents", "--json", "--db", str(db_path))
    assert len(docs) == 4


def test_without_a_display_the_window_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("displays are an X11/Wayland matter")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("natoapp: no display") and err.count("\n") == 1
