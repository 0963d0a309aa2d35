"""Peak memory of one batch: 10,000 documents through `clean_many` with one job.

    python benchmarks/peak_memory.py [--docs N] [--json OUT]

Run it from the shell as a process of its own (`make bench` does). It reports this process's
`VmHWM` from /proc/self/status: a child's `ru_maxrss` would carry its parent's high-water
mark, which is how the old benchmark reported the test runner's memory as the cleaner's.
The pages are streamed from the CSV, so the figure is the cleaner's, not the input's.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "raw" / "danielmahardhika_kontan-news-scraper_kontan.csv"


def vm_hwm_mb() -> float:
    """This process's peak resident set size, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def pages(n: int):
    """`n` pages from the CSV, read again from the start as often as needed."""
    csv.field_size_limit(1 << 30)
    done = 0
    while done < n:
        with open(CSV_PATH, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if done == n:
                    return
                done += 1
                yield row["paragraf"]


def main(argv: list[str]) -> int:
    """Clean the documents, print (and optionally write) the docs count and peak RSS."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not CSV_PATH.exists():
        print("peak_memory.py: ../shared/corpus is absent, nothing measured", file=sys.stderr)
        return 0
    from kontan_clean.batch import clean_many

    before = vm_hwm_mb()
    n = sum(1 for _ in clean_many(pages(args.docs), jobs=1))
    result = {"docs": n, "peak_rss_mb": round(vm_hwm_mb(), 1), "after_imports_mb": round(before, 1)}
    print(json.dumps(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
