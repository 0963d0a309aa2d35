"""The article title (and its repeat) at the top of a rendering, and a section label above it."""

from ..model import Block, Document
from ..site.patterns import DATE_LINE, DATELINE_PREFIX, ENGLISH_DATE_LINE, TOPIC_DATELINE
from ..text.shape import title_shaped
from .base import Filter
from .byline import is_byline
from .caption import looks_like_caption
from .dateline_prefix import without_dateline

HEAD = 12
FIRST = 3
"""The title is among the first few blocks left once the page chrome is gone."""
MAX_LABEL_WORDS = 4
TITLE_FIRST = frozenset({"amp_lead", "amp_title", "english"})
"""Layouts whose first block (after the AMP lead, after the English date line) is the title."""


def _date_line(text: str) -> bool:
    return bool(DATE_LINE.match(text) or ENGLISH_DATE_LINE.match(text))


def _title_shaped(block: Block) -> bool:
    return (
        title_shaped(block.text)
        and not is_byline(block.text)
        and not _date_line(block.text)
        and not looks_like_caption(block)
    )


def _opens_article(block: Block) -> bool:
    text = block.text
    return bool(_date_line(text) or is_byline(text) or DATELINE_PREFIX.match(text) or TOPIC_DATELINE.match(text))


def _dateline_paragraph(text: str, above: str) -> bool:
    """`text` opens the body with its dateline, and does not go on with `above` (an AMP lead
    printed straight above its body copy is no title)."""
    return bool(DATELINE_PREFIX.match(text)) and not without_dateline(text).startswith(above[:40])


def _label(block: Block) -> bool:
    """A section label (`Berita Market`, `AturUang`): a few words, no sentence."""
    words = block.text.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and not block.text.endswith((".", "!", "?", ":", "\"", "”"))


def _repeated_below(blocks: list[Block], i: int) -> bool:
    """The block is printed again right below it, or with only page furniture between (a
    date line, a caption, a byline): a title's repeat. Body text between the copies makes it
    a line the article repeats, which clean text may hold too."""
    text = blocks[i].text
    for below in blocks[i + 1:i + 4]:
        if below.text == text:
            return True
        if not (_date_line(below.text) or looks_like_caption(below) or is_byline(below.text)):
            return False
    return False


class Title(Filter):
    """Finds the title by what follows it: the date line, the dateline paragraph or its own
    repeat (then it may end in `.`), or the byline; or by the layout, on pages that open
    with it. A bare first line is never taken for a title, so clean text passes
    through unchanged. A short label standing above the title is dropped with it."""

    name = "title"

    def apply(self, doc: Document) -> None:
        blocks = doc.live()[:HEAD]
        title = self._find(blocks, doc.layout)
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
    def _find(blocks: list[Block], layout: str | None) -> Block | None:
        marked = next((b for b in blocks if b.attrs.get("role") == "title"), None)
        if marked is not None:
            return marked  # the HTML reader found the title element
        skip = 1 if layout == "amp_lead" else 0  # the lead paragraph stands above the title
        for i in range(skip, min(len(blocks), skip + FIRST)):
            block = blocks[i]
            if _opens_article(block) and not _date_line(block.text):
                break  # the title stands above the byline and the body, never below them
            if not _title_shaped(block):
                continue
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            # a repeat is the title printed again, unless the lines are all there is
            repeated = _repeated_below(blocks, i) and any(b.text != block.text for b in blocks)
            if (nxt is not None and (_date_line(nxt.text) or _dateline_paragraph(nxt.text, block.text))) or repeated:
                return block  # strong signs (its date line, the dateline paragraph, its repeat): it may end in `.`
            if block.text.endswith("."):
                continue
            if nxt is not None and _opens_article(nxt):
                return block
            if layout in TITLE_FIRST and (i == skip or _date_line(blocks[i - 1].text)):
                return block
        return None
