"""A whole desktop page flattened (every line joined by a space): the header, ticker, title,
date line, caption and byline before the body, and the headline list, ads and close buttons
after it, are found again and removed, as on the page's line rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from kontan_clean import NoArticleError, clean
from kontan_clean.readers.flat_page import split_flat
from conftest import SAMPLES

DESKTOP = sorted(p for p in (SAMPLES / "text").glob("*.txt") if clean(p.read_text(encoding="utf-8")).layout == "desktop")
SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "000_1e607148f1def720.txt"
META = ("title", "published", "reporters", "editor", "source", "dateline", "caption", "market", "paywalled")
FURNITURE = ("kontan.co.id banner", "INDIKATOR", "•", "TERBARU", "Kontan Academy", "WEBINAR", "[X]", "×")

BODY = ("KONTAN.CO.ID - JAKARTA. Harga emas naik tajam pada perdagangan Senin (28/10) karena investor "
        "memburu aset aman. Harga emas spot naik 1,2% ke US$ 2.750 per ons troi.")
HEAD = ("kontan.co.id banner langganan top | : WIB | INDIKATOR | • EMAS 1.527.000 -7.000 -0,46% "
        "• IDX 7.635 -60,03 -0,78% Harga Emas Naik Tajam Senin, 28 Oktober 2024 / 20:19 WIB "
        "Harga Emas Naik Tajam ILUSTRASI. Emas batangan di Jakarta. KONTAN/Ani Rahma "
        "Reporter: Ani | Editor: Budi ")
TAIL = (" TERBARU Harga Minyak Turun Tipis IHSG Ditutup Menguat Kontan Academy "
        "FREE WEBINAR - Strategi Investasi Saham FREE WEBINAR - Membaca Laporan Keuangan [X] ×")


def _flattened(text: str) -> str:
    return " ".join(text.split())


def _same_article(lines: str, flat: str) -> None:
    a, b = clean(lines).to_dict(), clean(flat).to_dict()
    assert {k: b[k] for k in META} == {k: a[k] for k in META}
    assert not [f for f in FURNITURE if f in b["text"]]


@pytest.mark.parametrize("path", DESKTOP, ids=lambda p: p.stem)
def test_a_flattened_desktop_sample_gives_the_metadata_of_its_lines(path: Path) -> None:
    _same_article(path.read_text(encoding="utf-8"), _flattened(path.read_text(encoding="utf-8")))


def test_the_flattened_seed_page_gives_the_metadata_of_its_lines() -> None:
    if not SEED.exists():
        pytest.skip("../shared/corpus is absent")
    _same_article(SEED.read_text(encoding="utf-8"), _flattened(SEED.read_text(encoding="utf-8")))


def test_header_and_tail_removed_and_the_body_kept_whole() -> None:
    a = clean(HEAD + BODY + TAIL)
    assert a.text == BODY.removeprefix("KONTAN.CO.ID - JAKARTA. ")
    assert (a.title, a.reporters, a.editor, a.dateline) == ("Harga Emas Naik Tajam", ["Ani"], "Budi", "JAKARTA")
    assert a.published.isoformat() == "2024-10-28T20:19:00+07:00"
    assert a.caption == "ILUSTRASI. Emas batangan di Jakarta. KONTAN/Ani Rahma"
    assert [q.name for q in a.market] == ["EMAS", "IDX"]
    reasons = {r.reason for r in a.removed}
    assert {"TERBARU heading of a headline list", "headlines of a TERBARU list, run together",
            "Kontan Academy / webinar ad", "title printed again"} <= reasons


def test_an_ad_in_the_body_does_not_take_the_flattened_page_with_it() -> None:
    """A webinar ad matched anywhere in a block once dropped the whole flattened page."""
    page = BODY + " FREE WEBINAR - Strategi Investasi Saham. Harga perak turun 0,5%."
    assert "Harga perak turun 0,5%." in clean(page).text


SENTENCES = "Harga emas naik pada hari Senin. Pasar ditutup menguat, kata analis."


@pytest.mark.parametrize("ad", ["FREE WEBINAR - Strategi Investasi",
                                "FREE WEBINAR - Strategi Investasi FREE WEBINAR - Emas di Tengah Krisis",
                                "WEBINAR: Membaca Laporan Keuangan"])
@pytest.mark.parametrize("dateline", ["", "KONTAN.CO.ID - JAKARTA. "])
def test_an_ad_opening_flattened_text_goes_alone(ad: str, dateline: str) -> None:
    """The ad's title ends as a headline does, and never past a dateline: the sentences after
    it are the article's (they were dropped with it, as if the block were the ad's line)."""
    a = clean(f"{ad} {dateline}{SENTENCES}")
    assert a.text == SENTENCES
    assert [r.text for r in a.removed if r.filter == "page_ads"] == [ad]


def test_ads_one_after_another_opening_flattened_text_go_in_one_cut() -> None:
    """A filter does not judge its own cuts again: an ad left opening the rest would go only
    when the clean text is cleaned again."""
    ad = "FREE WEBINAR - " + " ".join(["Kata"] * 20)  # a title as long as the headline's fallback
    a = clean(" ".join([ad] * 300 + [SENTENCES]))
    assert a.text.endswith(SENTENCES) and a.text.count("WEBINAR") < 2
    assert clean(a.text).text == a.text


def test_each_ad_title_ends_by_the_next_ad() -> None:
    """The inference read on into the next ads, past its 45-word reach, and fell back to 20
    words inside one: the ads after it stayed."""
    a = clean("FREE WEBINAR - Strategi Investasi Emas " * 10 + SENTENCES)
    assert a.text == SENTENCES


@pytest.mark.parametrize("after", ["Beli sekarang, bayar nanti makin populer.", "Rp 1 triliun dana asing masuk.",
                                   "Langganan listrik naik.", "Masuknya dana asing menguat."])
def test_a_sentence_after_the_paywall_lines_in_flattened_text_stays_whole(after: str) -> None:
    """Only the lines as printed (and whole words) are the box's; offer words that open
    sentences too (`Rp`, `langganan`, `masuk`) are not taken for its offers."""
    assert clean(f"Hanya Rp 5.000 untuk membaca artikel ini. {after}").text == after


@pytest.mark.parametrize("box", ["Hanya Rp 5.000 untuk membaca artikel ini.",
                                 "Hanya Rp 5.000 untuk membaca artikel ini. BELI SEKARANG"])
@pytest.mark.parametrize("dateline", ["", "KONTAN.CO.ID - JAKARTA. "])
def test_the_paywall_lines_opening_flattened_text_go_alone(box: str, dateline: str) -> None:
    a = clean(f"{box} {dateline}{SENTENCES}")
    assert a.text == SENTENCES and a.paywalled
    assert [r.text for r in a.removed if r.filter == "paywall"] == [box]


@pytest.mark.parametrize("offer", ["Langganan Rp 20.000/bulan", "Berlangganan sekarang", "Masuk"])
def test_offer_lines_between_the_paywall_lines_and_a_dateline_go_with_the_box(offer: str) -> None:
    a = clean(f"Hanya Rp 5.000 untuk membaca artikel ini. BELI SEKARANG {offer} KONTAN.CO.ID - JAKARTA. {SENTENCES}")
    assert a.text == SENTENCES and a.paywalled


def test_offer_lines_after_the_paywall_lines_go_with_them_in_flattened_text() -> None:
    """Without a dateline, the box's other lines have no fixed wording to end them by."""
    with pytest.raises(NoArticleError):
        clean("Hanya Rp 5.000 untuk membaca artikel ini. BELI SEKARANG Berlangganan dengan Google "
              "Gratis uji coba 7 hari.")


def test_an_ad_opening_a_line_is_the_whole_line() -> None:
    """On a line of its own the ad's line is known: what it holds is the ad's."""
    a = clean(f"Reporter: Ani | Editor: Budi\n{BODY}\nFREE WEBINAR - Strategi Investasi Harga emas\n")
    assert a.text == BODY.removeprefix("KONTAN.CO.ID - JAKARTA. ")


@pytest.mark.parametrize("sentence", [
    "Webinar tersebut diikuti 500 peserta dari seluruh Indonesia.",
    "Dalam webinar - yang digelar secara daring - ia memaparkan strategi investasi.",
    "Kontan Academy menggelar kelas baru bulan depan.",
])
def test_a_paragraph_about_a_webinar_stays(sentence: str) -> None:
    assert sentence in clean(f"Reporter: Ani | Editor: Budi\n{BODY}\n{sentence}\n").paragraphs


def test_without_the_header_the_tail_words_are_body_text() -> None:
    """`TERBARU` closing a sentence of a body-only page is no headline list; nor are two."""
    for page in (BODY + " Simak daftar harga emas TERBARU", BODY + " Simak harga TERBARU TERBARU [X]"):
        assert clean(page).text.endswith(page[-20:])


def test_a_date_in_the_first_sentence_is_no_date_line() -> None:
    page = ("Pemerintah mengumumkan pada Senin, 28 Oktober 2024 pukul 20:19 WIB bahwa harga BBM naik. "
            "Kenaikan berlaku mulai besok.")
    assert clean(page).text == page
    assert [b.kind for b in split_flat(page)] == ["flat"]


def test_a_list_tail_with_a_sentence_in_it_stays() -> None:
    """After the header, a tail piece holding a full stop is body text: the chain stops there."""
    page = HEAD + BODY + " TERBARU. Harga perak juga naik. Kontan Academy [X] ×"
    assert "TERBARU. Harga perak juga naik." in clean(page).text


def test_a_bullet_opening_a_line_of_body_text_stays() -> None:
    """The banner runs its bullets together; one bullet before a sentence is the article's."""
    line = "• IDX 7.635 -60,03 -0,78% ditutup melemah pada sesi pertama."
    a = clean(f"Reporter: Ani | Editor: Budi\n{BODY}\n{line}\n")
    assert line in a.paragraphs and not a.market


def test_header_run_together_in_a_line_goes_and_the_text_after_it_stays() -> None:
    a = clean("kontan.co.id banner langganan top • EMAS 1.527.000 -7.000 -0,46% • IDX 7.635 -60,03 -0,78% "
              "Harga emas naik.\nHarga perak turun.")
    assert a.paragraphs == ["Harga emas naik.", "Harga perak turun."]
    assert [q.name for q in a.market] == ["EMAS", "IDX"]


def test_a_sentence_opening_with_the_site_name_stays() -> None:
    page = "kontan.co.id mencatat harga emas naik 1,2% pada Senin (28/10)."
    assert clean(page).text == page


WHOLE = HEAD + BODY


@pytest.mark.parametrize("last", [
    'Budi menegaskan, "Kami akan meluncurkan produk TERBARU tahun depan."',
    "Simak berita TERPOPULER hari ini di laman kami.",
    "Kontan menggelar FREE WEBINAR - Strategi Investasi Saham pada Sabtu (2/11).",
    "Luas lahan itu 10 × 20 meter.",
    "Informasi ada di laman resmi [X] hingga akhir bulan.",
])
def test_the_last_sentence_with_a_tail_word_in_it_stays_whole(last: str) -> None:
    """A tail piece holding a sentence end is text, and a close button is one alone."""
    assert clean(f"{WHOLE} {last}").paragraphs[-1].endswith(last)


@pytest.mark.parametrize("first", [
    "Harga emas Antam pada Senin, 28 Oktober 2024 pukul 20:19 WIB naik Rp 4.000 per gram.",
    "Reporter: Budi | Editor: Ani Harga emas Antam pada Senin, 28 Oktober 2024 pukul 20:19 WIB naik Rp 4.000.",
])
def test_a_date_in_the_first_sentence_after_the_header_is_no_date_line(first: str) -> None:
    """After the header a date line needs the title printed again under it, or the byline
    straight after it: a date inside a sentence leaves the sentence whole."""
    header = "kontan.co.id banner langganan top | : WIB | INDIKATOR | • EMAS 1.489.000 -4.000 -0,27% "
    a = clean(header + first)
    assert a.title is None and "Harga emas Antam pada Senin" in a.text


def test_header_runs_repeated_are_cut_in_one_go() -> None:
    run = "kontan.co.id kontan.co.id • EMAS 1.489.000 -4.000 -0,27% • IDX 7.712 -31,52 -0,41% "
    a = clean(run * 12 + "Harga emas naik hari ini.\nKedua kalimat panjang di sini untuk tubuh berita.")
    assert a.paragraphs == ["Harga emas naik hari ini.", "Kedua kalimat panjang di sini untuk tubuh berita."]
    assert len(a.market) == 24 and not a.warnings


def _openings() -> list[str]:
    """Flattened texts and what a cut at their start leaves: every word boundary of the
    head (and its first stretch of body), as `flat_head` sees the block after a cut."""
    texts = [HEAD + BODY + TAIL, HEAD.replace("Reporter: Ani | Editor: Budi ", "") + BODY,
             "Harga Emas Naik Tajam Senin, 28 Okt. 2024 / 20.19 WIB Harga Emas Naik Tajam " + BODY]
    texts += [_flattened(p.read_text(encoding="utf-8")) for p in DESKTOP]
    cuts = []
    for text in texts:
        starts = [0] + [i + 1 for i, c in enumerate(text[:1500]) if c == " "]
        cuts += [text[i:] for i in starts]
    return cuts


def test_the_quick_head_test_never_says_no_where_the_reader_finds_a_head() -> None:
    """`may_open_head` spares `flat_head` the date search on most blocks: it must never be
    False where `split_flat` splits a head off (it is a necessary condition), and it is False
    on a body that opens with a sentence."""
    from kontan_clean.readers.flat_page import may_open_head

    cuts = _openings()
    heads = [t for t in cuts if len(split_flat(t)) > 1]
    assert len(heads) > 50  # the cuts do open with heads
    assert [t[:60] for t in heads if not may_open_head(t)] == []
    assert not may_open_head(BODY.replace("KONTAN.CO.ID - JAKARTA. ", "") + TAIL)
