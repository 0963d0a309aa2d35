"""atheris harness over `clean()`: text renderings and HTML pages.

    python3 tests/fuzz/fuzz_clean.py text  [libFuzzer flags...]
    python3 tests/fuzz/fuzz_clean.py html  [libFuzzer flags...]

Use `tests/fuzz/run.py --minutes N` (or `make fuzz MINUTES=N`) rather than calling this
directly: it splits the time between both targets, seeds them with `samples/` and turns every
crash into a replayable file in `tests/regressions/`.

A crash is any exception other than `KontanCleanError` (or `TypeError`, which `str`/`bytes`
input must never raise either, so it counts too), an `Article` that breaks its own invariants,
or a hang (libFuzzer's `-timeout`). `make_input(target, data)` turns the fuzzer's bytes into
the exact `str`/`bytes` given to `clean()`, so a crash can be stored as the real input.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run from a checkout without `pip install -e .`
sys.path.insert(0, str(ROOT / "tests"))

from boilerplate import FRAGMENTS as TEXT_PIECES  # noqa: E402  (pieces of real kontan pages)

with atheris.instrument_imports(include=["kontan_clean"]):
    import kontan_clean
    from kontan_clean import Article, KontanCleanError, clean

    # The library imports some readers lazily: import every module now, so it is instrumented.
    for _module in pkgutil.walk_packages(kontan_clean.__path__, "kontan_clean."):
        try:
            importlib.import_module(_module.name)
        except ImportError:  # optional extras (datatrove, batch) that are not installed
            pass

HTML_TAGS = ("p", "div", "span", "h1", "h2", "li", "ul", "table", "tr", "td", "a", "b", "strong", "br",
             "script", "style", "figure", "figcaption", "section", "article", "amp-ad", "iframe", "font")
HTML_ATTRS = (
    'itemprop="articleBody"', 'class="tmpt-desk-kon"', 'class="ctn"', 'class="amp-article-body"',
    'class="detail-desk"', 'class="fs14 ff-opensans font-gray"', 'class="track-bacajuga-inside" href="/x"',
    'class="track-gnews"', 'class="track-selanjutnya"', 'class="pagination"', 'class="indikator"',
    'class="breadcumb fs18"', 'class="img-detail-desk"', 'class="fs12"', 'class="ads"', 'd-widget',
    'id="share-it"', 'href="https://www.kontan.co.id/tag/emas"', 'href="?page=2"', 'href="?page=all"',
    'class="active"', 'class="fs13 color-gray mar-t-10"', "",
)
HEAD_PIECES = (
    '<meta charset="windows-1252">', '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    '<meta charset="shift_jis">', '<meta charset="x-unknown">', '<meta property="og:title" content="Judul">',
    '<meta name="content_PublishedDate" content="2024-10-28 20:19:00">', '<meta property="article:published_time" content="2024-10-28T13:19:00Z">',
    '<meta property="article:published_time" content="nonsense">', '<link rel="canonical" href="https://nasional.kontan.co.id/news/x">',
    '<title>Judul - Kontan.co.id</title>', '<script type="application/ld+json">{"datePublished": "2024-10-28T20:19:00+07:00"}</script>',
    '<script type="application/ld+json">[{"datePublished": 5}]</script>', '<script type="application/ld+json">{bad</script>',
)


def _fragment(fdp: atheris.FuzzedDataProvider, pieces: tuple[str, ...]) -> str:
    """A known piece of a page, or a few characters of the fuzzer's own."""
    if fdp.ConsumeBool():
        return fdp.PickValueInList(list(pieces))
    return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 40))


def make_text(fdp: atheris.FuzzedDataProvider) -> str | bytes:
    """A text rendering: kontan pieces and fuzz joined by newlines (line form) or spaces
    (flattened), sometimes as raw bytes or raw unicode."""
    mode = fdp.ConsumeIntInRange(0, 3)
    if mode == 0:
        return fdp.ConsumeUnicode(fdp.remaining_bytes())
    if mode == 1:
        return fdp.ConsumeBytes(fdp.remaining_bytes())
    sep = "\n" if mode == 2 else " "
    parts = [_fragment(fdp, TEXT_PIECES) for _ in range(fdp.ConsumeIntInRange(0, 60))]
    text = sep.join(parts)
    return text.encode("utf-8", "surrogatepass") if fdp.ConsumeBool() else text


def _element(fdp: atheris.FuzzedDataProvider, depth: int) -> str:
    tag = fdp.PickValueInList(list(HTML_TAGS))
    attr = fdp.PickValueInList(list(HTML_ATTRS))
    inner = "".join(
        _element(fdp, depth + 1) if depth < 6 and fdp.ConsumeProbability() < 0.4 else _fragment(fdp, TEXT_PIECES)
        for _ in range(fdp.ConsumeIntInRange(0, 5))
    )
    close = f"</{tag}>" if fdp.ConsumeProbability() < 0.9 else ""  # unclosed tags are common
    return f"<{tag} {attr}>{inner}{close}"


SAMPLE_PAGES = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "samples" / "html").glob("*.html"))]


def splice_sample(fdp: atheris.FuzzedDataProvider) -> str:
    """A real sample page with fuzzed elements and text spliced in at fuzzed places, and
    sometimes a stretch cut out: reaches the body, window and pagination code."""
    page = fdp.PickValueInList(SAMPLE_PAGES)
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        at = fdp.ConsumeIntInRange(0, len(page))
        piece = _element(fdp, 3) if fdp.ConsumeBool() else _fragment(fdp, TEXT_PIECES)
        cut = fdp.ConsumeIntInRange(0, 200) if fdp.ConsumeProbability() < 0.3 else 0
        page = page[:at] + piece + page[at + cut:]
    return page


def make_html(fdp: atheris.FuzzedDataProvider) -> str | bytes:
    """An HTML page built from kontan's selectors and the fuzzer's text, or a real sample
    page with fuzz spliced in; sometimes truncated, sometimes bytes in a declared (and
    possibly wrong) encoding; or raw bytes after `<html>`."""
    mode = fdp.ConsumeIntInRange(0, 4)
    if mode == 0:
        return b"<html>" + fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 1:
        page = splice_sample(fdp)
        return page if fdp.ConsumeBool() else page.encode("utf-8", "surrogatepass")
    head = "".join(fdp.PickValueInList(list(HEAD_PIECES)) for _ in range(fdp.ConsumeIntInRange(0, 4)))
    body = "".join(_element(fdp, 0) for _ in range(fdp.ConsumeIntInRange(0, 8)))
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    if fdp.ConsumeBool():
        page = page[: fdp.ConsumeIntInRange(0, len(page))]
    if not fdp.ConsumeBool():
        return page
    encoding = fdp.PickValueInList(["utf-8", "cp1252", "utf-16", "latin-1", "shift_jis"])
    return page.encode(encoding, "replace") if encoding != "utf-8" else page.encode("utf-8", "surrogatepass")


def make_records(fdp: atheris.FuzzedDataProvider) -> bytes:
    """The bytes of an input file for the readers (WARC, JSONL, CSV, gzip'ed or not)."""
    return fdp.ConsumeBytes(fdp.remaining_bytes())


TARGETS = {"text": make_text, "html": make_html, "records": make_records}
READ_AS = ("warc", "jsonl", "csv", "page")
"""The `records` target reads each input as every one of these formats."""
VERBATIM = b"\x00"
"""A first byte that hands the rest of the data to `clean()` as it is: the seeds are the
samples behind this byte, so libFuzzer mutates real pages (with the kontan dictionary)
rather than the builders' choices."""
MAX_SLOW = 10
SLOW_SECONDS = 1.0
"""CPU seconds one input (at most 64 KB) may take before it is stored as slow: a normal
page of that size takes a few hundredths, so this catches super-linear work long before
libFuzzer's `-timeout` would."""


def make_input(target: str, data: bytes) -> str | bytes:
    """The exact input `clean()` is given for the fuzzer's `data` on `target`."""
    if data.startswith(VERBATIM):
        return data[len(VERBATIM):]
    return TARGETS[target](atheris.FuzzedDataProvider(data))


def check_records(data: bytes) -> None:
    """Read `data` as a file of each format; raise if a reader raises (a `UsageError` for
    a missing field aside) or gives a record that is neither a page nor a known error."""
    from kontan_clean.batch import FAILURE_KINDS
    from kontan_clean.inputs import Limits, Source, UsageError, read_source

    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"kontan-fuzz-{os.getpid()}.bin"
    path.write_bytes(data)
    limits = Limits(page=1 << 16, record=1 << 17, holdback=1 << 14)
    for fmt in READ_AS:
        try:
            for record in read_source(Source(str(path), fmt), limits=limits):
                if (record.page is None) == (record.error is None) or record.error_kind not in FAILURE_KINDS:
                    raise AssertionError(f"{fmt}: a record that is neither a page nor a known error: {record!r:.200}")
        except UsageError:
            pass


def check(page: str | bytes) -> None:
    """Clean `page`; raise if the outcome breaks the library's contract."""
    try:
        article = clean(page)
    except KontanCleanError:
        return
    if not isinstance(article, Article):
        raise AssertionError(f"clean() returned {type(article).__name__}")
    if article.text != "\n\n".join(article.paragraphs) or not article.text.strip():
        raise AssertionError("Article.text is empty or is not its paragraphs joined by blank lines")


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame in kontan_clean: one per distinct bug."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "kontan_clean" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "outside kontan_clean"
    return f"{type(exc).__name__} in {where}"


def _cpu_time(target: str, data: bytes) -> float:
    started = time.process_time()
    try:
        (check_records if target == "records" else check)(make_input(target, data))  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - only the time matters here
        pass
    return time.process_time() - started


def collecting(target: str, out: Path):
    """A test-one-input function that stores the first input of each distinct crash in `out`
    and carries on fuzzing (libFuzzer's own `-fork` mode does not work under atheris)."""
    slow_found = 0

    def one_input(data: bytes) -> None:
        nonlocal slow_found
        started = time.process_time()
        try:
            (check_records if target == "records" else check)(make_input(target, data))  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - every escape is a finding
            sig = signature(exc)
            name = "crash-" + hashlib.sha1(sig.encode()).hexdigest()[:12]
            if not (out / name).exists():
                (out / name).write_bytes(data)
                (out / f"{name}.log").write_text(sig + "\n\n" + traceback.format_exc(), encoding="utf-8")
                print(f"\n[fuzz] new crash: {sig}", flush=True)
        spent = time.process_time() - started
        if spent > SLOW_SECONDS and slow_found < MAX_SLOW:
            spent = _cpu_time(target, data)  # again: the first call pays for lazy imports
        if spent > SLOW_SECONDS and slow_found < MAX_SLOW:
            slow_found += 1
            name = "slow-" + hashlib.sha1(data).hexdigest()[:12]
            (out / name).write_bytes(data)
            (out / f"{name}.log").write_text(f"slow: {spent:.1f} s CPU for {len(data)} bytes\n", encoding="utf-8")
            print(f"\n[fuzz] slow input: {spent:.1f} s CPU", flush=True)
    return one_input


def main() -> None:
    """Entry point: the first argument names the target, the rest go to libFuzzer.

    With `KONTAN_FUZZ_COLLECT=<dir>` crashes are collected there and fuzzing goes on;
    otherwise the first crash stops libFuzzer, as usual.
    """
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {Path(__file__).name} {{{'|'.join(TARGETS)}}} [libFuzzer flags]")
    target = sys.argv.pop(1)
    collect = os.environ.get("KONTAN_FUZZ_COLLECT")
    checker = check_records if target == "records" else check
    one_input = collecting(target, Path(collect)) if collect else (lambda data: checker(make_input(target, data)))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
