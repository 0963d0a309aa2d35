"""Input readers: files, directories, globs and stdin to a stream of `Record`s, one small
module per format. Everything streams: a reader holds one record at a time."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..batch import Record
from .common import Fields, ReadStats, Source
from .csvfile import read_csv
from .jsonl import read_jsonl
from .page import read_page
from .sources import FORMATS, find_sources, format_of, strip_extension
from .warc import read_warc

Reader = Callable[[Source, Fields, ReadStats, "str | None"], Iterator[Record]]

READERS: dict[str, Reader] = {"page": read_page, "jsonl": read_jsonl, "csv": read_csv, "warc": read_warc}
"""The reader for each `Source.fmt`."""


def read_source(source: Source, fields: Fields = Fields(), stats: ReadStats | None = None,
                url: str | None = None) -> Iterator[Record]:
    """The records of one source; a source that names nothing readable gives one error record.
    `url` is the URL of a single page (`page` sources only)."""
    if source.error:
        yield Record(source.label, None, source=source.path, error=source.error)
        return
    yield from READERS[source.fmt](source, fields, stats if stats is not None else ReadStats(), url)


def read_records(sources: Iterable[Source], fields: Fields = Fields(), stats: ReadStats | None = None,
                 url: str | None = None) -> Iterator[Record]:
    """The records of every source, in order."""
    for source in sources:
        yield from read_source(source, fields, stats, url)


__all__ = ["FORMATS", "READERS", "Fields", "ReadStats", "Source", "find_sources", "format_of", "read_records",
           "read_source", "strip_extension"]
