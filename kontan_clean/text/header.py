"""The desktop header run together: site name, `banner langganan top`, the ticker header and
ticker bullets joined by spaces, as flattening (or a cut in flattened text) leaves them."""

from __future__ import annotations

import re

from ..site.patterns import FLAT_CHROME, TICKER_BULLET_IN_TEXT


def header_run(text: str, pos: int = 0) -> list[re.Match]:
    """The header pieces `text` opens with at `pos` (its whitespace collapsed), in order:
    the site's header lines and ticker bullets, each followed by a space or the end."""
    run = []
    while m := FLAT_CHROME.match(text, pos) or TICKER_BULLET_IN_TEXT.match(text, pos):
        run.append(m)
        pos = m.end() + 1  # the one space between pieces
    return run


def is_header(run: list[re.Match]) -> bool:
    """The run is the header, not a sentence that opens with the site's name: two pieces
    or more, or a ticker bullet or the ticker header (`kontan.co.id mencatat ...` is text)."""
    return len(run) >= 2 or (bool(run) and run[0].group() != "kontan.co.id")
