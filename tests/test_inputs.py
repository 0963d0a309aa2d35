"""Input readers: argument expansion, JSONL, CSV and WARC, each streaming records and turning
unreadable input into error records instead of stopping."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest

from kontan_clean.inputs import (Fields, Limits, ReadStats, Source, UsageError, find_sources, format_of, read_source,
                                 strip_extension)
from conftest import SAMPLES

TEXT_PAGE = SAMPLES / "text" / "desktop_rupiah_melemah.txt"
HTML_PAGE = SAMPLES / "html" / "desktop_2024.html"


# -- a WARC writer for the tests (no warcio needed) ---------------------------------------

def warc_record(kind: str, uri: str, block: bytes, content_type: str) -> tuple[str, bytes]:
    """(record id, the record's bytes)."""
    rid = f"<urn:uuid:{uuid.uuid4()}>"
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {rid}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-10-28T13:19:00Z\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return rid, head.encode() + block + b"\r\n\r\n"


def http_response(uri: str, payload: bytes, ctype: str = "text/html; charset=utf-8",
                  status: str = "200 OK") -> tuple[str, bytes]:
    """A WARC response record holding an HTTP response."""
    block = (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n").encode() + payload
    return warc_record("response", uri, block, "application/http; msgtype=response")


def make_warc(path: Path, records: list[tuple[str, bytes]], gz: bool = False) -> Path:
    """Write the records, each its own gzip member when `gz` (as Common Crawl does)."""
    with open(path, "wb") as f:
        for _, data in records:
            f.write(gzip.compress(data) if gz else data)
    return path


def sample_warc(path: Path, gz: bool = True) -> tuple[Path, list[tuple[str, str, bytes]]]:
    """A WARC with two kontan HTML responses among records to skip; returns the path and
    (id, url, page) of the two pages."""
    pages = [("https://keuangan.kontan.co.id/news/a", HTML_PAGE.read_bytes()),
             ("https://nasional.kontan.co.id/news/b", (SAMPLES / "html" / "amp.html").read_bytes())]
    info = warc_record("warcinfo", "", b"software: test\r\n", "application/warc-fields")
    request = warc_record("request", pages[0][0], b"GET /news/a HTTP/1.1\r\nHost: keuangan.kontan.co.id\r\n\r\n",
                          "application/http; msgtype=request")
    first, second = http_response(*pages[0]), http_response(*pages[1])
    image = http_response("https://foto.kontan.co.id/x.png", b"\x89PNG....", "image/png")
    missing = http_response("https://www.kontan.co.id/gone", b"<html>not found</html>", status="404 Not Found")
    make_warc(path, [info, request, first, image, missing, second], gz)
    return path, [(first[0], pages[0][0], pages[0][1]), (second[0], pages[1][0], pages[1][1])]


def records(source: Source, fields: Fields = Fields(), stats: ReadStats | None = None) -> list:
    return list(read_source(source, fields, stats))


# -- sources --------------------------------------------------------------------------

def test_directories_globs_stdin_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    for name in ("a.html", "b/c.txt", "b/deep/d.jsonl.gz", "b/e.expected.json", ".hidden.html", "f.warc.gz"):
        (tmp_path / name).write_text("x")
    skipped: Counter = Counter()
    found = list(find_sources([str(tmp_path), "-", str(tmp_path / "nope.csv"), str(tmp_path / "*.html")],
                              skipped=skipped))
    rel = [(s.name, s.fmt) for s in found[:4]]
    assert rel == [("a.html", "page"), ("f.warc.gz", "warc"), ("b/c.txt", "page"), ("b/deep/d.jsonl.gz", "jsonl")]
    assert skipped["file of another format in a directory"] == 2
    assert (found[4].path, found[4].fmt, found[4].label) == ("-", "page", "<stdin>")
    assert found[5].error == f"cannot read {tmp_path / 'nope.csv'}: No such file or directory"
    assert [s.name for s in found[6:]] == ["a.html"]
    [nothing] = find_sources([str(tmp_path / "*.xml")])
    assert "no file matches" in nothing.error


def test_a_forced_format_reads_only_those_files_in_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x")
    (tmp_path / "b.jsonl").write_text("x")
    assert [s.name for s in find_sources([str(tmp_path)], "csv")] == ["a.csv"]
    assert [s.fmt for s in find_sources([str(tmp_path / "b.jsonl")], "text")] == ["page"]


def test_extensions() -> None:
    assert format_of("X.WARC.GZ") == "warc" and format_of("a.ndjson") == "jsonl" and format_of("a.json") is None
    assert strip_extension("crawl/a.warc.gz") == "crawl/a" and strip_extension("p.html") == "p"


def test_an_unreadable_source_is_one_error_record(tmp_path: Path) -> None:
    [rec] = records(Source(str(tmp_path), "page", "x"))  # a directory cannot be read as a page
    assert rec.page is None and rec.error.startswith(f"cannot read {tmp_path}: ")


# -- JSONL ----------------------------------------------------------------------------

def _jsonl(path: Path, lines: list, gz: bool = False) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_lines_become_records_and_bad_lines_error_records(tmp_path: Path, gz: bool) -> None:
    page = TEXT_PAGE.read_text(encoding="utf-8")
    path = _jsonl(tmp_path / ("in.jsonl.gz" if gz else "in.jsonl"), [
        {"doc": "a", "html": page, "link": "https://x.kontan.co.id/news/a"},
        "",
        "{not json",
        ["a", "list"],
        {"doc": "d", "other": page},
        {"doc": "e", "html": None},
        {"html": page},
    ], gz)
    got = records(Source(str(path), "jsonl"), Fields(id="doc"))
    assert [r.id for r in got] == ["a", f"{path}:3", f"{path}:4", "d", "e", f"{path}:7"]
    assert got[0].page == page and got[0].url == "https://x.kontan.co.id/news/a" and got[0].error is None
    assert got[1].error.startswith(f"{path}:3: not a JSON line")
    assert "a JSON list, not an object" in got[2].error
    assert got[3].error == f"{path}:5: no page key (tried text, html, content, page, body) (keys: doc, other); pass --field NAME"
    assert "the 'html' value is NoneType" in got[4].error
    assert got[5].page == page


def test_jsonl_field_names_the_page_key(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "in.jsonl", [{"id": 7, "body_html": "<p>x</p>", "url": "u"}])
    [rec] = records(Source(str(path), "jsonl"), Fields(page="body_html"))
    assert (rec.id, rec.page, rec.url) == (7, "<p>x</p>", "u")
    with pytest.raises(UsageError, match="--field 'paragraf' matches no key of the first record .keys: id, body_html, url."):
        records(Source(str(path), "jsonl"), Fields(page="paragraf"))


def test_a_truncated_gzip_ends_with_an_error_record(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"text": f"page {i} " * 50}).encode() + b"\n" for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    got = records(Source(str(path), "jsonl"))
    # one gzip member, never completed: no line of it is passed on as if it had been checked
    assert got[-1].error_kind == "truncated" and "cut short" in got[-1].error
    assert got[:-1] and all(r.page is None and r.error_kind == "truncated" for r in got[:-1])


# -- CSV ------------------------------------------------------------------------------

def test_csv_rows_with_a_page_column_bigger_than_the_csv_default(tmp_path: Path) -> None:
    page = TEXT_PAGE.read_text(encoding="utf-8")
    huge = "Paragraf panjang. " * 20_000  # 360 KB: over csv's 128 KB field limit
    path = tmp_path / "crawl.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as f:  # with a BOM, as Excel writes
        w = csv.writer(f)
        w.writerow(["judul", "link", "paragraf"])
        w.writerow(["A", "https://industri.kontan.co.id/news/a", page])
        w.writerow(["B", "https://industri.kontan.co.id/news/b", huge])
    got = records(Source(str(path), "csv"), Fields(page="paragraf", id="judul"))
    assert [(r.id, r.url) for r in got] == [("A", "https://industri.kontan.co.id/news/a"),
                                            ("B", "https://industri.kontan.co.id/news/b")]
    assert got[0].page == page and got[1].page == huge


def test_csv_without_the_column_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("judul,paragraf\nA,teks\n", encoding="utf-8")
    with pytest.raises(UsageError) as exc:
        records(Source(str(path), "csv"))
    assert str(exc.value) == (f"{path}: no page column in the first record (tried text, html, content, page, body; "
                              "columns: judul, paragraf); pass --field NAME")
    [row] = records(Source(str(path), "csv"), Fields(page="paragraf"))
    assert (row.id, row.page) == (f"{path}:1", "teks")


def test_a_csv_row_that_is_not_utf8_goes_to_the_cleaner_as_bytes(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("text\nok\n".encode() + "Harga naik 5% – kata Budi.\n".encode("cp1252"))
    ok, odd = records(Source(str(path), "csv"))
    assert ok.page == "ok"
    assert odd.page == "Harga naik 5% – kata Budi.".encode("cp1252")


# -- WARC -----------------------------------------------------------------------------

@pytest.mark.parametrize("gz", [True, False])
def test_warc_gives_the_html_responses_and_counts_the_rest(tmp_path: Path, gz: bool) -> None:
    path, expected = sample_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz)
    stats = ReadStats()
    got = records(Source(str(path), "warc"), stats=stats)
    assert [(r.id, r.url, r.page) for r in got] == expected
    assert stats.skipped == Counter({"WARC warcinfo record": 1, "WARC request record": 1, "non-HTML response": 1,
                                     "non-2xx HTTP response": 1})


def test_warc_from_a_pipe(tmp_path: Path, monkeypatch) -> None:
    path, expected = sample_warc(tmp_path / "crawl.warc.gz")

    class Pipe(io.RawIOBase):  # stdin from a pipe: no seek, no tell
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buf) -> int:
            chunk = self.data.read(len(buf))
            buf[: len(chunk)] = chunk
            return len(chunk)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Pipe(path.read_bytes()))))
    got = records(Source("-", "warc"))
    assert [r.id for r in got] == [rid for rid, _, _ in expected]


def test_a_file_that_is_not_a_warc_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a WARC file\n")
    [rec] = records(Source(str(path), "warc"))
    assert rec.page is None and rec.error.startswith(f"cannot read {path}")
