"""Timing for the benchmarks: the median of several runs after one warm-up run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

RUNS = 5


def median_seconds(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm-up: imports, caches, file system
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)
