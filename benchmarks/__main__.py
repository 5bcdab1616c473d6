"""``python -m benchmarks``: how natoapp's speed and memory grow with the corpus.

For each size asked (``--sizes tiny,10k,100k,1m``) it generates a corpus (see
:mod:`benchmarks.corpus_gen`), builds its database, times every query class
through natoapp, bare FTS5 and ripgrep/grep, and, unless ``--no-gui``, the
window: keystroke to painted results, GUI stalls while typing, and cold start
against a bare PySide6 window. It prints a table and writes everything to
``benchmarks/out/results-<sizes>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus_gen import SIZES, generate
from benchmarks.queries import QUERY_CLASSES, grep_commands, grep_tool
from benchmarks.report import machine_summary, render

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
# Ten letters each, each prefix of which finds passages (a single letter is a word): the
# first typed as soon as the window shows, the second once it has shown its library.
_TYPED_QUERY = "partenaire"
_READY_QUERY = "mediterran"


def _python(*args: str, env: dict[str, str] | None = None, timeout: float = 7200) -> str:
    """Run ``python -m`` in a fresh process and return its last line of output."""
    done = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{' '.join(args[:2])} failed: {tail}")
    return lines[-1]


def _gui_env(work: Path, seeds: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        NATOAPP_SEEDS=str(seeds),
        NATOAPP_CACHE_DIR=str(work / "cache"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
        XDG_STATE_HOME=str(work / "state"),
        XDG_CACHE_HOME=str(work / "xdg-cache"),
    )
    return env


def _time_grep(folder: Path, runs: int) -> dict[str, list[float]]:
    tool = grep_tool()
    out: dict[str, list[float]] = {}
    for query in QUERY_CLASSES:
        samples = []
        for _ in range(runs):
            commands = grep_commands(query, str(folder), tool)
            started = time.perf_counter()
            procs: list[subprocess.Popen[bytes]] = []
            upstream: Any = None
            for k, command in enumerate(commands):
                last = k == len(commands) - 1
                proc = subprocess.Popen(
                    command,
                    stdin=upstream,
                    stdout=subprocess.DEVNULL if last else subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
                if upstream is not None:
                    upstream.close()
                upstream = proc.stdout
                procs.append(proc)
            for proc in procs:
                proc.wait()
            samples.append((time.perf_counter() - started) * 1000)
        out[query.name] = samples
    return out


def _cold_starts(db: Path, env: dict[str, str], runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"natoapp": [], "bare": []}
    for _ in range(runs):
        for kind in ("bare", "natoapp"):
            args = [sys.executable, "-m", "benchmarks.gui_probe", "cold", kind, str(db)]
            started = time.perf_counter()
            proc = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
            assert proc.stdout is not None
            line = proc.stdout.readline().decode().strip()
            elapsed = (time.perf_counter() - started) * 1000
            proc.wait(timeout=600)
            if line == "ready":
                times[kind].append(elapsed)
    return times


def measure_size(label: str, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Everything measured at one corpus size."""
    passages = SIZES[label]
    seeds = work / f"corpus-{label}"
    db = work / f"natoapp-{label}.sqlite"
    log = args.log
    log(f"[{label}] generating about {passages} passages in {seeds}")
    corpus = generate(ROOT / "seeds", seeds, passages)
    log(f"[{label}] {corpus.files} files, {corpus.bytes / 1e6:.1f} MB; building")
    build = json.loads(_python("benchmarks.probe", "build", str(seeds), str(db)))
    log(f"[{label}] built in {build['seconds']:.1f} s; bare FTS5 inserts")
    build["bare"] = json.loads(
        _python("benchmarks.probe", "bare-build", str(seeds), str(work / f"bare-{label}.sqlite"))
    )
    log(f"[{label}] searching")
    search = json.loads(_python("benchmarks.probe", "search", str(db), str(args.runs)))
    log(f"[{label}] grep ({grep_tool()})")
    grep = _time_grep(seeds, args.grep_runs)
    result: dict[str, Any] = {
        "label": label,
        "planned_passages": passages,
        "files": corpus.files,
        "build": build,
        "search": search,
        "grep_tool": grep_tool(),
        "grep_ms": grep,
    }
    if args.gui and label in args.gui_sizes:
        env = _gui_env(work / f"gui-{label}", seeds)
        log(f"[{label}] window: typing")
        result["typing"] = json.loads(
            _python("benchmarks.gui_probe", "typing", str(db), _TYPED_QUERY, _READY_QUERY, env=env)
        )
        log(f"[{label}] window: cold start x{args.cold_runs}")
        result["cold_start_ms"] = _cold_starts(db, env, args.cold_runs)
    if not args.keep:
        for path in seeds.iterdir():
            path.unlink()
        seeds.rmdir()
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="seeds,10k,100k", help="of " + ",".join(SIZES))
    parser.add_argument("--runs", type=int, default=30, help="timed searches per query class")
    parser.add_argument("--grep-runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--no-gui", dest="gui", action="store_false")
    parser.add_argument("--gui-sizes", default="seeds,10k,1m", help="sizes the window is timed at")
    parser.add_argument("--work", type=Path, default=OUT / "work")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r}; choose among {', '.join(SIZES)}")
    args.gui_sizes = {s.strip().lower() for s in args.gui_sizes.split(",")}
    args.log = (lambda _msg: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    args.work.mkdir(parents=True, exist_ok=True)
    results = {
        "machine": machine_summary(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sizes": [],
    }
    out = args.out or OUT / f"results-{'-'.join(sizes)}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    for label in sizes:
        results["sizes"].append(measure_size(label, args.work, args))
        # Written after each size, so a long run that is stopped still leaves its numbers.
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(render(results))
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
