"""The cheap tests that run before a pattern must never rule out a text the pattern matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from kontan_clean.text.dateline import without_dateline
from kontan_clean.site.patterns import DATELINE_PREFIX, DATELINE_PREFIX_STARTS, OLD_DATELINE
from kontan_clean.site.signals import SIGNAL_NEEDLES, STYLE_SIGNALS, TEXT_SIGNALS
from kontan_clean.text.words import at_most

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "text"
SIGNAL_TEXTS = [
    "KONTAN.CO.ID - JAKARTA.", "MOMSMONEY.ID -", "M O M S M O N E Y I D", "kontan.co.id", "INVESTASI.KONTAN.CO.ID/news",
    "MomsMoney.ID", "Reporter: A", "Editor : B", "Penulis:", "Baca Juga: X", "Baca juga : X", "BACA JUGA: X",
    "Menarik Dibaca: X", "Cek Berita dan Artikel", "Senin, 28 Oktober 2024 / 20:19 WIB", "Jumat,  3 Jan 2020 | 07.05",
    "June 05, 2024, 06.44 PM", "• EMAS 1.527", "*  IHSG -1", "| INDIKATOR |", "Selasa (8/3)", "Rp 3,41",
    "US$ 5", "PT Astra Tbk", "pukul 10:00 WIB",
]


@pytest.mark.parametrize("name,pattern", TEXT_SIGNALS + STYLE_SIGNALS)
def test_every_signal_match_holds_one_of_its_needles(name: str, pattern) -> None:
    texts = SIGNAL_TEXTS + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    needles = SIGNAL_NEEDLES.get(pattern)
    matches = [m.group(0) for text in texts for m in pattern.finditer(text)]
    assert matches, f"no example of the {name} signal"
    if needles is not None:
        assert [m for m in matches if not any(n in m for n in needles)] == []


def test_every_pattern_with_needles_is_a_signal() -> None:
    assert set(SIGNAL_NEEDLES) <= {p for _, p in TEXT_SIGNALS + STYLE_SIGNALS}


def _without_dateline_ungated(text: str) -> str:
    if m := DATELINE_PREFIX.match(text):
        text = text[m.end():]
    if m := OLD_DATELINE.match(text):
        text = text[m.end():]
    return text


@pytest.mark.parametrize("text", [
    "KONTAN.CO.ID - JAKARTA. Harga", "MOMSMONEY.ID: Harga", "JAKARTA. Harga", "NEW YORK/LONDON. Harga",
    "KONTAN.CO.ID - JAKARTA. LONDON. Harga", "ÉLYSÉE. Harga", "\u1c89\u1c89\u1c89. Harga", "Jakarta. Harga", "KONTAN.CO.ID",
])
def test_dateline_gates_change_nothing(text: str) -> None:
    assert without_dateline(text) == _without_dateline_ungated(text)


@pytest.mark.parametrize("text", ["", "a", "a b", " a  b\tc\u00a0d ", "x " * 40, "satu\ndua tiga"])
@pytest.mark.parametrize("n", [0, 1, 2, 3, 16, 40])
def test_at_most_counts_like_split(text: str, n: int) -> None:
    assert at_most(text, n) is (len(text.split()) <= n)


@pytest.mark.parametrize("text", [
    "Harga naik. Cek Berita dan Artikel yang lain di Google News", "Harga naik. cek berita dan artikel yang lain di",
    "Harga naik. CEK BERITA DAN ARTIKEL YANG LAIN DI GOOGLE NEWS  ", "Harga naik. Cek Berita dan Artikel yang lain di\n",
    "Harga naik. Cek Berita dan Artikel yang lain di Google News. Lalu", "di", "Cek Berita dan Artikel yang lain dı",
])
def test_google_news_gate_changes_nothing(text: str) -> None:
    from kontan_clean.filters.footers import _google_news
    from kontan_clean.site.patterns import GOOGLE_NEWS, GOOGLE_NEWS_CUES

    at = max(text.rfind(cue) for cue in GOOGLE_NEWS_CUES)
    ungated = GOOGLE_NEWS.match(text, at) if at >= 0 else None
    gated = _google_news(text)
    assert (gated and gated.span()) == (ungated and ungated.span())
