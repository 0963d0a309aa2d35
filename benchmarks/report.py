"""Turn a pytest-benchmark JSON file into the ratio tables of the README.

    python benchmarks/report.py [.benchmarks/latest.json] [--markdown]

Every ratio compares medians measured in the same run on the same page.
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import table  # noqa: E402  (one table printer for every benchmark report)

DEFAULT = Path(".benchmarks/latest.json")
TARGETS = {
    "clean / lxml parse": ("<=", 1.5),
    "trafilatura / clean": (">=", 10.0),
    "clean / text floor": ("<=", 3.0),
    "2 jobs / 1 job": (">=", 1.8),
    "peak RSS MB (10k docs)": ("<=", 150.0),
}


def load(path: Path) -> dict[str, dict[str, dict]]:
    """{group: {tool: benchmark record}}."""
    groups: dict[str, dict[str, dict]] = defaultdict(dict)
    for bench in json.loads(path.read_text())["benchmarks"]:
        groups[bench["group"]][bench["extra_info"]["tool"]] = bench
    return groups


def median_ms(bench: dict) -> float:
    """The benchmark's median time in milliseconds."""
    return bench["stats"]["median"] * 1000


def geomean(values: list[float]) -> float:
    """Geometric mean (ratios average multiplicatively)."""
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def html_rows(groups: dict) -> list[list[str]]:
    """One row per HTML page: times in ms and the ratios to kontan_clean."""
    rows = []
    for group, tools in sorted(groups.items()):
        if not group.startswith("html:") or "kontan_clean" not in tools:
            continue
        t = {tool: median_ms(b) for tool, b in tools.items()}
        c = t["kontan_clean"]
        rows.append([
            group[5:], f"{tools['kontan_clean']['extra_info']['bytes'] // 1024} KB", f"{c:.2f}",
            f"{t.get('lxml_parse_floor', math.nan):.2f}", f"{c / t.get('lxml_parse_floor', math.nan):.2f}",
            f"{t.get('trafilatura', math.nan) / c:.1f}", f"{t.get('trafilatura_precision', math.nan) / c:.1f}",
            f"{t.get('resiliparse', math.nan) / c:.2f}",
        ])
    return rows


def text_rows(groups: dict) -> list[list[str]]:
    """One row per text page: clean and floor times and their ratio."""
    rows = []
    for group, tools in sorted(groups.items()):
        if group.startswith("text:") and {"kontan_clean", "text_floor"} <= tools.keys():
            c, f = median_ms(tools["kontan_clean"]), median_ms(tools["text_floor"])
            rows.append([group[5:], tools["kontan_clean"]["extra_info"]["kind"], f"{c:.3f}", f"{f:.4f}", f"{c / f:.1f}"])
    return rows


def batch_rows(groups: dict) -> list[list[str]]:
    """Documents per second for 1 and 2 jobs, and peak memory, from the batch benchmarks."""
    rows = []
    for tools in groups.get("batch", {}).values():
        info = tools["extra_info"]
        rows.append([info["tool"], f"{info.get('docs', '')}", f"{info.get('docs_per_s', 0):.0f}", f"{info.get('peak_rss_mb', '')}"])
    return sorted(rows)


def summary(groups: dict) -> list[list[str]]:
    """Each target with its measured figure (geometric mean over pages, and the worst page)."""
    html, text = html_rows(groups), text_rows(groups)
    figures = {}
    if html:
        floor = [float(r[4]) for r in html]
        traf = [float(r[5]) for r in html]
        figures["clean / lxml parse"] = (geomean(floor), max(floor))
        figures["trafilatura / clean"] = (geomean(traf), min(traf))
    if text:
        ratios = [float(r[4]) for r in text]
        figures["clean / text floor"] = (geomean(ratios), max(ratios))
    batch = {r[0]: r for r in batch_rows(groups)}
    if "clean_many_jobs1" in batch and "clean_many_jobs2" in batch:
        speedup = float(batch["clean_many_jobs2"][2]) / float(batch["clean_many_jobs1"][2])
        figures["2 jobs / 1 job"] = (speedup, speedup)
    if "peak_rss_10k" in batch:
        mb = float(batch["peak_rss_10k"][3])
        figures["peak RSS MB (10k docs)"] = (mb, mb)
    rows = []
    for name, (op, target) in TARGETS.items():
        if name in figures:
            typical, worst = figures[name]
            ok = worst <= target if op == "<=" else worst >= target
            rows.append([name, f"{op} {target:g}", f"{typical:.2f}", f"{worst:.2f}", "met" if ok else "MISSED"])
        else:
            rows.append([name, f"{op} {target:g}", "-", "-", "not measured"])
    return rows


def main(argv: list[str]) -> int:
    """Print the tables for the JSON file named in argv (default `.benchmarks/latest.json`)."""
    markdown = "--markdown" in argv
    paths = [a for a in argv if not a.startswith("--")]
    path = Path(paths[0]) if paths else DEFAULT
    if not path.exists():
        print(f"report.py: {path} not found: run `make bench` first", file=sys.stderr)
        return 2
    groups = load(path)
    print(table(["target", "goal", "typical (geomean)", "worst page", "status"], summary(groups), markdown))
    print()
    print(table(["HTML page", "size", "clean ms", "lxml ms", "clean/lxml", "trafilatura x", "traf.precision x", "resiliparse x"],
                html_rows(groups), markdown))
    print()
    print(table(["text page", "form", "clean ms", "floor ms", "clean/floor"], text_rows(groups), markdown))
    if batch_rows(groups):
        print()
        print(table(["batch", "docs", "docs/s", "peak RSS MB"], batch_rows(groups), markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
