"""The byline: `Reporter: A, B | Editor: C`, `Sumber: Reuters | Editor: C`, `Penulis: A`."""

from __future__ import annotations

from ..model import Block, Document
from ..site.patterns import BYLINE_EDITOR, BYLINE_LABEL
from ..text.headline import name_end
from .base import Filter

HEAD = 12
MAX_BYLINE_CHARS = 300


def is_byline(text: str) -> bool:
    """A byline, not a `Sumber: BPS` source note: a source needs `| Editor:` after it."""
    m = BYLINE_LABEL.match(text)
    if not m:
        return False
    if BYLINE_EDITOR.search(text, m.end(), m.end() + MAX_BYLINE_CHARS):
        return True
    return m["label"].lower() in ("reporter", "penulis") and len(text) < 120 and "." not in text[m.end():][:1]


def _split_people(who: str) -> list[str]:
    return [p.strip() for p in who.replace(" dan ", ",").split(",") if p.strip()]


class Byline(Filter):
    """Parses the byline into reporters / source / editor and removes it.

    In flattened text the byline runs into the body: the editor's name ends where the
    dateline, a promo or the first body sentence begins.
    """

    name = "byline"

    def apply(self, doc: Document) -> None:
        head = doc.live()[:HEAD]
        for block in head:
            if is_byline(block.text):
                first = block.text
                self._take(doc, block)
                for again in head:
                    if again.removed_by is None and again.text == first:
                        doc.drop(again, self.name, "byline printed again")
                return

    def _take(self, doc: Document, block: Block) -> None:
        text = block.text
        label = BYLINE_LABEL.match(text)
        assert label is not None
        sep = BYLINE_EDITOR.search(text, label.end(), label.end() + MAX_BYLINE_CHARS)
        who = text[label.end():sep.start() if sep else None].strip()
        end = len(text)
        if sep:
            end = name_end(text, sep.end()) if block.kind == "flat" else len(text)
            doc.meta.editor = text[sep.end():end].strip(" |,") or None
        elif block.kind == "flat":
            end = name_end(text, label.end())
            who = text[label.end():end].strip()
        self._people(doc, label["label"].lower(), who)
        doc.cut(block, 0, end, self.name, "byline")

    @staticmethod
    def _people(doc: Document, label: str, who: str) -> None:
        if label == "sumber" or (label == "reporter" and "." in who and " " not in who):
            doc.meta.source = who or None  # `Sumber: Reuters`, `Reporter: kompas.com`
        else:
            doc.meta.reporters = _split_people(who)
