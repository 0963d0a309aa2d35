"""Acceptance on real crawled kontan data in ../shared/corpus (skipped when absent)."""

from __future__ import annotations

import csv

from kontan_clean import clean
from kontan_clean.evaluation import headline_end_rate, inline_promo_report, lost_words

MARKERS = ("Baca Juga", "KONTAN.CO.ID", "Google News", "Reporter:", "| Editor:", "TERBARU", "[X]", "×")


def test_seed(corpus) -> None:
    seed = next((corpus / "seed").glob("*.txt")).read_text(encoding="utf-8")
    a = clean(seed)
    assert len(a.paragraphs) == 9
    assert a.paragraphs[0].startswith("Sekretaris Jenderal NATO, Mark Rutte, pada Senin")
    assert a.paragraphs[-1].endswith("ujar Yermak.")
    assert a.title == "Sekjen NATO Konfirmasi Kehadiran Pasukan Korea Utara di Rusia"
    assert a.published.isoformat() == "2024-10-28T20:19:00+07:00"
    assert (a.source, a.editor, a.dateline, a.reporters) == ("Reuters", "Noverius Laoli", "BRUSSELS", [])
    assert a.caption.endswith("REUTERS/Yves Herman")
    assert [r.kind for r in a.related] == ["baca_juga", "baca_juga", "selanjutnya", "menarik_dibaca"]
    assert len(a.market) == 11 and (a.market[0].name, a.market[0].value, a.market[0].change_pct) == ("EMAS", 1527000, -0.46)
    assert not any(m in a.text for m in MARKERS + ("Kontan Academy", "WEBINAR", "Sumber:"))


def test_gold_bodies_survive_word_for_word(corpus) -> None:
    """Only the dateline prefix and a syndication credit may go from an already clean body."""
    for path in sorted((corpus / "gold").glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        a = clean(body)
        allowed = [r.text for r in a.removed if r.filter == "dateline_prefix" or r.reason.startswith("syndicated")]
        assert [r.filter for r in a.removed if r.text not in allowed] == [], path.name
        expected = body
        for piece in allowed:
            expected = " ".join(expected.split()).replace(piece, " ", 1)
        assert a.text.split() == expected.split(), path.name


def test_flattened_bodies(corpus) -> None:
    for path in sorted((corpus / "flattened").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        a = clean(raw)
        assert not any(m in a.text for m in MARKERS), path.name
        assert lost_words(raw, a) == [], path.name  # no body word the filters did not remove on purpose


def test_flattened_traps_are_kept(corpus) -> None:
    flat = corpus / "flattened"
    assert "Selanjutnya," in clean((flat / "kontan_nasional_soal-negosiasi-tarif-trump-indef-jangan-sampai-ter.txt").read_text()).text
    assert "Menariknya," in clean((flat / "kontan_nasional_indonesia-as-sepakati-negosiasi-tarif-impor-trump.txt").read_text()).text


def test_inline_headline_end_rate(corpus) -> None:
    rate, total = headline_end_rate(corpus / "raw")
    assert total == 510
    assert rate >= 0.96, f"exact headline ends: {rate:.1%}"


def test_inline_headlines_end_to_end(corpus) -> None:
    """Through clean(): each resolved headline is gone and the next sentence opens intact."""
    report = inline_promo_report(corpus / "raw", clean)
    assert report["total"] == 510
    assert report["markers"] == 0, "articles with a Baca Juga marker left"
    assert report["exact"] / report["total"] >= 0.96, report


def test_no_baca_juga_left_in_the_crawl(corpus) -> None:
    csv.field_size_limit(1 << 30)
    with open(corpus / "raw" / "danielmahardhika_kontan-news-scraper_kontan.csv", encoding="utf-8") as f:
        bodies = [row["paragraf"] for row in csv.DictReader(f) if row["paragraf"].strip() != "Konten tidak ditemukan"]
    assert len(bodies) == 445
    left = [b[:80] for b in bodies if "Baca Juga" in clean(b).text]
    assert left == []
