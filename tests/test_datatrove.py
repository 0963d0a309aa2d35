"""The datatrove steps in a real `LocalPipelineExecutor` run: reader -> kontan step -> writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import need  # noqa: E402

need("datatrove", "datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from kontan_clean import clean  # noqa: E402
from kontan_clean.integrations.datatrove import KontanExtractor, KontanMetadataExtractor  # noqa: E402
from conftest import SAMPLES  # noqa: E402

URL = "https://keuangan.kontan.co.id/news/contoh"


def _pages() -> list[tuple[str, str]]:
    """(id, page) for text samples and UTF-8 HTML samples, as a JSONL corpus holds them."""
    text = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SAMPLES / "text").glob("*.txt"))[:6]]
    html = [(p.stem, p.read_text(encoding="utf-8")) for p in (SAMPLES / "html" / "desktop_2024.html",
                                                             SAMPLES / "html" / "amp.html")]
    return text + html


def _run(tmp_path: Path, step) -> list[dict]:
    pages = _pages() + [("placeholder", "Konten tidak ditemukan")]
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "pages.jsonl", "w", encoding="utf-8") as f:
        for pid, page in pages:
            f.write(json.dumps({"id": pid, "text": page, "url": URL}) + "\n")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), step, JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    [out] = (tmp_path / "out").glob("*.jsonl")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_the_extractor_replaces_text_with_the_clean_text(tmp_path: Path) -> None:
    docs = _run(tmp_path, KontanExtractor())
    pages = _pages()
    assert [d["id"] for d in docs] == [pid for pid, _ in pages]  # the placeholder is dropped
    assert [d["text"] for d in docs] == [clean(page, URL).text for _, page in pages]
    assert docs[0]["metadata"]["url"] == URL and "title" not in docs[0]["metadata"]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    [step] = [s for s in stats if "Kontan" in s["name"]]
    assert step["stats"]["forwarded"] == len(pages) and step["stats"]["no_article"] == 1


def test_the_metadata_step_adds_json_metadata(tmp_path: Path) -> None:
    docs = _run(tmp_path, KontanMetadataExtractor())
    by_id = {d["id"]: d for d in docs}
    page = (SAMPLES / "html" / "desktop_2024.html").read_text(encoding="utf-8")
    article = clean(page, URL)
    meta = by_id["desktop_2024"]["metadata"]
    assert by_id["desktop_2024"]["text"] == article.text
    assert meta["title"] == article.title and meta["published"] == "2024-10-28T20:19:00+07:00"
    assert meta["reporters"] == article.reporters and meta["related"][0]["kind"] == "baca_juga"
    assert meta["url"] == URL and meta["canonical_url"] == article.url != URL
    assert sum(meta["removed_by_filter"].values()) == len(article.removed)


def test_a_warc_through_datatrove(tmp_path: Path) -> None:
    need("cchardet", "faust-cchardet (datatrove's WarcReader needs it)")
    need("magic", "python-magic (datatrove's WarcReader needs it, and the system libmagic)")
    from datatrove.pipeline.readers import WarcReader
    from test_inputs import sample_warc

    (tmp_path / "in").mkdir()
    _, expected = sample_warc(tmp_path / "in" / "crawl.warc.gz")
    LocalPipelineExecutor(pipeline=[WarcReader(str(tmp_path / "in")), KontanExtractor(),
                                    JsonlWriter(str(tmp_path / "out"), compression=None)],
                          tasks=1, logging_dir=str(tmp_path / "logs")).run()
    [out] = (tmp_path / "out").glob("*.jsonl")
    docs = {d["metadata"]["url"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    # datatrove keeps every HTML response, whatever its status: the 404 page comes through too.
    assert sorted(docs) == sorted([url for _, url, _ in expected] + ["https://www.kontan.co.id/gone"])
    assert [docs[url]["text"] for _, url, _ in expected] == [clean(page, url).text for _, url, page in expected]
