"""Pagination inside a text rendering: the `Halaman Selanjutnya: <heading>` join between the
pages of a long article (the heading may be printed again on the next line), and the
`Halaman: 1 2 Tampilkan Semua` links line.

A page join is neither body nor a related article: it names the next page's first heading.
"""

import re

from ..model import Document
from ..site.patterns import PAGE_JOIN
from .base import Filter

PAGE_LINKS = re.compile(r"^Halaman\s*:?(?:\s*\d+)+(?:\s*(?:Selanjutnya|Tampilkan\s+Semua|»|›))*$", re.IGNORECASE)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


class Pagination(Filter):
    """Drops page joins (and the heading repeated after one) and page links lines."""

    name = "pagination"

    def apply(self, doc: Document) -> None:
        live = doc.live()
        for i, block in enumerate(live):
            if not block.text.startswith(("Halaman", "HALAMAN")):
                continue
            if m := PAGE_JOIN.match(block.text):
                doc.drop(block, self.name, "page join to the next page")
                heading = m["heading"].strip()
                nxt = live[i + 1] if i + 1 < len(live) else None
                if nxt is not None and heading and _same(nxt.text, heading):
                    doc.drop(nxt, self.name, "next page's heading, printed after the page join")
            elif PAGE_LINKS.match(block.text):
                doc.drop(block, self.name, "pagination links")
