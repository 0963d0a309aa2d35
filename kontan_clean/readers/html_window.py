"""Finding the part of a page the article lives in, with string search alone.

Parsing a whole 60-300 KB page costs more than cleaning the article in it. kontan pages
put the title, date, caption and body together, far from the navigation, sidebars and
footer, so the reader parses only that stretch. `None` means no known body marker: the
caller then parses the whole page and falls back to trafilatura.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

# Strings that mark the body element (see site/selectors.py). Plain `str.find` on literals
# is an order of magnitude faster than one case-insensitive regex over the page.
_BODY_MARKS = ('itemprop="articleBody"', "itemprop='articleBody'", "tmpt-desk-kon", "amp-detail-body",
               "amp-article-body", 'class="ctn"', "class='ctn'")
# What stands just above the body: breadcrumb, AMP lead, title, date, photo.
_HEAD_MARKS = ("<h1", "<H1", "breadcumb", "amp-lead", "img-detail-desk")
_TAG_LINK = re.compile(r"""kontan\.co\.id/tag/[^"'>]*["'][^>]*>[^<]*</a>""", re.IGNORECASE)
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")

HEAD_REACH = 40_000
"""How far above the body the title and date may stand (nav and ads can sit between)."""
TAIL_REACH = 6_000
"""How far below the body the tag box may stand."""


@dataclass(frozen=True, slots=True)
class Window:
    """`html[start:end]` holds the article; `body_start` is where its body element opens."""

    start: int
    body_start: int
    end: int


def find_window(html: str, after: int = 0) -> Window | None:
    """The stretch of `html` from the breadcrumb/title down to the tag box below the body.
    `after` skips the `<head>`, whose CSS names the same classes."""
    body_start = _first_tag_with(html, _BODY_MARKS, after, len(html))
    if body_start < 0:
        return None
    body_end = _element_end(html, body_start)
    start = _first_tag_with(html, _HEAD_MARKS, max(after, body_start - HEAD_REACH), body_start)
    return Window(start if start >= 0 else body_start, body_start, _tail_end(html, body_end))


def _first_tag_with(html: str, marks: tuple[str, ...], start: int, end: int) -> int:
    """Where the first tag containing one of `marks` opens in `html[start:end]`, or -1.
    A mark outside a tag (a CSS rule, a script string) does not count."""
    best = -1
    for mark in marks:
        i = html.find(mark, start, end if best < 0 else best)  # only earlier hits matter now
        while i >= 0 and (best < 0 or i < best):
            opening = i if mark.startswith("<") else html.rfind("<", start, i)
            if opening >= 0 and html.rfind(">", opening, i) < 0 and not html.startswith("</", opening):
                best = opening
                break
            i = html.find(mark, i + 1, end)
    return best


def _element_end(html: str, start: int) -> int:
    """Where the element opening at `start` closes, by counting its tag name; tags inside
    scripts and comments do not count. The end of the text if it never closes. One pass:
    an unclosed comment or script ends the scan instead of being searched for again."""
    name = _TAG_NAME.match(html, start)
    if name is None:
        return len(html)
    pattern, depth, pos = _tag_pattern(name.group(1).lower()), 0, start
    while m := pattern.search(html, pos):
        if m.group(1) is None:  # `<script` or `<!--`: jump past its end
            close = (_SCRIPT_END if m.group(0) != "<!--" else _COMMENT_END).search(html, m.end())
            if close is None:
                return len(html)
            pos = close.end()
            continue
        pos = m.end()
        depth += -1 if m.group(1) else 1
        if depth == 0:
            gt = html.find(">", pos)
            return gt + 1 if gt >= 0 else len(html)
    return len(html)


_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_COMMENT_END = re.compile(r"-->")


@lru_cache(maxsize=16)
def _tag_pattern(tag: str) -> re.Pattern:
    # Only the tag's opening characters: a `[^>]*>` here rescans to the end at every unclosed
    # tag. A self-closed `<div/>` then counts as an opening, which can only make the window
    # longer, never cut the body short. stdlib `re`: faster than `regex` on this scan.
    return re.compile(rf"<script\b|<!--|<(/?){re.escape(tag)}\b", re.IGNORECASE)


def _tail_end(html: str, body_end: int) -> int:
    """Extend past the body to the last tag link close below it, if any."""
    last = None
    for last in _TAG_LINK.finditer(html, body_end, body_end + TAIL_REACH):
        pass
    if last is None:
        return body_end
    close = html.find("</div>", last.end(), body_end + TAIL_REACH)
    return close + len("</div>") if close >= 0 else last.end()
