"""The dateline prefix of the first paragraph: `KONTAN.CO.ID - BRUSSELS.` -> `dateline`; also
`MOMSMONEY.ID -`, the old `JAKARTA.` / `KUALA LUMPUR.` / `Jakarta.`, and the English edition's
topic-dateline `COAL - JAKARTA.`."""

from __future__ import annotations

from ..model import Block, Document
from ..site.patterns import DATELINE_CITY, DATELINE_PREFIX_AT, DATELINE_PREFIX_STARTS, MIXED_DATELINE, OLD_DATELINE
from ..site.vocab import SENTENCE_OPENERS
from ..text.dateline import city, lone_dateline, topic_dateline
from ..text.shape import skip_spaces
from .base import Filter
from .head import head_reach

HEAD = 8


class DatelinePrefix(Filter):
    """Cuts the dateline prefix from the first body paragraph and keeps the city; a dateline
    standing alone further down (a line of its own) goes too."""

    name = "dateline_prefix"

    def apply(self, doc: Document) -> None:
        found = False
        live = doc.live()
        for block in live[:HEAD]:  # a repeated lead paragraph may carry it again
            found = self._cut_prefix(doc, block, found) or found
        if not found:
            self._old_style(doc)
        for block in live[HEAD:]:
            if block.removed_by is None and block.text.startswith(DATELINE_PREFIX_STARTS) and lone_dateline(block.text):
                doc.drop(block, self.name, "dateline printed again")

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """Judge again blocks a cut made after this filter's turn (on a recheck, or after a
        settle): a prefix it uncovered within reach of the head is cut, a dateline it left
        standing alone anywhere goes (`KONTAN.CO.ID - JAKARTA. banner langganan top
        KONTAN.CO.ID - JAKARTA.`, the header words cut on a recheck)."""
        reach = set(head_reach(doc.live(), HEAD, doc.memo))
        found = any(r.filter == self.name for r in doc.removed)
        for block in blocks:
            if block.removed_by is not None:
                continue
            if block in reach:
                found = self._cut_prefix(doc, block, found) or found
            elif block.text.startswith(DATELINE_PREFIX_STARTS) and lone_dateline(block.text):
                doc.drop(block, self.name, "dateline printed again")

    def settle(self, doc: Document) -> None:
        """The prefixes opening blocks within reach of the final page: a cut made after this
        filter's turn (header lines run into the dateline, cut on a recheck) may have left
        one opening a block, as the page cleaned again would have it."""
        found = any(r.filter == self.name for r in doc.removed)
        for block in head_reach(doc.live(), HEAD, doc.memo):
            found = self._cut_prefix(doc, block, found) or found

    def _cut_prefix(self, doc: Document, block: Block, found: bool) -> bool:
        """Cut the `KONTAN.CO.ID - CITY.` opening `block`, if it has one, with the copies
        printed straight after it (`KONTAN.CO.ID - JAKARTA. KONTAN.CO.ID - ...`) in the same
        cut; whether it had one."""
        text, end, copies = block.text, 0, 0
        while m := text.startswith(DATELINE_PREFIX_STARTS, end) and DATELINE_PREFIX_AT.match(text, end):
            end = m.end()
            c = DATELINE_CITY.match(text, end)
            name = city(c["city"]) if c else None
            if c and name:
                end = c.end()
            if not found and not copies:
                doc.meta.dateline = name
            copies += 1
            end = skip_spaces(text, end)
        if not copies:
            return False
        doc.cut(block, 0, end, self.name, "dateline prefix printed again" if found else "dateline prefix")
        return True

    def _old_style(self, doc: Document) -> None:
        """Before about 2013 the paragraph opened with the city alone (`JAKARTA.`, `NEW
        YORK/LONDON.`, sometimes `Jakarta.`); the English edition opens `COAL - JAKARTA.`.
        Only trusted on a page whose head was recognised, so that clean text never loses a
        first word."""
        if not (doc.meta.title or doc.meta.editor or doc.meta.reporters or doc.meta.source):
            return
        live = doc.live()
        if not live:
            return
        text = live[0].text
        m = topic_dateline(text) or OLD_DATELINE.match(text) or MIXED_DATELINE.match(text)
        if m and m.re is MIXED_DATELINE and m["city"].lower() in SENTENCE_OPENERS:
            return  # `Kedua. ...`: a numbered point, not a city
        if m:
            doc.meta.dateline = m["city"]
            doc.cut(live[0], 0, m.end(), self.name, "dateline prefix")
