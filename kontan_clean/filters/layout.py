"""The page's layout, decided once from how its top is built, before anything is removed.

Filters whose rules differ between renderings read `doc.layout` instead of guessing again:

| layout | what the top of the page shows |
|---|---|
| `html` | an HTML page (the reader found the article's elements) |
| `flattened` | a text with no line break at all |
| `desktop` | the site header or ticker banner, or a title with its date line |
| `insight` | a paid insight page: an insight URL or a paywall box |
| `english` | the English edition: `June 05, 2024, 06.44 PM \\| Reporter: X` first |
| `momsmoney` | the spaced logo `M O M S M O N E Y I D`, a momsmoney URL or `MOMSMONEY.ID -` |
| `amp_lead` | AMP: the lead paragraph, the title, then the body repeating the lead |
| `amp_title` | AMP: the title, then the body from its dateline, no byline |
| `body` | anything else: the byline or the body straight away |
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Block, Document
from ..site.patterns import (
    DATE_LINE, DATE_OPENING, DATELINE_PREFIX, EDITOR_LINE, ENGLISH_DATE_LINE, GOOGLE_NEWS_CUES, OLD_DATELINE, SPACED_LOGO,
    TICKER_BULLET, TICKER_HEADER,
)
from ..site.vocab import PAYWALL_OPENERS, SITE_CHROME_LINES
from ..text.copies import common_start, copy_words, cut_short
from ..text.shape import OPENING_WORDS, TITLE_MAX_WORDS, ends_sentence, opening, title_case, title_shaped
from ..text.urls import host as url_host
from ..text.words import at_most
from ..text.dateline import without_dateline
from .base import Filter
from .caption import caption_wording
from .head import is_byline
from .promos import promo_at

HEAD = 20
LEAD_LOOKAHEAD = 4
_OPENER_INITIALS = frozenset(o[0] for o in PAYWALL_OPENERS)


def _paywall_opener(text: str) -> bool:
    """The block opens the insight paywall box. Lowering one character first is enough to
    rule out almost every block (lower-casing never shortens a string, so the first
    character of the lowered start is the lowered first character's first)."""
    return text[:1].lower()[:1] in _OPENER_INITIALS and text[:60].lower().startswith(PAYWALL_OPENERS)


class _Openings(Sequence):
    """The first words of each block after its dateline, as `opening()` reads them; a block's
    words are split off when first asked for (the lead's copy is found within a few blocks,
    so most of the reach is never read)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.read: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self.blocks)

    def __getitem__(self, pos: int) -> list[str]:  # type: ignore[override]  # ints only: no slices asked for
        if (words := self.read.get(pos)) is None:
            words = self.read[pos] = without_dateline(self.blocks[pos].text).split(None, OPENING_WORDS)[:OPENING_WORDS]
        return words


def repeats_lead(blocks: list[Block]) -> bool:
    """The first block is a paragraph whose words the body prints again from one of the next
    few blocks (see `_copies_lead`), with the title under it. A title printed again under
    its date line is not a lead."""
    lead = blocks[0].text
    if not may_lead(lead):
        return False
    words = _Openings(blocks[:min(len(blocks), 2 + LEAD_LOOKAHEAD + OPENING_WORDS)])
    first = tuple(words[0]) if len(words[0]) == OPENING_WORDS else None  # the lead's own opening
    if first is None or DATE_LINE.match(blocks[1].text) or ENGLISH_DATE_LINE.match(blocks[1].text):
        return False
    if not title_like(blocks[1].text):
        return False  # the title stands under the lead: a paragraph printed again without one is the text's
    return any(
        opening(words, i) == first and not (blocks[i].text == lead and title_like(lead)) and _copies_lead(blocks, i)
        for i in range(2, min(len(blocks), 2 + LEAD_LOOKAHEAD))
    )


def _copies_lead(blocks: list[Block], at: int) -> bool:
    """The blocks from `at` print the lead's words (block 0's) again, in order. The copy may
    run over several paragraphs and pass over a few lines that are none of it (a promo line,
    a caption) or a promo ending a paragraph line. The lead may end inside a word only where
    `…` cut it, the copy only where the page ends (the store cut it there). What counts as
    the same words is what the repeats filter compares, so that a page whose copies it keeps
    both of is no AMP lead either (`copy_words`)."""
    lead = copy_words(blocks[0].text)
    cut, done, skipped, passed_over = cut_short(blocks[0].text), 0, 0, False
    for pos in range(at, len(blocks)):
        words = copy_words(blocks[pos].text)
        same = common_start(words, lead[done:done + len(words)])  # a slice no longer than the block: linear
        done += same
        if done == len(lead):
            return True
        if same == len(words):
            passed_over = False
            continue  # the paragraph is all the copy's: it goes on in the next
        rest = words[same]
        if (cut and done == len(lead) - 1 and rest.startswith(lead[done])) or (
                pos == len(blocks) - 1 and same == len(words) - 1 and lead[done].startswith(rest)):
            return True  # one copy cut inside its last word
        if same == 0 and skipped < LEAD_LOOKAHEAD:
            skipped, passed_over = skipped + 1, True
            continue
        if not promo_at(" ".join(words[same:same + 3]), 0):
            return False
        passed_over = False
    return not passed_over  # the page ends inside the copy (not in lines that are none of it)


def may_lead(text: str) -> bool:
    """Whether `text` may be an AMP lead (the page's description): not a footer line that
    opens with the Google News invitation, whatever junk a page glued after it."""
    return not text.startswith(GOOGLE_NEWS_CUES)


_CHROME_PHRASES = tuple(line for line in SITE_CHROME_LINES if " " in line or "." in line)
"""The header's lines that no headline holds (`kontan.co.id`, `banner langganan top`); a
single word (`indikator`) may stand in one."""


def title_like(text: str) -> bool:
    """A headline rather than a sentence: title-shaped, not ending a sentence (a question or
    an exclamation only in Title Case, as headlines are written)."""
    if not title_shaped(text) or DATE_OPENING.match(text) or DATELINE_PREFIX.match(text) or OLD_DATELINE.match(text):
        return False  # no headline opens with a date and time or a dateline
    if caption_wording(text) or any(map(text.lower().__contains__, _CHROME_PHRASES)):
        return False  # nor is worded as a photo caption, nor holds the site's header lines
    if text.endswith(("?", "!")):
        return title_case(text)
    return not ends_sentence(text)


def _chrome(text: str) -> bool:
    """The desktop page's header lines or ticker banner."""
    if text[:1] in "•·▪*":
        return TICKER_BULLET.match(text) is not None
    if "|" in text:
        return TICKER_HEADER.match(text) is not None
    return len(text) < 25 and text.lower() in SITE_CHROME_LINES


def decide(doc: Document) -> str:
    """The layout of `doc` (see the module's table)."""
    if doc.form in ("html", "flattened"):
        return doc.form
    blocks = doc.live()
    head = blocks[:HEAD]
    if not head:
        return "body"
    host = url_host(doc.meta.url) if doc.meta.url else ""
    texts = [b.text for b in head]
    if host.endswith("momsmoney.id") or host.startswith("momsmoney.") or any(
        t.startswith("MOMSMONEY.ID") or (t[1:2] == " " and SPACED_LOGO.match(t)) for t in texts
    ):
        return "momsmoney"
    if host.startswith("english.") or ENGLISH_DATE_LINE.match(texts[0]):
        return "english"
    if host.startswith("insight.") or any(_paywall_opener(b.text) for b in blocks):
        return "insight"
    if any(_chrome(t) for t in texts):
        # The header lines go, and what stands under them is judged as the clean text will
        # be: an AMP lead there reads as one once they are gone. The lead's copy is read
        # to its end, wherever that is.
        rest = [b for b in head if not _chrome(b.text)] + blocks[HEAD:]
        return "amp_lead" if len(rest) > 1 and repeats_lead(rest) else "desktop"
    if len(head) > 1 and repeats_lead(blocks):
        return "amp_lead"
    if any(is_byline(t) for t in texts[:4]):
        return "body"
    if any(DATE_LINE.match(t) for t in texts[:4]):
        return "desktop"
    if len(head) > 1 and at_most(texts[0], TITLE_MAX_WORDS) and (
        DATELINE_PREFIX.match(texts[1])
        # Without the `KONTAN.CO.ID -` prefix, a short line over a paragraph opening in
        # capitals is clean text as often: the closing `Editor: X` line must confirm it.
        or (title_like(texts[0]) and EDITOR_LINE.match(blocks[-1].text)
            and (OLD_DATELINE.match(texts[1]) or title_case(texts[0])))
    ):
        return "amp_title"  # the title, then the body from its dateline; `Editor: X` closes it
    return "body"


class Layout(Filter):
    """Sets `doc.layout` (unless the reader already did); removes nothing."""

    name = "layout"

    def apply(self, doc: Document) -> None:
        if doc.layout is None:
            doc.layout = decide(doc)
