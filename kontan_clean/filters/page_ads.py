"""Page furniture around the article: `TERBARU` lists, Kontan Academy and webinar ads, the
`Halaman: 1 2 Tampilkan Semua` pagination line."""

import re

from ..model import Block, Document
from .base import Filter

LIST_HEADINGS = frozenset({"terbaru", "terpopuler", "berita terkait", "rekomendasi", "populer"})
AD_LINE = re.compile(r"^(?:Kontan\s+Academy|(?:FREE\s+)?WEBINAR\b.*|.*\bWEBINAR\s*[-–:].*)$", re.IGNORECASE)
PAGINATION_LINE = re.compile(r"^Halaman\s*:?(?:\s*\d+)+(?:\s*(?:Selanjutnya|Tampilkan\s+Semua|»|›))*$", re.IGNORECASE)
MAX_HEADLINE_WORDS = 25


def _headline_like(block: Block) -> bool:
    text = block.text
    return len(text.split()) <= MAX_HEADLINE_WORDS and not text.endswith((".", "\"", "”"))


class PageAds(Filter):
    """Drops `TERBARU` and the headline list after it, course/webinar ads and pagination lines."""

    name = "page_ads"

    def apply(self, doc: Document) -> None:
        in_list = False
        for block in doc.live():
            if block.text.lower() in LIST_HEADINGS:
                doc.drop(block, self.name, f"{block.text} heading of a headline list")
                in_list = True
            elif ("EBINAR" in block.text.upper() or "Academy" in block.text) and AD_LINE.match(block.text):
                doc.drop(block, self.name, "Kontan Academy / webinar ad")
            elif block.text.startswith(("Halaman", "HALAMAN")) and PAGINATION_LINE.match(block.text):
                doc.drop(block, self.name, "pagination links")
            elif in_list and _headline_like(block):
                doc.drop(block, self.name, "headline in a TERBARU list")
            else:
                in_list = False
