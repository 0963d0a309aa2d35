"""Hostile inputs of a chosen size, and a time-bounded way to clean them: shared by
tests/test_pathological.py and benchmarks/test_scaling.py.

Each builder takes a size in characters and returns a page of about that size whose hostile
part is what a quadratic scan trips over (issue 12's table): a huge attribute value, tags
that are opened and never closed, deep nesting. The HTML ones are the desktop sample with
the hostile part where real pages would have it, so the article itself is still there.

    python3 tests/hostile.py --size 1000000 --timeout 120     # time each builder at 1 MB
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Callable

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLES = ROOT / "samples"
DESKTOP = SAMPLES / "html" / "desktop_2024.html"
MB = 1_000_000


def _desktop() -> str:
    return DESKTOP.read_text(encoding="utf-8")


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters (at least once)."""
    return unit * max(1, size // len(unit))


_SKELETON = ('<html><head><title>Harga Emas Naik - Kontan.co.id</title></head><body>'
             '<div itemprop="articleBody"><p>Harga emas naik tipis pada perdagangan Senin pagi.</p>'
             '<p>Harga perak turun karena permintaan melemah di pasar global.</p></div>{tail}</body></html>')
"""A small kontan page without JSON-LD: the head scan has nothing to stop it early."""


def og_title(size: int) -> str:
    """An `og:title` `<meta>` whose quoted content, `size` letters `a`, is never closed by
    its quote (issue: 100 KB took 148 s, 25 KB 8.8 s)."""
    meta = '<meta property="og:title" content="' + "a" * size + '>'
    return _desktop().replace("<head>", "<head>" + meta, 1)


def unclosed_ld_json(size: int) -> str:
    """Short `ld+json` scripts opened after the body and never closed (30,000 in 1 MB took 345 s)."""
    return _SKELETON.format(tail=_fill('<script type="application/ld+json">{"a":1}', size))


def open_links(size: int) -> str:
    """A canonical `<link ` and then `<link ` again and again, none closed by `>` (80,000 took 51 s)."""
    return ('<html><head><link rel="canonical" ' + _fill("<link ", size) + "</head><body>"
            '<div itemprop="articleBody"><p>Harga emas naik tipis pada perdagangan Senin pagi.</p></div></body></html>')


def deep_open_paragraphs(size: int) -> str:
    """3,000 nested `<div>`s, then `<p ` never closed: a page that is nothing else (80,000
    `<p ` took 33 s)."""
    nest = "<div>" * 3000
    return "<html><body>" + nest + _fill("<p ", max(0, size - len(nest)))


def deep_paragraphs(size: int) -> str:
    """A page of no kontan layout whose paragraphs of text sit 400 `<div>`s deep: trafilatura's
    jusText pass walks every paragraph's path from the root (2.2x an unnested page at 1 MB)."""
    nest = "<div>" * 400
    return "<html><body>" + nest + _paragraphs(max(0, size - len(nest))) + "</body></html>"


def _paragraphs(size: int) -> str:
    """About `size` characters of `<p>` paragraphs, each worded apart (a repeat is dropped)."""
    unit = "<p>Harga emas naik tipis pada perdagangan hari ke-{} karena permintaan investor menguat.</p>"
    return "".join(unit.format(i) for i in range(max(1, size // (len(unit) + 3))))


def equal_paragraphs(size: int) -> str:
    """A kontan body with the desktop sample's longest paragraph printed again and again
    (10,000 copies of a short one took 0.24 s and 40,000 took 3 s: each copy rescanned the
    gap back to the first)."""
    paragraph = max(json.loads(DESKTOP.with_suffix(".expected.json").read_text(encoding="utf-8"))["paragraphs"], key=len)
    return _SKELETON.format(tail="").replace("</div>", _fill(f"<p>{paragraph}</p>", size) + "</div>", 1)


def next_markers(size: int) -> str:
    """A flattened rendering with `x Selanjutnya: Y` over and over in its body (200,000
    took 29 s)."""
    sample = (SAMPLES / "text" / "flattened_defisit_apbn.txt").read_text(encoding="utf-8").strip()
    cut = len(sample) // 2
    return sample[:cut] + " " + _fill("x Selanjutnya: Y ", size) + sample[cut:]


def normal_html(size: int) -> str:
    """The desktop sample with its body paragraphs repeated to about `size`: the yardstick."""
    page = _desktop()
    start = page.index("articleBody")
    for _ in range(3):
        start = page.index("<p>", start + 1)
    end = page.index('<div id="share-it"', start)
    return page[:start] + page[start:end] * max(1, (size - len(page)) // (end - start) + 1) + page[end:]


def normal_unknown(size: int) -> str:
    """A page of no kontan layout, its paragraphs unnested: the yardstick of the fallback."""
    return "<html><body><article>" + _paragraphs(size) + "</article></body></html>"


def normal_flat(size: int) -> str:
    """Flattened samples repeated to about `size`: the yardstick for flattened text."""
    return _fill((SAMPLES / "text" / "flattened_defisit_apbn.txt").read_text(encoding="utf-8").strip() + " ", size)


HOSTILE: dict[str, Callable[[int], str]] = {
    "og_title": og_title, "unclosed_ld_json": unclosed_ld_json, "open_links": open_links,
    "deep_open_paragraphs": deep_open_paragraphs, "deep_paragraphs": deep_paragraphs,
    "equal_paragraphs": equal_paragraphs, "next_markers": next_markers,
}
"""The hostile builders, by name."""
KEEPS: dict[str, str | None] = {
    "og_title": json.loads(DESKTOP.with_suffix(".expected.json").read_text(encoding="utf-8"))["paragraphs"][0][:40],
    "unclosed_ld_json": "Harga emas naik tipis", "open_links": "Harga emas naik tipis",
    "deep_open_paragraphs": None, "deep_paragraphs": "Harga emas naik tipis",
    "equal_paragraphs": "Harga perak turun", "next_markers": "defisit",
}
"""Text of the page's own article each hostile page's result must hold (None: the page is
nothing but its hostile part)."""
NORMAL: dict[str, Callable[[int], str]] = {"normal_html": normal_html, "normal_flat": normal_flat,
                                           "normal_unknown": normal_unknown}
UNKNOWN_LAYOUT = frozenset({"deep_open_paragraphs", "deep_paragraphs"})
"""Builders with no kontan article at all: they go to the fallback by design, so their
yardstick is a normal page of no kontan layout, not a normal kontan page."""
YARDSTICK = {name: "normal_flat" if name == "next_markers" else "normal_unknown" if name in UNKNOWN_LAYOUT
             else "normal_html" for name in HOSTILE}
"""The normal page each hostile one is compared with (same form, same size)."""
BUILDERS = {**HOSTILE, **NORMAL}

_CHILD = """
import json, sys, time
sys.path[:0] = [{tests!r}, {root!r}]
import hostile
from kontan_clean import KontanCleanError, clean
page = hostile.BUILDERS[{name!r}]({size!r})
start = time.process_time()
try:
    outcome = "Article" if clean(page).paragraphs else "empty"
except KontanCleanError as exc:
    outcome = type(exc).__name__
print(json.dumps(dict(seconds=time.process_time() - start, outcome=outcome, chars=len(page))))
"""


def timed_clean(name: str, size: int, timeout: float) -> dict:
    """Clean `BUILDERS[name](size)` in a fresh interpreter: {seconds (CPU), outcome, chars},
    or {seconds: None, outcome: "timeout"} when it did not finish within `timeout` (wall)."""
    code = _CHILD.format(tests=str(TESTS), root=str(ROOT), name=name, size=size)
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "outcome": "timeout", "chars": None}
    if proc.returncode != 0:
        return {"seconds": None, "outcome": "crashed: " + proc.stderr.strip().splitlines()[-1], "chars": None}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Time every builder at one size, each in its own process, and print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=MB)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("names", nargs="*", default=list(BUILDERS))
    args = ap.parse_args(argv)
    for name in args.names:
        got = timed_clean(name, args.size, args.timeout)
        took = f"{got['seconds']:.2f} s" if got["seconds"] is not None else f"> {args.timeout:.0f} s"
        print(f"{name:22} {args.size:>9} chars  {took:>10}  {got['outcome']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
