"""Page metadata read from the raw bytes by search, without parsing or decoding the page: the
`<meta>` tags, canonical link, `<title>`, JSON-LD and the market ticker banner.

Each piece is found with `bytes.find` and read with a small pattern anchored at the found
spot, over a bounded stretch: however the page is built, no position is scanned twice.
Only the stretches read are decoded (`text` is the page's decoder).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from datetime import datetime, timedelta, timezone
from typing import Callable

from ..model import Quote
from ..site import selectors as S
from ..site.patterns import TICKER_BULLET
from ..site.vocab import TICKERS
from ..text.values import parse_number
from .bytesearch import find

WIB = timezone(timedelta(hours=7))
# An attribute name starts after a character no name holds (the look-behind), and the
# possessive `*+` never gives characters back: one try per attribute, not one per character.
_TAG_ATTRS = re.compile(r"""(?<![-\w:.])([a-zA-Z_:][-\w:.]*+)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'>]++))""")
_META_WANTED = ("og:title", "og:url", "content_PublishedDate", "article:published_time")
_TITLE = re.compile(rb"<title\b[^>]{0,200}>([^<]{0,2000})</title", re.IGNORECASE)
_TEXT_RUNS = re.compile(r">([^<]*+)")  # the text after each tag, up to the next one
TAG_REACH = 4_000
"""Bytes one `<meta>` or `<link>` tag spans at most: a longer one is not read."""
TICKER_REACH = 8_000
TICKER_ITEM = 400
"""Characters of markup one ticker item (name, value, change, percentage) spans at most."""

Decoder = Callable[[bytes], str]


def attributes(tag_inside: str) -> dict[str, str]:
    """`name="x" content='y'` -> {"name": "x", "content": "y"}, names lower-cased, entities decoded."""
    return {
        m.group(1).lower(): htmllib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _TAG_ATTRS.finditer(tag_inside)
    }


def head_metadata(page: bytes, stop: int, text: Decoder) -> dict:
    """Canonical URL, title and publication time from `page[:stop]` (and JSON-LD anywhere)."""
    meta = {key: value for key in _META_WANTED if (value := _meta_content(page, key, stop, text))}
    out: dict = {"url": _canonical(page, stop, text) or meta.get("og:url")}
    if title := meta.get("og:title") or _title_tag(page, stop, text):
        out["title"] = title
    dates = {k: v for k, v in (
        ("JSON-LD datePublished", _json_ld_date(page, text)),
        ("content_PublishedDate", _parse_wib(meta.get("content_PublishedDate"))),
        ("article:published_time", _parse_iso(meta.get("article:published_time"))),
    ) if v}
    if dates:
        out["published"] = next(iter(dates.values()))
        if len(set(dates.values())) > 1:
            out["warnings"] = ["page metadata disagrees on the publication time: " + ", ".join(
                f"{k} {v.isoformat()}" for k, v in dates.items())]
    return out


def ticker_quotes(page: bytes, start: int, stop: int, text: Decoder) -> list[tuple[str, Quote]]:
    """The ticker banner in `page[start:stop]` (after the head, whose CSS names the same
    classes): each item as the bullet line of the text rendering and its parsed `Quote`, in
    page order. The values are parsed here, once."""
    mark = find(page, b"indikator", start, stop)
    if mark < 0:
        return []
    region = text(page[mark:mark + TICKER_REACH])
    found = _kontan_items(region)
    read = {quote.name for _, _, quote in found}
    for name in TICKERS:
        if name in read:
            continue
        at = region.find(f">{name}<")
        if at < 0:
            continue
        # Most items hold their four words in the first 250 characters: a fifth word there
        # shows the fourth is whole. Else read the full reach.
        words = _first_words(region, at + 1, min(len(region), at + 250), 5)
        if len(words) < 5:
            words = _first_words(region, at + 1, min(len(region), at + TICKER_ITEM), 4)
        if m := TICKER_BULLET.match(line := "• " + " ".join(words[:4])):
            quote = Quote(m["name"], parse_number(m["value"]), parse_number(m["change"]), parse_number(m["pct"]))
            found.append((at, line, quote))
    return [(line, quote) for _, line, quote in sorted(found)]


_NUMBER = r"([-+]?[\d.]+(?:,\d+)?)"  # TICKER_BULLET's value, change and percentage
_GAP = r"(?:[ \t\r\n]|&nbsp;)*+"
# One item exactly as kontan prints it; nothing between its spans holds a word.
_KONTAN_ITEM = re.compile(
    r'<span class="nm-ind">([^<]{1,20}+)</span>' + _GAP + r'<span class="val-ind">' + _NUMBER + r"</span>" + _GAP
    + r'<span class="chg-ind[^"<>]{0,20}+">' + _NUMBER + r"</span>" + _GAP
    + r'<span class="pct-ind[^"<>]{0,20}+">' + _NUMBER + r"%</span>")
_NAME_TAGS = {name: f">{name}<" for name in TICKERS}
"""How each known name stands in the markup: `>EMAS<`."""


def _kontan_items(region: str) -> list[tuple[int, str, Quote]]:
    """(position, bullet line, quote) of the items printed in kontan's own markup, read by
    one pattern: a fifth of the cost of reading the words of each item. The result is what
    the word reading gives: the item is each name's first `>name<` in the region, its four
    words are whole within the 250 characters that reading looks at, and each number is a
    whole `TICKER_BULLET` group."""
    found = []
    for m in _KONTAN_ITEM.finditer(region):
        name, value, change, pct = m.groups()
        at = m.start(1) - 1
        if (tag := _NAME_TAGS.get(name)) and m.end() - at <= 250 and region.find(tag, 0, at) < 0:
            quote = Quote(name, parse_number(value), parse_number(change), parse_number(pct))
            found.append((at, f"• {name} {value} {change} {pct}%", quote))
    return found


def _first_words(markup: str, start: int, end: int, n: int) -> list[str]:
    """The first `n` words of the text in `markup[start:end]` (which opens at a `>`), tags
    read as spaces."""
    text = " ".join(_TEXT_RUNS.findall(markup, start - 1, end)).replace("&nbsp;", " ")  # split() reads U+00A0 as a space too
    return (htmllib.unescape(text) if "&" in text else text).split()[:n]


def _tag_around(page: bytes, at: int, stop: int, opener: bytes) -> tuple[int, int] | None:
    """(start, end) of the tag around `page[at]` when it opens with `opener`, searching at
    most `TAG_REACH` bytes either way."""
    opening = page.rfind(b"<", max(0, at - TAG_REACH), at)
    closing = page.find(b">", at, min(stop, at + TAG_REACH))
    if opening < 0 or closing < 0 or page.find(b">", opening, at) >= 0:
        return None
    return (opening, closing) if page[opening:opening + len(opener)].lower() == opener else None


def _meta_content(page: bytes, key: str, stop: int, text: Decoder) -> str | None:
    """The content of the `<meta>` whose property/name is `key`: found by byte search, since
    a page head holds dozens of `<meta>` tags and only these few are read."""
    needle = key.encode()
    at = page.find(needle, 0, stop)
    while at >= 0:
        quote = page[at - 1:at]
        if quote in (b'"', b"'") and page[at + len(needle):at + len(needle) + 1] == quote:
            span = _tag_around(page, at, stop, b"<meta")
            if span and (content := attributes(text(page[span[0] + 5:span[1]])).get("content")):
                return content.strip()
        at = page.find(needle, at + len(needle), stop)
    return None


def _canonical(page: bytes, stop: int, text: Decoder) -> str | None:
    at = page.find(b"canonical", 0, stop)
    while at >= 0:
        span = _tag_around(page, at, stop, b"<link")
        if span:
            a = attributes(text(page[span[0] + 5:span[1]]))
            if a.get("rel", "").lower() == "canonical" and a.get("href"):
                return a["href"]
        at = page.find(b"canonical", at + 9, stop)
    return None


def _title_tag(page: bytes, stop: int, text: Decoder) -> str | None:
    at = page.find(b"<title", 0, stop)
    m = _TITLE.match(page, at) if at >= 0 else None
    if not m:
        return None
    title = " ".join(htmllib.unescape(text(m.group(1))).split())
    for suffix in S.TITLE_SUFFIXES:
        if title.lower().endswith(suffix.lower()):
            return title[: -len(suffix)].strip()
    return title or None


_WIB_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def _parse_wib(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        if _WIB_STAMP.fullmatch(value):  # the usual form: fromisoformat reads it at a tenth of strptime's cost
            return datetime.fromisoformat(value).replace(tzinfo=WIB)
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=WIB)
    except ValueError:
        return None


def _parse_iso(value: str | None) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    return parsed.replace(tzinfo=parsed.tzinfo or WIB) if parsed else None


_LD_MARK = b"application/ld+json"
_SCRIPT_END = re.compile(rb"</script", re.IGNORECASE)


def _json_ld_date(page: bytes, text: Decoder) -> datetime | None:
    """`datePublished` of the first JSON-LD script that has one. One pass: each script's end
    is searched once, and a script that never closes ends the search."""
    at = find(page, _LD_MARK)
    while at >= 0:
        span = _tag_around(page, at, len(page), b"<script")
        if span is None:
            at = find(page, _LD_MARK, at + len(_LD_MARK))
            continue
        end = _SCRIPT_END.search(page, span[1] + 1)
        if end is None:
            return None
        try:
            data = json.loads(text(page[span[1] + 1:end.start()]))
        except ValueError:
            data = None
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                return _parse_iso(str(item["datePublished"]))
        at = find(page, _LD_MARK, end.end())
    return None
