"""Run the atheris harness on both targets for a given time: `make fuzz MINUTES=N`.

    python3 tests/fuzz/run.py --minutes 20            # 10 minutes each for text and html
    python3 tests/fuzz/run.py --minutes 5 --target html

The time is split evenly between the targets. Each target keeps a growing corpus in
`~/.cache/kontan_clean/fuzz/<target>` (seeded from `samples/`), so later runs start where
earlier ones stopped. The harness collects the first input of each distinct exception and
fuzzes on; a hang or out-of-memory input stops libFuzzer, and the runner restarts the target
until its time is up (at most `--max-crashes` times). Every crash, hang or
out-of-memory input is converted to the exact page given to `clean()` and written to
`tests/regressions/fuzz-<target>-<kind>-<sha>.str` (UTF-8, surrogates passed through) or
`.bytes`, which `tests/test_regressions.py` replays from then on.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REGRESSIONS = ROOT / "tests" / "regressions"
HARNESS = HERE / "fuzz_clean.py"
DICTIONARY = HERE / "kontan.dict"
"""Kontan's markers, tags and attributes, for libFuzzer's dictionary mutations."""
TARGETS = ("text", "html", "records")
PER_INPUT_TIMEOUT = 10
"""Seconds one input may take before libFuzzer calls it a hang (`-timeout`)."""
RSS_LIMIT_MB = 2048
MAX_LEN = 65536


def corpus_dir(target: str) -> Path:
    """The persistent corpus for `target`, seeded from the samples on first use."""
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kontan_clean" / "fuzz" / target
    base.mkdir(parents=True, exist_ok=True)
    if target == "records":
        for name, data in record_seeds().items():
            if not (base / name).exists():
                (base / name).write_bytes(b"\x00" + data)
        return base
    suffixes = (".txt",) if target == "text" else (".html", ".htm")
    for page in sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in suffixes):
        # Structure-aware seeds: each sample behind the VERBATIM byte reaches clean() whole,
        # so mutations start from real kontan markup; the builders' modes are reached by
        # any other first byte.
        seed = base / f"sample-{page.name}"
        if not seed.exists():
            seed.write_bytes((b"\x00" + page.read_bytes())[:MAX_LEN])
    return base


def record_seeds() -> dict[str, bytes]:
    """Small inputs of each format the readers take, plain and gzip'ed: WARC (several
    members, a chunked and gzip-encoded response, a WET conversion), JSONL, CSV."""
    import gzip
    import json

    def warc_record(kind: str, block: bytes, ctype: str) -> bytes:
        head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{len(block)}>\r\n"
                f"WARC-Target-URI: https://www.kontan.co.id/news/x\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(block)}\r\n\r\n")
        return head.encode() + block + b"\r\n\r\n"

    page = (ROOT / "samples" / "html" / "amp.html").read_bytes()[:4000]
    body = gzip.compress(page)
    chunked = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    http_gz = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n" + chunked)
    records = [warc_record("warcinfo", b"software: x\r\n", "application/warc-fields"),
               warc_record("response", http, "application/http; msgtype=response"),
               warc_record("response", http_gz, "application/http; msgtype=response"),
               warc_record("conversion", b"Harga emas naik.\nBaca Juga: X\n", "text/plain")]
    lines = b"".join(json.dumps({"id": i, "text": f"Baris {i}.", "url": "u"}).encode() + b"\n" for i in range(5))
    return {"warc": b"".join(records), "warc-gz": b"".join(gzip.compress(r) for r in records),
            "jsonl": lines, "jsonl-gz": gzip.compress(lines), "csv": b"id;url;text\n1;u;Harga emas naik.\n",
            "csv-gz": gzip.compress(b"id,text\n1,\"Harga\nemas\"\n")}


def fuzz_once(target: str, seconds: int, artifacts: Path) -> int:
    """One libFuzzer session; returns its exit code (0: time up, no crash)."""
    cmd = [
        sys.executable, str(HARNESS), target, str(corpus_dir(target)),
        f"-max_total_time={seconds}", f"-timeout={PER_INPUT_TIMEOUT}", f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-max_len={MAX_LEN}", f"-artifact_prefix={artifacts}/", "-print_final_stats=1",
        *([f"-dict={DICTIONARY}"] if target != "records" else []), "-len_control=0",
    ]
    print(f"[fuzz] {target}: {seconds}s", flush=True)
    env = {**os.environ, "KONTAN_FUZZ_COLLECT": str(artifacts)}
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


def store_artifacts(target: str, artifacts: Path) -> list[Path]:
    """Turn libFuzzer's artifacts into replayable `clean()` inputs in tests/regressions/."""
    sys.path.insert(0, str(HERE))
    from fuzz_clean import make_input

    stored = []
    for raw in sorted(artifacts.iterdir()):
        kind = raw.name.split("-")[0]  # crash, timeout, oom, slow-unit
        if kind not in ("crash", "timeout", "oom", "slow") or raw.suffix == ".log":
            continue
        page = make_input(target, raw.read_bytes())
        data = page if isinstance(page, bytes) else page.encode("utf-8", "surrogatepass")
        ext = ".bytes" if isinstance(page, bytes) else ".str"
        prefix = "fuzzrec" if target == "records" else f"fuzz-{target}"  # replayed by test_damaged_inputs
        out = REGRESSIONS / f"{prefix}-{kind}-{hashlib.sha1(data).hexdigest()[:12]}{ext}"
        out.write_bytes(data)
        log = raw.with_name(raw.name + ".log")
        why = log.read_text(encoding="utf-8").splitlines()[0] if log.exists() else kind
        print(f"[fuzz] stored {out.name}: {why}", flush=True)
        raw.unlink()
        log.unlink(missing_ok=True)
        stored.append(out)
    return stored


def fuzz_target(target: str, seconds: int, max_crashes: int) -> list[Path]:
    """Fuzz `target` for `seconds`, restarting after each crash; the stored regressions."""
    stored: list[Path] = []
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as tmp:
        while (left := int(deadline - time.monotonic())) > 5 and len(stored) < max_crashes:
            code = fuzz_once(target, left, Path(tmp))
            found = store_artifacts(target, Path(tmp))
            stored += found
            if code == 0 or not found:
                break
    return stored


def main(argv: list[str] | None = None) -> int:
    """Fuzz every target (or one) for `--minutes` in total; exit 1 if anything crashed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=1.0, help="total time, split between the targets")
    ap.add_argument("--target", choices=TARGETS, action="append", help="fuzz only this target (repeatable)")
    ap.add_argument("--max-crashes", type=int, default=10, help="stop a target after this many crashes")
    args = ap.parse_args(argv)
    targets = args.target or list(TARGETS)
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    seconds = max(10, int(args.minutes * 60 / len(targets)))
    started = time.monotonic()
    found = [p for t in targets for p in fuzz_target(t, seconds, args.max_crashes)]
    print(f"[fuzz] {(time.monotonic() - started) / 60:.1f} minutes, {len(found)} crashing input(s)")
    for path in found:
        print(f"[fuzz]   {path.relative_to(ROOT)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
