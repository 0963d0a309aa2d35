"""Footers: the Google News line, WhatsApp channel invitations, syndication credits."""

from __future__ import annotations

import re

from ..model import Block, Document
from ..site.patterns import GOOGLE_NEWS, GOOGLE_NEWS_CUES, SYNDICATION, SYNDICATION_LINE, SYNDICATION_LINK, WHATSAPP
from ..site.vocab import SITE_CHROME_LINES
from .base import Filter

# GOOGLE_NEWS ends `... di` or `... Google News`, then only whitespace: the same test, with
# the same flags, on the last four characters rules out a text before it is scanned for cues.
_GOOGLE_NEWS_END = re.compile(r"(?:di|News)\Z", re.IGNORECASE)
_LONGEST_CHROME = max(map(len, SITE_CHROME_LINES))
"""Lower-casing never shortens a text: a longer block is no chrome line, and is not lowered."""


def _google_news(text: str):
    """The footer closing `text`, tried only where its first words last occur."""
    end = text.rstrip()
    if not _GOOGLE_NEWS_END.search(end, max(0, len(end) - 4)):
        return None
    at = max(map(text.rfind, GOOGLE_NEWS_CUES))
    return GOOGLE_NEWS.match(text, at) if at >= 0 else None


_FOOTER_COPIES = 3
"""Rounds of footer cuts from the end of one block at most, each one of every kind: a page
may print the Google News line twice, or have it before and after the syndication credit
(each cut copies the block, so no unbounded loop over a hostile run of them)."""


_INVITATION_TAIL = 2_000
"""An invitation ends within this many characters after `WhatsApp` (its link included)."""
_WHATSAPP_REACH = 400
"""How far before `WhatsApp` an invitation may start (its cue, up to 160 characters, and a
line's start up to 200): the window the pattern is tried in."""


class _ClosingRun:
    """The footers printed again and again at the end of a block (`Cek Berita ...` x 50, the
    WhatsApp invitation after each), found from the end back on the text as it is, with `endpos`,
    and cut in one go: cutting them one by one copies the block at each cut. The last place
    of each cue is kept, since the end only moves back: each search reads its stretch once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int] = {}

    def last(self, needle: str, end: int) -> int:
        """`text.rfind(needle, 0, end)`, from the last answer when it still stands before `end`."""
        at = self.found.get(needle)
        if at is None or (at >= 0 and at + len(needle) > end):
            at = self.found[needle] = self.text.rfind(needle, 0, end)
        return at

    def start(self) -> int | None:
        """Where the run of Google News lines and WhatsApp invitations closing the text
        starts, or None."""
        text, end, start = self.text, _end_before(self.text, len(self.text)), None
        while (at := self._google_news(end)) is not None or (at := self._whatsapp(end)) is not None:
            start, end = at, _end_before(text, at)
        return start

    def _google_news(self, end: int) -> int | None:
        if not _GOOGLE_NEWS_END.search(self.text, max(0, end - 4), end):
            return None
        at = max(self.last(cue, end) for cue in GOOGLE_NEWS_CUES)
        m = GOOGLE_NEWS.match(self.text, at, end) if at >= 0 else None
        return m.start() if m else None

    def _whatsapp(self, end: int) -> int | None:
        if (at := self.last("WhatsApp", end)) < 0 or end - at > _INVITATION_TAIL:
            return None  # none, or too far from the end for an invitation (its link included)
        pos = max(0, at - _WHATSAPP_REACH)
        while (m := WHATSAPP.search(self.text, pos, end)) and m.end() < end:
            pos = m.start() + 1
        return m.start() if m else None


def _may_close_with_footers(text: str) -> bool:
    """A C scan for the cues `_ClosingRun` needs (`Cek Berita` in its three cases, `WhatsApp`)."""
    return "WhatsApp" in text or "erita" in text or "ERITA" in text


def _end_before(text: str, pos: int) -> int:
    """`len(text[:pos].rstrip())` without the copy."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _chrome_line(text: str) -> bool:
    return len(text) <= _LONGEST_CHROME and text.lower() in SITE_CHROME_LINES


class Footers(Filter):
    """Removes footer lines, or cuts them from the end of a flattened body."""

    name = "footers"

    def _cut_footers(self, doc: Document, block: Block) -> tuple[bool, bool]:
        """Cut one of each footer that ends `block`, last first: whether one was cut, and
        whether that was a syndication credit."""
        cut = syndicated = False
        if block.removed_by is None and (m := _google_news(block.text)):
            doc.cut(block, m.start(), m.end(), self.name, "Google News footer")
            cut = True
        if block.removed_by is None and "WhatsApp" in block.text:
            # every invitation in the block at once: one cut however many times it is printed
            if spans := [(m.start(), m.end(), "WhatsApp channel invitation") for m in WHATSAPP.finditer(block.text)]:
                doc.cut_spans(block, spans, self.name)
                cut = True
        if block.removed_by is None and "tayang" in block.text and (m := SYNDICATION.search(block.text)):
            doc.cut(block, m.start(), m.end(), self.name, f"syndicated from {m['site']}")
            cut = syndicated = True
        return cut, syndicated

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
            after_syndication = self._judge(doc, block)

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """A block a later cut changed is judged as in this filter's turn: the footers that end
        it now (`Cek Berita ... Google News Senin, 28 Oktober 2024 / 20:19 WIB` once the date
        line is cut), a syndication link or the site name left alone (`KONTAN.CO.ID:A. Klik
        untuk baca: URL` once the dateline is cut)."""
        for block in blocks:
            self._judge(doc, block)

    def _judge(self, doc: Document, block: Block) -> bool:
        """Cut the footers that close `block`, or drop it when that is all it is; whether a
        syndication credit was among them (the credit's own lines may follow it)."""
        # From the end of the text back: the credit is known by what follows it (the end,
        # or the Google News line), so the invitations after it go first; a footer the
        # credit's cut leaves at the end goes in the next round.
        after_syndication = False
        for _ in range(_FOOTER_COPIES):
            cut, syndicated = self._cut_footers(doc, block)
            after_syndication = after_syndication or syndicated
            if not cut:
                break
        if block.removed_by is None and _may_close_with_footers(block.text):
            if (start := _ClosingRun(block.text).start()) is not None:  # more copies than rounds
                doc.cut(block, start, len(block.text), self.name, "footers printed again")
        self._whole_block(doc, block)  # last: the cuts above may leave a block that is only this
        return after_syndication

    def _whole_block(self, doc: Document, block: Block) -> None:
        if block.removed_by is None and block.text[:4] in ("Klik", "KLIK", "klik") and SYNDICATION_LINK.match(block.text):
            doc.drop(block, self.name, "syndication link without its credit")
        elif block.removed_by is None and _chrome_line(block.text):
            doc.drop(block, self.name, "site name left after the footer")  # flattened chrome + footer
