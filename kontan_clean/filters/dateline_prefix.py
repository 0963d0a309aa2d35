"""The dateline prefix of the first paragraph: `KONTAN.CO.ID - BRUSSELS.` -> `dateline`; also
`MOMSMONEY.ID -`, the old `JAKARTA.` / `KUALA LUMPUR.` / `Jakarta.`, and the English edition's
topic-dateline `COAL - JAKARTA.`."""

from __future__ import annotations

import re

from ..model import Block, Document
from ..site.patterns import DATELINE_CITY, DATELINE_PREFIX, DATELINE_PREFIX_AT, DATELINE_PREFIX_STARTS, MIXED_DATELINE, OLD_DATELINE, TOPIC_DATELINE
from ..site.vocab import SENTENCE_OPENERS
from ..text.shape import skip_spaces
from .base import Filter

HEAD = 8
_CITY_SEPARATORS = re.compile(r"[/,]")


def _may_open_upper(text: str) -> bool:
    """False only where OLD_DATELINE cannot match: its three opening capitals are upper case
    to `str.isupper` too, except letters newer than Python's Unicode tables (never ASCII)."""
    head = text[:3]
    return head.isupper() or not head.isascii()


def topic_dateline(text: str):
    """The English edition's `COAL - JAKARTA.` at the start of `text`, or None. Every match
    holds its dash: three C scans rule most paragraphs out before the `regex` match."""
    if "-" in text or "–" in text or "—" in text:
        return TOPIC_DATELINE.match(text)
    return None


def without_dateline(text: str) -> str:
    """`text` without a dateline at its start (`KONTAN.CO.ID - JAKARTA.`, `JAKARTA.`), to
    compare a paragraph with a copy printed without it. Only for comparing: no city check."""
    if text.startswith(DATELINE_PREFIX_STARTS) and (m := DATELINE_PREFIX.match(text)):
        text = text[m.end():]
    if _may_open_upper(text) and (old := OLD_DATELINE.match(text)):  # a `regex` match, not `re`
        text = text[old.end():]
    return text


def _city(raw: str) -> str | None:
    """The city if `raw` reads as one (`NEW YORK`, `SEOUL/HANOI`, `WEST PALM BEACH, Florida`,
    `Jakarta`), else None: it is then the first words of a sentence."""
    raw = raw.strip(" .,")
    if "/" in raw or "," in raw:
        raw = "/".join(part.strip() for part in raw.split("/"))
        parts = [p.strip() for p in _CITY_SEPARATORS.split(raw)]
    else:  # one city, the common case: what the split and joins would give, without them
        raw = raw.strip()
        parts = [raw]
    for i, part in enumerate(parts):
        words = part.split()
        if not words or len(words) > 4:
            return None
        upper = part == part.upper()
        titled = all(w[:1].isupper() and w[1:] == w[1:].lower() for w in words)
        if not (upper or (titled and (i > 0 or len(parts) == 1) and len(words) <= 2)):
            return None
    return raw


def lone_dateline(text: str) -> bool:
    """The block is a dateline and nothing else (`KONTAN.CO.ID - JAKARTA.`): no sentence of
    the article, wherever it stands."""
    m = text.startswith(DATELINE_PREFIX_STARTS) and DATELINE_PREFIX.match(text)
    if not m:
        return False
    c = DATELINE_CITY.match(text, m.end())
    return m.end() == len(text) or bool(c and c.end() == len(text) and _city(c["city"]))


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

    def _cut_prefix(self, doc: Document, block: Block, found: bool) -> bool:
        """Cut the `KONTAN.CO.ID - CITY.` opening `block`, if it has one, with the copies
        printed straight after it (`KONTAN.CO.ID - JAKARTA. KONTAN.CO.ID - ...`) in the same
        cut; whether it had one."""
        text, end, copies = block.text, 0, 0
        while m := text.startswith(DATELINE_PREFIX_STARTS, end) and DATELINE_PREFIX_AT.match(text, end):
            end = m.end()
            c = DATELINE_CITY.match(text, end)
            city = _city(c["city"]) if c else None
            if c and city:
                end = c.end()
            if not found and not copies:
                doc.meta.dateline = city
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
