"""Text renderings (desktop, body only, AMP, insight, flattened) into blocks."""

from __future__ import annotations

from ..model import Block, Document


def collapse(text: str) -> str:
    """Whitespace runs (spaces, tabs, no-break spaces) to one space, ends stripped."""
    return " ".join(text.split())


def read_text(text: str, url: str | None = None) -> Document:
    """One block per non-empty line; a text with no line break at all is flattened:
    one `flat` block, which filters cut promos out of."""
    text = text.lstrip("\ufeff")
    if "\n" not in text.strip() and "\r" not in text.strip():
        flat = collapse(text)
        return Document([Block(flat, "flat")] if flat else [], form="flattened", url=url)
    blocks = [Block(line, "line") for raw in text.splitlines() if (line := collapse(raw))]
    return Document(blocks, form="lines", url=url)
