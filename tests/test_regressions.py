"""Replay every input kept in `tests/regressions/`.

Two kinds of file (see tests/regressions/README.md):

- `fuzz-<target>-<kind>-<sha>.str` / `.bytes`: an input the atheris harness crashed or hung
  on, exactly as given to `clean()` (`.str` is UTF-8 with lone surrogates passed through).
  It must now give a well-formed `Article` (non-blank text, the paragraphs joined by blank
  lines) or a `KontanCleanError`, within `FUZZ_TIME_LIMIT` seconds.
- `<name>.json`: a bug found by hypothesis, the boilerplate generator, the fuzzer (minimised)
  or by hand:
  `{"bug", "found_by", "input" (or "input_hex" for bytes), "expect"}`. `expect` holds any of
  `raises` (an exception class of kontan_clean), `paragraphs`, `related_titles`, `fields`
  (Article attributes such as `editor`), `contains` (text that must survive),
  `no_words_from` (words that must not be in the text) and `idempotent`. A file with
  `"xfail": "<reason>"` is expected to fail until the library is fixed (strict).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kontan_clean
from kontan_clean import Article, KontanCleanError, clean

HERE = Path(__file__).resolve().parent / "regressions"
ROOT = HERE.parent.parent
FUZZ_TIME_LIMIT = 20.0
"""Seconds a fuzzer input may take; generous for a 2-core CI box, far below a hang."""


def load_page(path: Path) -> str | bytes:
    """The exact `clean()` input stored in a fuzz regression file."""
    data = path.read_bytes()
    return data if path.suffix == ".bytes" else data.decode("utf-8", "surrogatepass")


def fuzz_files() -> list[Path]:
    """Stored fuzzer inputs, sorted."""
    return sorted(p for p in HERE.glob("fuzz-*") if p.suffix in (".str", ".bytes"))


def json_cases() -> list:
    """The JSON regressions as pytest params, strict xfail where the file says so."""
    params = []
    for path in sorted(HERE.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(case, id=path.stem, marks=marks))
    return params


_REPLAY = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from kontan_clean import Article, KontanCleanError, clean
data = Path({path!r}).read_bytes()
page = data if {is_bytes!r} else data.decode("utf-8", "surrogatepass")
try:
    result = clean(page)
except KontanCleanError:
    sys.exit(0)
assert isinstance(result, Article), type(result)
assert result.text.strip(), "an Article with a blank text"
assert result.text == "\\n\\n".join(result.paragraphs), "text is not the paragraphs joined"
"""


KNOWN_FUZZ_FAILURES: dict[str, str] = {}
"""Stored fuzzer inputs that still fail, with why: strict xfails, to be removed with the fix."""


def fuzz_params() -> list:
    """The stored fuzzer inputs as pytest params."""
    return [pytest.param(p, id=p.name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FUZZ_FAILURES[p.name])]
                         if p.name in KNOWN_FUZZ_FAILURES else []) for p in fuzz_files()]


@pytest.mark.parametrize("path", fuzz_params())
def test_fuzz_input(path: Path) -> None:
    """In a subprocess with a time limit, so that a hang fails instead of stalling the run."""
    code = _REPLAY.format(root=str(ROOT), path=str(path), is_bytes=path.suffix == ".bytes")
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=FUZZ_TIME_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"clean() did not finish within {FUZZ_TIME_LIMIT}s on {path.name}")
    assert proc.returncode == 0, proc.stderr[-3000:]


@pytest.mark.parametrize("case", json_cases())
def test_regression(case: dict) -> None:
    page = bytes.fromhex(case["input_hex"]) if "input_hex" in case else case["input"]
    expect = case["expect"]
    if "raises" in expect:
        with pytest.raises(getattr(kontan_clean, expect["raises"])):
            clean(page)
        return
    try:
        article = clean(page)
    except KontanCleanError as exc:
        pytest.fail(f"{case['bug']}\nraised {exc!r}")
    assert isinstance(article, Article)
    if "paragraphs" in expect:
        assert article.paragraphs == expect["paragraphs"], case["bug"]
    if "related_titles" in expect:
        assert [r.title for r in article.related] == expect["related_titles"], case["bug"]
    for field, value in expect.get("fields", {}).items():
        assert getattr(article, field) == value, f"{field}: {case['bug']}"
    for piece in expect.get("contains", []):
        assert piece in article.text, case["bug"]
    if "no_words_from" in expect:
        assert not set(article.text.split()) & set(expect["no_words_from"]), case["bug"]
    if expect.get("idempotent"):
        try:
            again = clean(article.text).text
        except KontanCleanError as exc:
            pytest.fail(f"{case['bug']}\nsecond pass raised {exc!r}")
        assert again == article.text, case["bug"]


def test_regressions_folder_has_only_known_files() -> None:
    """A stray file (a raw libFuzzer artifact, a typo in a suffix) would be silently skipped."""
    allowed = {".str", ".bytes", ".json", ".md"}
    assert not [p.name for p in HERE.iterdir() if p.suffix not in allowed]
