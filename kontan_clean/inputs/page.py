"""One page per file (HTML or a text rendering; `clean()` tells them apart), or stdin."""

from __future__ import annotations

from typing import Iterator

from ..batch import Record
from .common import Fields, ReadStats, Source, open_binary, read_error


def read_page(source: Source, fields: Fields, stats: ReadStats, url: str | None = None) -> Iterator[Record]:
    """The whole source as one record, its bytes undecoded (the cleaner detects the
    encoding); id: the path, or `<stdin>`."""
    try:
        with open_binary(source, gunzip=False) as f:
            page = f.read()
    except OSError as exc:
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))
        return
    yield Record(source.label, page, url, source.path)
