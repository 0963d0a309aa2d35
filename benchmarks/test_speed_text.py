"""Text renderings and flattened text: kontan_clean against a floor of `splitlines()` plus one
compiled regex search per line, same pages, same run."""

from __future__ import annotations

import re

import pytest

from conftest import text_pages
from kontan_clean import clean

PAGES = text_pages()
# One compiled search per line: about the least a line-based cleaner can do.
_FLOOR_PATTERN = re.compile(r"Baca Juga:|KONTAN\.CO\.ID|Google News")


def floor(page: str) -> int:
    """splitlines() and one compiled regex search per line."""
    return sum(1 for line in page.splitlines() if _FLOOR_PATTERN.search(line))


@pytest.mark.parametrize("tool", ["kontan_clean", "text_floor"])
@pytest.mark.parametrize("name,page", PAGES, ids=[n for n, _ in PAGES])
def test_text(benchmark, tool: str, name: str, page: str) -> None:
    benchmark.group = f"text:{name}"
    benchmark.extra_info.update(tool=tool, kind="flattened" if "\n" not in page.strip() else "text", page=name)
    result = benchmark(clean if tool == "kontan_clean" else floor, page)
    assert result is not None
