"""Properties of `clean()` over generated input (hypothesis) and the boilerplate generator.

- Any `str` or `bytes` gives an `Article` or a `KontanCleanError`, never another exception;
  anything else raises `TypeError` naming what is accepted.
- The cleaner never invents text: every word of `text` occurs in the input (for HTML, in the
  page's visible text content).
- Idempotence: `clean(a.text).text == a.text`.
- Boilerplate injected into clean bodies (`tests/boilerplate.py`) is removed, every body word
  survives, in order, in line form and flattened.

Example counts are bounded by a hypothesis settings profile chosen with an environment
variable: `ci` (the default: 100 examples a test, no deadline, derandomized so that CI runs
the same examples every time, no example database in the working tree) or `long` (5,000
random examples a test, database in ~/.cache/kontan_clean/hypothesis/examples):

    KONTAN_HYPOTHESIS_PROFILE=long python3 -m pytest tests/test_properties.py

The boilerplate generator runs `KONTAN_BOILERPLATE_CASES` cases per form (default 100) from
`KONTAN_BOILERPLATE_SEED` (default 0); `python3 tests/boilerplate.py --help` runs it alone.
"""

from __future__ import annotations

import unicodedata

import os
import re
import random
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase

import boilerplate as bp
from kontan_clean.readers.text import visible
from kontan_clean import Article, KontanCleanError, clean
from kontan_clean.site.selectors import JUNK_TAGS

CACHE = Path.home() / ".cache" / "kontan_clean"
# Hypothesis writes failing-example patches under its home directory (`.hypothesis/` in the
# working tree by default): keep them, and the `long` database, out of the checkout.
set_hypothesis_home_dir(str(CACHE / "hypothesis"))

settings.register_profile(
    "ci", max_examples=100, deadline=None, database=None, print_blob=True, derandomize=True,
    # No `explain` phase: it re-runs each failing example many times to annotate it.
    report_multiple_bugs=False, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, print_blob=True,
    database=DirectoryBasedExampleDatabase(str(CACHE / "hypothesis" / "examples")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("KONTAN_HYPOTHESIS_PROFILE", "ci"))
BOILERPLATE_CASES = int(os.environ.get("KONTAN_BOILERPLATE_CASES", "100"))
BOILERPLATE_SEED = int(os.environ.get("KONTAN_BOILERPLATE_SEED", "0"))

# ---- strategies --------------------------------------------------------------------------

any_unicode = st.text(st.characters(codec=None, categories=None), max_size=2000)
"""Any code points at all, lone surrogates and control characters included."""
fragments = st.one_of(st.sampled_from(bp.FRAGMENTS), st.text(max_size=40))
separators = st.sampled_from(["\n", " ", "\r\n", "\n\n", "\t", ""])


@st.composite
def kontan_like(draw: st.DrawFn) -> str:
    """Pieces of real pages and random text joined by random separators: reaches the filters."""
    parts = draw(st.lists(fragments, max_size=40))
    sep = draw(separators)
    return sep.join(parts)


TAGS = ("p", "div", "span", "h1", "h2", "li", "ul", "table", "tr", "td", "a", "b", "br", "script", "style", "figure", "figcaption")
ATTRS = (
    "", 'itemprop="articleBody"', 'class="tmpt-desk-kon"', 'class="ctn"', 'class="amp-article-body"',
    'class="detail-desk"', 'class="track-bacajuga-inside" href="/x"', 'class="track-gnews"', 'class="pagination"',
    'class="indikator"', 'class="ads"', 'id="share-it"', 'href="https://www.kontan.co.id/tag/emas"',
)
BODY_MARKERS = ('itemprop="articleBody"', 'class="tmpt-desk-kon"', 'class="amp-article-body"', 'class="ctn"')
"""The attributes of the article elements `html_pages` wraps its body in."""


safe_text = st.text(st.characters(categories=["L", "N", "P", "Zs"]), max_size=30)
"""Text without control characters or markup: what a page's text nodes hold."""


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page from kontan's selectors, random tags and text, unclosed tags included."""
    def node(depth: int) -> str:
        tag, attr = draw(st.sampled_from(TAGS)), draw(st.sampled_from(ATTRS))
        kids = [node(depth + 1) if depth < 4 and draw(st.booleans()) else draw(st.one_of(safe_text, fragments.filter(lambda s: "<" not in s and "&" not in s)))
                for _ in range(draw(st.integers(0, 4)))]
        return f"<{tag} {attr}>{''.join(kids)}" + (f"</{tag}>" if draw(st.booleans()) or depth == 0 else "")
    body = "".join(node(0) for _ in range(draw(st.integers(0, 5))))
    # Mostly inside a known body element (the kontan reader); sometimes none (trafilatura).
    wrapper = draw(st.sampled_from([f"<div {marker}>" for marker in BODY_MARKERS] + [None]))
    if wrapper:
        body = f"<h1 class=\"detail-desk\">{draw(safe_text)}</h1>{wrapper}{body}</div>"
    return f"<!DOCTYPE html><html><head><title>{draw(safe_text)}</title></head><body>{body}</body></html>"


def known_bug(reason: str) -> pytest.MarkDecorator:
    """A library bug reported and not fixed yet (its input is in tests/regressions/): strict,
    so the test fails once the bug is fixed and the mark must go."""
    return pytest.mark.xfail(strict=True, reason=reason)


# ---- helpers -----------------------------------------------------------------------------

def outcome(page: str | bytes) -> Article | None:
    """The Article, or None when the library raised its own documented error."""
    try:
        article = clean(page)
    except KontanCleanError as exc:
        assert str(exc), "a KontanCleanError must say why"
        return None
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(article.paragraphs) and article.text.strip()
    return article


BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
})
"""Elements a browser shows apart from the text around them (block boxes, cells, breaks)."""


def html5_visible_text(page: str) -> str:
    """The text of `page` as an HTML5 parser (lexbor) builds it (foster-parenting text out of
    tables, as lxml does not), without what is never shown: inline elements glued to the
    text around them as a browser shows them (`<b>0</b>0` is `00`), a space around every
    block element. Built from the tree itself, not from lxml's `text_content()`."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    tree.strip_tags(sorted(JUNK_TAGS))
    if tree.root is None:
        return ""
    for node in tree.root.traverse(include_text=False):
        if node.tag in BLOCK_TAGS and node.parent is not None:
            node.insert_before(" ")
            node.insert_after(" ")
    return tree.root.text(separator="")


def visible_text(page: str | bytes) -> str:
    """The text content of an HTML page without what is never shown (scripts, styles, ads).
    `bytes` are decoded by lxml from the page's own declaration."""
    if isinstance(page, str):
        # C0 controls that XML cannot hold: lxml's parser drops them, but drop_tree() below
        # raises ValueError on a tail that keeps one (hypothesis 6.100 finds such a page).
        page = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", page)
        root = lxml.html.document_fromstring(visible(page).encode("utf-8", "surrogatepass"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True))
    else:
        root = lxml.html.document_fromstring(page, parser=lxml.html.HTMLParser(remove_comments=True))
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag.lower() in JUNK_TAGS and el.getparent() is not None:
            # emptied in place, not drop_tree(): that joins the tail to the parent's text, and
            # lxml refuses to set a text holding a control character the parser let through
            el.clear(keep_tail=True)
    return root.text_content()


_NOT_ARTICLE = ("<script", "<style", "<template")
"""Elements the reader's body selectors pass over, whatever attributes they carry."""


def _from_article(page: str) -> str:
    """The markup from the first article element's start tag on (all of it without one): a
    script, style or template carrying the article's attribute is none."""
    starts = []
    for marker in BODY_MARKERS:
        at = page.find(marker)
        while at >= 0:
            tag = page.rfind("<", 0, at)
            if not page[tag:tag + 9].lower().startswith(_NOT_ARTICLE):
                starts.append(tag)
                break
            at = page.find(marker, at + 1)
    return page[min(starts) if starts else 0:]


def invented_words(text: str, source: str) -> list[str]:
    """Words of `text` that are not in `source` (whitespace collapsed in both; control
    characters and zero-width marks, which the readers drop as never text, dropped from both)."""
    haystack = " ".join(_assigned(visible(source)).split())
    return [w for w in _assigned(text).split() if w not in haystack]


def _assigned(text: str) -> str:
    """`text` without unassigned, private-use and surrogate code points, which trafilatura
    (the fallback extractor) drops: a word split by one of them is not an invented word."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cn", "Co", "Cs"))


# ---- any input: an Article or the documented error --------------------------------------

@PROFILE
@given(any_unicode)
def test_any_str_gives_article_or_documented_error(page: str) -> None:
    outcome(page)


@PROFILE
@given(st.binary(max_size=4000))
def test_any_bytes_gives_article_or_documented_error(page: bytes) -> None:
    outcome(page)


@PROFILE
@given(kontan_like(), st.booleans())
def test_kontan_like_text_gives_article_or_documented_error(page: str, as_bytes: bool) -> None:
    outcome(page.encode("utf-8") if as_bytes else page)


@PROFILE
@given(html_pages(), st.sampled_from([None, "utf-8", "cp1252", "utf-16"]))
def test_html_gives_article_or_documented_error(page: str, encoding: str | None) -> None:
    outcome(page if encoding is None else page.encode(encoding, "replace"))


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html>", "<!DOCTYPE", "<!-- only a comment -->", "<?xml version='1.0'?>", "<html>", b"<html>\x00",
    "\ufeff<!doctype html>", "<p>", "</p>", "<div>\udcff</div>",
])
def test_markup_with_no_document(page: str | bytes) -> None:
    """Markup that parses to nothing: the documented error, not lxml's ParserError."""
    outcome(page)


@pytest.mark.parametrize("value", [None, 42, 4.2, ["<p>x</p>"], {"html": "x"}, object(), memoryview(b"x")])
def test_other_types_raise_type_error_naming_what_is_accepted(value: object) -> None:
    with pytest.raises(TypeError) as info:
        clean(value)  # type: ignore[arg-type]
    message = str(info.value)
    assert "str" in message and "bytes" in message, message
    assert not isinstance(info.value, KontanCleanError)


def test_bytearray_is_bytes() -> None:
    page = "Harga emas naik tipis pada perdagangan Senin pagi.\n"
    assert clean(bytearray(page.encode())).text == clean(page).text


# ---- the cleaner never invents text -----------------------------------------------------

@PROFILE
@given(st.one_of(kontan_like(), st.text(max_size=500)))
def test_text_never_invents_words(page: str) -> None:
    article = outcome(page)
    if article is not None:
        assert not invented_words(article.text, page)


@PROFILE
@given(html_pages())
def test_html_never_invents_words(page: str) -> None:
    article = outcome(page)
    if article is None:
        return
    if any("never closed: a browser would show none of the article" in w for w in article.warnings):
        # The article follows a <script> or comment never closed, which swallows it for a
        # browser (and lxml); the reader reads it anyway and says so: its words are the
        # markup's text, outside every tag (tags dropped, not spaced: `<b>0</b>0` is `00`),
        # or the text an HTML5 parser gives the markup from the article's element on, which
        # is what the reader parses (`1<script>0</script>1` shows `11`).
        invented = invented_words(article.text, re.sub(r"<[^<>]*>", "", page))
        assert not invented or not invented_words(" ".join(invented), html5_visible_text(_from_article(page)))
    else:
        # A word must be in lxml's reading of the page or in an HTML5 parser's: libxml2 does
        # not foster-parent (`<table>0<td>1</td>0` shows `00` before the table).
        invented = invented_words(article.text, visible_text(page))
        assert not invented or not invented_words(" ".join(invented), html5_visible_text(page))


def test_every_sample_invents_nothing(sample_pages: list[Path]) -> None:
    for path in sample_pages:
        if path.suffix == ".html":
            page: str | bytes = path.read_bytes()
            source = visible_text(page)
        else:
            page = source = path.read_text(encoding="utf-8")
        assert not invented_words(clean(page).text, source), path.name


@pytest.fixture(scope="module")
def sample_pages() -> list[Path]:
    """Every sample input page."""
    root = Path(__file__).resolve().parent.parent / "samples"
    return sorted(root.glob("text/*.txt")) + sorted(root.glob("html/*.html"))


# ---- idempotence ------------------------------------------------------------------------

@PROFILE
@given(st.one_of(kontan_like(), st.text(max_size=500)))
def test_text_idempotent(page: str) -> None:
    article = outcome(page)
    if article is not None:
        assert clean(article.text).text == article.text


@PROFILE
@given(html_pages())
def test_html_idempotent(page: str) -> None:
    article = outcome(page)
    if article is not None:
        assert clean(article.text).text == article.text


@PROFILE
@given(st.randoms(use_true_random=False), st.sampled_from(["lines", "flat"]))
def test_generated_pages_idempotent(rng: random.Random, form: str) -> None:
    case = bp.make_case(rng, rng.choice(BODIES), form)
    article = clean(case.page)
    assert clean(article.text).text == article.text


# ---- the boilerplate generator ----------------------------------------------------------

BODIES = bp.all_bodies()


@pytest.mark.parametrize("form", ["lines", "flat"])
def test_boilerplate_removed_and_body_kept(form: str) -> None:
    """Every injected piece is removed and every body word survives in order (the default,
    unambiguous cases; `python3 tests/boilerplate.py --hard` shows the known limits)."""
    tally = bp.run(BOILERPLATE_CASES, BOILERPLATE_SEED, forms=(form,))
    if tally.failures:
        worst = [bp.describe(bp.check(bp.minimize(r.case, lambda c: not bp.check(c).ok))) for r in tally.failures[:3]]
        pytest.fail(f"{tally.report()}\n\nfirst failures, minimised:\n" + "\n".join(worst))


def test_generator_injects_every_kind_in_both_forms() -> None:
    """The generator itself: line form gets every kind of piece, flattened the inline ones."""
    tally = bp.run(60, 1)
    line_kinds = {k for (form, k) in tally.injected if form == "lines"}
    flat_kinds = {k for (form, k) in tally.injected if form == "flat"}
    assert {"ticker", "baca_juga", "selanjutnya", "menarik_dibaca", "ad", "ui", "byline", "dateline", "google_news"} <= line_kinds
    assert {"baca_juga", "byline", "dateline", "google_news"} <= flat_kinds


def test_checker_sees_a_leak_and_a_loss() -> None:
    """The check can fail: a cleaner that keeps everything leaks, one that drops a line loses."""
    case = bp.make_case(random.Random(3), BODIES[0], "lines", injections=4)
    keep_all = bp.check(case, clean=lambda page: Article(text=page.strip(), paragraphs=[page.strip()]))
    assert keep_all.leaked and not keep_all.lost
    def drop_first_body_line(page: str) -> Article:
        text = clean(page).text
        paragraphs = text.split("\n\n")[1:]
        return Article(text="\n\n".join(paragraphs), paragraphs=paragraphs)
    assert bp.check(case, clean=drop_first_body_line).lost


def test_gold_bodies_load_when_corpus_present(corpus: Path) -> None:
    bodies = bp.gold_bodies(corpus / "gold")
    assert len(bodies) == len(list((corpus / "gold").glob("*.txt")))
    assert all(b.paragraphs and not b.paragraphs[0].startswith("KONTAN.CO.ID") for b in bodies)
