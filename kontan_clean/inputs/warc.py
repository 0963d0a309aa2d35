"""WARC and WARC.gz (Common Crawl style), WET included: every record is read, skipped on
purpose (counted) or reported as damaged (counted); none vanishes.

- `response` records with a 2xx HTML payload become pages (transfer and content encoding
  undone); `conversion` records (WET) become text renderings. Id: `WARC-Record-ID`, url:
  `WARC-Target-URI`.
- A record cut short, or whose block is not followed by the `\\r\\n\\r\\n` its
  `Content-Length` promises, is an error of kind `truncated`; reading goes on at the next
  `WARC/` header.
- A corrupt gzip member is one `corrupt` error saying how many records were lost, and
  reading resumes at the next member. Records are held back until their member passes its
  CRC check; those of a member that fails become `corrupt` errors, never pages.
- A record over `Limits.record` (stored) or whose payload is over `Limits.page` is
  `too_large`; it is skipped without being held.

Hand-written rather than fastwarc: fastwarc's `auto_decode="all"` silently stops iterating
after a response that is both gzip-encoded and chunked (every later record vanishes,
uncounted), it accepts a `Content-Length` past the end of the file, and it cannot resume
after a corrupt member. warcio reads the lost records but does not check lengths or resume.
"""

from __future__ import annotations

import zlib
from collections import deque
from dataclasses import dataclass
from typing import Iterator

from ..batch import Record
from ..readers import looks_like_html
from .checked import Corrupt, CutShort, Stream
from .common import Fields, ReadStats, Source, open_raw, read_error
from .limits import Limits, page_too_large, record_too_large

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
HEADER_LIMIT = 1 << 20
"""Bytes of WARC or HTTP header lines a record may have."""
RECORD_START = b"WARC/"
RESYNC = b"\nWARC/"


@dataclass
class _Held:
    """A record read from a member that has not checked out yet."""

    end: int
    record: Record


def read_warc(source: Source, fields: Fields, stats: ReadStats, url: str | None = None,
              limits: Limits = Limits()) -> Iterator[Record]:
    """The records of one WARC file (see the module docstring)."""
    try:
        with open_raw(source) as (raw, gzipped):
            yield from _records(Stream(raw, gzipped), source, stats, limits)
    except OSError as exc:
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))


def _records(stream: Stream, source: Source, stats: ReadStats, limits: Limits) -> Iterator[Record]:
    try:
        if not stream.at_end() and stream.peek(len(RECORD_START)) != RECORD_START:
            yield Record(source.label, None, source=source.path,
                         error=f"cannot read {source.label}: not a WARC file (it does not start with 'WARC/')")
            return
    except (Corrupt, CutShort) as exc:
        yield Record(source.label, None, source=source.path, error=f"cannot read {source.label}: {exc}",
                     error_kind="corrupt" if isinstance(exc, Corrupt) else "truncated")
        return
    held: deque[_Held] = deque()
    unchecked = 0  # records handed on before their member checked out (over the hold-back limit)
    members = 0
    while True:
        start = stream.tell()
        try:
            if stream.at_end():
                break
            record = _next_record(stream, source, stats, limits)
            if record is not None:
                held.append(_Held(stream.tell(), record))
            start = stream.tell()
            stream.peek(1)  # finish the member, so that its CRC is checked
        except Corrupt as exc:
            yield from _member_failed(stream, exc, held, stream.tell() == start, unchecked, source)
            held.clear()
            unchecked = 0
            continue
        except CutShort as exc:
            for h in held:
                yield _damaged(h.record, f"its gzip member was never completed ({exc})", "truncated")
            held.clear()
            yield Record(f"{source.label}@end", None, source=source.path, error_kind="truncated",
                         error=f"{source.label}: {exc}; the record being read there is lost")
            break
        if stream.members != members:
            members, unchecked = stream.members, 0
        while held and held[0].end <= stream.verified:
            yield held.popleft().record
        while held and held[-1].end - held[0].end > limits.holdback:
            unchecked += 1
            yield held.popleft().record
    yield from (h.record for h in held)


def _member_failed(stream: Stream, exc: Corrupt, held: deque[_Held], at_boundary: bool, unchecked: int,
                   source: Source) -> Iterator[Record]:
    """The records held back when a gzip member failed: those from before it as read, those
    from it as `corrupt`; then one `corrupt` record for the member, after skipping to the
    next one."""
    lost = [h for h in held if h.end > exc.member_start]
    yield from (h.record for h in held if h.end <= exc.member_start)
    for h in lost:
        yield _damaged(h.record, f"read from a gzip member that then failed its check ({exc})", "corrupt")
    unread = "no other record" if lost and at_boundary else "no record" if exc.junk else "at least 1 record"
    risky = f"; {unchecked} record(s) passed on before the check may be damaged" if unchecked else ""
    resumed = stream.resync(RECORD_START)
    where = f"reading resumed at byte {resumed}" if resumed is not None else "no intact member follows"
    yield Record(f"{source.label}@{stream.failed_at}", None, source=source.path, error_kind="corrupt",
                 error=f"{source.label}: {exc}: {len(lost)} record(s) held back from it are reported "
                       f"as corrupt, {unread} in it could not be read{risky}; {where}")


def _damaged(record: Record, why: str, kind: str) -> Record:
    if record.error is not None:
        return record
    return Record(record.id, None, record.url, record.source, error=f"{record.id}: {why}; not cleaned", error_kind=kind)


def _next_record(stream: Stream, source: Source, stats: ReadStats, limits: Limits) -> Record | None:
    """One WARC record from the stream: a page, an error record, or None (skipped, counted)."""
    at = stream.tell()
    first = stream.readline(HEADER_LIMIT)
    if not first.startswith(RECORD_START):
        if not first.strip():
            return None  # blank lines between records
        stream.skip_to(RESYNC)
        stream.read(1)
        return Record(f"{source.label}@{at}", None, source=source.path, error_kind="truncated",
                      error=f"{source.label}: bytes {at}-{stream.tell()} are not a WARC record (a record whose "
                            "stated length was wrong, or junk); reading resumed at the next WARC header")
    headers = _header_block(stream, first)
    rid = headers.get("warc-record-id") or f"{source.label}@{at}"
    target = headers.get("warc-target-uri")
    try:
        length = int(headers.get("content-length", ""))
        if length < 0:
            raise ValueError
    except ValueError:
        stream.skip_to(RESYNC)
        stream.read(1)
        return Record(rid, None, target, source.path, error_kind="truncated",
                      error=f"{rid}: no valid Content-Length in the WARC header; the record was skipped")
    if length > limits.record:
        got = stream.skip(length)
        if got < length:
            return _cut(rid, target, source, length, got)
        _trailer(stream)
        return Record(rid, None, target, source.path, error_kind="too_large", error=f"{rid}: {record_too_large(limits)}")
    block = stream.read(length)
    if len(block) < length:
        return _cut(rid, target, source, length, len(block))
    trailer = stream.peek(4)
    if trailer == b"\r\n\r\n" or trailer == b"\r\n":
        stream.read(len(trailer))
    elif trailer.startswith(b"\r\n") and stream.peek(2 + len(RECORD_START))[2:] == RECORD_START:
        stream.read(2)  # some writers end a record with one CRLF
    elif trailer:
        # the block is not as long as stated: go back into it for the next record header
        stream.pushback(block)
        stream.read(1)
        stream.skip_to(RESYNC)
        stream.read(1)
        return Record(rid, None, target, source.path, error_kind="truncated",
                      error=f"{rid}: the block is not {length} bytes long as its Content-Length says "
                            "(no record end there); the record was skipped")
    return _payload(rid, target, headers, block, source, stats, limits)


def _cut(rid: str, target: str | None, source: Source, length: int, got: int) -> Record:
    return Record(rid, None, target, source.path, error_kind="truncated",
                  error=f"{rid}: the file ends {length - got} bytes into the record's stated {length}: cut short")


def _trailer(stream: Stream) -> None:
    if stream.peek(4) == b"\r\n\r\n":
        stream.read(4)


def _header_block(stream: Stream, first: bytes) -> dict[str, str]:
    """The WARC header fields after the version line, keys lower-cased."""
    headers: dict[str, str] = {}
    size = len(first)
    while size < HEADER_LIMIT:
        line = stream.readline(HEADER_LIMIT)
        size += len(line)
        if not line or not line.strip():
            break
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


def _payload(rid: str, target: str | None, headers: dict[str, str], block: bytes, source: Source,
             stats: ReadStats, limits: Limits) -> Record | None:
    kind = headers.get("warc-type", "unknown")
    if kind == "conversion":
        declared = headers.get("content-type", "text/plain").split(";")[0].strip().lower()
        if declared not in TEXT_TYPES:
            stats.skipped["WARC conversion record that is not text"] += 1
            return None
        return _sized(Record(rid, block, target, source.path), len(block), limits)
    if kind != "response":
        stats.skipped[f"WARC {kind} record"] += 1
        return None
    head_end = block.find(b"\r\n\r\n")
    if not block.startswith(b"HTTP/") or head_end < 0:
        stats.skipped["response without HTTP headers"] += 1
        return None
    status_line, _, rest = block[:head_end].partition(b"\r\n")
    http = _fields(rest)
    status = status_line.split()[1:2]
    if not status or not status[0].isdigit() or not 200 <= int(status[0]) < 300:
        stats.skipped["non-2xx HTTP response"] += 1
        return None
    declared = (http.get("content-type") or headers.get("warc-identified-payload-type") or "").split(";")[0].strip().lower()
    if declared and declared not in HTML_TYPES:
        stats.skipped["non-HTML response"] += 1
        return None
    try:
        body = decode_body(block[head_end + 4:], http, limits.page)
    except ValueError as exc:
        return Record(rid, None, target, source.path, error_kind="corrupt", error=f"{rid}: {exc}")
    if body is None:
        return Record(rid, None, target, source.path, error_kind="too_large", error=f"{rid}: {page_too_large(limits.page + 1, limits)}")
    if not declared and not looks_like_html(body):
        stats.skipped["non-HTML response"] += 1
        return None
    return _sized(Record(rid, body, target, source.path), len(body), limits)


def _sized(record: Record, size: int, limits: Limits) -> Record:
    if size > limits.page:
        return Record(record.id, None, record.url, record.source, error_kind="too_large",
                      error=f"{record.id}: {page_too_large(size, limits)}")
    return record


def _fields(lines: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines.split(b"\r\n"):
        name, sep, value = line.decode("latin-1").partition(":")
        if sep:
            key = name.strip().lower()
            out[key] = f"{out[key]}, {value.strip()}" if key in out else value.strip()
    return out


def decode_body(body: bytes, http: dict[str, str], limit: int) -> bytes | None:
    """The HTTP body with its transfer encoding (chunked) and content encoding (gzip,
    deflate, br when `brotli` is installed) undone; None when it decodes to more than
    `limit` bytes. A body stored already decoded, as many crawlers do while keeping the
    headers, is taken as it is. ValueError when an encoding cannot be undone."""
    if "chunked" in http.get("transfer-encoding", "").lower():
        body = _dechunk(body) or body
    for coding in reversed([c.strip().lower() for c in http.get("content-encoding", "").split(",") if c.strip()]):
        if coding in ("identity", ""):
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            if coding != "deflate" and not body.startswith(b"\x1f\x8b"):
                continue  # stored decoded
            decoded = _inflate(body, coding, limit)
        elif coding == "br":
            decoded = _unbrotli(body, limit)
        else:
            raise ValueError(f"content encoding {coding!r} is not supported")
        if decoded is None:
            return None
        body = decoded
    return body if len(body) <= limit else None


def _dechunk(body: bytes) -> bytes | None:
    """`body` without its chunked framing, or None when it is not chunked after all."""
    out, pos = bytearray(), 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return None
        try:
            size = int(body[pos:eol].split(b";")[0].strip(), 16)
        except ValueError:
            return None
        if size == 0:
            return bytes(out)
        start = eol + 2
        if start + size > len(body):
            out += body[start:]  # the last chunk cut short: keep what there is
            return bytes(out)
        out += body[start:start + size]
        pos = start + size + 2


def _inflate(body: bytes, coding: str, limit: int) -> bytes | None:
    for wbits in ((31,) if coding != "deflate" else (15, -15)):
        d = zlib.decompressobj(wbits)
        try:
            out = d.decompress(body, limit + 1)
        except zlib.error as exc:
            if wbits == 15:
                continue
            raise ValueError(f"the {coding} content encoding is damaged ({exc})") from None
        return out if len(out) <= limit else None
    raise ValueError(f"the {coding} content encoding is damaged")


def _unbrotli(body: bytes, limit: int) -> bytes | None:
    try:
        import brotli  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise ValueError("the body is brotli-encoded; pip install brotli to read it") from None
    try:
        out = brotli.decompress(body)
    except brotli.error as exc:
        raise ValueError(f"the br content encoding is damaged ({exc})") from None
    return out if len(out) <= limit else None
