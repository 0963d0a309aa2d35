"""Batch cleaning: many pages in, results out in input order, one failure never stops the run.

>>> for result in clean_many(pages, jobs=4):            # doctest: +SKIP
...     print(result.text if isinstance(result, Article) else result.error)
"""

from __future__ import annotations

import json
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Generator, Iterable, Iterator, Union

from .api import clean
from .article import Article
from .errors import DecodeError, DependencyError, EmptyInputError, KontanCleanError, NoArticleError
from .pipeline import Pipeline

Page = Union[str, bytes]
Result = Union[Article, "Failure"]

CHUNK = 64
"""Records per task sent to a worker process: big enough to amortise the pickling."""


@dataclass(slots=True, frozen=True)
class Record:
    """One page to clean, with the id and URL to carry through to its result."""

    id: Any
    """Whatever identifies the page to you (a path, `file:line`, a WARC record id)."""
    page: Page | None
    url: str | None = None
    source: str | None = None
    """The input the record was read from (a file path), for routing output."""
    error: str | None = None
    """Set by a reader that could not produce the page (unreadable file, bad JSON line):
    the record then becomes a `Failure` of kind `error_kind` without being cleaned."""
    error_kind: str = "input"
    """The `Failure.kind` for a reader's `error`: `input`, `too_large`, `truncated`, `corrupt`."""


@dataclass(slots=True, frozen=True)
class Failure:
    """The result in place of a page that could not be cleaned."""

    id: Any
    error: str
    """A short message saying what went wrong and, where it can, what to do."""
    kind: str
    """One of `FAILURE_KINDS`."""
    url: str | None = None
    """The URL the input gave for the page, if any."""
    source: str | None = None
    """The input the record was read from, if any."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON error record: `{"id", "url", "source", "error", "kind"}`."""
        return {"id": self.id, "url": self.url, "source": self.source, "error": self.error, "kind": self.kind}


FAILURE_KINDS: dict[str, str] = {
    "no_article": "the page was read but holds no article text",
    "empty": "the input is empty",
    "decode": "bytes that no encoding turns into text",
    "input": "the input could not be read or had the wrong type",
    "invalid": "another library error",
    "dependency": "an optional package the page needs is missing or broken",
    "timeout": "cleaning the page took longer than the time budget",
    "crashed": "the worker process cleaning the page died (killed, out of memory, a crash)",
    "too_large": "the page or record is over a size limit",
    "truncated": "the record is cut short or its stated length does not match",
    "corrupt": "the input is damaged (a bad gzip member, a failed CRC check)",
    "internal": "a bug in kontan_clean: please report it with the page",
}
"""Every `Failure.kind`, with what it means."""


def as_record(item: Any, index: int) -> Record:
    """A `Record` for one item of `clean_many`'s input: a page, an `(id, page[, url])`
    tuple or a `Record`. A bare page gets its position in the input as id."""
    if isinstance(item, Record):
        return item
    if isinstance(item, (str, bytes, bytearray)):
        return Record(index, bytes(item) if isinstance(item, bytearray) else item)
    if isinstance(item, tuple) and len(item) in (2, 3):
        return Record(*item)
    return Record(index, None, error=f"item {index} is a {type(item).__name__}: pass a page (str or bytes) "
                                     "or an (id, page[, url]) tuple")


def clean_one(record: Record, pipeline: Pipeline | None = None) -> Result:
    """Clean one record; a library or input error becomes a `Failure`, and so does any
    other exception (kind `internal`) so that one bad page cannot end a long run."""
    if record.error is not None:
        return Failure(record.id, record.error, record.error_kind, record.url, record.source)
    try:
        return clean(record.page, record.url, pipeline=pipeline)  # type: ignore[arg-type]
    except (KontanCleanError, TypeError, UnicodeError) as exc:
        return Failure(record.id, str(exc), _kind(exc), record.url, record.source)
    except Exception as exc:  # noqa: BLE001 - the run goes on; the failure is reported and counted
        return Failure(record.id, f"internal error ({type(exc).__name__}: {exc}); please report it with the page",
                       "internal", record.url, record.source)


def _kind(exc: Exception) -> str:
    for cls, kind in ((NoArticleError, "no_article"), (EmptyInputError, "empty"), (DecodeError, "decode"),
                      (DependencyError, "dependency"), (KontanCleanError, "invalid")):
        if isinstance(exc, cls):
            return kind
    return "input"


def clean_records(items: Iterable[Any], jobs: int = 1, *, pipeline: Pipeline | None = None,
                  chunk: int = CHUNK) -> Iterator[tuple[Record, Result]]:
    """`clean_many`, with each result paired with the `Record` it came from."""
    records = (as_record(item, i) for i, item in enumerate(items))
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        for record in records:
            yield record, clean_one(record, pipeline)
        return
    yield from _pooled(records, jobs, pipeline, max(1, chunk))


def clean_many(items: Iterable[Any], jobs: int = 1, *, pipeline: Pipeline | None = None,
               chunk: int = CHUNK) -> Iterator[Result]:
    """Clean many pages, yielding in input order an `Article` or, in place of a page that
    failed, a `Failure`.

    `items` holds pages (`str`/`bytes`) or `(id, page[, url])` tuples or `Record`s; it is read
    lazily. `jobs` > 1 cleans in that many worker processes (0: one per CPU) while holding at
    most `2 * jobs` chunks of `chunk` records in flight, so memory stays flat on any input.
    The results are the same whatever `jobs` is.
    """
    for _, result in clean_records(items, jobs, pipeline=pipeline, chunk=chunk):
        yield result


# Worker side: the pipeline is handed over once per process, not once per chunk.
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(pipeline: Pipeline | None) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline
    # Ctrl-C reaches the whole process group: let the parent alone decide, so workers do
    # not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _clean_chunk(records: list[Record]) -> list[Result]:
    return [clean_one(r, _WORKER_PIPELINE) for r in records]


def _pooled(records: Iterator[Record], jobs: int, pipeline: Pipeline | None,
            chunk: int) -> Iterator[tuple[Record, Result]]:
    # Not Pool.imap: its feeder thread reads the whole input ahead. Here at most 2 * jobs
    # chunks are pending, and the next chunk is read only when the oldest one is done.
    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(pipeline,))

    pool = new_pool()
    pending: deque[tuple[list[Record], Future]] = deque()
    chunks = iter(lambda: list(islice(records, chunk)), [])
    finished = False
    try:
        for batch in chunks:
            pending.append((batch, _submit(pool, batch)))
            if len(pending) >= 2 * jobs:
                pool = yield from _drain_one(pending, pool, new_pool)
        while pending:
            pool = yield from _drain_one(pending, pool, new_pool)
        finished = True
    finally:
        # Stopped early (Ctrl-C, the consumer gave up): do not wait for the chunks in flight.
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _submit(pool: ProcessPoolExecutor, batch: list[Record]) -> Future:
    """The chunk's future; a pool a worker has just broken gives a failed one, handled
    where the results are collected."""
    try:
        return pool.submit(_clean_chunk, batch)
    except BrokenProcessPool as exc:
        future: Future = Future()
        future.set_exception(exc)
        return future


def _drain_one(pending: deque, pool: ProcessPoolExecutor, new_pool: Callable[[], ProcessPoolExecutor],
               ) -> Generator[tuple[Record, Result], None, ProcessPoolExecutor]:
    """Yield the oldest chunk's results; returns the pool to go on with (a new one if a
    worker died, with the other pending chunks sent to it)."""
    batch, future = pending.popleft()
    try:
        results = future.result()
    except BrokenProcessPool:
        # A worker died (out of memory, a crash in a C extension) and took every pending chunk
        # with it. Retrying this chunk alone fails only the chunk that kills a worker.
        pool, results = _retry_alone(batch, pool, new_pool)
        for i, (other, _) in enumerate(pending):
            pending[i] = (other, _submit(pool, other))
    except Exception as exc:  # noqa: BLE001 - e.g. a record that cannot be pickled
        results = _failed(batch, f"internal error ({type(exc).__name__}: {exc}); please report it")
    yield from zip(batch, results)
    return pool


def _retry_alone(batch: list[Record], broken: ProcessPoolExecutor,
                 new_pool) -> tuple[ProcessPoolExecutor, list[Result]]:
    broken.shutdown(wait=False, cancel_futures=True)
    pool = new_pool()
    try:
        return pool, _submit(pool, batch).result()
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        return new_pool(), _failed(batch, "a worker process died while cleaning this chunk of pages "
                                          "(out of memory?); clean them with jobs=1 to find the page")


def _failed(batch: list[Record], message: str) -> list[Result]:
    return [Failure(r.id, message, "internal", r.url, r.source) for r in batch]


def article_metadata(article: Article) -> dict[str, Any]:
    """The article's metadata as JSON-able values: `to_dict()` without the body, and the
    removals summed per filter (`removed_by_filter`) instead of listed."""
    d = article.to_dict()
    for key in ("text", "paragraphs", "removed"):
        d.pop(key, None)
    counts: dict[str, int] = {}
    for r in article.removed:
        counts[r.filter] = counts.get(r.filter, 0) + 1
    d["removed_by_filter"] = counts
    return d


def clean_batch(batch: dict[str, list], field: str = "text", url_field: str | None = None) -> dict[str, list]:
    """Hugging Face `datasets.map(clean_batch, batched=True, ...)`: clean the pages in column
    `field` into these columns, every value a string so that Arrow types never change
    between batches: `text` (the clean body, `""` on failure), `error` (`""` on success),
    `title`, `published` (ISO 8601), `url`, `category` (`""` when unknown) and `metadata`
    (all of `article_metadata()` as a JSON string).
    """
    pages = batch[field]
    urls = batch[url_field] if url_field else [None] * len(pages)
    out: dict[str, list] = {k: [] for k in ("text", "error", "title", "published", "url", "category", "metadata")}
    for page, url in zip(pages, urls):
        result = clean_one(Record(None, page, url))
        if isinstance(result, Failure):
            values = {"error": result.error}
        else:
            meta = article_metadata(result)
            values = {"text": result.text, "title": meta["title"], "published": meta["published"],
                      "url": meta["url"], "category": meta["category"],
                      "metadata": json.dumps(meta, ensure_ascii=False)}
        for key, column in out.items():
            column.append(values.get(key) or "")
    return out


__all__ = ["CHUNK", "FAILURE_KINDS", "Failure", "Record", "Result", "article_metadata", "as_record", "clean_batch", "clean_many",
           "clean_one", "clean_records"]
