"""The visible date line: `Senin, 28 Oktober 2024 / 20:19 WIB` becomes `published`."""

from ..model import Document
from ..site.patterns import DATE_LINE
from ..text.values import parse_date
from .base import Filter

HEAD = 12


class DateLine(Filter):
    """Parses the first date line near the top of the page, and drops it and any repeat."""

    name = "date_line"

    def apply(self, doc: Document) -> None:
        seen = False
        for block in doc.live()[:HEAD]:
            m = DATE_LINE.match(block.text)
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
                doc.drop(block, self.name, "date line")
