"""The shape of a block of text: does it end a sentence, could it be a headline."""

from __future__ import annotations

from ..site.vocab import HEADLINE_PARTICLES
from .words import at_most

SENTENCE_END = (".", "!", "?", "\"", "”", "’", ")", "…")
"""Last characters of a block that ends a sentence (also inside closing quotes or brackets)."""
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 300
TITLE_CASE_SHARE = 0.7
"""Share of a headline's words (particles aside) that start with a capital in Title Case."""
_EDGE = "\"'“”‘’«»()[]{},.:;!?…"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence does."""
    return text.rstrip().endswith(SENTENCE_END)


def title_shaped(text: str) -> bool:
    """Short enough to be a headline (2 to 30 words), and not a clause that runs on (`,`, `:`)."""
    return (len(text) <= TITLE_MAX_CHARS and at_most(text, TITLE_MAX_WORDS) and len(text.split(None, 2)) >= 2
            and not text.endswith((",", ":")))


def title_case(text: str) -> bool:
    """Written as kontan's headlines are: the words other than particles (di, ke, dari, dan,
    yang, untuk...) start with a capital, as running text's words do not."""
    words = [c for c in (w.strip(_EDGE) for w in text.split()) if c[:1].isalpha() and c.lower() not in HEADLINE_PARTICLES]
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)
