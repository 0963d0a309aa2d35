"""WARC and WARC.gz (Common Crawl style) with fastwarc: the HTML responses, streamed."""

from __future__ import annotations

from typing import Any, Iterator

from ..batch import Record
from ..readers import looks_like_html
from .common import Fields, ReadStats, Source, open_binary, read_error

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(source: Source, fields: Fields, stats: ReadStats, url: str | None = None) -> Iterator[Record]:
    """One record per HTTP 2xx response whose payload is HTML: id the `WARC-Record-ID`, url
    the `WARC-Target-URI`. Every other record is skipped and counted in `stats`."""
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:
        yield Record(source.label, None, source=source.path,
                     error="reading WARC needs fastwarc: pip install 'kontan-clean[batch]'", error_kind="dependency")
        return
    try:
        with open_binary(source, gunzip=False) as f:  # fastwarc detects the compression itself
            for rec in ArchiveIterator(f, parse_http=True, auto_decode="all"):
                skip, payload = _html_payload(rec)
                if skip:
                    stats.skipped[skip] += 1
                    continue
                yield Record(rec.record_id, payload, rec.headers.get("WARC-Target-URI"), source.path)
    except Exception as exc:  # noqa: BLE001 - fastwarc raises OSError and ValueError subclasses
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))
    except BaseException as exc:
        # fastwarc's Rust panics arrive as pyo3's PanicException, a BaseException
        if type(exc).__name__ != "PanicException":
            raise
        yield Record(source.label, None, source=source.path, error=read_error(source, exc))


def _html_payload(rec: Any) -> tuple[str | None, bytes]:
    """(why the record is skipped, or None; the HTML payload). The payload is read only
    when the record may be HTML."""
    kind = rec.headers.get("WARC-Type", "unknown")
    if kind != "response":
        return f"WARC {kind} record", b""
    if not rec.http_headers:
        return "response without HTTP headers", b""
    if not 200 <= rec.http_headers.status_code < 300:
        return "non-2xx HTTP response", b""
    declared = rec.http_content_type or rec.headers.get("WARC-Identified-Payload-Type")
    if declared and declared.lower() not in HTML_TYPES:
        return "non-HTML response", b""
    payload = rec.reader.read()
    if not declared and not looks_like_html(payload):
        return "non-HTML response", b""
    return None, payload
