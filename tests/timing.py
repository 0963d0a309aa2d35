"""CPU timing for the growth-ratio tests and the scaling benchmarks: one definition of
"the time clean() takes on a page"."""

from __future__ import annotations

import gc
import time
from typing import Callable

from kontan_clean import KontanCleanError, clean


def clean_or_error(page: str) -> object:
    """`clean(page)`, or the documented error it raised (a page left with no article, all
    promos): both are outcomes here."""
    try:
        return clean(page)
    except KontanCleanError as exc:
        return exc


def cpu_time(page: str, repeat: int, tool: Callable[[str], object] = clean_or_error) -> float:
    """The least CPU time of `repeat` runs of `tool` (cleaning, by default) on `page`, in
    seconds: on a loaded machine a long run is preempted more often than a short one, and
    wall time then shows growth that is not the cleaner's. The garbage collector is off
    while `tool` runs: its passes cost as much as everything the process holds, which late
    in a test session (hypothesis's examples) made a 1 MB run look superlinear."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.collect()
    try:
        gc.disable()
        for _ in range(repeat):
            start = time.process_time()
            tool(page)
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best
