"""Site chrome above the article: `kontan.co.id`, `banner langganan top`, the ticker header,
a logo printed letter by letter (`M O M S M O N E Y I D`)."""

from ..model import Block, Document
from ..site.patterns import SPACED_LOGO, TICKER_BULLET_IN_TEXT, TICKER_HEADER
from ..text.header import header_run, is_header
from ..site.vocab import SITE_CHROME_LINES
from .base import Filter

_LONGEST_LINE = max(map(len, SITE_CHROME_LINES))
"""A longer block is no chrome line (lower-casing never shortens a string): not lowered."""
HEAD = 20
"""Chrome only stands at the top of the page: this many blocks are looked at."""


_RUN_STARTS = frozenset("kb|")
"""A header run that opens with a ticker bullet is the ticker's: this filter cuts only the lines
before the first bullet."""


def _header_lines_opening(text: str) -> int:
    """Where the header lines run together at the start of `text` end (`kontan.co.id
    kontan.co.id ...`, what a cut leaves of a flattened header), or 0. The ticker bullets
    among them are the ticker's, so the cut stops at the first."""
    run = header_run(text)
    if not is_header(run):
        return 0
    end = 0
    for m in run:
        if m.re is TICKER_BULLET_IN_TEXT:
            break
        end = m.end()
    return end


class SiteChrome(Filter):
    """Drops the desktop page's header lines and a logo printed letter by letter."""

    name = "site_chrome"

    def apply(self, doc: Document) -> None:
        self._drop(doc, doc.live()[:HEAD])

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """A chrome line a cut uncovered at the top of the page goes as in `apply`."""
        self._drop(doc, doc.among_first(blocks, HEAD))

    def _drop(self, doc: Document, blocks: list[Block]) -> None:
        for block in blocks:
            text = block.text
            # Gates before the patterns: the ticker header holds a `|`, the logo a space
            # after its first letter.
            if (len(text) <= _LONGEST_LINE and text.lower() in SITE_CHROME_LINES) or ("|" in text and TICKER_HEADER.match(text)):
                doc.drop(block, self.name, "site header line")
            elif text[:1] in _RUN_STARTS and (end := _header_lines_opening(text)):
                doc.cut(block, 0, end, self.name, "site header lines run together")
            elif text[1:2] == " " and SPACED_LOGO.match(text):
                doc.drop(block, self.name, "site logo")
