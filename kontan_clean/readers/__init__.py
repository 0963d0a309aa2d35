"""Readers turn raw input into a `Document`: text renderings and HTML alike."""

from __future__ import annotations

import re

from ..model import Document
from .text import read_text

_HTML_START = re.compile(rb"<(?:!doctype|html|head|body|meta|div|article|p|\?xml|!--)", re.IGNORECASE)


def looks_like_html(content: str | bytes) -> bool:
    """Whether the input is markup rather than a text rendering: its first non-blank
    characters (after a byte-order mark) open one of the usual tags."""
    head = content[:1024]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    head = head.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    return bool(_HTML_START.match(head))


def read(content: str | bytes, url: str | None = None) -> Document:
    """Read HTML (`str` or `bytes`) or a text rendering into a `Document`."""
    if isinstance(content, bytes):
        from .encoding import wide_unicode

        wide = wide_unicode(content)
        if wide:
            content = content.decode(wide, "replace")
    if looks_like_html(content):
        from .html import read_html

        return read_html(content, url)
    if isinstance(content, bytes):
        from .encoding import decode

        content, _ = decode(content)
    return read_text(content, url)


__all__ = ["looks_like_html", "read", "read_text"]
