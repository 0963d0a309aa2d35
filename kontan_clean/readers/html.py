"""HTML pages into the same blocks the text reader makes, so every text filter serves both.

The reader removes nothing itself. It finds the article by several signals in order
(`site.selectors`), emits the title, date line, caption and byline as blocks in page order,
then one block per body paragraph. Nodes that are never text (ads, share boxes, scripts,
pagination) become `junk` blocks that the `html_junk` filter drops and records; promo links
mark their paragraph so the `promos` filter can keep the link's URL. A page with no known
body is handed to trafilatura, and the document says so.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree

from ..model import Block, Document
from ..site import selectors as S
from ..site.patterns import DATE_LINE, TICKER_BULLET
from ..site.vocab import TICKERS
from .encoding import decode
from .text import collapse

WIB = timezone(timedelta(hours=7))
LEAF_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dt", "dd", "tr"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "figure", "span", "center", "font"})
_PARSER = {}


def parse(content: str | bytes) -> tuple[etree._Element, str]:
    """(root element, encoding) for a page given as text or bytes."""
    if isinstance(content, str):
        data, encoding = content.encode("utf-8", "surrogatepass"), "utf-8"
        source = "str"
    else:
        text, encoding = decode(content)
        data, source = text.encode("utf-8", "surrogatepass"), encoding
    parser = _PARSER.get("utf-8") or _PARSER.setdefault("utf-8", lxml.html.HTMLParser(encoding="utf-8", remove_comments=True))
    root = lxml.html.document_fromstring(data, parser=parser)
    return root, source


def read_html(content: str | bytes, url: str | None = None) -> Document:
    """Read a whole kontan page (desktop, AMP, older layouts) into a `Document`."""
    root, encoding = parse(content)
    head = _head_meta(root)
    body = _first(root, S.BODY)
    if body is None:
        from .fallback import read_with_trafilatura

        doc = read_with_trafilatura(root, url or head.get("url"))
    else:
        doc = Document(_page_blocks(root, body), form="html", url=head.get("url") or url)
        _pagination(body, doc)
        doc.meta.tags = _tags(body)
        doc.meta.category = _category(root)
    doc.info["encoding"] = encoding
    if doc.meta.title is None and head.get("title"):
        doc.meta.title = head["title"]
    doc.meta.published = doc.meta.published or head.get("published")
    doc.warnings.extend(head.get("warnings", ()))
    return doc


def _first(root: etree._Element, xpaths: tuple[str, ...]) -> etree._Element | None:
    for xpath in xpaths:
        found = root.xpath(xpath)
        if found:
            return found[0]
    return None


# ---- the page head ---------------------------------------------------------------------

def _head_meta(root: etree._Element) -> dict:
    """Title, canonical URL and published time from `<head>` and JSON-LD."""
    meta = {}
    for el in root.iterfind(".//head/meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        if key and el.get("content"):
            meta.setdefault(key.lower(), el.get("content").strip())
    out: dict = {}
    canonical = root.find('.//head/link[@rel="canonical"]')
    out["url"] = (canonical.get("href") if canonical is not None else None) or meta.get("og:url")
    title = meta.get("og:title") or _title_tag(root)
    if title:
        out["title"] = title
    dates = {k: v for k, v in (
        ("JSON-LD datePublished", _json_ld_date(root)),
        ("content_PublishedDate", _parse_wib(meta.get("content_publisheddate"))),
        ("article:published_time", _parse_iso(meta.get("article:published_time"))),
    ) if v}
    if dates:
        out["published"] = next(iter(dates.values()))
        if len(set(dates.values())) > 1:
            out["warnings"] = ["page metadata disagrees on the publication time: " + ", ".join(
                f"{k} {v.isoformat()}" for k, v in dates.items())]
    return out


def _title_tag(root: etree._Element) -> str | None:
    el = root.find(".//head/title")
    if el is None or not el.text:
        return None
    title = collapse(el.text)
    for suffix in S.TITLE_SUFFIXES:
        if title.lower().endswith(suffix.lower()):
            return title[: -len(suffix)].strip()
    return title


def _parse_wib(value: str | None) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=WIB) if value else None
    except ValueError:
        return None


def _parse_iso(value: str | None) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    return parsed.replace(tzinfo=parsed.tzinfo or WIB) if parsed else None


def _json_ld_date(root: etree._Element) -> datetime | None:
    for el in root.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                return _parse_iso(str(item["datePublished"]))
    return None


# ---- the article -----------------------------------------------------------------------

def _page_blocks(root: etree._Element, body: etree._Element) -> list[Block]:
    """Ticker, title, date, caption and author as blocks in page order, then the body."""
    blocks = _ticker_blocks(root)
    head = []
    for xpaths, role in ((S.TITLE, "title"), (S.DATE, "date"), (S.CAPTION, "caption"), (S.AUTHOR, "byline")):
        el = _first(root, xpaths)
        if el is None or _inside(el, body) or not (text := collapse(el.text_content())):
            continue
        if role == "date" and not DATE_LINE.match(text):
            continue  # a wrong guess would leak into the body
        head.append((el, Block(text, el.tag, {"role": role})))
    order = {el: i for i, el in enumerate(root.iter())} if len(head) > 1 else {}
    blocks.extend(b for _, b in sorted(head, key=lambda pair: order.get(pair[0], 0)))
    _walk(body, blocks)
    return blocks


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _ticker_blocks(root: etree._Element) -> list[Block]:
    """The ticker banner, written as the bullets of the text rendering."""
    el = _first(root, S.TICKER)
    if el is None:
        return []
    words = collapse(el.text_content()).split()
    blocks = []
    for i, word in enumerate(words[:-3]):
        if word in TICKERS:
            line = "• " + " ".join(words[i:i + 4])
            if TICKER_BULLET.match(line):
                blocks.append(Block(line, "ticker"))
    return blocks


def _junk_reason(el: etree._Element) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in S.JUNK_TAGS:
        return f"<{tag}>"
    classes = (el.get("class") or "").split()
    for junk in S.JUNK_CLASSES:
        if any(c == junk or c.startswith(junk + "-") for c in classes):
            return f".{junk}"
    if el.get("id") in S.JUNK_IDS:
        return f"#{el.get('id')}"
    for attr in S.JUNK_ATTRS:
        if el.get(attr) is not None:
            return f"[{attr}]"
    return None


def _walk(container: etree._Element, out: list[Block]) -> None:
    """Blocks for the children of a block-level element, in document order."""
    loose: list[str] = [container.text or ""]
    for child in container:
        if not isinstance(child.tag, str):  # comment or processing instruction
            loose.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if (why := _junk_reason(child)) is not None:
            _flush(loose, out)
            out.append(Block(collapse(child.text_content()) if tag not in ("script", "style") else "", "junk", {"junk": why}))
        elif tag in LEAF_TAGS:
            _flush(loose, out)
            _leaf(child, tag, out)
        elif tag in CONTAINER_TAGS and _has_blocks(child):
            _flush(loose, out)
            _walk(child, out)
        elif tag == "br":
            loose.append("\n")
        else:
            loose.append(_visible_text(child))
        loose = [child.tail or ""] if loose == [] else loose + [child.tail or ""]
    _flush(loose, out)


def _has_blocks(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and (c.tag.lower() in _BLOCKISH or _junk_reason(c)) for c in el)


_BLOCKISH = LEAF_TAGS | CONTAINER_TAGS | {"br"}


def _flush(loose: list[str], out: list[Block]) -> None:
    for line in "".join(loose).split("\n"):
        if text := collapse(line):
            out.append(Block(text, "text"))
    loose.clear()


def _visible_text(el: etree._Element) -> str:
    """Text of an element without what junk elements inside it (scripts, ads) hold."""
    if not any(isinstance(d.tag, str) and d.tag.lower() in S.JUNK_TAGS for d in el.iterdescendants()):
        return el.text_content()
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() not in S.JUNK_TAGS:
            parts.append(_visible_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _leaf(el: etree._Element, tag: str, out: list[Block]) -> None:
    text = collapse(_visible_text(el)) if tag != "tr" else " ".join(collapse(c.text_content()) for c in el)
    if not text:
        return
    attrs: dict = {}
    for a in el.iter("a"):
        if a.get("href") and (link_text := collapse(a.text_content())):
            attrs.setdefault("links", {})[link_text] = a.get("href")
        classes = (a.get("class") or "").split()
        for cls, kind in S.PROMO_LINKS.items():
            if cls in classes:
                attrs.update(promo=kind, href=a.get("href"))
        if any(c in classes for c in S.FOOTER_LINKS):
            attrs["footer"] = True
    out.append(Block(text, tag, attrs))


# ---- around the article ----------------------------------------------------------------

def _pagination(body: etree._Element, doc: Document) -> None:
    """Page number, whether a next page follows, and the `?page=all` URL."""
    found = body.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " pagination ")]')
    if not found:
        return
    base = doc.meta.url or ""
    pages, all_url = set(), None
    for a in found[0].iter("a"):
        href = urljoin(base, a.get("href") or "")
        page = parse_qs(urlsplit(href).query).get("page", [None])[0]
        if page == "all":
            all_url = href
        elif page and page.isdigit():
            pages.add(int(page))
    current = _current_page(found[0], base)
    doc.info.update(page=current, continues=any(p > current for p in pages), all_pages_url=all_url)


def _current_page(pagination: etree._Element, url: str) -> int:
    marked = pagination.xpath('.//*[contains(@class, "active") or contains(@class, "current") or @aria-current]')
    for el in marked:
        text = collapse(el.text_content())
        if text.isdigit():
            return int(text)
    page = parse_qs(urlsplit(url).query).get("page", ["1"])[0]
    return int(page) if page.isdigit() else 1


def _tags(body: etree._Element) -> list[str]:
    """Tag links after the body, from the first group of them."""
    links = body.xpath('following::a[contains(@href, "kontan.co.id/tag/")]')
    if not links:
        links = body.xpath('.//a[contains(@href, "kontan.co.id/tag/")]')
    if not links:
        return []
    group = links[0].getparent()
    tags = []
    for a in group.iter("a"):
        if "/tag/" in (a.get("href") or "") and (t := collapse(a.text_content())) and t not in tags:
            tags.append(t)
    return tags


def _category(root: etree._Element) -> str | None:
    crumb = _first(root, S.BREADCRUMB)
    if crumb is None:
        return None
    names = [collapse(a.text_content()) for a in crumb.iter("a")]
    names = [n for n in names if n and n.lower() not in ("home", "beranda", "kontan", "kontan.co.id")]
    return names[-1] if names else None
