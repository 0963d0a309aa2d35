"""One output schema: every sample's output (articles, batch records and error records)
validates against the JSON Schema shipped in the package, and a batch's output reads into
pyarrow, Hugging Face `datasets` and datatrove's `ParquetWriter` on a mix of pages that has
failures, paginated pages and pages without a byline."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from kontan_clean import clean, clean_pages
from kontan_clean.article import INFO_DEFAULTS
from kontan_clean.cli import main
from kontan_clean.schema import article_fields, output_schema, record_arrow_schema
from conftest import SAMPLES, expected_files, load_expected, sample_input, need

jsonschema = need("jsonschema", "jsonschema")
SAMPLE_PAGES = [sample_input(p) for p in expected_files("text") + expected_files("html")
                if p.name != "multipage_all.expected.json"]
HTML = SAMPLES / "html"
# The first article has no byline, no date and no ticker (nulls and empty lists where later
# articles have values); failures sit between articles; two pages of a paginated article.
MIX = [SAMPLES / "text" / "amp_harga_cpo.txt", HTML / "multipage_p1.html", "Konten tidak ditemukan",
       HTML / "multipage_p2.html", "   ", HTML / "desktop_2024.html", HTML / "fallback_nonkontan.html",
       SAMPLES / "text" / "flattened_ekspor_jepang_reuters.txt", HTML / "desktop_2019.html"]
MIX_FAILURES = 2


def validator(definition: str) -> Any:
    """A validator of one `$defs` entry of the schema (or the whole schema: `""`)."""
    schema = output_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    if definition:
        schema = {k: v for k, v in schema.items() if k != "oneOf"} | {"$ref": f"#/$defs/{definition}"}
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _content(page: Path) -> str | bytes:
    return page.read_bytes() if page.suffix == ".html" else page.read_text(encoding="utf-8")


def batch_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The CLI's JSON Lines for MIX, one file per page (so the failures have a source)."""
    paths = []
    for i, item in enumerate(MIX):
        path = tmp_path / f"{i:02d}{item.suffix if isinstance(item, Path) else '.txt'}"
        path.write_bytes(item.read_bytes() if isinstance(item, Path) else item.encode())
        paths.append(str(path))
    code = main(["--format", "jsonl", *paths])
    out, _ = capsys.readouterr()
    assert code != 0  # the failures are in the exit code
    return out.splitlines()


@pytest.mark.parametrize("page", SAMPLE_PAGES, ids=lambda p: p.name)
def test_every_sample_article_validates(page: Path) -> None:
    d = clean(_content(page)).to_dict()
    validator("article").validate(d)
    assert list(d) == list(article_fields())  # the same keys, in the same order, for every article
    assert list(d["info"]) == list(INFO_DEFAULTS)
    assert all(isinstance(q[k], float) for q in d["market"] for k in ("value", "change", "change_pct"))


def test_a_merged_article_validates() -> None:
    pages = [(HTML / f"multipage_p{i}.html").read_bytes() for i in (1, 2)]
    d = clean_pages(pages).to_dict()
    validator("article").validate(d)
    assert d["info"]["pages"] == 2 and d["info"]["page"] == 1


def test_every_batch_record_validates_successes_and_failures(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    records = [json.loads(line) for line in batch_jsonl(tmp_path, capsys)]
    check = validator("")
    for record in records:
        check.validate(record)
    failures = [r for r in records if r["kind"]]
    assert [r["kind"] for r in failures] == ["no_article", "empty"]
    for r in failures:
        validator("error_record").validate(r)
        assert r["input_source"].endswith(".txt") and r["id"] and r["error"] and r["text"] is None
    assert len(records) == len(MIX) and len({tuple(r) for r in records}) == 1  # one set of keys, in one order


def test_the_sample_pages_in_one_batch_all_validate(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--format", "jsonl", *map(str, SAMPLE_PAGES)])
    out, _ = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(SAMPLE_PAGES)
    for record in records:
        validator("article_record").validate(record)


def test_the_schema_rejects_what_it_must() -> None:
    good = clean((HTML / "desktop_2024.html").read_bytes()).to_dict()
    check = validator("article")
    for broken in ({**good, "page": 1}, {k: v for k, v in good.items() if k != "info"},
                   {**good, "info": {**good["info"], "extra": 1}}, {**good, "category": "Keuangan"},
                   {**good, "market": [{"name": "EMAS", "value": "1.527.000", "change": 0.0, "change_pct": 0.0}]}):
        assert not check.is_valid(broken)
    assert not validator("error_record").is_valid({"id": 1, "error": "x", "kind": "no_article"})
    record = {"id": 1, "input_url": None, "input_source": None, "error": "x", "kind": "no_article",
              **dict.fromkeys(good)}
    assert validator("error_record").is_valid(record)
    assert not validator("error_record").is_valid({**record, "kind": "oops"})
    assert not validator("error_record").is_valid({**record, "text": ""})


def test_pyarrow_reads_a_batch_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pa_json = need("pyarrow.json", "pyarrow")
    lines = [line.encode() + b"\n" for line in batch_jsonl(tmp_path, capsys)]
    data = b"".join(lines)
    tables = [pa_json.read_json(io.BytesIO(data))]
    # Blocks of about one record, typed each on its own, need the schema given up front.
    options = pa_json.ReadOptions(block_size=max(map(len, lines)) + 1)
    parse = pa_json.ParseOptions(explicit_schema=record_arrow_schema())
    tables.append(pa_json.read_json(io.BytesIO(data), read_options=options, parse_options=parse))
    for table in tables:
        rows = table.to_pylist()
        assert table.num_rows == len(MIX) and [r["kind"] for r in rows if r["kind"]] == ["no_article", "empty"]
        assert str(table.schema.field("market").type.value_type.field("value").type) == "double"
        assert [r["info"]["page"] for r in rows if r["info"] and r["info"]["page"]] == [1, 2]
        assert [r["editor"] for r in rows][:2] == [None, "Maria Elena Saragih"]
    assert tables[1].schema == record_arrow_schema()


def test_datasets_reads_a_batch_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datasets = need("datasets", "datasets")
    records = [json.loads(line) for line in batch_jsonl(tmp_path, capsys)]
    ds = datasets.Dataset.from_list(records)
    assert ds.num_rows == len(MIX) and sum(1 for k in ds["kind"] if k) == MIX_FAILURES
    assert str(ds.data.schema.field("market").type.value_type.field("value").type) == "double"
    assert [e for e in ds["editor"] if e][:1] == ["Maria Elena Saragih"]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    from_file = datasets.load_dataset("json", data_files=str(path), split="train")
    assert from_file.num_rows == len(MIX)


def test_the_datatrove_metadata_step_writes_parquet(tmp_path: Path) -> None:
    need("datatrove", "datatrove")
    pq = need("pyarrow.parquet", "pyarrow")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import ParquetWriter
    from kontan_clean.integrations.datatrove import KontanMetadataExtractor, parquet_schema

    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "pages.jsonl", "w", encoding="utf-8") as f:
        for i, item in enumerate(MIX):
            page = _content(item) if isinstance(item, Path) else item
            text = page.decode("utf-8") if isinstance(page, bytes) else page
            f.write(json.dumps({"id": str(i), "text": text, "url": f"https://www.kontan.co.id/news/{i}"}) + "\n")
    LocalPipelineExecutor(pipeline=[
        JsonlReader(str(tmp_path / "in")), KontanMetadataExtractor(),
        ParquetWriter(str(tmp_path / "out"), schema=parquet_schema(), batch_size=2),
    ], tasks=1, logging_dir=str(tmp_path / "logs")).run()
    [out] = (tmp_path / "out").glob("*.parquet")
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == [str(i) for i, item in enumerate(MIX) if isinstance(item, Path)]
    meta = {r["id"]: r["metadata"] for r in rows}
    assert meta["0"]["editor"] is None and meta["1"]["editor"] == "Maria Elena Saragih"
    assert meta["1"]["info"]["page"] == 1 and meta["1"]["info"]["continues"] is True
    assert meta["3"]["info"]["page"] == 2
    assert meta["1"]["market"] == load_expected(HTML / "multipage_p1.expected.json")["market"]
    assert meta["5"]["url"] == "https://www.kontan.co.id/news/5" and meta["5"]["canonical_url"].startswith("https://")
    assert dict(meta["5"]["removed_by_filter"])["byline"] == 1
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    [step] = [s for s in stats if "Kontan" in s["name"]]
    assert step["stats"]["no_article"] == 1 and step["stats"]["empty"] == 1
