"""Substring search over page bytes: `bytes.find`, with the C library's `memmem` for long
stretches.

The reader searches the raw page for markers (`</head>`, the body's class, `ld+json`) that
often stand tens of kilobytes in, or nowhere. CPython's `bytes.find` reads markup at about
2 GB/s for such short needles (`>`, `<` and most letters of a marker are common in HTML, so
it can rarely skip ahead); glibc's `memmem` reads it three to four times faster. A call
through ctypes costs about a microsecond, so the first few kilobytes, where most markers
of the head stand, are still searched by `bytes.find`. Without a `memmem` (Windows),
everything is `bytes.find`. Both are linear in the stretch searched.
"""

from __future__ import annotations

import ctypes
import ctypes.util

NEAR = 4096
"""Bytes from the start of a search that `bytes.find` reads before `memmem` takes over."""


def _load_memmem():
    try:
        memmem = ctypes.CDLL(ctypes.util.find_library("c") or None).memmem
    except (OSError, AttributeError):
        return None
    memmem.restype = ctypes.c_void_p
    memmem.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t)
    return memmem


_MEMMEM = _load_memmem()


def find(data: bytes, needle: bytes, start: int = 0, end: int | None = None) -> int:
    """`data.find(needle, start, end)` for a non-empty `needle` and `start`, `end` >= 0."""
    end = len(data) if end is None or end > len(data) else end
    if end - start <= NEAR or _MEMMEM is None or type(data) is not bytes or not 0 < len(needle) <= NEAR:
        return data.find(needle, start, end)
    hit = data.find(needle, start, start + NEAR)
    if hit >= 0:
        return hit
    rest = start + NEAR - len(needle) + 1  # no hit starts before this: one would end in the first stretch
    base = ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value  # the bytes' own buffer: not copied
    if base is None:
        return data.find(needle, start, end)
    found = _MEMMEM(base + rest, end - rest, needle, len(needle))
    return -1 if found is None else found - base
