"""Finding the part of a page the article lives in, with byte search alone.

Parsing a whole 60-300 KB page costs more than cleaning the article in it. kontan pages
put the title, date, caption and body together, far from the navigation, sidebars and
footer, so the reader decodes and parses only that stretch. `None` means no known body
marker: the caller then parses the whole page and falls back to trafilatura.

Everything here works on the raw bytes (the markers are ASCII in every encoding kontan
uses) and is linear in the page: no position is scanned twice, whatever the page holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .bytesearch import find


@dataclass(frozen=True, slots=True)
class Variants:
    """Marks that share `core` (at a fixed place in each), found by one `bytes.find` of the
    core: a scan of the page costs more than checking the few places the core stands."""

    core: bytes
    marks: tuple[bytes, ...]

    def at(self, html: bytes, i: int, start: int) -> bool:
        """Whether one of the marks stands around the core found at `i`, from `start` on."""
        return any(i - (off := mark.index(self.core)) >= start and html.startswith(mark, i - off) for mark in self.marks)


# Strings that mark the body element (see site/selectors.py). `bytes.find` on literals is an
# order of magnitude faster than one case-insensitive regex over the page.
_BODY_MARKS = (Variants(b"articleBody", (b'itemprop="articleBody"', b"itemprop='articleBody'")), b"tmpt-desk-kon",
               Variants(b"-body", (b"amp-detail-body", b"amp-article-body")), b'class="ctn"', b"class='ctn'")
# What stands just above the body: breadcrumb, AMP lead, title, date, photo.
# `<h1`/`<H1` as one pattern: a short needle is a slow `find`, and this saves one of two.
_HEAD_MARKS = (b"breadcumb", b"img-detail-desk", b"amp-lead", re.compile(rb"<[hH]1"))
# What follows `kontan.co.id/tag/` (the look-behind: no other position is tried) in the
# lower-cased tail: the rest of the URL, the tag, the link text, each bounded.
_TAG_LINK_REST = re.compile(rb"""(?<=kontan\.co\.id/tag/)[^"'>]{0,300}+["'][^>]{0,300}+>[^<]{0,300}+</a>""")
_TAG_NAME = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)")
# Elements whose content is raw text to the HTML parser: left open, they swallow the rest.
_RAW_OPEN = re.compile(rb"<(script|style|textarea|title|xmp|noscript)\b|<!--", re.IGNORECASE)

HEAD_REACH = 40_000
"""How far above the body (bytes) the title and date may stand (nav and ads can sit between)."""
TAIL_REACH = 6_000
"""How far below the body (bytes) the tag box may stand."""


@dataclass(frozen=True, slots=True)
class Window:
    """`html[start:end]` holds the article; `body_start` is where its body element opens."""

    start: int
    body_start: int
    end: int
    left_open: str | None = None
    """A `<script` or `<!--` opened above the body and never closed: a browser shows none
    of the article (its text is script or comment to the end of the page). The reader reads
    the article all the same, and says so."""


def find_window(html: bytes, after: int = 0) -> Window | None:
    """The stretch of `html` from the breadcrumb/title down to the tag box below the body.
    `after` skips the `<head>`, whose CSS names the same classes."""
    pos = after
    for _ in range(_RAW_SKIPS):
        body_start = _first_tag_with(html, _BODY_MARKS, pos, len(html))
        if body_start < 0:
            return None
        if _raw_element(html, body_start):  # `<script class="amp-article-body">`: code, not text
            pos = body_start + 1
            continue
        if (pos := _raw_text_end(html, after, body_start)) < 0:
            break
    else:
        return None
    body_end = _element_end(html, body_start)
    start = _head_start(html, after, body_start)
    start = start if start >= 0 and _closes_raw_text(html, start, body_start) else body_start
    return Window(start, body_start, _tail_end(html, body_end), _left_open(html, after, body_start))


def _head_start(html: bytes, after: int, body_start: int) -> int:
    """Where the first head mark above the body opens (the title's `<h1`, the breadcrumb), or
    -1. A mark inside a closed script or comment is code, not the page: the window would
    start inside it and read it as text, so the search goes on after it."""
    pos = max(after, body_start - HEAD_REACH)
    for _ in range(_RAW_SKIPS):
        start = _first_tag_with(html, _HEAD_MARKS, pos, body_start)
        if start < 0 or (pos := _raw_text_end(html, after, start)) < 0:
            return start
    return -1


def _raw_element(html: bytes, start: int) -> bool:
    """Whether the tag at `start` opens an element whose content is raw text (a script, a
    style, a template): never the article's body, whatever its class says."""
    name = _TAG_NAME.match(html, start)
    return name is not None and name.group(1).lower() in _RAW_ELEMENTS


_RAW_ELEMENTS = frozenset({b"script", b"style", b"template", b"textarea", b"title", b"xmp", b"noscript"})


def _first_tag_with(html: bytes, marks: tuple[bytes | Variants | re.Pattern, ...], start: int, end: int) -> int:
    """Where the first tag containing one of `marks` opens in `html[start:end]`, or -1.
    A mark outside a tag (a CSS rule, a script string) does not count.

    Linear: the last `<` and `>` before a hit are found by searching forward from the
    previous hit only, never back from each hit to `start`."""
    best = -1
    for mark in marks:
        if isinstance(mark, re.Pattern):  # a pattern opening with `<`: its first hit is the tag
            hit = mark.search(html, start, end if best < 0 else best)
            best = hit.start() if hit else best
            continue
        variants, needle = (mark, mark.core) if isinstance(mark, Variants) else (None, mark)
        bracket = needle.startswith(b"<")
        lt = gt = -1  # the last `<` and `>` before `seen`
        seen = start
        i = find(html, needle, start, end if best < 0 else best)  # only earlier hits matter now
        while i >= 0 and (best < 0 or i < best):
            if variants is not None and not variants.at(html, i, start):
                i = find(html, needle, i + 1, end)
                continue
            if not bracket:
                lt, gt, seen = _last_before(html, b"<", lt, seen, i), _last_before(html, b">", gt, seen, i), i
            opening = i if bracket else lt
            if opening >= 0 and (bracket or gt < opening) and not html.startswith(b"</", opening):
                best = opening
                break
            i = find(html, needle, i + 1, end)
    return best


_RAW_SKIPS = 8
"""Body markers inside a script or comment passed over before giving up on the layout."""
_RAW_PAIRS = ((b"<script", b"</script"), (b"<SCRIPT", b"</SCRIPT"), (b"<!--", b"-->"))


def _raw_text_end(html: bytes, after: int, pos: int) -> int:
    """Where the script or comment holding `pos` closes, or -1 when `pos` is in no closed
    one (a commented-out old layout, a template in a script: not the article). One left
    open (the next closer is a later one's, after another opener) does not count:
    `_closes_raw_text` starts the window at the body then."""
    for opener, closer in _RAW_PAIRS:
        o = html.rfind(opener, after, pos)
        if o < 0 or html.find(closer, o, pos) >= 0:
            continue
        c = html.find(closer, pos)
        if c >= 0 and html.find(opener, pos, c) < 0:
            return c + len(closer)
    return -1


def _left_open(html: bytes, after: int, pos: int) -> str | None:
    """The element (`<script>`, `<style>`) or comment left open above `pos`, or None. Only
    the last opener before `pos` matters: raw text ends at the first closer after it.

    Lower-case openers only, as pages write them: each upper-case `rfind` that finds
    nothing reads the whole stretch above the body (30 us on a real-size page), for a page
    that is broken twice over."""
    for opener, closers, what in _OPEN_CLOSERS:
        o = html.rfind(opener, after, pos)
        if o >= 0 and all(html.find(closer, o, pos) < 0 for closer in closers):
            return what
    return None


# A closer's case need not match its opener's (`<script>` ... `</SCRIPT>`).
_OPEN_CLOSERS = ((b"<script", (b"</script", b"</SCRIPT"), "<script>"),
                 (b"<style", (b"</style", b"</STYLE"), "<style>"), (b"<!--", (b"-->",), "comment"))


def _last_before(html: bytes, char: bytes, last: int, lo: int, hi: int) -> int:
    """The last `char` in `html[:hi]`, given `last`, the last one in `html[:lo]`."""
    found = html.rfind(char, lo, hi)
    return found if found >= 0 else last


def _closes_raw_text(html: bytes, start: int, end: int) -> bool:
    """Whether every script, style, comment (and the like) opened in `html[start:end]` also
    closes there. One left open would swallow the body into its text, so the window then
    starts at the body instead. One pass."""
    pos = start
    while m := _RAW_OPEN.search(html, pos, end):
        name = m.group(1)
        close = _COMMENT_END if name is None else _raw_end(name.lower())
        closed = close.search(html, m.end(), end)
        if closed is None:
            return False
        pos = closed.end()
    return True


def _element_end(html: bytes, start: int) -> int:
    """Where the element opening at `start` closes, by counting its tag name; tags inside
    scripts and comments do not count. The end of the text if it never closes. One pass:
    an unclosed comment or script ends the scan instead of being searched for again."""
    name = _TAG_NAME.match(html, start)
    if name is None:
        return len(html)
    pattern, depth, pos = _tag_pattern(name.group(1).lower()), 0, start
    while m := pattern.search(html, pos):
        if m.group(1) is None:  # `<script` or `<!--`: jump past its end
            close = (_raw_end(b"script") if m.group(0) != b"<!--" else _COMMENT_END).search(html, m.end())
            if close is None:
                return len(html)
            pos = close.end()
            continue
        pos = m.end()
        depth += -1 if m.group(1) else 1
        if depth == 0:
            gt = html.find(b">", pos)
            return gt + 1 if gt >= 0 else len(html)
    return len(html)


_COMMENT_END = re.compile(rb"-->")


@lru_cache(maxsize=16)
def _raw_end(tag: bytes) -> re.Pattern:
    return re.compile(rb"</" + tag + rb"\s*>", re.IGNORECASE)


@lru_cache(maxsize=16)
def _tag_pattern(tag: bytes | str) -> re.Pattern:
    # Only the tag's opening characters: a `[^>]*>` here rescans to the end at every unclosed
    # tag. A self-closed `<div/>` then counts as an opening, which can only make the window
    # longer, never cut the body short. stdlib `re`: faster than `regex` on this scan.
    name = tag.encode("ascii") if isinstance(tag, str) else tag
    return re.compile(rb"<script\b|<!--|<(/?)" + re.escape(name) + rb"\b", re.IGNORECASE)


def _tail_end(html: bytes, body_end: int) -> int:
    """Extend past the body to the last tag link close below it, if any. The stretch is
    lower-cased once so that the link is found with `bytes.find` (the match is
    case-insensitive), and each candidate is checked by an anchored pattern."""
    reach = min(len(html), body_end + TAIL_REACH)
    tail = html[body_end:reach].lower()
    last, pos = -1, 0
    while (i := tail.find(b"kontan.co.id/tag/", pos)) >= 0:
        m = _TAG_LINK_REST.match(tail, i + 17)
        if m:
            last = pos = m.end()
        else:
            pos = i + 1
    if last < 0:
        return body_end
    close = html.find(b"</div>", body_end + last, reach)
    return close + len(b"</div>") if close >= 0 else body_end + last
