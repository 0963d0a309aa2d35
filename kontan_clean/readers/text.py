"""Text renderings (desktop, body only, AMP, insight, flattened) into blocks."""

from __future__ import annotations

import re

from ..model import Block, Document
from .flat_page import split_flat


# Characters that are never text: C0/C1 controls (bar tab and line breaks), zero-width
# marks and the soft hyphen (a hyphenation hint: `eko\xadnomi` is the word `ekonomi`).
# Removed before anything else, so a page of NULs is an empty page, not an article.
# Line separators (\v \f \x1c-\x1e \x85) are kept: splitlines() breaks lines at them.
_INVISIBLE_CHARS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\xad\u200b-\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")


def visible(text: str) -> str:
    """`text` without control characters and zero-width marks (a scan in C when there are none)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def collapse(text: str) -> str:
    """Whitespace runs (spaces, tabs, no-break spaces) to one space, ends stripped."""
    return " ".join(text.split())


def read_text(text: str, url: str | None = None) -> Document:
    """One block per non-empty line; a text with no line break at all is flattened:
    one `flat` block, which filters cut promos out of (a whole desktop page's header and
    tail become line blocks around it: see `flat_page`)."""
    if (lines := _printable_lines(text)) is None:
        text = visible(text)  # the slow path: a character that is never text somewhere
        lines = [line for raw in text.splitlines() if (line := collapse(raw))]
    stripped = text.strip()
    if "\n" not in stripped and "\r" not in stripped:
        # the line breaks are whitespace to split() too: the collapsed lines, joined, are the
        # collapsed text
        flat = " ".join(lines)
        return Document(split_flat(flat) if flat else [], form="flattened", url=url)
    return Document([Block(line, "line") for line in lines], form="lines", url=url)


def _printable_lines(text: str) -> list[str] | None:
    """The non-empty lines, whitespace collapsed, when no line holds an invisible character;
    else None. A line collapsed and all printable holds none (U+001F, the one character
    both whitespace to split() and invisible, is checked on the raw text): an isprintable()
    scan costs a fraction of the invisible-character regex."""
    if "\x1f" in text:
        return None
    parts = text.split("\n")
    if _tidy(text, parts):
        return [line for line in parts if line]
    lines = []
    for raw in text.splitlines():
        # Most lines are tidy already; collapsing one splits it into words and joins them
        # again: on a paragraph several times the cost of these C scans.
        if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
            line = raw
        elif (line := " ".join(raw.split())) and not line.isprintable():
            return None
        if line:
            lines.append(line)
    return lines


def _tidy(text: str, parts: list[str]) -> bool:
    """Whether `text`, split at `\\n` into `parts`, is lines already collapsed: none with a
    space at its ends or two in a row, nothing else unprintable. Every whitespace character
    but the space is unprintable to `str.isprintable` (so are the other line breaks and the
    invisible characters), so printable parts are the text's `splitlines()`, each its own
    collapse. A few C scans over the text, against a split and join per line."""
    return "  " not in text and all(map(str.isprintable, parts)) and list(map(str.strip, parts)) == parts
