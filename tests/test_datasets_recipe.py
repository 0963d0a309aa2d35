"""The Hugging Face `datasets` recipe: `Dataset.map(clean_batch, batched=True, num_proc=N)`."""

from __future__ import annotations

import json

import pytest

from conftest import need  # noqa: E402

datasets = need("datasets", "datasets")

from kontan_clean import clean  # noqa: E402
from kontan_clean.batch import clean_batch  # noqa: E402
from conftest import SAMPLES  # noqa: E402


def test_map_with_num_proc_cleans_every_row() -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "text").glob("*.txt"))]
    pages.insert(2, "Konten tidak ditemukan")
    links = [f"https://nasional.kontan.co.id/news/{i}" for i in range(len(pages))]
    ds = datasets.Dataset.from_dict({"paragraf": pages, "link": links})
    out = ds.map(clean_batch, batched=True, batch_size=4, num_proc=2,
                 fn_kwargs={"field": "paragraf", "url_field": "link"})
    assert out.num_rows == len(pages)
    assert out[2]["text"] == "" and "no article text" in out[2]["error"]
    good = out.filter(lambda row: not row["error"])
    expected = [clean(p, u) for p, u in zip(pages, links) if p != "Konten tidak ditemukan"]
    assert good["text"] == [a.text for a in expected]
    assert [json.loads(m)["title"] for m in good["metadata"]] == [a.title for a in expected]
