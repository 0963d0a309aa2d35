"""The HTML reader: the same reading on damaged pages as before it moved to lexbor, paragraphs
that are paragraphs whatever element holds them, and nothing of a script in the article."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SAMPLES
from kontan_clean import NoArticleError, clean
from test_properties import PROFILE
from truncated_variants import PINNED, fingerprint, variants

DESKTOP = (SAMPLES / "html" / "desktop_2024.html").read_text(encoding="utf-8")


def with_body(paragraphs_html: str) -> str:
    """The desktop sample with its ordinary body paragraphs (after byline and dateline, up
    to the share box) replaced by `paragraphs_html`."""
    start = DESKTOP.index("articleBody")
    for _ in range(3):
        start = DESKTOP.index("<p>", start + 1)
    end = DESKTOP.index('<div id="share-it"', start)
    return DESKTOP[:start] + paragraphs_html + DESKTOP[end:]


FIRST = clean(with_body("")).paragraphs
"""What the sample keeps around the replaced paragraphs (its dateline paragraph)."""


# ---- the same reading as the lxml reader -------------------------------------------------

def test_truncated_variants_read_as_the_lxml_reader_read_them() -> None:
    """400 cuts of the samples (inside tags, attributes, scripts, the body): the blocks and
    metadata the reader makes of each are those pinned from the lxml reader."""
    pinned = json.loads(PINNED.read_text())
    cases = variants()
    assert len(cases) == len(pinned) == 400
    differ = [name for name, page in cases if fingerprint(page) != pinned[name]]
    assert not differ, f"{len(differ)} variants read differently, e.g. {differ[:5]}"


# ---- paragraphs whatever holds them ------------------------------------------------------

@pytest.mark.parametrize("markup", [
    "<div>Harga emas naik hari ini.</div><div>Harga perak turun hari ini.</div>",
    "<div><div>Harga emas naik hari ini.</div></div><div><span>Harga perak turun hari ini.</span></div>",
    "<p>Harga emas naik hari ini.<br><br>Harga perak turun hari ini.</p>",
    "<div>Harga emas naik hari ini.<br>\n<br>Harga perak turun hari ini.</div>",
    "Harga emas naik hari ini.<br><br>Harga perak turun hari ini.",
])
def test_block_elements_and_line_breaks_separate_paragraphs(markup: str) -> None:
    """`naik.Harga` is a token no page holds: two `<div>`s, or a `<br><br>` run, are two
    paragraphs."""
    got = clean(with_body(markup)).paragraphs
    assert "Harga emas naik hari ini." in got and "Harga perak turun hari ini." in got
    assert not any("ini.Harga" in p for p in got)


def test_inline_elements_stay_inside_their_paragraph() -> None:
    got = clean(with_body("<p>Harga <b>emas</b> <span>naik</span> <a href='/x'>hari</a> ini.</p>")).paragraphs
    assert "Harga emas naik hari ini." in got


def test_an_inline_element_holding_a_paragraph_splits_only_at_the_paragraph() -> None:
    """A `<span>` holding a `<p>` (loose markup) is shown as a browser shows it: the text on
    each side of the paragraph runs on from the text around the span."""
    got = clean(with_body("Harga emas naik<span> pada Senin<p>Pasar ditutup menguat.</p>kata analis</span> "
                          "di Jakarta.")).paragraphs
    assert got[len(FIRST):] == ["Harga emas naik pada Senin", "Pasar ditutup menguat.", "kata analis di Jakarta."]


def test_a_table_in_a_paragraph_is_read_in_the_page_s_own_mode() -> None:
    """The window holding the article is parsed under the page's doctype: in standards mode a
    `<table>` closes the open `<p>`, and text after a cell stands apart (in quirks mode, a
    page without a doctype, it joins the paragraph, glued, as a browser shows it)."""
    markup = "<p>Harga emas naik<table><td>Rp 1.527.000</td>pada hari Senin.</p>"
    standards = clean(with_body(markup)).paragraphs
    assert DESKTOP.lstrip().lower().startswith("<!doctype html>")
    assert "pada hari Senin." in standards and not any("naikpada" in p for p in standards)
    quirks = clean(with_body(markup).replace("<!DOCTYPE html>", "", 1).replace("<!doctype html>", "", 1)).paragraphs
    assert any("naikpada" in p for p in quirks)


# ---- scripts never leak ------------------------------------------------------------------

@pytest.mark.parametrize("opener", ["<script>", "<script type='text/javascript'>", "<style>", "<!--"])
def test_an_unclosed_script_above_the_body_does_not_leak(opener: str) -> None:
    """A script (or style, or comment) left open between the title and the body swallows
    the body in a browser's parse. The reader keeps the body and none of the script."""
    at = DESKTOP.rindex("<", 0, DESKTOP.index("articleBody"))
    page = DESKTOP[:at] + opener + "var bocor = 'TEKS SKRIP BOCOR';\n" + DESKTOP[at:]
    article = clean(page)
    assert "BOCOR" not in article.text and "bocor" not in article.text
    assert article.paragraphs == clean(DESKTOP).paragraphs


def test_an_unclosed_script_inside_the_body_hides_only_what_follows_it() -> None:
    page = with_body("<p>Harga emas naik hari ini.</p><script>var bocor = 'TEKS SKRIP BOCOR';<p>x</p>")
    article = clean(page)
    assert "BOCOR" not in article.text
    assert "Harga emas naik hari ini." in article.paragraphs


# ---- deep markup -------------------------------------------------------------------------

def test_deep_nesting_in_the_body_is_read_not_stripped() -> None:
    """5,000 nested `<div>`s around a paragraph: lexbor reads them (after the nest is
    flattened below 1,000 levels); nothing falls back to stripping tags."""
    article = clean(with_body("<div>" * 5000 + "<p>Teks di dasar sarang yang dalam.</p>" + "</div>" * 5000))
    assert "Teks di dasar sarang yang dalam." in article.paragraphs
    assert article.extractor == "kontan_clean" and not article.warnings


# ---- property: paragraphs built without any parser ---------------------------------------

WORDS = ["harga", "emas", "perak", "naik", "turun", "pasar", "saham", "kredit", "tumbuh", "melambat",
         "investor", "menunggu", "data", "inflasi", "pekan", "depan", "rupiah", "menguat", "tipis"]
sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def laid_out(draw: st.DrawFn) -> tuple[str, list[str]]:
    """(body markup, its paragraphs): each paragraph in one of the ways pages hold one, the
    expected list written down as the markup is built."""
    # Distinct paragraphs: a page that prints one paragraph twice in a row is a repeat that
    # the `repeats` filter keeps once, by design.
    paragraphs = draw(st.lists(sentence, min_size=1, max_size=8, unique=True))
    markup = []
    i = 0
    while i < len(paragraphs):
        form = draw(st.sampled_from(["p", "div", "nested_div", "inline", "br_run", "section"]))
        text = paragraphs[i]
        if form == "br_run" and i + 1 < len(paragraphs):  # two paragraphs in one `<div>`
            markup.append(f"<div>{text}<br><br>\n{paragraphs[i + 1]}</div>")
            i += 2
            continue
        words = text.split(" ")
        if form == "inline":
            k = draw(st.integers(0, len(words) - 1))
            words[k] = f"<b>{words[k]}</b>"
        body = " ".join(words)
        markup.append({"p": f"<p>{body}</p>", "div": f"<div>{body}</div>", "nested_div": f"<div><div>{body}</div></div>",
                       "inline": f"<p>{body}</p>", "br_run": f"<p>{body}</p>", "section": f"<section>{body}</section>"}[form])
        markup.append(draw(st.sampled_from(["", "\n", " "])))
        i += 1
    return "".join(markup), paragraphs


@PROFILE
@given(laid_out())
def test_generated_paragraphs_come_out_one_for_one(case: tuple[str, list[str]]) -> None:
    markup, expected = case
    assert clean(with_body(markup)).paragraphs == FIRST + expected


def test_an_unknown_page_too_deep_for_libxml2_is_read_from_lexbor(monkeypatch: pytest.MonkeyPatch) -> None:
    """If markup ever reached libxml2 deeper than it reads (the flattening off here), the
    page would be read from lexbor's tree, and say so, rather than lose what follows."""
    from kontan_clean.readers import html_limits

    monkeypatch.setattr(html_limits, "MAX_DEPTH", 10**9)
    page = "<html><body>" + "<div>" * 3000 + "<p>Teks di dasar sarang yang dalam sekali.</p>" + "</div>" * 3000 + "</body></html>"
    article = clean(page)
    assert article.paragraphs == ["Teks di dasar sarang yang dalam sekali."]
    assert article.extractor == "lexbor_text" and any("nests deeper than" in w for w in article.warnings)


def test_an_unknown_page_deeper_than_trafilatura_reads_fast_is_read_from_lexbor() -> None:
    """trafilatura's time grows as paragraphs x depth: past `MAX_FALLBACK_DEPTH` the page is
    read from lexbor's tree, every paragraph kept, and the warning says why."""
    from kontan_clean.readers.fallback import MAX_FALLBACK_DEPTH

    texts = [f"Paragraf nomor {i} membahas harga emas dan saham hari ini." for i in range(3)]
    body = "".join(f"<p>{t}</p>" for t in texts)
    shallow = clean("<html><body>" + "<div>" * (MAX_FALLBACK_DEPTH - 5) + body + "</body></html>")
    deep = clean("<html><body>" + "<div>" * (MAX_FALLBACK_DEPTH + 1) + body + "</body></html>")
    assert shallow.extractor == "trafilatura" and deep.extractor == "lexbor_text"
    assert deep.paragraphs == texts
    assert any(f"deeper than {MAX_FALLBACK_DEPTH} levels" in w for w in deep.warnings)


def test_a_tag_with_a_flood_of_attributes_keeps_the_article() -> None:
    """140,000 attributes on one tag in the body: lexbor and libxml2 compare each with the
    ones before it (a minute for this page). The tag loses its attributes, the article
    keeps every paragraph."""
    flood = "<p " + " ".join(f"a{i}" for i in range(140_000)) + ">Harga emas naik hari ini.</p>"
    article = clean(with_body(flood + "<p>Harga perak turun hari ini.</p>"))
    assert article.paragraphs == FIRST + ["Harga emas naik hari ini.", "Harga perak turun hari ini."]


def test_a_windows_1252_head_around_an_ascii_article_is_decoded_as_such() -> None:
    """The encoding is decided from the article's stretch; a head in the declared
    windows-1252 around an article that is all ASCII still reads right."""
    page = ('<html><head><meta charset="windows-1252"><meta property="og:title" content="\u201cEmas\u201d Naik Lagi">'
            '</head><body><div itemprop="articleBody"><p>KONTAN.CO.ID - JAKARTA. Harga emas naik lagi hari ini '
            'di pasar spot, didorong pelemahan dolar.</p><p>Harga perak ikut naik tipis pada perdagangan pagi.</p>'
            '</div></body></html>').encode("cp1252")
    assert clean(page).title == "\u201cEmas\u201d Naik Lagi"


def test_a_table_row_is_one_paragraph_of_its_cells() -> None:
    """A row reads as its cells' text, one space between: an ad cell and a script inside a
    cell are left out."""
    table = ("<table><tbody><tr><td>Bank</td><td>Laba bersih</td><td class='ads'>iklan</td></tr>"
             "<tr><td>BNST</td><td>Rp 4,12 triliun<script>var x = 1;</script></td><td></td></tr></tbody></table>")
    got = clean(with_body("<p>Harga emas naik hari ini.</p>" + table)).paragraphs
    assert got == FIRST + ["Harga emas naik hari ini.", "Bank Laba bersih", "BNST Rp 4,12 triliun"]


def test_a_body_marker_inside_a_closed_script_is_not_the_article() -> None:
    """A template in a script holds the body's markup as text: it is not the article (found
    by hypothesis: the script's text came out as the body)."""
    page = b'<body><script ><p ><p itemprop="articleBody">kontan.co.idkontan.co.id</script></body>'
    with pytest.raises(NoArticleError):
        clean(page)


def test_a_commented_out_body_is_passed_over_for_the_real_one() -> None:
    at = DESKTOP.rindex("<", 0, DESKTOP.index("articleBody"))
    page = DESKTOP[:at] + '<!-- <div itemprop="articleBody"><p>Tata letak lama.</p></div> -->' + DESKTOP[at:]
    article = clean(page)
    assert "Tata letak lama." not in article.text
    assert article.paragraphs == clean(DESKTOP).paragraphs


@pytest.mark.parametrize(("opener", "closer"), [("<script>", "</script>"), ("<script type='text/javascript'>", "</SCRIPT>"),
                                              ("<style>", "</style>"), ("<!-- iklan", "-->")])
def test_an_article_after_a_script_never_closed_is_read_and_the_damage_reported(opener: str, closer: str) -> None:
    """A browser shows nothing after a `<script>` or comment left open; the article's markup
    is still there, so it is read, with a warning that names what was left open."""
    page = with_body("<p>Harga emas naik hari ini.</p>")
    at = page.rindex("<", 0, page.index('itemprop="articleBody"'))
    assert "</script" not in page[at:page.index("Harga emas naik hari ini.")].lower()
    article = clean(page[:at] + opener + page[at:])
    assert article.paragraphs == FIRST + ["Harga emas naik hari ini."]
    assert any("never closed" in w for w in article.warnings)
    assert not any("never closed" in w for w in clean(page[:at] + opener + closer + page[at:]).warnings)


def test_soft_hyphens_are_dropped_from_html_and_text_alike() -> None:
    """A soft hyphen is a hyphenation hint, never shown unless a line breaks there: the word
    is `ekonomi`, whichever reader reads it (trafilatura's fallback drops it as well)."""
    html = with_body("<p>Pertumbuhan eko&shy;nomi melambat.</p><p>Harga eko\u00adnomi naik.</p>")
    assert clean(html).paragraphs == FIRST + ["Pertumbuhan ekonomi melambat.", "Harga ekonomi naik."]
    assert clean("Pertumbuhan eko\u00adnomi melambat.\nHarga naik.").paragraphs == ["Pertumbuhan ekonomi melambat.", "Harga naik."]


def test_processing_instructions_in_the_body_are_skipped_as_comments() -> None:
    """lexbor reads `<?li ?>` as a bogus comment and gives it no tag name; the walk took every
    node to have one (found by the fuzzer: a TypeError)."""
    page = with_body("<p>Harga <?li ?>emas naik.</p><?x?><ul><?li ?><li>Harga perak turun.</li></ul>")
    assert clean(page).paragraphs == FIRST + ["Harga emas naik.", "Harga perak turun."]


def test_words_the_fallback_glued_are_split_into_page_words_only() -> None:
    """A token is split only into words the page holds, and the search over its split points
    is one pass: trying every split in turn takes 2^n steps on `a`*n with no way to end it."""
    from kontan_clean.readers.fallback import _split_words

    page = frozenset({"Harga", "emas", "naik.", "a", "aa"})
    assert _split_words("Hargaemas", page) == "Harga emas"
    assert _split_words("Hargaemasnaik.", page) == "Harga emas naik."
    assert _split_words("Hargaemasx", page) is None
    assert _split_words("a" * 60 + "x", page) is None
