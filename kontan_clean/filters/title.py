"""The article title (and its repeat) at the top of a rendering."""

from ..model import Block, Document
from ..site.patterns import DATE_LINE, DATELINE_PREFIX
from .byline import is_byline
from .caption import looks_like_caption
from .base import Filter

HEAD = 12
FIRST = 3
"""The title is among the first few blocks left once the page chrome is gone."""
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 300


def _title_like(block: Block) -> bool:
    if len(block.text) > MAX_TITLE_CHARS:
        return False
    words = block.text.split()
    return (
        2 <= len(words) <= MAX_TITLE_WORDS
        and not block.text.endswith((".", ",", ":"))
        and not is_byline(block.text)
        and not DATE_LINE.match(block.text)
        and not looks_like_caption(block)
    )


def _opens_article(block: Block) -> bool:
    return bool(DATE_LINE.match(block.text) or is_byline(block.text) or DATELINE_PREFIX.match(block.text))


class Title(Filter):
    """Finds the title by what follows it: the date line, the byline or the dateline
    paragraph, or its own repeat. A bare first line is never taken for a title, so clean
    text passes through unchanged."""

    name = "title"

    def apply(self, doc: Document) -> None:
        blocks = doc.live()[:HEAD]
        title = self._find(blocks, "amp" in doc.flags)
        if title is None:
            return
        doc.meta.title = title.text
        doc.drop(title, self.name, "title")
        for block in blocks:
            if block is not title and block.removed_by is None and block.text == title.text:
                doc.drop(block, self.name, "title printed again")

    @staticmethod
    def _find(blocks: list[Block], amp: bool) -> Block | None:
        marked = next((b for b in blocks if b.attrs.get("role") == "title"), None)
        if marked is not None:
            return marked  # the HTML reader found the title element
        for i, block in enumerate(blocks[:FIRST]):
            if not _title_like(block):
                continue
            if i + 1 < len(blocks) and _opens_article(blocks[i + 1]):
                return block
            # a repeat is the title printed again, unless the lines are all there is
            if any(b.text == block.text for b in blocks[i + 1:i + 4]) and any(b.text != block.text for b in blocks):
                return block
            if amp:
                return block  # AMP: the lead (already dropped), then the title
        return None
