"""Command-line arguments to `Source`s: files, directories (recursive), globs and `-`."""

from __future__ import annotations

import glob
import os
from collections import Counter
from typing import Iterable, Iterator

from .common import Source, first_bytes

_BASE = {
    ".html": "page", ".htm": "page", ".xhtml": "page", ".txt": "page",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".wet": "warc",
}
EXTENSIONS = {ext + z: fmt for ext, fmt in _BASE.items() for z in ("", ".gz", ".zst")}
"""Each format's extensions, also gzip'ed or zstd'ed (`.warc.wet.gz` ends in `.wet.gz`)."""
FORMATS = ("auto", "html", "text", "jsonl", "csv", "warc")
"""`--input-format` choices; `html` and `text` both mean one page per file."""


def format_of(path: str) -> str | None:
    """The format a file's name implies, or None."""
    name = path.lower()
    return next((fmt for ext, fmt in EXTENSIONS.items() if name.endswith(ext)), None)


def sniff(source: Source) -> str:
    """`warc` when the source (gunzipped) starts like a WARC, else `page`."""
    return "warc" if first_bytes(source, 5) == b"WARC/" else "page"


def strip_extension(name: str) -> str:
    """`a/b.warc.gz` -> `a/b`: the name without the extension that gave its format."""
    lower = name.lower()
    ext = max((e for e in EXTENSIONS if lower.endswith(e)), key=len, default=os.path.splitext(name)[1])
    return name[: len(name) - len(ext)] if ext else name


def find_sources(args: Iterable[str], input_format: str = "auto", skipped: Counter | None = None) -> Iterator[Source]:
    """The sources the arguments name, in order: `-` is stdin; a directory gives, sorted and
    recursively, the files of the wanted format (any known format with `auto`; hidden files
    and others are passed over and counted in `skipped`); a pattern that names no file is
    expanded as a glob (`**` included)."""
    forced = None if input_format == "auto" else "page" if input_format in ("html", "text") else input_format
    for arg in args:
        if arg == "-":
            yield Source("-", forced or sniff(Source("-", "page")), "stdin")
        elif os.path.isdir(arg):
            yield from _walk(arg, forced, skipped if skipped is not None else Counter())
        elif os.path.exists(arg) or not glob.has_magic(arg):
            yield Source(arg, forced or format_of(arg) or sniff(Source(arg, "page")), os.path.basename(arg),
                         None if os.path.exists(arg) else f"cannot read {arg}: No such file or directory")
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield Source(arg, forced or "page", arg, f"no file matches {arg!r}; check the pattern")
            for path in matches:
                yield from find_sources([path], input_format, skipped)


def _walk(root: str, forced: str | None, skipped: Counter) -> Iterator[Source]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(folder, name)
            fmt = format_of(name)
            if name.startswith(".") or fmt is None or (forced and fmt != forced):
                skipped["file of another format in a directory"] += 1
                continue
            yield Source(path, fmt, os.path.relpath(path, root))
