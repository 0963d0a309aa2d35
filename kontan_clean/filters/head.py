"""The furniture of a page's head that may be printed again (bylines, date lines, a
dateline alone, the site's header lines), and how far down the head reaches."""

from __future__ import annotations

from ..model import Block
from ..site.patterns import BYLINE_EDITOR, BYLINE_LABEL, DATE_LINE, ENGLISH_DATE_LINE
from ..site.vocab import SITE_CHROME_LINES
from .dateline_prefix import lone_dateline

MAX_BYLINE_CHARS = 300
_LONGEST_CHROME = max(map(len, SITE_CHROME_LINES))


def is_byline(text: str) -> bool:
    """A byline, not a `Sumber: BPS` source note: a source needs `| Editor:` after it."""
    m = BYLINE_LABEL.match(text)
    if not m:
        return False
    if BYLINE_EDITOR.search(text, m.end(), m.end() + MAX_BYLINE_CHARS):
        return True
    return m["label"].lower() in ("reporter", "penulis") and len(text) < 120 and "." not in text[m.end():][:1]


def repeatable(text: str) -> bool:
    """Head furniture some pages print again and again: a byline, a date line, a dateline
    standing alone, a site header line."""
    return (is_byline(text) or bool(DATE_LINE.match(text) or ENGLISH_DATE_LINE.match(text)) or lone_dateline(text)
            or (len(text) <= _LONGEST_CHROME and text.lower() in SITE_CHROME_LINES))


def head_reach(live: list[Block], n: int) -> list[Block]:
    """The live blocks up to the `n`th that is no repeatable furniture: furniture printed
    again does not count, so that a filter's reach is the same on the page cleaned again,
    where it is gone."""
    others = 0
    for i, block in enumerate(live):
        if not repeatable(block.text):
            others += 1
            if others > n:
                return live[:i]
    return live
