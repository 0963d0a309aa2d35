"""SIGINT and SIGTERM: stop cleanly the first time, at once the second time.

The first signal raises `Interrupted` in the main thread, except while a line is being
written (`hold()`), where it waits for the end of the line: the run stops, the pool kills its
workers, the summary so far is printed and the exit status is 130 (SIGINT) or 143 (SIGTERM).
A second signal, while that is going on, kills the workers, cuts off a half-written line
where it can (`on_hard_exit`) and exits at once, without a traceback.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

from ..pool import kill_all

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A stop signal arrived (a `BaseException`, like `KeyboardInterrupt`, so that no
    `except Exception` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """128 + the signal's number: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


class _State:
    installed = False
    holding = 0
    pending: int | None = None
    count = 0
    cleanups: list[Callable[[], None]] = []


_state = _State()


def _handler(signum: int, frame: object) -> None:
    _state.count += 1
    if _state.count > 1:
        _hard_exit(signum)
    if _state.holding:
        _state.pending = signum
        return
    raise Interrupted(signum)


def _hard_exit(signum: int) -> None:
    kill_all()
    for cleanup in list(_state.cleanups):
        try:
            cleanup()
        except Exception:  # noqa: BLE001 - exiting anyway
            pass
    os._exit(128 + signum)


@contextmanager
def stop_signals(restore_after_stop: bool = True) -> Iterator[None]:
    """Handle SIGINT and SIGTERM as above for the duration of the block (main thread only;
    elsewhere, or already installed, it does nothing). A program on its way out after a stop
    signal passes `restore_after_stop=False`: a second signal, even after the block, then
    still ends it at once rather than meeting Python's handler and printing a traceback."""
    if _state.installed or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _handler) for s in STOP_SIGNALS}
    _state.installed, _state.holding, _state.pending, _state.count = True, 0, None, 0
    try:
        yield
    finally:
        if restore_after_stop or not _state.count:
            for s, handler in previous.items():
                signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        _state.installed, _state.cleanups = False, []


@contextmanager
def hold() -> Iterator[None]:
    """Hold a first stop signal back until the block is done (a line is written whole or
    not at all)."""
    _state.holding += 1
    try:
        yield
    finally:
        _state.holding -= 1
        if not _state.holding and _state.pending is not None:
            signum, _state.pending = _state.pending, None
            raise Interrupted(signum)


def on_hard_exit(cleanup: Callable[[], None]) -> Callable[[], None]:
    """Run `cleanup` if a second signal ends the process at once; returns a function that
    takes it off the list again."""
    _state.cleanups.append(cleanup)

    def forget() -> None:
        if cleanup in _state.cleanups:
            _state.cleanups.remove(cleanup)
    return forget


__all__ = ["Interrupted", "hold", "on_hard_exit", "stop_signals"]
