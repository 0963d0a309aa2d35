"""AMP pages print the lead paragraph (the meta description) above the title and again as the
first body paragraph: the first copy goes."""

from ..model import Document
from ..site.patterns import DATE_LINE, DATELINE_PREFIX
from .base import Filter

LOOKAHEAD = 4
MIN_WORDS = 6
MAX_LEAD_CHARS = 1_000
MAX_OFFSET = 6
SENTENCE_END = (".", "…", "\"", "”", "!", "?")


def _words(text: str) -> list[str]:
    return text.rstrip(".… ").split()


class AmpLead(Filter):
    """Drops a first paragraph that the body repeats within the next few blocks."""

    name = "amp_lead"

    def apply(self, doc: Document) -> None:
        blocks = doc.live()
        if len(blocks) < 2 or "desktop" in doc.flags or DATE_LINE.match(blocks[1].text):
            return  # a desktop page: title, date line, title again
        if len(blocks[0].text) > MAX_LEAD_CHARS:
            return  # a flattened body, not a lead paragraph
        lead = _words(blocks[0].text)
        if len(lead) < MIN_WORDS or not blocks[0].text.endswith(SENTENCE_END):
            return  # a title repeated below is the title filter's business
        if blocks[0].text.endswith(("…", "...")):
            lead = lead[:-1]  # a truncated description may end inside a word
        for later in blocks[1:1 + LOOKAHEAD]:
            body = DATELINE_PREFIX.sub("", later.text).split()
            # The body copy may start with the dateline's city: `JAKARTA. <lead>`.
            if any(body[i:i + len(lead)] == lead or _words(" ".join(body[i:])) == lead for i in range(MAX_OFFSET)):
                doc.drop(blocks[0], self.name, "AMP lead paragraph, repeated as the first body paragraph")
                doc.flags.add("amp")
                return
