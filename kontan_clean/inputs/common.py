"""What every input reader shares: the fields to read, the skip counts, opening a source."""

from __future__ import annotations

import io
import sys
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Iterator, Mapping

from ..batch import Record

PAGE_KEYS = ("text", "html", "content", "page", "body")
"""Keys tried, in order, for the page when `--field` is not given."""
ID_KEYS = ("id",)
URL_KEYS = ("url", "link")


@dataclass(frozen=True)
class Fields:
    """Which key or column of a JSONL/CSV record holds the page, the id and the URL
    (None: the first of `PAGE_KEYS`, `ID_KEYS`, `URL_KEYS` present)."""

    page: str | None = None
    id: str | None = None
    url: str | None = None


@dataclass
class ReadStats:
    """What the readers passed over on purpose (not errors), counted by kind."""

    skipped: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class Source:
    """One input: a file (or `-`, stdin) and the format to read it as."""

    path: str
    fmt: str
    """`page` (one HTML page or text rendering), `jsonl`, `csv` or `warc`."""
    name: str = ""
    """The path relative to the directory argument it was found under, for `--output`."""
    error: str | None = None
    """Why the argument gave nothing to read (no such file, a glob that matched nothing)."""

    @property
    def label(self) -> str:
        """How ids and messages name this source."""
        return "<stdin>" if self.path == "-" else self.path


class _Unclosable(io.RawIOBase):
    """stdin as a raw binary stream that closing the reader does not close."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        data = self._raw.read(len(buf))
        buf[: len(data)] = data
        return len(data)


GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class MissingDependency(OSError):
    """An optional package a compressed input needs is not installed."""


@contextmanager
def open_raw(source: Source) -> Iterator[tuple[BinaryIO, bool]]:
    """(the source's bytes, whether they are gzip'ed): gzip is recognised by its first
    bytes, whatever the name; zstd (`.zst`) is decompressed here, with `zstandard`."""
    if source.path == "-":
        yield from _opened(_stdin())
        return
    with open(source.path, "rb") as f:
        yield from _opened(f)


def _opened(raw: Any) -> Iterator[tuple[BinaryIO, bool]]:
    head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    if head.startswith(ZSTD_MAGIC):
        try:
            import zstandard
        except ImportError:
            raise MissingDependency(0, "a zstd-compressed input needs zstandard: pip install zstandard") from None
        with zstandard.ZstdDecompressor().stream_reader(raw, closefd=False) as unzipped:
            yield unzipped, False
        return
    yield raw, head.startswith(GZIP_MAGIC)


_STDIN: list[io.BufferedReader] = []


def _stdin() -> io.BufferedReader:
    """stdin, buffered once: what `first_bytes` peeked at is still there for the reader."""
    if not _STDIN or _STDIN[0].raw._raw is not sys.stdin.buffer:  # type: ignore[attr-defined]
        _STDIN[:] = [io.BufferedReader(_Unclosable(sys.stdin.buffer), buffer_size=1 << 16)]
    return _STDIN[0]


def first_bytes(source: Source, n: int = 16) -> bytes:
    """The first `n` bytes of the source, gunzipped, without consuming them (empty if it
    cannot be read)."""
    try:
        raw = _stdin() if source.path == "-" else open(source.path, "rb")
    except OSError:
        return b""
    try:
        try:
            head = raw.peek(1 << 15)
        except OSError:
            return b""
        if head.startswith(GZIP_MAGIC):
            try:
                head = zlib.decompressobj(31).decompress(head, n)
            except zlib.error:
                return b""
        return head[:n]
    finally:
        if source.path != "-":
            raw.close()


class UsageError(Exception):
    """The arguments do not fit the input (a field asked for is not in the first record) or
    would do harm (an output over an input): one message for the whole run, exit 2."""


def check_fields(row: Mapping[str, Any], fields: Fields, source: Source, what: str) -> None:
    """UsageError unless the first record has the page field and every field named by an
    option; `what` is `key` or `column`."""
    keys = ", ".join(str(k) for k in row) or "none"
    if fields.page is None and not any(k in row for k in PAGE_KEYS):
        raise UsageError(f"{source.label}: no page {what} in the first record (tried {', '.join(PAGE_KEYS)}; "
                         f"{what}s: {keys}); pass --field NAME")
    for option, name in (("--field", fields.page), ("--id-field", fields.id), ("--url-field", fields.url)):
        if name is not None and name not in row:
            raise UsageError(f"{source.label}: {option} {name!r} matches no {what} of the first record ({what}s: {keys})")


def read_error(source: Source, exc: BaseException) -> str:
    """A short message for a file that could not be read."""
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return f"cannot read {source.label}: {why}"


def from_mapping(row: Mapping[str, Any], fields: Fields, where: str, source: Source) -> Record:
    """A `Record` from one JSON object or CSV row; `where` (`file:N`) is the id when the
    row has none, and names the row in messages."""
    key = fields.page or next((k for k in PAGE_KEYS if k in row), None)
    rid = _pick(row, fields.id, ID_KEYS)
    rid = where if rid is None or rid == "" else rid
    if key is None or key not in row:
        keys = ", ".join(str(k) for k in row)
        wanted = f"no {key!r} key" if key else "no page key (tried " + ", ".join(PAGE_KEYS) + ")"
        return Record(rid, None, source=source.path, error=f"{where}: {wanted} (keys: {keys}); pass --field NAME")
    page = row[key]
    if not isinstance(page, str):
        return Record(rid, None, source=source.path,
                      error=f"{where}: the {key!r} value is {type(page).__name__}, not the page's text")
    url = _pick(row, fields.url, URL_KEYS)
    return Record(rid, page, url if isinstance(url, str) and url else None, source.path)


def _pick(row: Mapping[str, Any], key: str | None, defaults: tuple[str, ...]) -> Any:
    if key:
        return row.get(key)
    return next((row[k] for k in defaults if k in row), None)
