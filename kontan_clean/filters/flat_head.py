"""The desktop head a cut uncovers at the start of flattened text, split off again."""

from __future__ import annotations

from ..model import Block, Document
from ..readers.flat_page import may_open_head, split_flat
from .base import Filter


class FlatHead(Filter):
    """Splits off a flattened desktop page's head (the site's header lines, the ticker, the
    title, its date line and caption) and tail that a cut uncovered at the start of a
    flattened block: the reader (`readers.flat_page`) splits them off only where they open
    the text (`Reporter: X | Editor: Y kontan.co.id Senin, ... WIB ...`, the byline cut),
    and the text cleaned again opens with them. Removes nothing: the pieces become blocks of
    their own, which every filter judges again. First in the pipeline, so that its recheck
    sees every cut."""

    name = "flat_head"

    def apply(self, doc: Document) -> None:
        """Nothing to do in its turn: the reader split what opens the page."""

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """Only the page's first block: a head opens the page, as the reader reads one (a
        page of thousands of promo cuts would ask `may_open_head` of each)."""
        for block in doc.among_first(blocks, 1):
            if (block.kind == "flat" and block.removed_by is None and may_open_head(block.text)
                    and len(pieces := split_flat(block.text)) > 1):
                doc.split(block, pieces)
