"""Promos inside the body: `Baca Juga:`, `Selanjutnya:`, `Menarik Dibaca:`, `Tonton:`.

Each becomes a `Related` item. A promo is a line of its own, the end of an AMP paragraph, or,
in flattened text, a stretch whose headline runs into the next sentence: there its end is
inferred (`text.headline`), never assumed to be the end of the text.
"""

from __future__ import annotations

import re

from ..model import Block, Document, Related
from ..site.patterns import PROMO_ICON, PROMO_MARKER
from ..site.vocab import PROMO_BADGES, PROMO_KINDS
from ..text.headline import headline_end
from ..text.shape import SENTENCE_END, char_before, title_case
from .base import Filter

_BEFORE_PROMO = frozenset(SENTENCE_END + (":",))
"""A sentence end, or the colon that introduces a promo line."""
_NEXT_FURNITURE = re.compile(r"\s(?:Baca\s+Juga|Tonton|Selanjutnya|Menarik\s+Dibaca)\s*:|\sCek\s+Berita\s+dan\s+Artikel", re.IGNORECASE)
_TEXT = re.compile(r"\S")
_FOOTER_ENDS = ("WhatsApp Channel", "WHATSAPP CHANNEL", "Google News", "GOOGLE NEWS")
"""How the footers end, as kontan prints them."""


def _kind(marker: str) -> str:
    return PROMO_KINDS[" ".join(marker.lower().split())]


def _with_icon(text: str, start: int) -> int:
    """Where the promo starts, its icon (`iBaca Juga:`) included."""
    if start and text[start - 1] == PROMO_ICON and (start == 1 or text[start - 2].isspace()):
        return start - 1
    return start


def _without_badge(title: str) -> str:
    """The headline without a badge printed after it (`... digenjot premium`)."""
    head, _, last = title.rpartition(" ")
    return head.rstrip() if head and last in PROMO_BADGES else title


def promo_at(text: str, pos: int) -> bool:
    """A promo's marker starts at `pos`, maybe with its icon (`iBaca Juga:`)."""
    if text.startswith(PROMO_ICON, pos):
        pos += len(PROMO_ICON)
    return PROMO_MARKER.match(text, pos) is not None


def _is_promo(text: str, m: re.Match, after_promo: bool = False) -> bool:
    """A marker followed by a headline, at a boundary (`Baca Juga:` so written needs none;
    the end of the promo before it is one), or closing the text or followed by the next
    promo at once, with no headline left."""
    after = text[m.end():m.end() + 2]
    # A label closing the text has lost its headline: furniture all the same (at a boundary).
    if after and not (after[0].isupper() or after[0].isdigit() or after[0] in "\"“'‘" or promo_at(text, m.end())):
        return False
    if m["marker"] in ("Baca Juga", "BACA JUGA") or m.start() == 0 or after_promo:
        return True
    return char_before(text, m.start()) in _BEFORE_PROMO or _after_footer(text, m.start())


def _after_footer(text: str, pos: int) -> bool:
    """A footer (the WhatsApp invitation, the Google News line) ends just before `pos`: a
    boundary as a sentence end is. The footers filter cuts it after this one ran, and the
    page cleaned again has the marker at a sentence end or a block's start."""
    end = pos
    while end and text[end - 1].isspace():  # one space run back, as char_before reads
        end -= 1
    return text.endswith(_FOOTER_ENDS, 0, end)


class Promos(Filter):
    """Removes promos and records each as `Related(kind, title, url)`."""

    name = "promos"

    def apply(self, doc: Document) -> None:
        self._each(doc, doc.live())

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """Promos a cut uncovered: the later filters cut at a block's edges (the dateline
        off its start, a footer off its end), so only a block that now opens with a marker
        or closes with a colon is read again; reading every touched block of a flattened
        page again cost a quarter of its time."""
        self._each(doc, [b for b in blocks if b.text.endswith(":") or PROMO_MARKER.match(b.text)])

    def _each(self, doc: Document, blocks: list[Block]) -> None:
        for block in blocks:
            if ":" not in block.text and not block.attrs:
                continue  # no marker (each ends in a colon) and no promo link the reader found
            if block.text.endswith(":") and (label := PROMO_MARKER.fullmatch(block.text)):
                # The label alone, its headline lost (a crawler that dropped the link text):
                # furniture all the same, never a sentence of the article.
                doc.drop(block, self.name, f"{label['marker']} label without its headline")
                continue
            found: list[Related] = []
            self._clean(doc, block, found)
            if not found and block.removed_by is None and block.attrs.get("promo"):
                found.append(Related(block.attrs["promo"], block.text, block.attrs.get("href")))
                doc.drop(block, self.name, f"{block.attrs['promo']} promo link")
            doc.related.extend(found)

    def _clean(self, doc: Document, block: Block, found: list[Related]) -> None:
        """Find every promo in `block` left to right, then cut them all at once; in flattened
        text each cut ends a paragraph."""
        text = block.text
        if ":" not in text:
            return
        spans: list[tuple[int, int, str]] = []
        pos = 0
        text_after = -1  # where the first text after the last promo starts (-1: no promo yet)
        while m := PROMO_MARKER.search(text, pos):
            # promos in a row (`Selanjutnya: X Menarik Dibaca: Y` closing a flattened page):
            # nothing but spaces since the last one. Found once per promo, not by copying the
            # stretch at every marker after it (10,000 markers that are no promos took 8 s).
            if not _is_promo(text, m, after_promo=0 <= _with_icon(text, m.start()) <= text_after):
                pos = m.end()
                continue
            # a label whose headline is lost, the next promo after it at once: up to that one
            end = m.end() if promo_at(text, m.end()) else self._headline_end(block, m.end())
            if title := _without_badge(text[m.end():end].strip()):
                url = block.attrs.get("href") or block.attrs.get("links", {}).get(title)
                found.append(Related(_kind(m["marker"]), title, url))
            spans.append((_with_icon(text, m.start()), end, f"{m['marker']} promo"))
            pos = max(end, m.end())
            text_after = nxt.start() if (nxt := _TEXT.search(text, end)) else len(text)
        if spans:
            doc.cut_spans(block, spans, self.name, split=block.kind == "flat")

    @staticmethod
    def _headline_end(block: Block, start: int) -> int:
        if block.kind == "flat":
            end = headline_end(block.text, start)
            # A headline is written in Title Case and never closes with a full stop: what
            # follows the marker is then a sentence of the article, the headline was lost.
            if block.text[end - 1:end] == "." and not title_case(block.text[start:end]):
                return start
            return end
        nxt = _NEXT_FURNITURE.search(block.text, start)
        return nxt.start() if nxt else len(block.text)
