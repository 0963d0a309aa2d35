"""datatrove pipeline steps: kontan pages in, clean article text (and metadata) out.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from kontan_clean.integrations.datatrove import KontanMetadataExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/", glob_pattern="*.warc.gz"),
        KontanMetadataExtractor(),
        JsonlWriter("clean/"),  # or ParquetWriter("clean/", schema=parquet_schema())
    ], tasks=4).run()

Like datatrove's own extractors, cleaning runs in a sandbox process with a per-document
timeout. A page without an article (or empty, or undecodable) is dropped and counted in the
step's stats under its failure kind (`no_article`, `empty`, ...).
"""

from __future__ import annotations

from typing import Any, Mapping

from ..errors import DependencyError

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except Exception as exc:  # noqa: BLE001 - missing, or broken (a dependency of its own fails)
    raise DependencyError("datatrove", "pip install 'kontan-clean[datatrove]'", exc) from exc

from ..batch import Failure, Record, article_metadata, clean_one
from ..pipeline import Pipeline
from ..schema import arrow_type, article_fields

Outcome = tuple[str, dict[str, Any], str | None]
"""(clean text, metadata, failure kind or None) as sent back by the sandbox process."""

WARMUP_PAGE = ("<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
               "<p>A page in no kontan layout, cleaned once when the sandbox process starts.</p>"
               "<p>It goes to the trafilatura fallback, so that its start-up is not charged "
               "to the first real page's time budget.</p></article></body></html>")
"""The sandbox's warm-up page: it runs the HTML reader and starts trafilatura."""


class KontanExtractor(BaseExtractor):
    """Replace each document's text (a kontan page: HTML or a text rendering) with the clean
    article text. The document's `metadata["url"]`, when there, is passed on to `clean()`.

    Args:
        timeout: seconds allowed per document before it is skipped (stat `timeout`).
        pipeline: a custom `kontan_clean.Pipeline` (default: the standard one).
    """

    name = "📰 Kontan"
    with_metadata = False
    _warned_error: bool  # set by BaseExtractor.__init__

    def __init__(self, timeout: float = 5, pipeline: Pipeline | None = None) -> None:
        super().__init__(timeout)
        self.pipeline = pipeline

    def extract(self, text: str, url: str | None = None) -> str:
        """The clean text of one page, or `""` when it holds no article."""
        return self.clean_page(text, url)[0]

    def clean_page(self, text: str, url: str | None = None) -> Outcome:
        """Clean one page; never raises (a failure comes back as its kind)."""
        result = clean_one(Record(None, text, url), self.pipeline)
        if isinstance(result, Failure):
            return "", {"error": result.error}, result.kind
        return result.text, article_metadata(result) if self.with_metadata else {}, None

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean every document; forward the ones that hold an article."""
        with ExtractorSandbox(timeout=self.timeout, warmup_text=(WARMUP_PAGE, None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    try:
                        text, meta, failed = sandbox.process_document((doc.text, doc.metadata.get("url")),
                                                                      self.clean_page)
                    except TimeoutError:
                        self.stat_update("timeout")
                        continue
                    except EOFError:  # the sandbox process died; the next document gets a new one
                        self.stat_update("broken_process")
                        continue
                if failed:
                    self._count_failure(failed, meta["error"])
                    continue
                doc.text = text
                if self.with_metadata:
                    self._merge(doc.metadata, meta)
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc

    def _count_failure(self, kind: str, error: str) -> None:
        self.stat_update(kind, StatHints.dropped)
        if kind in ("internal", "dependency") and not self._warned_error:
            logger.warning(f"kontan_clean: {error} (shown once)")
            self._warned_error = True

    @staticmethod
    def _merge(metadata: dict[str, Any], meta: dict[str, Any]) -> None:
        # The reader's url (the crawled one) stays; a different canonical URL goes beside it.
        # Every key is always set, so that every document's metadata has the same columns.
        url = meta.pop("url", None)
        metadata.setdefault("url", None)
        meta["canonical_url"] = url if url and url != metadata["url"] else None
        metadata.update(meta)


class KontanMetadataExtractor(KontanExtractor):
    """`KontanExtractor` that also puts the article's metadata into `doc.metadata`, all of it
    JSON-able, with the same keys for every document: `Article.to_dict()` without `text`,
    `paragraphs` and `removed` (see `kontan_clean/output.schema.json`), `removed_by_filter`
    (counts) and `canonical_url` (the page's URL when it differs from `metadata["url"]`, else
    None). For datatrove's `ParquetWriter` pass `schema=parquet_schema()`."""

    name = "📰 Kontan + metadata"
    with_metadata = True


METADATA_DROPPED = ("text", "paragraphs", "removed")
"""`Article.to_dict()` keys the metadata step leaves out (the text is the document's own)."""


def parquet_schema(reader_metadata: Mapping[str, Any] | None = None) -> Any:
    """The `pyarrow.Schema` of the documents `KontanMetadataExtractor` forwards, for
    `ParquetWriter(..., schema=parquet_schema())`: datatrove otherwise takes the schema
    from the first document, and a later one with a byline where the first had none (a
    null) breaks the file. Columns: `text`, `id`, and `metadata` (the reader's `url`, the
    article's metadata, `canonical_url`, `removed_by_filter`). `reader_metadata` adds
    other reader fields by name and pyarrow type (`{"date": pa.string()}`); a reader field
    the schema does not name is not written."""
    import pyarrow as pa

    fields = [("url", pa.string()), *((k, pa_type) for k, pa_type in (reader_metadata or {}).items() if k != "url")]
    fields += [(k, arrow_type(node)) for k, node in article_fields().items() if k not in METADATA_DROPPED + ("url",)]
    fields += [("canonical_url", pa.string()), ("removed_by_filter", pa.map_(pa.string(), pa.int64()))]
    return pa.schema([("text", pa.string()), ("id", pa.string()), ("metadata", pa.struct(fields))])


__all__ = ["KontanExtractor", "KontanMetadataExtractor", "parquet_schema"]
