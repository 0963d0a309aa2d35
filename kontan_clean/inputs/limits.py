"""Size limits for what the readers hand on, enforced while reading and decompressing: a
record over a limit is never held whole, it becomes an error record of kind `too_large`."""

from __future__ import annotations

import re
from dataclasses import dataclass

KB, MB, GB = 1 << 10, 1 << 20, 1 << 30


@dataclass(frozen=True)
class Limits:
    """How much one record may take (the CLI's `--max-page-size`, `--max-record-size`)."""

    page: int = 32 * MB
    """Bytes (or characters) of one page handed to the cleaner: a single file, a JSONL or
    CSV field, a WARC payload after its transfer and content decoding."""
    record: int = 128 * MB
    """Bytes of one record as stored, after decompression: a JSONL line, a CSV row, a WARC
    record's block (HTTP headers and the encoded body). It bounds what a gzip bomb can
    make the reader decompress into memory."""
    holdback: int = 32 * MB
    """Decompressed bytes of records held back until their gzip member passes its CRC
    check; beyond it they are handed on unchecked and a failing member is reported as
    having damaged them."""

    def __post_init__(self) -> None:
        if self.page <= 0 or self.record <= 0 or self.holdback < 0:
            raise ValueError("size limits must be positive")


class TooLarge(Exception):
    """A record is over a limit; the message says which and how to raise it."""


def page_too_large(size: int, limits: Limits) -> str:
    """The message for a page over `limits.page`."""
    return (f"the page is {human(size)}{'+' if size > limits.page else ''}, over the "
            f"{human(limits.page)} page limit; raise it with --max-page-size")


def record_too_large(limits: Limits) -> str:
    """The message for a record over `limits.record` (its full size is not read)."""
    return (f"the record is over the {human(limits.record)} record limit (decompressed); "
            "raise it with --max-record-size")


_SIZE = re.compile(r"(\d+(?:\.\d+)?) ?([kmg]?)i?b?", re.IGNORECASE)


def parse_size(text: str) -> int:
    """`64M`, `1.5G`, `500k`, `100000` -> bytes (K, M, G are powers of 1024)."""
    m = _SIZE.fullmatch(text.strip())
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"not a size: {text!r} (write e.g. 64M, 1G, 500k)")
    return int(float(m.group(1)) * {"": 1, "k": KB, "m": MB, "g": GB}[m.group(2).lower()])


def human(size: int) -> str:
    """`67108864` -> `64 MB`."""
    for unit, div in (("GB", GB), ("MB", MB), ("KB", KB)):
        if size >= div:
            value = size / div
            return f"{value:.0f} {unit}" if value == int(value) or value >= 10 else f"{value:.1f} {unit}"
    return f"{size} bytes"
