"""Page metadata read from the raw HTML by pattern, without parsing the page: the `<meta>`
tags, canonical link, `<title>`, JSON-LD and the market ticker banner."""

from __future__ import annotations

import html as htmllib
import json
import re
from datetime import datetime, timedelta, timezone

from ..site import selectors as S
from ..site.patterns import TICKER_BULLET
from ..site.vocab import TICKERS

WIB = timezone(timedelta(hours=7))
_TAG_ATTRS = re.compile(r"""([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_META_WANTED = ("og:title", "og:url", "content_PublishedDate", "article:published_time")
_LINK = re.compile(r"<link\s([^>]*canonical[^>]*)>")
_TITLE = re.compile(r"<title\b[^>]*>([^<]*)</title", re.IGNORECASE)
_JSON_LD = re.compile(r"""<script\b[^>]*application/ld\+json[^>]*>(.*?)</script""", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")  # stdlib `re`: faster than `regex` for this plain pattern
TICKER_REACH = 8_000
TICKER_ITEM = 400
"""Characters of markup one ticker item (name, value, change, percentage) spans at most."""


def attributes(tag_inside: str) -> dict[str, str]:
    """`name="x" content='y'` -> {"name": "x", "content": "y"}, names lower-cased, entities decoded."""
    return {
        m.group(1).lower(): htmllib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _TAG_ATTRS.finditer(tag_inside)
    }


def head_metadata(page: str, stop: int) -> dict:
    """Canonical URL, title and publication time from `page[:stop]` (and JSON-LD anywhere)."""
    meta = {key: value for key in _META_WANTED if (value := _meta_content(page, key, stop))}
    out: dict = {"url": _canonical(page, stop) or meta.get("og:url")}
    if title := meta.get("og:title") or _title_tag(page, stop):
        out["title"] = title
    dates = {k: v for k, v in (
        ("JSON-LD datePublished", _json_ld_date(page)),
        ("content_PublishedDate", _parse_wib(meta.get("content_PublishedDate"))),
        ("article:published_time", _parse_iso(meta.get("article:published_time"))),
    ) if v}
    if dates:
        out["published"] = next(iter(dates.values()))
        if len(set(dates.values())) > 1:
            out["warnings"] = ["page metadata disagrees on the publication time: " + ", ".join(
                f"{k} {v.isoformat()}" for k, v in dates.items())]
    return out


def ticker_lines(page: str, start: int, stop: int) -> list[str]:
    """The ticker banner in `page[start:stop]` (after the head, whose CSS names the same
    classes), as the bullet lines of the text rendering."""
    mark = page.find("indikator", start, stop)
    if mark < 0:
        return []
    region = page[mark:mark + TICKER_REACH]
    lines = []
    for name in TICKERS:
        at = region.find(f">{name}<")
        if at < 0:
            continue
        words = htmllib.unescape(_TAGS.sub(" ", region[at + 1:at + TICKER_ITEM])).split()
        if TICKER_BULLET.match(line := "• " + " ".join(words[:4])):
            lines.append((at, line))
    return [line for _, line in sorted(lines)]


def _meta_content(page: str, key: str, stop: int) -> str | None:
    """The content of the `<meta>` whose property/name is `key`: found by string search,
    since a page head holds dozens of `<meta>` tags and only these few are read."""
    for quote in ('"', "'"):
        at = page.find(f"{quote}{key}{quote}", 0, stop)
        if at < 0:
            continue
        opening, closing = page.rfind("<", 0, at), page.find(">", at)
        if opening >= 0 and closing > 0 and page.startswith(("<meta", "<META"), opening):
            content = attributes(page[opening + 5:closing]).get("content")
            if content:
                return content.strip()
    return None


def _canonical(page: str, stop: int) -> str | None:
    at = page.find("canonical", 0, stop)
    if at < 0:
        return None
    for m in _LINK.finditer(page, page.rfind("<link", 0, at), stop):
        a = attributes(m.group(1))
        if a.get("rel", "").lower() == "canonical" and a.get("href"):
            return a["href"]
    return None


def _title_tag(page: str, stop: int) -> str | None:
    at = page.find("<title", 0, stop)
    m = _TITLE.match(page, at) if at >= 0 else None
    if not m:
        return None
    title = " ".join(htmllib.unescape(m.group(1)).split())
    for suffix in S.TITLE_SUFFIXES:
        if title.lower().endswith(suffix.lower()):
            return title[: -len(suffix)].strip()
    return title or None


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


def _json_ld_date(page: str) -> datetime | None:
    if "application/ld+json" not in page:
        return None  # the common case, decided at memchr speed
    for m in _JSON_LD.finditer(page):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                return _parse_iso(str(item["datePublished"]))
    return None
