"""The byline: `Reporter: A, B | Editor: C`, `Sumber: Reuters | Editor: C`, `Penulis: A`, and
the `Editor: X` line that closes title-first AMP pages and the English edition."""

from __future__ import annotations

from ..model import Block, Document
from ..site.patterns import BYLINE_EDITOR, BYLINE_LABEL, DATELINE_PREFIX_STARTS, EDITOR_LINE, GOOGLE_NEWS, WHATSAPP
from ..text.headline import name_end
from .base import Filter
from .head import MAX_BYLINE_CHARS, head_reach, is_byline

HEAD = 12
TAIL = 3
"""The closing `Editor:` line is among the last few blocks (the Google News footer may follow)."""
_COPIES = 4
"""Bylines printed again at the start of what one byline's cut leaves, taken at most (each
cut copies the block's rest: a bound keeps a hostile run of them linear)."""
MAX_NAME_WORDS = 6
_BODY_WORDS = 3
_BODY_REACH = 200
"""How far past a name `_body_follows` looks for a sentence's end: a bound keeps it linear."""
_SYNDICATION_CUES = ("telah tayang", "Penulis", "Klik untuk baca")
"""An `Editor:` after these is the syndicated source's (the footers filter takes it)."""


def _body_follows(text: str, end: int) -> bool:
    """Whether the text after a name that `name_end` ends at `end` is the article run on to
    the byline's line (`... | Editor: Y KONTAN.CO.ID - JAKARTA. Harga ...`): a dateline, or a
    sentence of a few words. Else, on a line of its own, the rest is more of the name (one
    `name_end` ends too soon, such as `S.S. Kurniawan`) and goes with the byline."""
    rest = text[end:end + _BODY_REACH].lstrip()
    if rest.startswith(DATELINE_PREFIX_STARTS):
        return True
    return len(rest.split(None, _BODY_WORDS)) >= _BODY_WORDS and any(c in rest for c in ".!?")


def _split_people(who: str) -> list[str]:
    return [p.strip() for p in who.replace(" dan ", ",").split(",") if p.strip()]


class Byline(Filter):
    """Parses the byline into reporters / source / editor and removes it.

    In flattened text the byline runs into the body: the editor's name ends where the
    dateline, a promo or the first body sentence begins. Elsewhere the byline has its line,
    unless the article was run on to it: then it ends at the name too (`_body_follows`).
    """

    name = "byline"

    def apply(self, doc: Document) -> None:
        head = head_reach(doc.live(), HEAD, doc.memo)
        for i, block in enumerate(head):
            if is_byline(block.text):
                self._take(doc, block)
                for _ in range(_COPIES):  # printed again at once, in the same flattened block
                    if block.removed_by is not None or ":" not in block.text[:12] or not is_byline(block.text):
                        break
                    self._take(doc, block, again=True)
                for again in head[i + 1:]:  # printed again, whole or glued to other text
                    if ":" in again.text[:12] and is_byline(again.text):  # the label's colon first
                        self._take(doc, again, again=True)
                break
        if doc.form != "flattened":
            self._closing_editor(doc)

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """A byline a cut uncovered near the top (a dateline cut before `Reporter: X`) goes as
        in `apply`; after a first byline it is printed again, and the metadata stays."""
        for block in doc.among_first(blocks, HEAD):
            if block.removed_by is None and is_byline(block.text):
                self._take(doc, block, again=any(r.filter == self.name for r in doc.removed))

    def settle(self, doc: Document) -> None:
        """The bylines within reach of the final page, taken as in `recheck`; the editor line
        that closes the final page (a promo after it, say, is gone now)."""
        for block in head_reach(doc.live(), HEAD, doc.memo):
            if is_byline(block.text):
                self._take(doc, block, again=any(r.filter == self.name for r in doc.removed))
        if doc.form != "flattened":
            self._closing_editor(doc)

    def _closing_editor(self, doc: Document) -> None:
        """`Editor: X` on a line of its own at the end of the page; an empty one is dropped too.
        Only footers may follow it, which the footers filter always takes: a paragraph after
        it makes it the text's, here and on the page cleaned again, where later filters have
        taken what else stood after it."""
        live = doc.live()
        for i in range(len(live) - 1, max(len(live) - 1 - TAIL, 0), -1):
            block = live[i]
            m = EDITOR_LINE.match(block.text) if block.text[:6].lower() == "editor" else None
            if m is None:
                # a footer, as the footers filter finds it (`WhatsApp` in the text first: the
                # invitation's pattern costs microseconds on any paragraph)
                if GOOGLE_NEWS.match(block.text) or ("WhatsApp" in block.text and WHATSAPP.match(block.text)):
                    continue
                return  # a paragraph: an editor line above it is the text's
            name = m["name"].strip()
            if len(name.split()) > MAX_NAME_WORDS or any(cue in live[i - 1].text for cue in _SYNDICATION_CUES):
                return
            doc.meta.editor = doc.meta.editor or name or None
            doc.drop(block, self.name, "editor line closing the page" if name else "empty editor line")
            # an editor line printed again above it closes the page too

    def _take(self, doc: Document, block: Block, again: bool = False) -> None:
        text = block.text
        label = BYLINE_LABEL.match(text)
        assert label is not None
        sep = BYLINE_EDITOR.search(text, label.end(), label.end() + MAX_BYLINE_CHARS)
        who = text[label.end():sep.start() if sep else None].strip()
        end = len(text)
        editor = None
        if sep:
            end = name_end(text, sep.end())
            if block.kind != "flat" and not _body_follows(text, end):
                end = len(text)  # a byline's line of its own: the rest is the editor's name
            editor = text[sep.end():end].strip(" |,") or None
        else:
            end = name_end(text, label.end())
            if block.kind != "flat" and not _body_follows(text, end):
                end = len(text)
            who = text[label.end():end].strip()
        if not again:
            doc.meta.editor = editor if sep else doc.meta.editor
            self._people(doc, label["label"].lower(), who)
        doc.cut(block, 0, end, self.name, "byline printed again" if again else "byline")

    @staticmethod
    def _people(doc: Document, label: str, who: str) -> None:
        if label == "sumber" or (label == "reporter" and "." in who and " " not in who):
            doc.meta.source = who or None  # `Sumber: Reuters`, `Reporter: kompas.com`
        else:
            doc.meta.reporters = _split_people(who)
