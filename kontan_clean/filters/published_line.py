"""The visible date line: `Senin, 28 Oktober 2024 / 20:19 WIB` becomes `published`; so does
the English edition's `June 05, 2024, 06.44 PM`, which may share its line with the byline
(`... PM | Reporter: X`: only the date is cut, the byline filter takes the rest)."""

from ..model import Block, Document
from ..text.values import parse_date
from .base import Filter
from .head import date_line, head_reach

HEAD = 12


class PublishedLine(Filter):
    """Parses the first date line near the top of the page, and drops it and any repeat."""

    name = "published_line"

    def apply(self, doc: Document) -> None:
        self._take(doc, doc.live(), seen=False)

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """A date line a cut uncovered near the top (`Reporter: X | Editor: Y Senin, ...`
        once the byline is cut) is taken as in `apply`, or removed as printed again."""
        if near_top := doc.among_first(blocks, HEAD):
            self._take(doc, near_top, seen=any(r.filter == self.name for r in doc.removed))

    def settle(self, doc: Document) -> None:
        """The date lines within reach of the final page (blocks later filters removed no
        longer push one out of reach)."""
        self._take(doc, doc.live(), seen=any(r.filter == self.name for r in doc.removed))

    def _take(self, doc: Document, blocks: list[Block], seen: bool) -> None:
        """The date lines within the head's reach of `HEAD` blocks (`head_reach`)."""
        for block in head_reach(blocks, HEAD, doc.memo):
            m = date_line(block.text, run_on=True)
            if not m:
                continue
            if not seen:
                self._parse(doc, m.groupdict())
            reason = "date line printed again" if seen else "date line"
            seen = True
            if m.end() < len(block.text):  # the byline or the body may share its line
                doc.cut(block, 0, m.end(), self.name, reason)
            else:
                doc.drop(block, self.name, reason)

    @staticmethod
    def _parse(doc: Document, fields: dict[str, str | None]) -> None:
        published = parse_date(fields)
        if published and doc.meta.published and published != doc.meta.published:
            doc.warnings.append(
                f"date line says {published.isoformat()}, page metadata says "
                f"{doc.meta.published.isoformat()}: the visible date line is used"
            )
        doc.meta.published = published or doc.meta.published
