"""The desktop header run together: site name, `banner langganan top`, the ticker header and
ticker bullets joined by spaces, as flattening (or a cut in flattened text) leaves them."""

from __future__ import annotations

import re

from ..site.patterns import FLAT_CHROME, TICKER_BULLET_IN_TEXT
from ..site.vocab import TICKERS


def header_run(text: str, pos: int = 0) -> list[re.Match]:
    """The header pieces `text` opens with at `pos` (its whitespace collapsed), in order:
    the site's header lines and ticker bullets, each followed by a space or the end."""
    run = []
    while m := FLAT_CHROME.match(text, pos) or TICKER_BULLET_IN_TEXT.match(text, pos):
        run.append(m)
        pos = m.end() + 1  # the one space between pieces
    return run


def is_header(run: list[re.Match]) -> bool:
    """The run is the header, not a sentence that opens with the site's name or an article's
    list item: two pieces or more, or the banner line, the ticker header or the banner's
    first bullet (EMAS). `kontan.co.id mencatat ...` and `• IDX 7.635 -60,03 -0,78% ditutup
    melemah` are text."""
    if len(run) != 1:
        return len(run) > 1
    piece = run[0]
    if piece.re is TICKER_BULLET_IN_TEXT:
        return piece["name"] == TICKERS[0]
    return piece.group() != "kontan.co.id"
