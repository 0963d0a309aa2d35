"""How cleaning time grows on hostile text renderings for the promo and headline code
(`tests/hostile_text.py`, issue 12): 1x (about 10 KB), 10x and 100x (about 1 MB), next to a
normal 1 MB flattened page (the flattened sample repeated, `tests/test_pathological.py`).

    python3 -m pytest benchmarks/test_scaling_text.py --benchmark-enable --benchmark-only \
        --benchmark-group-by=param:name --benchmark-columns=min,mean,rounds
    python3 benchmarks/test_scaling_text.py     # CPU times, growth per step, ratio to the normal page

Linear growth shows as a 10x step from one size to the next; a loop that rescans the text at
every marker shows as a 100x step.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_text import BUILDERS  # noqa: E402
from test_linear_text import clean_or_error, cpu_time  # noqa: E402
from test_pathological import scaled_flat  # noqa: E402

SCALES = (1, 10, 100)
NORMAL_1MB = 50
"""scaled_flat(50) is a normal flattened page of about 1 MB."""


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", list(BUILDERS))
def test_scaling_hostile_text(benchmark, name: str, scale: int) -> None:
    page = BUILDERS[name](scale)
    benchmark.group = f"scaling:{name}"
    benchmark.extra_info.update(tool=f"kontan_clean_{scale}x", form=name, scale=scale, chars=len(page))
    rounds, warmup = (3, 0) if scale == 100 else (10, 1)
    benchmark.pedantic(clean_or_error, args=(page,), rounds=rounds, iterations=1, warmup_rounds=warmup)


def main() -> None:
    """Print each builder's CPU time per scale, the growth per 10x step and the 100x time
    against a normal 1 MB page."""
    normal = cpu_time(scaled_flat(NORMAL_1MB), 3)
    print(f"normal flattened page, {len(scaled_flat(NORMAL_1MB)) // 1000} KB: {normal * 1000:.0f} ms")
    for name, build in BUILDERS.items():
        times = [cpu_time(build(k), 3) for k in SCALES]
        steps = " ".join(f"x{b / max(a, 1e-6):.1f}" for a, b in zip(times, times[1:]))
        print(f"{name:24} " + " ".join(f"{t * 1000:8.1f} ms" for t in times)
              + f"   growth {steps}   100x/normal {times[-1] / normal:.2f}")


if __name__ == "__main__":
    main()
