"""Is the input a kontan page at all?

A README or a log file run through `clean()` comes out as an "article" like any other. This
module looks for the signals of a kontan rendering (`site/signals.py`): a kontan URL or HTML
layout, then kontan's furniture in the page's text and, for a page whose URL is unknown,
kontan's house style and Indonesian running text (crawls store bare body fragments). A URL
holding a kontan address anywhere (a cache or archive copy) is kontan's; an archive's or a
cache's own URL counts as no URL. Where none is present the document is marked
`recognised = False` and carries a warning; the text is cleaned and returned all the same.
"""

from __future__ import annotations

from .model import Document
from .site.signals import (
    CHEAPEST_FIRST, INDONESIAN_MIN_WORDS, INDONESIAN_SHARE, INDONESIAN_WORDS, KONTAN_URL_MARKS, MIRROR_HOSTS,
    STYLE_SIGNALS, TEXT_SIGNALS, may_match,
)
from .text.urls import host

WARNING = ("not recognised as a kontan page: none of its signals found (byline, dateline, date line, "
           "ticker, promo markers, kontan URL); cleaned as text all the same")
_HEAD, _TAIL = 20_000, 5_000
"""Characters read from the start and the end of a long page."""
_SAMPLE_WORDS = 400
"""Words read for the language check: enough to judge, bounded on a huge input."""


def kontan_signal(doc: Document) -> str | None:
    """The name of the first kontan signal the document shows, or None."""
    return _signal(doc, cheapest_first=False)


def _signal(doc: Document, *, cheapest_first: bool) -> str | None:
    """A kontan signal the document shows: the first in `TEXT_SIGNALS` order, or with
    `cheapest_first` whichever the cheapest searches find first (`CHEAPEST_FIRST`: the house
    style patterns that open with a literal, 0.3 us each, before the furniture's needles and
    searches; whether there is a signal at all is the same question)."""
    url = (doc.meta.url or "").lower()
    if any(map(url.__contains__, KONTAN_URL_MARKS)):
        return "kontan url"
    url_host = host(url)
    other_site = bool(url_host) and not any(url_host == h or url_host.endswith("." + h) for h in MIRROR_HOSTS)
    if doc.form == "html" and doc.info.get("extractor", "kontan_clean") == "kontan_clean":
        return "kontan layout"  # the HTML reader found a kontan article body
    text = _sample(doc)
    if other_site:
        signals = TEXT_SIGNALS
    else:
        signals = CHEAPEST_FIRST if cheapest_first else TEXT_SIGNALS + STYLE_SIGNALS
    for name, pattern in signals:
        if may_match(pattern, text) and pattern.search(text):
            return name
    if other_site:  # another site's URL outweighs house style and language
        return None
    words = text[:_SAMPLE_WORDS * 12].lower().split()[:_SAMPLE_WORDS]
    if len(words) >= INDONESIAN_MIN_WORDS and sum(w in INDONESIAN_WORDS for w in words) >= INDONESIAN_SHARE * len(words):
        return "indonesian text"
    return None


def _sample(doc: Document) -> str:
    """The page's text, or on a long page its head and tail: kontan's furniture stands at the
    top (byline, date line, ticker, dateline) and the bottom (Google News footer), and reading
    a bounded sample keeps a huge unrecognised input from costing more than its cleaning."""
    text = "\n".join(b.text for b in doc.blocks)
    if len(text) <= _HEAD + _TAIL:
        return text
    return text[:_HEAD] + "\n" + text[-_TAIL:]


def recognise(doc: Document) -> None:
    """Set `doc.recognised`, with a warning on the document where no signal is present."""
    doc.recognised = _signal(doc, cheapest_first=True) is not None
    if not doc.recognised:
        doc.warnings.append(WARNING)
