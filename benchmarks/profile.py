"""Where `clean()` spends its time on one page: the reader, recognition, each filter, the
rechecks after the last filter, the settling and the assembly of the `Article`, each the median CPU time of
many rounds, beside the floor `speed.py` compares it with (a whole lxml parse for HTML, a
scan of every line for text).

    python benchmarks/profile.py samples/html/amp.html samples/text/amp_lead_whole_body_cut.txt [--rounds 200]

The steps are timed one by one as `Pipeline.run` runs them (the same order, the same
rechecks), and the run stops if the result differs from `clean()`'s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kontan_clean import clean  # noqa: E402
from kontan_clean.api import default_pipeline, to_article  # noqa: E402
from kontan_clean.model import Block  # noqa: E402
from kontan_clean.readers import read  # noqa: E402
from kontan_clean.recognition import recognise  # noqa: E402
from speed import text_floor  # noqa: E402


def _now() -> int:
    return time.thread_time_ns()


def one_round(page: str | bytes) -> tuple[dict[str, int], str]:
    """The CPU time of each step of one `clean(page)`, and the text it gave."""
    took: dict[str, int] = {}
    t = _now()
    doc = read(page)
    took["read"] = _now() - t
    t = _now()
    recognise(doc)
    took["recognise"] = _now() - t
    pipeline = default_pipeline()
    touched_at: dict[Block, int] = {}
    doc.touched.clear()
    for i, step in enumerate(pipeline):
        t = _now()
        step(doc)
        took[f"filter {step.name}"] = _now() - t
        if doc.touched:
            touched_at.update(dict.fromkeys(doc.touched, i))
            doc.touched.clear()
    t = _now()
    if touched_at:
        pipeline._recheck(doc, touched_at)  # what Pipeline.run does after its last filter
    took["recheck"] = _now() - t
    t = _now()
    for step in pipeline._settlers():  # then what Pipeline.run does last
        step.settle(doc)
        if doc.touched:
            pipeline._recheck(doc, dict.fromkeys(doc.touched, len(pipeline)))
            doc.touched.clear()
    took["settle"] = _now() - t
    t = _now()
    article = to_article(doc)
    took["to_article"] = _now() - t
    return took, article.text


def profile(path: Path, rounds: int) -> None:
    """Print the median of each step over `rounds` rounds, and the floor."""
    page: str | bytes = path.read_bytes() if path.suffix == ".html" else path.read_text(encoding="utf-8")
    floor = (lambda: lxml.html.fromstring(page)) if isinstance(page, bytes) else (lambda: text_floor(page))
    expected = clean(page).text
    samples: dict[str, list[int]] = defaultdict(list)
    for _ in range(rounds):
        took, text = one_round(page)
        if text != expected:
            raise SystemExit(f"{path}: the timed steps gave another text than clean()")
        for step, ns in took.items():
            samples[step].append(ns)
        t = _now()
        floor()
        samples["floor"].append(_now() - t)
    medians = {step: statistics.median(ns) / 1000 for step, ns in samples.items()}
    total = sum(v for k, v in medians.items() if k != "floor")
    print(f"\n{path.name}: clean {total:.1f} us (sum of step medians), floor {medians['floor']:.1f} us, "
          f"ratio {total / medians['floor']:.1f}")
    for step, us in sorted(medians.items(), key=lambda kv: -kv[1]):
        if step != "floor":
            print(f"  {step:28} {us:8.1f} us  {100 * us / total:5.1f}%")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", nargs="+", type=Path)
    ap.add_argument("--rounds", type=int, default=200)
    args = ap.parse_args(argv)
    for path in args.pages:
        profile(path, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
