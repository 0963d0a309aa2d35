"""Pages whose layout is not recognised: trafilatura extracts the text, the text filters
then clean it, and the document says that this happened and why."""

from __future__ import annotations

from lxml import etree

from ..model import Document
from .text import read_text

REASON = "no kontan article body found (itemprop=articleBody, div.tmpt-desk-kon, div.ctn, AMP body)"


def read_with_trafilatura(root: etree._Element, url: str | None) -> Document:
    """A `Document` of trafilatura's main-text extraction of the page."""
    import trafilatura

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
