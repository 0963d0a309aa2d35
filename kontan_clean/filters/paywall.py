"""The paid-insight paywall lines (`Hanya Rp 5.000 untuk membaca artikel ini.`, `BELI SEKARANG`)."""

from ..model import Document
from ..site.vocab import PAYWALL_LINES
from .base import Filter


class Paywall(Filter):
    """Drops paywall lines and marks the article as cut short by a paywall."""

    name = "paywall"

    def apply(self, doc: Document) -> None:
        for block in doc.live():
            if block.text.lower().rstrip(".!") in PAYWALL_LINES:
                doc.drop(block, self.name, "paywall line")
                doc.meta.paywalled = True
                doc.flags.add("insight")
