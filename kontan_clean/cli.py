"""`kontan-clean`: clean kontan pages from files, directories, globs or stdin.

    kontan-clean < page.html | wc -w
    kontan-clean --explain page.html
    kontan-clean --input-format csv --field paragraf --url-field link crawl.csv > clean.jsonl
    kontan-clean --jobs 8 --output out/ crawl/*.warc.gz

One page in (a file or stdin): the clean text out (`--format text`, the default). Anything
more is a batch: one JSON line per document, an error record in place of each failure, a
summary on stderr. Exit 0 when every document was cleaned, 1 when some failed, 2 for a
usage error, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any, Iterable, Iterator, TextIO

from . import __version__
from .article import Article
from .batch import Failure, Record, Result, clean_records
from .inputs import FORMATS, Fields, ReadStats, Source, find_sources, read_records, strip_extension
from .model import Removal

PROG = "kontan-clean"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

HINTS = {"no_article": " (is it an article page?)"}
"""What to add to a failure's message, by kind, so that it says what to do."""


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(
        prog=PROG, description="Clean kontan.co.id news pages (HTML or text renderings) into article text and metadata.",
        epilog="One page gives its clean text; several documents give JSON lines. "
               "Exit status: 0 all cleaned, 1 some failed, 2 usage error, 130 interrupted.")
    p.add_argument("inputs", nargs="*", metavar="FILE",
                   help="files, directories (read recursively) or globs; '-' or none reads stdin")
    p.add_argument("-f", "--format", choices=("text", "json", "jsonl"), metavar="FMT",
                   help="text (the clean text; the default for one page), json, "
                        "or jsonl (one JSON line per document; the default for a batch)")
    p.add_argument("-m", "--with-metadata", action="store_true",
                   help="text format: print title, date, byline, ... above the text")
    p.add_argument("-e", "--explain", action="store_true",
                   help="list every removal with the name of the filter that made it")
    p.add_argument("-i", "--input-format", choices=FORMATS, default="auto", metavar="FMT",
                   help="auto (by file extension; the default), html or text (one page per file), "
                        "jsonl, csv or warc")
    p.add_argument("--field", metavar="NAME", help="JSONL key or CSV column holding the page (default: text, html, "
                                                    "content, page or body, whichever is present)")
    p.add_argument("--id-field", metavar="NAME", help="key or column carried through as \"id\" (default: id; "
                                                       "else FILE:LINE)")
    p.add_argument("--url-field", metavar="NAME", help="key or column holding the page's URL (default: url or link)")
    p.add_argument("--url", help="the URL of a single page read from a file or stdin")
    p.add_argument("-o", "--output", metavar="DIR", help="write one .jsonl file per input file into DIR "
                                                          "instead of stdout")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (0: one per CPU); the output order never changes")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _check_usage(parser, args)
    _utf8(sys.stdout)
    try:
        return run(args, parser)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; every line written so far is complete", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `kontan-clean ... | head`: the reader has gone
        _silence_stdout()
        return EXIT_FAILED


def _check_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.jobs < 0:
        parser.error("--jobs takes 0 (one per CPU) or more")
    if args.explain and args.format in ("json", "jsonl"):
        parser.error("--explain prints text; drop --format (the JSON output lists every removal under \"removed\")")
    if args.output and (args.explain or args.format not in (None, "jsonl")):
        parser.error("--output writes JSON lines; drop --format/--explain, or leave out --output")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Read, clean and write everything the arguments name."""
    if not args.inputs and sys.stdin.isatty():
        print(f"{PROG}: reading a page from the terminal; end it with Ctrl-D (or name a FILE, see --help)",
              file=sys.stderr)
    stats = ReadStats()
    names: dict[str, str] = {}
    sources = _remember_names(find_sources(args.inputs or ["-"], args.input_format, stats.skipped), names)
    first = list(islice(sources, 2))
    single = len(first) == 1 and first[0].fmt == "page" and not args.output
    if args.url and not single:
        parser.error("--url is the URL of one page; for many pages put URLs in the records and use --url-field")
    records = read_records(chain(first, sources), Fields(args.field, args.id_field, args.url_field), stats, args.url)
    sink = make_sink(args, single, names)
    tally = Tally()
    try:
        with progress_bar(enabled=not (single or args.quiet), output_on_stdout=not args.output) as bar:
            for record, result in clean_records(records, args.jobs):
                tally.add(result)
                sink.write(record, result)
                bar.update()
    finally:
        sink.close()
    if not single and not args.quiet:
        print(tally.summary(stats, sink.written()), file=sys.stderr)
    if not tally.docs:
        print(f"{PROG}: nothing to clean in {' '.join(args.inputs)}: name files of a known format, "
              "or pass --input-format", file=sys.stderr)
    return EXIT_OK if tally.docs and not tally.failed else EXIT_FAILED


def _remember_names(sources: Iterable[Source], names: dict[str, str]) -> Iterator[Source]:
    for source in sources:
        names[source.path] = source.name
        yield source


# -- writing ---------------------------------------------------------------------------

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
    """The output record: `{"id", ...Article.to_dict()}`, or the error record. `url` is the
    page's canonical URL when it names one; the URL the input gave (`WARC-Target-URI`,
    `--url-field`, `--url`) is kept as `input_url`."""
    if isinstance(result, Failure):
        return result.to_dict()
    head = {"id": record.id} if record.url is None else {"id": record.id, "input_url": record.url}
    return {**head, **result.to_dict()}


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


# -- text, metadata and explanations ----------------------------------------------------

def metadata_lines(article: Article, rid: Any = None) -> str:
    """`Title: ...` lines for the metadata the article has, then a blank line."""
    fields = [("Id", rid), ("Title", article.title),
              ("Published", article.published.isoformat() if article.published else None),
              ("Reporters", ", ".join(article.reporters)), ("Editor", article.editor), ("Source", article.source),
              ("Dateline", article.dateline), ("Category", article.category), ("Tags", ", ".join(article.tags)),
              ("URL", article.url), ("Paywalled", "yes" if article.paywalled else None)]
    lines = [f"{name}: {value}" for name, value in fields if value not in (None, "")]
    return "\n".join(lines) + "\n\n" if lines else ""


class Paint:
    """ANSI colours, or none."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text

    def filter(self, text: str) -> str:
        """A filter's name."""
        return self._wrap("1;33", text)

    def removed(self, text: str) -> str:
        """Removed text."""
        return self._wrap("31", text)

    def reason(self, text: str) -> str:
        """Why it was removed."""
        return self._wrap("2", text)

    def head(self, text: str) -> str:
        """A document header or the closing line."""
        return self._wrap("1;32", text)


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def explain(article: Article, page: str | bytes | None, paint: Paint = Paint(False)) -> str:
    """One line per removal, `filter  text  [reason]`, then what was kept."""
    removed = page_order(article.removed, page)
    width = max((len(r.filter) for r in removed), default=0)
    lines = [f"{paint.filter(r.filter.ljust(width))}  {paint.removed(r.text)}  {paint.reason('[' + r.reason + ']')}"
             for r in removed]
    words = sum(len(p.split()) for p in article.paragraphs)
    lines.append(paint.head(f"kept {len(article.paragraphs)} paragraphs ({words} words); "
                            f"removed {len(removed)} pieces"))
    return "\n".join(lines) + "\n"


_TAG = re.compile(r"<[^>]*>")


def page_order(removed: list[Removal], page: str | bytes | None) -> list[Removal]:
    """The removals sorted by where their text stands on the page. Filters run one after the
    other, so `Article.removed` is in filter order; a text not found on the page (cut across
    markup) stays right after the removal recorded before it."""
    if not page:
        return list(removed)
    flat = _flatten(page)
    seen: dict[str, int] = {}  # text -> where it was last found, so a repeat finds the next copy
    keyed, at = [], -1
    for i, r in enumerate(removed):
        pos = _locate(flat, r.text, seen.get(r.text, -1) + 1)
        if pos >= 0:
            seen[r.text] = at = pos
        keyed.append((at, i, r))
    return [r for *_, r in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _locate(flat: str, text: str, start: int) -> int:
    """Where `text` stands in the flattened page: as is, without a leading bullet (the
    reader adds those), or by its first words (markup may split the rest)."""
    for probe in (text, text.lstrip("•·*- "), " ".join(text.split()[:5])):
        if probe.strip():
            pos = flat.find(probe, start)
            if pos >= 0:
                return pos
    return -1


def _flatten(page: str | bytes) -> str:
    text = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
    if text.lstrip().startswith("<"):
        text = html.unescape(_TAG.sub(" ", text))
    return " ".join(text.split())


# -- progress and summary ---------------------------------------------------------------

class _NoBar:
    def update(self, n: int = 1) -> None:
        pass


@contextmanager
def progress_bar(enabled: bool = True, output_on_stdout: bool = True) -> Iterator[Any]:
    """A tqdm bar on stderr when stderr is a terminal (unless the output goes to the same
    terminal, where it would tear the bar), else a stand-in that does nothing."""
    if not (enabled and sys.stderr.isatty() and not (output_on_stdout and sys.stdout.isatty())):
        yield _NoBar()
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield _NoBar()
        return
    bar = tqdm(unit=" docs", file=sys.stderr, mininterval=0.5, dynamic_ncols=True, leave=False)
    try:
        yield bar
    finally:
        bar.close()


class Tally:
    """Counts for the summary."""

    def __init__(self) -> None:
        self.docs = self.failed = 0
        self.kinds: Counter = Counter()
        self.removed: Counter = Counter()
        self.start = time.perf_counter()

    def add(self, result: Result) -> None:
        """Count one result."""
        self.docs += 1
        if isinstance(result, Failure):
            self.failed += 1
            self.kinds[result.kind] += 1
        else:
            self.removed.update(r.filter for r in result.removed)

    def summary(self, stats: ReadStats, written: list[str]) -> str:
        """The lines printed on stderr at the end of a batch."""
        secs = max(time.perf_counter() - self.start, 1e-9)
        failed = f"{self.failed} failed" + (f" ({_counts(self.kinds)})" if self.kinds else "")
        lines = [f"{_plural(self.docs, 'document')}: {self.docs - self.failed} cleaned, {failed}; "
                 f"{secs:.1f} s, {self.docs / secs:.0f} documents/s"]
        if self.removed:
            lines.append("removed by filter: " + _counts(self.removed))
        if stats.skipped:
            lines.append("skipped: " + _counts(stats.skipped))
        if written:
            lines.append(f"wrote {_plural(len(written), 'file')}: " + ", ".join(written[:3])
                         + (", ..." if len(written) > 3 else ""))
        if self.kinds["internal"]:
            lines.append(f"{_plural(self.kinds['internal'], 'internal error')}: please report them with their pages")
        return "\n".join(f"{PROG}: {line}" for line in lines)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _counts(c: Counter) -> str:
    return ", ".join(f"{name} {n}" for name, n in c.most_common())


# -- streams ----------------------------------------------------------------------------

def _utf8(stream: TextIO) -> None:
    """Write UTF-8 whatever the locale says (the output is for programs as much as people)."""
    if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass


def _silence_stdout() -> None:
    # Python would report the broken pipe again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
