r"""Compiled patterns for kontan page parts. Rules as data, apart from the filters using them.

Every pattern here is anchored or bounded and free of nested quantifiers, so matching time
stays linear in the input (tests/test_pathological.py tries each on adversarial strings). Patterns use the stdlib `re`, about twice as fast as `regex` on
these (measured: 1.4 against 2.9 us a ticker line); `regex` only where a pattern needs
Unicode letter classes (`\p{Lu}`).
"""

import re

import regex

from .vocab import DAYS, ENGLISH_MONTHS, MONTHS, TICKERS, ZONES

_I = re.IGNORECASE
_DAY = "|".join(DAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ZONE = "|".join(sorted(ZONES, key=len, reverse=True))

# `Senin, 28 Oktober 2024 / 20:19 WIB`, also `|` for `/`, abbreviated months, no weekday.
_DATE = (
    rf"(?:(?:{_DAY})\s*,?\s*)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?\s+(?P<year>\d{{4}})"
    rf"\s*(?:[/|,-]\s*)?(?:pukul\s+)?(?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}})"
    rf"(?:\s*(?P<zone>{_ZONE}))?"
)
DATE_LINE = re.compile(rf"^{_DATE}$", _I)
# A date and time opening a line, whatever follows (a date line with text run on to it).
DATE_OPENING = re.compile(rf"^{_DATE}", _I)
# The same date inside flattened text, between spaces (the zone taken when it is there).
DATE_IN_TEXT = re.compile(rf"(?<!\S){_DATE}(?!\S)", _I)
# What every date above ends with, the year and the time: a search for it fails fast where
# the weekday and month alternatives are tried at every position (3-4 us against 11 on a
# paragraph's opening), so DATE_IN_TEXT is searched only where it holds.
DATE_TAIL = re.compile(r"\d{4}\s*(?:[/|,-]\s*)?(?:pukul\s+)?\d{1,2}[:.]\d{2}", _I)

# The English edition: `June 05, 2024, 06.44 PM` (WIB), often with `| Reporter: X` after it.
_EN_MONTH = "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True))
_EN_DAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
ENGLISH_DATE_LINE = re.compile(
    rf"^(?:(?:{_EN_DAY}),?\s+)?(?P<month>{_EN_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}),?\s+(?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}})"
    rf"\s*(?P<ampm>[AP]\.?M\.?)?(?:\s*(?P<zone>{_ZONE}))?(?:\s*\|\s*|\s*$)",
    _I,
)

# `Reporter: A, B | Editor: C`, `Sumber: Reuters | Editor: C`, `Penulis: A`.
BYLINE_LABEL = re.compile(r"^(?P<label>Reporter|Penulis|Sumber|Oleh|Laporan)\s*:\s*", _I)
BYLINE_EDITOR = re.compile(r"\|\s*Editor\s*:\s*", _I)
BYLINE_LABEL_IN_TEXT = re.compile(r"(?<!\S)(?:Reporter|Penulis|Sumber|Oleh|Laporan)\s*:", _I)

# `KONTAN.CO.ID - BRUSSELS.`: the prefix, then the city checked by code (see dateline filter).
# Always capitals and always a dash: `Kontan.co.id mencatat ...` opens an ordinary sentence.
DATELINE_PREFIX = re.compile(r"^(?:KONTAN\.CO\.ID|MOMSMONEY\.ID)\s*[-–—:]\s*")
DATELINE_PREFIX_AT = re.compile(r"(?:KONTAN\.CO\.ID|MOMSMONEY\.ID)\s*[-–—:]\s*")
"""The same, for `match(text, pos)` (where `^` would match only at the text's start)."""
DATELINE_PREFIX_STARTS = ("KONTAN.CO.ID", "MOMSMONEY.ID")
"""How every DATELINE_PREFIX match starts: a `startswith` test rules most blocks out first."""
DATELINE_CITY = regex.compile(  # used with match(text, pos): no `^`
    r"(?P<city>\p{Lu}[\p{L}'’ /,.\-]{0,60}?)\s*(?:\.|\s[-–—])(?:\s+|$)"
)
# `ILUSTRASI.` and `FOTO.` open a photo caption (CAPTION_OPENING), not a dateline.
OLD_DATELINE = regex.compile(r"^(?!(?:ILUSTRASI|FOTO)\b)(?P<city>\p{Lu}{3,}(?:[ /]\p{Lu}{2,}){0,3})\s*\.\s+(?=\S)")
# The English edition's topic-dateline: `COAL - JAKARTA.`, `STOCKS - NEW YORK.`.
TOPIC_DATELINE = regex.compile(
    r"^(?P<topic>\p{Lu}[\p{Lu}\d&]*(?:-[\p{Lu}\d]+)*(?: [\p{Lu}\d&]+){0,3})\s*[-–—]\s*(?P<city>\p{Lu}{3,}(?:[ /]\p{Lu}{2,}){0,3})\s*\.\s+(?=\S)"
)
# An old dateline in mixed case: `Jakarta.`, `Kuala Lumpur.` (a sentence never opens so).
MIXED_DATELINE = regex.compile(r"^(?P<city>\p{Lu}\p{Ll}{3,}(?: \p{Lu}\p{Ll}{2,})?)\s*\.\s+(?=\p{Lu})")

# A trailing `Editor: X` line (title-first AMP pages, the English edition); may be empty.
EDITOR_LINE = re.compile(r"^Editor\s*:\s*(?P<name>[^|:]{0,80})$", _I)

# `Halaman Selanjutnya: <heading>`: the join to the next page of a long article (and back).
PAGE_JOIN = re.compile(r"^Halaman\s+(?:Selanjutnya|Berikutnya|Sebelumnya)\s*:\s*(?P<heading>.{0,300})$", _I)
PAGE_JOIN_INLINE = re.compile(r"\bHalaman\s+(?:Selanjutnya|Berikutnya|Sebelumnya)\s*:\s*", _I)

# A logo printed letter by letter: `M O M S M O N E Y I D`.
SPACED_LOGO = re.compile(r"^(?:[A-Z] ){4,}[A-Z]$")

# Links under insight articles: `Daftar Saham IHSG Lengkap`, `Daftar Saham LQ45 Lengkap`.
LIST_LINK = re.compile(r"^Daftar\s+Saham(?:\s+\S+){1,3}\s+Lengkap$", _I)

# `  • EMAS 1.527.000  -7.000  -0,46%`
_TICKER_BULLET = (
    r"[•·▪*]\s*(?P<name>" + "|".join(re.escape(t) for t in TICKERS) + r")\s+"
    r"(?P<value>[-+]?[\d.]+(?:,\d+)?)\s+(?P<change>[-+]?[\d.]+(?:,\d+)?)\s+"
    r"(?P<pct>[-+]?[\d.]+(?:,\d+)?)\s*%"
)
TICKER_BULLET = re.compile(rf"^{_TICKER_BULLET}$")
# A bullet inside flattened text, where the banner's lines are joined by spaces.
TICKER_BULLET_IN_TEXT = re.compile(rf"{_TICKER_BULLET}(?!\S)")
# The site name may run into it when the header's lines are joined (`kontan.co.id | : WIB | INDIKATOR |`).
TICKER_HEADER = re.compile(
    r"^(?:kontan\.co\.id\s*)?\|?(?:\s*:)?(?:\s*(?:WIB|WITA|WIT))?\s*\|\s*INDIKATOR\s*\|?(?:\s*kontan\.co\.id)?$", _I)
# The header's own lines at the start of flattened text: `| : WIB | INDIKATOR |`, the site
# name, `banner langganan top`, each followed by a space or the end. The site name in lower
# case, as the header prints it: `KONTAN.CO.ID -` opens the dateline.
FLAT_CHROME = re.compile(
    r"(?:(?i:\|\s*(?::\s*)?(?:(?:WIB|WITA|WIT)\s*)?\|\s*INDIKATOR(?:\s*\|)?)|kontan\.co\.id|banner\s+langganan\s+top)(?!\S)")
# What follows the article on a desktop page, once flattened: the headline list, the
# Kontan Academy ads, the close buttons. Case as printed: `Terbaru` in a sentence is a word.
FLAT_TAIL_MARKER = re.compile(r"(?<!\S)(?:TERBARU|TERPOPULER|Kontan\s+Academy|FREE\s+WEBINAR|\[X\]|×)(?!\S)")

# A photo credit closing a caption, or the `ILUSTRASI.` opening one.
_CREDIT_SOURCES = (r"(?:REUTERS|KONTAN|ANTARA(?:\s+FOTO)?|AFP|AP(?:\s+Photo)?|Xinhua|Bloomberg|EPA(?:-EFE)?|"
                   r"Shutterstock|Dok\.?|Foto|Istimewa|Kompas(?:\.com)?|Tribunnews)\s*/\s*")
PHOTO_CREDIT = regex.compile(
    r"(?:\b" + _CREDIT_SOURCES + r"[\p{L}][\p{L} .'’-]{0,60}"
    r"(?:/\d{1,2}/\d{1,2}/\d{2,4})?\.?\)?$)|(?:\((?:Foto|Dok)\s*[:.]?[^)]{0,80}\)$)",
)
# The same credit's source inside running text (flattened, the body run on after it): the
# name after it is read as a name (`headline.name_end`), then the photo's date, if any.
CREDIT_SOURCE_IN_TEXT = re.compile(r"\b" + _CREDIT_SOURCES + r"(?=\w)")
CREDIT_DATE = re.compile(r"/\d{1,2}/\d{1,2}/\d{2,4}\b")
CAPTION_OPENING = re.compile(r"^ILUSTRASI\b|^Ilustrasi\s*[.:]|^FOTO\s*[.:]", _I)

# Promo markers. `Baca Juga:` written so is a promo anywhere; the others need a boundary.
# AMP prints the promo's icon as a leading `i` (`iBaca Juga:`): the promos filter takes it
# with the marker. Not in the pattern: a pattern that may start with `i` scans ten times slower.
PROMO_ICON = "i"
PROMO_MARKER = re.compile(
    r"(?P<marker>Baca\s+Juga|BACA\s+JUGA|Baca\s+juga|Selanjutnya|Menarik\s+Dibaca|MENARIK\s+DIBACA"
    r"|Tonton\s+Video|TONTON\s+VIDEO|Tonton|TONTON|Baca\s+Selengkapnya)\s*:\s*"
)

GOOGLE_NEWS = re.compile(r"Cek\s+Berita\s+dan\s+Artikel\s+yang\s+lain\s+di(?:\s+Google\s+News)?\s*$", _I)
GOOGLE_NEWS_CUES = ("Cek Berita", "cek berita", "CEK BERITA")
"""Where to try GOOGLE_NEWS: at the last of these, since the footer closes the text."""
# No sentence ends in what runs up to the channel's name from a common word (`Ikuti`) or from
# the block's start: `Pasar ditutup naik. Ikuti kami di WhatsApp Channel` keeps its sentence.
# A full stop inside a word (`Kontan.co.id`) is no sentence end.
_NO_SENTENCE_END = r"(?:[^.!?\n]|[.!?](?=\S))"
# After the channel's name the invitation runs to the end of the block with no sentence end
# (`: https://whatsapp.com/...`), or it stops there, its link and a full stop taken: the
# text after it (`... WhatsApp Channel Pasar ditutup menguat.`) is the article's.
_CHANNEL_TAIL = rf"(?:{_NO_SENTENCE_END}{{0,200}}$|(?:\s*:?\s*https?://\S+)?[.!]?)"
WHATSAPP = re.compile(
    rf"(?:Dapatkan\s+update|Gabung(?:\s+di)?|Bergabung).{{0,160}}?WhatsApp\s+Channel{_CHANNEL_TAIL}"
    rf"|(?:Ikuti|Follow|Simak\s+juga){_NO_SENTENCE_END}{{0,160}}?WhatsApp\s+Channel{_CHANNEL_TAIL}"
    rf"|^{_NO_SENTENCE_END}{{0,200}}\bWhatsApp\s+Channel\b{_NO_SENTENCE_END}{{0,200}}$",
    _I,
)
SYNDICATION = re.compile(
    r"Artikel\s+ini\s+telah\s+tayang\s+di\s+(?P<site>[\w.]+)\s+dengan\s+judul\s+"
    r"(?P<title>[\"“].{1,300}?[\"”])\s*[,.]?\s*(?:Klik\s+untuk\s+baca\s*:\s*(?P<url>\S+?))?\.?"
    r"(?:\s+Penulis\s*:\s*[^|\n]{1,80}?)?(?:\s+Editor\s*:\s*[^|\n]{1,80}?)?(?=\s*(?:Cek\s+Berita|$))",
    _I,
)
# The syndication credit's link standing alone (its credit lost): furniture wherever it is.
SYNDICATION_LINK = re.compile(r"^Klik\s+untuk\s+baca\s*:\s*(?:https?://|www\.)\S+$", _I)
SYNDICATION_LINE = re.compile(r"^(?:Klik\s+untuk\s+baca\s*:|Penulis\s*:|Editor\s*:)", _I)
