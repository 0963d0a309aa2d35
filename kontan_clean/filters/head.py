"""The furniture of a page's head that may be printed again (bylines, date lines, a
dateline alone, the site's header lines), and how far down the head reaches."""

from __future__ import annotations

import re
from typing import Any

from ..model import Block
from ..site.patterns import BYLINE_EDITOR, BYLINE_LABEL, DATE_IN_TEXT, DATE_LINE, ENGLISH_DATE_LINE
from ..site.vocab import DAYS, ENGLISH_MONTHS, SITE_CHROME_LINES
from ..text.dateline import lone_dateline

MAX_BYLINE_CHARS = 300
_LONGEST_CHROME = max(map(len, SITE_CHROME_LINES))


def _both_cases(chars: str) -> frozenset[str]:
    return frozenset(chars.lower() + chars.upper())


# What a match can start with (both patterns are anchored at the start, case-insensitive):
# a weekday's initial or a digit; the English line a weekday's or a month's initial. And
# what `DATE_LINE` can end with: a digit or a zone's last letter (WIB, WITA, WIT). Only an
# ASCII character is judged: a non-ASCII one could fold to a letter, and is left to the pattern.
_STARTS = _both_cases("0123456789" + "".join(day[0] for day in DAYS))
_ENGLISH_STARTS = _both_cases("mtwfs" + "".join(month[0] for month in ENGLISH_MONTHS))
_ENDS = _both_cases("0123456789bat")
_DIGIT = re.compile(r"\d")
_DIGIT_REACH = 32
"""The day's digits stand within this many characters of a date line's start: after a
weekday (`Rabu, 5 ...`, `Wednesday, September 5`), and whitespace runs, which the text
renderings and readers collapse to one space."""


def date_line(text: str, run_on: bool = False) -> re.Match | None:
    """`DATE_LINE` or `ENGLISH_DATE_LINE` matched at the start of `text`. The first and last
    characters rule most blocks out before either pattern runs (a paragraph starts with a
    capital and ends with a full stop): set lookups, a fraction of a failing match.

    With `run_on`, also the date line with text run on to it, as flattened text has it
    (`Senin, 28 Oktober 2024 / 20:19 WIB Reporter: ...` once a byline before it is cut), and
    a line may too: a date, `/` or `|`, a time with its zone, then a space, as the page prints
    it. A sentence may open with a date and time, but not so: `Senin, 28 Oktober 2024 pukul
    10.00 WIB IHSG ...`."""
    if not _DIGIT.search(text, 0, _DIGIT_REACH):
        return None  # the day of the month comes within the first characters of either line
    first = text[:1]
    if first in _STARTS or not first.isascii():
        last = text[-2:-1] if text.endswith("\n") else text[-1:]  # `$` also matches before a final newline
        if (last in _ENDS or not last.isascii()) and (m := DATE_LINE.match(text)):
            return m
        if run_on and (m := DATE_IN_TEXT.match(text)) and m["zone"] and ("/" in m.group() or "|" in m.group()):
            return m
    return ENGLISH_DATE_LINE.match(text) if first in _ENGLISH_STARTS or not first.isascii() else None


def is_byline(text: str) -> bool:
    """A byline, not a `Sumber: BPS` source note: a source needs `| Editor:` after it. The
    label's colon comes within its first 16 characters: a C scan rules most blocks out."""
    if ":" not in text[:16]:
        return False
    m = BYLINE_LABEL.match(text)
    if not m:
        return False
    if BYLINE_EDITOR.search(text, m.end(), m.end() + MAX_BYLINE_CHARS):
        return True
    return m["label"].lower() in ("reporter", "penulis") and len(text) < 120 and "." not in text[m.end():][:1]


def repeatable(text: str) -> bool:
    """Head furniture some pages print again and again: a byline, a date line, a dateline
    standing alone, a site header line."""
    return ((len(text) <= _LONGEST_CHROME and text.lower() in SITE_CHROME_LINES) or is_byline(text)
            or date_line(text) is not None or lone_dateline(text))


def furniture(text: str, memo: dict[str, Any]) -> bool:
    """`repeatable(text)`, kept in `memo` (the page's `Document.memo`) for the next filter
    that asks."""
    if (verdict := memo.get(text)) is None:
        verdict = memo[text] = repeatable(text)
    return verdict


def head_reach(live: list[Block], n: int, memo: dict[str, Any] | None = None) -> list[Block]:
    """The live blocks up to the `n`th that is no repeatable furniture: furniture printed
    again does not count, so that a filter's reach is the same on the page cleaned again,
    where it is gone. `memo` (the page's `Document.memo`) keeps each text's verdict for
    the next filter that asks."""
    memo = {} if memo is None else memo
    others = 0
    for i, block in enumerate(live):
        if not furniture(block.text, memo):
            others += 1
            if others > n:
                return live[:i]
    return live
