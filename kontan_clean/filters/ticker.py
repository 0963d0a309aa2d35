"""The market ticker banner: parsed into `Article.market`, then removed."""

import re

from ..model import Block, Document, Quote
from ..site.patterns import TICKER_BULLET, TICKER_BULLET_IN_TEXT
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
        bullets, pos = [], 0
        while m := TICKER_BULLET_IN_TEXT.match(block.text, pos):
            bullets.append(m)
            pos = m.end() + 1  # the one space between bullets (the text is collapsed)
        # One bullet opening a line of body text may be the article's own list item
        # (`• IDX 7.635 -60,03 -0,78% ditutup melemah`): the banner runs several together.
        if bullets and (len(bullets) > 1 or block.kind == "flat"):
            doc.market.extend(_quote(m) for m in bullets)
            doc.cut(block, 0, bullets[-1].end(), self.name, "market ticker banner run together")


def _quote(m: re.Match) -> Quote:
    return Quote(m["name"], parse_number(m["value"]), parse_number(m["change"]), parse_number(m["pct"]))
