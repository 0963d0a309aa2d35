"""How cleaning time grows with input size: 1x, 10x and 100x of the same page, for HTML, a
line rendering and flattened text (the inputs of tests/test_pathological.py's linearity test).

    python3 -m pytest benchmarks/test_scaling.py --benchmark-enable --benchmark-only \
        --benchmark-group-by=param:form --benchmark-columns=min,mean,rounds

Linear growth shows as a 10x step from one size to the next in each group.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from kontan_clean import clean  # noqa: E402
from test_pathological import scaled_flat, scaled_html, scaled_text  # noqa: E402

BUILDERS = {"html": scaled_html, "text": scaled_text, "flat": scaled_flat}


@pytest.mark.parametrize("scale", [1, 10, 100])
@pytest.mark.parametrize("form", list(BUILDERS))
def test_scaling(benchmark, form: str, scale: int) -> None:
    page = BUILDERS[form](scale)
    benchmark.group = f"scaling:{form}"
    # `tool` keys the record in benchmarks/report.py, which skips the scaling groups.
    benchmark.extra_info.update(tool=f"kontan_clean_{scale}x", form=form, scale=scale, chars=len(page))
    # Few rounds at 100x: one round of flattened text there takes seconds.
    rounds, warmup = (3, 0) if scale == 100 else (10, 1)
    article = benchmark.pedantic(clean, args=(page,), rounds=rounds, iterations=1, warmup_rounds=warmup)
    assert article.paragraphs
