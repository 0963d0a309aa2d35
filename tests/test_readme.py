"""The README's Python examples run, and print what their comments say."""

from __future__ import annotations

import contextlib
import io
import os
import re

from conftest import ROOT

# The blocks whose prints carry the expected output in a comment; recipes for clusters
# (Slurm, Ray, Spark) and for other datasets are shown, not run.
BLOCKS = [b for b in re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
          if re.search(r"^print\(.*#", b, re.M)]


def _run(code: str) -> list[str]:
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    return out.getvalue().splitlines()


def _claims(code: str) -> list[tuple[int, str]]:
    """(n-th print, its `# expected output` comment up to any `...` elision). Each print in
    the README prints one line."""
    prints = [line for line in code.splitlines() if line.startswith("print(")]
    return [(i, line.split("#", 1)[1].strip().split("...")[0].split("   (")[0])
            for i, line in enumerate(prints) if "#" in line]


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


def test_readme_examples_print_what_they_claim() -> None:
    for code in BLOCKS:
        printed = _run(code)
        claims = _claims(code)
        assert claims
        for i, claim in claims:
            assert printed[i].startswith(claim), f"README claims {claim!r}, the code prints {printed[i]!r}"
