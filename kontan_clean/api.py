"""`clean()`: one page in, one `Article` out."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .article import Article
from .errors import EmptyInputError, NoArticleError
from .model import Document
from .pipeline import Pipeline
from .readers import read
from .recognition import recognise
from .site.vocab import SECTIONS
from .text.urls import host as url_host

_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The standard pipeline `clean()` uses when given none, shared (filters hold no state
    between pages). To change it, change a copy: `Pipeline.default()` or `.copy()`."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT


def clean(content: str | bytes, url: str | None = None, *, pipeline: Pipeline | None = None) -> Article:
    """Clean one kontan page: HTML or a text rendering, as `str` or `bytes` (decoded by BOM,
    UTF-8, the page's declared charset, then detection).

    Raises `TypeError` for anything but `str`/`bytes`, and a `KontanCleanError` subclass
    when the input is empty, cannot be decoded or holds no article.
    """
    if not isinstance(content, (str, bytes, bytearray)):
        raise TypeError(f"clean() takes the page as str or bytes, not {type(content).__name__}")
    if not content or content.isspace():  # as `not content.strip()`, without copying a page that ends in a newline
        raise EmptyInputError("the input is empty: pass the page's HTML or its text")
    doc = read(bytes(content) if isinstance(content, bytearray) else content, url)
    recognise(doc)
    (pipeline or default_pipeline()).run(doc)
    return to_article(doc)


def clean_pages(pages: Iterable[str | bytes], url: str | None = None, *, pipeline: Pipeline | None = None) -> Article:
    """Clean the pages of one multi-page article (`?page=1`, `?page=2`, ...) and merge them in
    order: the body, related links and removals of every page; metadata from the first."""
    articles = [clean(page, url, pipeline=pipeline) for page in pages]
    if not articles:
        raise EmptyInputError("clean_pages() needs at least one page")
    first = articles[0]
    merged = replace(
        first,
        paragraphs=[p for a in articles for p in a.paragraphs],
        related=[r for a in articles for r in a.related],
        removed=[r for a in articles for r in a.removed],
        warnings=[w for a in articles for w in a.warnings],
        info={**first.info, "continues": articles[-1].info.get("continues", False), "pages": len(articles)},
    )
    merged.text = "\n\n".join(merged.paragraphs)
    return merged


def to_article(doc: Document) -> Article:
    """Assemble the `Article` from a document the pipeline has run over."""
    paragraphs = [b.text for b in doc.live()]
    if not paragraphs:
        raise NoArticleError("no article text found on the page" + (f" ({doc.meta.url})" if doc.meta.url else ""))
    m = doc.meta
    return Article(
        text="\n\n".join(paragraphs), paragraphs=paragraphs, title=m.title, published=m.published,
        reporters=m.reporters, editor=m.editor, source=m.source, dateline=m.dateline, caption=m.caption,
        url=m.url, category=category_from_url(m.url) or category_slug(m.category), category_label=m.category,
        tags=m.tags, paywalled=m.paywalled,
        related=doc.related, market=doc.market, removed=doc.removed, form=_form(doc),
        extractor=doc.info.get("extractor", "kontan_clean"), layout=doc.layout, recognised=doc.recognised,
        warnings=doc.warnings,
        info={k: v for k, v in doc.info.items() if k != "extractor"},
    )


_FORMS = {"amp_lead": "amp", "amp_title": "amp", "desktop": "desktop", "insight": "insight"}
"""`Article.form`, the coarse rendering name, from the layout the pipeline decided."""


def _form(doc: Document) -> str:
    if doc.form in ("flattened", "html"):
        return doc.form
    return _FORMS.get(doc.layout or "", "body")


def category_slug(label: str | None) -> str | None:
    """A breadcrumb label as kontan spells its section subdomains: `Peluang Usaha` gives
    `peluangusaha`."""
    slug = "".join(ch for ch in (label or "").lower() if ch.isalnum())
    return slug or None


def category_from_url(url: str | None) -> str | None:
    """The section from `https://<section>.kontan.co.id/...` (or `momsmoney.id`), else None."""
    if not url:
        return None
    host = url_host(url)
    if host.endswith("momsmoney.id"):
        return "momsmoney"
    first = host.split(".")[0]
    return first if host.endswith("kontan.co.id") and first in SECTIONS else None
