"""A missing or broken package never surfaces as ImportError or an internal error: `clean()`
raises `DependencyError` naming the package and its install command, and in batch mode (the
CLI, `clean_many`, the datatrove step) the page becomes an error record of kind `dependency`."""

from __future__ import annotations

import importlib
import json
import sys

import pytest

from kontan_clean import DependencyError, KontanCleanError, clean
from kontan_clean.batch import FAILURE_KINDS, Failure, clean_many
from kontan_clean.cli import main
from conftest import SAMPLES

FALLBACK = SAMPLES / "html" / "fallback_nonkontan.html"  # an unknown layout: trafilatura reads it
KONTAN = SAMPLES / "html" / "desktop_2024.html"  # read by kontan_clean itself


@pytest.fixture
def broken_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """`import trafilatura` fails, as it does when lxml_html_clean is not installed."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def test_clean_raises_a_dependency_error_naming_the_package_and_the_command(broken_trafilatura: None) -> None:
    with pytest.raises(DependencyError) as caught:
        clean(FALLBACK.read_bytes())
    error = caught.value
    assert isinstance(error, KontanCleanError) and not isinstance(error, ImportError)
    assert error.package == "trafilatura" and error.install == "pip install 'trafilatura>=2.3' lxml_html_clean"
    assert str(error).startswith("trafilatura is missing or broken (ModuleNotFoundError: ")
    assert str(error).endswith(": pip install 'trafilatura>=2.3' lxml_html_clean")


def test_pages_that_do_not_need_the_package_are_still_cleaned(broken_trafilatura: None) -> None:
    assert clean(KONTAN.read_bytes()).extractor == "kontan_clean"


def test_in_batch_the_page_becomes_a_dependency_record_and_the_others_go_on(broken_trafilatura: None) -> None:
    results = list(clean_many([KONTAN.read_bytes(), FALLBACK.read_bytes(), KONTAN.read_bytes()]))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    failure = results[1]
    assert isinstance(failure, Failure) and failure.kind == "dependency" and "dependency" in FAILURE_KINDS
    assert "trafilatura" in failure.error and "pip install" in failure.error


def test_the_cli_writes_a_dependency_record_and_says_so_in_its_exit_code(
        broken_trafilatura: None, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([str(KONTAN), str(FALLBACK)])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code != 0 and len(records) == 2
    assert records[0]["title"] and records[1]["kind"] == "dependency" and records[1]["text"] is None
    assert list(records[1]) == list(records[0])
    assert "internal error" not in out + err and "Traceback" not in err


def test_the_datatrove_step_without_datatrove_raises_a_dependency_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in sys.modules if n.split(".")[0] == "datatrove"] + ["datatrove"]:
        monkeypatch.setitem(sys.modules, name, None)  # an import of any of them now fails
    monkeypatch.delitem(sys.modules, "kontan_clean.integrations.datatrove", raising=False)
    with pytest.raises(DependencyError, match=r"^datatrove is missing or broken .*"
                                              r": pip install 'kontan-clean\[datatrove\]'$"):
        importlib.import_module("kontan_clean.integrations.datatrove")
