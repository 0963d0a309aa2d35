"""UI artifacts: `[X]`, `×`, `[]` and crawler placeholders standing alone on a line."""

from ..model import Block
from ..site.vocab import CRAWLER_PLACEHOLDERS, UI_ARTIFACT_LINES
from .base import BlockFilter


class UiArtifacts(BlockFilter):
    """Drops close buttons, empty image placeholders and `Konten tidak ditemukan` lines."""

    name = "ui"

    def reason(self, block: Block) -> str | None:
        text = block.text.lower()
        if text in UI_ARTIFACT_LINES:
            return "UI artifact (close button or image placeholder)"
        if text.rstrip(".") in CRAWLER_PLACEHOLDERS:
            return "crawler placeholder, not article text"
        return None
