"""The flattened-headline measurement itself: a headline cut short or too long is a miss,
end to end and for `headline_end` alone (it once scored a short cut as exact)."""

from __future__ import annotations

import csv
import json

from kontan_clean import Article
from kontan_clean.evaluation import CRAWL_FILE, SPAN_FILE, headline_end_rate, inline_promo_report

BODY = ("Reporter: Adi | Editor: Budi Harga emas naik. Baca Juga: Airlangga Boyong Jajaran Menteri ke Washington "
        "Airlangga menyebut impor naik. Harga perak turun.")
HEADLINE = "Baca Juga: Airlangga Boyong Jajaran Menteri ke Washington"


def _crawl(tmp_path):
    with open(tmp_path / CRAWL_FILE, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["link", "paragraf"])
        w.writeheader()
        w.writerow({"link": "https://x.kontan.co.id/news/a", "paragraf": BODY})
    start = BODY.index(HEADLINE)
    span = {"kind": "baca_juga", "start": start, "end": start + len(HEADLINE), "text": HEADLINE}
    (tmp_path / SPAN_FILE).write_text(json.dumps({"link": "https://x.kontan.co.id/news/a", "spans": [span]}) + "\n")
    return tmp_path


def _cleaner(*paragraphs: str):
    return lambda body: Article(text="\n\n".join(paragraphs), paragraphs=list(paragraphs))


def test_exact_short_and_long_cuts_are_told_apart(tmp_path) -> None:
    raw = _crawl(tmp_path)
    exact = _cleaner("Harga emas naik.", "Airlangga menyebut impor naik. Harga perak turun.")
    short = _cleaner("Harga emas naik.", "Menteri ke Washington Airlangga menyebut impor naik. Harga perak turun.")
    long = _cleaner("Harga emas naik.", "impor naik. Harga perak turun.")
    left = _cleaner("Harga emas naik. Baca Juga: Airlangga Boyong Jajaran Menteri ke Washington Airlangga menyebut impor naik.")
    assert inline_promo_report(raw, exact) == {"total": 1, "exact": 1, "markers": 0}
    assert inline_promo_report(raw, short)["short"] == 1
    assert inline_promo_report(raw, long)["long"] == 1
    report = inline_promo_report(raw, left)
    assert report["markers"] == 1 and report.get("exact", 0) == 0


def test_headline_end_rate_counts_a_short_cut_as_a_miss(tmp_path, monkeypatch) -> None:
    from kontan_clean import evaluation

    raw = _crawl(tmp_path)
    assert headline_end_rate(raw) == (1.0, 1)  # headline_end stops this one at `Washington`
    true_end = BODY.index(HEADLINE) + len(HEADLINE)
    for wrong in (true_end - len(" Washington"), true_end + len(" Airlangga")):
        monkeypatch.setattr(evaluation, "headline_end", lambda text, start, end=wrong: end)
        assert headline_end_rate(raw) == (0.0, 1)
