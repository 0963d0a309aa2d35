"""Datelines read from text: the `KONTAN.CO.ID - JAKARTA.` prefix, the old `JAKARTA.` one,
the English edition's `COAL - JAKARTA.`, and whether a city reads as one."""

from __future__ import annotations

import re

from ..site.patterns import (DATELINE_CITY, DATELINE_PREFIX, DATELINE_PREFIX_AT, DATELINE_PREFIX_STARTS, OLD_DATELINE,
                             TOPIC_DATELINE)

_CITY_SEPARATORS = re.compile(r"[/,]")


def _may_open_upper(text: str) -> bool:
    """False only where OLD_DATELINE cannot match: its three opening capitals are upper case
    to `str.isupper` too, except letters newer than Python's Unicode tables (never ASCII)."""
    head = text[:3]
    return head.isupper() or not head.isascii()


def topic_dateline(text: str):
    """The English edition's `COAL - JAKARTA.` at the start of `text`, or None. Every match
    holds its dash: three C scans rule most paragraphs out before the `regex` match."""
    if "-" in text or "–" in text or "—" in text:
        return TOPIC_DATELINE.match(text)
    return None


def without_dateline(text: str) -> str:
    """`text` without a dateline at its start (`KONTAN.CO.ID - JAKARTA.`, `JAKARTA.`), to
    compare a paragraph with a copy printed without it. Only for comparing: no city check."""
    if text.startswith(DATELINE_PREFIX_STARTS) and (m := DATELINE_PREFIX.match(text)):
        text = text[m.end():]
    if _may_open_upper(text) and (old := OLD_DATELINE.match(text)):  # a `regex` match, not `re`
        text = text[old.end():]
    return text


def city(raw: str) -> str | None:
    """The city if `raw` reads as one (`NEW YORK`, `SEOUL/HANOI`, `WEST PALM BEACH, Florida`,
    `Jakarta`), else None: it is then the first words of a sentence."""
    raw = raw.strip(" .,")
    if "/" in raw or "," in raw:
        raw = "/".join(part.strip() for part in raw.split("/"))
        parts = [p.strip() for p in _CITY_SEPARATORS.split(raw)]
    else:  # one city, the common case: what the split and joins would give, without them
        raw = raw.strip()
        parts = [raw]
    for i, part in enumerate(parts):
        words = part.split()
        if not words or len(words) > 4:
            return None
        upper = part == part.upper()
        titled = all(w[:1].isupper() and w[1:] == w[1:].lower() for w in words)
        if not (upper or (titled and (i > 0 or len(parts) == 1) and len(words) <= 2)):
            return None
    return raw


def lone_dateline(text: str) -> bool:
    """The block is a dateline and nothing else (`KONTAN.CO.ID - JAKARTA.`): no sentence of
    the article, wherever it stands."""
    m = text.startswith(DATELINE_PREFIX_STARTS) and DATELINE_PREFIX.match(text)
    if not m:
        return False
    c = DATELINE_CITY.match(text, m.end())
    return m.end() == len(text) or bool(c and c.end() == len(text) and city(c["city"]))


def dateline_after_start(text: str) -> int | None:
    """Where the first `KONTAN.CO.ID -` dateline after the start of `text` begins, or None."""
    m = DATELINE_PREFIX_AT.search(text, 1) if "KONTAN.CO.ID" in text or "MOMSMONEY.ID" in text else None
    return m.start() if m else None
