"""The library's own exceptions: everything `clean()` raises on bad input derives from one."""


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
