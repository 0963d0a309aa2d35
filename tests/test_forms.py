"""The rendering forms of real kontan pages, end to end through `clean()`: the layout each is
read as, repeated content, page joins, closing editor lines, datelines, paywalls, and the
traps that look like them but are body text."""

from __future__ import annotations

import pytest

from kontan_clean import clean

BODY = ("Harga emas naik tajam pada perdagangan Senin (28/10) karena investor memburu aset aman. "
        "Harga emas spot naik 1,2% ke US$ 2.750 per ons troi.")


def _repeats(article) -> list[str]:
    return [r.text for r in article.removed if r.filter == "repeats"]


# ---- layout ---------------------------------------------------------------------------------

@pytest.mark.parametrize("page,layout", [
    ("kontan.co.id\nbanner langganan top\nJudul Berita Hari Ini\nSenin, 28 Oktober 2024 / 20:19 WIB\nIsi.", "desktop"),
    ("Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. " + BODY, "body"),
    ("Harga Emas Naik Tajam pada Senin\n\nKONTAN.CO.ID - JAKARTA. " + BODY + "\nEditor: Budi", "amp_title"),
    (BODY + "\nHarga Emas Naik Tajam\nJAKARTA. " + BODY, "amp_lead"),
    ("June 05, 2024, 06.44 PM | Reporter: Ani\nGold Prices Jump\nGOLD - JAKARTA. Gold rose. It did.", "english"),
    ("M O M S M O N E Y I D\nAturUang\nJudul\nMOMSMONEY.ID - Isi berita.", "momsmoney"),
    ("Judul\nIni Artikel Spesial\nBerlangganan", "insight"),
    (BODY, "flattened"),
])
def test_layout_is_read_from_the_page(page: str, layout: str) -> None:
    assert clean(page).layout == layout


_S1, _S2 = BODY.split(". ", 1)
_TITLE = "Harga Emas Naik Tajam"
_PROMO = "Baca Juga: Harga Perak Ikut Naik"


@pytest.mark.parametrize("body,amp_lead", [
    (f"{_S1}.\n{_PROMO}\n{_S2}", True),  # the copy in paragraphs, a promo line between them
    (f"{_S1}. {_PROMO}\n{_S2}", True),  # a promo ending a paragraph line
    (f"{_S1}.\ni{_PROMO}\n{_S2}\nParagraf berikutnya.", True),  # AMP's promo icon
    (BODY[:130], True),  # the store cut the page inside the copy, in a word
    (f"{_S1}. Harga perak turun.", False),  # the lead's opening, then other words
    (f"{BODY}0", False),  # every word but the last, which runs on
])
def test_an_amp_lead_is_printed_again_whole_by_the_body(body: str, amp_lead: bool) -> None:
    a = clean(f"{BODY}\n{_TITLE}\nJAKARTA. {body}\n")
    assert (a.layout, a.title) == (("amp_lead", _TITLE) if amp_lead else ("body", None))
    if not amp_lead:
        assert _TITLE in a.paragraphs  # a line under a paragraph is no title without the copy below


def test_an_amp_lead_cut_with_an_ellipsis_may_end_inside_a_word() -> None:
    lead = BODY[:BODY.index("aman") + 2] + "…"
    assert clean(f"{lead}\n{_TITLE}\nJAKARTA. {BODY}\n").layout == "amp_lead"
    assert clean(f"{lead[:-1]}\n{_TITLE}\nJAKARTA. {BODY}\n").layout == "body"
    # cut inside the first word of a paragraph of the copy, with more paragraphs below
    lead = f"{_S1}. Har…"
    more = "\n".join(f"Paragraf {n} berikutnya." for n in range(6))
    assert clean(f"{lead}\n{_TITLE}\nJAKARTA. {_S1}.\n{_S2}\n{more}\n").layout == "amp_lead"


def test_a_copy_that_stops_short_of_the_lead_is_no_amp_lead() -> None:
    """Lines that are none of the copy end the page before the lead's words are all printed
    again: the store did not cut the page inside the copy."""
    page = f"{BODY}\n{_TITLE}\nJAKARTA. {_S1}.\nSementara itu perak turun.\n"
    assert clean(page).layout == "body"


def test_url_names_the_sister_sites() -> None:
    page = "Judul Berita Ini\nReporter: Ani | Editor: Budi\nIsi berita yang cukup panjang di sini.\nKedua."
    assert clean(page, url="https://momsmoney.id/news/x").layout == "momsmoney"
    assert clean(page, url="https://english.kontan.co.id/news/x").layout == "english"
    assert clean(page, url="https://insight.kontan.co.id/news/x").layout == "insight"


# ---- repeated content ---------------------------------------------------------------------

def test_lead_block_that_is_the_whole_body_is_kept_once() -> None:
    first, second = BODY.split(". ", 1)
    page = f"KONTAN.CO.ID - JAKARTA. {BODY}\nHarga Emas Naik Tajam\nKONTAN.CO.ID - JAKARTA. {first}.\n{second}"
    a = clean(page)
    assert a.paragraphs == [f"{first}.", second]  # the copy in paragraphs stays
    assert (a.title, a.dateline) == ("Harga Emas Naik Tajam", "JAKARTA")
    assert _repeats(a) == [f"KONTAN.CO.ID - JAKARTA. {BODY}"]


def test_second_copy_cut_by_the_store_keeps_the_longer_lead() -> None:
    page = f"JAKARTA. {BODY}\nHarga Emas Naik Tajam\nJAKARTA. {BODY[:-40]}"
    a = clean(page)
    assert a.paragraphs == [BODY] and a.dateline == "JAKARTA"


def test_a_lead_cut_with_an_ellipsis_inside_a_word() -> None:
    page = f"{BODY[:70]}…\nHarga Emas Naik Tajam\nReporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY}"
    assert clean(page).paragraphs == [BODY]


def test_html_amp_lead_inside_the_body_comes_out_once_with_its_dateline() -> None:
    html = f"""<html><head><title>Harga Emas Naik Tajam - Kontan</title></head><body>
    <div itemprop="articleBody"><p>{BODY}</p><h1>Harga Emas Naik Tajam</h1>
    <p>Reporter: Ani | Editor: Budi</p><p>KONTAN.CO.ID - JAKARTA. {BODY}</p>
    <p>Permintaan emas batangan juga meningkat di dalam negeri.</p></div></body></html>"""
    a = clean(html.encode())
    assert a.paragraphs == [BODY, "Permintaan emas batangan juga meningkat di dalam negeri."]
    assert a.dateline == "JAKARTA" and len(_repeats(a)) == 1


def test_a_page_printed_twice_comes_out_once() -> None:
    page = "Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. " + BODY.replace(". ", ".\n")
    a = clean(page + "\n" + page)
    assert a.paragraphs == BODY.replace(". ", ".\n").split("\n")


def test_repeated_short_lines_and_table_rows_stay() -> None:
    header = "Kode Saham Harga Penutupan (25/10) Harga Penutupan (28/10) PBV PER"
    page = "\n".join([
        "Reporter: Ani | Editor: Budi", "KONTAN.CO.ID - JAKARTA. " + BODY,
        header, "BBRI 4.500 4.600 2,1 12,3", header, "BBCA 9.500 9.600 4,1 22,3",
        "Aksi jual asing", "Asing menjual saham bank besar pada sesi pertama.",
        "Aksi jual asing", "Asing kembali menjual saham bank besar pada sesi kedua.",
    ])
    a = clean(page)
    assert a.paragraphs.count(header) == 2 and a.paragraphs.count("Aksi jual asing") == 2
    assert a.title is None and _repeats(a) == []


def test_caption_repeating_the_first_sentence_leaves_the_body_whole() -> None:
    first = BODY.split(". ")[0] + "."
    page = f"Harga Emas Naik Tajam\nSenin, 28 Oktober 2024 / 20:19 WIB\n{first} REUTERS/Ani Putri\n" \
           f"Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY}"
    a = clean(page)
    assert a.paragraphs == [BODY] and a.caption == f"{first} REUTERS/Ani Putri"


# ---- page joins, closing editor, promos ---------------------------------------------------

def test_page_join_and_its_heading_go_and_are_not_related() -> None:
    page = "\n".join([
        "Reporter: Ani | Editor: Budi", "KONTAN.CO.ID - JAKARTA. " + BODY,
        "Halaman Selanjutnya: Proyeksi Harga Emas", "Proyeksi Harga Emas", "Analis memperkirakan harga naik lagi.",
    ])
    a = clean(page)
    assert a.paragraphs[-1] == "Analis memperkirakan harga naik lagi." and len(a.paragraphs) == 2
    assert a.related == [] and {r.filter for r in a.removed} >= {"pagination"}


def test_selanjutnya_opening_a_sentence_stays() -> None:
    page = "Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. " + BODY + "\nSelanjutnya, harga perak ikut naik."
    assert clean(page).paragraphs[-1] == "Selanjutnya, harga perak ikut naik."


@pytest.mark.parametrize("last,editor", [("Editor: Wahyu T.Rahmawati", "Wahyu T.Rahmawati"), ("Editor:", None)])
def test_closing_editor_line(last: str, editor: str | None) -> None:
    page = f"Harga Emas Naik Tajam\n\nKONTAN.CO.ID - JAKARTA. {BODY}\n\nCek Berita dan Artikel yang lain di Google News\n\n{last}"
    a = clean(page)
    assert a.editor == editor and a.paragraphs == [BODY]


@pytest.mark.parametrize("tail", [
    "Editor: Budi\nCek Berita dan Artikel yang lain di Google News",  # a footer after it
    "Editor: Budi\nBaca Juga: Harga Perak Ikut Naik",  # a promo, gone by the end
    "Editor: Budi\nEditor: Budi",  # printed twice
])
def test_the_editor_line_closes_the_page_with_only_furniture_after_it(tail: str) -> None:
    a = clean(f"Reporter: Ani\nKONTAN.CO.ID - JAKARTA. {BODY}\n{tail}")
    assert a.editor == "Budi" and a.paragraphs == [BODY]
    assert clean(a.text).text == a.text


def test_editor_of_a_syndicated_source_is_not_the_page_editor() -> None:
    page = (f"Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY}\n"
            "Artikel ini telah tayang di Kompas.com dengan judul \"Emas Naik\".\nPenulis: Citra\nEditor: Dedi")
    assert clean(page).editor == "Budi"


def test_icon_promo_premium_badge_and_video_promo() -> None:
    page = "\n".join([
        "Reporter: Ani | Editor: Budi", "KONTAN.CO.ID - JAKARTA. " + BODY,
        "iBaca Juga: Harga Perak Ikut Naik", "Baca Juga: Saham Tambang Emas Menguat premium",
        "Tonton Video: Emas Antam Naik Lagi", "Permintaan emas batangan juga meningkat.",
    ])
    a = clean(page)
    assert [(r.kind, r.title) for r in a.related] == [
        ("baca_juga", "Harga Perak Ikut Naik"), ("baca_juga", "Saham Tambang Emas Menguat"),
        ("tonton", "Emas Antam Naik Lagi"),
    ]
    assert a.paragraphs == [BODY, "Permintaan emas batangan juga meningkat."]


# ---- datelines, titles, dates ---------------------------------------------------------------

@pytest.mark.parametrize("prefix,city", [
    ("KUALA LUMPUR.", "KUALA LUMPUR"), ("NEW YORK/LONDON.", "NEW YORK/LONDON"), ("SHANGHAI.", "SHANGHAI"),
    ("Jakarta.", "Jakarta"), ("COAL - JAKARTA.", "JAKARTA"), ("MOMSMONEY.ID -", None),
])
def test_datelines_without_kontan_co_id(prefix: str, city: str | None) -> None:
    a = clean(f"Reporter: Ani | Editor: Budi\n{prefix} {BODY}")
    assert (a.dateline, a.paragraphs) == (city, [BODY])


@pytest.mark.parametrize("opening", ["Kedua.", "Indonesia mencatat.", "OJK menilai."])
def test_a_sentence_or_numbered_point_is_not_a_mixed_case_dateline(opening: str) -> None:
    a = clean(f"Reporter: Ani | Editor: Budi\n{opening} {BODY}")
    assert a.dateline is None and a.paragraphs == [f"{opening} {BODY}"]


def test_title_ending_in_a_period_confirmed_by_its_date_line() -> None:
    page = f"Emas Naik, Perak Turun.\nSenin, 28 Oktober 2024 / 20:19 WIB\nReporter: Ani | Editor: Budi\n{BODY}"
    a = clean(page)
    assert a.title == "Emas Naik, Perak Turun." and a.paragraphs == [BODY]


def test_english_date_line_is_wib_on_a_12_hour_clock() -> None:
    a = clean("June 05, 2024, 12.05 AM | Reporter: Ani\nGold Prices Jump\n\nGOLD - JAKARTA. Gold rose. It did.")
    assert a.published.isoformat() == "2024-06-05T00:05:00+07:00"
    assert (a.reporters, a.title, a.dateline, a.paragraphs) == (["Ani"], "Gold Prices Jump", "JAKARTA", ["Gold rose. It did."])


# ---- paywalls -------------------------------------------------------------------------------

def test_html_paywall_box_inside_the_body() -> None:
    html = f"""<html><body><h1>Saham Bank Naik</h1><div itemprop="articleBody">
    <p>Reporter: Ani | Editor: Budi</p><p>KONTAN.CO.ID - JAKARTA. {BODY}</p>
    <div class="paywall-box"><p>Hanya Rp 5.000 untuk membaca artikel ini. <a href="/beli">BELI SEKARANG</a></p></div>
    <div>Hanya Rp 5.000 untuk membaca artikel ini. BELI SEKARANG</div></div></body></html>"""
    a = clean(html.encode())
    assert a.paragraphs == [BODY] and a.paywalled


def test_paywall_box_ends_at_a_body_paragraph() -> None:
    page = "\n".join([
        "Reporter: Ani | Editor: Budi", "KONTAN.CO.ID - JAKARTA. " + BODY, "Ini Artikel Spesial",
        "Berlangganan", "Rp 20.000", BODY.replace("emas", "perak"),
    ])
    a = clean(page)
    assert a.paragraphs == [BODY, BODY.replace("emas", "perak")] and a.paywalled


def test_a_lone_closing_paywall_line_opens_no_box() -> None:
    """`BELI SEKARANG` closes the old box; only an opener takes the short lines after it."""
    page = "\n".join(["Reporter: Ani | Editor: Budi", "KONTAN.CO.ID - JAKARTA. " + BODY, "BELI SEKARANG",
                      "Harga perak turun tipis."])
    a = clean(page)
    assert a.paragraphs == [BODY, "Harga perak turun tipis."] and a.paywalled


def test_a_heading_printed_twice_in_a_row_is_kept_once() -> None:
    page = f"Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY}\nAksi Jual Asing\nAksi jual asing\nAsing menjual saham bank."
    a = clean(page)
    assert a.paragraphs == [BODY, "Aksi Jual Asing", "Asing menjual saham bank."]


def test_identical_table_rows_in_a_row_stay() -> None:
    page = f"Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY}\nBBRI 4.500 4.600 2,1\nBBRI 4.500 4.600 2,1"
    assert clean(page).paragraphs.count("BBRI 4.500 4.600 2,1") == 2


@pytest.mark.parametrize("join", [
    "Halaman Selanjutnya: Proyeksi Harga Emas Hingga Akhir Tahun",
])
def test_page_join_inside_a_paragraph_line_and_in_flattened_text(join: str) -> None:
    lines = clean(f"Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY} {join}\nAnalis memperkirakan harga naik lagi.")
    assert lines.paragraphs == [BODY, "Analis memperkirakan harga naik lagi."]
    flat = clean(f"Reporter: Ani | Editor: Budi KONTAN.CO.ID - JAKARTA. {BODY} {join} Analis memperkirakan harga naik lagi.")
    assert flat.paragraphs == [BODY, "Analis memperkirakan harga naik lagi."] and flat.related == []


@pytest.mark.parametrize("line,iso", [
    ("June 05, 2024, 06.44 PM", "2024-06-05T18:44:00+07:00"),
    ("Wednesday, June 05, 2024, 12.30 PM", "2024-06-05T12:30:00+07:00"),
    ("Jun 5, 2024 09:15 AM", "2024-06-05T09:15:00+07:00"),
])
def test_english_date_line_forms(line: str, iso: str) -> None:
    a = clean(f"{line} | Reporter: Ani\nGold Prices Jump\n\nGOLD - JAKARTA. Gold rose. It did.\n\nEditor: Budi")
    assert (a.published.isoformat(), a.editor, a.layout) == (iso, "Budi", "english")


def test_html_amp_page_read_by_the_fallback_prints_its_lead_once() -> None:
    """With its body's markup unknown (a bare `<div>`: no `itemprop`, no class) the AMP page
    goes to trafilatura, which keeps the lead above the `h1` and the body's first paragraph:
    `repeats` takes one out there too."""
    from conftest import SAMPLES

    page = (SAMPLES / "html" / "amp.html").read_bytes().replace(
        b'<div class="amp-detail-body" itemprop="articleBody">', b'<div>')
    a = clean(page)
    assert a.extractor == "trafilatura"
    assert sum("window dressing diperkirakan kembali" in p for p in a.paragraphs) == 1
    assert any(r.filter == "repeats" for r in a.removed)


def test_lead_block_against_a_copy_whose_lines_end_in_promos() -> None:
    """AMP ends a paragraph line with `Baca Juga: <headline>`: the lead has no such promo."""
    first, second = BODY.split(". ", 1)
    page = (f"KONTAN.CO.ID - JAKARTA. {BODY}\nHarga Emas Naik Tajam\n"
            f"KONTAN.CO.ID - JAKARTA. {first}. Baca Juga: Harga Perak Ikut Naik\n{second}\nBaca Juga: Saham Emas Menguat")
    a = clean(page)
    assert a.paragraphs == [f"{first}.", second]
    assert [r.title for r in a.related] == ["Harga Perak Ikut Naik", "Saham Emas Menguat"]


def test_bracketed_caption_above_the_byline_without_a_credit() -> None:
    page = (f"Harga Emas Naik Tajam\nSenin, 28 Oktober 2024 | 20:19 WIB\nHarga Emas Naik Tajam\n"
            f"[Harga emas naik tajam pada Senin]\nReporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {BODY}")
    a = clean(page)
    assert (a.caption, a.paragraphs) == ("Harga emas naik tajam pada Senin", [BODY])


def test_title_first_amp_page_whose_title_ends_in_a_period() -> None:
    a = clean(f"Emas Naik, Perak Turun.\n\n\nKONTAN.CO.ID - JAKARTA. {BODY}\n\nEditor: Budi")
    assert (a.layout, a.title, a.editor, a.paragraphs) == ("amp_title", "Emas Naik, Perak Turun.", "Budi", [BODY])


def test_lead_printed_straight_above_its_body_copy_is_not_a_title() -> None:
    first = BODY.split(". ")[0] + "."
    a = clean(f"{first}\nKONTAN.CO.ID - JAKARTA. {BODY}")
    assert (a.title, a.paragraphs, a.dateline) == (None, [BODY], "JAKARTA")


# ---- review findings: body text the layout and repeat rules must keep -------------------------

SYNDICATED = ("Menurut dia, permintaan kredit modal kerja masih kuat di sektor perdagangan dan manufaktur.\n\n"
              "Ia menambahkan, bank akan menjaga rasio kredit bermasalah di bawah 2% sepanjang tahun.\n\nEditor: Dewi Anggraini")


@pytest.mark.parametrize("first", [
    'Direktur Utama Bank Contoh, Budi Santoso, menegaskan, "Kami optimistis kredit tumbuh 10% tahun ini."',
    "Apakah kredit perbankan masih bisa tumbuh dua digit pada tahun ini?",
    "Bank Contoh optimistis kredit tumbuh dua digit tahun ini!",
    "Bank Contoh optimistis kredit tumbuh dua digit tahun ini",  # sentence case: no headline
])
def test_a_body_that_opens_with_a_sentence_and_ends_with_an_editor_line_keeps_it(first: str) -> None:
    """Only a closing `Editor:` line says AMP title-first: a first block that ends a sentence
    (also inside quotes, or with `?`/`!`) or is not in Title Case is the body's first paragraph."""
    a = clean(f"{first}\n\n{SYNDICATED}")
    assert (a.layout, a.title, a.paragraphs[0], a.editor) == ("body", None, first, "Dewi Anggraini")


def test_a_title_case_question_above_a_dateline_is_the_title() -> None:
    a = clean(f"Saham Apa yang Layak Dikoleksi Jelang Akhir Tahun?\n\nKONTAN.CO.ID - JAKARTA. {BODY}\n\nEditor: Budi")
    assert (a.layout, a.title, a.paragraphs) == ("amp_title", "Saham Apa yang Layak Dikoleksi Jelang Akhir Tahun?", [BODY])


def test_a_sentence_repeated_after_each_list_item_is_kept_every_time() -> None:
    """Copies that stand apart, with different paragraphs around them, are the article's
    own repetition (a listicle's terms line, a recipe's step), not a double print."""
    note = "Promo berlaku setiap hari Sabtu dan Minggu selama periode promo masih berlangsung."
    items = ["1. Promo Bank A: diskon 20% di restoran cepat saji dengan minimum transaksi Rp 100.000.",
             "2. Promo Bank B: cashback 15% untuk belanja kebutuhan rumah tangga di supermarket.",
             "3. Promo Bank C: potongan Rp 50.000 untuk pembelian tiket bioskop dua lembar."]
    page = ("Reporter: Lestari Wulandari | Editor: Dewi Anggraini\n\n"
            "MOMSMONEY.ID - Berikut daftar promo kartu kredit akhir pekan ini.\n\n"
            + "\n\n".join(f"{item}\n\n{note}" for item in items))
    a = clean(page)
    assert a.paragraphs == ["Berikut daftar promo kartu kredit akhir pekan ini.",
                            items[0], note, items[1], note, items[2], note]
    assert _repeats(a) == []


def test_a_paragraph_printed_twice_around_other_repeats_is_still_a_double_print() -> None:
    first, second = BODY.split(". ", 1)
    other = "Analis menilai kenaikan harga emas akan berlanjut hingga akhir tahun ini."
    page = f"Reporter: Ani | Editor: Budi\nKONTAN.CO.ID - JAKARTA. {first}.\n{second}\n{other}\n{first}.\n{second}"
    a = clean(page)
    assert a.paragraphs == [f"{first}.", second, other]


def test_a_later_recap_that_extends_the_dateline_paragraph_keeps_both_in_order() -> None:
    lead = "Bank Indonesia mempertahankan suku bunga acuan di level 6% pada rapat dewan gubernur bulan ini."
    middle = ["Gubernur BI mengatakan keputusan itu konsisten dengan upaya menjaga inflasi.",
              "Ekonom menilai keputusan tersebut sesuai dengan perkiraan pasar."]
    recap = lead + " Namun BI membuka ruang penurunan pada semester kedua."
    page = "Reporter: Budi | Editor: Ani\n\nKONTAN.CO.ID - JAKARTA. " + "\n\n".join([lead, *middle, recap])
    a = clean(page)
    assert (a.paragraphs, a.dateline) == ([lead, *middle, recap], "JAKARTA")


@pytest.mark.parametrize("headline,sentence", [
    ("Harga Emas Antam Turun Rp 5.000 Hari Ini",
     "Bank Indonesia (BI) mencatat cadangan devisa naik pada akhir bulan lalu menjadi US$ 150 miliar."),
    ("Saham Bank Jadi Penopang",
     "PT Bank Central Asia Tbk (BBCA) mencatat laba bersih naik 12% pada kuartal ketiga tahun ini."),
    ("Saham Bank Jadi Penopang",
     "Otoritas Jasa Keuangan (OJK) mencatat kredit perbankan tumbuh 10% pada kuartal ketiga tahun ini."),
    ("Saham Bank Jadi Penopang",
     "PT Bank Central Asia Tbk mencatat laba bersih naik 12% pada kuartal ketiga tahun ini."),
    ("Saham Bank Jadi Penopang",
     "Direktur Utama PT Bank Central Asia Tbk Jahja Setiaatmadja mengatakan laba bersih naik 12%."),
])
def test_flattened_promo_headline_ends_before_a_named_subject(headline: str, sentence: str) -> None:
    """A name with its acronym in brackets (or a `PT ... Tbk` company), then a verb, opens the
    sentence after an inline `Baca Juga:` headline: the name is the sentence's subject."""
    first = "Harga saham bank naik pada perdagangan hari ini karena permintaan kuat."
    a = clean(f"Reporter: Ani | Editor: Budi KONTAN.CO.ID - JAKARTA. {first} Baca Juga: {headline} {sentence}")
    assert ([r.title for r in a.related], a.paragraphs) == ([headline], [first, sentence])
