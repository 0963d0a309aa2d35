"""Speed of kontan_clean against other tools and parse-only floors: every ratio of the README.

    python benchmarks/speed.py [--rounds N] [--markdown] [--json OUT] [--memory MEMORY.json]

How it measures, and why:
- Tools are timed interleaved, round-robin in this one process (the tool order rotates every
  round), on CPU time (`time.thread_time_ns`), and compared by medians. Timing one tool after
  another in wall time lets machine load land on whichever tool ran at the time.
- HTML pages come in two sizes: the samples (37-66 KB) and real-size pages (150 and 300 KB),
  two samples padded with copies of their own sidebar and script blocks, never their article;
  the padded page must clean to the same `Article` as the sample, or the run stops.
- The text floor reads the whole text: `splitlines()` and a `findall` of the marker pattern
  over every line. A `search()` would stop at the first hit, a few words into the text.
- Batch throughput is wall time (it is about using two cores), 1 and 2 jobs interleaved, for
  the library call (`clean_many`, an `Article` back per page) and for the CLI's batch
  (`clean_records` with the JSON line rendered in the worker, so only bytes cross back),
  beside the machine's own ceiling: the same documents cleaned by one process, and by two
  independent processes (no pool, no pipes) at once. A VM whose two cores share one
  physical core caps the 2-job ratio there, whatever the pool does.
- Peak memory is not measured here: `benchmarks/peak_memory.py`, started from the shell as a
  process of its own, writes its `VmHWM`; pass its JSON with `--memory`.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import math
import re
import statistics
import sys
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
CSV_PATH = CORPUS / "raw" / "danielmahardhika_kontan-news-scraper_kontan.csv"
PADDED = {"desktop_2024": (150_000, 300_000), "desktop_2019": (150_000, 300_000)}

# (figure, comparison, goal). "x" figures are how many times faster kontan_clean is.
TARGETS = {
    "real-size HTML: clean / lxml parse (worst)": ("<=", 0.6),
    "real-size HTML: trafilatura / clean (worst)": (">=", 25.0),
    "real-size HTML: resiliparse / clean (worst)": (">", 1.0),
    "small HTML: clean / lxml parse (geomean)": ("<=", 1.0),
    "small HTML: clean / lxml parse (worst)": ("<=", 1.5),
    "small HTML: trafilatura / clean (geomean)": (">=", 15.0),
    "small HTML: trafilatura / clean (worst)": (">=", 10.0),
    "text lines: clean / floor (worst)": ("<=", 6.0),
    "text flattened: clean / floor (worst)": ("<=", 10.0),
    "batch: 2 jobs / 1 job": (">=", 1.8),
    "batch, CLI (JSON lines from the workers): 2 jobs / 1 job": (">=", 1.8),
    "peak RSS MB, 10k docs, 1 job": ("<", 60.0),
}


# ---------------------------------------------------------------- inputs

def _element_extent(page: bytes, start: int) -> int:
    """End of the `<div>` opening at `start`, by counting `<div`/`</div` (enough for the
    well-formed sidebar of a sample)."""
    depth, pos = 0, start
    for m in re.finditer(rb"<(/?)div\b", page[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return page.index(b">", start + m.end()) + 1
    raise ValueError("unclosed sidebar")


def padded(page: bytes, size: int) -> bytes:
    """`page` grown to about `size` bytes with copies of its own sidebar (`bag-kanan`) after
    the article and its own non-JSON-LD scripts in the head; the article is not touched."""
    scripts = [m.group(0) for m in re.finditer(rb"<script\b[^>]*>.*?</script>", page, re.S)
               if b"ld+json" not in m.group(0)[:200]]
    side_at = page.rindex(b"<", 0, page.index(b"bag-kanan"))
    sidebar = page[side_at:_element_extent(page, side_at)]
    head_pad, tail_pad, missing = [], [], size - len(page)
    for script in cycle(scripts):
        if missing <= 0:
            break
        head_pad.append(script)
        tail_pad.append(sidebar)
        missing -= len(script) + len(sidebar)
    head_end, body_end = page.index(b"</head>"), page.rindex(b"</body>")
    return (page[:head_end] + b"\n".join(head_pad) + page[head_end:body_end]
            + b"\n".join(tail_pad) + page[body_end:])


def html_pages() -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """(small samples, real-size padded pages), each as (name, bytes)."""
    from kontan_clean import clean

    small = [(p.stem, p.read_bytes()) for p in sorted((SAMPLES / "html").glob("*.html"))
             if not p.stem.startswith("fallback")]
    big = []
    for name, sizes in PADDED.items():
        page = dict(small)[name]
        expected = clean(page).to_dict()
        for size in sizes:
            grown = padded(page, size)
            if clean(grown).to_dict() != expected:
                raise SystemExit(f"padding {name} to {size} changed its Article: the benchmark is void")
            big.append((f"{name}+pad{size // 1000}k", grown))
    return small, big


def text_pages() -> list[tuple[str, str]]:
    """(name, text) of the text samples, plus corpus seed and flattened pages when present."""
    pages = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SAMPLES / "text").glob("*.txt"))]
    if CORPUS.is_dir():
        pages += [(f"corpus_{p.parent.name}_{p.stem[:24]}", p.read_text(encoding="utf-8"))
                  for p in sorted((CORPUS / "seed").glob("*.txt")) + sorted((CORPUS / "flattened").glob("*.txt"))[:6]]
    return pages


def csv_pages(n: int) -> list[str]:
    """`n` text pages from the bulk crawl CSV, cycled."""
    csv.field_size_limit(1 << 30)
    with open(CSV_PATH, encoding="utf-8") as f:
        rows = [row["paragraf"] for row in csv.DictReader(f)]
    return list(islice(cycle(rows), n))


# ---------------------------------------------------------------- tools

_FLOOR_PATTERN = re.compile(r"Baca Juga:|KONTAN\.CO\.ID|Google News|Selanjutnya|Menarik Dibaca")


def text_floor(page: str) -> int:
    """The least a line-based cleaner must do: split the lines and find every marker in each."""
    return sum(len(_FLOOR_PATTERN.findall(line)) for line in page.splitlines())


def html_tools() -> dict[str, Callable[[bytes], object]]:
    """Every HTML tool by name; the first is the one measured."""
    import lxml.html
    import trafilatura
    from selectolax.lexbor import LexborHTMLParser

    from kontan_clean import clean

    tools: dict[str, Callable[[bytes], object]] = {
        "kontan_clean": clean,
        "lxml_parse": lxml.html.fromstring,
        "selectolax_parse": LexborHTMLParser,
        "trafilatura": trafilatura.extract,
        "trafilatura_fast": lambda page: trafilatura.extract(page, fast=True),
    }
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        tools["resiliparse"] = lambda page: extract_plain_text(HTMLTree.parse_from_bytes(page), main_content=True)
    except ImportError:
        print("resiliparse is not installed: its column stays empty (pip install -e '.[bench]')", file=sys.stderr)
    return tools


# ---------------------------------------------------------------- timing

def interleaved(pages: list[tuple[str, object]], tools: dict[str, Callable], rounds: int,
                repeats: dict[str, int]) -> dict[str, dict[str, float]]:
    """{page: {tool: median CPU ms}}. Every round runs every tool on every page, in an order
    that rotates; a fast tool runs `repeats[tool]` times per round, each call timed alone."""
    names = list(tools)
    samples: dict[str, dict[str, list[int]]] = {p: {t: [] for t in names} for p, _ in pages}
    for _, page in pages:  # warm up: imports, caches, compiled patterns
        for fn in tools.values():
            fn(page)
    clock = time.thread_time_ns
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name, page in pages:
            for tool in order:
                fn, out = tools[tool], samples[name][tool]
                for _ in range(repeats.get(tool, 1)):
                    t0 = clock()
                    fn(page)
                    out.append(clock() - t0)
        gc.collect()
    return {p: {t: statistics.median(v) / 1e6 for t, v in by_tool.items()} for p, by_tool in samples.items()}


def batch_speedup(rounds: int, docs: int) -> dict[str, float]:
    """Documents per second of `clean_many` at 1 and 2 jobs (wall time, interleaved), and the
    CPU each costs per document (this process and its workers): on a machine others load,
    the wall-time ratio says little, the CPU per document still shows what the pool costs."""
    import resource

    from kontan_clean.batch import clean_many

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    from kontan_clean.batch import clean_records
    from kontan_clean.cli.writing import json_line

    pages = csv_pages(docs)
    runs = {  # the library call (Articles back), and the CLI's batch (JSON lines made in the workers)
        "jobs": lambda jobs: clean_many(pages, jobs=jobs),
        "cli_jobs": lambda jobs: clean_records(pages, jobs, render=json_line),
    }
    walls: dict[tuple[str, int], list[float]] = {(k, j): [] for k in runs for j in (1, 2)}
    cpus: dict[tuple[str, int], list[float]] = {(k, j): [] for k in runs for j in (1, 2)}
    for r in range(rounds):
        for kind, run in runs.items():
            for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
                t0, c0 = time.perf_counter(), cpu()
                assert sum(1 for _ in run(jobs)) == docs
                walls[kind, jobs].append(time.perf_counter() - t0)
                cpus[kind, jobs].append(cpu() - c0)
    out = {f"{k}{j}_docs_per_s": docs / statistics.median(w) for (k, j), w in walls.items()}
    out.update(machine_ceiling(pages, rounds))
    out.update({f"{k}{j}_cpu_us_per_doc": 1e6 * statistics.median(c) / docs for (k, j), c in cpus.items()})
    return out


def _clean_all(pages: list[str]) -> None:
    from kontan_clean import KontanCleanError, clean

    for page in pages:
        try:
            clean(page)
        except KontanCleanError:
            pass


def machine_ceiling(pages: list[str], rounds: int) -> dict[str, float]:
    """Documents per second of plain `clean()` loops: one process, and two independent
    forked processes each cleaning all of `pages` at once (wall time, interleaved). Their
    ratio is the most two jobs can reach on this machine."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    walls: dict[int, list[float]] = {1: [], 2: []}
    for r in range(rounds):
        for procs in ((1, 2) if r % 2 == 0 else (2, 1)):
            workers = [fork.Process(target=_clean_all, args=(pages,)) for _ in range(procs)]
            t0 = time.perf_counter()
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            walls[procs].append(time.perf_counter() - t0)
    return {f"ceiling_procs{p}_docs_per_s": p * len(pages) / statistics.median(w) for p, w in walls.items()}


# ---------------------------------------------------------------- report

def geomean(values: list[float]) -> float:
    """Geometric mean (ratios average multiplicatively)."""
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else math.nan


def html_table(times: dict[str, dict[str, float]], sizes: dict[str, int]) -> list[list[str]]:
    """One row per page: clean's time and every ratio."""
    rows = []
    for page, t in times.items():
        c = t["kontan_clean"]
        rows.append([page, f"{sizes[page] // 1024} KB", f"{c:.2f}", f"{t['lxml_parse']:.2f}",
                     f"{c / t['lxml_parse']:.2f}", f"{c / t['selectolax_parse']:.2f}",
                     f"{t['trafilatura'] / c:.1f}", f"{t['trafilatura_fast'] / c:.1f}",
                     f"{t['resiliparse'] / c:.2f}" if "resiliparse" in t else "-"])
    return rows


def figures(small: dict, big: dict, text: dict, kinds: dict[str, str], batch: dict, memory: dict) -> dict[str, float]:
    """The figure of every target that was measured."""
    out: dict[str, float] = {}
    for label, times in (("small HTML", small), ("real-size HTML", big)):
        if not times:
            continue
        to_lxml = [t["kontan_clean"] / t["lxml_parse"] for t in times.values()]
        traf = [t["trafilatura"] / t["kontan_clean"] for t in times.values()]
        out[f"{label}: clean / lxml parse (geomean)"] = geomean(to_lxml)
        out[f"{label}: clean / lxml parse (worst)"] = max(to_lxml)
        out[f"{label}: trafilatura / clean (geomean)"] = geomean(traf)
        out[f"{label}: trafilatura / clean (worst)"] = min(traf)
        if all("resiliparse" in t for t in times.values()):
            out[f"{label}: resiliparse / clean (worst)"] = min(t["resiliparse"] / t["kontan_clean"] for t in times.values())
    for kind in ("lines", "flattened"):
        ratios = [t["kontan_clean"] / t["text_floor"] for p, t in text.items() if kinds[p] == kind]
        if ratios:
            out[f"text {kind}: clean / floor (geomean)"] = geomean(ratios)
            out[f"text {kind}: clean / floor (worst)"] = max(ratios)
    if batch:
        out["batch: 2 jobs / 1 job"] = batch["jobs2_docs_per_s"] / batch["jobs1_docs_per_s"]
        out["batch, CLI (JSON lines from the workers): 2 jobs / 1 job"] = (
            batch["cli_jobs2_docs_per_s"] / batch["cli_jobs1_docs_per_s"])
        out["batch: machine ceiling, 2 processes / 1 (no target)"] = (
            batch["ceiling_procs2_docs_per_s"] / batch["ceiling_procs1_docs_per_s"])
    if memory:
        out["peak RSS MB, 10k docs, 1 job"] = memory["peak_rss_mb"]
    return out


def target_rows(found: dict[str, float]) -> list[list[str]]:
    """Every target with its figure and whether it is met."""
    ops = {"<=": float.__le__, ">=": float.__ge__, "<": float.__lt__, ">": float.__gt__}
    rows = []
    for name, (op, goal) in TARGETS.items():
        if name not in found:
            rows.append([name, f"{op} {goal:g}", "-", "not measured"])
            continue
        value = found[name]
        rows.append([name, f"{op} {goal:g}", f"{value:.2f}", "met" if ops[op](value, goal) else "MISSED"])
    rows += [[name, "-", f"{value:.2f}", "context"] for name, value in found.items() if "(no target)" in name]
    return rows


def table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    """An aligned plain-text table, or a GitHub Markdown one."""
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*header), fmt.format(*("-" * w for w in widths))] + [fmt.format(*r) for r in rows])


def main(argv: list[str]) -> int:
    """Measure and print every table (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15, help="interleaved rounds (default 15)")
    ap.add_argument("--markdown", action="store_true", help="GitHub Markdown tables")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    ap.add_argument("--memory", type=Path, help="the JSON benchmarks/peak_memory.py wrote")
    ap.add_argument("--batch-docs", type=int, default=3000, help="documents per batch run (0: skip)")
    ap.add_argument("--only", choices=("html", "text", "batch"), help="measure one part only")
    args = ap.parse_args(argv)
    from kontan_clean import clean

    small_pages, big_pages = html_pages()
    sizes = {n: len(p) for n, p in small_pages + big_pages}
    small = big = text = {}
    batch: dict = {}
    if args.only in (None, "html"):
        tools = html_tools()
        fast = {"kontan_clean": 5, "lxml_parse": 5, "selectolax_parse": 5, "resiliparse": 3}
        small = interleaved(small_pages, tools, args.rounds, fast)
        big = interleaved(big_pages, tools, max(5, args.rounds // 2), fast)
    pages = text_pages()
    kinds = {n: ("flattened" if "\n" not in p.strip() else "lines") for n, p in pages}
    if args.only in (None, "text"):
        text = interleaved(pages, {"kontan_clean": clean, "text_floor": text_floor}, args.rounds * 2,
                           {"kontan_clean": 3, "text_floor": 10})
    if args.only in (None, "batch") and args.batch_docs and CSV_PATH.exists():
        batch = batch_speedup(3, args.batch_docs)
    memory = json.loads(args.memory.read_text()) if args.memory and args.memory.exists() else {}

    found = figures(small, big, text, kinds, batch, memory)
    md = args.markdown
    print(table(["target", "goal", "figure", "status"], target_rows(found), md))
    html_header = ["HTML page", "size", "clean ms", "lxml ms", "clean/lxml", "clean/selectolax",
                   "trafilatura x", "traf. fast x", "resiliparse x"]
    for label, times in (("small samples", small), ("real-size pages", big)):
        if times:
            print(f"\nHTML, {label} (CPU ms, medians; 'x' = times faster than kontan_clean)")
            print(table(html_header, html_table(times, sizes), md))
    if text:
        print("\nText (CPU ms, medians)")
        print(table(["text page", "form", "clean ms", "floor ms", "clean/floor"],
                    [[p, kinds[p], f"{t['kontan_clean']:.3f}", f"{t['text_floor']:.4f}",
                      f"{t['kontan_clean'] / t['text_floor']:.1f}"] for p, t in text.items()], md))
    if batch or memory:
        print("\nBatch")
        rows = [[k, f"{v:.0f}"] for k, v in batch.items()]
        if memory:
            rows.append([f"peak RSS MB ({memory['docs']} docs, VmHWM)", f"{memory['peak_rss_mb']:.1f}"])
        print(table(["figure", "value"], rows, md))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"targets": found, "html_small": small, "html_big": big, "text": text,
                                         "batch": batch, "memory": memory}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
