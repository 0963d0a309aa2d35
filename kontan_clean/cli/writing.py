"""Writing results: whole lines only, in the format the options ask for."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Any, Iterator, TextIO

from ..article import Article
from ..batch import Failure, Record, Result
from ..inputs import strip_extension
from ..schema import batch_record
from .common import HINTS, PROG
from .explain import Paint, explain, use_colour


@contextmanager
def _hold_interrupt() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done, so a record is written whole or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(1))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        if caught:
            raise KeyboardInterrupt


class LineWriter:
    """Writes whole records: one `write()` of complete lines and a flush each."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        """Write `text` (complete lines) now."""
        with _hold_interrupt():
            try:
                self.stream.write(text)
            except UnicodeEncodeError:  # a lone surrogate from a JSON escape: \udcxx stays valid JSON
                enc = getattr(self.stream, "encoding", None) or "utf-8"
                self.stream.write(text.encode(enc, "backslashreplace").decode(enc))
            self.stream.flush()

    def close(self) -> None:
        """Close the stream unless it is stdout."""
        if self.stream is not sys.stdout:
            self.stream.close()


def message(result: Failure) -> str:
    """The one-line message for a failure: `kontan-clean: ID: what went wrong (what to do)`."""
    if result.kind == "input":  # reader messages already name the file and line
        return f"{PROG}: {result.error}"
    return f"{PROG}: {result.id}: {result.error}{HINTS.get(result.kind, '')}"


def as_json(record: Record, result: Result) -> dict[str, Any]:
    """The output record, the same keys for an article and a failure: see
    `kontan_clean.schema.batch_record`."""
    return batch_record(record, result)


class Sink:
    """Where results go; one subclass per output format."""

    writes_failures = True
    """Whether the format has a place for error records (else they go to stderr)."""

    def __init__(self, out: LineWriter, single: bool) -> None:
        self.out, self.single, self.count = out, single, 0

    def write(self, record: Record, result: Result) -> None:
        """Write one result (a failure also goes to stderr as a message in single-page mode)."""
        if isinstance(result, Failure) and (self.single or not self.writes_failures):
            print(message(result), file=sys.stderr)
        self.emit(record, result)
        self.count += 1

    def emit(self, record: Record, result: Result) -> None:
        """Write the result in this format."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (even after Ctrl-C)."""
        self.out.close()

    def written(self) -> list[str]:
        """Files written (empty for stdout)."""
        return []


class JsonlSink(Sink):
    """One JSON object per line, error records included."""

    def emit(self, record: Record, result: Result) -> None:
        self.out.write(json.dumps(as_json(record, result), ensure_ascii=False) + "\n")


class JsonSink(Sink):
    """One pretty JSON object; a batch is a JSON array, closed even after Ctrl-C."""

    def emit(self, record: Record, result: Result) -> None:
        obj = json.dumps(as_json(record, result), ensure_ascii=False, indent=2)
        if self.single:
            self.out.write(obj + "\n")
        else:
            self.out.write(("[\n" if not self.count else ",\n") + obj)

    def close(self) -> None:
        if not self.single:
            self.out.write("[]\n" if not self.count else "\n]\n")
        super().close()


class TextSink(Sink):
    """The clean text; in a batch each document ends with a form-feed line (`\\f`)."""

    writes_failures = False

    def __init__(self, out: LineWriter, single: bool, with_metadata: bool) -> None:
        super().__init__(out, single)
        self.with_metadata = with_metadata

    def emit(self, record: Record, result: Result) -> None:
        if isinstance(result, Failure):
            return
        head = metadata_lines(result, None if self.single else record.id) if self.with_metadata else ""
        self.out.write(head + result.text + ("\n" if self.single else "\n\f\n"))


class ExplainSink(Sink):
    """Every removal, filter name beside the text, in page order where the page shows it."""

    writes_failures = False

    def __init__(self, out: LineWriter, single: bool, colour: bool) -> None:
        super().__init__(out, single)
        self.paint = Paint(colour)

    def emit(self, record: Record, result: Result) -> None:
        if isinstance(result, Failure):
            return
        head = "" if self.single else self.paint.head(f"== {record.id} ==") + "\n"
        self.out.write(head + explain(result, record.page, self.paint) + ("" if self.single else "\n"))


class DirSink(Sink):
    """One `.jsonl` file per input file in a directory, named after the input."""

    def __init__(self, folder: str, names: dict[str, str]) -> None:
        super().__init__(LineWriter(sys.stdout), single=False)
        self.folder, self.names = folder, names
        self.current: tuple[str | None, LineWriter] | None = None
        self.paths: list[str] = []
        os.makedirs(folder, exist_ok=True)

    def emit(self, record: Record, result: Result) -> None:
        if self.current is None or self.current[0] != record.source:
            self._switch(record.source)
        assert self.current is not None
        self.current[1].write(json.dumps(as_json(record, result), ensure_ascii=False) + "\n")

    def _switch(self, source: str | None) -> None:
        if self.current:
            self.current[1].close()
        base = strip_extension(self.names.get(source or "-", "stdin"))
        path, n = os.path.join(self.folder, base + ".jsonl"), 1
        while path in self.paths:  # the same name under two arguments
            n += 1
            path = os.path.join(self.folder, f"{base}-{n}.jsonl")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.paths.append(path)
        self.current = (source, LineWriter(open(path, "w", encoding="utf-8")))

    def close(self) -> None:
        if self.current:
            self.current[1].close()

    def written(self) -> list[str]:
        return self.paths


def make_sink(args: argparse.Namespace, single: bool, names: dict[str, str]) -> Sink:
    """The sink the options ask for."""
    if args.output:
        return DirSink(args.output, names)
    out = LineWriter(sys.stdout)
    if args.explain:
        return ExplainSink(out, single, use_colour(sys.stdout))
    fmt = args.format or ("text" if single else "jsonl")
    if fmt == "text":
        return TextSink(out, single, args.with_metadata)
    return JsonSink(out, single) if fmt == "json" else JsonlSink(out, single)




def metadata_lines(article: Article, rid: Any = None) -> str:
    """`Title: ...` lines for the metadata the article has, then a blank line."""
    fields = [("Id", rid), ("Title", article.title),
              ("Published", article.published.isoformat() if article.published else None),
              ("Reporters", ", ".join(article.reporters)), ("Editor", article.editor), ("Source", article.source),
              ("Dateline", article.dateline), ("Category", article.category_label or article.category),
              ("Tags", ", ".join(article.tags)),
              ("URL", article.url), ("Paywalled", "yes" if article.paywalled else None)]
    lines = [f"{name}: {value}" for name, value in fields if value not in (None, "")]
    return "\n".join(lines) + "\n\n" if lines else ""
