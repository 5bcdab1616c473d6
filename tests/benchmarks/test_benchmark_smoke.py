"""The benchmark must keep running: a tiny run of all of it, timings never asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.__main__ import main
from benchmarks.corpus_gen import generate
from benchmarks.queries import QUERY_CLASSES
from benchmarks.report import percentile
from natoapp import paths
from natoapp.corpus import load_corpus


def test_generator_is_deterministic_and_readable_by_the_pipeline(tmp_path: Path) -> None:
    first = generate(paths.seeds_dir(), tmp_path / "a", 200)
    second = generate(paths.seeds_dir(), tmp_path / "b", 200)
    names = sorted(p.name for p in first.folder.iterdir())
    assert names == sorted(p.name for p in second.folder.iterdir())
    for name in names:
        assert (first.folder / name).read_bytes() == (second.folder / name).read_bytes()
    corpus = load_corpus(first.folder)
    assert not corpus.errors
    generated = [d for d in corpus.documents if d.id.startswith("gen_")]
    assert generated and sum(len(d.passages) for d in generated) >= 150
    # Dated from the page furniture, in the generator's range; furniture not in passages.
    years = {int(d.date[:4]) for d in generated if d.date}
    assert years and min(years) >= 1990 and max(years) <= 2025
    texts = " ".join(p.text for d in generated for p in d.passages)
    assert "moc@hq.nato.int" not in texts and "#NATO" not in texts


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([4.0], 99) == 4.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([0.0, 10.0], 95) == pytest.approx(9.5)


@pytest.mark.slow
def test_a_tiny_run_writes_results_for_every_query_class(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    status = main(
        [
            "--sizes",
            "tiny",
            "--runs",
            "2",
            "--grep-runs",
            "1",
            "--cold-runs",
            "1",
            "--gui-sizes",
            "tiny",
            "--work",
            str(tmp_path / "work"),
            "--out",
            str(out),
            "--quiet",
        ]
    )
    assert status == 0
    results = json.loads(out.read_text())
    (size,) = results["sizes"]
    assert size["build"]["passages"] > 0 and size["build"]["peak_rss_mb"] > 0
    assert size["build"]["bare"]["natoapp_options"]["mb_per_s"] > 0
    classes = size["search"]["classes"]
    assert set(classes) == {q.name for q in QUERY_CLASSES}
    assert all(c["natoapp_ms"] for c in classes.values())
    assert classes["frequent word"]["hits"] > classes["rare word"]["hits"]
    assert classes["entity alias"]["hits"] > 0  # "Kuwait" is found through Koweït
    assert classes["hostile string"]["natoapp_ms"]  # searched, did not raise
    assert set(size["grep_ms"]) == set(classes)
    assert len(size["typing"]["keystroke_to_paint_ms"]) == len("mediterran")
    assert len(size["typing"]["keystroke_to_paint_at_start_ms"]) == len("partenaire")
    assert size["cold_start_ms"]["natoapp"] and size["cold_start_ms"]["bare"]
