"""What marks a text as a kontan page, as data for `recognition.py`.

Each signal is a named pattern. The first ones are kontan's own furniture (see
../shared/KONTAN.md): a byline, a dateline, a date line, the ticker, promo markers, a kontan
URL. Crawls also store bare body fragments with none of that (a row that starts mid-article),
so the last ones are kontan's house style: a day with its date `Selasa (8/3)`, rupiah amounts,
`Tbk`, a WIB time, and finally Indonesian running text (`INDONESIAN_WORDS`). Every pattern is
bounded and free of nested quantifiers (linear, like site/patterns.py).
"""

import re

from .vocab import DAYS, MONTHS, TICKERS

_DAY = "|".join(d.capitalize() for d in DAYS)
_MONTH = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_TICKER = "|".join(re.escape(t) for t in TICKERS)
_EN_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"

KONTAN_URL_MARKS = ("kontan.co.id", "kontan-co-id", "momsmoney")
"""A URL holding one of these anywhere is a kontan page's: its own host, or a mirror or cache
that keeps the original address in its host or path (`www-kontan-co-id.cdn.ampproject.org`,
`web.archive.org/web/2024/https://investasi.kontan.co.id/...`, `amp.kontan.co.id.translate.goog`)."""
MIRROR_HOSTS = (
    "archive.org", "archive.ph", "archive.is", "archive.today", "archive.li", "ampproject.org", "translate.goog",
    "googleusercontent.com", "bingj.com",
)
"""Archives, caches and proxies: their host says nothing about whose page it is, so a page
under one of them is judged by its text as if it had no URL."""

# kontan's own furniture, searched in the page's text in this order; the first hit decides.
# Each is one group of alternatives: `re` then scans for their first letters quickly (an
# alternation at the top level, or a `(?m)^` anchor, makes the same search ten times slower).
# So does a leading `\b` or a case-insensitive first letter: where a pattern needs one, it
# opens with a literal instead and checks what stands before it with a fixed-width
# lookbehind (`Rp(?<=\bRp)` is `\bRp`), thirty times faster (0.3 against 10 us a page).
TEXT_SIGNALS: tuple[tuple[str, re.Pattern], ...] = (
    ("dateline", re.compile(r"(?:KONTAN\.CO\.ID|MOMSMONEY\.ID|M O M S M O N E Y)")),
    # `kontan.co.id` or `momsmoney.id` in any case: found at its first dot
    ("kontan url", re.compile(r"\.(?i:co\.id(?<=kontan\.co\.id)|id(?<=momsmoney\.id))")),
    ("byline", re.compile(r"(?:Reporter|Penulis|Editor)\s*:")),
    ("promo", re.compile(r"(?:Baca\s+[Jj]uga\s*:|BACA\s+JUGA\s*:|Menarik\s+Dibaca\s*:|Cek\s+Berita\s+dan\s+Artikel)")),
    # `Senin, 28 Oktober 2024 / 20:19`: found at the comma after the day
    ("date line", re.compile(
        r",(?:" + "|".join(f"(?<={re.escape(d)},)" for d in _DAY.split("|")) + ")"
        rf"\s+\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}\s*[/|]\s*\d{{1,2}}[:.]\d{{2}}")),
    ("date line", re.compile(rf"(?:{_EN_MONTH}) \d{{1,2}}, \d{{4}}, \d{{1,2}}[.:]\d{{2}} [AP]M")),  # English edition
    ("ticker", re.compile(rf"[•·▪*][ \t]*(?:{_TICKER})[ \t]+[-+]?\d")),
    ("ticker", re.compile(r"\|\s*INDIKATOR\s*\|")),
)
# Weaker: kontan's house style, shared with other Indonesian news sites. Used only when the
# page's URL is unknown (a crawl row, a file); a URL of another site outweighs them. One
# pattern each, cheapest and commonest first: any of them is the same signal.
_LITERAL_STYLE: tuple[tuple[str, re.Pattern], ...] = (
    ("house style", re.compile(r"Rp(?<=\bRp)\s?\d")),
    ("house style", re.compile(r"US\$(?<=\bUS\$)\s?\d")),
    ("house style", re.compile(r"Tbk(?<=\bTbk)\b")),
)
_SLOWER_STYLE: tuple[tuple[str, re.Pattern], ...] = (
    ("house style", re.compile(  # `Selasa (8/3)`: nine days to scan for, 1.5 us a page
        "(?:" + "|".join(f"{re.escape(d)}(?<=\\b{re.escape(d)})" for d in _DAY.split("|")) + r")\s*\(\d{1,2}/\d{1,2}")),
    ("house style", re.compile(r"\b\d{1,2}[.:]\d{2}\s*WIB\b")),  # a digit class first: 12 us a page
)
STYLE_SIGNALS: tuple[tuple[str, re.Pattern], ...] = _LITERAL_STYLE + _SLOWER_STYLE
CHEAPEST_FIRST = _LITERAL_STYLE + TEXT_SIGNALS + _SLOWER_STYLE
"""Every signal, the searches for a literal first: the order for asking whether there is one
at all (on the crawl's pages, 3.8 us a page against 10 in `TEXT_SIGNALS` order)."""

# For each pattern above, strings one of which occurs wherever the pattern matches: a page
# holding none of them cannot match it, and `in` rules that out ten times faster than the
# search would (a pattern without an entry is always run: its own search is as fast).
SIGNAL_NEEDLES: dict[re.Pattern, tuple[str, ...]] = {
    TEXT_SIGNALS[0][1]: ("KONTAN.CO.ID", "MOMSMONEY.ID", "M O M S M O N E Y"),
    TEXT_SIGNALS[2][1]: ("Reporter", "Penulis", "Editor"),
    TEXT_SIGNALS[3][1]: ("Baca", "BACA", "Menarik", "Cek"),
    TEXT_SIGNALS[5][1]: (" AM", " PM"),
    TEXT_SIGNALS[6][1]: ("•", "·", "▪", "*"),
    TEXT_SIGNALS[7][1]: ("INDIKATOR",),
    STYLE_SIGNALS[4][1]: ("WIB",),
}


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False when `text` lacks what every match of the signal `pattern` holds."""
    needles = SIGNAL_NEEDLES.get(pattern)
    return needles is None or any(map(text.__contains__, needles))


# Function words of Indonesian prose: a text where they are this common is Indonesian
# running text, as every kontan body is (a README or a log is not).
INDONESIAN_WORDS = frozenset("""
yang dan di ini dengan untuk dari itu pada akan dalam tidak juga ke karena oleh atau sudah
telah masih bisa lebih para sebagai bahwa tersebut adalah saat hingga antara namun kata
merupakan menjadi serta kini terhadap sejak sebesar setara yakni yaitu bagi dapat harus jika
""".split())
INDONESIAN_SHARE = 0.05
"""Share of words that must be INDONESIAN_WORDS (kontan bodies and fragments of them: 0.06 to
0.25; English prose, code and logs: 0 to 0.01)."""
INDONESIAN_MIN_WORDS = 5
