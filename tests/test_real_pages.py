"""The real stored pages in ../shared/corpus/pages, scored by ../shared/tools/score_pages.py's
own checks (keep, drop, meta and the two contract checks): every check of every page passes.
Skipped when ../shared is absent (a fresh checkout)."""

from __future__ import annotations

import importlib.util
import pytest

from kontan_clean import clean
from conftest import ROOT

PAGES = ROOT.parent / "shared" / "corpus" / "pages"
SCORER = ROOT.parent / "shared" / "tools" / "score_pages.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases() -> list[dict]:
    if not (PAGES.is_dir() and SCORER.is_file()):
        return []
    return _scorer().load_cases(PAGES)


CASES = _cases()


@pytest.mark.skipif(not CASES, reason="../shared/corpus/pages is absent")
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_real_page_passes_every_check(case: dict) -> None:
    result = _scorer().score_case(case, clean)
    assert result["error"] is None
    assert result["failures"] == []
    assert result["keep"][1] > 0 and result["meta"][1] > 2  # the page has checks of its own


@pytest.mark.skipif(not CASES, reason="../shared/corpus/pages is absent")
def test_every_form_of_the_real_pages_gets_its_layout() -> None:
    """The layout is decided from the page itself: the URL is not needed to read it."""
    layouts = {c["id"]: clean(c["input"]).layout for c in CASES}
    expected = {"amp": {"amp_lead"}, "ampb": {"amp_title", "body"}, "body": {"body"}, "desk": {"desktop"},
                "insight": {"insight", "desktop"}, "en": {"english"}, "moms": {"momsmoney"}}
    for case_id, layout in layouts.items():
        assert layout in expected[case_id.split("_")[1]], case_id
    assert sum(layout == "amp_title" for layout in layouts.values()) >= 4
