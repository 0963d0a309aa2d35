"""`kontan-clean`: clean kontan pages from files, directories, globs or stdin.

    kontan-clean < page.html | wc -w
    kontan-clean --explain page.html
    kontan-clean --input-format csv --field paragraf --url-field link crawl.csv > clean.jsonl
    kontan-clean --jobs 8 --output out/ crawl/*.warc.gz

One page in (a file or stdin): the clean text out (`--format text`, the default). Anything
more is a batch: one JSON line per document, an error record in place of each failure, a
summary on stderr. Exit status: see `EXIT_HELP`.
"""

from __future__ import annotations

import argparse
import glob
import os
import signal
import stat
import sys
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator, TextIO

from .. import __version__
from ..batch import DEFAULT_TIMEOUT, Failure, Record, Result, clean_records
from ..inputs import FORMATS, Fields, Limits, ReadStats, Source, UsageError, find_sources, parse_size, read_records
from ..pool import PoolError
from ..readers.fallback import FALLBACK_LIMIT_VAR
from ..recognition import WARNING as UNRECOGNISED
from .common import EXIT_FAILED, EXIT_HELP, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_TERMINATED, EXIT_USAGE, PROG
from .explain import Paint, explain, use_colour
from .progress import Tally, progress_bar
from .signals import Interrupted, hold, on_hard_exit, stop_signals
from .writing import DirSink, JsonlSink, Sink, LineWriter, OutputError, cut_partial_line, json_line, make_sink, output_path


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(
        prog=PROG, description="Clean kontan.co.id news pages (HTML or text renderings) into article text and metadata.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="One page gives its clean text; several documents give JSON lines.\n\n" + EXIT_HELP)
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
                                                          "instead of stdout (DIR must not hold an input)")
    p.add_argument("--resume", action="store_true",
                   help="with --output: skip the inputs whose output file is already complete")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (0: one per CPU); the output order never changes")
    p.add_argument("-t", "--timeout", type=float, metavar="SECONDS",
                   help=f"time budget per document: one over it becomes an error record of kind timeout "
                        f"(default {DEFAULT_TIMEOUT:g} for a batch, none for one page; 0: no budget)")
    p.add_argument("--max-page-size", type=_size, default=Limits.page, metavar="SIZE",
                   help="a page over this becomes a too_large error record (default: 32M)")
    p.add_argument("--max-record-size", type=_size, default=Limits.record, metavar="SIZE",
                   help="a record over this once decompressed (a JSONL line, a CSV row, a WARC record) becomes a "
                        "too_large error record, read no further (default: 128M)")
    p.add_argument("--max-fallback-size", type=_size, default=None, metavar="SIZE",
                   help="the largest page of an unknown layout handed to trafilatura (default: 4M)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (`argv` None: this is the program
    itself, which after a stop signal ends at once, see `signals`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _check_usage(parser, args)
    _utf8(sys.stdout)
    if args.max_fallback_size is not None:  # read in the worker processes too
        os.environ[FALLBACK_LIMIT_VAR] = str(args.max_fallback_size)
    program = argv is None
    with stop_signals(restore_after_stop=not program):
        status = _run_reporting_errors(args, parser)
    if program and status in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        # Python's shutdown puts the default handlers back: a second Ctrl-C during it would
        # kill the process by the signal. Everything is written and reported: end now.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        os._exit(status)
    return status


def _run_reporting_errors(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        return run(args, parser)
    except (Interrupted, KeyboardInterrupt) as stop:  # before the first document
        return _interrupted(stop)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        _say(f"{PROG}: {exc}")
        if exc.broken_pipe:
            _silence_stdout()
        return EXIT_OUTPUT
    except BrokenPipeError:  # a message to a closed stdout or stderr
        _silence_stdout()
        return EXIT_OUTPUT
    except PoolError as exc:  # no worker process can be started (the system is out of processes)
        _say(f"{PROG}: stopped: {exc}")
        return EXIT_FAILED


def _check_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.jobs < 0:
        parser.error("--jobs takes 0 (one per CPU) or more")
    if args.timeout is not None and not args.timeout >= 0:
        parser.error("--timeout takes seconds: 0 (no budget) or more")
    if args.explain and args.format in ("json", "jsonl"):
        parser.error("--explain prints text; drop --format (the JSON output lists every removal under \"removed\")")
    if args.output and (args.explain or args.format not in (None, "jsonl")):
        parser.error("--output writes JSON lines; drop --format/--explain, or leave out --output")
    if args.resume and not args.output:
        parser.error("--resume skips inputs whose file in the --output folder is complete; give --output DIR")
    if args.output:
        _check_output_folder(parser, args.output, args.inputs)


def _check_output_folder(parser: argparse.ArgumentParser, folder: str, inputs: list[str]) -> None:
    """Refuse an output folder that holds an input (its output would overwrite it, or be read
    back as input) or lies inside an input directory."""
    out = os.path.realpath(folder)
    for arg in inputs:
        if arg == "-":
            continue
        paths = [arg] if os.path.exists(arg) or not glob.has_magic(arg) else glob.glob(arg, recursive=True)
        for path in paths:
            real = os.path.realpath(path)
            if _within(real, out) or os.path.isdir(real) and _within(out, real):
                parser.error(f"the output folder {folder} {'holds' if _within(real, out) else 'is inside'} "
                            f"the input {path}: its output would overwrite the input or be read back as input; "
                            "choose a folder outside the inputs")


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Read, clean and write everything the arguments name."""
    if not args.inputs and sys.stdin is not None and sys.stdin.isatty():
        print(f"{PROG}: reading a page from the terminal; end it with Ctrl-D (or name a FILE, see --help)",
              file=sys.stderr)
    stats = ReadStats()
    targets: dict[str, str] = {}
    sources = _plan(find_sources(args.inputs or ["-"], args.input_format, stats.skipped), args, targets, stats)
    first = list(islice(sources, 2))
    single = len(first) == 1 and first[0].fmt == "page" and not args.output
    if args.url and not single:
        parser.error("--url is the URL of one page; for many pages put URLs in the records and use --url-field")
    limits = Limits(page=args.max_page_size, record=args.max_record_size)
    records = read_records(chain(first, sources), Fields(args.field, args.id_field, args.url_field), stats, args.url,
                           limits)
    sink = make_sink(args, single, targets)
    def leave_nothing_half_done() -> None:  # on a second stop signal, just before the exit
        cut_partial_line()
        sink.discard()

    forget = on_hard_exit(leave_nothing_half_done)
    render = json_line if isinstance(sink, (JsonlSink, DirSink)) else None
    timeout = args.timeout if args.timeout is not None else None if single else DEFAULT_TIMEOUT
    tally = Tally()
    try:
        with progress_bar(enabled=not (single or args.quiet), output_on_stdout=not args.output) as bar:
            for record, result in _guarded(clean_records(records, args.jobs, timeout=timeout or None, render=render),
                                           render):
                # counted and written together: a stop between the two made the summary count a
                # line that was never written (CI, lowest pins: 15 counted, 14 lines out)
                with hold():
                    tally.add(result)
                    sink.write(record, result)
                bar.update()
    except (Interrupted, KeyboardInterrupt) as stop:
        _abandon(sink)
        return _interrupted(stop, None if args.quiet else tally.summary(stats, sink.written()))
    except BaseException:
        _abandon(sink)
        raise
    else:
        sink.close(complete=True)
    finally:
        forget()
    if not single and not args.quiet:
        print(tally.summary(stats, sink.written()), file=sys.stderr)
    elif single and tally.unrecognised:
        print(f"{PROG}: warning: {UNRECOGNISED}", file=sys.stderr)
    if not tally.docs and not stats.skipped.get(RESUMED):
        print(f"{PROG}: nothing to clean in {' '.join(args.inputs)}: name files of a known format, "
              "or pass --input-format", file=sys.stderr)
    return EXIT_OK if not tally.failed and (tally.docs or stats.skipped.get(RESUMED)) else EXIT_FAILED


RESUMED = "already cleaned (--resume)"


def _guarded(results: Iterator[tuple[Record, Any]], render: Callable[[Record, Result], Any] | None
             ) -> Iterator[tuple[Record, Any]]:
    """`results`, with an exception that nothing below caught (a bug) turned into one last
    `internal` error record: the lines already out stay, and the run ends with its summary
    rather than a traceback."""
    try:
        yield from results
    except (UsageError, PoolError, OutputError):
        raise
    except Exception as exc:  # noqa: BLE001 - reported as a record, counted, and the exit code says so
        record = Record("<input>", None)
        failure = Failure(record.id, f"internal error ({type(exc).__name__}: {exc}); the rest of the input was not "
                          "read; please report it", "internal")
        yield record, render(record, failure) if render else failure


def _abandon(sink: Sink) -> None:
    """Close the sink after an interruption or an error: no file is left that looks finished."""
    try:
        sink.close(complete=False)
    except OutputError:
        pass


def _interrupted(stop: BaseException, summary: str | None = None) -> int:
    signum = stop.signum if isinstance(stop, Interrupted) else signal.SIGINT
    if summary:
        _say(summary)
    _say(f"{PROG}: interrupted ({signal.Signals(signum).name}); every line written so far is complete")
    return 128 + signum


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass


def _plan(sources: Iterable[Source], args: argparse.Namespace, targets: dict[str, str],
          stats: ReadStats) -> Iterator[Source]:
    """Pass the sources on, deciding each one's output file (with --output) in input order;
    with --resume, pass over the ones whose output file is complete. Refuse an input that is
    the file stdout goes to, or that lies in the output folder."""
    taken: set[str] = set()
    out = os.path.realpath(args.output) if args.output else None
    stdout = _stdout_file()
    for source in sources:
        if source.path != "-" and not source.error:
            if stdout is not None and _same_file(source.path, stdout):
                raise UsageError(f"stdout is the input {source.path}: the output would overwrite it; "
                                 "write to another file")
            if out is not None and _within(os.path.realpath(source.path), out):
                raise UsageError(f"the output folder {args.output} holds the input {source.path}; "
                                 "choose a folder outside the inputs")
        if args.output:
            path = targets.setdefault(source.path, output_path(args.output, source.name or "stdin", taken))
            if args.resume and source.path != "-" and os.path.isfile(path):
                stats.skipped[RESUMED] += 1
                continue
        yield source


def _stdout_file() -> os.stat_result | None:
    try:
        st = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _same_file(path: str, st: os.stat_result) -> bool:
    try:
        return os.path.samestat(os.stat(path), st)
    except OSError:
        return False


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


__all__ = ["LineWriter", "Paint", "build_parser", "explain", "main", "run", "use_colour"]
