"""The worker pool under fire: workers SIGKILLed at random moments (also half-way through
sending a result), segfaults, pages that sleep or loop past the time budget. Never a hang
(every run has a hard deadline), N records in and N out in order, at most one `crashed`
record per kill, and every other record exactly what `clean()` gives."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

import pytest

from kontan_clean import Article, Pipeline, clean
from kontan_clean import pool as pool_module
from kontan_clean.batch import Failure, clean_many, clean_records
from cli_harness import stall
from conftest import SAMPLES

pytestmark = pytest.mark.skipif(not pool_module.can_fork(), reason="worker processes need os.fork")

# Line renderings (a marker line stays a block of its own there; flattened text has no lines).
PAGES = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "text").glob("*.txt")) if "flattened" not in p.name]
EXPECTED = [clean(p).text for p in PAGES]


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the test run) if the block takes longer than `seconds`."""
    def expire(*_: object) -> None:
        states = {pid: _state(pid) for pid in pool_module._LIVE}
        for pid in states:  # faulthandler (pytest enables it) prints each worker's stack on SIGABRT
            os.kill(pid, signal.SIGABRT)
        time.sleep(0.3)
        raise TimeoutError(f"no result after {seconds} s: the batch hangs; workers: {states}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


STALL = Pipeline.default().add(stall, name="stall", first=True)


def _state(pid: int) -> str:
    """A process's state and where in the kernel it waits."""
    try:
        stat = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        return f"{stat} {open(f'/proc/{pid}/wchan').read()}"
    except OSError as exc:
        return str(exc)


def _items(n: int, marks: dict[int, str] | None = None) -> list[tuple[int, str]]:
    marks = marks or {}
    return [(i, PAGES[i % len(PAGES)] + (f"\n\n{marks[i]}" if i in marks else "")) for i in range(n)]


def _check(got: list, n: int, allowed: set[int] | None = None) -> list[Failure]:
    """N out in order; every success exactly as `clean()` gives it; the failures returned."""
    assert len(got) == n
    failures = []
    for i, result in enumerate(got):
        if isinstance(result, Failure):
            assert result.id == i
            failures.append(result)
        else:
            assert isinstance(result, Article) and result.text == EXPECTED[i % len(PAGES)]
    if allowed is not None:
        assert {f.id for f in failures} <= allowed
    return failures


class Killer(threading.Thread):
    """SIGKILLs a random live worker after each of `delays`; counts the kills delivered."""

    def __init__(self, delays: list[float]) -> None:
        super().__init__(daemon=True)
        self.delays, self.kills, self.stop = delays, 0, threading.Event()

    def run(self) -> None:
        for delay in self.delays:
            if self.stop.wait(delay):
                return
            live = sorted(pool_module._LIVE)
            if live:
                try:
                    os.kill(random.choice(live), signal.SIGKILL)
                    self.kills += 1
                except ProcessLookupError:
                    pass


@pytest.mark.parametrize("trial", range(30))
def test_random_sigkills_never_hang_nor_lose_a_record(trial: int) -> None:
    rnd = random.Random(trial)
    n = 48
    killer = Killer([rnd.uniform(0, 0.05) for _ in range(rnd.choice([1, 1, 2, 3]))])
    with deadline(20):
        results = clean_many(_items(n, {i: "LAMBAT" for i in range(n)}), jobs=2, pipeline=STALL, chunk=4,
                             timeout=10)
        killer.start()
        got = list(results)
    killer.stop.set()
    killer.join()
    failures = _check(got, n)
    assert {f.kind for f in failures} <= {"crashed"}
    assert len(failures) <= killer.kills
    assert all("killed by SIGKILL" in f.error for f in failures)


def test_a_kill_while_the_worker_sends_its_result(monkeypatch) -> None:
    # The worker writes half of its result message, then dies: the parent must see a cut
    # message from a dead worker, not wait for the rest.
    real = pool_module._write_all

    def half_then_die(fd: int, data: bytes) -> None:
        if b"KIRIM-LALU-MATI" in data:
            os.write(fd, data[: len(data) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        real(fd, data)

    monkeypatch.setattr(pool_module, "_write_all", half_then_die)
    items = _items(30)
    items[7] = (7, items[7][1] + "\n\nKIRIM-LALU-MATI")
    items[20] = (20, items[20][1] + "\n\nKIRIM-LALU-MATI")
    for jobs in (1, 2):
        with deadline(20):
            got = list(clean_many(items, jobs=jobs, chunk=4, timeout=10))
        assert len(got) == 30
        failures = [r for r in got if isinstance(r, Failure)]
        assert [(f.id, f.kind) for f in failures] == [(7, "crashed"), (20, "crashed")]
        assert [r.text for i, r in enumerate(got) if i not in (7, 20)] == [
            clean(page).text for i, page in items if i not in (7, 20)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_segfault_costs_only_its_own_page(jobs: int) -> None:
    import faulthandler
    if faulthandler.is_enabled():  # pytest's: it would print the dead worker's stack
        faulthandler.disable()
    with deadline(20):
        got = list(clean_many(_items(20, {5: "SEGFAULT", 13: "SEGFAULT"}), jobs=jobs, pipeline=STALL, chunk=8))
    failures = _check(got, 20, {5, 13})
    assert [(f.id, f.kind) for f in failures] == [(5, "crashed"), (13, "crashed")]
    assert "killed by SIGSEGV" in failures[0].error


@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_over_the_budget_time_out_and_the_rest_keeps_its_pace(jobs: int) -> None:
    budget = 0.5
    marks = {3: "TIDUR 60", 9: "PUTAR"}
    # The hang guard: a page left to sleep its 60 s (or loop) would exceed it; the run takes
    # about two budgets (measured: 1-2 s), so a slow 2-core machine has room to spare.
    with deadline(30):
        got = list(clean_many(_items(24, marks), jobs=jobs, pipeline=STALL, chunk=4, timeout=budget))
    failures = _check(got, 24, set(marks))
    assert [(f.id, f.kind) for f in failures] == [(3, "timeout"), (9, "timeout")]
    assert "time budget of 0.5 s" in failures[0].error


def test_output_never_waits_much_longer_than_one_budget_for_a_slow_page() -> None:
    budget = 0.4
    arrivals: list[float] = []
    results = []
    start = time.monotonic()
    with deadline(30):  # the hang guard: a page that loops for ever must not hold the output
        for record, result in clean_records(_items(12, {0: "PUTAR"}), jobs=2, pipeline=STALL, chunk=2,
                                            timeout=budget):
            arrivals.append(time.monotonic() - start)
            results.append((record.id, result.kind if isinstance(result, Failure) else None))
    # The stuck page's timeout record comes first, then every other page, in order, cleaned.
    assert results == [(0, "timeout")] + [(i, None) for i in range(1, 12)]
    # About one budget, and the others ready behind it (measured: 0.4 s, then 0.1 s): bounds
    # over ten times that, for a loaded 2-core machine.
    assert arrivals[0] < 10 * budget + 5
    assert arrivals[-1] - arrivals[0] < 5


def test_render_runs_in_the_worker_and_its_value_is_yielded() -> None:
    def render(record, result) -> tuple[int, int, str]:
        return os.getpid(), record.id, type(result).__name__

    got = list(clean_records(_items(10, {4: "PUTAR"}), jobs=2, pipeline=STALL, chunk=2, timeout=0.3,
                             render=render))
    assert [r.id for r, _ in got] == list(range(10))
    assert {pid for _, (pid, _, _) in got if _ != 4} - {os.getpid()}  # made in workers
    assert got[4][1] == (os.getpid(), 4, "Failure")  # the timeout record: made here, rendered the same way
    assert all(kind == "Article" for i, (_, (_, _, kind)) in enumerate(got) if i != 4)


def test_no_worker_outlives_the_run_even_when_the_consumer_stops_early() -> None:
    results = clean_many(_items(200), jobs=2, chunk=4)
    next(results)
    live = set(pool_module._LIVE)
    assert len(live) == 2
    results.close()
    assert not pool_module._LIVE
    for pid in live:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_every_window_and_chunk_size_runs_to_the_end(jobs: int, chunk: int) -> None:
    # Once, the window filled, every result came in and was yielded, and the loop went back
    # to waiting before sending more: a hang with no worker busy.
    with deadline(20):
        got = list(clean_many(_items(60), jobs=jobs, chunk=chunk))
    assert not _check(got, 60)


def test_a_system_out_of_processes_is_one_clear_error(monkeypatch, capsys, tmp_path) -> None:
    from kontan_clean.cli import main

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(pool_module.os, "fork", no_fork)
    with pytest.raises(pool_module.PoolError, match="cannot start a worker process: Resource temporarily"):
        list(clean_many(_items(3), jobs=2))
    (tmp_path / "a.txt").write_text(PAGES[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGES[1], encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert capsys.readouterr().err == ("kontan-clean: stopped: cannot start a worker process: "
                                       "Resource temporarily unavailable\n")


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_that_raises_still_yields_every_page_read_before_it(jobs: int) -> None:
    def items() -> Iterator[tuple[int, str]]:
        yield from _items(40)
        raise RuntimeError("the input broke")

    got = []
    with deadline(60), pytest.raises(RuntimeError, match="the input broke"):
        for result in clean_many(items(), jobs, timeout=30):
            got.append(result)
    assert len(got) == 40 and not [r for r in got if isinstance(r, Failure)]


def test_a_failed_write_to_a_worker_does_not_lose_the_results_it_sent(monkeypatch) -> None:
    """The task pipe breaks (EPIPE: the worker is gone) while its finished result, over the
    1 MB read per poll, is still in the result pipe: the result is read, not taken as a crash."""
    parent, real_write, calls = os.getpid(), os.write, []

    def write(fd: int, data) -> int:
        if os.getpid() == parent and pool.workers and fd == pool.workers[0].task_fd:
            calls.append(fd)
            if len(calls) == 2:  # the second batch: the pipe is full, wait for room ...
                raise BlockingIOError
            if len(calls) == 3:  # ... and then it breaks
                raise BrokenPipeError
        return real_write(fd, data)

    def work(item: int) -> object:
        return "x" * 3_000_000 if item == 1 else item

    monkeypatch.setattr(os, "write", write)
    pool = pool_module.Pool(1, work, lambda item, kind, why: (kind, item), chunk=2)
    with deadline(60):
        got = [result for _, result in pool.run(range(4))]
    assert len(calls) >= 3
    assert got[:2] == [0, "x" * 3_000_000]  # item 2 was on the worker whose pipe broke
    assert len(got) == 4 and got[3] == 3
