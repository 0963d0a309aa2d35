"""HTML pages into the same blocks the text reader makes, so every text filter serves both.

The reader removes nothing itself. It finds the article by several signals in order
(`site.selectors`), emits the ticker, title, date line, caption and byline as blocks in
page order, then one block per body paragraph. Nodes that are never text (ads, share boxes,
scripts, pagination) become `junk` blocks that the `html_junk` filter drops and records;
promo links mark their paragraph so the `promos` filter keeps the link's URL. Only the
stretch of the page around the article is parsed (`html_window`); a page with no known body
is parsed whole and handed to trafilatura, and the document says so.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..errors import NoArticleError
from ..model import Block, Document
from ..site import selectors as S
from ..site.patterns import DATE_LINE
from .encoding import decode
from .html_body import block_text, category, first, inside, pagination, tags, walk
from .html_head import head_metadata, ticker_lines
from .html_window import find_window

# huge_tree: libxml2's default limits (nesting depth 256, 10 MB text nodes) silently drop the
# rest of a page; the walk over the tree is iterative, so deep nesting costs nothing more.
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
_HEAD_END = "</head>"


def to_text(content: str | bytes) -> tuple[str, str]:
    """(page text, encoding: `str` when it came as text). NULs go here, since libxml2 would
    turn them into U+FFFD; other invisible characters are dropped per block (`block_text`)."""
    page, encoding = (content, "str") if isinstance(content, str) else decode(content)
    return (page.replace("\x00", "") if "\x00" in page else page), encoding


def parse(page: str) -> etree._Element:
    """An lxml tree of `page` (or of a stretch of it); `NoArticleError` when libxml2 finds no
    document in it at all (`<!DOCTYPE html>` alone, a comment)."""
    try:
        root = lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        raise NoArticleError(f"the HTML holds no document ({exc}): pass a whole article page") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
        raise TooDeep  # libxml2 stopped reading: what follows would be lost
    return root


class TooDeep(Exception):
    """The markup nests deeper than libxml2 will read (2048 levels even with huge_tree)."""


def read_html(content: str | bytes, url: str | None = None) -> Document:
    """Read a whole kontan page (desktop, AMP, older layouts) into a `Document`."""
    page, encoding = to_text(content)
    try:
        return _read(page, encoding, url)
    except TooDeep:
        from .fallback import read_with_tags_stripped

        doc = read_with_tags_stripped(page, url)
        doc.info["encoding"] = encoding
        return doc


def _read(page: str, encoding: str, url: str | None) -> Document:
    head_end = page.find(_HEAD_END)
    window = find_window(page, max(head_end, 0))
    head = head_metadata(page, head_end if head_end > 0 else (window.start if window else len(page)))
    root = parse(page[window.start:window.end]) if window else parse(page)
    body = first(root, S.BODY)
    if body is None:
        from .fallback import check_fallback_size, read_with_trafilatura

        check_fallback_size(page)
        doc = read_with_trafilatura(root if not window else parse(page), head.get("url") or url)
    else:
        lines = ticker_lines(page, max(head_end, 0), window.start if window else len(page))
        blocks = [Block(line, "ticker") for line in lines]
        doc = Document(blocks + _page_blocks(root, body), form="html", url=head.get("url") or url)
        pagination(body, doc)
        doc.meta.tags = tags(body)
        doc.meta.category = category(root)
    doc.info["encoding"] = encoding
    doc.meta.title = doc.meta.title or head.get("title")
    doc.meta.published = doc.meta.published or head.get("published")
    doc.warnings.extend(head.get("warnings", ()))
    return doc


def _page_blocks(root: etree._Element, body: etree._Element) -> list[Block]:
    """Title, date, caption and author as blocks in page order, then the body."""
    found = []
    for xpaths, role in ((S.TITLE, "title"), (S.DATE, "date"), (S.CAPTION, "caption"), (S.AUTHOR, "byline")):
        el = first(root, xpaths)
        if el is None or inside(el, body) or not (text := block_text(el.text_content())):
            continue
        if role == "date" and not DATE_LINE.match(text):
            continue  # a wrong guess would leak into the body
        found.append((el, Block(text, el.tag, {"role": role})))
    found.sort(key=lambda pair: pair[0].sourceline or 0)  # page order; stable for one-line pages
    blocks = [b for _, b in found]
    walk(body, blocks)
    return blocks
