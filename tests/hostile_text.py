"""Hostile text renderings for the promo and headline code: each builder gives about 10 KB
at scale 1 and about 1 MB at scale 100 (issue 12). Used by `test_linear_text.py` and
`benchmarks/test_scaling.py`.
"""

from __future__ import annotations

from typing import Callable

_UNIT = 10_000
"""Characters of text at scale 1."""


def _repeat(piece: str, k: int, sep: str = " ") -> str:
    return sep.join([piece] * max(1, k * _UNIT // (len(piece) + len(sep))))


def selanjutnya_flat(k: int) -> str:
    """`x Selanjutnya: Y` over and over in flattened text: a marker with no boundary before it."""
    return _repeat("x Selanjutnya: Y", k)


def selanjutnya_line(k: int) -> str:
    """The same run on one line of a line rendering (promos end at the next marker there)."""
    return _repeat("x Selanjutnya: Y", k) + "\nKalimat penutup."


def baca_juga_flat(k: int) -> str:
    """`Baca Juga: Y` back to back: every marker is a promo, each headline one word."""
    return _repeat("Baca Juga: Y", k)


def endless_headlines_flat(k: int) -> str:
    """Promos whose headline is a long Title Case run with no cue: every headline search
    scans its whole window before it gives up."""
    return _repeat("Harga naik. Baca Juga: " + " ".join(["Harga Emas Antam"] * 150), k)


def promo_lines(k: int) -> str:
    """One promo line after another, with a sentence between each pair."""
    return _repeat("Selanjutnya: Harga Emas Naik\nHarga emas naik tipis.", k, "\n")


def copies_across_datelines(k: int) -> str:
    """A paragraph printed again and again with a run of lone datelines between the copies:
    every copy is compared with the first, across the furniture and the copies gone before."""
    return _repeat("Pemerintah menaikkan tarif impor sebesar 10% pada Senin (28/4).\n"
                   + "\n".join(["KONTAN.CO.ID - JAKARTA."] * 10), k, "\n")


def footers_closing_flat(k: int) -> str:
    """A flattened body closed by the WhatsApp invitation and the Google News line, again and
    again: the closing run is found from the end back and cut once."""
    return "Harga emas naik pada hari Senin. " + _repeat(
        "Dapatkan update berita pilihan di WhatsApp Channel Cek Berita dan Artikel yang lain di Google News", k)


def markers_after_a_promo_flat(k: int) -> str:
    """A promo, then `x Selanjutnya: Y` over and over in flattened text: every later marker
    asked whether only spaces stand between it and that promo (a copy of the whole stretch
    at each took 8 s on 1 MB, `tests/hostile.py`'s next_markers)."""
    return "Harga emas naik. Baca Juga: Harga Perak Turun Tajam " + _repeat("x Selanjutnya: Y", k)


def lead_copied_in_short_lines(k: int) -> str:
    """A long AMP lead, its title, then the body printing the lead again one word per line:
    following the lead through its copy sliced all the lead's words still to match at every
    line, quadratic in the copy's length."""
    words = [f"kata{i % 97}" for i in range(k * _UNIT // 14)]
    return " ".join(words) + "\nHarga Emas Naik Tajam\n" + "\n".join(words)


BUILDERS: dict[str, Callable[[int], str]] = {
    "selanjutnya_flat": selanjutnya_flat,
    "selanjutnya_line": selanjutnya_line,
    "baca_juga_flat": baca_juga_flat,
    "endless_headlines_flat": endless_headlines_flat,
    "promo_lines": promo_lines,
    "copies_across_datelines": copies_across_datelines,
    "footers_closing_flat": footers_closing_flat,
    "markers_after_a_promo_flat": markers_after_a_promo_flat,
    "lead_copied_in_short_lines": lead_copied_in_short_lines,
}
