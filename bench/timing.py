"""Timing for the benchmarks: ours and the baseline run in turn, several times, after one warm-up run each;
the median of each.

Taking turns matters on a shared machine: its speed drifts over seconds, and timing all of one and then
all of the other would put the drift into the ratio (we saw 0.9 and 1.8 for the same code in one hour).
Each run starts after a full garbage collection, outside the timing, so that neither side pays for the
objects the other left (the collector runs when allocations pile up, whoever's they are); what a side
collects of its own while it runs stays in its time.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

RUNS = 7


# The ratio of each pair of runs of the last `paired_seconds`: the range a table reports beside the median.
LAST_RATIOS: list[float] = []


def paired_seconds(ours: Callable[[], object], base: Callable[[], object], runs: int = RUNS,
                   warm: bool = True) -> tuple[float, float]:
    """Median seconds of `ours` and of `base`, run alternately (after one warm-up run each, unless a run
    is long and warms nothing)."""
    if warm:
        ours()  # warm-up: imports, caches, file system
        base()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, out in ((ours, times[0]), (base, times[1])):
            gc.collect()
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    LAST_RATIOS[:] = [a / b for a, b in zip(*times, strict=True)]
    return statistics.median(times[0]), statistics.median(times[1])


def ratio_result(ours: float, base: float, baseline: str, goal: str, **details: object) -> dict[str, object]:
    """One stage's entry of bench/results.json: the ratio, both times, what the baseline is, the goal, and
    the range of the ratio over the pairs of runs."""
    return {
        "ratio": round(ours / base, 2),
        "range": [round(min(LAST_RATIOS), 2), round(max(LAST_RATIOS), 2)] if LAST_RATIOS else None,
        "seconds": round(ours, 4),
        "baseline": baseline,
        "baseline_seconds": round(base, 4),
        **details,
        "goal": goal,
    }
