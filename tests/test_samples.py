"""Every team-written sample page comes out exactly as its hand-checked expected JSON."""

from __future__ import annotations

import pytest

from kontan_clean import clean
from conftest import SAMPLES, expected_files, load_expected, sample_input

TEXT = expected_files("text")


def _check(expected_path) -> None:
    expected = load_expected(expected_path)
    page = sample_input(expected_path)
    content = page.read_bytes() if page.suffix == ".html" else page.read_text(encoding="utf-8")
    got = clean(content, url=expected.get("url")).to_dict()
    for key, value in expected.items():
        assert got.get(key) == value, f"{page.name}: {key}"


def test_text_samples_cover_every_form() -> None:
    names = {p.name.split("_")[0] for p in TEXT}
    assert {"desktop", "body", "amp", "flattened", "insight", "traps", "english", "momsmoney"} <= names
    assert len(TEXT) >= 8


@pytest.mark.parametrize("expected_path", TEXT, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_text_sample(expected_path) -> None:
    _check(expected_path)


HTML = [p for p in expected_files("html") if p.name != "multipage_all.expected.json"]
PARITY_KEYS = ("paragraphs", "title", "published", "reporters", "editor", "source", "dateline", "caption")


def test_html_samples_cover_the_layouts() -> None:
    names = {p.name.removesuffix(".expected.json") for p in HTML}
    assert {"desktop_2024", "desktop_2019", "older_ctn", "amp", "multipage_p1", "multipage_p2", "win1252"} <= names
    assert {"fallback_nonkontan", "fallback_renamed"} <= names


@pytest.mark.parametrize("expected_path", HTML, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_html_sample(expected_path) -> None:
    _check(expected_path)


@pytest.mark.parametrize(
    "expected_path", [p for p in HTML if p.with_name(p.name.replace(".expected.json", ".rendered.txt")).exists()],
    ids=lambda p: p.name.removesuffix(".expected.json"),
)
def test_text_rendering_of_an_html_sample_gives_the_same_article(expected_path) -> None:
    expected = load_expected(expected_path)
    rendered = expected_path.with_name(expected_path.name.replace(".expected.json", ".rendered.txt"))
    from_html = clean(sample_input(expected_path).read_bytes(), url=expected["url"]).to_dict()
    from_text = clean(rendered.read_text(encoding="utf-8"), url=expected["url"]).to_dict()
    assert {k: from_text[k] for k in PARITY_KEYS} == {k: from_html[k] for k in PARITY_KEYS}


def test_multipage_article_merges_in_order() -> None:
    from kontan_clean import clean_pages

    expected = load_expected(SAMPLES / "html" / "multipage_all.expected.json")
    pages = [(SAMPLES / "html" / f"multipage_p{i}.html").read_bytes() for i in (1, 2)]
    got = clean_pages(pages).to_dict()
    assert {k: got.get(k) for k in expected} == expected


def test_fallback_is_reported() -> None:
    for name in ("fallback_nonkontan", "fallback_renamed"):
        a = clean((SAMPLES / "html" / f"{name}.html").read_bytes())
        assert a.extractor == "trafilatura"
        assert any("layout not recognised" in w for w in a.warnings)


def test_windows_1252_page_is_decoded() -> None:
    a = clean((SAMPLES / "html" / "win1252.html").read_bytes())
    assert a.info["encoding"] == "cp1252"
    assert "“" in a.text and "é" in a.text
