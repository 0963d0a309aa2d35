"""The progress bar (on a terminal only) and the summary printed at the end."""

from __future__ import annotations

import sys
import time
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterator

from ..batch import Failure, Result
from ..inputs import ReadStats
from .common import PROG
from .writing import Line


class _NoBar:
    """The progress bar's stand-in where there is no terminal to draw on."""

    def update(self, n: int = 1) -> None:
        """Count `n` more documents (here: nothing to show)."""


@contextmanager
def progress_bar(enabled: bool = True, output_on_stdout: bool = True) -> Iterator[Any]:
    """A tqdm bar on stderr when stderr is a terminal (unless the output goes to the same
    terminal, where it would tear the bar), else a stand-in that does nothing."""
    if not (enabled and sys.stderr.isatty() and not (output_on_stdout and sys.stdout.isatty())):
        yield _NoBar()
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield _NoBar()
        return
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked while the bar runs
    bar = tqdm(unit=" docs", file=sys.stderr, mininterval=0.5, dynamic_ncols=True, leave=False)
    try:
        yield bar
    finally:
        bar.close()


class Tally:
    """Counts for the summary."""

    def __init__(self) -> None:
        self.docs = self.failed = self.unrecognised = 0
        self.kinds: Counter = Counter()
        self.removed: Counter = Counter()
        self.start = time.perf_counter()

    def add(self, result: Result | Any) -> None:
        """Count one result (an `Article`, a `Failure` or a ready-made output `Line`)."""
        self.docs += 1
        if isinstance(result, Line):
            if result.kind:
                self.failed += 1
                self.kinds[result.kind] += 1
            else:
                self.removed.update(result.removed)
                self.unrecognised += not result.recognised
        elif isinstance(result, Failure):
            self.failed += 1
            self.kinds[result.kind] += 1
        else:
            self.removed.update(r.filter for r in result.removed)
            self.unrecognised += not result.recognised

    def summary(self, stats: ReadStats, written: list[str]) -> str:
        """The lines printed on stderr at the end of a batch."""
        secs = max(time.perf_counter() - self.start, 1e-9)
        failed = f"{self.failed} failed" + (f" ({_counts(self.kinds)})" if self.kinds else "")
        lines = [f"{_plural(self.docs, 'document')}: {self.docs - self.failed} cleaned, {failed}; "
                 f"{secs:.1f} s, {self.docs / secs:.0f} documents/s"]
        if self.unrecognised:
            lines.append(f"not recognised as kontan pages: {_plural(self.unrecognised, 'document')} "
                         "(cleaned as text; each record says so under \"warnings\")")
        if self.removed:
            lines.append("removed by filter: " + _counts(self.removed))
        if stats.skipped:
            lines.append("skipped: " + _counts(stats.skipped))
        if written:
            lines.append(f"wrote {_plural(len(written), 'file')}: " + ", ".join(written[:3])
                         + (", ..." if len(written) > 3 else ""))
        if self.kinds["internal"]:
            lines.append(f"{_plural(self.kinds['internal'], 'internal error')}: please report them with their pages")
        return "\n".join(f"{PROG}: {line}" for line in lines)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _counts(c: Counter) -> str:
    return ", ".join(f"{name} {n}" for name, n in c.most_common())


# -- streams ----------------------------------------------------------------------------
