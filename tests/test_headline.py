"""Where an inline headline ends in flattened text."""

from __future__ import annotations

import pytest

from kontan_clean.text.headline import headline_end

CASES = [
    # (headline, the sentence after it)
    ("Soal Negosiasi Tarif Trump, INDEF: Jangan Sampai Terjebak Mengikuti Mau AS", "Asal tahu saja, Amerika mengenakan tarif."),
    ("Rupiah Tembus Rp 16.000 per Dolar AS, Saatnya Borong Dolar?", "Harga emas naik tipis pada Senin."),
    ("Perang Tarif Trump Berkobar, Ini Kerugian yang Bakal Dialami Samsung dan Vietnam", "Menteri Perdagangan AS Howard Lutnick juga mengatakan hal itu."),
    ("Saham Bank Rakyat Indonesia (BBRI) Jadi Incaran Asing", "Keseimbangan primer tercatat surplus."),
    ("Ekonomi Jepang Melambat", "Sebelumnya, Trump menyampaikan rencana tarif baru."),
    ("Harga Minyak Naik Lagi", "Kebijakan Trump memicu reaksi keras dari pasar."),
    ("Tarif AS Naik Tajam", "“Kami siap bernegosiasi,” kata dia."),
    ("Ini Daftar Saham Pilihan Analis", "1. Memperluas Mitra Dagang Salah satu kebijakan utama."),
    ("Ini Kata Menko Airlangga", "Ia menegaskan cakupan perjanjian itu luas."),
    ("Pemerintah tarik utang Rp 22 triliun lewat lelang SUN pekan ini", "Sementara itu, pembiayaan utang naik."),
]


@pytest.mark.parametrize("headline,sentence", CASES)
def test_headline_end(headline: str, sentence: str) -> None:
    text = f"Kalimat sebelumnya. Baca Juga: {headline} {sentence}"
    start = text.index(headline)
    assert text[start:headline_end(text, start)] == headline


def test_stops_at_next_furniture_and_at_text_end() -> None:
    text = "Baca Juga: Harga Emas Naik Cek Berita dan Artikel yang lain di Google News"
    assert text[11:headline_end(text, 11)] == "Harga Emas Naik"
    assert headline_end("Baca Juga: Harga Emas Naik", 11) == len("Baca Juga: Harga Emas Naik")


def test_no_cue_never_takes_the_rest_of_a_long_text() -> None:
    text = "Baca Juga: " + " ".join(["Kata"] * 200)
    assert headline_end(text, 11) < 11 + 5 * 25
