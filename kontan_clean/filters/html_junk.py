"""Nodes of the HTML body that are never article text: ads, share and donation boxes,
widgets, pagination, scripts. The HTML reader marks them; this filter removes and records them."""

from ..model import Block, Document
from .base import BlockFilter


class HtmlJunk(BlockFilter):
    """Drops the blocks the HTML reader marked as junk, naming the selector that matched."""

    name = "html_junk"

    def apply(self, doc: Document) -> None:
        # The kind test inline: a method call per block cost more than the test itself.
        for block in doc.live():
            if block.kind == "junk":
                doc.drop(block, self.name, self.reason(block))  # type: ignore[arg-type]  # junk has one

    def reason(self, block: Block) -> str | None:
        if block.kind == "junk":
            return f"non-text node in the article body ({block.attrs.get('junk')})"
        return None
