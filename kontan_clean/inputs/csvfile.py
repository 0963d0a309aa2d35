"""CSV with a header row, the page in column `--field`; read row by row."""

from __future__ import annotations

import csv
import io
import sys
from typing import Iterator, Sequence

from ..batch import Record
from .common import PAGE_KEYS, Fields, ReadStats, Source, from_mapping, open_binary, read_error


def raise_field_limit() -> None:
    """Let a field hold a whole page (the csv default is 128 KB)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on some platforms
            limit //= 2


def read_csv(source: Source, fields: Fields, stats: ReadStats, url: str | None = None) -> Iterator[Record]:
    """One record per data row (`.gz` is gunzipped). A file without the page column is one
    error record. Default id: `file:ROW` (data rows, from 1)."""
    raise_field_limit()
    try:
        with open_binary(source) as raw:
            # surrogateescape: a row with bytes that are not UTF-8 fails alone (see _undecoded), not the file
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
            rows = csv.DictReader(text)
            columns = rows.fieldnames or []
            key = fields.page or next((k for k in PAGE_KEYS if k in columns), None)
            if key not in columns:
                yield Record(source.label, None, source=source.path, error=_no_column(source, key, columns))
                return
            for n, row in enumerate(rows, 1):
                yield _undecoded(from_mapping(row, fields, f"{source.label}:{n}", source))
    except (OSError, EOFError, csv.Error) as exc:
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))


def _no_column(source: Source, key: str | None, columns: Sequence[str]) -> str:
    if not columns:
        return f"{source.label}: empty CSV (no header row)"
    wanted = f"no column {key!r}" if key else "no page column (tried " + ", ".join(PAGE_KEYS) + ")"
    return f"{source.label}: {wanted} (columns: {', '.join(columns)}); pass --field NAME"


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
