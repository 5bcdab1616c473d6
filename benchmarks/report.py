"""Turning measurements into the tables printed and pasted into the README."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def percentile(samples: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile (0–100) of ``samples``, interpolated; None when empty."""
    if not samples:
        return None
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def machine_summary() -> dict[str, Any]:
    """CPU model, cores and memory of this machine, from /proc where it can."""
    cpu = platform.processor() or platform.machine()
    memory_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "system": f"{platform.system()} {platform.release()}",
    }


def _ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if value < 10 else f"{value:.0f}"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b <= 0:
        return "–"
    return f"{a / b:.2f}×" if a / b < 100 else f"{a / b:.0f}×"


def _bare_rate(build: dict[str, Any], table: str) -> str:
    # Older result files have no bare build.
    rate = build.get("bare", {}).get(table, {}).get("mb_per_s")
    return "–" if rate is None else f"{rate:.1f}"


def _window(size: dict[str, Any]) -> str:
    windows = {c.get("ranking_window") for c in size["search"]["classes"].values()}
    return str(max((w for w in windows if w), default="N"))


def render(results: dict[str, Any]) -> str:
    """Markdown tables of one run: build, search per class, window, memory."""
    lines: list[str] = []
    m = results["machine"]
    lines.append(
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, {m['system']}; "
        f"Python {results['python']}, SQLite {results['sqlite']}"
    )
    lines.append("")
    lines.append(
        "| size | passages | text MB | build s | MB/s | passages/s | DB MB | DB/text "
        "| build peak RSS MB | build workers' peak RSS MB | search peak RSS MB "
        "| bare FTS5 insert MB/s | bare FTS5 with natoapp's index options MB/s |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in results["sizes"]:
        b = size["build"]
        lines.append(
            f"| {size['label']} | {b['passages']} | {b['text_mb']:.1f} | {b['seconds']:.1f} "
            f"| {b['text_mb'] / b['seconds']:.2f} | {b['passages'] / b['seconds']:.0f} "
            f"| {b['db_mb']:.1f} | {b['db_mb'] / b['text_mb']:.2f} "
            f"| {b['peak_rss_mb']:.0f} | {b.get('workers_peak_rss_mb', 0):.0f} "
            f"| {size['search']['peak_rss_mb']:.0f} "
            f"| {_bare_rate(b, 'plain')} | {_bare_rate(b, 'natoapp_options')} |"
        )
    for size in results["sizes"]:
        lines.append("")
        lines.append(
            f"Search at {size['label']} ({size['search']['passages']} passages), ms; "
            "baselines: bare FTS5 top-50 MATCH ranking the same hits as natoapp (all of them, "
            f"or the newest {_window(size)} when more match), bare FTS5 ranking every hit, "
            f"{size['grep_tool']} over the text files"
        )
        lines.append("")
        lines.append(
            "| query class | hits | natoapp p50 | p95 | p99 | bare FTS5 same ranking p95 "
            "| natoapp/bare p95 | bare FTS5 every hit ranked p95 | with total p95 "
            f"| with total/bare p95 | {size['grep_tool']} p50 | {size['grep_tool']}/natoapp p50 |"
        )
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, c in size["search"]["classes"].items():
            ours = c["natoapp_ms"]
            grep = size["grep_ms"].get(name, [])
            every95 = percentile(c["bare_ms"], 95)
            # Older result files only timed bare FTS5 ranking every hit.
            same = c.get("bare_window_ms") if c.get("ranking_window") else c["bare_ms"]
            p95, bare95 = percentile(ours, 95), percentile(same or c["bare_ms"], 95)
            p50, grep50 = percentile(ours, 50), percentile(grep, 50)
            # Older result files have no separate timing with the total.
            total95 = percentile(c.get("natoapp_total_ms", []), 95)
            lines.append(
                f"| {name} | {c['hits']} | {_ms(p50)} | {_ms(p95)} | {_ms(percentile(ours, 99))} "
                f"| {_ms(bare95)} | {_ratio(p95, bare95)} | {_ms(every95)} | {_ms(total95)} "
                f"| {_ratio(total95, bare95)} | {_ms(grep50)} | {_ratio(grep50, p50)} |"
            )
    window = [s for s in results["sizes"] if "typing" in s]
    if window:
        lines.append("")
        # The typing pause is adaptive (none while searches are fast), so the keys that
        # waited for it are counted rather than a fixed pause subtracted.
        lines.append(
            "Typing once the window shows its library (the targets), and typing as soon as "
            "it is shown, while it still reads it; cold start to an interactive window"
        )
        lines.append("")
        lines.append(
            "| size | keystroke→paint p50 ms | p95 | max | keys that waited for a pause "
            "| longest GUI stall ms | at start: p50 | p95 | max | stall "
            "| cold start natoapp ms (median) | bare QMainWindow | ratio |"
        )
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in window:
            t = size["typing"]
            keys = t["keystroke_to_paint_ms"]
            delays = t.get("typing_delay_ms") or []
            waited = sum(1 for d in delays if d)
            # Older result files typed once only, as soon as the window was shown.
            start = t.get("keystroke_to_paint_at_start_ms", [])
            start_stall = t.get("longest_stall_at_start_ms")
            cold = size.get("cold_start_ms", {})
            ours = statistics.median(cold["natoapp"]) if cold.get("natoapp") else None
            bare = statistics.median(cold["bare"]) if cold.get("bare") else None
            lines.append(
                f"| {size['label']} | {_ms(percentile(keys, 50))} | {_ms(percentile(keys, 95))} "
                f"| {_ms(max(keys) if keys else None)} | {waited} of {len(keys)} "
                f"| {_ms(t['longest_stall_ms'])} "
                f"| {_ms(percentile(start, 50))} | {_ms(percentile(start, 95))} "
                f"| {_ms(max(start) if start else None)} | {_ms(start_stall)} "
                f"| {_ms(ours)} | {_ms(bare)} | {_ratio(ours, bare)} |"
            )
    return "\n".join(lines)
