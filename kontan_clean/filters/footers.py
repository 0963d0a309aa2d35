"""Footers: the Google News line, WhatsApp channel invitations, syndication credits."""

from __future__ import annotations

from ..model import Document
from ..site.patterns import GOOGLE_NEWS, SYNDICATION, SYNDICATION_LINE, WHATSAPP
from .base import Filter


# (a substring every match contains, pattern, reason): the substring test skips most blocks cheaply.
_FOOTERS = (("Berita", GOOGLE_NEWS, "Google News footer"), ("WhatsApp", WHATSAPP, "WhatsApp channel invitation"))


class Footers(Filter):
    """Removes footer lines, or cuts them from the end of a flattened body."""

    name = "footers"

    def apply(self, doc: Document) -> None:
        after_syndication = False
        for block in doc.live():
            if after_syndication and SYNDICATION_LINE.match(block.text):
                doc.drop(block, self.name, "syndication credit")
                continue
            after_syndication = False
            if block.attrs.get("footer"):
                doc.drop(block, self.name, "Google News footer link")
                continue
            if "tayang" in block.text and (m := SYNDICATION.search(block.text)):
                doc.cut(block, m.start(), m.end(), self.name, f"syndicated from {m['site']}")
                after_syndication = True
            for cue, pattern, why in _FOOTERS:
                if block.removed_by is None and cue in block.text and (m := pattern.search(block.text)):
                    doc.cut(block, m.start(), m.end(), self.name, why)
