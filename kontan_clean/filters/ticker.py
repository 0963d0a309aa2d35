"""The market ticker banner: parsed into `Article.market`, then removed."""

from ..model import Block, Document, Quote
from ..site.patterns import TICKER_BULLET
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
            if (quote := block.attrs.get("quote")) is None:  # the HTML reader parsed it already
                m = TICKER_BULLET.match(block.text) if block.text[:1] in BULLETS else None
                if not m:
                    continue
                quote = Quote(m["name"], parse_number(m["value"]), parse_number(m["change"]), parse_number(m["pct"]))
            doc.market.append(quote)
            doc.drop(block, self.name, "market ticker banner")
