"""What a filter is: a named step that marks what it removes on a `Document`."""

from __future__ import annotations

from typing import Callable

from ..model import Block, Document


class Filter:
    """A pipeline step. Subclasses set `name` and implement `apply(doc)`.

    A filter removes with `doc.drop(block, self.name, reason)` or
    `doc.cut(block, start, end, self.name, reason)`, so every removal is recorded.
    """

    name: str = "filter"

    def apply(self, doc: Document) -> None:
        """Clean `doc` in place. Subclasses override this; their `apply` needs no docstring
        of its own: the class docstring says what the filter removes."""
        raise NotImplementedError

    def reads_settled(self, doc: Document) -> bool:
        """Whether this filter must read `doc` as the earlier filters leave it: the pipeline
        then runs their rechecks before its turn (`Pipeline.run`), so that a block one of
        them will drop once it judges the block's new text is gone. A filter that compares
        blocks across the page says yes; the default says no (rechecks wait for the end)."""
        return False

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """Judge again `blocks`, live blocks whose text a later filter's cut changed or
        created: a ticker bullet left alone by a dateline cut, a date line by a byline cut.
        `Pipeline.run` calls it, so that what a cut uncovers is cleaned as if it had stood on
        the page like that, and cleaning the output again changes nothing. The default does
        nothing: filters that judge a block by its own text (and place) override it."""

    def settle(self, doc: Document) -> None:
        """Judge the page's final head once more, after every filter and recheck has run:
        a filter that looks only so far down the page (its reach) judges the blocks within
        reach of the final page, as cleaning the output again would. `Pipeline.run` calls
        it; the default does nothing."""

    def __call__(self, doc: Document) -> None:
        self.apply(doc)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class BlockFilter(Filter):
    """A filter that judges one block at a time: implement `reason(block)`."""

    def reason(self, block: Block) -> str | None:
        """Why `block` must go, or None to keep it."""
        raise NotImplementedError

    def apply(self, doc: Document) -> None:
        """Drop every live block that `reason()` gives a reason for."""
        self.recheck(doc, doc.live())

    def recheck(self, doc: Document, blocks: list[Block]) -> None:
        """Drop every one of `blocks` that `reason()` gives a reason for: a block filter
        judges a block alone, so judging it again after a cut is its `apply` on that block."""
        for block in blocks:
            why = self.reason(block)
            if why:
                doc.drop(block, self.name, why)


class FunctionFilter(Filter):
    """Wraps a plain callable `f(doc) -> None` so it can stand in a pipeline."""

    def __init__(self, func: Callable[[Document], None], name: str | None = None) -> None:
        self.func = func
        self.name: str = name or getattr(func, "__name__", None) or "custom"

    def apply(self, doc: Document) -> None:
        """Call the wrapped function on `doc`."""
        self.func(doc)


def drop_opening(doc: Document, block: Block, by: str, reason: str, end: int) -> bool:
    """Drop `block`, which a rule judged by how it opens (an ad's line, the paywall's opener),
    or only its first `end` characters when the rest is left: the filter found where the
    furniture ends in flattened text, whose line ends are lost. True when the whole block went."""
    if end < len(block.text) and block.text[end:].strip():
        doc.cut(block, 0, end, by, reason)
        return False
    doc.drop(block, by, reason)
    return True
