"""Pages the HTML reader cannot read itself: an unknown layout goes to trafilatura; one that
also nests too deep for libxml2 is read from lexbor's tree. The text filters then clean the text, and the
document says what happened and why."""

from __future__ import annotations

import os
import re

import lxml.html
from lxml import etree

from ..errors import NoArticleError, TooLargeError, require
from ..model import Document
from .text import read_text

FALLBACK_LIMIT = 4 << 20
"""Characters of a page of an unknown layout handed to trafilatura at most: it needs about
50x the page in memory and minutes on tens of MB. Set `KONTAN_CLEAN_MAX_FALLBACK_SIZE`
(bytes; the CLI's `--max-fallback-size`) to change it."""
FALLBACK_LIMIT_VAR = "KONTAN_CLEAN_MAX_FALLBACK_SIZE"


def check_fallback_size(page: str) -> None:
    """TooLargeError when `page` is over the fallback's limit."""
    limit = int(os.environ.get(FALLBACK_LIMIT_VAR) or FALLBACK_LIMIT)
    if len(page) > limit:
        raise TooLargeError(f"no kontan layout recognised and the page ({len(page) / (1 << 20):.1f} MB) is over "
                            f"the {limit / (1 << 20):.1f} MB limit of the trafilatura fallback; raise it with "
                            f"--max-fallback-size or {FALLBACK_LIMIT_VAR}")


REASON = "no kontan article body found (itemprop=articleBody, div.tmpt-desk-kon, div.ctn, AMP body)"


def read_with_trafilatura(root: etree._Element, url: str | None) -> Document:
    """A `Document` of trafilatura's main-text extraction of the page. Raises
    `DependencyError` when trafilatura (or the lxml_html_clean it needs) does not import."""
    trafilatura = require("trafilatura", "trafilatura", "pip install 'trafilatura>=2.3' lxml_html_clean")

    _break_around_blocks(root)
    result = trafilatura.bare_extraction(root, url=url, with_metadata=True, include_comments=False)
    text = _page_words_only(_plain_text(result, trafilatura) if result is not None else "", root)
    doc = read_text(text if "\n" in text else text + "\n", url)
    doc.form = "html"
    doc.info["extractor"] = "trafilatura"
    doc.warnings.append(f"layout not recognised, extracted with trafilatura: {REASON}")
    if result is not None:
        doc.meta.title = result.title or None
        doc.meta.url = url or result.url or None
    return doc


_BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
                         "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
                         "p", "pre", "section", "table", "td", "th", "tr", "ul"})


# What lxml refuses in a text it is given (XML 1.0 has no C0 controls but tab and line
# breaks, no U+FFFE or U+FFFF, no lone surrogates), never text.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _break_around_blocks(root: etree._Element) -> None:
    """A line break where a block element opens and where it closes, on both sides: after the
    last text before it and before the first text after it, in document order, as a browser
    shows them. trafilatura drops some blocks and joins the text around them:
    `<span>0000<div><p>1</p></div>0000</span>` came out as the invented word `00000000`,
    `<span>001<div>..</div><span>1` as `0011`, and it trims a break that opens a quote's text
    (`<blockquote>A<div>B</div>`), so the text before a block ends with one too. The text
    next to a block may be any element's text or tail."""
    last: tuple[etree._Element, str] | None = None  # the last text seen, where it stands
    pending = False
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if el.tag in _BLOCK_TAGS:
            pending = True
            if last is not None:
                _end_line(*last)
                last = None
        attr = "text" if event == "start" else "tail"
        if text := getattr(el, attr):
            if pending and not text[:1].isspace():
                _set_text(el, attr, "\n" + text)
            pending, last = False, (el, attr)


def _end_line(el: etree._Element, attr: str) -> None:
    if not (text := getattr(el, attr))[-1:].isspace():
        _set_text(el, attr, text + "\n")


def _set_text(el: etree._Element, attr: str, text: str) -> None:
    try:
        setattr(el, attr, text)
    except ValueError:  # lxml sets no text holding a character XML refuses, which its parser let through
        try:
            setattr(el, attr, _XML_UNSAFE.sub("", text))
        except ValueError:
            pass  # something else lxml refuses: the text stays as it is, without the break


def _plain_text(result, trafilatura) -> str:
    """trafilatura's text of its extracted tree, each table row a line of its cells' words.
    Its text renderer (2.3 and later) writes tables as Markdown: `|` around every cell and
    `\\|` for a cell's own, glued to the cells' text where a page has no space there
    (`|/|`), so the table is made plain lines in the tree first."""
    body = result.body
    if body is None:
        return result.text or ""
    for table in list(body.iter("table")):
        if (parent := table.getparent()) is None:
            continue
        rows = [" ".join(" ".join(cell.itertext()) for cell in row.iter("cell")) for row in table.iter("row")]
        if not any(rows):  # text straight in the table, no rows: one line of it
            rows = [" ".join(table.itertext())]
        # the text after the table (its tail) is a line of its own, as a browser shows it
        for text in rows + [table.tail or ""]:
            if text.strip():
                p = etree.Element("p")
                p.text = text
                table.addprevious(p)
        parent.remove(table)
    # Cells outside a table (trafilatura keeps stray ones) and list items: a line each, with
    # no `- ` marker, which the renderer glues to text before a list's first item (`0- `).
    for el in body.iter("cell", "row", "item"):
        el.tag = "p"
    return trafilatura.xml.xmltotxt(body, include_formatting=False) or ""


def _page_words_only(text: str, root: etree._Element) -> str:
    """trafilatura's text with only the page's words: without the U+FFFD it puts in for
    control characters (unless the page really holds one), and with a space put back where
    it joined two of the page's words into one. It trims the text of inline elements and
    quotes (`<pre>a<i> a</i>` gave `aa`), which no line break before it can prevent."""
    if "\ufffd" in text and "\ufffd" not in root.text_content():
        text = text.replace("\ufffd", "")
    page = frozenset("".join(root.itertext()).split())
    longest = max(map(len, page), default=0)

    def unglue(m: re.Match) -> str:
        return _split_words(word, page, longest) or word if (word := m.group()) not in page else word

    return _TOKEN.sub(unglue, text)


_TOKEN = re.compile(r"\S+")
_LONGEST_GLUE = 64
"""Longer tokens are not split (each split point is a set lookup of two slices)."""


def _split_words(word: str, page: frozenset[str], longest: int = _LONGEST_GLUE) -> str | None:
    """`word` as page words joined by spaces (`aa` -> `a a`), or None when it is no such join.
    One pass over its ends, each reached from an earlier one by a page word no longer than
    `longest` (quadratic in a word of at most `_LONGEST_GLUE` characters, where trying every
    split in turn would be exponential)."""
    if len(word) > _LONGEST_GLUE:
        return None
    came_from: dict[int, int] = {0: 0}  # end of a split -> where its last word starts
    for end in range(1, len(word) + 1):
        start = next((s for s in came_from if end - s <= longest and word[s:end] in page
                      and (s, end) != (0, len(word))), None)
        if start is not None:
            came_from[end] = start
    if len(word) not in came_from:
        return None
    words, end = [], len(word)
    while end:
        words.append(word[came_from[end]:end])
        end = came_from[end]
    return " ".join(reversed(words))


# huge_tree: libxml2's default limits (nesting depth 256, 10 MB text nodes) silently drop the
# rest of a page.
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
MAX_FALLBACK_DEPTH = 256
"""Deepest nesting handed to trafilatura. Its jusText pass builds every paragraph's path
from the root, so its time grows as paragraphs x depth: a 1 MB page nested 400 deep took
2.2x the same page unnested. Real pages nest a few dozen levels; a deeper one is read as
the text of lexbor's tree, which costs the same at any depth."""
DEEP_REASON = (f"layout not recognised, and the markup nests deeper than {MAX_FALLBACK_DEPTH} levels "
               "(trafilatura slows down with depth; libxml2 stops at 2048): read as the text of lexbor's tree, "
               "one block per paragraph")


def parse_whole(page: str) -> etree._Element | None:
    """An lxml tree of the whole page for trafilatura; None when it nests deeper than
    `MAX_FALLBACK_DEPTH` or libxml2 stops reading it (deeper than 2048 levels even with
    huge_tree); `NoArticleError` when libxml2 finds no document in it at all (`<!DOCTYPE
    html>` alone, a comment)."""
    try:
        root = lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        raise NoArticleError(f"the HTML holds no document ({exc}): pass a whole article page") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
        return None  # what follows the limit would be lost
    return None if nests_deeper(root, MAX_FALLBACK_DEPTH) else root


def nests_deeper(root: etree._Element, limit: int) -> bool:
    """Whether any element of `root` lies more than `limit` levels down (one linear walk)."""
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > limit:
            return True
    return False


def read_deep_markup(page: str, url: str | None) -> Document:
    """A `Document` of the page's paragraphs, read from lexbor's tree (which has no depth
    limit) the way the reader reads an article body."""
    from selectolax.lexbor import LexborHTMLParser

    from .html_body import walk

    tree = LexborHTMLParser(page)
    blocks: list = []
    if tree.body is not None:
        walk(tree.body, blocks)
    doc = Document([b for b in blocks if b.kind != "junk"], form="html", url=url)
    doc.info["extractor"] = "lexbor_text"
    doc.warnings.append(DEEP_REASON)
    return doc
