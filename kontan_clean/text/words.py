"""Word counts that stop early, and what the words are."""


def at_most(text: str, n: int) -> bool:
    """Whether `text` has at most `n` whitespace-separated words. Splits off `n` words only,
    never the whole text: a long paragraph costs as little as a short one."""
    return len(text.split(None, n)) <= n


def mostly_words(words: list[str]) -> bool:
    """Mostly words, not figures: a heading rather than a table row (`US$ 250 juta`)."""
    return sum(w.isalpha() for w in words) * 2 >= len(words)
