"""`--explain`: every removal, the filter's name beside the text, in page order."""

from __future__ import annotations

import html
import os
import re
from typing import TextIO

from ..article import Article
from ..model import Removal


class Paint:
    """ANSI colours, or none."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text

    def filter(self, text: str) -> str:
        """A filter's name."""
        return self._wrap("1;33", text)

    def removed(self, text: str) -> str:
        """Removed text."""
        return self._wrap("31", text)

    def reason(self, text: str) -> str:
        """Why it was removed."""
        return self._wrap("2", text)

    def head(self, text: str) -> str:
        """A document header or the closing line."""
        return self._wrap("1;32", text)


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def explain(article: Article, page: str | bytes | None, paint: Paint = Paint(False)) -> str:
    """One line per removal, `filter  text  [reason]`, then what was kept."""
    removed = page_order(article.removed, page)
    width = max((len(r.filter) for r in removed), default=0)
    lines = [f"{paint.filter(r.filter.ljust(width))}  {paint.removed(r.text)}  {paint.reason('[' + r.reason + ']')}"
             for r in removed]
    words = sum(len(p.split()) for p in article.paragraphs)
    lines.append(paint.head(f"kept {len(article.paragraphs)} paragraphs ({words} words); "
                            f"removed {len(removed)} pieces"))
    return "\n".join(lines) + "\n"


_TAG = re.compile(r"<[^<>]*>")  # not `[^>]`: a run of `<` with no `>` would be rescanned from each one


def page_order(removed: list[Removal], page: str | bytes | None) -> list[Removal]:
    """The removals sorted by where their text stands on the page. Filters run one after the
    other, so `Article.removed` is in filter order; a text not found on the page (cut across
    markup) stays right after the removal recorded before it."""
    if not page:
        return list(removed)
    flat = _flatten(page)
    seen: dict[str, int] = {}  # text -> where it was last found, so a repeat finds the next copy
    keyed, at = [], -1
    for i, r in enumerate(removed):
        pos = _locate(flat, r.text, seen.get(r.text, -1) + 1)
        if pos >= 0:
            seen[r.text] = at = pos
        keyed.append((at, i, r))
    return [r for *_, r in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _locate(flat: str, text: str, start: int) -> int:
    """Where `text` stands in the flattened page: as is, without a leading bullet (the
    reader adds those), or by its first words (markup may split the rest)."""
    for probe in (text, text.lstrip("•·*- "), " ".join(text.split()[:5])):
        if probe.strip():
            pos = flat.find(probe, start)
            if pos >= 0:
                return pos
    return -1


def _flatten(page: str | bytes) -> str:
    text = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
    if text.lstrip().startswith("<"):
        text = html.unescape(_TAG.sub(" ", text))
    return " ".join(text.split())


# -- progress and summary ---------------------------------------------------------------
