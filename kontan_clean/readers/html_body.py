"""The article's elements (a lexbor tree) into blocks: body paragraphs in order, junk nodes
marked, promo links noted; and what sits around the body (pagination, tags, breadcrumb).

One walk over the body, with explicit stacks and lexbor's own traversal rather than
recursion: nesting depth is the page's to choose (`html_limits` caps what parsers see).
"""

from __future__ import annotations

from typing import Any, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model import Block, Document
from ..site import selectors as S
from ..text.urls import join, query_value
from .text import collapse, visible

LEAF_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dt", "dd", "tr"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "figure", "span", "center", "font"})
# Containers that stand as paragraphs of their own when they hold only text: a
# `<div>Harga emas naik.</div><div>Harga perak turun.</div>` is two paragraphs, not one
# glued at `naik.Harga`. Inline containers (`span`, `font`) stay part of the text around them.
PARAGRAPH_TAGS = CONTAINER_TAGS - {"span", "font"}
_TEXT = "-text"
# What a `<br>` leaves in collected text: a character no text node holds (the reader drops
# NULs and lexbor never emits one), so a line break in the source is not mistaken for one.
_BREAK = "\x00"
_JUNK_CLASSES = frozenset(S.JUNK_CLASSES)
_BLOCKISH = LEAF_TAGS | CONTAINER_TAGS | {"br"}
# Elements that end a word when met inside a paragraph (a table lexbor nests in a `<p>` in
# quirks mode, a cell): `0<table><td>1` is `0 1`, not the invented token `01`.
_CELLS = frozenset({"td", "th"})
_WORD_BREAKING = LEAF_TAGS | PARAGRAPH_TAGS | _CELLS | {"hr"}


def block_text(text: str) -> str:
    """Block text: control characters and zero-width marks dropped, whitespace collapsed.
    Per block, not per page: blocks are a fraction of it."""
    collapsed = " ".join(text.split())
    # Fast path: collapsed text that is all printable holds no invisible character (U+001F,
    # the one both whitespace to split() and invisible, is checked on the raw text). An
    # isprintable() scan costs a seventh of the invisible-character regex.
    if collapsed.isprintable() and "\x1f" not in text:
        return collapsed
    return collapse(visible(text))


def first(tree: LexborHTMLParser | LexborNode, selectors: tuple[str, ...]) -> LexborNode | None:
    """The first element (in page order) the first matching selector finds. Selectors are
    run as they are: a lexbor query of the article's stretch costs less than searching
    its markup for the strings a selector needs (measured: a gate in front cost 1-3 us
    more per selector than the query it saved)."""
    for selector in selectors:
        if (found := tree.css_first(selector)) is not None:
            return found
    return None


def all_text(el: LexborNode) -> str:
    """All the text below `el`, scripts included (lxml's `text_content()`)."""
    return el.text(deep=True, separator="", strip=False)


def inside(el: LexborNode, ancestor: LexborNode) -> bool:
    """Whether `el` stands somewhere below `ancestor`."""
    target, node = ancestor.mem_id, el.parent  # mem_id: `==` on nodes compares their HTML
    while node is not None:
        if node.mem_id == target:
            return True
        node = node.parent
    return False


def _junk_class(classes: str) -> str | None:
    """The junk class among `classes`, matching whole names or their dash prefixes
    (`ads` matches `ads-728`, `amp-ad` matches `amp-ad-wrap`)."""
    for name in classes.split():
        if name in _JUNK_CLASSES:
            return name
        cut = name.find("-")
        while cut > 0:
            if name[:cut] in _JUNK_CLASSES:
                return name[:cut]
            cut = name.find("-", cut + 1)
    return None


def _junk_reason(tag: str, attrs: dict) -> str | None:
    if tag in S.JUNK_TAGS:
        return f"<{tag}>"
    if not attrs:
        return None
    classes = attrs.get("class")
    if classes and (junk := _junk_class(classes)):
        return f".{junk}"
    if attrs.get("id") in S.JUNK_IDS:
        return f"#{attrs['id']}"
    for attr in S.JUNK_ATTRS:
        if attr in attrs:
            return f"[{attr}]"
    return None


def _children(el: LexborNode) -> Iterator[LexborNode]:
    return el.iter(include_text=True)


class _Leaf:
    """A paragraph being read: its text pieces, `<br>`s so far, and its links by line."""

    __slots__ = ("tag", "parts", "breaks", "links")

    def __init__(self, tag: str) -> None:
        self.tag, self.breaks = tag, 0
        self.parts: list[str] = []
        self.links: list[tuple[int, LexborNode]] = []


def walk(container: LexborNode, out: list[Block], valid_utf8: bool = False) -> None:
    """Blocks for the children of a block-level element, in document order.

    Containers of blocks are walked child by child (a stack of iterators, not recursion);
    a junk element is read in one C call and never walked; a paragraph, or inline text
    between blocks, is read in one pass over lexbor's traversal of it (a C iterator).
    `valid_utf8`: the parsed markup was valid UTF-8, so a paragraph's text nodes read
    together are what they are read one by one (`_plain_leaf`)."""
    loose: list[str] = []
    stack = [_children(container)]
    inline = [False]  # per stack entry: an inline container (`span`), whose text runs on
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if not inline.pop() and loose:
                _flush(loose, out)
            continue
        tag: str = node.tag or "-"  # a bogus comment (`<?li ?>`) has no name: skipped as a comment
        if tag == _TEXT:
            loose.append(node.text_content)  # type: ignore[arg-type]  # a text node has text
            continue
        if tag[0] == "-":  # a comment
            continue
        if (why := _junk_reason(tag, node.attributes)) is not None:
            _flush(loose, out)
            out.append(Block(block_text(all_text(node)) if tag not in ("script", "style") else "", "junk", {"junk": why}))
        elif tag in LEAF_TAGS:
            _flush(loose, out)
            if tag == "tr":
                _row(node, out)
            elif not (valid_utf8 and _plain_leaf(node, tag, out)):
                leaf = _Leaf(tag)
                _read_inline(node, leaf.parts, leaf)
                _leaf(leaf, out)
        elif tag in CONTAINER_TAGS and _has_blocks(node):
            # A block container starts a line; an inline one holding blocks (`0<span>0<p>`)
            # does not: its text before the first block runs on from the text before it,
            # as a browser shows it (`00`).
            if tag in PARAGRAPH_TAGS:
                _flush(loose, out)
            stack.append(_children(node))
            inline.append(tag not in PARAGRAPH_TAGS)
        elif tag == "br":
            loose.append(_BREAK)
        elif tag in PARAGRAPH_TAGS:  # a paragraph of its own: flushed before and after
            _flush(loose, out)
            _read_inline(node, loose, None)
            _flush(loose, out)
        else:
            _read_inline(node, loose, None)


# What makes a paragraph's text more than the concatenation of its text nodes.
_NOT_PLAIN = frozenset(S.JUNK_TAGS | _WORD_BREAKING | {"br"})


def _plain_leaf(el: LexborNode, tag: str, out: list[Block]) -> bool:
    """Read a paragraph that holds no `<br>`, junk or block element (most of them) and
    return True; else read nothing and return False. Its text is then lexbor's own, one C
    call (decoded once, not per text node: the same text when the markup is valid UTF-8),
    and only its elements are visited in Python, not its text nodes: about half the
    cost of `_read_inline`."""
    links = []
    nodes = el.traverse(include_text=False)
    next(nodes)  # `el` itself
    for node in nodes:
        name: str = node.tag or "-"  # a bogus comment (`<?li ?>`) has no name
        if name == "a":
            links.append(node)
        elif name in _NOT_PLAIN:
            return False
    if para := block_text(el.text(deep=True, separator="", strip=False)):
        attrs: dict = {}
        for a in links:
            _link_attrs(a, attrs)
        out.append(Block(para, tag, attrs))
    return True


_READING = -1
"""`skip_to` while no junk subtree is being skipped (a node id is never negative)."""


def _read_inline(el: LexborNode, parts: list[str], leaf: _Leaf | None) -> None:
    """Append the text below `el` to `parts`: scripts and other junk tags skipped, `<br>`
    as a break. For a paragraph (`leaf`), note each link with the line it stands on, those
    inside skipped junk included (a promo link inside an ad still marks the paragraph)."""
    nodes = el.traverse(include_text=True)
    next(nodes)  # `el` itself
    skip_to: int | None = _READING  # None: skip to the end
    ends: dict[int, str] = {}  # node right after a block or cell inside: what separates it
    closing = ""  # what separates a block that ends `el` from the text after `el`
    for node in nodes:
        if ends and (sep := ends.pop(node.mem_id, None)) is not None:
            parts.append(sep)
            if leaf is not None and sep == _BREAK:
                leaf.breaks += 1
        if skip_to != _READING:
            if skip_to is None or node.mem_id != skip_to:
                if leaf is not None and node.tag == "a":
                    leaf.links.append((leaf.breaks, node))
                continue
            skip_to = _READING
        tag: str = node.tag or "-"  # a bogus comment (`<?li ?>`) has no name: skipped as a comment
        if tag == _TEXT:
            parts.append(node.text_content)  # type: ignore[arg-type]  # a text node has text
        elif tag == "br":
            parts.append(_BREAK)
            if leaf is not None:
                leaf.breaks += 1
        elif tag[0] == "-":
            continue
        elif tag in S.JUNK_TAGS:
            skip_to = _after(node, el)
        elif tag == "a" and leaf is not None:
            leaf.links.append((leaf.breaks, node))
        elif tag in _WORD_BREAKING:
            # A block inside a paragraph (`<li><p>A</p><p>B</p></li>`, `<h1><p>date</p>byline`)
            # stands on lines of its own, as a browser shows it: the paragraph breaks before
            # and after it. A cell's text is only kept apart from its neighbours' by a space.
            sep = " " if tag in _CELLS else _BREAK
            parts.append(sep)
            if leaf is not None and sep == _BREAK:
                leaf.breaks += 1
            # Nor is the text after it glued on, nor the text after `el` when the block ends
            # it (`<a><p>0</p></a>0` is two lines). A cell ending a block ends it too: the
            # block's break wins over the cell's space.
            if (after := _after(node, el)) is not None:
                ends[after] = _BREAK if ends.get(after) == _BREAK else sep
            else:
                closing = _BREAK if closing == _BREAK else sep
    if closing:
        parts.append(closing)


def _after(node: LexborNode, root: LexborNode) -> int | None:
    """The id of the node a traversal of `root` reaches after `node`'s subtree; None when
    that subtree runs to the end of `root`'s."""
    root_id = root.mem_id
    while node.mem_id != root_id:
        if (after := node.next) is not None:
            return after.mem_id
        if (parent := node.parent) is None:
            return None
        node = parent
    return None


def _has_blocks(el: LexborNode) -> bool:
    for c in el.iter(include_text=False):
        tag: str = c.tag or "-"  # a bogus comment (`<?li ?>`) has no name
        if tag in _BLOCKISH or (tag[0] != "-" and _junk_reason(tag, c.attributes)):
            return True
    return False


def _flush(loose: list[str], out: list[Block]) -> None:
    if not loose:
        return
    text = "".join(loose)
    loose.clear()
    if not text or text.isspace():
        return
    # Loose text breaks at `<br>` and, as it always has, at the page's own line breaks.
    for line in (text.replace(_BREAK, "\n") if _BREAK in text else text).split("\n"):
        if para := block_text(line):
            out.append(Block(para, "text"))


def _visible_text(el: LexborNode) -> str:
    """Text of an element without what junk elements inside it (scripts, ads) hold, a
    `<br>` read as a space."""
    parts: list[str] = []
    _read_inline(el, parts, None)
    return "".join(parts).replace(_BREAK, " ")


def _row(el: LexborNode, out: list[Block]) -> None:
    """A table row: its cells' text, one space between, no empty cells."""
    text = " ".join(t for c in el.iter(include_text=False)
                    if (tag := c.tag or "-")[0] != "-" and _junk_reason(tag, c.attributes) is None and (t := block_text(_visible_text(c))))
    if text:
        attrs: dict = {}
        for a in el.css("a"):
            _link_attrs(a, attrs)
        out.append(Block(text, "tr", attrs))


def _leaf(leaf: _Leaf, out: list[Block]) -> None:
    text = "".join(leaf.parts)
    if _BREAK not in text:  # the common case: one paragraph with all its links
        if para := block_text(text):
            attrs: dict = {}
            for _, a in leaf.links:
                _link_attrs(a, attrs)
            out.append(Block(para, leaf.tag, attrs))
        return
    # A `<br>` splits the leaf; each piece keeps the links that stand on it (a link on an
    # empty line goes with the next piece, or the last).
    lines = [block_text(line) for line in text.split(_BREAK)]
    kept = [i for i, line in enumerate(lines) if line]
    if not kept:
        return
    by_line: dict[int, dict] = {i: {} for i in kept}
    for line_no, a in leaf.links:
        _link_attrs(a, by_line[next((i for i in kept if i >= line_no), kept[-1])])
    out.extend(Block(lines[i], leaf.tag, by_line[i]) for i in kept)


def _link_attrs(a: LexborNode, attrs: dict) -> None:
    link = a.attributes
    href = link.get("href")
    if href and (link_text := block_text(all_text(a))):
        attrs.setdefault("links", {})[link_text] = href
    classes = (link.get("class") or "").split()
    for cls, kind in S.PROMO_LINKS.items():
        if cls in classes:
            attrs.update(promo=kind, href=href)
    if any(c in classes for c in S.FOOTER_LINKS):
        attrs["footer"] = True


def pagination(body: LexborNode, doc: Document) -> None:
    """Page number, whether a next page follows, and the `?page=all` URL."""
    found = body.css_first(S.PAGINATION)
    if found is None:
        return
    base = doc.meta.url or ""
    pages, all_url = set(), None
    for a in found.css("a"):
        href = join(base, a.attributes.get("href") or "")
        page = query_value(href, "page")
        if page == "all":
            all_url = href
        elif page and page.isdecimal():
            pages.add(int(page))
    current = _current_page(found, base)
    doc.info.update(page=current, continues=any(p > current for p in pages), all_pages_url=all_url)


def _current_page(pagination: LexborNode, url: str) -> int:
    for el in pagination.css(S.CURRENT_PAGE):
        text = block_text(all_text(el))
        if text.isdecimal():
            return int(text)
    page = query_value(url, "page") or "1"
    return int(page) if page.isdecimal() else 1


def tags(body: LexborNode) -> list[str]:
    """Tag links after the body, from the first group of them (else inside the body)."""
    chosen = _first_after(body, S.TAG_LINKS) or body.css_first(S.TAG_LINKS)
    if chosen is None:
        return []
    names: list[str] = []
    for a in chosen.parent.css("a") if chosen.parent is not None else ():
        if "/tag/" in (a.attributes.get("href") or "") and (t := block_text(all_text(a))) and t not in names:
            names.append(t)
    return names


def _first_after(node: LexborNode, selector: str) -> LexborNode | None:
    """The first element matching `selector` after `node`'s subtree in page order: in the
    siblings after it, then after its parent, and so on up. The tag box stands right
    after the body, so this asks lexbor a few times instead of walking the whole page to
    place every match."""
    at: LexborNode | None = node
    while at is not None:
        sibling = at.next
        while sibling is not None:
            if (sibling.tag or "-")[0] != "-" and (found := sibling.css_first(selector)) is not None:
                return found
            sibling = sibling.next
        at = at.parent
    return None


def page_order(tree: LexborHTMLParser, nodes: list[LexborNode]) -> dict[int, int]:
    """{mem_id: position in page order} of `nodes`, in one walk that stops once all are seen."""
    wanted = {n.mem_id for n in nodes}
    order: dict[int, int] = {}
    for i, node in enumerate(tree.root.traverse(include_text=False) if tree.root is not None else ()):
        if node.mem_id in wanted:
            order[node.mem_id] = i
            if len(order) == len(wanted):
                break
    return order


def category(tree: LexborHTMLParser) -> str | None:
    """The last breadcrumb name that is not the site itself."""
    crumb = first(tree, S.BREADCRUMB)
    if crumb is None:
        return None
    names = [block_text(all_text(a)) for a in crumb.css("a")]
    names = [n for n in names if n and n.lower() not in ("home", "beranda", "kontan", "kontan.co.id")]
    return names[-1] if names else None
