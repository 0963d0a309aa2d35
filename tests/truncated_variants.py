"""Truncated variants of the HTML samples and a fingerprint of what the reader makes of each.

A crawl cuts pages anywhere: inside a tag, an attribute, a script, the body. The variants cut
every kontan HTML sample at 400 places in all (most of them around the article, where a cut
changes what the reader sees), always on an ASCII byte so the cut itself is no decoding
question. `tests/data/truncated_reader.json` pins the fingerprint of each variant as the lxml
reader (before the lexbor one replaced it, commit a113648) read it; `test_html_reader.py`
checks that the reader of today reads every variant the same way.

    python tests/truncated_variants.py   # re-pin, only for a deliberate change of reader output
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINNED = ROOT / "tests" / "data" / "truncated_reader.json"
TOTAL = 400
# Keys of Block.attrs the lxml reader set; a key added later is a new fact, not a change.
ATTR_KEYS = ("role", "junk", "promo", "href", "footer", "links")


def samples() -> list[tuple[str, bytes]]:
    """(name, bytes) of the kontan HTML samples (the fallback pages are not kontan layouts)."""
    return [(p.stem, p.read_bytes()) for p in sorted((ROOT / "samples" / "html").glob("*.html"))
            if not p.stem.startswith("fallback")]


def cuts(page: bytes, n: int) -> list[int]:
    """`n` cut positions: three quarters spread over the article stretch, the rest over the page."""
    body = max(page.find(b"articleBody"), page.find(b"tmpt-desk-kon"), page.find(b"class=\"ctn\""), page.find(b"amp-"))
    lo, hi = max(0, body - 6000), min(len(page), body + 12000)
    near = n * 3 // 4
    spots = [lo + (hi - lo) * i // near for i in range(near)] + [len(page) * i // (n - near) for i in range(1, n - near + 1)]
    out = []
    for at in spots:
        while at < len(page) and page[at] >= 0x80:
            at += 1
        out.append(at)
    return sorted(set(out))


def variants() -> list[tuple[str, bytes]]:
    """(name@cut, truncated bytes), TOTAL of them over the samples."""
    pages = samples()
    out = []
    for i, (name, page) in enumerate(pages):
        share = TOTAL // len(pages) + (i < TOTAL % len(pages))
        out += [(f"{name}@{at}", page[:at]) for at in cuts(page, share)]
    return out


def fingerprint(content: bytes) -> str:
    """A hash of the reader's blocks (kind, text, the attrs above) and its metadata, or of the
    error it raised."""
    from kontan_clean.readers import read

    try:
        doc = read(content)
    except Exception as exc:  # the error is part of the behaviour being pinned
        return f"error:{type(exc).__name__}"
    if doc.info.get("extractor") == "trafilatura":
        # Handed to the fallback: what is pinned is that decision, not trafilatura's text,
        # which changes with its version.
        return "fallback:" + hashlib.sha256(json.dumps([doc.meta.url, doc.warnings]).encode()).hexdigest()[:16]
    blocks = [[b.kind, b.text, {k: b.attrs[k] for k in ATTR_KEYS if k in b.attrs}] for b in doc.blocks]
    meta = [doc.meta.title, str(doc.meta.published), doc.meta.url, doc.meta.category, doc.meta.tags,
            {k: doc.info.get(k) for k in ("extractor", "encoding", "page", "continues", "all_pages_url")}, doc.warnings]
    return hashlib.sha256(json.dumps([blocks, meta], ensure_ascii=False, default=str).encode()).hexdigest()[:16]


if __name__ == "__main__":
    pinned = {name: fingerprint(page) for name, page in variants()}
    PINNED.write_text(json.dumps(pinned, indent=0, sort_keys=True) + "\n")
    print(f"pinned {len(pinned)} variants in {PINNED}", file=sys.stderr)
