"""The boilerplate injection generator: clean bodies in, kontan furniture injected, cleaned,
checked word by word.

Bodies come from `samples/text/*.expected.json` (`paragraphs`) and, when it is beside the
repo, `../shared/corpus/gold/*.txt` (clean 2019 bodies, split here into paragraphs of a few
sentences; their `KONTAN.CO.ID - JAKARTA.` prefix is taken off and injected again as a piece).
Into each body the generator injects, at random positions between and inside paragraphs:
ticker bullets, `Baca Juga:` lines and inline promos, `Selanjutnya:` / `Menarik Dibaca:` /
`Tonton:` lines, ads (`Kontan Academy`, `FREE WEBINAR - ...`), `[X]`, `×`, the site header,
a byline at the top, a dateline prefix and the Google News footer at the end. The page is
rendered in line form (one paragraph per line) or flattened (everything joined by one space,
where only what real flattened crawls hold is injected: byline, dateline, inline promos,
footer). The check: every injected word is gone, every body word survives, in order.

Flattened text has a known limit: where an inline headline ends is inferred, and it is
truly ambiguous when the next sentence opens with a run of capitalised names. By default
the generator only injects an inline promo before a sentence that opens the way kontan
sentences do (a capitalised word, then a lower-case word within the next two); `hard=True`
lifts that and adds sentence-case headlines and a byline with no dateline after it, and the
results are reported per cue so that the known limit is visible, not hidden.

Run it longer than the tests do:

    python3 tests/boilerplate.py --cases 5000 --seed 7            # the default cases
    python3 tests/boilerplate.py --cases 2000 --hard --show 3     # the hard cases, 3 failures shown
    KONTAN_BOILERPLATE_CASES=5000 python3 -m pytest tests/test_properties.py -k boilerplate
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Union

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT.parent / "shared" / "corpus" / "gold"

# ---- bodies ------------------------------------------------------------------------------

_GOLD_DATELINE = re.compile(r"^KONTAN\.CO\.ID\s*[-–—]\s*[A-Z ]+\.\s+")
# One gold body ends with a syndication credit: boilerplate, so it is taken off (and injected
# again as a piece, like the dateline).
_GOLD_SYNDICATION = re.compile(r"\s*Artikel ini telah tayang di .*$")
_ABBREVIATIONS = {"tbk.", "no.", "dr.", "st.", "jl.", "rp.", "co.", "inc.", "ltd.", "corp.", "vs.", "prof.", "ir.", "h."}
# Lower-case words that Title Case headlines keep lower case; one of these after a capitalised
# word does not show that a sentence has begun.
PARTICLES = frozenset(
    "di ke dari dan yang untuk pada dengan atau oleh bagi akan ini itu hingga sampai usai saat dalam "
    "atas akibat karena agar jika tak tidak bisa lagi per tapi serta jadi via soal pun sebagai terhadap "
    "antara secara masih sudah telah belum makin kian pasca jelang demi meski sejak selama tanpa".split()
)


@dataclass(frozen=True)
class Body:
    """A clean article body: its name (for reports) and its paragraphs."""

    name: str
    paragraphs: tuple[str, ...]


def sample_bodies() -> list[Body]:
    """The hand-checked paragraphs of every text sample."""
    bodies = []
    for path in sorted((SAMPLES / "text").glob("*.expected.json")):
        paragraphs = json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
        bodies.append(Body(path.name.removesuffix(".expected.json"), tuple(paragraphs)))
    return bodies


def gold_bodies(gold: Path = GOLD) -> list[Body]:
    """The corpus's clean bodies, or [] when `../shared/corpus` is absent."""
    if not gold.is_dir():
        return []
    rng = random.Random(0)
    bodies = []
    for path in sorted(gold.glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        text = _GOLD_SYNDICATION.sub("", _GOLD_DATELINE.sub("", text))
        sentences = split_sentences(text)
        paragraphs, i = [], 0
        while i < len(sentences):
            n = rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[i:i + n]))
            i += n
        bodies.append(Body("gold/" + path.stem, tuple(paragraphs)))
    return bodies


def _ends_sentence(token: str) -> bool:
    core = token.rstrip("\"”’)")
    if not core.endswith((".", "?", "!")) or core.lower() in _ABBREVIATIONS:
        return False
    stem = core.rstrip(".?!")
    return len(stem) > 2 and not (len(stem) <= 3 and stem.isupper())  # not an initial or `AS.`-like


def _opens_sentence(token: str) -> bool:
    core = token.lstrip("\"“‘'(")
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, split where a sentence-ending token meets a capital."""
    tokens = text.split()
    sentences, current = [], []
    for i, token in enumerate(tokens):
        current.append(token)
        if _ends_sentence(token) and i + 1 < len(tokens) and _opens_sentence(tokens[i + 1]):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


def natural_start(text: str) -> bool:
    """Whether `text` opens the way most kontan sentences do, so that a headline running
    into it has a clear end: an opening quote; or a capitalised word and then lower-case
    words (`Redma mengatakan`, `Hal itu membuat`); or a fronted adverbial and its subject
    (`Sebelumnya, Trump menyampaikan`). Not: a run of capitalised words (`Menteri
    Perdagangan AS Howard Lutnick mengatakan`, `Juga SBN ritel`), which is ambiguous."""
    tokens = [t.strip(",.:;\"”") for t in text.split()[:3]] + ["", ""]
    first = text.split()[0] if text.split() else ""
    if first[:1] in "\"“":
        return True
    if not tokens[0][:1].isupper() or not tokens[0].replace("-", "").isalpha():
        return False
    lower = [t.isalpha() and t.islower() for t in tokens[1:3]]
    content = [low and t not in PARTICLES for low, t in zip(lower, tokens[1:3])]
    if lower[0] and (content[0] or content[1]):
        return True
    return first.endswith(",") and tokens[1][:1].isupper() and content[1]


# ---- pieces ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Piece:
    """One injected piece of boilerplate."""

    kind: str
    text: str
    inline: bool = False
    """Runs inside a line (flattened text, the end of an AMP paragraph, a dateline prefix)."""
    cue: str = ""
    """Why this case is hard, when it is (empty for the default cases)."""


TICKERS = ("EMAS", "USD/IDR", "IDX", "KOMPAS100", "LQ45", "ISSI", "IDX30", "IDXHIDIV20", "IDX80", "IDXV30", "IDXQ30")
NAMES = (
    "Ridwan Nanda Mulyana", "Khomarul Hidayat", "Noverius Laoli", "Lailatul Fitriani", "Handoyo Saputro",
    "Adi Wikanto", "Herlina Kartika Dewi", "Dina Hutauruk", "Syamsul Ashar", "Yudho Winarto", "Anna Suci Perwitasari",
)
HEADLINE_WORDS = (
    "Harga", "Emas", "Saham", "Rupiah", "Tarif", "Ekspor", "Impor", "Negosiasi", "Kredit", "Investasi", "Bank",
    "Pasar", "Industri", "Ekonomi", "Pertumbuhan", "Neraca", "Dagang", "Batubara", "Minyak", "Obligasi",
    "Naik", "Turun", "Melemah", "Menguat", "Ancam", "Dorong", "Tembus", "Catat", "Bidik", "Siapkan", "Jadi",
    "Incaran", "Asing", "Baru", "Lagi", "Tajam", "Terbatas", "Global", "Domestik", "Nasional", "Perang",
    "Indonesia", "China", "Jepang", "Trump", "Airlangga", "Eropa", "Jakarta", "Vietnam", "Samsung",
)
ACRONYMS = ("IHSG", "OJK", "BI", "AS", "BBRI", "BMRI", "INDEF", "CPO", "APBN", "PDB", "BEI", "TPT")
HEADLINE_PARTICLES = ("di", "ke", "dari", "dan", "yang", "untuk", "dengan", "akibat", "hingga", "atas", "pada")
NUMBERS = ("10", "32%", "Rp 16.000", "US$ 250 Juta", "2025", "3,8%", "5%", "47%")


def title_case_headline(rng: random.Random) -> str:
    """A kontan-style headline: Title Case words, acronyms, numbers, lower-case particles,
    sometimes a `Source:` prefix, a `, Ini ...` tail or a closing question mark."""
    words: list[str] = [rng.choice(HEADLINE_WORDS)]
    for _ in range(rng.randint(2, 8)):
        roll = rng.random()
        pool = HEADLINE_WORDS if roll < 0.6 else ACRONYMS if roll < 0.75 else NUMBERS if roll < 0.85 else None
        if pool is None:
            words += [rng.choice(HEADLINE_PARTICLES), rng.choice(HEADLINE_WORDS)]
        else:
            words.append(rng.choice(pool))
        if words[-1] == words[-2]:
            words.pop()  # `Kredit Kredit` reads as a subheading followed by its sentence
    if rng.random() < 0.2:
        words = [rng.choice(("INDEF", "Airlangga", "Sri Mulyani", "BI")) + ":"] + words
    if rng.random() < 0.2:
        words[-1] += ","
        words += ["Ini", rng.choice(("Kata", "Daftar", "Prediksinya", "Penyebabnya"))]
    headline = " ".join(words)
    return headline + "?" if rng.random() < 0.15 else headline


def sentence_case_headline(rng: random.Random) -> str:
    """An older, sentence-case headline (`Pemerintah tarik utang Rp 22 triliun lewat lelang SUN`)."""
    return rng.choice((
        "Pemerintah tarik utang Rp 22 triliun lewat lelang SUN pekan ini",
        "Merger Bank Danamon dan BNP diperkirakan rampung 1 Mei 2019",
        "Harga aluminium menguat terbatas",
        "IHSG berpotensi koreksi sehat setelah menguat lima hari",
        "Yusril: Saya tidak menangkap ada perkembangan",
    ))


def _number(rng: random.Random, big: bool) -> str:
    """An Indonesian-format number: `1.527.000` or `935,12`."""
    if big:
        return f"{rng.randint(1_000, 2_000_000):,}".replace(",", ".")
    return f"{rng.randint(0, 999)},{rng.randint(0, 99):02d}"


def ticker(rng: random.Random) -> Piece:
    """`  • EMAS 1.527.000 \\xa0 -7.000 \\xa0 -0,46%` with a known index name."""
    sign = rng.choice("-+")
    text = (f"  • {rng.choice(TICKERS)} {_number(rng, True)} \xa0 {sign}{_number(rng, rng.random() < 0.5)}"
            f" \xa0 {sign}{_number(rng, False)}%")
    return Piece("ticker", text)


def promo(rng: random.Random, kind: str, *, inline: bool, hard: bool = False) -> Piece:
    """`Baca Juga: <headline>` (or `Tonton:`, `Selanjutnya:`, `Menarik Dibaca:`)."""
    marker = {"baca_juga": rng.choice(("Baca Juga", "Baca Juga", "BACA JUGA")), "tonton": "Tonton",
              "selanjutnya": "Selanjutnya", "menarik_dibaca": "Menarik Dibaca"}[kind]
    sentence_case = hard and rng.random() < 0.3
    headline = sentence_case_headline(rng) if sentence_case else title_case_headline(rng)
    return Piece(kind, f"{marker}: {headline}", inline, "sentence-case headline" if sentence_case else "")


def ad(rng: random.Random) -> Piece:
    """`Kontan Academy` or a webinar line."""
    return Piece("ad", rng.choice((
        "Kontan Academy", "FREE WEBINAR - Bongkar Strategi Viral Digital Marketing Terbaru 2025",
        "FREE WEBINAR - Bongkar Strategi Viral Digital Marketing Terbaru 2025 FREE WEBINAR - The Psychology of Selling",
    )))


def byline(rng: random.Random) -> Piece:
    """`Reporter: A | Editor: B` or `Sumber: Reuters | Editor: B`."""
    who = rng.choice((f"Reporter: {rng.choice(NAMES)}", f"Reporter: {rng.choice(NAMES)}, {rng.choice(NAMES)}",
                      "Sumber: Reuters", "Reporter: kompas.com"))
    return Piece("byline", f"{who} | Editor: {rng.choice(NAMES)}")


def dateline(rng: random.Random) -> Piece:
    """The `KONTAN.CO.ID - CITY.` prefix of the first paragraph, in its real variants."""
    return Piece("dateline", rng.choice((
        "KONTAN.CO.ID - JAKARTA.", "KONTAN.CO.ID – JAKARTA .", "KONTAN.CO.ID-JAKARTA.", "KONTAN.CO.ID -\xa0JAKARTA.",
        "KONTAN.CO.ID - NEW YORK.", "KONTAN.CO.ID - WASHINGTON/BEIJING.", "KONTAN.CO.ID - ABOARD AIR FORCE ONE.",
        "KONTAN.CO.ID -  BRUSSELS.",
    )), inline=True)


def syndication(rng: random.Random) -> Piece:
    """The credit under a syndicated copy: `Artikel ini telah tayang di Kompas.com dengan judul "..."`."""
    title = title_case_headline(rng)
    url = "https://money.kompas.com/read/2025/04/28/" + "-".join(title.lower().split())[:60]
    return Piece("syndication", f'Artikel ini telah tayang di Kompas.com dengan judul "{title}". Klik untuk baca: {url}')


LINE_KINDS: dict[str, Callable[[random.Random], Piece]] = {
    "ticker": ticker,
    "baca_juga": lambda rng: promo(rng, "baca_juga", inline=False),
    "selanjutnya": lambda rng: promo(rng, "selanjutnya", inline=False),
    "menarik_dibaca": lambda rng: promo(rng, "menarik_dibaca", inline=False),
    "tonton": lambda rng: promo(rng, "tonton", inline=False),
    "ad": ad,
    "ui": lambda rng: Piece("ui", rng.choice(("[X]", "×"))),
}
GOOGLE_NEWS = Piece("google_news", "Cek Berita dan Artikel yang lain di Google News")
SITE_HEADER = (Piece("chrome", "kontan.co.id"), Piece("chrome", "banner langganan top"), Piece("chrome", "| : WIB | INDIKATOR |"))

# Pieces of real kontan pages, for the fuzzer and the property tests to splice with random
# text so that they reach the filters' branches instead of stopping at "no article".
FRAGMENTS = (
    "kontan.co.id", "banner langganan top", "| : WIB | INDIKATOR |",
    "  • EMAS 1.527.000 \xa0 -7.000 \xa0 -0,46%", "  • USD/IDR 16.250 \xa0 +25 \xa0 +0,15%",
    "  • LQ45 812,34 \xa0 -3,21 \xa0 -0,39%", "Senin, 28 Oktober 2024 / 20:19 WIB", "Jumat, 3 Jan 2025 | 07:05 WITA",
    "Reporter: Ridwan Nanda | Editor: Khomarul Hidayat", "Sumber: Reuters | Editor: Herlina",
    "Penulis: Adi", "KONTAN.CO.ID - JAKARTA.", "KONTAN.CO.ID – JAKARTA .", "KONTAN.CO.ID -",
    "KONTAN.CO.ID-SEOUL/HANOI.", "JAKARTA. ", "Baca Juga:", "Baca Juga: Harga Emas Naik di Tengah Tarif Trump",
    "BACA JUGA:", "Selanjutnya:", "Selanjutnya,", "Menarik Dibaca:", "Tonton:", "Baca Selengkapnya:",
    "Cek Berita dan Artikel yang lain di Google News", "Cek Berita dan Artikel yang lain di",
    "TERBARU", "Kontan Academy", "FREE WEBINAR - Strategi Investasi", "[X]", "×", "[]", "( )",
    "Hanya Rp 5.000 untuk membaca artikel ini.", "BELI SEKARANG", "Konten tidak ditemukan",
    "ILUSTRASI. Pekerja di pabrik. KONTAN/Cheppy A. Muchlis/12/03/2024", "REUTERS/Kim Kyung-Hoon",
    "Artikel ini telah tayang di Kompas.com dengan judul \"Harga Beras Naik\".",
    "Klik untuk baca: https://money.kompas.com/x", "Dapatkan update berita pilihan di WhatsApp Channel",
    "Menteri Keuangan Sri Mulyani mengatakan", "Sementara itu, pemerintah", "\"Kami siap,\" kata dia.",
    "Pemerintah menaikkan tarif impor sebesar 10% pada Senin (28/4).", "Rp 1.500", "US$ 250 juta", "PT Bank Mandiri Tbk.",
    "\ufeff", "\r\n", "\n", " ", "\xa0", "\u200b", "\t",
)


# ---- cases -------------------------------------------------------------------------------

Unit = Union[str, Piece]
"""Body text (a `str`) or an injected piece."""


@dataclass
class Case:
    """One generated page: lines of units, rendered in line form or flattened."""

    body: Body
    form: str
    """`lines` or `flat`."""
    lines: list[list[Unit]] = field(default_factory=list)

    @property
    def page(self) -> str:
        """The rendered page given to `clean()`."""
        rendered = [" ".join(u if isinstance(u, str) else u.text for u in line) for line in self.lines]
        return " ".join(rendered) if self.form == "flat" else "\n".join(rendered) + "\n"

    @property
    def pieces(self) -> list[Piece]:
        """The injected pieces, in page order."""
        return [u for line in self.lines for u in line if isinstance(u, Piece)]

    def labelled_words(self) -> list[tuple[str, Unit]]:
        """Every word of the page with the unit it belongs to."""
        return [(w, u) for line in self.lines for u in line for w in (u if isinstance(u, str) else u.text).split()]


def make_case(rng: random.Random, body: Body, form: str, *, hard: bool = False, injections: int | None = None) -> Case:
    """Inject boilerplate into `body` at random positions and lay it out in `form`."""
    case = Case(body, form, [[p] for p in body.paragraphs])
    n = rng.randint(1, 8) if injections is None else injections
    for _ in range(n):
        (_inject_line if form == "lines" else _inject_flat)(rng, case, hard)
    _frame(rng, case, hard)
    return case


def _inject_line(rng: random.Random, case: Case, hard: bool) -> None:
    """A piece on a line of its own between paragraphs or splitting one, or an AMP-style
    `Baca Juga:` at the end of a paragraph line."""
    kind = rng.choice(list(LINE_KINDS))
    piece = LINE_KINDS[kind](rng)
    where = rng.randrange(len(case.lines) + 1)
    if rng.random() < 0.4 and (split := _split_point(rng, case, hard)):
        i, head, tail = split
        if kind == "baca_juga" and rng.random() < 0.5:
            case.lines[i:i + 1] = [[head, replace(piece, inline=True)], [tail]]  # AMP: ends the line
        else:
            case.lines[i:i + 1] = [[head], [piece], [tail]]
        return
    case.lines.insert(where, [piece])


def _inject_flat(rng: random.Random, case: Case, hard: bool) -> None:
    """An inline `Baca Juga:` / `Tonton:` before a sentence (between or inside paragraphs)."""
    piece = promo(rng, rng.choice(("baca_juga", "baca_juga", "baca_juga", "tonton")), inline=True, hard=hard)
    split = _split_point(rng, case, hard)
    if split is None:
        return
    i, head, tail = split
    cue = piece.cue or ("" if natural_start(tail) else "next sentence opens with capitalised words")
    if not cue and _subject_noun_before_capital(piece.text, tail):
        if not hard:
            return
        cue = "headline ends with a subject noun, next sentence opens with a capitalised word"
    case.lines[i:i + 1] = [[head], [replace(piece, cue=cue)], [tail]]


def _subject_noun_before_capital(promo_text: str, tail: str) -> bool:
    """`... Dorong Ekspor Investor bisa ...`: a headline ending in a noun that often opens a
    sentence (`Ekspor`, `Pertumbuhan`), then a capitalised word. On real crawls the cleaner
    reads this as the sentence `Ekspor Investor ...` (it is right more often than not: see
    text/headline.py), so the case is ambiguous, hence hard."""
    from kontan_clean.text.headline import _is_subject_noun

    return _is_subject_noun(promo_text.split()[-1]) and tail[:1].isupper()


def _split_point(rng: random.Random, case: Case, hard: bool) -> tuple[int, str, str] | None:
    """A sentence boundary inside a body line or between two body lines: (line, head, tail).
    By default only before a sentence that opens naturally (see `natural_start`)."""
    options = []
    for i, line in enumerate(case.lines):
        if len(line) != 1 or not isinstance(line[0], str):
            continue
        sentences = split_sentences(line[0])
        for k in range(1, len(sentences)):
            head, tail = " ".join(sentences[:k]), " ".join(sentences[k:])
            if hard or natural_start(tail):
                options.append((i, head, tail))
    return rng.choice(options) if options else None


def _frame(rng: random.Random, case: Case, hard: bool) -> None:
    """The top (header, byline, dateline) and the end (promos, ads, footer) of the page."""
    first = next(i for i, line in enumerate(case.lines) if any(isinstance(u, str) for u in line))
    with_byline = rng.random() < 0.8
    # Flattened, the byline's end is found where the dateline starts; with no dateline it
    # runs into the body's first words (real flattened crawls always have one: hard case).
    bare_byline = case.form == "flat" and with_byline and hard and rng.random() < 0.3
    if not bare_byline and (rng.random() < 0.8 or (with_byline and case.form == "flat")):
        case.lines[first].insert(0, dateline(rng))
    if with_byline:
        cue = "byline runs straight into the body" if bare_byline else ""
        case.lines.insert(0, [replace(byline(rng), cue=cue)])
    if case.form == "lines" and rng.random() < 0.3:
        case.lines[0:0] = [[p] for p in SITE_HEADER] + [[ticker(rng)] for _ in range(rng.randint(1, 11))]
    if case.form == "lines" and rng.random() < 0.3:
        case.lines += [[promo(rng, "selanjutnya", inline=False)], [promo(rng, "menarik_dibaca", inline=False)],
                       [Piece("ad", "TERBARU")], [ad(rng)], [Piece("ui", "[X]")], [Piece("ui", "×")]]
    if rng.random() < 0.2:
        case.lines.append([syndication(rng)])
    if rng.random() < 0.7:
        case.lines.append([GOOGLE_NEWS])


# ---- the check ---------------------------------------------------------------------------

@dataclass
class Result:
    """What cleaning one case did to the body and to the pieces."""

    case: Case
    lost: list[str] = field(default_factory=list)
    """Body words missing from the output."""
    leaked: dict[int, list[str]] = field(default_factory=dict)
    """Index into `case.pieces` -> the words of that piece left in the output."""
    invented: list[str] = field(default_factory=list)
    """Output words that are not on the page in that order."""
    overreach: set[int] = field(default_factory=set)
    """Pieces whose removal took the body word right after them too."""
    error: str | None = None
    output: str = ""

    @property
    def ok(self) -> bool:
        """No body word lost, no piece word left, nothing invented, no exception."""
        return not (self.lost or self.leaked or self.invented or self.error)


def check(case: Case, clean: Callable[[str], object] | None = None) -> Result:
    """Clean the case's page and align the output with the page, word by word."""
    if clean is None:
        from kontan_clean import clean
    result = Result(case)
    try:
        article = clean(case.page)
    except Exception as exc:  # noqa: BLE001 - any exception on a page with a body is a failure
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    result.output = article.text
    page = case.labelled_words()
    out = article.text.split()
    matcher = SequenceMatcher(None, [w for w, _ in page], out, autojunk=False)
    kept = [False] * len(page)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            kept[block.a + k] = True
    result.invented = [out[j] for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("insert", "replace") for j in range(j1, j2)]
    index = {id(p): k for k, p in enumerate(case.pieces)}
    for i, ((word, unit), was_kept) in enumerate(zip(page, kept)):
        if isinstance(unit, str) and not was_kept:
            result.lost.append(word)
            if i and isinstance(page[i - 1][1], Piece):
                result.overreach.add(index[id(page[i - 1][1])])
        elif isinstance(unit, Piece) and was_kept:
            result.leaked.setdefault(index[id(unit)], []).append(word)
    return result


def well_formed(case: Case) -> bool:
    """Whether `case` is one the generator could have made: the same rules hold after
    `minimize` took it apart (a flattened byline is followed by the dateline, a default
    inline promo by a naturally opening sentence)."""
    units = [u for line in case.lines for u in line]
    if not any(isinstance(u, str) for u in units):
        return False
    for unit, after in zip(units, units[1:] + [None]):
        if not isinstance(unit, Piece) or unit.cue:
            continue
        if case.form == "flat" and unit.kind == "byline" and not (isinstance(after, Piece) and after.kind == "dateline"):
            return False
        if unit.inline and unit.kind in ("baca_juga", "tonton") and not (isinstance(after, str) and natural_start(after)):
            return False
    return True


def minimize(case: Case, fails: Callable[[Case], bool]) -> Case:
    """A smaller case that still fails: drop lines, pieces and sentences while it does."""
    changed = True
    while changed:
        changed = False
        for i in range(len(case.lines) - 1, -1, -1):
            candidates = [case.lines[:i] + case.lines[i + 1:]]
            line = case.lines[i]
            candidates += [case.lines[:i] + [line[:k] + line[k + 1:]] + case.lines[i + 1:] for k in range(len(line)) if len(line) > 1]
            for k, unit in enumerate(line):
                if isinstance(unit, str) and len(sentences := split_sentences(unit)) > 1:
                    for cut in (sentences[1:], sentences[:-1]):
                        candidates.append(case.lines[:i] + [line[:k] + [" ".join(cut)] + line[k + 1:]] + case.lines[i + 1:])
            for lines in candidates:
                smaller = Case(case.body, case.form, [list(l) for l in lines if l])
                if well_formed(smaller) and fails(smaller):
                    case, changed = smaller, True
                    break
            if changed:
                break
    return case


# ---- running it --------------------------------------------------------------------------

def all_bodies() -> list[Body]:
    """Sample bodies plus corpus gold bodies (when present)."""
    return sample_bodies() + gold_bodies()


@dataclass
class Tally:
    """Counts over many cases, per form and per piece kind."""

    injected: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    """Pieces of which no word is left in the output."""
    exact: Counter = field(default_factory=Counter)
    """Pieces removed without taking the body word after them."""
    lost_words: Counter = field(default_factory=Counter)
    body_words: Counter = field(default_factory=Counter)
    cases: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)
    by_cue: Counter = field(default_factory=Counter)
    failures: list[Result] = field(default_factory=list)

    def add(self, r: Result) -> None:
        """Count one result."""
        form = r.case.form
        self.cases[form] += 1
        self.body_words[form] += sum(1 for _, u in r.case.labelled_words() if isinstance(u, str))
        self.lost_words[form] += len(r.lost)
        for k, p in enumerate(r.case.pieces):
            self.injected[form, p.kind] += 1
            self.removed[form, p.kind] += k not in r.leaked
            self.exact[form, p.kind] += k not in r.leaked and k not in r.overreach
            self.by_cue[form, p.cue, "pieces"] += 1
            self.by_cue[form, p.cue, "leaked"] += k in r.leaked
            self.by_cue[form, p.cue, "overreach"] += k in r.overreach
        if not r.ok:
            self.failed[form] += 1
            self.failures.append(r)

    def report(self) -> str:
        """A plain-text summary."""
        out = []
        for form in sorted(self.cases):
            out.append(f"{form}: {self.cases[form]} cases, {self.failed[form]} failed; "
                       f"body words lost {self.lost_words[form]} of {self.body_words[form]}")
            for (f, kind), n in sorted(self.injected.items()):
                if f == form:
                    out.append(f"  {kind:15} injected {n:6}  removed {self.removed[f, kind]:6}"
                               f"  removed exactly {self.exact[f, kind]:6}")
            for (f, cue, what), n in sorted(self.by_cue.items()):
                if f == form and what == "pieces":
                    out.append(f"  {'default' if not cue else cue + ' (hard)'}: {n} pieces, "
                               f"{self.by_cue[f, cue, 'leaked']} left words behind, "
                               f"{self.by_cue[f, cue, 'overreach']} took the next body word")
        return "\n".join(out)


def run(cases: int, seed: int, *, hard: bool = False, forms: tuple[str, ...] = ("lines", "flat")) -> Tally:
    """Generate and check `cases` cases per form."""
    bodies = all_bodies()
    tally = Tally()
    for form in forms:
        rng = random.Random(f"{seed}-{form}-{hard}")
        for _ in range(cases):
            tally.add(check(make_case(rng, rng.choice(bodies), form, hard=hard)))
    return tally


def describe(r: Result) -> str:
    """A failure, readable: the page, what leaked, what was lost, the output."""
    leaked = {r.case.pieces[k].kind: " ".join(w) for k, w in r.leaked.items()}
    return (f"--- {r.case.body.name} ({r.case.form})\nPAGE: {r.case.page!r}\nERROR: {r.error}\nLEAKED: {leaked}\n"
            f"LOST: {' '.join(r.lost)!r}\nINVENTED: {' '.join(r.invented)!r}\nOUTPUT: {r.output!r}")


def main(argv: list[str] | None = None) -> int:
    """Command line: run many cases, print the tally and a few minimised failures."""
    ap = argparse.ArgumentParser(description="kontan_clean boilerplate injection generator")
    ap.add_argument("--cases", type=int, default=1000, help="cases per form")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--hard", action="store_true", help="also the ambiguous cases (see the module docstring)")
    ap.add_argument("--form", choices=("lines", "flat"), action="append")
    ap.add_argument("--show", type=int, default=3, help="minimise and print this many failures")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    tally = run(args.cases, args.seed, hard=args.hard, forms=tuple(args.form or ("lines", "flat")))
    print(tally.report())
    shown: set[str] = set()
    for r in tally.failures:
        if len(shown) >= args.show:
            break
        small = minimize(r.case, lambda c: not check(c).ok)
        if small.page not in shown:
            shown.add(small.page)
            print(describe(check(small)))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
