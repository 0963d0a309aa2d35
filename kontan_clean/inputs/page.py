"""One page per file (HTML or a text rendering; `clean()` tells them apart), or stdin; a
gzip'ed or zstd'ed page is decompressed. The page is read up to `Limits.page` and no
further."""

from __future__ import annotations

from typing import Iterator

from ..batch import Record
from .checked import Corrupt, CutShort, Stream
from .common import Fields, ReadStats, Source, open_raw, read_error
from .limits import Limits, page_too_large


def read_page(source: Source, fields: Fields, stats: ReadStats, url: str | None = None,
              limits: Limits = Limits()) -> Iterator[Record]:
    """The whole source as one record, its bytes undecoded (the cleaner detects the
    encoding); id: the path, or `<stdin>`."""
    try:
        with open_raw(source) as (raw, gzipped):
            stream = Stream(raw, gzipped)
            page = stream.read(limits.page + 1)
            if len(page) > limits.page:
                yield Record(source.label, None, url, source.path, error_kind="too_large",
                             error=f"{source.label}: {page_too_large(len(page), limits)}")
                return
            stream.peek(1)  # reach the end of the gzip data, where its CRC is checked
    except (Corrupt, CutShort) as exc:
        kind = "corrupt" if isinstance(exc, Corrupt) else "truncated"
        yield Record(source.label, None, url, source.path, error_kind=kind, error=f"{source.label}: {exc}")
        return
    except OSError as exc:
        yield Record(source.label, None, url, source.path, error=read_error(source, exc))
        return
    yield Record(source.label, page, url, source.path)
