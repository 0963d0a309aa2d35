"""Page furniture around the article: `TERBARU` lists, Kontan Academy and webinar ads, the
links under insight articles (`Daftar Saham IHSG Lengkap`)."""

import re

from ..model import Block, Document
from ..site.patterns import LIST_LINK
from ..site.vocab import LIST_HEADINGS
from ..text.headline import headline_end
from ..text.shape import skip_spaces
from ..text.words import at_most
from .base import Filter, drop_opening

# An ad opens its line, as kontan prints it: `Kontan Academy` alone, `FREE WEBINAR - <title>`
# (often several on one line), `WEBINAR: <title>`. The case is the ad's: a paragraph may open
# `Webinar tersebut ...` or speak of `webinar - yang digelar ...` mid-sentence, and stays.
AD_LINE = re.compile(r"^(?:(?i:Kontan\s+Academy)|(?:FREE\s+WEBINAR|Free\s+Webinar)\b.*|(?:WEBINAR|Webinar)\s*[-–:].*)$")
AD_TITLE_AT = re.compile(r"(?:FREE\s+WEBINAR|Free\s+Webinar)\b\s*[-–:]?\s*|(?:WEBINAR|Webinar)\s*[-–:]\s*")
"""The marker before a webinar ad's title, as AD_LINE has it."""
MAX_AD_CHARS = 400
"""How far the next ad is looked for after a marker: an ad's title is a headline's length."""
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


def _ad_end(block: Block) -> int:
    """Where the ads or link opening `block` end. A line's ad is the whole line; in flattened
    text (kind `flat`), whose line ends are lost, a webinar ad's title ends as a headline does
    (`headline_end`: never past a dateline or the next piece of furniture), the next ad may
    follow it straight away, and the article may run on after them. The run is found here in
    one pass, since a filter does not judge its own cuts again."""
    text = block.text
    if block.kind != "flat":
        return len(text)
    end = 0
    while m := AD_TITLE_AT.match(text, skip_spaces(text, end)):
        # each title ends by the next ad at the latest: the inference would read on into it
        nxt = AD_TITLE_AT.search(text, m.end(), m.end() + MAX_AD_CHARS)
        end = headline_end(text, m.end(), nxt.start() if nxt else None)
    return end or len(text)


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
                drop_opening(doc, block, self.name, why, _ad_end(block))
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
                drop_opening(doc, block, self.name, why, _ad_end(block))
            elif len(block.text) <= _HEADING_CHARS and block.text.lower() in LIST_HEADINGS:
                doc.drop(block, self.name, f"{block.text} heading of a headline list")
