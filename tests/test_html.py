"""HTML reading details the samples do not pin down on their own."""

from __future__ import annotations

from kontan_clean import clean
from conftest import SAMPLES

PAGE = """<html><head><meta charset="{charset}">
<meta name="content_PublishedDate" content="{head_date}">
<link rel="canonical" href="https://investasi.kontan.co.id/news/harga-emas-naik">
<title>Harga Emas Naik - Kontan.co.id</title></head>
<body><nav><a href="/">Home</a> <a href="/tag/x">x</a></nav>
<div class="breadcumb fs18"><a href="https://www.kontan.co.id/">Home</a> / <a href="/rubrik/investasi">Investasi</a></div>
<h1 class="detail-desk">Harga Emas Naik</h1>
<div class="fs14 ff-opensans font-gray">Senin, 28 Oktober 2024 / 20:19 WIB</div>
<div class="tmpt-desk-kon" itemprop="articleBody">
<p>Reporter: <b>Ani</b> | Editor: <b>Budi</b></p>
<p><b>KONTAN.CO.ID - JAKARTA.</b> Harga emas naik {word} pada Senin (28/10).</p>
<div class="boxdonasi"><p>Dukung jurnalisme berkualitas.</p></div>
<script>var x = "<p>bukan teks</p>";</script>
<p>Investor memburu aset aman.</p>
</div></body></html>"""


def page(charset: str = "utf-8", head_date: str = "2024-10-28 20:19:00", word: str = "tajam") -> str:
    return PAGE.format(charset=charset, head_date=head_date, word=word)


def test_metadata_from_the_page() -> None:
    a = clean(page())
    assert a.paragraphs == ["Harga emas naik tajam pada Senin (28/10).", "Investor memburu aset aman."]
    assert (a.title, a.category, a.category_label, a.url) == (
        "Harga Emas Naik", "investasi", "Investasi", "https://investasi.kontan.co.id/news/harga-emas-naik")
    assert a.published.isoformat() == "2024-10-28T20:19:00+07:00" and a.warnings == []


def test_visible_date_wins_and_the_disagreement_is_recorded() -> None:
    a = clean(page(head_date="2024-10-27 08:00:00"))
    assert a.published.isoformat() == "2024-10-28T20:19:00+07:00"
    assert any("2024-10-27T08:00:00+07:00" in w and "date line" in w for w in a.warnings)


def test_junk_nodes_are_recorded_by_html_junk() -> None:
    a = clean(page())
    junk = [r for r in a.removed if r.filter == "html_junk"]
    assert {r.reason.split("(")[-1] for r in junk} == {".boxdonasi)", "<script>)"}
    assert "Dukung jurnalisme" in junk[0].text and "bukan teks" not in a.text


def test_encodings() -> None:
    utf8 = clean(page(word="naik “tajam”").encode("utf-8"))
    assert utf8.info["encoding"] == "utf-8" and "“tajam”" in utf8.text
    cp1252 = clean(page("windows-1252", word="naik “tajam”").encode("cp1252"))
    assert cp1252.info["encoding"] == "cp1252" and "“tajam”" in cp1252.text
    # Declared windows-1252 but really UTF-8 (a common crawl accident): the bytes win.
    mislabelled = clean(page("windows-1252", word="naik “tajam”").encode("utf-8"))
    assert mislabelled.info["encoding"] == "utf-8" and "“tajam”" in mislabelled.text


def test_pagination_is_reported() -> None:
    a = clean((SAMPLES / "html" / "multipage_p1.html").read_bytes())
    assert (a.info["page"], a.info["continues"]) == (1, True)
    assert a.info["all_pages_url"].endswith("?page=all")


def test_the_amp_body_is_found_by_its_class_alone() -> None:
    """`div.amp-detail-body` is the AMP page's body, where the window search finds it: without
    its `itemprop` (a crawler's or a minifier's edit) the page is still read by kontan_clean,
    the same, not handed to trafilatura."""
    amp = (SAMPLES / "html" / "amp.html").read_text(encoding="utf-8")
    bare = amp.replace('<div class="amp-detail-body" itemprop="articleBody">', '<div class="amp-detail-body">')
    assert bare != amp
    a, b = clean(amp), clean(bare)
    assert b.extractor == "kontan_clean" and b.paragraphs == a.paragraphs and b.title == a.title
