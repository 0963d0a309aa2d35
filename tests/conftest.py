"""Shared fixtures: the team's samples, and the real corpus beside the repo when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"


def expected_files(kind: str) -> list[Path]:
    """`samples/<kind>/*.expected.json`, sorted."""
    return sorted((SAMPLES / kind).glob("*.expected.json"))


def sample_input(expected: Path) -> Path:
    """The input page an expected file belongs to (`.txt` or `.html`)."""
    stem = expected.name.removesuffix(".expected.json")
    for ext in (".txt", ".html"):
        if (p := expected.with_name(stem + ext)).exists():
            return p
    raise FileNotFoundError(f"no input page for {expected}")


def load_expected(path: Path) -> dict:
    """An expected JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """`../shared/corpus`, or skip: a user's fresh checkout does not have it."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS
