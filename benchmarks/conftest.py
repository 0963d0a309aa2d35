"""Inputs for the speed benchmarks: the team's samples, and the real corpus when present."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def html_pages() -> list[tuple[str, bytes]]:
    """(name, bytes) of every kontan HTML sample (the fallback pages are not kontan layouts)."""
    return [(p.stem, p.read_bytes()) for p in sorted((SAMPLES / "html").glob("*.html")) if not p.stem.startswith("fallback")]


def text_pages() -> list[tuple[str, str]]:
    """(name, text) of the text samples, plus the corpus seed and flattened bodies when present."""
    pages = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SAMPLES / "text").glob("*.txt"))]
    if CORPUS.is_dir():
        pages += [(f"corpus_{p.parent.name}_{p.stem[:24]}", p.read_text(encoding="utf-8"))
                  for p in sorted((CORPUS / "seed").glob("*.txt")) + sorted((CORPUS / "flattened").glob("*.txt"))[:6]]
    return pages


@pytest.fixture(scope="session")
def corpus_csv() -> Path:
    """The bulk crawl CSV, or skip."""
    path = CORPUS / "raw" / "danielmahardhika_kontan-news-scraper_kontan.csv"
    if not path.exists():
        pytest.skip("../shared/corpus is absent")
    return path
