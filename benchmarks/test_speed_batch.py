"""Batch throughput of `clean_many` with 1 and 2 jobs over the bulk crawl CSV, and peak memory
for 10,000 documents streamed through it (measured in a fresh process).

One job is the honest baseline, one process doing everything (`timeout=None`: no worker);
`jobs1_worker` is the default one-job run (one worker process, with the time budget);
`cli_lines_*` is the command line's path, where the worker also makes the JSON line."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from itertools import cycle, islice
from pathlib import Path

import pytest

from kontan_clean.batch import clean_many, clean_records
from kontan_clean.cli.writing import json_line

DOCS = 6_000
MEMORY_DOCS = 10_000


def _pages(path: Path, n: int) -> list[str]:
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8") as f:
        rows = [row["paragraf"] for row in csv.DictReader(f)]
    return list(islice(cycle(rows), n))


RUNS = {
    "clean_many_jobs1": lambda pages: clean_many(pages, jobs=1, timeout=None),
    "clean_many_jobs1_worker": lambda pages: clean_many(pages, jobs=1),
    "clean_many_jobs2": lambda pages: clean_many(pages, jobs=2),
    "cli_lines_jobs1": lambda pages: clean_records(pages, 1, timeout=None, render=json_line),
    "cli_lines_jobs2": lambda pages: clean_records(pages, 2, render=json_line),
}


@pytest.mark.parametrize("tool", list(RUNS))
def test_clean_many_throughput(benchmark, corpus_csv: Path, tool: str) -> None:
    pages = _pages(corpus_csv, DOCS)

    def run() -> int:
        return sum(1 for _ in RUNS[tool](pages))

    benchmark.group = "batch"
    count = benchmark.pedantic(run, rounds=3, iterations=1, warmup_rounds=1)
    assert count == DOCS
    benchmark.extra_info.update(tool=tool, docs=DOCS, docs_per_s=DOCS / benchmark.stats.stats.median)


_MEMORY_SCRIPT = """
import csv, json, resource, sys
from itertools import cycle, islice
from kontan_clean.batch import clean_many, clean_records
from kontan_clean.cli.writing import json_line
csv.field_size_limit(1 << 30)
def pages():
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = [row["paragraf"] for row in csv.DictReader(f)]
    yield from islice(cycle(rows), int(sys.argv[2]))
n = sum(1 for _ in clean_many(pages(), jobs=1, timeout=None))
print(json.dumps({"docs": n, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def test_peak_memory_for_10k_documents(benchmark, corpus_csv: Path) -> None:
    def run() -> dict:
        out = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(corpus_csv), str(MEMORY_DOCS)],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    benchmark.group = "batch"
    result = benchmark.pedantic(run, rounds=1, iterations=1)
    assert result["docs"] == MEMORY_DOCS
    benchmark.extra_info.update(tool="peak_rss_10k", docs=MEMORY_DOCS, docs_per_s=MEMORY_DOCS / benchmark.stats.stats.median,
                                peak_rss_mb=round(result["peak_rss_mb"], 1))
