"""Inputs for the speed benchmarks: the team's samples, and the real corpus when present."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def corpus_csv() -> Path:
    """The bulk crawl CSV, or skip."""
    path = CORPUS / "raw" / "danielmahardhika_kontan-news-scraper_kontan.csv"
    if not path.exists():
        pytest.skip("../shared/corpus is absent")
    return path
