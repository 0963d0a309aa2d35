"""JSON Lines: one object per line, the page under `--field`; read line by line."""

from __future__ import annotations

import json
from typing import Iterator

from ..batch import Record
from .common import Fields, ReadStats, Source, from_mapping, open_binary, read_error


def read_jsonl(source: Source, fields: Fields, stats: ReadStats, url: str | None = None) -> Iterator[Record]:
    """One record per non-blank line (`.gz` is gunzipped); a line that is not a JSON object
    becomes an error record. Default id: `file:LINE`."""
    try:
        with open_binary(source) as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield _record(line, n, fields, source)
    except (OSError, EOFError) as exc:  # EOFError: a truncated .gz
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))


def _record(line: bytes, n: int, fields: Fields, source: Source) -> Record:
    where = f"{source.label}:{n}"
    try:
        obj = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
        return Record(where, None, source=source.path, error=f"{where}: not a JSON line ({exc}); fix or drop the line")
    if not isinstance(obj, dict):
        return Record(where, None, source=source.path,
                      error=f"{where}: a JSON {type(obj).__name__}, not an object; put the page under a key")
    return from_mapping(obj, fields, where, source)
