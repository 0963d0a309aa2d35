"""`Article`: what `clean()` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .model import Quote, Related, Removal


INFO_DEFAULTS: dict[str, Any] = {"encoding": None, "page": None, "continues": False, "all_pages_url": None,
                                  "pages": 1}
"""Every key of `to_dict()["info"]`, with its value when the reader did not set it."""


@dataclass(slots=True)
class Article:
    """The clean article body with its metadata and a record of everything removed."""

    text: str
    """The body, paragraphs joined by a blank line."""
    paragraphs: list[str]
    title: str | None = None
    published: datetime | None = None
    reporters: list[str] = field(default_factory=list)
    editor: str | None = None
    source: str | None = None
    dateline: str | None = None
    caption: str | None = None
    url: str | None = None
    category: str | None = None
    """The section slug (`keuangan`, `peluangusaha`): the URL's section subdomain, else the
    breadcrumb's label lower-cased without spaces."""
    category_label: str | None = None
    """The category as the page's breadcrumb prints it (`Peluang Usaha`), or None."""
    tags: list[str] = field(default_factory=list)
    paywalled: bool = False
    related: list[Related] = field(default_factory=list)
    market: list[Quote] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    form: str = "body"
    """The rendering recognised: `desktop`, `body`, `amp`, `flattened`, `insight` or `html`."""
    extractor: str = "kontan_clean"
    """`kontan_clean`, or `trafilatura` when the layout was not recognised."""
    layout: str | None = None
    """The page layout decided once, before the filters ran (see `Document.layout`)."""
    recognised: bool = True
    """False when the input shows none of a kontan page's signals (byline, dateline, date
    line, ticker, promo markers, kontan URLs): the text is returned, with a warning."""
    warnings: list[str] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    """Reader facts: the encoding used, pagination."""

    def __getstate__(self) -> dict[str, Any]:
        # `text` is the paragraphs joined: not sent twice between batch processes (pickling
        # results is the parent's serial share of a parallel run).
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "text"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "text", "\n\n".join(self.paragraphs))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the shape `kontan_clean/schema/article.schema.json` describes:
        the same keys for every article, `published` as ISO 8601 with its UTC offset, market
        numbers always floats, the reader facts nested under `info` with every key present."""
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k not in ("related", "market", "removed", "info")}
        d["published"] = self.published.isoformat() if self.published else None
        d["related"] = [r._asdict() for r in self.related]
        d["market"] = [{"name": q.name, "value": float(q.value), "change": float(q.change),
                        "change_pct": float(q.change_pct)} for q in self.market]
        d["removed"] = [r._asdict() for r in self.removed]
        d["info"] = {**INFO_DEFAULTS, **self.info}
        return d
