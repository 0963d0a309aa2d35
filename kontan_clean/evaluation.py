"""Measuring the cleaner against labelled data: used by the tests and `benchmarks/quality.py`."""

from __future__ import annotations

import csv
import json
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterator

import regex

from .article import Article
from .text.headline import headline_end

SPAN_FILE = "danielmahardhika_kontan_boilerplate_spans.jsonl"
CRAWL_FILE = "danielmahardhika_kontan-news-scraper_kontan.csv"
_MARKER = regex.compile(r"Baca\s+Juga\s*:\s*")


def lost_words(raw: str, article: Article) -> list[str]:
    """Words of `raw` that are neither in the article nor in any recorded removal: text that
    vanished without a filter owning it. Empty when every decision was recorded."""
    accounted = Counter(article.text.split())
    for r in article.removed:
        accounted.update(r.text.split())
    missing = Counter(raw.split()) - accounted
    return sorted(missing.elements())


def word_diff(expected: list[str], got: list[str]) -> tuple[int, int]:
    """(words of `expected` missing from `got`, words of `got` not in `expected`), in order."""
    lost = extra = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, expected, got, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            lost += i2 - i1
        if op in ("insert", "replace"):
            extra += j2 - j1
    return lost, extra


def read_spans(raw_dir: Path) -> Iterator[tuple[str, dict]]:
    """(flattened body, span record) for each article of the labelled crawl."""
    csv.field_size_limit(1 << 30)
    with open(raw_dir / CRAWL_FILE, encoding="utf-8") as f:
        bodies = {row["link"]: row["paragraf"] for row in csv.DictReader(f)}
    with open(raw_dir / SPAN_FILE, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield bodies[record["link"]], record


def headline_end_rate(raw_dir: Path) -> tuple[float, int]:
    """Share of resolved `Baca Juga` spans whose headline end `headline_end` finds exactly (a
    cut short is a miss as much as one too long), and their count."""
    exact = total = 0
    for body, record in read_spans(raw_dir):
        for span in record["spans"]:
            if span["kind"] != "baca_juga":
                continue
            total += 1
            start = _MARKER.match(body, span["start"]).end()  # type: ignore[union-attr] # a span starts at a marker
            end = headline_end(body, start)
            exact += body[min(end, span["end"]):max(end, span["end"])].strip() == ""  # short or long: a miss
    return (exact / total if total else 0.0), total


_CONTEXT_WORDS = 6


def inline_promo_report(raw_dir: Path, clean) -> dict[str, int]:
    """How the resolved `Baca Juga` spans of the labelled crawl come out of `clean()`, end to end.

    A span is `exact` when the text right after it opens a paragraph of the article (so the
    headline left no tail and took no word of the next sentence) and, where nothing follows
    it before the next label, no paragraph ends with the headline's last words. Misses are
    `short` (the next paragraph opens with the headline's tail), `long` (it opens later than
    the next sentence) or `other`. Where what follows was removed as boilerplate too (a
    syndication credit), only the headline's tail is looked for. `markers` counts the
    articles with `Baca Juga` left in their text.
    """
    totals: Counter[str] = Counter()
    for body, record in read_spans(raw_dir):
        labelled = [s for s in record["spans"] if s["kind"] == "baca_juga"]
        if not labelled:
            continue
        article = clean(body)
        totals["markers"] += "Baca Juga" in article.text
        for span in labelled:
            totals["total"] += 1
            totals[_span_outcome(body, record["spans"], span, article)] += 1
    return dict(totals)


def _span_outcome(body: str, spans: list[dict], span: dict, article: Article) -> str:
    paragraphs = [p.split() for p in article.paragraphs]
    later = [s["start"] for s in spans if s["start"] >= span["end"]]
    following = body[span["end"]:min(later, default=len(body))].split()
    after = following[:_CONTEXT_WORDS]
    headline = body[_MARKER.match(body, span["start"]).end():span["end"]].split()  # type: ignore[union-attr]
    elsewhere = " ".join(" ".join(r.text.split()) for r in article.removed if r.filter != "promos")
    if not after or " ".join(after) in elsewhere:  # nothing after it, or what follows was boilerplate too
        tail = headline[-3:]
        return "short" if any(p[-len(tail):] == tail for p in paragraphs) else "exact"
    starts = {tuple(p[:_CONTEXT_WORDS + len(headline)]) for p in paragraphs}
    if any(s[:len(after)] == tuple(after) for s in starts):
        return "exact"
    tails = [tuple(headline[i:] + after) for i in range(1, len(headline))]
    if any(s[:len(tail)] == tail for s in starts for tail in tails):
        return "short"
    if any(s[:3] == tuple(following[j:j + 3]) for s in starts for j in range(1, min(len(following) - 2, 40))):
        return "long"
    return "other"


def span_body_report(raw_dir: Path, clean) -> dict[str, int]:
    """Body words lost and boilerplate words left over the labelled crawl.

    The expected body is the crawled text minus the labelled spans and the dateline. Where
    a `Baca Juga` headline is unlabelled (marker only), the cleaner's own cut is taken as
    right, so these figures count errors only where the truth is known.
    """
    totals: Counter[str] = Counter()
    for body, record in read_spans(raw_dir):
        if not record["spans"]:
            continue
        article = clean(body)
        expected = span_expected_body(body, record, article).split()
        lost, extra = word_diff(expected, article.text.split())
        totals["articles"] += 1
        totals["body_words"] += len(expected)
        totals["lost_words"] += lost
        totals["left_words"] += extra
    return dict(totals)


def span_expected_body(body: str, record: dict, article: Article) -> str:
    """The expected body of one article of the span file: the crawl text minus its labelled
    spans; for an unlabelled `Baca Juga` headline, minus the cleaner's own cut; minus what the
    labels leave out and the cleaner removed (the dateline prefix and `Tonton:` promos)."""
    cuts = [(s["start"], s["end"]) for s in record["spans"]]
    for s in record["spans"]:
        if s["kind"] == "baca_juga_marker_only":
            cuts.append(_own_cut(body, s["start"], article))
    for r in article.removed:
        if r.filter == "dateline_prefix" or r.text.startswith("Tonton:"):
            cuts.extend(m.span() for m in [_loose(r.text).search(body)] if m)
    return _without(body, cuts)


def _loose(text: str) -> regex.Pattern:
    """`text` as a pattern that allows any whitespace between its words."""
    return regex.compile(r"\s+".join(regex.escape(w) for w in text.split()))


def _own_cut(body: str, start: int, article: Article) -> tuple[int, int]:
    for r in article.removed:
        if r.filter == "promos" and (m := _loose(r.text).match(body, start)):
            return m.span()
    return start, _MARKER.match(body, start).end()  # type: ignore[union-attr] # a span starts at a marker


def _without(text: str, cuts: list[tuple[int, int]]) -> str:
    keep, pos = [], 0
    for a, b in sorted(cuts):
        if a > pos:
            keep.append(text[pos:a])
        pos = max(pos, b)
    keep.append(text[pos:])
    return " ".join(keep)
