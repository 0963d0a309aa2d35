"""Bytes to text: BOM, then UTF-8 when the bytes are valid UTF-8, then the declared charset,
then detection (charset-normalizer)."""

from __future__ import annotations

import codecs
import re
from typing import Callable

from ..errors import DecodeError, require

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""UTF-32 before UTF-16: the UTF-32 little-endian BOM starts with the UTF-16 one."""
_WIDE_UNMARKED = ((b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
                  (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))
"""The first bytes of markup in UTF-16/32 without a BOM: `<` beside its NULs."""


def wide_unicode(data: bytes) -> str | None:
    """The codec of bytes in UTF-16 or UTF-32 (by the BOM, or by a first `<` with its NULs),
    else None. Such bytes are decoded before anything looks at them: read byte by byte they
    look like neither HTML nor text."""
    for bom, name in _BOMS[1:]:
        if data.startswith(bom):
            return name
    head = data[:4]
    return next((name for start, name in _WIDE_UNMARKED if head.startswith(start)), None)
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{1,40})""", re.IGNORECASE)
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` in the first 4 KB declares, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    name = _ALIASES.get(name, name)  # browsers read latin-1 labels as windows-1252 (WHATWG)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding used). Valid UTF-8 wins over a declaration: pages that declare
    windows-1252 but are UTF-8 are common, the reverse (cp1252 bytes that happen to be
    valid UTF-8) is vanishingly rare."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, "replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    from_bytes = require("charset_normalizer", "charset-normalizer",
                         "pip install 'charset-normalizer>=3.4'").from_bytes
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("the bytes are not text in any known encoding: pass the page's HTML or text")
    return data.decode(best.encoding, "replace"), best.encoding


def stretch_decoder(data: bytes, sample: bytes) -> tuple[str, Callable[[bytes], str]]:
    """(encoding, a decoder for stretches of `data`), decided from `sample` (the article's
    stretch) so that the page itself is never decoded whole: UTF-8 when the sample is valid
    UTF-8, else the declared charset if the sample decodes with it, else detection over the
    page's first 200 KB. Stretches are cut at arbitrary bytes, so the decoder replaces a
    split character instead of failing (see `Utf8Stretches` for the UTF-8 case)."""
    if sample.isascii():
        return "utf-8", Utf8Stretches(data)
    try:
        sample.decode("utf-8")
        return "utf-8", Utf8Stretches(data)
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            sample.decode(declared)
            return declared, lambda b: b.decode(declared, "replace")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("the bytes are not text in any known encoding: pass the page's HTML or text")
    name = best.encoding
    return name, lambda b: b.decode(name, "replace")


class Utf8Stretches:
    """The decoder for stretches of a page whose article is UTF-8 (or ASCII). A stretch that
    is not valid UTF-8, such as a head written in the declared single-byte charset around an
    all-ASCII article, is decoded with the declared charset, else windows-1252; a character
    cut at a stretch's end is dropped."""

    def __init__(self, page: bytes) -> None:
        self.page = page
        self.other: str | None = None

    def __call__(self, data: bytes) -> str:
        try:
            return codecs.utf_8_decode(data, "strict", False)[0]  # final=False: a cut tail is no error
        except UnicodeDecodeError:
            if self.other is None:
                declared = declared_charset(self.page)
                self.other = declared if declared and declared != "utf-8" else "cp1252"
            return data.decode(self.other, "replace")


def utf8(data: bytes) -> str:
    """`data` as UTF-8, a character cut at either end replaced (the page's stretches are cut
    at arbitrary bytes)."""
    return data.decode("utf-8", "replace")
