"""Cleaning an article's clean text again changes nothing."""

from __future__ import annotations

import pytest

from kontan_clean import clean
from conftest import expected_files, sample_input


@pytest.mark.parametrize("expected_path", expected_files("text"), ids=lambda p: p.name.split(".")[0])
def test_samples_idempotent(expected_path) -> None:
    a = clean(sample_input(expected_path).read_text(encoding="utf-8"))
    again = clean(a.text)
    assert again.text == a.text
    assert again.removed == []


def test_corpus_idempotent(corpus) -> None:
    for path in sorted((corpus / "gold").glob("*.txt")) + sorted((corpus / "flattened").glob("*.txt")):
        a = clean(path.read_text(encoding="utf-8"))
        assert clean(a.text).text == a.text, path.name
