"""`clean_many`: input order, a failure in place of each bad page, the same results with any
number of worker processes, and memory that stays flat (bounded read-ahead)."""

from __future__ import annotations

import json
import os
import pickle
import sys

import pytest

from kontan_clean import Article, Pipeline, clean
from kontan_clean.batch import Failure, Record, article_metadata, clean_batch, clean_many, clean_records
from conftest import SAMPLES

TEXT_PAGES = sorted((SAMPLES / "text").glob("*.txt"))
HTML_PAGES = sorted((SAMPLES / "html").glob("*.html"))


def pages() -> list[str | bytes]:
    """Every sample page: text renderings as str, HTML as bytes."""
    return [p.read_text(encoding="utf-8") for p in TEXT_PAGES] + [p.read_bytes() for p in HTML_PAGES]


def as_json(result: Article | Failure) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=True)


def test_pages_come_back_in_order_as_clean_gives_them() -> None:
    got = list(clean_many(pages()))
    assert len(got) == len(TEXT_PAGES) + len(HTML_PAGES) >= 20
    assert [as_json(a) for a in got] == [as_json(clean(p)) for p in pages()]


def test_records_carry_id_and_url() -> None:
    page = TEXT_PAGES[0].read_text(encoding="utf-8")
    url = "https://investasi.kontan.co.id/news/contoh"
    [(record, article)] = clean_records([("a-1", page, url)])
    assert record.id == "a-1"
    assert article.url == url and article.category == "investasi"


def test_a_failure_stands_in_place_of_each_bad_page() -> None:
    good = TEXT_PAGES[0].read_text(encoding="utf-8")
    items = [good, ("ph", "Konten tidak ditemukan"), ("empty", "  "), ("bad-bytes", bytes(range(256)) * 8),
             42, ("none", None), Record("unread", None, error="cannot read x: gone"), good]
    got = list(clean_many(items))
    assert isinstance(got[0], Article) and isinstance(got[-1], Article)
    fails = got[1:-1]
    assert [(f.id, f.kind) for f in fails] == [
        ("ph", "no_article"), ("empty", "empty"), ("bad-bytes", "decode"), (4, "input"), ("none", "input"),
        ("unread", "input")]
    assert "no article text" in fails[0].error
    assert fails[3].error.startswith("item 4 is a int")
    assert fails[-1].to_dict() == {"id": "unread", "url": None, "source": None,
                                   "error": "cannot read x: gone", "kind": "input"}


def _bomb(doc) -> None:
    """A filter with a bug: it fails on one page only."""
    if any("Juanda" in b.text for b in doc.blocks):
        raise RuntimeError("boom")


def _bomb_pipeline() -> Pipeline:
    return Pipeline.default().add(_bomb, name="bomb")


@pytest.mark.parametrize("jobs,timeout", [(1, None), (1, 30), (2, 30)])
def test_a_bug_is_an_internal_failure_and_the_run_goes_on(jobs: int, timeout: float | None) -> None:
    got = list(clean_many(pages(), jobs, pipeline=_bomb_pipeline(), chunk=3, timeout=timeout))
    internal = [r for r in got if isinstance(r, Failure)]
    assert len(internal) == 1 and internal[0].kind == "internal"
    assert "RuntimeError: boom" in internal[0].error
    assert sum(isinstance(r, Article) for r in got) == len(got) - 1


def test_jobs_give_byte_identical_results() -> None:
    items = [(f"p{i}", page) for i, page in enumerate(pages() * 2)] + [("ph", "Konten tidak ditemukan")]
    one = [as_json(r) for r in clean_many(items, 1, timeout=None)]
    assert [as_json(r) for r in clean_many(items, 1)] == one  # in one worker process
    two = [as_json(r) for r in clean_many(items, 2, chunk=3)]
    assert one == two
    assert json.loads(one[-1])["kind"] == "no_article"


class Counting:
    """An endless input that counts how far it has been read."""

    def __init__(self, page: str) -> None:
        self.page, self.read = page, 0

    def __iter__(self):
        while True:
            self.read += 1
            yield self.page


@pytest.mark.parametrize("jobs,chunk,timeout", [(1, 64, None), (1, 4, 30), (2, 4, 30)])
def test_the_input_is_read_only_a_bounded_window_ahead(jobs: int, chunk: int, timeout: float | None) -> None:
    source = Counting(TEXT_PAGES[0].read_text(encoding="utf-8"))
    results = clean_many(source, jobs, chunk=chunk, timeout=timeout)
    for _ in range(3):
        next(results)
    # In this process (no budget, one job): one page at a time; else 2 * jobs chunks ahead.
    assert source.read <= 3 if timeout is None else source.read <= (2 * jobs + 1) * chunk
    results.close()  # stops the pool; must not hang


def test_articles_and_failures_pickle() -> None:
    for result in clean_many(pages() + ["Konten tidak ditemukan"]):
        back = pickle.loads(pickle.dumps(result))
        assert back == result and as_json(back) == as_json(result)


def test_article_metadata_is_json_without_the_body() -> None:
    article = clean(TEXT_PAGES[0].read_text(encoding="utf-8"))
    meta = article_metadata(article)
    assert not {"text", "paragraphs", "removed"} & meta.keys()
    assert sum(meta["removed_by_filter"].values()) == len(article.removed)
    assert json.loads(json.dumps(meta)) == meta


def test_clean_batch_for_datasets_map() -> None:
    page = TEXT_PAGES[0].read_text(encoding="utf-8")
    out = clean_batch({"page": [page, "Konten tidak ditemukan"], "link": ["https://nasional.kontan.co.id/news/a", None]},
                      field="page", url_field="link")
    article = clean(page, "https://nasional.kontan.co.id/news/a")
    assert out["text"] == [article.text, ""]
    assert out["error"][0] == "" and "no article text" in out["error"][1]
    assert out["kind"] == ["", "no_article"]
    assert out["category"] == ["nasional", ""]
    assert json.loads(out["metadata"][0])["title"] == article.title
    assert all(isinstance(v, str) for column in out.values() for v in column)


def _crash(doc) -> None:
    """A page that kills the worker process, as a crash in a C extension would."""
    if any("MATIKAN" in b.text for b in doc.blocks):
        os._exit(3)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_dies_fails_only_its_own_page(jobs: int) -> None:
    good = TEXT_PAGES[0].read_text(encoding="utf-8")
    url = "https://nasional.kontan.co.id/news/mati"
    items = [(i, good) for i in range(5)] + [(5, good + "\n\nMATIKAN", url)] + [(i, good) for i in range(6, 12)]
    got = list(clean_many(items, jobs, pipeline=Pipeline.default().add(_crash, name="crash"), chunk=4))
    assert [(r.id, r.kind, r.url) for r in got if isinstance(r, Failure)] == [(5, "crashed", url)]
    assert "worker process cleaning it died (exit status 3)" in got[5].error
    assert [a.text for a in got if isinstance(a, Article)] == [clean(good).text] * 11


@pytest.mark.parametrize("platform", ["darwin", "win32", "freebsd14"])
def test_worker_processes_are_used_on_linux_only(monkeypatch, platform: str) -> None:
    """Off Linux (macOS frameworks are not fork-safe, no PR_SET_PDEATHSIG, no pipe sizing)
    a batch is cleaned in this process, whatever `jobs` and `timeout` say."""
    page = (SAMPLES / "text" / "desktop_rupiah_melemah.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "platform", platform)
    got = [rendered for _, rendered in clean_records([page] * 3, 2, timeout=30,
                                                     render=lambda record, result: (os.getpid(), result.text))]
    assert [pid for pid, _ in got] == [os.getpid()] * 3
    assert all(text == clean(page).text for _, text in got)
