"""Every piece of furniture glued to short body sentences, in every place a rendering puts
text: before (after a dateline and without one), between and after the sentences of a
flattened article, and at the end, the start or on a line of its own in a line rendering.
No body sentence may be lost, and the clean text must clean to itself.

Short sentences on purpose: a pattern that reaches a fixed number of characters around its
cue (`WhatsApp Channel`) takes a whole short article with it, where a long one hides it.
"""

from __future__ import annotations

import pytest

import boilerplate as bp
from kontan_clean import KontanCleanError, clean

SENTENCES = ("Harga emas naik pada hari Senin.", "Pasar ditutup menguat, kata analis.",
             "Investor menunggu data inflasi pekan depan.")
BODY_FRAGMENTS = frozenset({
    "Menteri Keuangan Sri Mulyani mengatakan", "Sementara itu, pemerintah", "\"Kami siap,\" kata dia.",
    "Pemerintah menaikkan tarif impor sebesar 10% pada Senin (28/4).", "Rp 1.500", "US$ 250 juta",
    "PT Bank Mandiri Tbk.",
})
"""Fragments of body text among `bp.FRAGMENTS`: not furniture."""
FURNITURE = [f for f in bp.FRAGMENTS if f.strip() and f not in BODY_FRAGMENTS]

PROMO_LABELS = ("Baca Juga:", "BACA JUGA:", "Selanjutnya:", "Menarik Dibaca:", "Tonton:", "Baca Selengkapnya:")
OWN_LINES = {
    "FREE WEBINAR - Strategi Investasi": "a webinar ad's line is the ad",
    "Hanya Rp 5.000 untuk membaca artikel ini.": "the paywall box: its opener's line, and the short offer lines after it",
}


def _piece_takes_the_line(piece: str, place: str) -> str | None:
    """Why the sentence after `piece` belongs to it in `place`, by how kontan prints the piece
    (not a loss), or None."""
    if place == "line-start" and piece.startswith(PROMO_LABELS):
        return "a promo's line is its headline, whatever the headline says"
    if place in ("line-start", "line-own"):
        return OWN_LINES.get(piece)
    return None


def _pages(piece: str) -> dict[str, str]:
    s0, s1, s2 = SENTENCES
    head = "Judul Berita Emas Naik\n\nKONTAN.CO.ID - JAKARTA. "
    return {
        "flat-start": f"{piece} KONTAN.CO.ID - JAKARTA. {s0} {s1} {s2}",
        "flat-start-undated": f"{piece} {s0} {s1} {s2}",
        "flat-middle": f"KONTAN.CO.ID - JAKARTA. {s0} {piece} {s1} {s2}",
        "flat-end": f"KONTAN.CO.ID - JAKARTA. {s0} {s1} {s2} {piece}",
        "line-end": f"{head}{s0}\n\n{s1} {piece}\n\n{s2}",
        "line-start": f"{head}{s0}\n\n{piece} {s1}\n\n{s2}",
        "line-own": f"{head}{s0}\n\n{piece}\n\n{s1}\n\n{s2}",
    }


def _cases() -> list:
    cases = []
    for piece in FURNITURE:
        for place, page in _pages(piece).items():
            why = _piece_takes_the_line(piece, place)
            marks = [pytest.mark.skip(reason=why)] if why else []
            cases.append(pytest.param(page, id=f"{place}:{piece[:30]}", marks=marks))
    return cases


@pytest.mark.parametrize("page", _cases())
def test_no_sentence_lost_and_idempotent(page: str) -> None:
    try:
        text = clean(page).text
    except KontanCleanError as exc:
        pytest.fail(f"raised {exc!r}: every sentence lost")
    words = text.split()
    lost = [w for s in SENTENCES for w in s.split() if w not in words]
    assert not lost, text
    assert clean(text).text == text


def test_the_skips_are_the_named_exceptions_only() -> None:
    cases = _cases()
    skipped = [c for c in cases if c.marks and c.marks[0].name == "skip"]
    promos = sum(piece.startswith(PROMO_LABELS) for piece in FURNITURE)
    assert len(cases) == 7 * len(FURNITURE)
    assert len(skipped) == promos + 2 * len(OWN_LINES)
