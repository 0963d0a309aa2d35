"""Cleaning an article's clean text again changes nothing."""

from __future__ import annotations

import pytest

from kontan_clean import NoArticleError, clean
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


def test_a_byline_with_site_chrome_alone_is_no_article() -> None:
    """Found by an older hypothesis: this cleaned to `kontan.co.id`, which then re-cleaned to
    NoArticleError. A byline and site chrome alone hold no article at all."""
    with pytest.raises(NoArticleError):
        clean("Sumber: Reuters | Editor: Herlina kontan.co.id")
