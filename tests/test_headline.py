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
    # A question or exclamation inside the headline: the headline goes on after it.
    ("Sejarah Kelam Terulang? Begini Dampak Mengerikan dari Kebijakan Tarif di AS", "Alhasil, pada awal tahun harga naik."),
    ("Prabowo Ambil Sikap! Kabinet Diminta Gerak Cepat Hadapi Kebijakan Trump", "Banyak ekonom menganggap tarif ini buruk."),
    # A title inside the headline is no sentence opener when `ke`, `untuk` follow it.
    ("Bahlil Bawa Jajaran Menteri ke Tokyo untuk Bahas Investasi", "Bahlil menyebut kerja sama itu penting."),
    ("Ini Tanggapan Sejumlah Pemimpin Dunia Usai Trump Umumkan Tarif", "Trump mengatakan tarif dasar berlaku besok."),
    ("Rupiah Melemah 2%, Ekonom: Ini Dampak Perang Dagang", "Pemerintah juga berkomitmen menjaga stabilitas."),
    ("Suku Bunga Tinggi Dinilai Bawa Risiko Bagi Ekonomi Asia", "Menurut Wahyudi, risiko itu nyata."),
    ("Modal Cekak Pemerintah Mengerek Pertumbuhan Ekonomi 2025", "Bagi Indonesia, dampak kebijakan itu besar."),
    ("Harga Batubara Masih Bayangi Pasar", "Hendra menjelaskan, permintaan dari China turun."),
    ("Ini Perkiraan API", "Rabu (9/4) lalu, ketika harga turun, pasar bereaksi."),
    ("Harga Emas Naik Tajam", "Indeks S&P 500 mengalami koreksi terdalam."),
    ("Wall Street Tertekan Kekhawatiran Tarif", "The Washington Post melaporkan bahwa proposal itu ada."),
    ("Rupiah Tertekan Akibat Tarif Baru", "Menteri Perdagangan dan Wakil Perdana Menteri Singapura, Gan Kim Yong, mengatakan hal itu."),
    ("China kepada Rusia: Teman Selamanya, Tak Pernah Jadi Musuh", "Impor barang AS dari Rusia turun."),
    ("Bursa Saham Inggris Anjlok setelah Trump Isyaratkan Eskalasi Tarif", "Sektor perbankan juga tertekan."),
    # A lower-case word inside the headline: the Title Case run resumes up to the sentence's cue.
    ("Produk AS akan dikenakan Tarif 125% Berlaku Mulai Besok", "Sebelumnya, Trump menangguhkan tarif."),
    ("Emiten Tambang Raup Rp 5,89 triliun Lewat Rights Issue", "Namun yang terang, dana itu untuk ekspansi."),
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


@pytest.mark.parametrize("text,editor,body", [
    ("Sumber: Reuters | Editor: Putri Werdiningsih Indeks KOSPI turun 0,61%. Investor cemas.", "Putri Werdiningsih", "Indeks KOSPI"),
    ("Sumber: Reuters | Editor: Khomarul Hidayat LONDON . Harga minyak dunia anjlok 8% pada Senin.", "Khomarul Hidayat", "Harga minyak"),
    ("Reporter: Adi Wikanto | Editor: Adi Wikanto Harga emas naik tajam hari ini.", "Adi Wikanto", "Harga emas"),
    ("Reporter: Rafie | Editor: Barratut Taqiyyah Rafie Trump mengatakan tarif naik.", "Barratut Taqiyyah Rafie", "Trump mengatakan"),
    ("Reporter: Siti | Editor: Herlina KD Pemerintah menaikkan tarif.", "Herlina KD", "Pemerintah menaikkan"),
    # a short word in capitals opening a city of several words is the dateline's, not initials
    ("Sumber: Reuters | Editor: Khomarul Hidayat NEW YORK. Indeks bursa naik.", "Khomarul Hidayat", "Indeks bursa"),
    ("Sumber: Reuters | Editor: Herlina KD JAKARTA. Indeks bursa naik.", "Herlina KD", "Indeks bursa"),
    ("Reporter: Siti | Editor: Anastasia LLY JAKARTA. Indeks bursa naik.", "Anastasia LLY", "Indeks bursa"),
    ("Sumber: Reuters | Editor: Anastasia Lilin Yuliantina Putri NEW YORK. Indeks naik.",
     "Anastasia Lilin Yuliantina Putri", "Indeks naik"),
])
def test_flattened_byline_name_ends_before_the_body(text: str, editor: str, body: str) -> None:
    from kontan_clean import clean

    a = clean(text)
    assert a.editor == editor
    assert a.text.startswith(body)
