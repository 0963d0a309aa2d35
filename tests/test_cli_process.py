"""`kontan-clean` as a real process under the ways a long batch fails: SIGTERM, a double
Ctrl-C while a worker is stuck, a kill and `--resume`, a full disk, a reader that goes away,
a closed stdout, an output that would overwrite its input. Every run has a hard timeout, so
a hang fails the test instead of stalling CI."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self/stat").exists(),
                                reason="needs POSIX worker processes and /proc")

HARNESS = ROOT / "tests" / "cli_harness.py"
STOP_SECONDS = 10
"""How soon a stop signal must end the run: it takes under 0.2 s (measured); the bound is
generous for a loaded 2-core machine. That the run stopped early is checked by the lines
written, not by the clock."""
PAGES = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "text").glob("*.txt")) if "flattened" not in p.name]


def write_jsonl(path: Path, n: int, mark: str = "", prefix: str = "r", marks: dict[int, str] | None = None) -> list[str]:
    """`n` records (line renderings, each followed by the marker line `mark`); their ids."""
    ids = [f"{prefix}{i}" for i in range(n)]
    with open(path, "w", encoding="utf-8") as f:
        for i, rid in enumerate(ids):
            extra = (marks or {}).get(i, mark)
            f.write(json.dumps({"id": rid, "text": PAGES[i % len(PAGES)] + (f"\n\n{extra}" if extra else "")}) + "\n")
    return ids


def start(*args: str, stdout=subprocess.PIPE, cwd: Path = ROOT) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(HARNESS), *args], stdout=stdout, stderr=subprocess.PIPE,
                            cwd=cwd, env=env, start_new_session=True)


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def wait_for(check, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.02)


def whole_lines(data: bytes) -> list[dict]:
    """Every line parses as JSON and the data ends with a newline (no cut line)."""
    assert not data or data.endswith(b"\n")
    return [json.loads(line) for line in data.splitlines()]


def finish(proc: subprocess.Popen, seconds: float = 20) -> tuple[int, bytes, bytes]:
    try:
        out, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"kontan-clean did not end within {seconds} s")
    return proc.returncode, out or b"", err


# -- signals -----------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_stops_at_once_with_whole_lines_the_summary_and_no_orphans(tmp_path: Path, jobs: str) -> None:
    write_jsonl(tmp_path / "in.jsonl", 300, "TIDUR 0.02")
    proc = start("--jobs", jobs, str(tmp_path / "in.jsonl"))
    wait_for(lambda: len(children(proc.pid)) == int(jobs), 10)
    workers = children(proc.pid)
    time.sleep(0.3)
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code, out, err = finish(proc)
    assert code == 143 and time.monotonic() - sent < STOP_SECONDS
    got = whole_lines(out)
    assert 0 < len(got) < 300 and [r["id"] for r in got] == [f"r{i}" for i in range(len(got))]
    assert f"kontan-clean: {len(got)} documents: {len(got)} cleaned, 0 failed;".encode() in err
    assert err.endswith(b"kontan-clean: interrupted (SIGTERM); every line written so far is complete\n")
    assert b"Traceback" not in err
    assert not any(alive(pid) for pid in workers)


def test_ctrl_c_twice_while_a_worker_is_stuck_ends_at_once_without_a_traceback(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 40, marks={3: "PUTAR"})
    proc = start("--jobs", "2", str(tmp_path / "in.jsonl"), stdout=open(tmp_path / "out.jsonl", "wb"))
    wait_for(lambda: len(children(proc.pid)) == 2, 10)
    workers = children(proc.pid)
    out = tmp_path / "out.jsonl"  # the first records are out; record 3 holds the output back
    wait_for(lambda: out.read_bytes().count(b"\n") == 3, 20)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    time.sleep(0.05)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
    code, _, err = finish(proc)
    assert (code, b"Traceback" in err) == (130, False), err
    assert time.monotonic() - sent < STOP_SECONDS
    assert [r["id"] for r in whole_lines((tmp_path / "out.jsonl").read_bytes())] == ["r0", "r1", "r2"]
    assert not any(alive(pid) for pid in workers)


def test_one_ctrl_c_stops_a_stuck_worker_too(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 10, marks={0: "PUTAR"})
    proc = start("--jobs", "1", str(tmp_path / "in.jsonl"))
    wait_for(lambda: len(children(proc.pid)) == 1, 10)
    [worker] = children(proc.pid)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)
    code, out, err = finish(proc, 5)
    assert (code, out) == (130, b"")
    assert b"0 documents" in err and b"interrupted (SIGINT)" in err and b"Traceback" not in err
    assert not alive(worker)


# -- output that can be trusted ----------------------------------------------------------

def test_resume_after_a_kill_finishes_with_every_record_exactly_once(tmp_path: Path) -> None:
    inputs = [tmp_path / "in" / f"part{k}.jsonl" for k in range(4)]
    inputs[0].parent.mkdir()
    # The last file is slow (about 2.4 s with two workers): the kill lands before it is done
    # however slow the machine is when the first file appears.
    ids = [rid for k, path in enumerate(inputs)
           for rid in write_jsonl(path, 24, "TIDUR 0.2" if k == 3 else "TIDUR 0.03", prefix=f"p{k}-")]
    out = tmp_path / "out"
    proc = start("--jobs", "2", "--output", str(out), str(tmp_path / "in"))
    wait_for(lambda: out.is_dir() and any(out.glob("*.jsonl")), 20)  # one file is finished
    os.killpg(proc.pid, signal.SIGKILL)  # the whole job dies at once, workers included
    finish(proc)
    done_before = sorted(p.name for p in out.glob("*.jsonl"))
    assert 1 <= len(done_before) < 4
    for path in out.glob("*.jsonl"):  # a file under its own name is complete
        assert len(whole_lines(path.read_bytes())) == 24
    proc = start("--jobs", "2", "--resume", "--output", str(out), str(tmp_path / "in"))
    code, _, err = finish(proc)
    assert code == 0, err
    assert f"already cleaned (--resume) {len(done_before)}".encode() in err
    got = [r["id"] for path in sorted(out.glob("*.jsonl")) for r in whole_lines(path.read_bytes())]
    assert sorted(got) == sorted(ids) and len(got) == len(set(got))
    assert sorted(p.name for p in out.iterdir()) == [f"part{k}.jsonl" for k in range(4)]  # no part file left


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 64 KiB tmpfs, or skip where it cannot be mounted (not root, no mount namespace)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_a_full_disk_is_an_output_error_with_no_cut_line(tmp_path: Path, small_disk: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 40)
    write_jsonl(tmp_path / "b.jsonl", 40, prefix="b")
    # --output: the folder fills up part-way through the second file.
    proc = start("--jobs", "2", "--output", str(small_disk / "out"), str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"))
    code, _, err = finish(proc)
    assert code == 3 and err.count(b"\n") == 1 and b"No space left on device" in err, err
    for path in (small_disk / "out").iterdir():  # only complete files, and no part file
        assert not path.name.startswith(".") and len(whole_lines(path.read_bytes())) == 40
    shutil.rmtree(small_disk / "out")
    # stdout to a file on the full disk: cut back to the last whole line.
    with open(small_disk / "stdout.jsonl", "wb") as f:
        code, _, err = finish(start("--jobs", "1", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), stdout=f))
    assert code == 3 and err == b"kontan-clean: cannot write stdout: No space left on device\n"
    got = whole_lines((small_disk / "stdout.jsonl").read_bytes())
    assert 0 < len(got) < 80 and [r["id"] for r in got] == [f"r{i}" for i in range(len(got))]


def test_a_reader_that_goes_away_is_an_output_error_without_a_traceback(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 400)
    proc = start("--jobs", "2", str(tmp_path / "in.jsonl"))  # `kontan-clean ... | head -1`
    json.loads(proc.stdout.readline())
    proc.stdout.close()
    code, _, err = finish(proc)
    assert code == 3 and err == b"kontan-clean: cannot write stdout: the reader closed the pipe\n"


def test_a_closed_stdout_is_an_output_error(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 3)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(["sh", "-c", f'"{sys.executable}" -m kontan_clean "{tmp_path / "in.jsonl"}" >&-'],
                          capture_output=True, env=env, cwd=ROOT, timeout=30)
    assert done.returncode == 3 and done.stderr == b"kontan-clean: cannot write stdout: it is closed\n"


def test_stdout_appended_to_its_own_input_is_refused(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 3)
    before = (tmp_path / "in.jsonl").read_bytes()
    with open(tmp_path / "in.jsonl", "ab") as f:  # `kontan-clean in.jsonl >> in.jsonl` would read itself for ever
        code, _, err = finish(start(str(tmp_path / "in.jsonl"), stdout=f))
    assert code == 2 and b"stdout is the input" in err
    assert (tmp_path / "in.jsonl").read_bytes() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_parent_killed_outright(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 10, marks={0: "PUTAR", 1: "PUTAR"})  # both workers busy for ever
    proc = start("--jobs", "2", str(tmp_path / "in.jsonl"))
    wait_for(lambda: len(children(proc.pid)) == 2, 10)
    workers = children(proc.pid)
    assert len(workers) == 2 and all(alive(pid) for pid in workers)
    proc.send_signal(signal.SIGKILL)  # the parent alone: no handler, no clean-up
    code, _, _ = finish(proc)
    assert code == -signal.SIGKILL
    end = time.monotonic() + 10  # the kernel kills them at once (PR_SET_PDEATHSIG); generous
    while any(alive(pid) for pid in workers) and time.monotonic() < end:
        time.sleep(0.02)
    assert [pid for pid in workers if alive(pid)] == [], "workers outlived their parent"


@pytest.mark.parametrize("jobs,room", [("1", 100), ("2", 100), ("2", 8192)])
def test_a_full_disk_never_cuts_into_a_file_appended_to(tmp_path: Path, jobs: str, room: int) -> None:
    """`kontan-clean ... >> corpus.jsonl` on a disk that fills up: the lines the file had stay,
    the new lines after them are whole (an O_APPEND descriptor's offset reads 0)."""
    import resource

    write_jsonl(tmp_path / "in.jsonl", 40)
    before = b"".join(json.dumps({"id": f"old{i}", "text": "x" * 60}).encode() + b"\n" for i in range(20))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(before)
    limit = len(before) + room  # room for no line, or for a few lines, never for forty

    def small_file_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    fd = os.open(corpus, os.O_WRONLY | os.O_APPEND)  # as the shell opens `>>`: the offset stays 0
    try:
        proc = subprocess.Popen([sys.executable, str(HARNESS), "--jobs", jobs, str(tmp_path / "in.jsonl")], stdout=fd,
                                stderr=subprocess.PIPE, cwd=ROOT, env=env, start_new_session=True,
                                preexec_fn=small_file_limit)
        code, _, err = finish(proc)
    finally:
        os.close(fd)
    assert code == 3 and b"cannot write stdout" in err and b"Traceback" not in err, err
    data = corpus.read_bytes()
    assert data.startswith(before)
    got = whole_lines(data[len(before):])
    assert len(got) < 40 and (len(got) > 0) == (room > 1000)
    assert [r["id"] for r in got] == [f"r{i}" for i in range(len(got))]
