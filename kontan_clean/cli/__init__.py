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
import os
import sys
from itertools import chain, islice
from typing import Iterable, Iterator, TextIO

from .. import __version__
from ..batch import clean_records
from ..inputs import FORMATS, Fields, Limits, ReadStats, Source, UsageError, find_sources, parse_size, read_records
from ..readers.fallback import FALLBACK_LIMIT_VAR
from .common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, PROG
from .explain import Paint, explain, use_colour
from .progress import Tally, progress_bar
from .writing import LineWriter, make_sink


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
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _check_usage(parser, args)
    _utf8(sys.stdout)
    if args.max_fallback_size is not None:  # read in the worker processes too
        os.environ[FALLBACK_LIMIT_VAR] = str(args.max_fallback_size)
    try:
        return run(args, parser)
    except UsageError as exc:
        parser.error(str(exc))
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
    limits = Limits(page=args.max_page_size, record=args.max_record_size)
    records = read_records(chain(first, sources), Fields(args.field, args.id_field, args.url_field), stats, args.url,
                           limits)
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
