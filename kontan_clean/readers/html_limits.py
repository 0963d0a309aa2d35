"""Markup no page needs, made harmless before a parser sees it: nesting thousands deep, and
tags with thousands of attributes.

lexbor reads any depth, but its time grows faster than the square of the nesting (40,000
nested `<div>`s: 7 s), and libxml2 stops reading at 2048 levels, losing the rest of the
page. Real pages nest a few dozen levels. So tags below `MAX_DEPTH` open elements are
dropped, their text kept in place: the text of a 100,000-deep nest survives, only its
boxes go. Both parsers check each attribute of a tag against the ones before it, so a tag
with 140,000 attributes takes lexbor a minute; a tag with more than `MAX_ATTRIBUTES` keeps
its name and loses its attributes.
"""

from __future__ import annotations

import re

MAX_DEPTH = 1_000
"""Open elements kept; tags deeper than this are dropped (their text stays)."""
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)|<!--")
_SKIP_END = {b"<!--": re.compile(rb"-->"), b"<script": re.compile(rb"</script\s*>", re.IGNORECASE),
             b"<style": re.compile(rb"</style\s*>", re.IGNORECASE)}
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
# Elements a new one of the same name closes (`<p>a<p>b` is two paragraphs, not a nest).
_SELF_CLOSING = frozenset(b"p li dt dd option tr td th".split())


MAX_ATTRIBUTES = 1_000
"""Attributes (whitespace-separated words) a tag may hold before they are all dropped."""
_LONG_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9:-]*+)([^<>]{4000,}+)>")
_SMALL = 32_000
"""Below this many bytes even the worst tag costs a parser little: no scan for long tags."""


def bounded(html: bytes) -> bytes:
    """`html` with deep nesting flattened and attribute floods dropped; `html` itself (the
    same object) when it has neither, which most pages show at once."""
    return flatten_deep(_fewer_attributes(html) if len(html) > _SMALL else html)


def _fewer_attributes(html: bytes) -> bytes:
    """Tags with more than `MAX_ATTRIBUTES` attributes reduced to their name. One scan (a
    tag shorter than 4,000 bytes cannot hold that many); a long tag of few words, such as
    an image with its data inline, is left alone."""
    pieces, kept_from = [], 0
    for m in _LONG_TAG.finditer(html):
        if m.group(2).count(b" ") + m.group(2).count(b"\n") > MAX_ATTRIBUTES and len(m.group(2).split()) > MAX_ATTRIBUTES:
            pieces += [html[kept_from:m.start()], b"<" + m.group(1) + b">"]
            kept_from = m.end()
    if not pieces:
        return html
    pieces.append(html[kept_from:])
    return b"".join(pieces)


def flatten_deep(html: bytes) -> bytes:
    """`html` with every tag deeper than `MAX_DEPTH` open elements removed; `html` itself
    (the same object) when it nests no deeper, which a tag count shows at once for most
    pages. One pass; a script, style or comment is skipped whole."""
    if html.count(b"<") <= MAX_DEPTH:
        return html
    stack: list[bytes] = []
    cut: list[tuple[int, int]] = []
    pos, gt = 0, -1
    while m := _TAG.search(html, pos):
        name = m.group(2)
        if name is None or not m.group(1) and name.lower() in (b"script", b"style"):
            # a comment, script or style: past its end, or the end of the page
            end = _SKIP_END[b"<!--" if name is None else b"<" + name.lower()].search(html, m.end())
            if end is None:
                break
            pos = end.end()
            continue
        if gt < m.end():  # the tag's `>`, found once for every tag it closes (`<p <p <p ...>`)
            gt = html.find(b">", m.end())
            if gt < 0:
                break  # no tag closes any more: the rest is text
        span, pos, name = (m.start(), gt + 1), gt + 1, name.lower()
        if m.group(1):  # a closing tag: back to its element, if one of the recent ones
            for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[i] == name:
                    if i >= MAX_DEPTH:
                        cut.append(span)
                    del stack[i:]
                    break
            else:
                if len(stack) > MAX_DEPTH:
                    cut.append(span)
            continue
        if name in _VOID or html[gt - 1:gt] == b"/":
            continue
        if name in _SELF_CLOSING and stack and stack[-1] == name:
            stack.pop()
        stack.append(name)
        if len(stack) > MAX_DEPTH:
            cut.append(span)
    if not cut:
        return html
    pieces, kept_from = [], 0
    for cut_start, cut_end in cut:
        pieces.append(html[kept_from:cut_start])
        kept_from = cut_end
    pieces.append(html[kept_from:])
    return b"".join(pieces)
