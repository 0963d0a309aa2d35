"""The document model every reader produces and every filter works on.

A `Document` is an ordered list of `Block`s (one paragraph, heading or line of the page).
Filters never delete a block: they mark it removed with their own name, or cut a span out
of its text, and each decision lands in `Document.removed`. That is what makes
`Article.removed` and `--explain` complete by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterator, NamedTuple


@dataclass(slots=True, eq=False)
class Block:
    """One unit of page text: a paragraph, heading or line, whitespace already collapsed."""

    text: str
    kind: str = "line"
    """What the reader saw: `line` (text rendering), `flat` (flattened text), or the HTML tag."""
    attrs: dict[str, Any] = field(default_factory=dict)
    """Reader facts filters may use, such as the promo link's `href` in HTML."""
    removed_by: str | None = None


# The records below are NamedTuples rather than dataclasses: immutable all the same, and
# three times cheaper to pickle, which is the parent's serial share of a parallel batch.

class Removal(NamedTuple):
    """One piece of the page a filter removed, and why."""

    filter: str
    text: str
    reason: str


class Related(NamedTuple):
    """A promo (`Baca Juga`, `Selanjutnya`, ...) taken out of the page, kept as data."""

    kind: str
    title: str
    url: str | None = None


class Quote(NamedTuple):
    """One market ticker bullet: `EMAS 1.527.000 -7.000 -0,46%`."""

    name: str
    value: float
    change: float
    change_pct: float


@dataclass(slots=True)
class Metadata:
    """What the filters learn about the article while they clean it."""

    title: str | None = None
    published: datetime | None = None
    reporters: list[str] = field(default_factory=list)
    editor: str | None = None
    source: str | None = None
    dateline: str | None = None
    caption: str | None = None
    url: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    paywalled: bool = False


class Document:
    """Blocks of one page plus everything the filters have learned and removed so far."""

    def __init__(self, blocks: list[Block], *, form: str, url: str | None = None) -> None:
        self.blocks = blocks
        self.form = form
        """`lines`, `flattened` or `html`: how the input was laid out."""
        self.meta = Metadata(url=url)
        self.related: list[Related] = []
        self.market: list[Quote] = []
        self.removed: list[Removal] = []
        self.layout: str | None = None
        """The page's layout, decided once by the reader or an early filter (`desktop`, `body`,
        `amp_lead`, `amp_title`, `insight`, `english`, `momsmoney`, `flattened`, `html`, ...);
        filters read it instead of guessing again."""
        self.recognised: bool = True
        """False when the page shows no kontan signal at all."""
        self.warnings: list[str] = []
        self.info: dict[str, Any] = {}
        """Reader facts for the Article: extractor, encoding, pagination."""
        self.touched: list[Block] = []
        """Blocks whose text a cut changed or created since the pipeline last looked (see
        `Pipeline.run`: the filters that ran before the cut judge them again at the end)."""
        self.memo: dict[str, Any] = {}
        """What filters found out about a text, kept for this page only (a text's hash is
        cached by `str`, so a lookup costs no scan): see `filters.head.head_reach`."""

    def live(self) -> list[Block]:
        """The blocks no filter has removed, in order (a fresh list: safe to mutate blocks)."""
        return [b for b in self.blocks if b.removed_by is None]

    def among_first(self, blocks: list[Block], n: int) -> list[Block]:
        """Those of `blocks` that are among the first `n` live blocks, in their order (reads
        the page only as far as its `n`th live block, or the last of `blocks`)."""
        wanted, found, seen = set(map(id, blocks)), set(), 0
        for b in self.blocks:
            if b.removed_by is None:
                if id(b) in wanted:
                    found.add(id(b))
                    if len(found) == len(wanted):
                        break
                seen += 1
                if seen == n:
                    break
        return [b for b in blocks if id(b) in found]

    def __iter__(self) -> Iterator[Block]:
        return iter(self.live())

    def drop(self, block: Block, by: str, reason: str) -> None:
        """Remove a whole block, recording the filter's name and reason."""
        block.removed_by = by
        self.removed.append(Removal(by, block.text, reason))

    def cut(self, block: Block, start: int, end: int, by: str, reason: str, *, split: bool = False) -> Block | None:
        """Cut `block.text[start:end]` out, recording it.

        With `split`, the text after the cut becomes a new block right after this one (a
        promo in flattened text stood between two paragraphs on the page); that new block
        is returned. A block left empty is marked removed.
        """
        added = self.cut_spans(block, [(start, end, reason)], by, split=split)
        return added[0] if added else None

    def cut_spans(self, block: Block, spans: list[tuple[int, int, str]], by: str, *, split: bool = False) -> list[Block]:
        """Cut several `(start, end, reason)` spans, in order and not overlapping, out of
        `block.text` in one pass (linear in the text, however many spans). With `split`,
        the text between cuts becomes blocks of its own, returned; else it is joined."""
        text, pieces, pos = block.text, [], 0
        for start, end, reason in spans:
            pieces.append(text[pos:start].strip())
            if removed := text[start:end].strip():
                self.removed.append(Removal(by, removed, reason))
            pos = end
        pieces.append(text[pos:].strip())
        pieces = [p for p in pieces if p]
        if not split:
            pieces = [" ".join(pieces)] if pieces else []
        if not pieces:
            block.text, block.removed_by = "", by
            return []
        block.text = pieces[0]
        added = [Block(p, block.kind, dict(block.attrs)) for p in pieces[1:]]
        self.touched.append(block)
        self.touched.extend(added)
        if added:
            at = next(i for i, b in enumerate(self.blocks) if b is block) + 1
            self.blocks[at:at] = added
        return added

    def split(self, block: Block, pieces: list[Block]) -> None:
        """Read `block` again as `pieces`, blocks holding all of its text (a reader's split of
        it: nothing is removed, so nothing is recorded). `block` stays, as the first piece of
        its own kind (else the last piece); the others stand around it, in order. Every
        piece is touched: the filters judge them all."""
        own = next((i for i, p in enumerate(pieces) if p.kind == block.kind), len(pieces) - 1)
        block.text, block.kind, block.attrs = pieces[own].text, pieces[own].kind, pieces[own].attrs
        at = next(i for i, b in enumerate(self.blocks) if b is block)
        self.blocks[at:at + 1] = pieces[:own] + [block] + pieces[own + 1:]
        self.touched.extend(pieces[:own] + [block] + pieces[own + 1:])
