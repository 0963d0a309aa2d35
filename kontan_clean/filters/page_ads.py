"""Page furniture around the article: `TERBARU` lists, Kontan Academy and webinar ads, the
links under insight articles (`Daftar Saham IHSG Lengkap`)."""

import re

from ..model import Block, Document
from ..site.patterns import LIST_LINK
from ..site.vocab import LIST_HEADINGS
from ..text.words import at_most
from .base import Filter

# An ad opens its line, as kontan prints it: `Kontan Academy` alone, `FREE WEBINAR - <title>`
# (often several on one line), `WEBINAR: <title>`. The case is the ad's: a paragraph may open
# `Webinar tersebut ...` or speak of `webinar - yang digelar ...` mid-sentence, and stays.
AD_LINE = re.compile(r"^(?:(?i:Kontan\s+Academy)|(?:FREE\s+WEBINAR|Free\s+Webinar)\b.*|(?:WEBINAR|Webinar)\s*[-–:].*)$")
MAX_HEADLINE_WORDS = 25
MAX_TEASER_WORDS = 60
_HEADING_CHARS = max(map(len, LIST_HEADINGS))
"""A longer block is no list heading (lower-casing never shortens a string): not lowered."""
TEASER_LAYOUTS = frozenset({"momsmoney"})
"""Layouts whose headline lists print a teaser sentence under each headline."""


def _headline_like(block: Block) -> bool:
    """A headline of the list, or the whole list's headlines run together (the text reader
    marks those in a flattened page's tail)."""
    text = block.text
    return block.attrs.get("headlines", False) or at_most(text, MAX_HEADLINE_WORDS) and not text.endswith((".", "\"", "”"))


def _ad_line(block: Block) -> str | None:
    """Why `block` is an ad or list link standing alone, or None."""
    text = block.text
    # `in` tests on the text as it is, not on an upper-cased copy of a long block: the ads
    # write `WEBINAR` or `Webinar`, and `Kontan Academy` is a line of its own.
    if ("EBINAR" in text or "ebinar" in text or len(text) < 20) and AD_LINE.match(text):
        return "Kontan Academy / webinar ad"
    if block.text.startswith(("Daftar", "DAFTAR")) and LIST_LINK.match(block.text):
        return "link to a stock list"
    return None


class PageAds(Filter):
    """Drops `TERBARU` and the headline list after it, course/webinar ads and list links."""

    name = "page_ads"

    def apply(self, doc: Document) -> None:
        in_list = teaser = False
        teasers = doc.layout in TEASER_LAYOUTS
        for block in doc.live():
            if len(block.text) <= _HEADING_CHARS and block.text.lower() in LIST_HEADINGS:
                doc.drop(block, self.name, f"{block.text} heading of a headline list")
                in_list, teaser = True, False
            elif why := _ad_line(block):
                doc.drop(block, self.name, why)
            elif teaser and at_most(block.text, MAX_TEASER_WORDS):
                doc.drop(block, self.name, "teaser under a headline in a TERBARU list")
                teaser = False
            elif in_list and _headline_like(block):
                doc.drop(block, self.name, "headlines of a TERBARU list, run together" if block.attrs.get("headlines")
                         else "headline in a TERBARU list")
                teaser = teasers
            else:
                in_list = teaser = False

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """An ad line or a list heading a cut uncovered goes; the headlines under a heading
        are judged only by `apply`, since they need the blocks around them."""
        for block in blocks:
            if why := _ad_line(block):
                doc.drop(block, self.name, why)
            elif len(block.text) <= _HEADING_CHARS and block.text.lower() in LIST_HEADINGS:
                doc.drop(block, self.name, f"{block.text} heading of a headline list")
