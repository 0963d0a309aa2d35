"""UI artifacts: `[X]`, `×`, `[]` and crawler placeholders standing alone on a line."""

from ..model import Block, Document
from ..site.vocab import CRAWLER_PLACEHOLDERS, UI_ARTIFACT_LINES
from .base import BlockFilter

# Lower-casing never shortens a string, nor adds or removes a trailing dot: a block longer
# than every entry (dots stripped for the placeholders) is neither, and is not lowered.
_LONGEST_ARTIFACT = max(map(len, UI_ARTIFACT_LINES))
_LONGEST_PLACEHOLDER = max(map(len, CRAWLER_PLACEHOLDERS))


class UiArtifacts(BlockFilter):
    """Drops close buttons, empty image placeholders and `Konten tidak ditemukan` lines."""

    name = "ui"

    def apply(self, doc: Document) -> None:
        # The length test inline: most blocks are longer than any artifact, and a method
        # call per block cost more than the test.
        for block in doc.live():
            if len(block.text) <= _LONGEST_ARTIFACT or len(block.text.rstrip(".")) <= _LONGEST_PLACEHOLDER:
                if why := self.reason(block):
                    doc.drop(block, self.name, why)

    def reason(self, block: Block) -> str | None:
        if len(block.text) > _LONGEST_ARTIFACT and len(block.text.rstrip(".")) > _LONGEST_PLACEHOLDER:
            return None
        text = block.text.lower()
        if text in UI_ARTIFACT_LINES:
            return "UI artifact (close button or image placeholder)"
        if text.rstrip(".") in CRAWLER_PLACEHOLDERS:
            return "crawler placeholder, not article text"
        return None
