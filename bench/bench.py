"""`make bench`: speed and memory of each stage on the real corpus, as ratios to baselines timed in the same run.

Each measurement is the median of several runs. Ratios (ours / baseline) are what the goals speak of, so
the numbers mean the same on a fast and a slow machine. Writes bench/results.json and prints a table.

- parse: `compliance.parse.parse_file` on the RU Labour Code (2.1 MB of official HTML) against lxml alone
  parsing the same file and extracting its text (goal: ratio ≤ 3).
- peak_memory_mb: the largest resident set size of this process during the run.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import html

from compliance.parse import parse_file

REPO = Path(__file__).resolve().parents[1]
RU_LC = REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html"
RUNS = 5


def median_seconds(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm-up: imports, caches, file system
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def lxml_text_baseline() -> str:
    root = html.document_fromstring(RU_LC.read_bytes())
    return root.text_content()


def bench_parse() -> dict[str, object]:
    ours = median_seconds(lambda: parse_file(RU_LC))
    base = median_seconds(lxml_text_baseline)
    doc = parse_file(RU_LC)
    return {
        "ratio": round(ours / base, 2),
        "seconds": round(ours, 4),
        "baseline": "lxml.html.document_fromstring + text_content on the same file",
        "baseline_seconds": round(base, 4),
        "articles": len(doc.articles()),
        "mb_per_second": round(RU_LC.stat().st_size / 1e6 / ours, 2),
        "goal": "ratio <= 3",
    }


def traced_peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def main() -> int:
    results: dict[str, object] = {"parse": bench_parse()}
    results["parse_traced_peak_mb"] = traced_peak_mb(lambda: parse_file(RU_LC))
    results["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out = REPO / "bench/results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{'stage':<8} {'ours s':>8} {'base s':>8} {'ratio':>6}  baseline")
    for stage in ("parse",):
        r = results[stage]
        assert isinstance(r, dict)
        print(f"{stage:<8} {r['seconds']:>8} {r['baseline_seconds']:>8} {r['ratio']:>6}  {r['baseline']}")
    print(f"peak memory: {results['peak_memory_mb']} MB (RSS); parse allocations peak {results['parse_traced_peak_mb']} MB")
    print(f"written: {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
