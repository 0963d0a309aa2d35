"""The article's elements into blocks: body paragraphs in order, junk nodes marked, promo
links noted; and what sits around the body (pagination, tags, breadcrumb)."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from ..model import Block, Document
from ..site import selectors as S
from ..text.urls import join, query_value
from .text import collapse, visible

LEAF_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dt", "dd", "tr"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "figure", "span", "center", "font"})


def block_text(text: str) -> str:
    """Block text: control characters and zero-width marks dropped (lxml passes them
    through), whitespace collapsed. Per block, not per page: blocks are a fraction of it."""
    return collapse(visible(text))


def first(root: etree._Element, xpaths: tuple[str, ...]) -> etree._Element | None:
    """The first element the first matching XPath finds."""
    for xpath in xpaths:
        found = _compiled(xpath)(root)
        if found:
            return found[0]
    return None


@lru_cache(maxsize=None)
def _compiled(xpath: str) -> etree.XPath:
    return etree.XPath(xpath)


_JUNK_CLASSES = frozenset(S.JUNK_CLASSES)


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


def inside(el: etree._Element, ancestor: etree._Element) -> bool:
    """Whether `el` stands somewhere below `ancestor`."""
    return any(a is ancestor for a in el.iterancestors())


def _junk_reason(el: etree._Element) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in S.JUNK_TAGS:
        return f"<{tag}>"
    classes = el.get("class")
    if classes and (junk := _junk_class(classes)):
        return f".{junk}"
    if el.get("id") in S.JUNK_IDS:
        return f"#{el.get('id')}"
    for attr in S.JUNK_ATTRS:
        if el.get(attr) is not None:
            return f"[{attr}]"
    return None


def walk(container: etree._Element, out: list[Block]) -> None:
    """Blocks for the children of a block-level element, in document order. An explicit
    stack rather than recursion: nesting depth is the page's to choose."""
    stack = [(container, iter(container))]
    loose: list[str] = [container.text or ""]
    while stack:
        child = next(stack[-1][1], None)
        if child is None:
            finished, _ = stack.pop()
            _flush(loose, out)
            if stack:
                loose.append(finished.tail or "")  # text after the container, one level up
            continue
        if not isinstance(child.tag, str):  # comment or processing instruction
            loose.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if (why := _junk_reason(child)) is not None:
            _flush(loose, out)
            out.append(Block(block_text(child.text_content()) if tag not in ("script", "style") else "", "junk", {"junk": why}))
        elif tag in LEAF_TAGS:
            _flush(loose, out)
            _leaf(child, tag, out)
        elif tag in CONTAINER_TAGS and _has_blocks(child):
            _flush(loose, out)
            stack.append((child, iter(child)))
            loose.append(child.text or "")
            continue
        elif tag == "br":
            loose.append("\n")
        else:
            loose.append(_visible_text(child))
        loose.append(child.tail or "")


def _has_blocks(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and (c.tag.lower() in _BLOCKISH or _junk_reason(c)) for c in el)


_BLOCKISH = LEAF_TAGS | CONTAINER_TAGS | {"br"}


def _flush(loose: list[str], out: list[Block]) -> None:
    text = "".join(loose)
    loose.clear()
    if text.isspace() or not text:
        return
    for line in text.split("\n"):
        if para := block_text(line):
            out.append(Block(para, "text"))


def _visible_text(el: etree._Element) -> str:
    """Text of an element without what junk elements inside it (scripts, ads) hold.
    Iterative, so deeply nested markup cannot exhaust Python's stack."""
    if next(el.iterdescendants(*S.JUNK_TAGS), None) is None:  # tag filter runs in C
        return el.text_content()
    parts, skip = [], 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        junk = node is not el and isinstance(node.tag, str) and node.tag.lower() in S.JUNK_TAGS
        if event == "start":
            skip += junk
            if not skip and node.text:
                parts.append(node.text)
        else:
            skip -= junk
            if not skip and node is not el and node.tail:
                parts.append(node.tail)
    return "".join(parts)


def _leaf(el: etree._Element, tag: str, out: list[Block]) -> None:
    if tag == "tr":  # a table row: its cells' text, one space between, no empty cells
        text = " ".join(t for c in el if _junk_reason(c) is None and (t := block_text(_visible_text(c))))
    else:
        text = block_text(_visible_text(el))
    if not text:
        return
    attrs: dict = {}
    for a in el.iter("a"):
        if a.get("href") and (link_text := block_text(a.text_content())):
            attrs.setdefault("links", {})[link_text] = a.get("href")
        classes = (a.get("class") or "").split()
        for cls, kind in S.PROMO_LINKS.items():
            if cls in classes:
                attrs.update(promo=kind, href=a.get("href"))
        if any(c in classes for c in S.FOOTER_LINKS):
            attrs["footer"] = True
    out.append(Block(text, tag, attrs))


def pagination(body: etree._Element, doc: Document) -> None:
    """Page number, whether a next page follows, and the `?page=all` URL."""
    found = body.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " pagination ")]')
    if not found:
        return
    base = doc.meta.url or ""
    pages, all_url = set(), None
    for a in found[0].iter("a"):
        href = join(base, a.get("href") or "")
        page = query_value(href, "page")
        if page == "all":
            all_url = href
        elif page and page.isdecimal():
            pages.add(int(page))
    current = _current_page(found[0], base)
    doc.info.update(page=current, continues=any(p > current for p in pages), all_pages_url=all_url)


def _current_page(pagination: etree._Element, url: str) -> int:
    marked = pagination.xpath('.//*[contains(@class, "active") or contains(@class, "current") or @aria-current]')
    for el in marked:
        text = block_text(el.text_content())
        if text.isdecimal():
            return int(text)
    page = query_value(url, "page") or "1"
    return int(page) if page.isdecimal() else 1


def tags(body: etree._Element) -> list[str]:
    """Tag links after the body, from the first group of them."""
    links = body.xpath('following::a[contains(@href, "kontan.co.id/tag/")]')
    if not links:
        links = body.xpath('.//a[contains(@href, "kontan.co.id/tag/")]')
    if not links:
        return []
    group = links[0].getparent()
    tags = []
    for a in group.iter("a"):
        if "/tag/" in (a.get("href") or "") and (t := block_text(a.text_content())) and t not in tags:
            tags.append(t)
    return tags


def category(root: etree._Element) -> str | None:
    crumb = first(root, S.BREADCRUMB)
    if crumb is None:
        return None
    names = [block_text(a.text_content()) for a in crumb.iter("a")]
    names = [n for n in names if n and n.lower() not in ("home", "beranda", "kontan", "kontan.co.id")]
    return names[-1] if names else None
