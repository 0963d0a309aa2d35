"""Batch cleaning: many pages in, results out in input order, one failure never stops the run.

>>> for result in clean_many(pages, jobs=4):            # doctest: +SKIP
...     print(result.text if isinstance(result, Article) else result.error)
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Callable, Iterable, Iterator, Union

from .api import clean
from .article import Article
from .errors import DecodeError, DependencyError, EmptyInputError, KontanCleanError, NoArticleError, TooLargeError
from .pipeline import Pipeline
from .pool import Pool, can_fork

Page = Union[str, bytes]
Result = Union[Article, "Failure"]

CHUNK = 16
"""Records sent to a worker process at a time (each result comes back on its own)."""

DEFAULT_TIMEOUT = 30.0
"""The batch time budget per page, in seconds: a hundred times what a hostile page takes
once it is handled, and thousands of times a normal page (a few milliseconds)."""


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

    def __reduce__(self) -> tuple:
        # Records cross to the worker processes: a plain tuple of the fields pickles 5x faster
        # than the dataclass default (the parent's time per record is what limits --jobs).
        return Record, _record_fields(self)


_record_fields = attrgetter(*Record.__slots__)


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
                      (TooLargeError, "too_large"), (DependencyError, "dependency"), (KontanCleanError, "invalid")):
        if isinstance(exc, cls):
            return kind
    return "input"


def clean_records(items: Iterable[Any], jobs: int = 1, *, pipeline: Pipeline | None = None,
                  chunk: int = CHUNK, timeout: float | None = DEFAULT_TIMEOUT,
                  render: Callable[[Record, Result], Any] | None = None) -> Iterator[tuple[Record, Any]]:
    """`clean_many`, with each result paired with the `Record` it came from.

    `render(record, result)`, when given, is applied where the page is cleaned (in the
    worker) and its return value is yielded in place of the result: a caller that wants the
    output line gets it ready-made, and only that crosses the process boundary.
    """
    records = (as_record(item, i) for i, item in enumerate(items))
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 and not timeout or not can_fork():
        for record in records:
            result = clean_one(record, pipeline)
            yield record, render(record, result) if render else result
        return

    def work(record: Record) -> Any:
        result = clean_one(record, pipeline)
        return render(record, result) if render else result

    def lost(record: Record, kind: str, why: str) -> Any:
        failure = Failure(record.id, why, kind, record.url, record.source)
        return render(record, failure) if render else failure

    yield from Pool(jobs, work, lost, timeout=timeout, chunk=chunk).run(records)


def clean_many(items: Iterable[Any], jobs: int = 1, *, pipeline: Pipeline | None = None,
               chunk: int = CHUNK, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Result]:
    """Clean many pages, yielding in input order an `Article` or, in place of a page that
    failed, a `Failure`.

    `items` holds pages (`str`/`bytes`) or `(id, page[, url])` tuples or `Record`s; it is read
    lazily. Pages are cleaned in `jobs` worker processes (0: one per CPU), each sent `chunk`
    records at a time, with at most `2 * jobs * chunk` records read ahead, so memory stays
    flat on any input. The results are the same whatever `jobs` is.

    `timeout` is the time budget per page in seconds: a page over it has its worker killed
    and becomes a `Failure` of kind `timeout`; a worker that dies (out of memory, a crash in
    a C extension, SIGKILL) costs only the page it was on (kind `crashed`). The worker is
    replaced and the run goes on. `timeout=None` with `jobs=1` cleans in this process, with
    no budget and no protection from a crash. Worker processes are used on Linux only (see
    `kontan_clean.pool`); on other platforms everything runs in this process.
    """
    for _, result in clean_records(items, jobs, pipeline=pipeline, chunk=chunk, timeout=timeout):
        yield result


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


def clean_batch(batch: dict[str, list], field: str = "text", url_field: str | None = None, *,
                timeout: float | None = DEFAULT_TIMEOUT, pipeline: Pipeline | None = None) -> dict[str, list]:
    """Hugging Face `datasets.map(clean_batch, batched=True, ...)`: clean the pages in column
    `field` into these columns, every value a string so that Arrow types never change
    between batches: `text` (the clean body, `""` on failure), `error` (`""` on success),
    `kind` (the failure kind, `""` on success), `title`, `published` (ISO 8601), `url`,
    `category` (`""` when unknown) and `metadata` (all of `article_metadata()` as a JSON
    string). `timeout` is the budget per page, as in `clean_many`.
    """
    pages = batch[field]
    urls = batch[url_field] if url_field else [None] * len(pages)
    out: dict[str, list] = {k: [] for k in ("text", "error", "kind", "title", "published", "url", "category",
                                            "metadata")}
    records = (Record(None, page, url) for page, url in zip(pages, urls))
    for _, result in clean_records(records, 1, pipeline=pipeline, timeout=timeout):
        if isinstance(result, Failure):
            values = {"error": result.error, "kind": result.kind}
        else:
            meta = article_metadata(result)
            values = {"text": result.text, "title": meta["title"], "published": meta["published"],
                      "url": meta["url"], "category": meta["category"],
                      "metadata": json.dumps(meta, ensure_ascii=False)}
        for key, column in out.items():
            column.append(values.get(key) or "")
    return out


__all__ = ["CHUNK", "DEFAULT_TIMEOUT", "FAILURE_KINDS", "Failure", "Record", "Result", "article_metadata", "as_record", "clean_batch", "clean_many",
           "clean_one", "clean_records"]
