"""HTML: kontan_clean against trafilatura, resiliparse and the lxml parse floor, same pages, same run.

Each page is one benchmark group; `report.py` turns the group into ratios.
"""

from __future__ import annotations

import lxml.html
import pytest

from conftest import html_pages
from kontan_clean import clean

PAGES = html_pages()


def _trafilatura(precision: bool):
    import trafilatura

    return lambda page: trafilatura.extract(page, favor_precision=precision)


def _resiliparse():
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        pytest.skip("resiliparse is not installed (pip install -e '.[bench]')")

    def run(page: bytes) -> str:
        return extract_plain_text(HTMLTree.parse_from_bytes(page), main_content=True)

    return run


TOOLS = {
    "kontan_clean": lambda: clean,
    "lxml_parse_floor": lambda: lxml.html.fromstring,
    "trafilatura": lambda: _trafilatura(False),
    "trafilatura_precision": lambda: _trafilatura(True),
    "resiliparse": _resiliparse,
}
SLOW = {"trafilatura", "trafilatura_precision"}


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("name,page", PAGES, ids=[n for n, _ in PAGES])
def test_html(benchmark, tool: str, name: str, page: bytes) -> None:
    fn = TOOLS[tool]()
    benchmark.group = f"html:{name}"
    benchmark.extra_info.update(tool=tool, kind="html", page=name, bytes=len(page))
    if tool in SLOW:
        result = benchmark.pedantic(fn, args=(page,), rounds=15, iterations=1, warmup_rounds=1)
    else:
        result = benchmark(fn, page)
    assert result is not None
