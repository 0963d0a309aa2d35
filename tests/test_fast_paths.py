"""Hand-written fast paths must give what the plain code they stand in for gives.

Each fast path (issue 13) skips work only where it can prove the result: these tests run the
fast code and a plain reference side by side over generated input that aims at the edges
(every kind of whitespace and line break, invisible characters, the marker words). The input
is drawn from a seeded `random`, so every run tries the same cases.
"""

from __future__ import annotations

import re

import random

from kontan_clean.readers.text import collapse, read_text, visible

# Characters where the text reader's fast paths change course: spaces of every kind, every
# line break `splitlines()` knows, the invisible characters, and plain letters.
_EDGE_CHARS = [" ", "  ", "\n", "\r", "\r\n", "\t", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0",
               "\u2028", "\u2029", "\u3000", "\u200b", "\ufeff", "\x00", "\x7f", "a", "B", ".", "é", "“"]
_EDGE_PIECES = _EDGE_CHARS + ["kata", "Baca Juga: Judul", "KONTAN.CO.ID - JAKARTA."]


def _texts(pieces: list[str], n: int, most: int, seed: int = 13) -> list[str]:
    """`n` texts of up to `most` random pieces each."""
    rnd = random.Random(seed)
    return ["".join(rnd.choices(pieces, k=rnd.randint(0, most))) for _ in range(n)]


def _read_text_reference(text: str) -> tuple[str, list[str]]:
    """The reader without its fast paths: strip the invisible characters, collapse each line."""
    text = visible(text)
    lines = [line for raw in text.splitlines() if (line := collapse(raw))]
    if "\n" not in text.strip() and "\r" not in text.strip():
        flat = collapse(text)
        return "flattened", [flat] if flat else []
    return "lines", lines


def test_text_reader_fast_paths_read_as_the_plain_reader() -> None:
    for text in _texts(_EDGE_PIECES, 4000, 60):
        doc = read_text(text)
        assert (doc.form, [b.text for b in doc.blocks]) == _read_text_reference(text), repr(text)


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """What the reader's tidy-text test rests on (checked over all of Unicode)."""
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " " and c.isprintable()] == []
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if visible(c) == "" and c.isprintable()] == []
    assert re.compile(r"\s").fullmatch("\x1f")  # the one invisible character split() eats


# The plain forms of the signal patterns that open with a literal and a lookbehind instead.
from kontan_clean.site import signals  # noqa: E402

_PLAIN_SIGNALS = {
    "kontan url": re.compile(r"(?:kontan\.co\.id|momsmoney\.id)", re.IGNORECASE),
    "date line": re.compile(rf"(?:{signals._DAY}),\s+\d{{1,2}}\s+(?:{signals._MONTH})\s+\d{{4}}"
                            r"\s*[/|]\s*\d{1,2}[:.]\d{2}"),
    "house style": re.compile(rf"(?:\b(?:{signals._DAY})\s*\(\d{{1,2}}/\d{{1,2}}|\bRp\s?\d|\bUS\$\s?\d|\bTbk\b"
                              rf"|\b\d{{1,2}}[.:]\d{{2}}\s*WIB\b)"),
}
_SIGNAL_PIECES = [*signals._DAY.split("|"), "senin", "Rp", "rp", "US$", "Tbk", "WIB", "x", "_", "é", "1", "12", "2024",
                  " ", "  ", "\n", "\t", ",", ", ", ".", ":", "/", "|", "(", "Oktober", "Okt", "kontan", "KONTAN",
                  "Kontan", ".co.id", ".CO.ID", ".id", "momsmoney", "MomsMoney", "\u212a", "\u0130", "\u0131", "\u017f",
                  "co", "id"]


def test_fast_signal_patterns_match_where_their_plain_forms_do() -> None:
    kontan_url, date_line = signals.TEXT_SIGNALS[1][1], signals.TEXT_SIGNALS[4][1]
    for text in _texts(_SIGNAL_PIECES, 20000, 14):
        assert bool(kontan_url.search(text)) is bool(_PLAIN_SIGNALS["kontan url"].search(text)), repr(text)
        assert bool(date_line.search(text)) is bool(_PLAIN_SIGNALS["date line"].search(text)), repr(text)
        house_style = any(p.search(text) for _, p in signals.STYLE_SIGNALS)
        assert house_style is bool(_PLAIN_SIGNALS["house style"].search(text)), repr(text)


def test_common_word_run_halving_counts_as_a_word_by_word_walk() -> None:
    from kontan_clean.text.copies import common_start

    rnd = random.Random(7)
    for _ in range(20000):
        x = rnd.choices("ab", k=rnd.randint(0, 12))
        if rnd.random() < 0.7:  # mostly a copy of a start of x, then other words
            y = x[:rnd.randint(0, len(x))] + rnd.choices("ab", k=rnd.randint(0, 6))
        else:
            y = rnd.choices("ab", k=rnd.randint(0, 12))
        walk = 0
        while walk < min(len(x), len(y)) and x[walk] == y[walk]:
            walk += 1
        assert common_start(x, y) == walk, (x, y)


def test_topic_dateline_gate_rules_out_no_match() -> None:
    from kontan_clean.text.dateline import topic_dateline
    from kontan_clean.site.patterns import TOPIC_DATELINE

    pieces = ["COAL", "STOCKS", "NEW", "YORK", "JAKARTA", " ", "-", "–", "—", ".", ". ", "Harga", "&", "2", "É"]
    for text in _texts(pieces, 5000, 10):
        assert bool(topic_dateline(text)) is bool(TOPIC_DATELINE.match(text)), repr(text)


def test_photo_credit_gate_rules_out_no_credit() -> None:
    from kontan_clean.filters.caption import photo_credit
    from kontan_clean.site.patterns import PHOTO_CREDIT

    longest = ["Harga naik. REUTERS/" + "A" * 61 + "/12/12/2024.)\n", "Harga naik. REUTERS/" + "A" * 61 + ".)\n",
               "Harga naik. REUTERS/" + " " * 300 + "Kim",
               "Harga naik. KONTAN /\u3000\u3000" + "B" * 60 + ".", "x" * 200 + " (Foto: Dok. pribadi)\n"]
    pieces = ["REUTERS", "KONTAN", "ANTARA FOTO", "Dok.", "Foto", " ", "  ", "\n", "\t", "\u3000", "/", "/12/6/2024",
              "Kim", "Hong-Ji", "é", "x" * 30, "a b c d e f g h", ".", ")", "(Foto: x)", "(", ":", "1"]
    for text in longest + _texts(pieces, 20000, 14):
        assert bool(photo_credit(text)) is bool(PHOTO_CREDIT.search(text)), repr(text)
    assert all(PHOTO_CREDIT.search(t) for t in longest)


def test_recognition_asks_the_cheap_signals_first_and_reaches_the_same_verdict() -> None:
    from pathlib import Path

    from kontan_clean.readers import read
    from kontan_clean.recognition import kontan_signal, recognise

    samples = Path(__file__).resolve().parent.parent / "samples" / "text"
    pages = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    pieces = _SIGNAL_PIECES + ["Reporter:", "Baca Juga:", "June 05, 2024, 06.44 PM", "• EMAS 1", "yang", "dan", "the"]
    for text in pages + _texts(pieces, 3000, 20):
        for url in (None, "https://www.wartaniaga.id/x", "https://web.archive.org/web/2024/x"):
            if not text.strip():
                continue
            doc = read(text, url)
            expected = kontan_signal(doc) is not None
            recognise(doc)
            assert doc.recognised is expected, (text, url)
