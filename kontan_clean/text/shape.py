"""The shape of a block of text: does it end a sentence, could it be a headline, how does it open."""

from __future__ import annotations

from collections.abc import Sequence

from ..site.vocab import HEADLINE_PARTICLES
from .words import at_most

SENTENCE_END = (".", "!", "?", "\"", "”", "’", ")", "…")
"""Last characters of a block that ends a sentence (also inside closing quotes or brackets)."""
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 300
TITLE_CASE_SHARE = 0.7
"""Share of a headline's words (particles aside) that start with a capital in Title Case."""
OPENING_WORDS = 8
"""Text printed twice (an AMP lead and its body copy, a paragraph printed again) is found by
its first this many words: fewer match ordinary openings that repeat."""
_EDGE = "\"'“”‘’«»()[]{},.:;!?…"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence does."""
    return text.rstrip().endswith(SENTENCE_END)


def char_before(text: str, pos: int) -> str:
    """The last non-space character before `pos` ('' at the start). Scans back over one
    whitespace run only, never copies the text: a loop over the markers of a long block
    stays linear."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def skip_spaces(text: str, pos: int) -> int:
    """The first position at or after `pos` that is no space (a collapsed text has one space
    between words, so this steps once at most there)."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def ends_sentence_before(text: str, pos: int) -> bool:
    """`ends_sentence(text[:pos])` without copying the text (every sentence end is one
    character)."""
    return char_before(text, pos) in SENTENCE_END


def title_shaped(text: str) -> bool:
    """Short enough to be a headline (2 to 30 words), not a clause that runs on (`,`, `:`),
    and with a capital somewhere (`iPhone` too): an address such as `kontan.co.id
    kontan.co.id` or a line of figures is no headline."""
    return (len(text) <= TITLE_MAX_CHARS and at_most(text, TITLE_MAX_WORDS) and len(text.split(None, 2)) >= 2
            and not text.endswith((",", ":")) and any(map(str.isupper, text)))


def title_case(text: str) -> bool:
    """Written as kontan's headlines are: the words other than particles (di, ke, dari, dan,
    yang, untuk...) start with a capital, as running text's words do not."""
    words = [c for c in (w.strip(_EDGE) for w in text.split()) if c[:1].isalpha() and c.lower() not in HEADLINE_PARTICLES]
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def opening(word_lists: Sequence[list[str]], at: int, n: int = OPENING_WORDS) -> tuple[str, ...] | None:
    """The first `n` words from block `at` on, given each block's words: a short first
    paragraph runs on into the next (at most `n` blocks are read). None when there are fewer."""
    key: list[str] = []
    for pos in range(at, min(len(word_lists), at + n)):
        key.extend(word_lists[pos][:n - len(key)])
        if len(key) == n:
            return tuple(key)
    return None
