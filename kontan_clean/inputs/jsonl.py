"""JSON Lines: one object per line, the page under `--field`; read line by line, each line
bounded by `Limits.record` while it is read, records of a `.gz` held back until their gzip
member has passed its CRC check."""

from __future__ import annotations

import json
from collections import deque
from typing import Iterator

from ..batch import Record
from .checked import Corrupt, CutShort, Stream
from .common import Fields, ReadStats, Source, check_fields, from_mapping, open_raw, read_error
from .limits import Limits, page_too_large, record_too_large


def read_jsonl(source: Source, fields: Fields, stats: ReadStats, url: str | None = None,
               limits: Limits = Limits()) -> Iterator[Record]:
    """One record per non-blank line; a line that is not a JSON object becomes an error
    record, a line over the limit a `too_large` one. Default id: `file:LINE`. The first
    object must hold the fields asked for (`UsageError` otherwise: it names the keys)."""
    try:
        with open_raw(source) as (raw, gzipped):
            yield from _lines(Stream(raw, gzipped), fields, source, limits)
    except OSError as exc:
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))


def _lines(stream: Stream, fields: Fields, source: Source, limits: Limits) -> Iterator[Record]:
    held: deque[tuple[int, Record]] = deque()
    n, checked = 0, False
    while True:
        try:
            line = stream.read_line(limits.record)
            if line == b"":
                break
            n += 1
            if line is None:
                record = Record(f"{source.label}:{n}", None, source=source.path, error_kind="too_large",
                                error=f"{source.label}:{n}: {record_too_large(limits)}")
            elif not line.strip():
                continue
            else:
                record, obj = _record(line, n, fields, source, limits)
                if not checked and obj is not None:
                    check_fields(obj, fields, source, "key")
                    checked = True
            held.append((stream.tell(), record))
            stream.peek(1)  # finish the gzip member the line ends in, so its CRC is checked
        except Corrupt as exc:
            yield from (r for end, r in held if end <= exc.member_start)
            lost = [r for end, r in held if end > exc.member_start]
            yield from (_corrupt(r, exc) for r in lost)
            resumed = stream.resync()
            where = f"reading resumed at byte {resumed}" if resumed is not None else "nothing after it could be read"
            yield Record(f"{source.label}:{n + 1}", None, source=source.path, error_kind="corrupt",
                         error=f"{source.label}: {exc} after line {n}: {len(lost)} line(s) read from it are "
                               f"reported as corrupt, the rest of the member is lost; {where}")
            held.clear()
            continue
        except CutShort as exc:
            yield from (_corrupt(r, exc, "truncated") for _, r in held)
            yield Record(f"{source.label}:{n + 1}", None, source=source.path, error_kind="truncated",
                         error=f"{source.label}: {exc} after line {n}; the lines there are lost")
            return
        while held and held[0][0] <= stream.verified:
            yield held.popleft()[1]
        while held and held[-1][0] - held[0][0] > limits.holdback:
            yield held.popleft()[1]
    yield from (r for _, r in held)


def _corrupt(record: Record, exc: Exception, kind: str = "corrupt") -> Record:
    if record.error is not None:
        return record
    return Record(record.id, None, record.url, record.source, error_kind=kind,
                  error=f"{record.id}: read from gzip data that then failed its check ({exc}); not cleaned")


def _record(line: bytes, n: int, fields: Fields, source: Source, limits: Limits) -> tuple[Record, dict | None]:
    where = f"{source.label}:{n}"
    try:
        obj = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
        return Record(where, None, source=source.path, error=f"{where}: not a JSON line ({exc}); fix or drop the line"), None
    if not isinstance(obj, dict):
        return Record(where, None, source=source.path,
                      error=f"{where}: a JSON {type(obj).__name__}, not an object; put the page under a key"), None
    record = from_mapping(obj, fields, where, source)
    if isinstance(record.page, str) and len(record.page) > limits.page:
        record = Record(record.id, None, record.url, record.source, error_kind="too_large",
                        error=f"{where}: {page_too_large(len(record.page), limits)}")
    return record, obj
