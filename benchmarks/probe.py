"""What runs in a fresh process for each measurement, so that its peak memory is its own.

``python -m benchmarks.probe build SEEDS DB`` builds a database the way
``natoapp build`` does; ``bare-build SEEDS DB`` times bare FTS5 inserting the same
text (the limit of a build); ``python -m benchmarks.probe search DB RUNS`` times
every query class through :meth:`Library.search` (a page of hits as the window
asks for it, then the same page with its total counted) and through bare FTS5
(the best 50 of every hit, and the best 50 of the same window natoapp ranks). Each
prints one JSON object on its last line, with the process's peak resident
memory (``VmHWM``) in MB; a build also gives the largest peak of the worker
processes it read seeds with (``workers_peak_rss_mb``, 0 when it used none).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.queries import QUERY_CLASSES

# A class is timed this many times at most, and for about this long at most.
_BUDGET_SECONDS = 15.0
_MIN_RUNS = 5
_WARMUP = 2


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB (from /proc, else getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(seeds: Path, db: Path) -> dict[str, Any]:
    """Build ``db`` from ``seeds`` with the shipped curated knowledge."""
    from natoapp import paths
    from natoapp.store.build import build_from_sources

    db.unlink(missing_ok=True)
    started = time.perf_counter()
    report = build_from_sources(seeds, paths.resources_dir(), db)
    seconds = time.perf_counter() - started
    text_bytes = sum(p.stat().st_size for p in seeds.iterdir() if p.is_file())
    return {
        "seconds": seconds,
        "documents": report.documents,
        "passages": report.passages,
        "mentions": report.mentions,
        "text_mb": text_bytes / 1e6,
        "db_mb": db.stat().st_size / 1e6,
        "seed_errors": len(report.seed_errors),
        "peak_rss_mb": peak_rss_mb(),
        "workers_peak_rss_mb": _children_peak_rss_mb(),
    }


# The baselines of a build: FTS5 alone, fed the files' paragraphs as they are, in a plain
# table and in one set up like natoapp's index (two contentless columns, since natoapp
# indexes each passage's words and their stems; folded accents; prefix indexes).
_BARE_TABLES = {
    "plain": ("fts5(body)", 1),
    "natoapp_options": (
        "fts5(body, stems, content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
        2,
    ),
}


def bare_build(seeds: Path, db: Path) -> dict[str, Any]:
    """MB/s of bare FTS5 inserting the paragraphs of ``seeds`` (the limit of a build)."""
    text_bytes = sum(p.stat().st_size for p in seeds.iterdir() if p.is_file())
    result: dict[str, Any] = {"text_mb": text_bytes / 1e6}
    for name, (table, columns) in _BARE_TABLES.items():
        db.unlink(missing_ok=True)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute(f"CREATE VIRTUAL TABLE f USING {table}")
        started = time.perf_counter()
        conn.execute("BEGIN")
        for path in sorted(seeds.iterdir()):
            paragraphs = [p for p in path.read_text(errors="replace").split("\n\n") if p.strip()]
            conn.executemany(
                f"INSERT INTO f VALUES ({', '.join('?' * columns)})",
                [(p,) * columns for p in paragraphs],
            )
        conn.commit()
        seconds = time.perf_counter() - started
        conn.close()
        result[name] = {"seconds": seconds, "mb_per_s": text_bytes / 1e6 / seconds}
    db.unlink(missing_ok=True)
    return result


def _children_peak_rss_mb() -> float:
    """The largest peak resident set size of the finished child processes, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _timed(fn: Any, runs: int) -> list[float]:
    for _ in range(_WARMUP):
        fn()
    samples: list[float] = []
    deadline = time.perf_counter() + _BUDGET_SECONDS
    while len(samples) < runs and (len(samples) < _MIN_RUNS or time.perf_counter() < deadline):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def search(db: Path, runs: int) -> dict[str, Any]:
    """Latencies (ms) of each query class through natoapp and through bare FTS5."""
    from natoapp.store.library import Library
    from natoapp.store.schema import BM25_WEIGHTS
    from natoapp.store.search import RANKING_WINDOW

    bm25 = "bm25(passages_fts, " + ", ".join(str(w) for w in BM25_WEIGHTS) + ")"
    # Every hit ranked: what FTS5 alone costs when asked for the best 50 of all.
    bare_sql = (
        f"SELECT rowid, {bm25} AS score FROM passages_fts WHERE passages_fts MATCH ? "
        "ORDER BY score LIMIT 50"
    )
    # The ranking natoapp asks of FTS5: the best 50 of the newest RANKING_WINDOW hits.
    bare_window_sql = (
        f"SELECT rowid, score FROM (SELECT rowid, {bm25} AS score FROM passages_fts "
        "WHERE passages_fts MATCH ? ORDER BY rowid LIMIT ?) ORDER BY score, rowid LIMIT 50"
    )
    results: dict[str, Any] = {}
    with Library.open(db) as library:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
        for query in QUERY_CLASSES:
            found = library.search(query.text, prefix_last=False)
            expression = found.parsed.fts

            def natoapp(text: str = query.text) -> None:
                # The page as the window asks for it: hits first, counted afterwards.
                library.search(text, prefix_last=False, with_total=False)

            def natoapp_total(text: str = query.text) -> None:
                library.search(text, prefix_last=False)

            def bare(expression: str = expression) -> None:
                conn.execute(bare_sql, [expression]).fetchall()

            def bare_window(expression: str = expression) -> None:
                conn.execute(bare_window_sql, [expression, RANKING_WINDOW]).fetchall()

            results[query.name] = {
                "query": query.text[:60],
                "fts": expression[:120],
                "hits": found.total,
                "natoapp_ms": _timed(natoapp, runs),
                "natoapp_total_ms": _timed(natoapp_total, runs),
                "bare_ms": _timed(bare, runs) if expression else [],
                "bare_window_ms": _timed(bare_window, runs) if expression else [],
                "ranking_window": found.ranking_window,
            }
        conn.close()
        provenance = library.provenance()
    return {
        "passages": provenance.passages,
        "classes": results,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str]) -> int:
    """Run one probe and print its JSON result on the last line."""
    if len(argv) >= 3 and argv[0] == "build":
        result = build(Path(argv[1]), Path(argv[2]))
    elif len(argv) >= 3 and argv[0] == "bare-build":
        result = bare_build(Path(argv[1]), Path(argv[2]))
    elif len(argv) >= 3 and argv[0] == "search":
        result = search(Path(argv[1]), int(argv[2]))
    else:
        print(
            "usage: python -m benchmarks.probe build SEEDS DB | bare-build SEEDS DB"
            " | search DB RUNS",
            file=sys.stderr,
        )
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
