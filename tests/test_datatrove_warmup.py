"""The datatrove step's sandbox warm-up starts the trafilatura fallback, so that the first
fallback page after a (re)start does not spend its time budget on start-up."""

from __future__ import annotations

import pytest

from conftest import need

need("datatrove", "datatrove")

from datatrove.data import Document  # noqa: E402

from kontan_clean.integrations import datatrove as step  # noqa: E402


def test_the_warmup_page_goes_through_the_fallback() -> None:
    text, meta, failed = step.KontanMetadataExtractor().clean_page(step.WARMUP_PAGE)
    assert failed is None and text and meta["extractor"] == "trafilatura"


def test_the_sandbox_is_warmed_up_with_it(monkeypatch) -> None:
    seen = []
    real = step.ExtractorSandbox

    def spy(*args, **kwargs):
        seen.append(kwargs.get("warmup_text"))
        return real(*args, **kwargs)

    monkeypatch.setattr(step, "ExtractorSandbox", spy)
    docs = list(step.KontanExtractor().run(iter([Document(text="Konten tidak ditemukan", id="x")])))
    assert docs == [] and seen == [(step.WARMUP_PAGE, None)]
