"""The visible date line: `Senin, 28 Oktober 2024 / 20:19 WIB` becomes `published`; so does
the English edition's `June 05, 2024, 06.44 PM`, which may share its line with the byline
(`... PM | Reporter: X`: only the date is cut, the byline filter takes the rest)."""

from ..model import Document
from ..site.patterns import DATE_LINE, ENGLISH_DATE_LINE
from ..text.values import parse_date
from .base import Filter

HEAD = 12


class PublishedLine(Filter):
    """Parses the first date line near the top of the page, and drops it and any repeat."""

    name = "published_line"

    def apply(self, doc: Document) -> None:
        seen = False
        for block in doc.live()[:HEAD]:
            m = DATE_LINE.match(block.text) or ENGLISH_DATE_LINE.match(block.text)
            if m and seen:
                doc.drop(block, self.name, "date line printed again")
            elif m:
                seen = True
                published = parse_date(m.groupdict())
                if published and doc.meta.published and published != doc.meta.published:
                    doc.warnings.append(
                        f"date line says {published.isoformat()}, page metadata says "
                        f"{doc.meta.published.isoformat()}: the visible date line is used"
                    )
                doc.meta.published = published or doc.meta.published
                if m.end() < len(block.text):
                    doc.cut(block, 0, m.end(), self.name, "date line")
                else:
                    doc.drop(block, self.name, "date line")
