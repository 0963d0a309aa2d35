"""The paid-insight paywall: the old lines (`Hanya Rp 5.000 untuk membaca artikel ini.`,
`BELI SEKARANG`) and the newer box (`Ini Artikel Spesial`, `Agar bisa lanjut membaca ...`,
`Sudah berlangganan? Masuk`, plans and prices, `Berlangganan dengan Google`, ...).

The box stands where the rest of the paid article would be: after its opening line every
offer line belongs to it, up to the first paragraph that reads as body text. In HTML the
box may be one block holding several of its lines at once.
"""

from __future__ import annotations

import re

from ..model import Block, Document
from ..site.vocab import (LIST_HEADINGS, PAYWALL_LINES, PAYWALL_OFFER_PHRASES, PAYWALL_OFFERS, PAYWALL_OPENERS,
                          PAYWALL_PRINTED)
from ..text.dateline import dateline_after_start
from ..text.words import at_most
from .base import Filter, drop_opening

MAX_BOX_CHARS = 300
"""A block holding only paywall lines is short; longer blocks are not lowered and searched."""
MAX_OFFER_WORDS = 16
"""An offer line (plan name, price, product list, trial note) is short."""
_PAYWALL_HINTS = ("rp 5.000", "beli sekarang", "berlangganan")
"""One of these is in every block made of paywall lines only (a cheap test before the pattern)."""
_PAYWALL_PHRASES = re.compile("|".join(re.escape(p) for p in sorted(PAYWALL_LINES, key=len, reverse=True)), re.IGNORECASE)
# The printed lines run together, each with the separators after it (never before: a run of
# separators no line follows is then read once, and a search over spaces stays linear), and
# each a whole word at its end (`BELI SEKARANGnya` is no button).
_PRINTED_RUN = re.compile(rf"(?:(?:{'|'.join(map(re.escape, PAYWALL_PRINTED))})(?![^\W_])[\s.!?:|-]*)+")
_OFFER_PHRASE = re.compile(rf"(?:{'|'.join(map(re.escape, PAYWALL_OFFER_PHRASES))})(?![^\W_])", re.IGNORECASE)
_OPENER_CHARS = max(map(len, PAYWALL_OPENERS))
_ROUNDS = 4
"""Cuts of paywall lines from the start of one block at most (each cut copies the block's
rest: a bound keeps a hostile run of glued lines linear)."""


def _only_paywall_lines(text: str) -> bool:
    """The block is nothing but paywall lines run together (`Hanya Rp 5.000 ... BELI SEKARANG`)."""
    return not _PAYWALL_PHRASES.sub("", text).strip(" .!?:|-")


def _opener(text: str) -> bool:
    """The box's opening line (`Hanya Rp 5.000 ...`, `Ini Artikel Spesial`), or a block opening with it."""
    return text[:_OPENER_CHARS].lower().startswith(PAYWALL_OPENERS)


def _paywall_line(text: str) -> bool:
    """The box's opening line, or a block of paywall lines only."""
    return _opener(text) or (any(map(text.lower().__contains__, _PAYWALL_HINTS)) and _only_paywall_lines(text))


def _offer(text: str) -> bool:
    low = text.lower()
    return low.startswith(PAYWALL_OFFERS) or (at_most(text, MAX_OFFER_WORDS) and low not in LIST_HEADINGS)


def _box_end(block: Block) -> int:
    """Where the paywall box opening `block` ends. A line of it is the whole line. In
    flattened text (kind `flat`), whose line ends are lost, the box's printed lines run
    together (`Hanya Rp 5.000 ... BELI SEKARANG`) end it, unless offers follow them: one no
    sentence opens with (`Berlangganan dengan Google`, `Ini Artikel Spesial`), or any offer
    line (`Langganan`, `Rp 20.000`) before a dateline, where the article starts. Then, or when
    the box opens with lines of no fixed wording, it ends at the dateline, or else takes the
    block."""
    text = block.text
    if block.kind != "flat":
        return len(text)
    at = dateline_after_start(text)
    if run := _PRINTED_RUN.match(text):
        offers = _OFFER_PHRASE.match(text, run.end()) or (
            at is not None and text[run.end():at].lstrip().lower().startswith(PAYWALL_OFFERS))
        if not offers:
            return run.end()
    return len(text) if at is None else at


class Paywall(Filter):
    """Drops paywall lines and the offer box after its opener, and marks the article paywalled."""

    name = "paywall"

    def apply(self, doc: Document) -> None:
        in_box = False
        for block in doc.live():
            if len(block.text) > MAX_BOX_CHARS and not in_box:
                continue
            if _paywall_line(block.text):
                # The box opens with its opener (a lone `BELI SEKARANG` closes the old one),
                # and a flattened block keeps the text from a dateline on: no box after it.
                whole = self._take(doc, block)
                in_box = whole and (in_box or _opener(block.text))
            elif in_box and _offer(block.text):
                doc.drop(block, self.name, "paywall offer")
            else:
                in_box = False

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """A paywall line a cut uncovered (`KONTAN.CO.ID:Hanya Rp 5.000 ...` once the dateline
        is cut) goes; the offers after an opener are judged only by `apply`, in their run."""
        for block in blocks:
            if len(block.text) <= MAX_BOX_CHARS and _paywall_line(block.text):
                self._take(doc, block)

    def _take(self, doc: Document, block: Block) -> bool:
        """Drop the paywall lines opening `block` (a paywall line by `_paywall_line`), also
        those its cut uncovers (`... artikel ini.BELI SEKARANGHanya Rp 5.000 ...`, printed
        lines glued), as the page cleaned again would: whether the whole block went."""
        doc.meta.paywalled = True
        for _ in range(_ROUNDS):
            if drop_opening(doc, block, self.name, "paywall line", _box_end(block)):
                return True
            if not _paywall_line(block.text):
                break
        return False
