"""The promo and headline code is linear in the text: hostile renderings at 1x, 10x and 100x
(`hostile_text.py`). A growth-ratio check, as in `test_pathological.py`: 10x more text may
cost about 10x more time, never the 100x of a loop that rescans the text at every marker."""

from __future__ import annotations

import pytest

from hostile_text import BUILDERS
from kontan_clean.text.shape import char_before as _char_before
from timing import cpu_time

SCALES = (1, 10, 100)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_hostile_text_grows_linearly(name: str) -> None:
    times = [cpu_time(BUILDERS[name](k), repeat) for k, repeat in zip(SCALES, (5, 3, 1))]
    print(f"{name}: " + ", ".join(f"{k}x {t * 1000:.1f} ms" for k, t in zip(SCALES, times)))
    assert times[2] < 20 * max(times[1], 0.005), times
    assert times[2] < 300 * max(times[0], 0.001), times


def test_char_before_reads_back_over_one_space_run_only() -> None:
    assert _char_before("Harga naik.   Selanjutnya", 14) == "."
    assert _char_before("   Selanjutnya", 3) == ""
    assert _char_before("x", 0) == ""
