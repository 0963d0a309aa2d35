"""Text that is not a kontan page is said to be so (`Article.recognised`, a warning, the CLI
summary), and no real kontan page is (the corpus part skips when ../shared is absent)."""

from __future__ import annotations

import csv
import json

import pytest

from kontan_clean import KontanCleanError, clean
from kontan_clean.cli import main
from kontan_clean.recognition import WARNING
from conftest import SAMPLES

README = "# tool\n\nA small tool that converts files.\n\nRun `make install` to build it, then `tool --help`.\n"


def test_a_readme_is_cleaned_but_not_recognised() -> None:
    a = clean(README)
    assert a.recognised is False and WARNING in a.warnings
    assert a.paragraphs[1] == "A small tool that converts files."
    assert a.to_dict()["recognised"] is False


@pytest.mark.parametrize("text", [
    "Reporter: Adi Wikanto | Editor: Noverius Laoli Harga emas naik tipis pada perdagangan hari ini.",
    "KONTAN.CO.ID - JAKARTA. The price went up.",
    "Line one of a page.\nBaca Juga: Harga Emas Naik\nThe price went up.",
    "A title\nSenin, 28 Oktober 2024 / 20:19 WIB\nThe price went up.",
    "June 05, 2024, 06.44 PM | Reporter: Arfyana Citra Rahayu\nCoal output rose.",
    "| : WIB | INDIKATOR |\n  • EMAS 1.527.000 -7.000 -0,46%\nThe price went up.",
    "See https://investasi.kontan.co.id/news/harga-emas for more.",
    "Dana segar Rp 3,41 triliun diraih perseroan.",  # house style, in a body fragment
    "cenderung menguat di rentang 5.086 - 5.157 pada sesi ini.",  # Indonesian running text
])
def test_each_kontan_signal_is_enough(text: str) -> None:
    assert clean(text).recognised, text


def test_a_kontan_url_is_a_signal_and_another_site_outweighs_house_style() -> None:
    assert clean(README, url="https://industri.kontan.co.id/news/x").recognised
    fragment = "Harga beras di pasar induk turun Rp 600 per kilogram dalam sepekan."
    assert clean(fragment).recognised
    assert not clean(fragment, url="https://www.wartaniaga.id/ekonomi/x").recognised


@pytest.mark.parametrize("url", [
    "https://www-kontan-co-id.cdn.ampproject.org/c/s/www.kontan.co.id/news/x",  # Google's AMP cache
    "https://web.archive.org/web/2024/https://investasi.kontan.co.id/news/x",  # an archive copy
    "http://amp.kontan.co.id.translate.goog/news/x",  # Google Translate's proxy
    "https://archive.ph/AbC12",  # an archive short link: says nothing about the site
])
def test_a_kontan_page_under_a_mirror_or_cache_url_is_recognised(url: str) -> None:
    body = ("Harga batubara acuan naik tipis pada pekan ini, didorong permintaan dari China dan India yang meningkat.\n\n"
            "Analis menilai kenaikan tersebut akan berlanjut hingga akhir tahun seiring musim dingin.")
    assert clean(body).recognised
    article = clean(body, url)
    assert article.recognised and WARNING not in article.warnings, url


def test_every_sample_but_the_other_site_is_recognised() -> None:
    pages = sorted((SAMPLES / "text").glob("*.txt")) + sorted((SAMPLES / "html").glob("*.html"))
    for page in pages:
        url = json.loads(page.with_name(page.stem + ".expected.json").read_text()).get("url")
        content = page.read_bytes() if page.suffix == ".html" else page.read_text(encoding="utf-8")
        assert clean(content, url=url).recognised is (page.stem != "fallback_nonkontan"), page.name


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_warns_on_one_page_and_counts_in_a_batch(capsys, tmp_path) -> None:
    readme = tmp_path / "README.txt"
    readme.write_text(README, encoding="utf-8")
    code, out, err = run(capsys, str(readme))
    assert code == 0 and "A small tool" in out and "not recognised as a kontan page" in err
    code, out, err = run(capsys, str(readme), str(SAMPLES / "text" / "desktop_rupiah_melemah.txt"))
    assert code == 0 and "not recognised as kontan pages: 1 document" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["recognised"] for r in records] == [False, True]


def test_cli_says_nothing_when_every_page_is_recognised(capsys) -> None:
    code, _, err = run(capsys, str(SAMPLES / "text" / "desktop_rupiah_melemah.txt"), str(SAMPLES / "html" / "amp.html"))
    assert code == 0 and "not recognised" not in err


MIN_WORDS = 5
"""Crawl rows shorter than this are scraps (`(yoy).`), not pages: no signal can be asked of them."""


def _corpus_pages(corpus):
    for sub in ("seed", "gold", "flattened"):
        for path in sorted((corpus / sub).glob("*.txt")):
            yield path.name, path.read_text(encoding="utf-8"), None
    for case in sorted((corpus / "pages").iterdir()):
        for name in ("input.txt", "input.html"):
            if (path := case / name).exists():
                yield case.name, path.read_bytes() if name.endswith("html") else path.read_text(encoding="utf-8"), None
    csv.field_size_limit(1 << 30)
    for path in sorted((corpus / "raw").glob("*.csv")):
        with open(path, encoding="utf-8") as f:
            for i, row in enumerate(csv.DictReader(f)):
                body = row.get("paragraf") or row.get("content") or row.get("isi") or ""
                if len(body.split()) >= MIN_WORDS:
                    yield f"{path.name}:{i}", body, row.get("link") or row.get("url")


def test_no_real_page_is_flagged(corpus) -> None:
    flagged, seen = [], 0
    for name, content, url in _corpus_pages(corpus):
        try:
            article = clean(content, url=url)
        except KontanCleanError:  # placeholders such as `Konten tidak ditemukan` hold no article
            continue
        seen += 1
        if not article.recognised:
            flagged.append(name)
    assert seen > 1300
    assert flagged == []


def test_signal_patterns_scan_adversarial_text_in_linear_time() -> None:
    from kontan_clean.site.signals import STYLE_SIGNALS, TEXT_SIGNALS
    from test_pathological import judge

    verdicts = {f"{name} {pattern.pattern[:30]}": judge(pattern) for name, pattern in TEXT_SIGNALS + STYLE_SIGNALS}
    assert {k: v for k, v in verdicts.items() if v} == {}


def test_a_long_page_is_judged_by_its_head_and_tail() -> None:
    filler = "\n".join(["This line of a long English log says nothing at all."] * 2000)
    assert clean("Reporter: Adi | Editor: Budi\n" + filler).recognised
    assert clean(filler + "\nCek Berita dan Artikel yang lain di Google News").recognised
    assert not clean(filler + "\nBaca Juga: Harga Emas Naik\n" + filler).recognised  # deep inside: not read
