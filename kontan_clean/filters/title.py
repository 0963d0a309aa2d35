"""The article title (and its repeat) at the top of a rendering, and a section label above it."""

from operator import attrgetter

from ..model import Block, Document
from ..site.patterns import DATE_OPENING, DATELINE_PREFIX
from ..text.shape import ends_sentence, title_shaped
from ..text.dateline import topic_dateline, without_dateline
from ..text.words import mostly_words
from .base import Filter
from .head import is_byline
from .caption import looks_like_caption
from .head import date_line
from .layout import repeats_lead

HEAD = 12
FIRST = 3
"""The title is among the first few blocks left once the page chrome is gone."""
MAX_LABEL_WORDS = 4
_ATTRS = attrgetter("attrs")
LEAD_ABOVE = frozenset({"amp_lead", "html"})
"""Layouts where a paragraph may stand above the title: the AMP lead (in HTML too)."""
_BULLETS = ("•", "·", "▪")
TITLE_FIRST = frozenset({"amp_lead", "amp_title", "english"})
"""Layouts whose first block (after the AMP lead, after the English date line) is the title."""


def _date_line(text: str) -> bool:
    return date_line(text) is not None


class _Facts(dict):
    """Whether a text is a date line, a byline or the body's opening, each found once: the
    rules below ask them of the same few blocks again and again (a dict lookup instead of
    up to five pattern matches)."""

    def __missing__(self, text: str) -> tuple[bool, bool, bool]:
        date, byline = _date_line(text), is_byline(text)
        opens = date or byline or bool(DATELINE_PREFIX.match(text)) or topic_dateline(text) is not None
        facts = self[text] = (date, byline, opens)
        return facts

    def date_line(self, text: str) -> bool:
        return self[text][0]

    def byline(self, text: str) -> bool:
        return self[text][1]

    def opens_article(self, text: str) -> bool:
        """A date line, a byline or the body's dateline paragraph."""
        return self[text][2]

    def title_shaped(self, block: Block) -> bool:
        """Shaped as a headline, and none of the furniture around one: a date line (or a line
        opening with a date and time), a byline, a caption, a bulleted line (the ticker's
        quotes, a list item): no headline opens so."""
        date, byline, _ = self[block.text]
        return (title_shaped(block.text) and not byline and not date and not block.text.startswith(_BULLETS)
                and not DATE_OPENING.match(block.text) and not looks_like_caption(block))


def _dateline_paragraph(text: str, above: str) -> bool:
    """`text` opens the body with its dateline, and does not go on with `above` (an AMP lead
    printed straight above its body copy is no title)."""
    return bool(DATELINE_PREFIX.match(text)) and not without_dateline(text).startswith(above[:40])


def _label(block: Block) -> bool:
    """A section label (`Berita Market`, `AturUang`): a few words, no sentence."""
    words = block.text.split(None, MAX_LABEL_WORDS)  # no more words than needed to count to 4
    return 0 < len(words) <= MAX_LABEL_WORDS and not block.text.endswith((".", "!", "?", ":", "\"", "”"))


def _repeated_below(blocks: list[Block], i: int, facts: _Facts) -> bool:
    """The block is printed again right below it, or with only page furniture between (a
    date line or a byline): a title's repeat. The page prints the caption after the repeat,
    never between; body text (a caption-like line too) between the copies makes it a line
    the article repeats, which clean text may hold too."""
    text = blocks[i].text
    for below in blocks[i + 1:i + 4]:
        if below.text == text:
            return True
        date, byline, _ = facts[below.text]
        if not (date or byline):
            return False
    return False


def _below(blocks: list[Block], i: int) -> Block | None:
    """The block whose opening the article (a byline, the dateline paragraph) confirms
    `blocks[i]` a title: the next one, or the one after a photo caption. The desktop page
    prints the caption between the title's repeat and the byline, so a store that lost the
    title's first print has date line, title, caption, byline. Never a date line after a
    caption: the page prints the date line straight under the title."""
    at = i + 1
    if at + 1 < len(blocks) and looks_like_caption(blocks[at]):
        at += 1
    return blocks[at] if at < len(blocks) else None


class Title(Filter):
    """Finds the title by what follows it: the date line, the dateline paragraph or its own
    repeat (then it may end in `.`), or the byline; or by the layout, on pages that open
    with it. A bare first line is never taken for a title, so clean text passes
    through unchanged. A short label standing above the title is dropped with it."""

    name = "title"

    def apply(self, doc: Document) -> None:
        self._take(doc)

    def settle(self, doc: Document) -> None:
        """No title found in its turn: look again at the final page's head, where a block a
        later filter removed (a promo label between a title and its repeat) is gone."""
        if doc.meta.title is None and not any(r.filter == self.name for r in doc.removed):
            self._take(doc)

    def _take(self, doc: Document) -> None:
        live = doc.live()
        blocks = live[:HEAD]
        title = self._find(blocks, doc.layout, live)
        if title is None:
            return
        doc.meta.title = title.text
        doc.drop(title, self.name, "title")
        for block in blocks:
            if block is title:
                break
            if block.removed_by is None and _label(block):
                doc.drop(block, self.name, "section label above the title")
        for block in blocks:
            if block is not title and block.removed_by is None and block.text == title.text:
                doc.drop(block, self.name, "title printed again")

    @staticmethod
    def _find(blocks: list[Block], layout: str | None, page: list[Block]) -> Block | None:
        """The title among `blocks` (the head of `page`, the live blocks), or None."""
        if any(map(_ATTRS, blocks)):  # a reader's facts (an empty dict on every text line: a C scan)
            marked = next((b for b in blocks if b.attrs.get("role") == "title"), None)
            if marked is not None:
                return marked  # the HTML reader found the title element
        skip = 1 if layout == "amp_lead" else 0  # the lead paragraph stands above the title
        facts = _Facts()
        for i in range(skip, min(len(blocks), skip + FIRST)):
            block = blocks[i]
            if facts.opens_article(block.text) and not facts.date_line(block.text):
                break  # the title stands above the byline and the body, never below them
            if not facts.title_shaped(block):
                if layout not in LEAD_ABOVE and ends_sentence(block.text) and not looks_like_caption(block):
                    break  # a sentence: the body has begun, and a title never stands in it
                continue
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            # a repeat is the title printed again, when something follows it (the body, not a
            # date line or a byline): lines that are all there is are the text, whatever
            # stands between them
            # and a headline is words: a figure printed twice (`US$ 250 juta`) is a table's
            repeated = _repeated_below(blocks, i, facts) and mostly_words(block.text.split()) and any(
                b.text != block.text and not (facts.date_line(b.text) or facts.byline(b.text)) for b in blocks[i + 1:])
            dated = nxt is not None and (facts.date_line(nxt.text) or _dateline_paragraph(nxt.text, block.text))
            if dated or repeated:
                return block  # strong signs (its date line, the dateline paragraph, its repeat): it may end in `.`
            if block.text.endswith("."):
                if layout not in LEAD_ABOVE:
                    break  # a sentence with nothing confirming it a title: the body has begun
                continue
            if (below := _below(blocks, i)) is not None and facts.opens_article(below.text) and (
                    below is nxt or not facts.date_line(below.text)):
                return block
            if layout == "html" and i == 1 and repeats_lead(page):  # the lead's copy read to its end
                return block  # no title element: under a lead its body repeats, as the text's layout reads it
            if layout in TITLE_FIRST and (i == skip or facts.date_line(blocks[i - 1].text)):
                return block
        return None
