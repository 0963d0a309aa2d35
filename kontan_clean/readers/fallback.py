"""Pages the HTML reader cannot read itself: an unknown layout goes to trafilatura, markup too
deep for libxml2 has its tags stripped. The text filters then clean the text, and the
document says what happened and why."""

from __future__ import annotations

import html as htmllib
import re

from lxml import etree

from ..errors import require
from ..model import Document
from .text import read_text

REASON = "no kontan article body found (itemprop=articleBody, div.tmpt-desk-kon, div.ctn, AMP body)"


def read_with_trafilatura(root: etree._Element, url: str | None) -> Document:
    """A `Document` of trafilatura's main-text extraction of the page. Raises
    `DependencyError` when trafilatura (or the lxml_html_clean it needs) does not import."""
    trafilatura = require("trafilatura", "trafilatura", "pip install 'trafilatura>=2' lxml_html_clean")

    result = trafilatura.bare_extraction(root, url=url, with_metadata=True, include_comments=False)
    text = (result.text if result is not None else "") or ""
    doc = read_text(text if "\n" in text else text + "\n", url)
    doc.form = "html"
    doc.info["extractor"] = "trafilatura"
    doc.warnings.append(f"layout not recognised, extracted with trafilatura: {REASON}")
    if result is not None:
        doc.meta.title = result.title or None
        doc.meta.url = url or result.url or None
    return doc


_INVISIBLE_OPEN = re.compile(r"<(script|style|noscript|template)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|tr|br|blockquote|section|article|table|ul|ol)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
DEEP_REASON = "markup nested deeper than libxml2 reads (2048 levels): read as text with the tags stripped"


def read_with_tags_stripped(page: str, url: str | None) -> Document:
    """A `Document` of the page's text: scripts and styles dropped, block tags as line breaks."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", _drop_invisible(page)))
    doc = read_text(htmllib.unescape(text) + "\n", url)
    doc.form = "html"
    doc.info["extractor"] = "tag_stripper"
    doc.warnings.append(DEEP_REASON)
    return doc


def _drop_invisible(page: str) -> str:
    """The page without scripts, styles, noscript and templates, in one pass (an unclosed
    one hides the rest of the page, as in a browser)."""
    kept, pos = [], 0
    while m := _INVISIBLE_OPEN.search(page, pos):
        kept.append(page[pos:m.start()])
        close = re.compile(rf"</{m.group(1)}\s*>", re.IGNORECASE).search(page, m.end())
        if close is None:
            return "".join(kept)
        pos = close.end()
    kept.append(page[pos:])
    return "".join(kept)
