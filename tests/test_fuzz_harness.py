"""The atheris harness itself (tests/fuzz/): its seeds reach `clean()` whole, and an input
that is slow (super-linear work) is stored as a finding, not only crashes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent / "fuzz"
sys.path.insert(0, str(FUZZ))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import need  # noqa: E402

need("atheris", "atheris")

import kontan_clean  # noqa: E402

# Import every module before the harness does: it instruments what it imports first, and the
# rest of the test session should run the plain code.
for _info in __import__("pkgutil").walk_packages(kontan_clean.__path__, "kontan_clean."):
    try:
        __import__(_info.name)
    except ImportError:
        pass

import fuzz_clean  # noqa: E402
import hostile  # noqa: E402
import run  # noqa: E402


def test_seeds_are_the_samples_verbatim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    seeds = sorted(run.corpus_dir("html").iterdir())
    page = (FUZZ.parents[1] / "samples" / "html" / "amp.html").read_bytes()
    assert fuzz_clean.make_input("html", next(p for p in seeds if p.name == "sample-amp.html").read_bytes()) == page
    assert len(list(run.corpus_dir("records").iterdir())) >= 6


def test_dictionary_entries_parse() -> None:
    """libFuzzer refuses a dictionary with one bad line: every entry is a quoted string."""
    lines = [l.strip() for l in run.DICTIONARY.read_text(encoding="utf-8").splitlines()]
    entries = [l for l in lines if l and not l.startswith("#")]
    assert len(entries) > 50 and all(l.startswith('"') and l.endswith('"') for l in entries)


def test_slow_input_is_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The og:title page of issue 12 at 15 KB (seconds today, hundredths once linear) is
    stored as `slow-*` when it is slow; a normal page is not."""
    monkeypatch.setattr(fuzz_clean, "SLOW_SECONDS", 0.5)
    one_input = fuzz_clean.collecting("html", tmp_path)
    one_input(fuzz_clean.VERBATIM + (FUZZ.parents[1] / "samples" / "html" / "amp.html").read_bytes())
    assert not list(tmp_path.iterdir())
    hostile_page = hostile.og_title(15_000).encode()
    one_input(fuzz_clean.VERBATIM + hostile_page)
    slow = fuzz_clean._cpu_time("html", fuzz_clean.VERBATIM + hostile_page) > 0.5
    assert bool(list(tmp_path.glob("slow-*"))) == slow


def test_records_target_reads_its_seeds() -> None:
    for data in run.record_seeds().values():
        fuzz_clean.check_records(data)
