"""Every team-written sample page comes out exactly as its hand-checked expected JSON."""

from __future__ import annotations

import pytest

from kontan_clean import clean
from conftest import expected_files, load_expected, sample_input

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
    assert {"desktop", "body", "amp", "flattened", "insight", "traps"} <= names
    assert len(TEXT) >= 8


@pytest.mark.parametrize("expected_path", TEXT, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_text_sample(expected_path) -> None:
    _check(expected_path)
