"""How cleaning time grows with input size.

Two families:

- 1x, 10x and 100x of the same page, for HTML, a line rendering and flattened text (the
  inputs of tests/test_pathological.py's linearity test). Linear growth shows as a 10x step
  from one size to the next in each group.
- The hostile builders of tests/hostile.py (issue 12's table: an unclosed `og:title`
  quote, unclosed `ld+json` scripts, `<link ` never closed, deep nesting with `<p ` never
  closed, paragraphs nested deep in a page of no kontan layout, `x Selanjutnya: Y` again and
  again) at 10 KB, 100 KB and 1 MB. Each size is first
  cleaned in a child process with a time limit, so a quadratic scan fails the benchmark
  instead of stalling it. At 1 MB each is timed against a normal 1 MB page of the same form
  (CPU time, interleaved, best of a few): it must take at most `WORST_RATIO` times as long,
  and the step from 100 KB to 1 MB at most `WORST_STEP` (linear: about 10x).
- The hostile text renderings of tests/hostile_text.py, for the promo and headline code
  (issue 12), at 1x (about 10 KB), 10x and 100x (about 1 MB); `main()` prints their CPU
  times, the growth per step and the 100x time against a normal 1 MB flattened page.

    python3 -m pytest benchmarks/test_scaling.py --benchmark-enable --benchmark-only \
        --benchmark-group-by=group --benchmark-columns=min,mean,rounds -s
    python3 benchmarks/test_scaling.py     # the hostile text renderings: CPU times and growth
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile import BUILDERS as ALL_BUILDERS, HOSTILE, YARDSTICK, timed_clean  # noqa: E402
from hostile_text import BUILDERS as TEXT_BUILDERS  # noqa: E402
from kontan_clean import clean  # noqa: E402
from test_pathological import scaled_flat, scaled_html, scaled_text  # noqa: E402
from timing import clean_or_error, cpu_time as cpu_best  # noqa: E402

BUILDERS = {"html": scaled_html, "text": scaled_text, "flat": scaled_flat}
SCALES = (1, 10, 100)
NORMAL_1MB = 50
"""scaled_flat(50) is a normal flattened page of about 1 MB."""


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("form", [*BUILDERS, *TEXT_BUILDERS])
def test_scaling(benchmark, form: str, scale: int) -> None:
    """One page form (or hostile text rendering) at one size: linear is a 10x step per size."""
    normal = form in BUILDERS
    page = (BUILDERS if normal else TEXT_BUILDERS)[form](scale)
    benchmark.group = f"scaling:{form}"
    # `tool` names the size in the JSON that --benchmark-json writes.
    benchmark.extra_info.update(tool=f"kontan_clean_{scale}x", form=form, scale=scale, chars=len(page))
    # Few rounds at 100x: one round of flattened text there takes seconds.
    rounds, warmup = (3, 0) if scale == 100 else (10, 1)
    got = benchmark.pedantic(clean if normal else clean_or_error, args=(page,), rounds=rounds, iterations=1,
                             warmup_rounds=warmup)
    assert not normal or got.paragraphs


BASE = 10_000
"""Characters of the hostile part at 1x; 10x and 100x are 100 KB and 1 MB."""
GUARD_SECONDS = 60.0
"""Wall time a child may take on one hostile page before it counts as a hang."""
WORST_RATIO = 2.0
WORST_STEP = 20.0
def guarded(name: str, size: int) -> str:
    """`BUILDERS[name](size)`, after a child process cleaned it within `GUARD_SECONDS`."""
    got = timed_clean(name, size, GUARD_SECONDS)
    if got["seconds"] is None:
        pytest.fail(f"{name} at {size:,} chars: {got['outcome']} (> {GUARD_SECONDS:.0f} s)")
    return ALL_BUILDERS[name](size)


HOSTILE_PARAMS = list(HOSTILE)


@pytest.mark.parametrize("scale", [1, 10, 100])
@pytest.mark.parametrize("name", HOSTILE_PARAMS)
def test_hostile_scaling(benchmark, name: str, scale: int) -> None:
    """One hostile builder at one size: the groups show the growth from size to size."""
    page = guarded(name, BASE * scale)
    benchmark.group = f"scaling:hostile:{name}"
    benchmark.extra_info.update(tool=f"kontan_clean_{scale}x", builder=name, scale=scale, chars=len(page))
    benchmark.pedantic(clean_or_error, args=(page,), rounds=3 if scale == 100 else 5, iterations=1, warmup_rounds=1)


@pytest.mark.parametrize("name", HOSTILE_PARAMS)
def test_hostile_1mb_against_a_normal_page(benchmark, name: str) -> None:
    """At 1 MB the hostile page costs at most `WORST_RATIO` x a normal 1 MB page of the
    same form (`YARDSTICK`: for a page of no kontan layout, one that goes to the fallback
    too), and the 100 KB -> 1 MB step is linear."""
    small, page = guarded(name, BASE * 10), guarded(name, BASE * 100)
    normal = ALL_BUILDERS[YARDSTICK[name]](len(page))
    hostile_t, normal_t, small_t = float("inf"), float("inf"), float("inf")
    for _ in range(3):  # interleaved, so load on the machine hits both alike
        hostile_t = min(hostile_t, cpu_best(page, 1))
        normal_t = min(normal_t, cpu_best(normal, 1))
        small_t = min(small_t, cpu_best(small, 1))
    ratio, step = hostile_t / normal_t, hostile_t / max(small_t, 1e-4)
    benchmark.group = "scaling:hostile_vs_normal"
    benchmark.extra_info.update(tool=name, hostile_s=hostile_t, normal_s=normal_t, ratio=ratio, step_100k_to_1m=step)
    print(f"{name}: 1 MB {hostile_t:.3f} s, normal 1 MB {normal_t:.3f} s (x{ratio:.1f}); 100 KB -> 1 MB x{step:.1f}")
    benchmark.pedantic(clean_or_error, args=(page,), rounds=1, iterations=1)
    assert ratio <= WORST_RATIO, f"{name}: {ratio:.1f}x a normal 1 MB page"
    assert step <= WORST_STEP or hostile_t < 0.05, f"{name}: 100 KB -> 1 MB took {step:.0f}x as long"


def main() -> None:
    """Print each hostile text builder's CPU time per scale, the growth per 10x step and the
    100x time against a normal 1 MB flattened page."""
    normal = cpu_best(scaled_flat(NORMAL_1MB), 3)
    print(f"normal flattened page, {len(scaled_flat(NORMAL_1MB)) // 1000} KB: {normal * 1000:.0f} ms")
    for name, build in TEXT_BUILDERS.items():
        times = [cpu_best(build(k), 3) for k in SCALES]
        steps = " ".join(f"x{b / max(a, 1e-6):.1f}" for a, b in zip(times, times[1:]))
        print(f"{name:24} " + " ".join(f"{t * 1000:8.1f} ms" for t in times)
              + f"   growth {steps}   100x/normal {times[-1] / normal:.2f}")


if __name__ == "__main__":
    main()
