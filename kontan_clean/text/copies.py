"""How a copy of a paragraph is compared with the paragraph: by its words after any dateline
prefix (a lead printed without it still matches the body that has it), a description cut
with `…` matching up to the cut."""

from __future__ import annotations

from .dateline import without_dateline

ELLIPSIS = ("…", "...")


def copy_words(text: str) -> list[str]:
    """The words of `text` as copies are compared: after any dateline, without the `…` that
    cut a description short (a word it cut into stays, shortened)."""
    words = without_dateline(text).split()
    if words and words[-1].endswith(ELLIPSIS):
        words[-1] = words[-1].rstrip(".…")
        if not words[-1]:
            words.pop()
    return words


def cut_short(text: str) -> bool:
    """`text` ends in `…`: cut short, maybe inside a word."""
    return text.rstrip().endswith(ELLIPSIS)


def common_start(x: list[str], y: list[str]) -> int:
    """How many words `x` and `y` share from their start. A copy usually agrees all the way,
    which one slice comparison (in C) confirms; otherwise the first difference is found by
    halving, a few slice comparisons instead of a Python step per word."""
    n = min(len(x), len(y))
    if x[:n] == y[:n]:
        return n
    lo, hi = 0, n  # x[:lo] == y[:lo], x[:hi] != y[:hi]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if x[lo:mid] == y[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo
