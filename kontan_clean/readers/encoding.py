"""Bytes to text: BOM, then UTF-8 when the bytes are valid UTF-8, then the declared charset,
then detection (charset-normalizer)."""

from __future__ import annotations

import codecs
import re

from ..errors import DecodeError, require

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
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
