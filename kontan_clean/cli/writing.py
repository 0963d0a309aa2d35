"""Writing results: whole lines only, in the format the options ask for, and files that
appear under their name only when they are complete."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from typing import Any, NamedTuple, TextIO

from ..article import Article
from ..batch import Failure, Record, Result
from ..inputs import strip_extension
from ..schema import batch_record
from .common import HINTS, PROG
from .explain import Paint, explain, use_colour
from .signals import hold


class OutputError(Exception):
    """The output could not be written (a full disk, no permission, a closed or broken
    stdout). The message is one short line."""

    def __init__(self, where: str, exc: OSError | str) -> None:
        if isinstance(exc, BrokenPipeError):
            why = "the reader closed the pipe"
        elif isinstance(exc, OSError):
            why = exc.strerror or str(exc)
        else:
            why = exc
        super().__init__(f"cannot write {where}: {why}")
        self.broken_pipe = isinstance(exc, BrokenPipeError)


_WRITING: list[tuple[int, int]] = []
"""(fd, offset) of the line being written to a regular file, for `cut_partial_line`."""


def cut_partial_line() -> None:
    """Cut off a line that is half written (the process is about to end at once)."""
    for fd, offset in _WRITING:
        try:
            os.ftruncate(fd, offset)
        except OSError:
            pass


class LineWriter:
    """Writes whole lines, each with one `write()` straight to the file descriptor, with a
    stop signal held back until it is out. A regular file that fails part-way (a full disk)
    is cut back to the end of the last whole line."""

    def __init__(self, stream: TextIO | int, name: str = "stdout") -> None:
        self.stream, self.name = stream, name
        self.fd = stream if isinstance(stream, int) else _fileno(stream)
        self.regular = self.fd is not None and stat.S_ISREG(os.fstat(self.fd).st_mode)
        self.appending = self.fd is not None and self.regular and _appending(self.fd)
        self.floor = self._end() if self.regular else 0
        """The file's end when it was opened: a cut never goes below it (the user's lines)."""

    def _end(self) -> int:
        """Where the next write lands. On an `O_APPEND` descriptor (a shell `>>`) the offset
        is not that place (it reads 0 before the first write): the file's size is."""
        assert self.fd is not None
        return os.fstat(self.fd).st_size if self.appending else os.lseek(self.fd, 0, os.SEEK_CUR)

    def write(self, text: str) -> None:
        """Write `text` (complete lines) now. A lone surrogate from a JSON escape is written
        as `\\udcxx`, which stays valid JSON."""
        self.write_bytes(text.encode("utf-8", "backslashreplace"))

    def write_bytes(self, data: bytes) -> None:
        """Write `data` (complete UTF-8 lines) now, or raise `OutputError`."""
        with hold():
            if self.fd is None:  # a stream without a descriptor (a capture in tests)
                self._write_stream(data)
                return
            if self.regular:
                _WRITING.append((self.fd, max(self._end(), self.floor)))
            try:
                if not isinstance(self.stream, int):
                    self.stream.flush()
                view = memoryview(data)
                while view:
                    view = view[os.write(self.fd, view):]
            except OSError as exc:
                if self.regular:
                    cut_partial_line()
                raise OutputError(self.name, exc) from None
            finally:
                _WRITING.clear()

    def _write_stream(self, data: bytes) -> None:
        assert not isinstance(self.stream, int)
        try:
            self.stream.write(data.decode("utf-8"))
            self.stream.flush()
        except OSError as exc:
            raise OutputError(self.name, exc) from None

    def close(self) -> None:
        """Close the file (never stdout); raises `OutputError` if that fails."""
        if isinstance(self.stream, int):
            try:
                os.close(self.stream)
            except OSError as exc:
                raise OutputError(self.name, exc) from None


def _appending(fd: int) -> bool:
    """Whether `fd` was opened with `O_APPEND`."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no way to ask; the offset is then taken as it is
        return False
    return bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND)


def _fileno(stream: TextIO) -> int | None:
    try:
        fd = stream.fileno()
        os.fstat(fd)
        return fd
    except (AttributeError, OSError, ValueError):
        return None


class Line(NamedTuple):
    """One JSON output line, made where the page was cleaned (in the worker process), with
    what the summary needs to know about it."""

    data: bytes
    kind: str | None
    """The failure kind, or None when the page was cleaned."""
    removed: dict[str, int]
    """Removals per filter."""
    recognised: bool = True
    """False when the page showed no kontan signal (`Article.recognised`)."""


def json_line(record: Record, result: Result) -> Line:
    """The JSON line for one result (see `as_json`)."""
    data = (json.dumps(as_json(record, result), ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")
    if isinstance(result, Failure):
        return Line(data, result.kind, {})
    removed: dict[str, int] = {}
    for r in result.removed:
        removed[r.filter] = removed.get(r.filter, 0) + 1
    return Line(data, None, removed, result.recognised)


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

    def write(self, record: Record, result: Result | Line) -> None:
        """Write one result (a failure also goes to stderr as a message in single-page mode)."""
        if isinstance(result, Failure) and (self.single or not self.writes_failures):
            print(message(result), file=sys.stderr)
        self.emit(record, result)
        self.count += 1

    def emit(self, record: Record, result: Any) -> None:
        """Write the result in this format."""
        raise NotImplementedError

    def close(self, complete: bool = True) -> None:
        """Finish the output; `complete` is False after an interruption or an error."""
        self.out.close()

    def discard(self) -> None:
        """Remove what is not finished (the process is about to end at once)."""

    def written(self) -> list[str]:
        """Files written (empty for stdout)."""
        return []


class JsonlSink(Sink):
    """One JSON object per line, error records included."""

    def emit(self, record: Record, result: Result | Line) -> None:
        """Write the result's JSON line (made in the worker when it is a `Line`)."""
        self.out.write_bytes((result if isinstance(result, Line) else json_line(record, result)).data)


class JsonSink(Sink):
    """One pretty JSON object; a batch is a JSON array, closed even after Ctrl-C."""

    def emit(self, record: Record, result: Result) -> None:
        """Write the result as an indented JSON object (an element of the array in a batch)."""
        obj = json.dumps(as_json(record, result), ensure_ascii=False, indent=2)
        if self.single:
            self.out.write(obj + "\n")
        else:
            self.out.write(("[\n" if not self.count else ",\n") + obj)

    def close(self, complete: bool = True) -> None:
        """Close the JSON array (even after an interruption: what was written stays valid
        JSON), then the output."""
        if not self.single:  # closed after an interruption too: what was written stays valid JSON
            self.out.write("[]\n" if not self.count else "\n]\n")
        super().close(complete)


class TextSink(Sink):
    """The clean text; in a batch each document ends with a form-feed line (`\\f`)."""

    writes_failures = False

    def __init__(self, out: LineWriter, single: bool, with_metadata: bool) -> None:
        super().__init__(out, single)
        self.with_metadata = with_metadata

    def emit(self, record: Record, result: Result) -> None:
        """Write the clean text (after `Title: ...` lines with --with-metadata); a failure
        has no text here (its message went to stderr)."""
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
        """Write the `--explain` view of the article (a failure went to stderr)."""
        if isinstance(result, Failure):
            return
        head = "" if self.single else self.paint.head(f"== {record.id} ==") + "\n"
        self.out.write(head + explain(result, record.page, self.paint) + ("" if self.single else "\n"))


class DirSink(Sink):
    """One `.jsonl` file per input file in a directory (`targets` maps each input to its
    file). Each is written as `.NAME.jsonl.part` and renamed when its input is done, so a
    file under its own name is always complete; an interrupted run removes the part file."""

    def __init__(self, targets: dict[str, str]) -> None:
        super().__init__(LineWriter(sys.stdout), single=False)
        self.targets = targets
        self.current: tuple[str | None, str, str, LineWriter] | None = None  # source, path, part, writer
        self.paths: list[str] = []

    def emit(self, record: Record, result: Result | Line) -> None:
        """Write the JSON line to the part file of the record's input; a record from the next
        input first finishes (renames) the file before it."""
        if self.current is None or self.current[0] != record.source:
            self._finish()
            self._open(record.source)
        assert self.current is not None
        self.current[3].write_bytes((result if isinstance(result, Line) else json_line(record, result)).data)

    def _open(self, source: str | None) -> None:
        path = self.targets[source or "-"]
        folder, name = os.path.split(path)
        part = os.path.join(folder, f".{name}.part")
        try:
            os.makedirs(folder or ".", exist_ok=True)
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        except OSError as exc:
            raise OutputError(part, exc) from None
        self.current = (source, path, part, LineWriter(fd, path))

    def _finish(self) -> None:
        if self.current is None:
            return
        _, path, part, writer = self.current
        self.current = None
        try:
            writer.close()
            os.replace(part, path)
        except OSError as exc:
            _remove(part)
            raise OutputError(path, exc) from None
        except OutputError:
            _remove(part)
            raise
        self.paths.append(path)

    def close(self, complete: bool = True) -> None:
        """Finish the last file when the run is complete, else remove its part file."""
        if complete:
            self._finish()
        else:
            self.discard()

    def discard(self) -> None:
        """Close and remove the part file being written (the finished files stay)."""
        if self.current is not None:
            _, _, part, writer = self.current
            self.current = None
            try:
                writer.close()
            except OutputError:
                pass
            _remove(part)

    def written(self) -> list[str]:
        """The files finished so far, in the order they were finished."""
        return self.paths


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def output_path(folder: str, name: str, taken: set[str]) -> str:
    """The output file for an input named `name` (its path below the directory argument):
    the extension replaced by `.jsonl`, and `-2`, `-3`, ... for a name used before."""
    base = strip_extension(name)
    path, n = os.path.join(folder, base + ".jsonl"), 1
    while path in taken:
        n += 1
        path = os.path.join(folder, f"{base}-{n}.jsonl")
    taken.add(path)
    return path


def make_sink(args: argparse.Namespace, single: bool, targets: dict[str, str]) -> Sink:
    """The sink the options ask for."""
    if args.output:
        return DirSink(targets)
    if sys.stdout is None:  # started with stdout closed
        raise OutputError("stdout", "it is closed")
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
