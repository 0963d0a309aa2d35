"""Quality report: how much article body kontan_clean keeps and how much boilerplate it leaves,
per input form, next to the general-purpose extractors on the same HTML pages.

    python benchmarks/quality.py              # plain aligned tables
    python benchmarks/quality.py --markdown   # GitHub-flavoured Markdown tables (for the README)
    python benchmarks/quality.py --per-doc    # also one row per document

Inputs: the team's samples (`samples/text/*.txt`, `samples/html/*.html` and their
`*.rendered.txt`, each checked against `NAME.expected.json`) and, when it is present, the real
crawl in `../shared/corpus/` (gold bodies, flattened bodies, the labelled span file). Without the
corpus those rows are skipped with a line saying so.

Figures (all micro-averaged: summed over the documents of a row, then divided):
- body recall: expected body words kept, in order: `1 - lost / expected words`, where `lost`
  comes from `evaluation.word_diff` (difflib over the two word lists, `str.split()` words);
- boilerplate words: output words that are not in the expected body, in order (the other half
  of `word_diff`);
- boilerplate pieces: occurrences in the output of the known pieces in `BOILERPLATE_PIECES`
  and of the page title, less their occurrences in the expected body (so a body that really
  says "WhatsApp" is not counted);
- metadata: exact match of each field of `Article.to_dict()` against the expected file (for a
  text rendering only the fields a rendering carries; see `rendering_view`).

The corpus labels leave some boilerplate unlabelled; how the expected bodies make up for it is
in `expected_gold_body`, `span_true_body` and `lossy_expected_body`. Everything is
deterministic: the same checkout and packages print the same tables.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import regex

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a fresh clone, installed or not
    sys.path.insert(0, str(ROOT))

from kontan_clean import Article, clean  # noqa: E402
from kontan_clean.evaluation import (  # noqa: E402
    CRAWL_FILE, SPAN_FILE, headline_end_rate, read_spans, span_body_report, span_expected_body, word_diff,
)

SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"

# ---------------------------------------------------------------------------------------------
# Data: what counts as a piece of boilerplate, which fields are metadata.
# ---------------------------------------------------------------------------------------------

from kontan_clean.site.vocab import TICKERS as TICKER_NAMES  # noqa: E402

BOILERPLATE_PIECES: tuple[tuple[str, str], ...] = (
    # (label, pattern). Case-sensitive; overlapping matches of one pattern count once.
    ("Baca Juga", r"Baca\s+Juga\b"),
    ("Selanjutnya:", r"Selanjutnya\s*:"),
    ("Menarik Dibaca", r"Menarik\s+Dibaca"),
    ("Tonton:", r"Tonton\s*:"),
    # The Google News footer, also as the lossy crawls cut it: "Cek Berita dan Artikel yang lain di".
    ("Google News", r"Cek\s+Berita\s+dan\s+Artikel\s+yang\s+lain\s+di(?:\s+Google\s+News)?|Google\s+News"),
    ("KONTAN.CO.ID", r"KONTAN\.CO\.ID"),
    ("Reporter:", r"Reporter\s*:"),
    ("| Editor:", r"\|\s*Editor\s*:"),
    ("TERBARU", r"\bTERBARU\b"),
    ("Kontan Academy", r"Kontan\s+Academy"),
    ("WEBINAR", r"\bWEBINAR\b"),
    ("[X]", r"\[X\]"),
    ("×", r"×"),
    ("ticker line", r"(?<![\w/])(?:" + "|".join(regex.escape(t) for t in TICKER_NAMES) + r")\s+\d{1,3}(?:\.\d{3})*(?:,\d+)?\s+[-+]?\d"),
    ("WhatsApp", r"WhatsApp"),
    ("Artikel ini telah tayang", r"Artikel\s+ini\s+telah\s+tayang"),
    ("Klik untuk baca", r"Klik\s+untuk\s+baca"),
    ("BELI SEKARANG", r"BELI\s+SEKARANG"),
    ("Sudah berlangganan?", r"Sudah\s+berlangganan\?"),
)
_PIECES = tuple((label, regex.compile(pattern)) for label, pattern in BOILERPLATE_PIECES)
TITLE_PIECE = "page title"

META_FIELDS = ("title", "published", "reporters", "editor", "source", "dateline", "caption", "category", "tags", "related")

# Corpus boilerplate the corpus labels leave in (see expected_gold_body, span_true_body).
GOLD_DATELINE = regex.compile(r"^\s*KONTAN\.CO\.ID\s*[-–—]\s*[^.]{1,60}?\s*\.\s*")
# A syndicated article's credit runs to the end of the text (samples/README.md: not body).
SYNDICATION = regex.compile(r"\s*Artikel\s+ini\s+telah\s+tayang\s+di\b.*\Z", regex.S)
LOSSY_FOOTER = regex.compile(r"\s*Cek\s+Berita\s+dan\s+Artikel\s+yang\s+lain\s+di(?:\s+Google\s+News)?\s*$")
LOSSY_PROMO = regex.compile(r"Baca\s+Juga\s*:.*?(?=\s{2,}|$)")  # a promo paragraph ends where the crawl joined two <p>

# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def count_pieces(output: str, expected: str | None, title: str | None = None) -> Counter:
    """Known boilerplate pieces in `output` (and the page `title` repeated), less those the
    expected body itself contains."""
    out, exp = " ".join(output.split()), " ".join((expected or "").split())
    found = Counter()
    for label, pattern in _PIECES:
        n = len(pattern.findall(out)) - len(pattern.findall(exp))
        if n > 0:
            found[label] = n
    if title and (t := " ".join(title.split())):
        n = out.count(t) - exp.count(t)
        if n > 0:
            found[TITLE_PIECE] = n
    return found


@dataclass
class BodyScore:
    """Body recall and boilerplate left, summed over the documents of one table row."""

    docs: int = 0
    body_words: int = 0
    lost_words: int = 0
    extra_words: int = 0
    pieces: Counter = field(default_factory=Counter)
    labelled: bool = True
    """False when some document had no expected body (recall and words are then unknown)."""
    failures: int = 0
    """Documents the tool raised on or returned nothing for (scored as empty output)."""

    def add(self, output: str, expected: str | None, title: str | None = None) -> None:
        """Score one document: `expected` is the true body, or None when it is not known."""
        self.docs += 1
        self.pieces += count_pieces(output, expected, title)
        if expected is None:
            self.labelled = False
            return
        want = expected.split()
        lost, extra = word_diff(want, output.split())
        self.body_words += len(want)
        self.lost_words += lost
        self.extra_words += extra

    @property
    def recall(self) -> float | None:
        """Share of expected body words kept, or None when unknown."""
        if not self.labelled or not self.body_words:
            return None
        return 1 - self.lost_words / self.body_words


@dataclass
class MetaScore:
    """Exact matches per metadata field over the documents of one row."""

    docs: int = 0
    matched: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    fields: tuple[str, ...] = META_FIELDS
    """The fields this tool gives; the others are shown as not available."""

    def add(self, got: dict, expected: dict) -> None:
        """Compare `got[f]` with `expected[f]` for every field the expected file has."""
        self.docs += 1
        for f in self.fields:
            if f in expected:
                self.present[f] += 1
                self.matched[f] += got.get(f) == expected[f]


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """One team-written input page with its hand-checked expected output."""

    name: str
    path: Path
    expected: dict

    @property
    def body(self) -> str:
        """The expected body, paragraphs joined by a blank line."""
        return "\n\n".join(self.expected["paragraphs"])

    def content(self) -> str | bytes:
        """The page as `clean()` is given it: bytes for HTML, text otherwise."""
        return self.path.read_bytes() if self.path.suffix == ".html" else self.path.read_text(encoding="utf-8")


def load_samples(kind: str, suffix: str) -> list[Sample]:
    """`samples/<kind>/NAME<suffix>` that have a `NAME.expected.json`, sorted by name."""
    out = []
    for exp in sorted((SAMPLES / kind).glob("*.expected.json")):
        name = exp.name.removesuffix(".expected.json")
        if (page := exp.with_name(name + suffix)).exists():
            out.append(Sample(name, page, json.loads(exp.read_text(encoding="utf-8"))))
    return out


def rendering_view(d: dict) -> dict:
    """The metadata a text rendering can carry: no breadcrumb category, no tags, no link URLs
    (the expected files describe the HTML page; see the parity test in tests/test_samples.py)."""
    view = {k: v for k, v in d.items() if k not in ("category", "tags")}
    if "related" in view:
        view["related"] = [{**r, "url": None} for r in view["related"]]
    return view


def is_fallback(sample: Sample) -> bool:
    """A page the cleaner is expected to hand to its trafilatura fallback."""
    return sample.expected.get("extractor") == "trafilatura"


# ---------------------------------------------------------------------------------------------
# The extractors compared on HTML
# ---------------------------------------------------------------------------------------------

Extractor = Callable[[bytes], str]


def _kontan_clean() -> Extractor:
    return lambda page: clean(page).text


def _trafilatura() -> Extractor:
    trafilatura = importlib.import_module("trafilatura")
    return lambda page: trafilatura.extract(page) or ""


def _justext() -> Extractor:
    justext = importlib.import_module("justext")
    stoplist = justext.get_stoplist("Indonesian")
    return lambda page: "\n\n".join(p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate)


READABILITY_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre", "blockquote")


def _readability() -> Extractor:
    readability = importlib.import_module("readability")
    lxml_html = importlib.import_module("lxml.html")

    def block_text(el) -> str:
        if el.tag == "tr":  # cells side by side, not glued together
            return " ".join(cell.text_content() for cell in el if cell.tag in ("td", "th"))
        return el.text_content()

    def extract(page: bytes) -> str:
        summary = lxml_html.fromstring(readability.Document(page).summary())
        blocks = [el for el in summary.iter(*READABILITY_BLOCKS)
                  if not any(a.tag in READABILITY_BLOCKS for a in el.iterancestors())]
        return "\n\n".join(map(block_text, blocks)) if blocks else summary.text_content()

    return extract


def _resiliparse() -> Extractor:
    html2text = importlib.import_module("resiliparse.extract.html2text")
    parse = importlib.import_module("resiliparse.parse.html")
    encoding = importlib.import_module("resiliparse.parse.encoding")

    def extract(page: bytes) -> str:
        tree = parse.HTMLTree.parse_from_bytes(page, encoding.detect_encoding(page))
        return html2text.extract_plain_text(tree, main_content=True)

    return extract


EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "kontan_clean": _kontan_clean,
    "trafilatura": _trafilatura,
    "jusText": _justext,
    "readability": _readability,
    "resiliparse": _resiliparse,
}


def load_extractor(name: str) -> Extractor | None:
    """The extractor called `name`, or None when its package is not installed."""
    try:
        return EXTRACTORS[name]()
    except ImportError:
        return None


def trafilatura_metadata(page: bytes) -> dict | None:
    """title, published (date only) and reporters from trafilatura's `bare_extraction`, or
    None when trafilatura is not installed."""
    try:
        trafilatura = importlib.import_module("trafilatura")
    except ImportError:
        return None
    doc = trafilatura.bare_extraction(page, with_metadata=True)
    if doc is None:
        return {}
    return {
        "title": doc.title,
        "published": doc.date,
        "reporters": [a.strip() for a in doc.author.split(";")] if doc.author else [],
    }


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


@dataclass
class Report:
    """Everything the tables print, row by row, in insertion order."""

    body: dict[tuple[str, str], BodyScore] = field(default_factory=dict)
    meta: dict[tuple[str, str], MetaScore] = field(default_factory=dict)
    missing: set[tuple[str, str]] = field(default_factory=set)
    per_doc: list[tuple[str, str, str, BodyScore]] = field(default_factory=list)
    span: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def body_row(self, tool: str, label: str) -> BodyScore:
        """The body row (tool, label), created on first use."""
        return self.body.setdefault((tool, label), BodyScore())

    def meta_row(self, tool: str, label: str, fields: tuple[str, ...] = META_FIELDS) -> MetaScore:
        """The metadata row (tool, label), created on first use."""
        return self.meta.setdefault((tool, label), MetaScore(fields=fields))

    def score(self, tool: str, label: str, doc: str, output: str, expected: str | None,
              title: str | None = None, *, failed: bool = False, per_doc: bool = True) -> None:
        """Add one document to the body row (tool, label) and, unless told not to, to the
        per-document list."""
        row = self.body_row(tool, label)
        row.add(output, expected, title)
        row.failures += failed
        if per_doc:
            one = BodyScore(failures=int(failed))
            one.add(output, expected, title)
            self.per_doc.append((tool, label, doc, one))


TEXT_FORMS = ("desktop", "body", "amp", "flattened", "insight")
"""The values of `Article.form` for text input, in the order their rows are printed."""


def score_text_samples(report: Report) -> None:
    """kontan_clean on the text renderings: rows by file-name prefix, then by the form it
    recognised (`Article.form`). The `*.rendered.txt` of the HTML samples are desktop text."""
    rendered = load_samples("html", ".rendered.txt")
    results = [(s, clean(s.content(), url=s.expected.get("url")), s in rendered)
               for s in load_samples("text", ".txt") + rendered]
    for sample, article, is_rendering in results:
        label = "text *.rendered.txt of html/" if is_rendering else f"text {sample.name.split('_')[0]}_*"
        _score_article(report, label, sample, article, is_rendering)
    seen = {article.form for _, article, _ in results}
    for form in TEXT_FORMS + tuple(sorted(seen - set(TEXT_FORMS))):
        for sample, article, is_rendering in results:
            if article.form == form:
                _score_article(report, f"text form={form}", sample, article, is_rendering, per_doc=False)


def _score_article(report: Report, label: str, sample: Sample, article: Article, is_rendering: bool,
                   per_doc: bool = True) -> None:
    report.score("kontan_clean", label, sample.name, article.text, sample.body, sample.expected.get("title"), per_doc=per_doc)
    got, expected = article.to_dict(), sample.expected
    if is_rendering:
        got, expected = rendering_view(got), rendering_view(expected)
    report.meta_row("kontan_clean", label).add(got, expected)


def html_groups(samples: list[Sample]) -> list[tuple[str, list[Sample]]]:
    """The kontan pages, and apart from them the two pages kontan_clean hands to its fallback."""
    return [("html", [s for s in samples if not is_fallback(s)]),
            ("html fallback_*", [s for s in samples if is_fallback(s)])]


def score_html_samples(report: Report) -> None:
    """Every extractor on the HTML samples (bodies), kontan_clean and trafilatura (metadata)."""
    samples = load_samples("html", ".html")
    pages = {s.name: s.content() for s in samples}
    for tool in EXTRACTORS:
        extract = load_extractor(tool)
        for group, members in html_groups(samples):
            if extract is None:
                report.missing.add((tool, group))
                report.body_row(tool, group)
                continue
            for s in members:
                output, failed = _run(extract, pages[s.name])
                report.score(tool, group, s.name, output, s.body, s.expected.get("title"), failed=failed)
    for group, members in html_groups(samples):
        for s in members:
            report.meta_row("kontan_clean", group).add(clean(pages[s.name], url=s.expected.get("url")).to_dict(), s.expected)
        for s in members:
            if (got := trafilatura_metadata(pages[s.name])) is None:
                break  # not installed: its body rows say so
            expected = dict(s.expected)
            if expected.get("published"):
                expected["published"] = expected["published"][:10]  # trafilatura gives the day only
            report.meta_row("trafilatura", group, ("title", "published", "reporters")).add(got, expected)


def _run(extract: Extractor, page: bytes) -> tuple[str, bool]:
    """(output, failed): a tool that raises or returns nothing is scored as empty output."""
    try:
        out = extract(page)
    except Exception:  # noqa: BLE001 - a third-party tool failing on a page is a result, not a crash
        return "", True
    return out or "", not out


# ---------------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------------


class CachedClean:
    """`clean` with each distinct input cleaned once (the span file is read by two helpers)."""

    def __init__(self) -> None:
        self._seen: dict[str, Article] = {}

    def __call__(self, body: str) -> Article:
        if body not in self._seen:
            self._seen[body] = clean(body)
        return self._seen[body]


def score_corpus(report: Report, corpus: Path) -> None:
    """kontan_clean on the gold bodies, the flattened bodies and the span file."""
    cached = CachedClean()
    records = list(read_spans(corpus / "raw"))
    by_body = {}
    for body, record in records:  # a few crawl rows repeat an article under a second link
        by_body.setdefault(body, record)
    byline = unlabelled_byline(records)

    for path in sorted((corpus / "gold").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        report.score("kontan_clean", "corpus gold/", path.name, cached(text).text, expected_gold_body(text))

    for path in sorted((corpus / "flattened").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = cached(text)
        if (record := by_body.get(text)) is not None:
            label, expected, title = "corpus flattened/ (span labels)", span_true_body(text, record, article, byline), record["judul"]
        else:
            label, expected, title = "corpus flattened/ (lossy, derived)", lossy_expected_body(text), None
        report.score("kontan_clean", label, path.name, article.text, expected, title)

    row = report.body_row("kontan_clean", "corpus span file")
    as_labelled = BodyScore()  # the span file's own definition, to check against span_body_report
    meta = report.meta_row("kontan_clean", "corpus span file (byline spans)", ("reporters", "editor", "source"))
    for body, record in records:
        if not record["spans"]:
            continue
        article = cached(body)
        row.add(article.text, span_true_body(body, record, article, byline), record["judul"])
        as_labelled.add(article.text, span_expected_body(body, record, article))
        if (expected := byline_metadata(record)) is not None:
            meta.add(article.to_dict(), expected)
    totals = span_body_report(corpus / "raw", cached)
    rate, resolved = headline_end_rate(corpus / "raw")
    report.span = {"totals": totals, "rate": rate, "resolved": resolved, "row": row}
    if (totals.get("body_words"), totals.get("lost_words"), totals.get("left_words")) != (
        as_labelled.body_words, as_labelled.lost_words, as_labelled.extra_words
    ):
        report.notes.append(
            f"WARNING: span_expected_body disagrees with evaluation.span_body_report ({totals} vs "
            f"{as_labelled.body_words}/{as_labelled.lost_words}/{as_labelled.extra_words}): the corpus rows may be off."
        )


def expected_gold_body(text: str) -> str:
    """A gold body minus its `KONTAN.CO.ID - CITY.` dateline and, where the article was
    syndicated, the `Artikel ini telah tayang di ...` credit at its end."""
    return SYNDICATION.sub("", GOLD_DATELINE.sub("", text, count=1))


def span_true_body(body: str, record: dict, article: Article, byline: regex.Pattern) -> str:
    """`span_expected_body` less two kinds of boilerplate the span file leaves unlabelled:
    the syndication credit at the end, and the `Sumber: X | Editor: NAME` header of the few
    articles without a `byline_header` span (NAME one of the editors of the labelled headers,
    with a bare `CITY .` dateline after it). Neither cut comes from the cleaner's output."""
    expected = span_expected_body(body, record, article)
    if not any(s["kind"] == "byline_header" for s in record["spans"]):
        expected = byline.sub("", expected, count=1)
    return SYNDICATION.sub("", expected)


def unlabelled_byline(records: Sequence[tuple[str, dict]]) -> regex.Pattern:
    """A pattern for a byline header at the start of a text, with the editor names the span
    file's labelled headers use (so an editor name never runs on into the body)."""
    editors = {m.group(1) for _, r in records for s in r["spans"]
               if s["kind"] == "byline_header" and (m := regex.search(r"Editor\s*:\s*(.+?)\s*$", s["text"]))}
    names = "|".join(regex.escape(e) for e in sorted(editors, key=lambda e: (-len(e), e)))
    return regex.compile(
        rf"^\s*(?:Reporter|Sumber)\s*:[^|]{{1,80}}\|\s*Editor\s*:\s*(?:{names})(?!\w)"
        r"(?:\s+[A-Z]{2,}(?:[ /][A-Z]{2,})*\s?\.(?=\s))?"
    )


def byline_metadata(record: dict) -> dict | None:
    """reporters, editor and source as the labelled byline header prints them (the samples'
    rule: `Sumber: X` and `Reporter: <a site>` give a source and no reporters), or None."""
    header = next((s["text"] for s in record["spans"] if s["kind"] == "byline_header"), None)
    m = header and regex.match(r"\s*(Reporter|Sumber)\s*:\s*(.*?)\s*\|\s*Editor\s*:\s*(.+?)\s*$", header)
    if not m:
        return None
    kind, names, editor = m.groups()
    if kind == "Sumber" or "." in names:
        return {"reporters": [], "editor": editor, "source": names}
    return {"reporters": [n.strip() for n in regex.split(r",|\bdan\b", names) if n.strip()], "editor": editor, "source": None}


def lossy_expected_body(text: str) -> str:
    """The body of an unlabelled lossy crawl row (2021-22): the text minus its trailing
    `Cek Berita dan Artikel yang lain di` footer and any `Baca Juga:` paragraph (which ends
    at the next run of two spaces, where the crawl joined two `<p>`)."""
    return LOSSY_PROMO.sub(" ", LOSSY_FOOTER.sub("", text))


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


def render(title: str, header: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool,
           right: Sequence[bool] | None = None) -> str:
    """One table, aligned plain text or a GitHub-flavoured Markdown table."""
    right = right or [i > 1 for i in range(len(header))]
    if markdown:
        cells = [[_md(c) for c in r] for r in [header, *rows]]
        rule = ["---:" if r else ":---" for r in right]
        lines = [f"### {title}", "", *("| " + " | ".join(r) + " |" for r in [cells[0], rule, *cells[1:]])]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.rjust(w) if a else c.ljust(w) for c, w, a in zip(r, widths, right)).rstrip()  # noqa: E731
    return "\n".join([title, fmt(header), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("*", "\\*")


def body_table(report: Report, markdown: bool) -> str:
    """Body recall and boilerplate left, one row per (tool, input)."""
    header = ["tool", "input", "docs", "body recall %", "boilerplate pieces", "boilerplate words"]
    rows = []
    for (tool, label), s in report.body.items():
        if (tool, label) in report.missing:
            rows.append([tool, label, "not installed", "", "", ""])
            continue
        recall = "—" if s.recall is None else f"{100 * s.recall:.2f}"
        words = str(s.extra_words) if s.labelled else "—"
        docs = f"{s.docs}" + (f" ({s.failures} empty)" if s.failures else "")
        rows.append([tool, label, docs, recall, str(sum(s.pieces.values())), words])
    return render("Body and boilerplate (kontan_clean on every form; all tools on the same HTML pages)", header, rows, markdown)


def meta_table(report: Report, markdown: bool) -> str:
    """Metadata exact matches per field: `matched/expected`, `—` where the tool gives no such field."""
    header = ["tool", "input", "docs", *META_FIELDS]
    rows = []
    for (tool, label), m in report.meta.items():
        if not m.docs:
            continue
        cells = [f"{m.matched[f]}/{m.present[f]}" if f in m.fields and m.present[f] else "—" for f in META_FIELDS]
        rows.append([tool, label, str(m.docs), *cells])
    return render("Metadata exact match (matched/expected; trafilatura: published compared by day)", header, rows, markdown)


def span_table(report: Report, markdown: bool) -> str:
    """The span-file figures: exact headline ends, body words lost, boilerplate left; as
    `span_body_report` counts them and with the label gaps cut (`span_true_body`)."""
    t, row = report.span["totals"], report.span["row"]

    def share(n: int, of: int) -> str:
        return f"{n} ({100 * n / of:.2f}%)" if of else str(n)

    body = t.get("body_words", 0)
    rows = [
        ["articles with labelled spans", str(t.get("articles", 0)), str(row.docs)],
        ["Baca Juga headlines with a known end", str(report.span["resolved"]), ""],
        ["exact headline ends", f"{100 * report.span['rate']:.2f}%", ""],
        ["expected body words", str(body), str(row.body_words)],
        ["body words lost", share(t.get("lost_words", 0), body), share(row.lost_words, row.body_words)],
        ["boilerplate words left", share(t.get("left_words", 0), body), share(row.extra_words, row.body_words)],
        ["boilerplate pieces left", "", str(sum(row.pieces.values())) + (f" ({_pieces(row.pieces)})" if row.pieces else "")],
    ]
    header = ["figure", "span_body_report", "label gaps cut"]
    return render(f"Span file ({SPAN_FILE}, labels derived)", header, rows, markdown, right=[False, True, True])


def per_doc_table(report: Report, markdown: bool) -> str:
    """One row per document: where a row's figures come from."""
    header = ["tool", "input", "document", "recall %", "pieces", "words", "which pieces"]
    rows = []
    for tool, label, doc, s in report.per_doc:
        recall = "—" if s.recall is None else f"{100 * s.recall:.2f}"
        rows.append([tool, label, doc, recall, str(sum(s.pieces.values())), str(s.extra_words) if s.labelled else "—", _pieces(s.pieces)])
    return render("Per document", header, rows, markdown, right=[False, False, False, True, True, True, False])


def _pieces(pieces: Counter) -> str:
    return ", ".join(f"{k} ×{v}" for k, v in sorted(pieces.items()))


def pieces_table(report: Report, markdown: bool) -> str:
    """Which boilerplate pieces each row left, by name."""
    rows = [[tool, label, _pieces(s.pieces)] for (tool, label), s in report.body.items() if s.pieces]
    return render("Boilerplate pieces left, by piece", ["tool", "input", "pieces"], rows, markdown, right=[False, False, False])


def methods(markdown: bool) -> str:
    """How the figures are computed, printed under the tables."""
    lines = [
        "body recall %: expected body words kept, in order: 1 - lost/expected, lost from evaluation.word_diff "
        "(difflib over str.split() words), summed over the row's documents.",
        "boilerplate words: output words not in the expected body, in order (the other half of word_diff).",
        "boilerplate pieces: matches in the output of the BOILERPLATE_PIECES patterns (quality.py) and of the page title, "
        "less their matches in the expected body.",
        "expected body: samples: the expected file's paragraphs. gold/: the text minus its KONTAN.CO.ID - CITY. dateline "
        "and a trailing 'Artikel ini telah tayang di ...' credit. flattened/ and span file: the crawl text minus the labelled "
        "spans and the dateline (evaluation.span_body_report), and minus two things the span file leaves unlabelled: "
        "the syndication credit and the Sumber:/Editor: header of the 4 articles without a byline span (column "
        "'label gaps cut'). Lossy flattened/ (no labels): the text minus its trailing Google News footer and Baca Juga paragraphs.",
        "metadata: exact match of Article.to_dict()[field] with the expected file, where it has the field. *.rendered.txt: "
        "category, tags and related URLs are not in a text rendering, so they are not compared. trafilatura: "
        "bare_extraction(with_metadata=True) title, date (against the day of published) and author split on ';'. "
        "corpus span file: reporters, editor and source as printed in the labelled byline header.",
        "tools: trafilatura.extract(page); jusText non-boilerplate paragraphs with its Indonesian stoplist; "
        "readability Document(page).summary(), text of its paragraphs (p, h1-h6, li, table rows, pre, blockquote); "
        "resiliparse extract_plain_text(main_content=True) after detect_encoding; each given the page's bytes.",
    ]
    return "\n".join(("- " if markdown else "  ") + line for line in lines)


# ---------------------------------------------------------------------------------------------


def build_report(corpus: Path = CORPUS) -> Report:
    """Score everything: samples always, the corpus when present."""
    report = Report()
    score_text_samples(report)
    score_html_samples(report)
    if corpus.is_dir() and (corpus / "raw" / CRAWL_FILE).exists():
        report.notes.insert(0, f"corpus: {os.path.relpath(corpus, ROOT)}")
        score_corpus(report, corpus)
    else:
        report.notes.insert(0, f"corpus: {os.path.relpath(corpus, ROOT)} is absent: the corpus rows and the span-file table are skipped.")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Print the quality tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print GitHub-flavoured Markdown tables")
    parser.add_argument("--per-doc", action="store_true", help="also print one row per document")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus (default: ../shared/corpus)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    report = build_report(args.corpus)
    parts = ["\n".join(report.notes), body_table(report, args.markdown), pieces_table(report, args.markdown),
             meta_table(report, args.markdown)]
    if report.span:
        parts.append(span_table(report, args.markdown))
    if args.per_doc:
        parts.append(per_doc_table(report, args.markdown))
    parts.append(("**How the figures are computed**\n\n" if args.markdown else "How the figures are computed\n") + methods(args.markdown))
    try:
        print("\n\n".join(parts))
    except BrokenPipeError:  # `| head`: stop quietly
        sys.stdout = open(os.devnull, "w")
    print(f"({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
