"""`Pipeline`: the ordered, named list of filters that cleaning runs."""

from __future__ import annotations

import copy
from typing import Callable, Iterable, Iterator, Union

from .filters.base import Filter, FunctionFilter
from .model import Block, Document

FilterLike = Union[Filter, Callable[[Document], None]]


def as_filter(step: FilterLike, name: str | None = None) -> Filter:
    """A `Filter` for `step`: a filter as is (renamed if `name`), a callable wrapped."""
    if isinstance(step, Filter):
        if name and name != step.name:
            step = copy.copy(step)
            step.name = name
        return step
    if callable(step):
        return FunctionFilter(step, name)
    raise TypeError(f"a pipeline step must be a Filter or a callable taking a Document, not {type(step).__name__}")


MAX_RECHECK_ROUNDS = 8
"""Rounds of rechecks at most; a real page needs one or two. Each round judges only the
blocks the round before cut, so a hostile page stays linear, and a page that needs more is
reported in `warnings`, not cleaned in silence."""


class Pipeline:
    """Filters run in order over one `Document`. Build it, reorder it, extend it by name.

    >>> p = Pipeline.default().remove("ui").add(my_filter, after="promos")   # doctest: +SKIP
    """

    def __init__(self, steps: Iterable[FilterLike] = ()) -> None:
        self._steps: list[Filter] = []
        self._checkers: list[tuple[int, Filter]] | None = None
        self._settling: list[Filter] | None = None
        """(position, filter) of the filters that override `recheck`; None until asked."""
        for step in steps:
            self.add(step)

    @classmethod
    def default(cls) -> "Pipeline":
        """A fresh copy of the standard kontan pipeline."""
        from .filters import default_filters

        return cls(default_filters())

    @property
    def names(self) -> list[str]:
        """The filters' names, in running order."""
        return [s.name for s in self._steps]

    def __iter__(self) -> Iterator[Filter]:
        return iter(list(self._steps))

    def __len__(self) -> int:
        return len(self._steps)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"

    def get(self, name: str) -> Filter:
        """The filter called `name`."""
        return self._steps[self._index(name)]

    def add(self, step: FilterLike, *, name: str | None = None, before: str | None = None,
            after: str | None = None, first: bool = False) -> "Pipeline":
        """Insert a filter (or plain callable): at the end, `first`, or `before`/`after` a name."""
        if sum(map(bool, (before, after, first))) > 1:
            raise ValueError("give at most one of before=, after=, first=")
        f = as_filter(step, name)
        if f.name in self.names:
            raise ValueError(f"a filter named {f.name!r} is already in the pipeline; use replace()")
        if before:
            pos = self._index(before)
        elif after:
            pos = self._index(after) + 1
        else:
            pos = 0 if first else len(self._steps)
        self._steps.insert(pos, f)
        self._checkers = self._settling = None
        return self

    def remove(self, name: str) -> "Pipeline":
        """Drop the filter called `name`."""
        del self._steps[self._index(name)]
        self._checkers = self._settling = None
        return self

    def replace(self, name: str, step: FilterLike, *, new_name: str | None = None) -> "Pipeline":
        """Put `step` in the place of the filter called `name`."""
        self._steps[self._index(name)] = as_filter(step, new_name)
        self._checkers = self._settling = None
        return self

    def copy(self) -> "Pipeline":
        """A new pipeline with the same filters, to change without touching this one."""
        return Pipeline(self._steps)

    def run(self, doc: Document) -> Document:
        """Apply every filter to `doc`, in order. Then the blocks that cuts changed or
        created are handed to the filters that ran before the cut (`Filter.recheck`; what a
        recheck cuts, to every filter), until no recheck cuts again: each filter judges every
        block's final text, not only the text it had when the filter's turn came. Before the
        turn of a filter that `reads_settled`, the rechecks waiting are run the same way, up
        to that filter."""
        doc.touched.clear()
        touched_at: dict[Block, int] = {}  # block -> the step whose cut last changed it
        for i, step in enumerate(self._steps):
            if touched_at and step.reads_settled(doc):
                self._recheck(doc, touched_at, i)
                touched_at = {}
            step(doc)
            if doc.touched:
                touched_at.update(dict.fromkeys(doc.touched, i))
                doc.touched.clear()
        if touched_at:
            self._recheck(doc, touched_at, len(self._steps))
        for step in self._settlers():
            step.settle(doc)
            if doc.touched:
                self._recheck(doc, dict.fromkeys(doc.touched, len(self._steps)), len(self._steps))
                doc.touched.clear()
        return doc

    def _settlers(self) -> list[Filter]:
        if self._settling is None:
            self._settling = [s for s in self._steps if type(s).settle is not Filter.settle]
        return self._settling

    def _recheck(self, doc: Document, touched_at: dict[Block, int], upto: int) -> None:
        """The rechecks of the filters before step `upto` (all of them once the last has run)."""
        # Once, after the last filter, not after each cut: a flattened page has a few
        # rounds of cuts, and each round of rechecks cost a quarter of its time. A filter
        # between a cut and the end judged the new text in its own turn already. Only a
        # filter that `reads_settled` gets the rechecks before its turn as well.
        if (checkers := self._checkers) is None:
            checkers = self._checkers = [(i, s) for i, s in enumerate(self._steps)
                                         if type(s).recheck is not Filter.recheck]
        for _ in range(MAX_RECHECK_ROUNDS):  # a recheck may cut again, uncovering more
            if not touched_at:
                return
            pending, touched_at = touched_at, {}
            for i, step in checkers:
                if i >= upto:
                    break
                if live := [b for b, at in pending.items() if at > i and b.removed_by is None]:
                    step.recheck(doc, live)
                if doc.touched:  # cut after every filter before `upto` ran: they all judge it again
                    touched_at.update(dict.fromkeys(doc.touched, upto))
                    doc.touched.clear()
        if touched_at:
            doc.warnings.append(f"cuts kept uncovering text to judge again after {MAX_RECHECK_ROUNDS} rounds of "
                                "rechecks: the rest was left as it stood (a page built against the filters?)")

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no filter named {name!r}; the pipeline has {self.names}") from None
