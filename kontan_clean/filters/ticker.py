"""The market ticker banner: parsed into `Article.market`, then removed."""

import re

from ..model import Block, Document, Quote
from ..site.patterns import TICKER_BULLET, TICKER_BULLET_IN_TEXT
from ..text.header import header_run, is_header
from ..text.values import parse_number
from .base import Filter


BULLETS = frozenset("•·▪*")


class Ticker(Filter):
    """Bullet lines `• EMAS 1.527.000 -7.000 -0,46%` become quotes.

    Only bullets with a known index name count: a plain-text table of ticker rows in an
    insight article has no bullet and is body text.
    """

    name = "ticker"

    def apply(self, doc: Document) -> None:
        self.recheck(doc, doc.live())

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """A bullet anywhere on the page is the ticker's: judged alone, as in `apply`."""
        for block in blocks:
            if (quote := block.attrs.get("quote")) is not None:  # the HTML reader parsed it already
                doc.market.append(quote)
                doc.drop(block, self.name, "market ticker banner")
            elif block.text[:1] in BULLETS:
                self._bullets(doc, block)

    def _bullets(self, doc: Document, block: Block) -> None:
        """The bullets the block opens with: a line of its own, or bullets run together
        with what follows them, as a flattened page or a cut in one leaves them."""
        if m := TICKER_BULLET.match(block.text):
            doc.market.append(_quote(m))
            doc.drop(block, self.name, "market ticker banner")
            return
        # The whole run of the header the bullets open: the site's header lines after them
        # go in the same cut, else site_chrome and this filter would take turns at them.
        # One bullet opening a line of body text may be the article's own list item
        # (`• IDX 7.635 -60,03 -0,78% ditutup melemah`): see `is_header`.
        run = header_run(block.text)
        if is_header(run):
            doc.market.extend(_quote(m) for m in run if m.re is TICKER_BULLET_IN_TEXT)
            doc.cut(block, 0, run[-1].end(), self.name, "market ticker banner run together")


def _quote(m: re.Match) -> Quote:
    return Quote(m["name"], parse_number(m["value"]), parse_number(m["change"]), parse_number(m["pct"]))
