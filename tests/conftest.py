"""Shared fixtures: the team's samples, and the real corpus beside the repo when present."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
"""CI installs every test dependency (the `test` extra): there a missing one fails the test."""


def need(module: str, package: str) -> ModuleType:
    """Import `module` for a test, or skip the test when `package` is not installed. In CI
    (`CI=true`) a missing package fails instead, so that no test silently stops running."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        message = f"{package} is not installed ({exc}): pip install -e '.[test]'"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message, allow_module_level=True)


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
