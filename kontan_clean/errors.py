"""The library's own exceptions: everything `clean()` raises on bad input derives from one."""

from __future__ import annotations

import importlib
from typing import Any


class KontanCleanError(ValueError):
    """Base class: the input could not be cleaned. The message says why and what to do."""


class EmptyInputError(KontanCleanError):
    """The input is empty or only whitespace."""


class DecodeError(KontanCleanError):
    """Bytes that no encoding turns into text."""


class NoArticleError(KontanCleanError):
    """The page was read but holds no article text (a crawler placeholder, an index page)."""


class TooLargeError(KontanCleanError):
    """The page is over a size limit (the trafilatura fallback's, for unknown layouts)."""


class DependencyError(KontanCleanError):
    """A package the page needs is missing or broken (it fails to import). `package` names
    it and `install` is the command that installs it; in batch mode the page becomes an
    error record of kind `dependency`."""

    def __init__(self, package: str, install: str, cause: BaseException | None = None) -> None:
        self.package = package
        self.install = install
        why = f" ({type(cause).__name__}: {' '.join(str(cause).split())})" if cause is not None else ""  # one line
        super().__init__(f"{package} is missing or broken{why}: {install}")


def require(module: str, package: str, install: str) -> Any:
    """`import module`, or raise `DependencyError(package, install)` when it or anything it
    imports is missing or fails to import."""
    try:
        return importlib.import_module(module)
    except Exception as exc:  # noqa: BLE001 - a broken install raises more than ImportError
        raise DependencyError(package, install, exc) from exc
