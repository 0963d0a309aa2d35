"""CSV or TSV with a header row, the page in column `--field`; read row by row. The
delimiter is detected from the header line (`,`, `;`, tab, `|`); `.tsv` is tab-separated."""

from __future__ import annotations

import csv
import io
from collections import deque
from typing import Any, Iterator

from ..batch import Record
from .checked import Corrupt, CutShort, Stream
from .common import Fields, ReadStats, Source, UsageError, check_fields, from_mapping, open_raw, read_error
from .limits import Limits, page_too_large, record_too_large

DELIMITERS = ",;\t|"


class _Raw(io.RawIOBase):
    """A `Stream` as a raw file for `io.TextIOWrapper`; a line over `limit` bytes raises
    `_LineTooLong` before it is held whole."""

    def __init__(self, stream: Stream, limit: int) -> None:
        self.stream, self.limit, self.since_newline = stream, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        data = self.stream.read(min(len(buf), 1 << 16))
        at = data.rfind(b"\n")
        self.since_newline = len(data) - at - 1 if at >= 0 else self.since_newline + len(data)
        if self.since_newline > self.limit:
            raise _LineTooLong
        buf[: len(data)] = data
        return len(data)


class _LineTooLong(Exception):
    pass


def read_csv(source: Source, fields: Fields, stats: ReadStats, url: str | None = None,
             limits: Limits = Limits()) -> Iterator[Record]:
    """One record per data row (gzip is recognised and gunzipped). Default id: `file:ROW`
    (data rows, from 1). A header without the columns asked for is a `UsageError`; a field
    over the page limit, or a line over the record limit, is a `too_large` error, and as the
    row's end cannot then be found, the rows after it are reported as not read."""
    csv.field_size_limit(min(limits.page, 2**31 - 1))
    n = 0
    held: deque[tuple[int, Record]] = deque()  # rows waiting for their gzip member to check out
    try:
        with open_raw(source) as (raw, gzipped):
            stream = Stream(raw, gzipped)
            wrapped = _Raw(stream, limits.record)
            # surrogateescape: a row with bytes that are not UTF-8 fails alone (see _undecoded), not the file
            text = io.TextIOWrapper(io.BufferedReader(wrapped), encoding="utf-8-sig", errors="surrogateescape", newline="")
            header = text.readline()
            rows = csv.DictReader(_chain(header, text), dialect=_dialect(source, header))
            columns = rows.fieldnames or []
            if not columns:
                yield Record(source.label, None, source=source.path, error=f"{source.label}: empty CSV (no header row)")
                return
            check_fields(dict.fromkeys(columns), fields, source, "column")
            for n, row in enumerate(rows, 1):
                held.append((stream.tell(), _sized(_undecoded(from_mapping(row, fields, f"{source.label}:{n}", source)), limits)))
                while held and held[0][0] <= stream.verified:
                    yield held.popleft()[1]
                while held and held[-1][0] - held[0][0] > limits.holdback:
                    yield held.popleft()[1]
            yield from (r for _, r in held)
    except UsageError:
        raise
    except (csv.Error, _LineTooLong) as exc:
        why = record_too_large(limits) if isinstance(exc, _LineTooLong) or "field limit" in str(exc) else str(exc)
        kind = "too_large" if why != str(exc) else "input"
        yield Record(f"{source.label}:{n + 1}", None, source=source.path, error_kind=kind,
                     error=f"{source.label}:{n + 1}: {why}; the rows after it were not read")
    except (Corrupt, CutShort) as exc:
        kind = "corrupt" if isinstance(exc, Corrupt) else "truncated"
        for _, r in held:
            yield r if r.error else Record(r.id, None, r.url, r.source, error_kind=kind,
                                           error=f"{r.id}: read from gzip data that then failed its check; not cleaned")
        yield Record(f"{source.label}:{n + 1}", None, source=source.path, error_kind=kind,
                     error=f"{source.label}: {exc} after row {n}; the rows after it were not read")
    except (OSError, EOFError) as exc:
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))


def _chain(first: str, rest: io.TextIOWrapper) -> Iterator[str]:
    yield first
    yield from rest


def _dialect(source: Source, header: str) -> type[csv.Dialect]:
    """Tab for `.tsv`; else the delimiter the header line uses most, among `DELIMITERS`
    (csv.Sniffer guesses wrong on headers of one or two columns)."""
    delimiter = "\t" if source.path.lower().removesuffix(".gz").endswith(".tsv") else \
        max(DELIMITERS, key=lambda d: (header.count(d), d == ","))

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _sized(record: Record, limits: Limits) -> Record:
    page = record.page
    if page is not None and len(page) > limits.page:
        return Record(record.id, None, record.url, record.source, error_kind="too_large",
                      error=f"{record.id}: {page_too_large(len(page), limits)}")
    return record


def _undecoded(record: Record) -> Record:
    """Hand a page that held non-UTF-8 bytes to the cleaner as those bytes: it detects the
    encoding, or fails that row alone with a decode error."""
    page = record.page
    if isinstance(page, str):
        try:
            page.encode("utf-8")
        except UnicodeEncodeError:
            record = Record(_clean_id(record.id), page.encode("utf-8", "surrogateescape"), record.url, record.source)
    return record


def _clean_id(rid: object) -> object:
    return rid.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if isinstance(rid, str) else rid
