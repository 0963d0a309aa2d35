"""The photo caption between the title and the byline."""

from operator import attrgetter

from ..model import Block, Document
from ..site.patterns import CAPTION_OPENING, DATELINE_PREFIX, PHOTO_CREDIT
from .base import Filter
from .head import is_byline

HEAD = 8
_ATTRS = attrgetter("attrs")
MAX_CAPTION_CHARS = 600
"""A caption is a sentence or two and a credit: a longer line opening like one is text."""


def unbracketed(text: str) -> str:
    """`text` without the square brackets some renderings put around a caption."""
    return text[1:-1].strip() if text.startswith("[") and text.endswith("]") else text


def _bracketed(text: str) -> bool:
    """A line in square brackets (the image's caption as some renderings print it)."""
    return text.startswith("[") and text.endswith("]") and " " in text.strip("[] ")


_CREDIT_TAIL = 80
"""A photo credit ends the text: after its `/` come at most 64 characters (a name of up to
61, `.`, `)` and a last newline; a `/12/6/2024` date brings slashes of its own) once the
spaces after the `/` are past."""


def photo_credit(text: str):
    """The photo credit closing `text` (`REUTERS/Kim Hong-Ji`, `(Foto: ...)`), or None. The
    search scans the whole text for the agencies' names (5 us on a paragraph): it runs only
    where the tail could hold a credit, a `/` in its last 80 characters (or a space run
    reaching back past them) or a closing bracket."""
    tail = text[-_CREDIT_TAIL:]
    edge = text[-_CREDIT_TAIL:-_CREDIT_TAIL + 1]  # where spaces after an earlier `/` would still run
    if "/" in tail or edge.isspace() or not edge.isascii() or text.endswith((")", ")\n")):
        return PHOTO_CREDIT.search(text)
    return None


def looks_like_caption(block: Block) -> bool:
    """A photo caption by its role in the markup or its wording (`caption_wording`)."""
    return block.attrs.get("role") == "caption" or caption_wording(block.text)


def caption_wording(text: str) -> bool:
    """Worded as a photo caption: a credit at the end or `ILUSTRASI.` at the start (inside
    square brackets too: `[ILUSTRASI. ...]`)."""
    text = unbracketed(text)
    return bool(photo_credit(text) or CAPTION_OPENING.match(text))


def _caption_sized(block: Block) -> bool:
    """A block that may be a caption whole: a line of a caption's length. In flattened text
    the reader splits a caption off the body where it can find its end (`flat_page`); a
    `flat` block opening like one is the body run on after a caption with no end to find,
    and dropping it would lose the article."""
    return block.kind != "flat" and len(block.text) <= MAX_CAPTION_CHARS


class Caption(Filter):
    """Takes a caption that stands before the byline or the dateline paragraph (or right
    under the title and date line when the page has neither).

    Position decides, not wording: a caption may repeat the body's first sentence, and the
    body keeps that sentence. Above the byline, a line in square brackets is a caption too.
    """

    name = "caption"

    def apply(self, doc: Document) -> None:
        head = doc.live()[:HEAD]
        for block in head if any(map(_ATTRS, head)) else ():  # attrs: a reader's facts, none on text lines
            if block.attrs.get("role") == "caption":  # the HTML reader found the caption element
                doc.meta.caption = doc.meta.caption or block.text
                doc.drop(block, self.name, "photo caption")
        opener = next((i for i, b in enumerate(head) if is_byline(b.text) or DATELINE_PREFIX.match(b.text)), None)
        if opener is None:
            if not (doc.meta.title or doc.meta.published):
                return
            opener = 1  # page 2 of an article: title, date, caption, then the text
        for block in head[:opener]:
            if (block.removed_by is None and _caption_sized(block)
                    and (looks_like_caption(block) or _bracketed(block.text))):
                doc.meta.caption = doc.meta.caption or unbracketed(block.text)
                doc.drop(block, self.name, "photo caption")
