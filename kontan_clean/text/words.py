"""Word counts that stop early."""


def at_most(text: str, n: int) -> bool:
    """Whether `text` has at most `n` whitespace-separated words. Splits off `n` words only,
    never the whole text: a long paragraph costs as little as a short one."""
    return len(text.split(None, n)) <= n
