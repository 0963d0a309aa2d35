"""Input readers: files, directories, globs and stdin to a stream of `Record`s, one small
module per format. Everything streams: a reader holds one record at a time."""

from __future__ import annotations

import lzma
import zlib
from typing import Callable, Iterable, Iterator

from ..batch import Record
from .common import Fields, ReadStats, Source, UsageError
from .csvfile import read_csv
from .jsonl import read_jsonl
from .limits import Limits, parse_size
from .page import read_page
from .sources import FORMATS, find_sources, format_of, strip_extension
from .warc import read_warc

Reader = Callable[[Source, Fields, ReadStats, "str | None", Limits], Iterator[Record]]

READERS: dict[str, Reader] = {"page": read_page, "jsonl": read_jsonl, "csv": read_csv, "warc": read_warc}
"""The reader for each `Source.fmt`."""


def read_source(source: Source, fields: Fields = Fields(), stats: ReadStats | None = None,
                url: str | None = None, limits: Limits = Limits()) -> Iterator[Record]:
    """The records of one source; a source that names nothing readable gives one error record.
    `url` is the URL of a single page (`page` sources only). `UsageError` when the first
    record of a JSONL or CSV source lacks a field asked for."""
    if source.error:
        yield Record(source.label, None, source=source.path, error=source.error)
        return
    n = 0
    try:
        for n, record in enumerate(READERS[source.fmt](source, fields, stats if stats is not None else ReadStats(),
                                                       url, limits), 1):
            yield record
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - one damaged file never ends the run nor loses the others
        yield _unreadable(source, n, exc)


def _unreadable(source: Source, n: int, exc: Exception) -> Record:
    """The error record for a reader that raised after `n` records: the data is damaged in a
    way the reader does not check for (a zstd frame, a decompressor's own error), or a bug."""
    name = type(exc).__name__
    corrupt = isinstance(exc, (OSError, EOFError, zlib.error, lzma.LZMAError)) or "Zstd" in name
    why = f"the data is corrupt ({name}: {exc})" if corrupt else \
        f"internal error ({name}: {exc}); please report it with the file"
    return Record(f"{source.label}:{n + 1}", None, source=source.path, error_kind="corrupt" if corrupt else "internal",
                  error=f"{source.label}: {why} after record {n}; the rest of the file was not read")


def read_records(sources: Iterable[Source], fields: Fields = Fields(), stats: ReadStats | None = None,
                 url: str | None = None, limits: Limits = Limits()) -> Iterator[Record]:
    """The records of every source, in order."""
    for source in sources:
        yield from read_source(source, fields, stats, url, limits)


__all__ = ["FORMATS", "READERS", "Fields", "Limits", "ReadStats", "Source", "UsageError", "find_sources", "format_of",
           "parse_size", "read_records", "read_source", "strip_extension"]
