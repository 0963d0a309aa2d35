"""Worker processes that a batch run survives: any worker may die or hang at any moment and
the run loses at most the one item that worker was on.

Hand-written rather than a pool library, because the libraries share one channel between all
workers, and a worker killed while it holds that channel's lock or is half-way through a
message takes the pool down with it: `concurrent.futures.ProcessPoolExecutor` breaks (every
pending future fails) or hangs in `Future.result`; pebble has had deadlocks when a worker dies
holding `WorkerChannel.lock()` (noxdafox/pebble#163), a pool blocked after an OOM kill (#97)
and a task that never completes after a cancellation race (#153, open); loky turns one
death into `TerminatedWorkerError` for the whole executor; billiard's worker-lost races are
tied to celery (celery/billiard#278). Here each worker has a pipe of its own each way, so
a death can only cut its own pipe; the parent never blocks on a worker (its writes are
non-blocking, and it reads only what `poll` says is there) and waits with a deadline, so no
interleaving of deaths can hang it. It is a few hundred lines of `os.fork`, `os.pipe` and
`poll`.

Linux is the supported platform for the workers: there a worker dies with its parent
(`PR_SET_PDEATHSIG`) and the pipes are sized up (`F_SETPIPE_SZ`). On macOS forking is not
safe (Apple's frameworks are not fork-safe; Python itself starts processes by spawn there),
and Windows has no `os.fork`: on any platform but Linux, `can_fork()` is False and
`kontan_clean.batch` cleans every page in the calling process instead, with no time budget
and no protection from a crash. There is no spawn mode (it would need the pipeline pickled
and a fresh interpreter per worker).

The time budget is enforced the same way, by killing the worker, rather than with SIGALRM
or `regex` timeouts: a signal handler runs only between bytecodes, never inside lxml or
another C loop, and in-process nothing survives a page that exhausts memory; `regex`
timeouts would cover the regex calls and nothing else.

Workers are forked (so a custom pipeline, lambdas included, needs no pickling, and a
replacement starts in milliseconds with everything imported); items go out in chunks, and
each result comes back as its own message, so the parent always knows which item a worker
is on and when it started it.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import struct
import sys
import time
from collections import deque
from typing import Any, Callable, Iterable, Iterator

HEADER = struct.Struct("<Q")
"""Every message: its length, then a pickle."""

_LIVE: set[int] = set()
"""Process ids of the workers alive in this process (for `kill_all`)."""

NAP = 0.001
"""Seconds the parent sleeps at least before a wait while every worker is well supplied."""
MAX_NAP = 0.02
"""... and at most: the nap lasts until the first worker could be half through its queue."""
READ_SIZE = 1 << 20
"""Bytes read from a result pipe at a time, into one buffer kept for the run: a fresh 1 MB
`bytes` per read costs an mmap and page faults (8 us against under 1 us, measured)."""

_F_SETPIPE_SZ = 1031  # Linux: a bigger pipe means fewer wake-ups per result


def can_fork() -> bool:
    """Whether batches are cleaned in worker processes here: on Linux, the one supported
    platform for them (see the module docstring); elsewhere they are cleaned in-process."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def kill_all() -> None:
    """SIGKILL every worker this process has started (for an exit that cannot wait)."""
    for pid in list(_LIVE):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


class WorkerError(Exception):
    """`work` raised in a worker; the message says what."""


class PoolError(RuntimeError):
    """The pool cannot go on: no worker process can be started, or they all die on start."""


class _Worker:
    __slots__ = ("pid", "task_fd", "result_fd", "out", "inbuf", "queue", "started", "polling_out", "writable")

    def __init__(self, pid: int, task_fd: int, result_fd: int) -> None:
        self.pid, self.task_fd, self.result_fd = pid, task_fd, result_fd
        self.out = bytearray()    # framed tasks not yet written
        self.inbuf = bytearray()  # bytes of results not yet whole
        self.queue: deque[int] = deque()  # sequence numbers sent, in order, not yet answered
        self.started = 0.0        # when the worker began the item at queue[0] (at the latest)
        self.polling_out = False  # task_fd is in the poll set (there is something to write)
        self.writable = True      # task_fd is open (closed when a write to it failed)


class Pool:
    """`jobs` forked workers running `work(item)`; `run()` feeds them and yields
    `(item, result)` in input order.

    An item whose worker died becomes `lost(item, "crashed", why)`; one that took longer
    than `timeout` seconds has its worker killed and becomes `lost(item, "timeout", why)`;
    an exception from `work` becomes `lost(item, "internal", why)`. Each time the worker is
    replaced and its other items go to the next free worker. At most `2 * jobs * chunk`
    items are read ahead of the output.
    """

    def __init__(self, jobs: int, work: Callable[[Any], Any], lost: Callable[[Any, str, str], Any], *,
                 timeout: float | None = None, chunk: int = 16) -> None:
        self.jobs, self.work, self.lost = max(1, jobs), work, lost
        self.timeout = timeout if timeout and timeout > 0 else None
        self.chunk = max(1, chunk)
        self.workers: list[_Worker] = []
        self.idle_deaths = 0
        self.poller = select.poll()
        self.by_fd: dict[int, _Worker] = {}
        self.pace = 0.0  # seconds a result takes a worker, smoothed (0: none seen yet)
        self.readbuf = memoryview(bytearray(READ_SIZE))

    # -- the parent's loop ----------------------------------------------------------

    def run(self, items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        """Yield `(item, result)` for every item, in order. Closing the iterator (or an
        exception in the consumer, such as Ctrl-C) kills the workers at once. An exception
        from `items` ends the input: every item read before it is still yielded, then the
        exception is raised."""
        source = iter(items)
        self.held: dict[int, Any] = {}   # seq -> item, until its result is yielded
        self.done: dict[int, Any] = {}   # seq -> result, waiting for its turn
        self.todo: deque[int] = deque()  # items taken back from a dead worker, to send again
        self.next_seq = next_out = 0
        self.failure: Exception | None = None  # what reading the input raised
        exhausted = False
        window = 2 * self.jobs * self.chunk
        try:
            while len(self.workers) < self.jobs:
                self._spawn()
            while True:
                exhausted = self._feed(source, exhausted, next_out + window)
                progressed = next_out in self.done
                while next_out in self.done:
                    yield self.held.pop(next_out), self.done.pop(next_out)
                    next_out += 1
                if exhausted and next_out == self.next_seq:
                    if self.failure is not None:
                        raise self.failure
                    return
                if not progressed:  # else there may be room in the window: feed before waiting
                    self._wait()
        finally:
            self.close()

    def _feed(self, source: Iterator[Any], exhausted: bool, limit: int) -> bool:
        """Top up every worker whose queue is half empty; returns whether the input is done."""
        for w in self.workers:
            if len(w.queue) > self.chunk // 2 or not w.writable:
                continue
            batch: list[tuple[int, Any]] = []
            while len(w.queue) + len(batch) < self.chunk:
                if self.todo:
                    seq = self.todo.popleft()
                elif exhausted or self.next_seq >= limit:
                    break
                else:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    except Exception as exc:  # noqa: BLE001 - raised again once the items before it are out
                        self.failure, exhausted = exc, True
                        break
                    seq, self.next_seq = self.next_seq, self.next_seq + 1
                    self.held[seq] = item
                batch.append((seq, self.held[seq]))
            if batch:
                if not w.queue:
                    w.started = time.monotonic()
                w.queue.extend(seq for seq, _ in batch)
                data = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
                w.out += HEADER.pack(len(data))
                w.out += data
                self._send(w)
        return exhausted

    def _wait(self) -> None:
        """Wait for results, room in a pipe, a death or the nearest deadline; handle them."""
        if not any(w.queue or not w.writable for w in self.workers):  # nothing could ever wake the wait
            raise PoolError("kontan_clean.pool: waiting with no work sent out; please report it")
        if all(len(w.queue) > self.chunk // 2 for w in self.workers):
            # Every worker has milliseconds of work ahead: let results gather rather than
            # wake for each one (measured: the parent's CPU per page -30%, one job +10%),
            # until the first could be down to half its queue, where it is topped up.
            ahead = min(len(w.queue) for w in self.workers) - self.chunk // 2
            time.sleep(min(MAX_NAP, max(NAP, ahead * self.pace)))
        wait_ms = None
        if self.timeout:
            deadlines = [w.started + self.timeout for w in self.workers if w.queue]
            if deadlines:
                wait_ms = max(0, int((min(deadlines) - time.monotonic()) * 1000) + 1)
        dead: dict[_Worker, str] = {}
        for fd, event in self.poller.poll(wait_ms):
            w = self.by_fd[fd]
            if w in dead:
                continue
            if fd == w.task_fd:
                self._send(w)
            elif not self._receive(w):
                dead[w] = "crashed"
        if self.timeout:
            now = time.monotonic()
            for w in self.workers:
                if w.queue and w not in dead and now >= w.started + self.timeout:
                    dead[w] = "timeout"
        for w, kind in dead.items():
            self._replace(w, kind)

    def _send(self, w: _Worker) -> None:
        """Write what the pipe takes now (and poll for room for the rest)."""
        if not w.writable:
            return
        try:
            n = os.write(w.task_fd, w.out)
        except BlockingIOError:
            n = 0
        except OSError:  # EPIPE: it died
            self._stop_writing(w)
            return
        del w.out[:n]
        if bool(w.out) != w.polling_out:
            if w.out:
                self.poller.register(w.task_fd, select.POLLOUT)
            else:
                self.poller.unregister(w.task_fd)
            w.polling_out = bool(w.out)

    def _stop_writing(self, w: _Worker) -> None:
        """A write to the worker failed: write to it no more, but read its results to the end.
        Only end of file on its result pipe says it is dead: what it sent before dying (a
        result bigger than one read, or not read yet) is still there. Closing the task pipe
        also tells a worker still alive to finish what it has and exit."""
        if w.polling_out:
            self.poller.unregister(w.task_fd)
            w.polling_out = False
        self.by_fd.pop(w.task_fd, None)
        w.out.clear()
        w.writable = False
        try:
            os.close(w.task_fd)
        except OSError:
            pass

    def _receive(self, w: _Worker) -> bool:
        """Read what is there and take every whole result; False at end of file (it died)."""
        try:
            n = os.readv(w.result_fd, [self.readbuf])
        except BlockingIOError:
            return True
        except OSError:
            return False
        if not n:
            return False
        w.inbuf += self.readbuf[:n]
        now = time.monotonic()
        began, w.started = w.started, now  # a worker sending a result is not stuck on its item
        buf, pos, got = w.inbuf, 0, 0
        while len(buf) - pos >= HEADER.size:
            (n,) = HEADER.unpack_from(buf, pos)
            end = pos + HEADER.size + n
            if len(buf) < end:
                break
            seq, result = pickle.loads(memoryview(buf)[pos + HEADER.size:end])
            pos = end
            expected = w.queue.popleft()
            assert seq == expected, (seq, expected)
            if isinstance(result, WorkerError):
                result = self.lost(self.held[seq], "internal", str(result))
            self.done[seq] = result
            got += 1
            self.idle_deaths = 0
        if got:
            took = (now - began) / got
            self.pace = took if not self.pace else 0.8 * self.pace + 0.2 * took
        del buf[:pos]
        return True

    # -- workers ----------------------------------------------------------------------

    def _replace(self, w: _Worker, kind: str) -> None:
        """A worker died (or overran the budget, and is killed): fail the item it was on,
        send its other items again, start another worker."""
        status = self._stop(w)
        self.workers.remove(w)
        if w.queue:
            seq = w.queue.popleft()
            if kind == "timeout":
                why = (f"cleaning took longer than the time budget of {self.timeout:g} s, so it was stopped "
                       "(raise the budget with --timeout / timeout=)")
            else:
                why = f"the worker process cleaning it died ({_describe(status)}); the page was skipped"
            self.done[seq] = self.lost(self.held[seq], kind, why)
            self.todo = deque(sorted([*self.todo, *w.queue]))
        else:
            self.idle_deaths += 1
            if self.idle_deaths > 3 * self.jobs:
                raise PoolError(f"worker processes keep dying before they take any work ({_describe(status)})")
        self._spawn()

    def _spawn(self) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        for fd in (task_w, result_w):
            _grow_pipe(fd)
        inherited = [fd for w in self.workers for fd in ((w.task_fd, w.result_fd) if w.writable else (w.result_fd,))]
        inherited += [task_w, result_r]
        for stream in (sys.stdout, sys.stderr):  # else a child could write the parent's buffer again
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError as exc:
            for fd in (task_r, task_w, result_r, result_w):
                os.close(fd)
            raise PoolError(f"cannot start a worker process: {exc.strerror or exc}") from None
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            _child(task_r, result_w, inherited, self.work, parent)
        _LIVE.add(pid)
        os.close(task_r)
        os.close(result_w)
        os.set_blocking(task_w, False)
        os.set_blocking(result_r, False)
        w = _Worker(pid, task_w, result_r)
        self.workers.append(w)
        self.by_fd[task_w] = self.by_fd[result_r] = w
        self.poller.register(result_r, select.POLLIN)

    def _stop(self, w: _Worker) -> int | None:
        """Kill and reap one worker; its wait status, or None if it would not go in time."""
        for fd in (w.task_fd, w.result_fd) if w.writable else (w.result_fd,):
            self.by_fd.pop(fd, None)
            try:
                self.poller.unregister(fd)
            except KeyError:
                pass
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.kill(w.pid, signal.SIGKILL)
        except OSError:
            pass
        return _reap(w.pid)

    def close(self) -> None:
        """Kill every worker (idle ones at the end of a run, busy ones after Ctrl-C)."""
        workers, self.workers = self.workers, []
        for w in workers:
            self._stop(w)


def _reap(pid: int, patience: float = 2.0) -> int | None:
    """`waitpid` that gives up after `patience` seconds (a process stuck in the kernel);
    the zombie is then left to init when this process exits."""
    end = time.monotonic() + patience
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            _LIVE.discard(pid)
            return None
        if done:
            _LIVE.discard(pid)
            return status
        if time.monotonic() > end:
            return None
        time.sleep(0.001)


def _describe(status: int | None) -> str:
    if status is None:
        return "it did not say why"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        return f"killed by {name}" + (": out of memory?" if sig == signal.SIGKILL else "")
    return f"exit status {os.WEXITSTATUS(status)}"


def _grow_pipe(fd: int) -> None:
    try:
        import fcntl
        fcntl.fcntl(fd, _F_SETPIPE_SZ, 1 << 20)
    except (ImportError, OSError):
        pass


# -- the worker's side -----------------------------------------------------------------

def _child(task_fd: int, result_fd: int, inherited: list[int], work: Callable[[Any], Any],
           parent: int) -> None:  # pragma: no cover
    """The worker's whole life: never returns into the parent's code."""
    code = 0
    try:
        # The parent alone decides when to stop: Ctrl-C (sent to the whole process group)
        # and SIGTERM reach it, and it kills the workers.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for fd in inherited:  # else another worker's death would not show as end of file
            os.close(fd)
        _die_with_parent(parent)
        os.dup2(2, 1)  # a stray print in a filter must never land in the output stream
        # The objects inherited from the parent are never garbage here: keep the collector
        # off them, so it neither spends time on them nor copies their pages.
        gc.freeze()
        _serve(task_fd, result_fd, work)
    except BaseException:  # noqa: BLE001 - nothing of the parent's must run in the child
        code = 70
    finally:
        os._exit(code)


def _serve(task_fd: int, result_fd: int, work: Callable[[Any], Any]) -> None:  # pragma: no cover
    while True:
        head = _read_exact(task_fd, HEADER.size)
        if head is None:
            return  # the parent has gone
        body = _read_exact(task_fd, HEADER.unpack(head)[0])
        if body is None:
            return
        for seq, item in pickle.loads(body):
            try:
                data = pickle.dumps((seq, work(item)), pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - reported by the parent as an internal error
                data = pickle.dumps((seq, WorkerError(f"internal error ({type(exc).__name__}: {exc}); "
                                                      "please report it with the page")))
            _write_all(result_fd, HEADER.pack(len(data)) + data)


def _read_exact(fd: int, n: int) -> bytes | None:  # pragma: no cover
    parts, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _write_all(fd: int, data: bytes) -> None:  # pragma: no cover
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _load_prctl() -> Callable[..., int] | None:
    """libc's `prctl` (Linux), loaded once here so that each worker need not import ctypes."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl
    except (ImportError, OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def _die_with_parent(parent: int) -> None:  # pragma: no cover
    """Linux: SIGKILL this worker when the parent dies, however it dies (no orphans)."""
    if _PRCTL is not None:
        _PRCTL(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # it died before the line above
            os._exit(0)


__all__ = ["Pool", "PoolError", "WorkerError", "can_fork", "kill_all"]
