"""Pagination inside a text rendering: the `Halaman Selanjutnya: <heading>` join between the
pages of a long article (the heading may be printed again on the next line), and the
`Halaman: 1 2 Tampilkan Semua` links line.

A page join is neither body nor a related article: it names the next page's first heading.
It stands on a line of its own, ends a paragraph line (AMP), or, in flattened text, runs
into the next sentence: there the heading's end is inferred like a promo headline's.
"""

import re

from ..model import Block, Document
from ..site.patterns import PAGE_JOIN, PAGE_JOIN_INLINE
from ..text.headline import headline_end
from ..text.shape import ends_sentence_before
from .base import Filter

# The page numbers as `\d+(?:\s+\d+)*`, not `(?:\s*\d+)+`: that splits a run of digits
# every possible way before it fails (a fuzzed 100-digit number took minutes).
PAGE_LINKS = re.compile(r"^Halaman\s*:?\s*\d+(?:\s+\d+)*(?:\s*(?:Selanjutnya|Tampilkan\s+Semua|»|›))*$", re.IGNORECASE)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


class Pagination(Filter):
    """Drops page joins (and the heading repeated after one) and page links lines."""

    name = "pagination"

    def apply(self, doc: Document) -> None:
        live = doc.live()
        for i, block in enumerate(live):
            if block.removed_by is not None or "alaman" not in block.text:
                continue
            if m := PAGE_JOIN.match(block.text):
                doc.drop(block, self.name, "page join to the next page")
                heading = m["heading"].strip()
                nxt = live[i + 1] if i + 1 < len(live) else None
                if nxt is not None and heading and _same(nxt.text, heading):
                    doc.drop(nxt, self.name, "next page's heading, printed after the page join")
            elif PAGE_LINKS.match(block.text):
                doc.drop(block, self.name, "pagination links")
            else:
                self._inline(doc, block)

    def _inline(self, doc: Document, block: Block) -> None:
        """A join after a sentence inside the block: to the line's end, or in flattened
        text to the end of its heading (the text after it is the next page's)."""
        text, spans, pos = block.text, [], 0
        while m := PAGE_JOIN_INLINE.search(text, pos):
            pos = m.end()
            if not ends_sentence_before(text, m.start()):
                continue
            end = headline_end(text, m.end()) if block.kind == "flat" else len(text)
            spans.append((m.start(), end, "page join to the next page"))
            pos = max(end, m.end())
        if spans:
            doc.cut_spans(block, spans, self.name, split=block.kind == "flat")
