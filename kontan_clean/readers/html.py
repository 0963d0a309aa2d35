"""HTML pages into the same blocks the text reader makes, so every text filter serves both.

The reader removes nothing itself. It finds the article by several signals in order
(`site.selectors`), emits the ticker, title, date line, caption and byline as blocks in
page order, then one block per body paragraph. Nodes that are never text (ads, share boxes,
scripts, pagination) become `junk` blocks that the `html_junk` filter drops and records;
promo links mark their paragraph so the `promos` filter keeps the link's URL.

What it costs is a fraction of parsing the page: it works on the raw bytes until it knows
the article's stretch (`html_window`, `bytes.find`), reads the head metadata and ticker by
byte search (`html_head`), decodes only the stretch, parses only that with lexbor
(selectolax) and walks it once. A page with no known body is decoded and parsed whole and
handed to trafilatura, and the document says so.
"""

from __future__ import annotations

import codecs
import re

from selectolax.lexbor import LexborHTMLParser

from ..model import Block, Document
from ..site import selectors as S
from ..site.patterns import DATE_LINE
from .encoding import Utf8Stretches, decode, stretch_decoder, utf8
from .text import visible
from .bytesearch import find
from .html_limits import bounded
from .html_body import all_text, block_text, category, first, inside, page_order, pagination, tags, walk
from .html_head import head_metadata, ticker_quotes
from .html_window import Window, find_window

_HEAD_END = b"</head>"
_DOCTYPE = re.compile(rb"<!doctype[^<>]{0,300}>", re.IGNORECASE)
"""The page's doctype: the window is parsed under it, in the mode the whole page is (in
quirks mode a `<table>` stays inside an open `<p>` and the text after a cell is moved
into the paragraph, glued to its words: `naik<table><td>1</td>pada` gives `naikpada`)."""
_DOCTYPE_REACH = 1024
"""The doctype opens the page, after white space at most."""
_ROLES = ((S.TITLE, "title"), (S.DATE, "date"), (S.CAPTION, "caption"), (S.AUTHOR, "byline"))


def as_bytes(content: str | bytes) -> tuple[bytes, str | None]:
    """(the page as bytes, its encoding when already known: `str` for text input, the BOM's).
    NULs go here: they are never text, and libxml2 and lexbor would each treat them their way."""
    if isinstance(content, str):
        data, known = content.encode("utf-8", "surrogatepass"), "str"
    elif content.startswith(codecs.BOM_UTF8):
        data, known = content[len(codecs.BOM_UTF8):], "utf-8-sig"
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data, known = content.decode("utf-16", "replace").encode("utf-8", "surrogatepass"), "utf-16"
    else:
        data, known = content, None
    return (data.replace(b"\x00", b"") if b"\x00" in data else data), known


def read_html(content: str | bytes, url: str | None = None) -> Document:
    """Read a whole kontan page (desktop, AMP, older layouts) into a `Document`."""
    data, known = as_bytes(content)
    head_end = find(data, _HEAD_END)
    window = find_window(data, max(head_end, 0))
    if window is None:
        return _whole_page(content, data, known, head_end if head_end > 0 else len(data), url)
    stretch = bounded(data[window.start:window.end])
    encoding, text = (known, utf8) if known else stretch_decoder(data, stretch)
    # lexbor reads bytes as UTF-8: hand it the bytes when they are
    raw = text is utf8 or isinstance(text, Utf8Stretches)
    markup = stretch if raw else text(stretch)
    if doctype := _DOCTYPE.match(data[:_DOCTYPE_REACH].lstrip()):
        declared = doctype.group()
        markup = declared + markup if isinstance(markup, bytes) else declared.decode("latin-1") + markup
    tree = LexborHTMLParser(markup)
    # lexbor holds valid UTF-8 unless raw bytes of a known encoding were not
    valid_utf8 = not known or known == "utf-16" or _is_utf8(stretch)
    body = first(tree, S.BODY)
    if body is None:
        return _whole_page(content, data, known, head_end if head_end > 0 else window.start, url)
    head = head_metadata(data, head_end if head_end > 0 else window.start, text)
    blocks = [Block(line, "ticker", {"quote": quote})
              for line, quote in ticker_quotes(data, max(head_end, 0), window.start, text)]
    doc = Document(blocks + _page_blocks(tree, body, valid_utf8), form="html", url=head.get("url") or url)
    if b"pagination" in stretch:  # most pages have none: skip the lookup
        pagination(body, doc)
    doc.meta.tags = tags(body) if b"/tag/" in stretch else []
    doc.meta.category = category(tree)
    doc.info["encoding"] = encoding
    if window.left_open:
        doc.warnings.append(f"a {window.left_open} opened above the article is never closed: a browser would show "
                            "none of the article; it is read all the same")
    return _with_head(doc, head)


def _with_head(doc: Document, head: dict) -> Document:
    doc.meta.title = doc.meta.title or head.get("title")
    doc.meta.published = doc.meta.published or head.get("published")
    doc.warnings.extend(head.get("warnings", ()))
    return doc


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _page_blocks(tree: LexborHTMLParser, body, valid_utf8: bool) -> list[Block]:
    """Title, date, caption and author as blocks in page order, then the body
    (`valid_utf8`: as for `html_body.walk`)."""
    found = []
    for selectors, role in _ROLES:
        el = first(tree, selectors)
        if el is None or inside(el, body) or not (text := block_text(all_text(el))):
            continue
        if role == "date" and not DATE_LINE.match(text):
            continue  # a wrong guess would leak into the body
        found.append((el, Block(text, el.tag or "", {"role": role})))
    if len(found) > 1:
        order = page_order(tree, [el for el, _ in found])
        found.sort(key=lambda pair: order[pair[0].mem_id])
    blocks = [b for _, b in found]
    walk(body, blocks, valid_utf8)
    return blocks


def _whole_page(content: str | bytes, data: bytes, known: str | None, stop: int, url: str | None) -> Document:
    """A page with no kontan body: decoded and parsed whole, read by trafilatura (`stop`:
    where the head metadata ends)."""
    from .fallback import check_fallback_size, parse_whole, read_deep_markup, read_with_trafilatura

    flat = bounded(data)
    if isinstance(content, str) and flat is data:
        page, encoding = content, "str"
    elif known:
        page, encoding = flat.decode("utf-8", "replace"), known
    else:
        page, encoding = decode(flat)
    page = visible(page)  # libxml2 turns control characters into U+FFFD, which trafilatura keeps
    check_fallback_size(page)
    head = head_metadata(data, stop, utf8 if known else _decoder(encoding))
    root = parse_whole(page)
    target = head.get("url") or url
    doc = read_with_trafilatura(root, target) if root is not None else read_deep_markup(page, target)
    doc.info["encoding"] = encoding
    return _with_head(doc, head)


def _decoder(encoding: str):
    return lambda b: b.decode(encoding, "replace")


__all__ = ["Window", "as_bytes", "read_html"]
