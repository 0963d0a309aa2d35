"""Indonesian numbers and dates, and the metadata they feed."""

from __future__ import annotations

import pytest

from kontan_clean import clean
from kontan_clean.site.patterns import DATE_LINE
from kontan_clean.text.values import parse_date, parse_number


@pytest.mark.parametrize("text,value", [("1.527.000", 1527000), ("-7.000", -7000), ("-0,46", -0.46), ("+85,00", 85.0), ("935", 935)])
def test_numbers(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("line,iso", [
    ("Senin, 28 Oktober 2024 / 20:19 WIB", "2024-10-28T20:19:00+07:00"),
    ("Selasa, 05 November 2024 | 09:15 WITA", "2024-11-05T09:15:00+08:00"),
    ("Jumat, 3 Jan 2020 / 07:05 WIT", "2020-01-03T07:05:00+09:00"),
    ("12 Agt 2019 / 10:00 WIB", "2019-08-12T10:00:00+07:00"),
])
def test_date_lines(line: str, iso: str) -> None:
    m = DATE_LINE.match(line)
    assert m and parse_date(m.groupdict()).isoformat() == iso


def test_impossible_date_is_none() -> None:
    assert parse_date(DATE_LINE.match("Senin, 31 Februari 2024 / 20:19 WIB").groupdict()) is None


@pytest.mark.parametrize("prefix,city", [
    ("KONTAN.CO.ID - BRUSSELS.", "BRUSSELS"),
    ("KONTAN.CO.ID – JAKARTA .", "JAKARTA"),
    ("KONTAN.CO.ID-JAKARTA.", "JAKARTA"),
    ("KONTAN.CO.ID -\xa0JAKARTA.", "JAKARTA"),
    ("KONTAN.CO.ID - WASHINGTON / BEIJING.", "WASHINGTON/BEIJING"),
    ("KONTAN.CO.ID - ABOARD AIR FORCE ONE.", "ABOARD AIR FORCE ONE"),
    ("KONTAN.CO.ID - WASHINGTON / WEST PALM BEACH, Florida.", "WASHINGTON/WEST PALM BEACH, Florida"),
    ("KONTAN.CO.ID - JAKARTA –", "JAKARTA"),
    ("KONTAN.CO.ID -", None),
])
def test_datelines(prefix: str, city: str | None) -> None:
    a = clean(f"Reporter: Ani | Editor: Budi {prefix} Harga emas naik pada Senin (28/10). Investor senang.")
    assert a.dateline == city
    assert a.text == "Harga emas naik pada Senin (28/10). Investor senang."
    assert (a.reporters, a.editor) == (["Ani"], "Budi")


def test_dateline_without_city_keeps_the_sentence() -> None:
    a = clean("KONTAN.CO.ID - IMF menyatakan bahwa ketidakpastian meningkat. Pasar cemas.")
    assert a.dateline is None and a.text.startswith("IMF menyatakan")


def test_source_bylines() -> None:
    assert clean("Sumber: Reuters | Editor: Yudho Winarto\nIsi berita yang cukup panjang.").source == "Reuters"
    a = clean("Reporter: kompas.com | Editor: Tri\nIsi berita yang cukup panjang.")
    assert (a.source, a.reporters) == ("kompas.com", [])
    note = clean("Tabel ekspor naik.\nSumber: Badan Pusat Statistik (BPS)\nEkspor naik 3%.")
    assert "Sumber: Badan Pusat Statistik (BPS)" in note.paragraphs and note.source is None
