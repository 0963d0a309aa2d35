"""URLs as crawled pages write them: often malformed, never worth an exception."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit


def host(url: str | None) -> str:
    """The URL's host name, or "" when there is none or the URL does not parse."""
    try:
        return urlsplit(url or "").hostname or ""
    except ValueError:  # `http://[x/...`: an unclosed IPv6 bracket
        return ""


def query_value(url: str, key: str) -> str | None:
    """The first value of `key` in the URL's query string, or None."""
    try:
        return parse_qs(urlsplit(url).query).get(key, [None])[0]
    except ValueError:
        return None


def join(base: str, href: str) -> str:
    """`href` resolved against `base`; `href` as it is when either does not parse."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href
