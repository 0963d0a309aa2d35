"""Where does an inline headline end?

In flattened text a promo such as `Baca Juga: <headline>` runs straight into the next body
sentence, with no newline or full stop between them. kontan headlines are Title Case with
lower-case particles (di, ke, dari, dan, yang...), so the first lower-case word that is not a
particle belongs to the next sentence; that sentence began at a capitalised word shortly
before it. Which one is decided by a few cues: a word that typically opens sentences (a job
title such as `Menteri`, a connective such as `Sementara`), an opening quote, a question
mark closing the headline. Older headlines are in sentence case; they end at the first such
cue (or a capitalised common word before running text), or failing that after 20 words.
A miss costs a sentence fragment, never the paragraph.

The rules were tuned on the labelled crawl in ../shared/corpus/raw/ (492 of its 510 resolved
ends exact, 96.5%, measured both ways: a headline cut short counts as a miss, and the same
figure comes out end to end through `clean()`, `evaluation.inline_promo_report`) and checked
against the team's samples and tests/boilerplate.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..site.patterns import FLAT_CHROME, OLD_DATELINE
from ..site.vocab import CITY_FIRST_WORDS, CONNECTIVES, DAYS, HEADLINE_PARTICLES, NAME_TITLES, PRONOUNS, REPORTING_VERBS, SENTENCE_OPENERS

_EDGE_PUNCT = "\"'“”‘’«»()[]{},.:;!?…"
_OPEN_QUOTES = ("\"", "“", "'", "‘", "«")
# Tokens that can never be part of a headline: the next piece of page furniture starts here.
# stdlib `re`, case variants spelled out: much faster than one case-insensitive `regex` here.
_HARD_STOPS = re.compile(
    r"(?:KONTAN\.CO\.ID|Kontan\.co\.id)\b|(?:Baca|BACA)\s+(?:Juga|JUGA|juga)\s*:|(?:Tonton|TONTON)\s*:"
    r"|Cek\s+Berita\s+dan\s+Artikel|Artikel\s+ini\s+telah\s+tayang|Selanjutnya\s*:|Menarik\s+Dibaca\s*:"
)
# A byline's label: no headline or name runs on into the byline printed after it, even glued
# to its last word (`... Tarif TrumpReporter:`, a flattening without a space). Apart from
# `_HARD_STOPS`, and only searched where a colon stands: in the one pattern its eight
# alternatives tried at every position cost a fifth more of the promos' time.
_LABEL_STOPS = re.compile(r"(?:Reporter|REPORTER|Penulis|PENULIS|Sumber|SUMBER|Editor|EDITOR)\s*:")


def _hard_stop(text: str, start: int, stop: int) -> int | None:
    """Where the first hard stop in `text[start:stop]` begins, or None."""
    hard = _HARD_STOPS.search(text, start, stop)
    end = hard.start() if hard else stop
    if text.find(":", start, end) >= 0 and (label := _LABEL_STOPS.search(text, start, end)):
        return label.start()
    return hard.start() if hard else None
_CURRENCIES = ("US$", "Rp", "$", "S$", "€", "£")
_ABBREVIATIONS = frozenset({"tbk.", "jr.", "no.", "dr.", "st.", "co.", "inc.", "ltd.", "corp.", "vs.", "u.s.", "h.", "ir.", "prof.", "s.a.", "mr.", "bp."})
_MAX_TOKENS = 45
_MAX_CHARS = 45 * 40
"""No headline and sentence opening need more text than this: the search never scans further."""
OPENER_REACH = 12
"""How far back from the first running-text word a title such as `Direktur` may open the sentence."""

CAP, NUM, PART, LOWER, PUNCT = "C", "N", "P", "L", "."
# The word tests below are pure functions of one word, asked again and again of the same
# words (every cue re-reads the stretch): a bounded cache halves the inference's cost.
_word_cache = lru_cache(maxsize=4096)


@_word_cache
def _kind(token: str) -> str:
    core = token.strip(_EDGE_PUNCT)
    if not core or not (core[0].isalnum() or core[-1].isalnum()):
        return PUNCT
    first = core[0]
    if first.isdigit() or core.startswith(_CURRENCIES):
        return NUM
    if first.isupper() or core != core.lower():  # `Trump`, `AS`, `iPhone`
        return CAP
    return PART if core in HEADLINE_PARTICLES else LOWER


@_word_cache
def _ends_sentence(token: str) -> bool:
    """A full stop that closes a sentence (not `Tbk.`, `Rp 1.500` or `U.S.`)."""
    if not token.endswith((".", ".”", ".\"")):
        return False
    core = token.rstrip("”\"")
    if core.lower() in _ABBREVIATIONS or len(core) <= 2:
        return False
    return not (len(core) <= 4 and core[:-1].isupper())


@_word_cache
def _is_opener(token: str) -> bool:
    return token.strip(_EDGE_PUNCT).lower() in SENTENCE_OPENERS


def _starts_quote(token: str) -> bool:
    return token.startswith(_OPEN_QUOTES) and len(token) > 1


def headline_end(text: str, start: int, stop: int | None = None) -> int:
    """Index in `text` where the headline that begins at `start` ends (exclusive).

    `stop` bounds the search (default: the end of `text`). The result never runs past the
    next piece of page furniture (a dateline, another promo, the Google News footer), and
    when no cue is found in the next 45 words the headline is taken to be 20 words long, so
    that a miss costs a sentence fragment, never the rest of the article.
    """
    stop = min(len(text) if stop is None else stop, start + _MAX_CHARS)
    hard = _hard_stop(text, start, stop)
    limit = hard if hard is not None else stop
    tokens = _tokens(text, start, limit, _MAX_TOKENS)
    if not tokens:
        return start
    cut = _sentence_start(tokens)
    if cut is None:
        text_ends = limit == len(text) and len(tokens) < _MAX_TOKENS
        return _token_end(text, start, tokens, len(tokens) if hard is not None or text_ends else min(_FALLBACK_WORDS, len(tokens)))
    return _token_end(text, start, tokens, cut) if cut > 0 else start


def _tokens(text: str, start: int, limit: int, most: int) -> list[str]:
    """The first `most` whitespace-separated words of `text[start:limit]`. `str.split` splits
    on the same whitespace as the regex `\\S+` does (both `Py_UNICODE_ISSPACE`), four times
    faster than collecting match spans."""
    return text[start:limit].split(None, most)[:most]


def _token_end(text: str, start: int, tokens: list[str], count: int) -> int:
    """Index in `text` just after the first `count` of `tokens`, the words from `start`: each
    word is the next non-space run, so `find` from the previous end lands on it."""
    pos = start
    for token in tokens[:count]:
        pos = text.find(token, pos) + len(token)
    return pos


_FALLBACK_WORDS = 20


def _sentence_start(tokens: list[str]) -> int | None:
    """Index of the token that opens the sentence after the headline; None when the stretch
    is all headline-like words with no cue (a Title Case headline at the end of the text)."""
    kinds, first_lower = _classify(tokens)
    if first_lower is None:
        # A full stop inside the stretch: the sentence after the headline ends there at the latest.
        full_stop = next((i for i, t in enumerate(tokens) if _ends_sentence(t)), None)
        if full_stop is None:
            return None
        first_lower = full_stop + 1
    if first_lower <= 1:
        return _sentence_case_start(tokens, [_kind(t) for t in tokens])
    candidates = [
        i for i in range(1, first_lower)
        if kinds[i] in (CAP, NUM) and kinds[i - 1] != PART and not tokens[i - 1].endswith(":")
        and tokens[i - 1] not in _GLUE
    ]
    if not candidates:
        return first_lower
    strong = _strong_start(tokens, kinds, candidates)
    if strong is not None:
        return strong
    last = candidates[-1]
    named = _named_subject(tokens, kinds, candidates, last)
    if named is not None:
        return named
    # The subject of the next sentence often opens with a title: `Menteri Keuangan X`.
    group_start = None
    for i in range(last, max(0, last - OPENER_REACH), -1):
        if i < 2:
            break
        if _is_opener(tokens[i]) and i in candidates:
            group_start = i
        elif group_start is not None:
            break
    if group_start is not None and _opens_subject(tokens, kinds, group_start, last):
        if _is_title(tokens[group_start]):
            return _before_subheading(tokens, candidates, _joined_titles(tokens, kinds, candidates, group_start))
        return group_start
    # A headline does not end with a comma: `... Terbatas Besok, Ibrahim memproyeksikan`.
    if last - 1 in candidates and last - 1 >= 3 and tokens[last - 1].endswith(",") and kinds[last - 1] == CAP:
        return last - 1
    # `Ray Dalio, pendiri ...`: a two-word name, then a job title in apposition.
    if (tokens[last].endswith(",") and last - 1 in candidates and last - 1 >= 3 and _is_name(tokens[last - 1])
            and last + 1 < len(tokens) and _is_title(tokens[last + 1])):
        return last - 1
    if last - 1 in candidates and last - 1 >= 3 and (tokens[last - 1], tokens[last]) in _ENTITY_BIGRAMS:
        return last - 1
    # `Kebijakan Trump juga ...`: a deverbal noun before a name opens the sentence.
    if (last - 1 in candidates and last - 1 >= 3 and _is_subject_noun(tokens[last - 1]) and _is_name(tokens[last])
            and last + 1 < len(tokens) and (_kind(tokens[last + 1]) == PART or _verb_like(tokens[last + 1]))
            and tokens[last + 1].strip(_EDGE_PUNCT) not in REPORTING_VERBS):  # `Pasar Eddy menjelaskan`: Eddy speaks
        return last - 1
    return _phrase_start(tokens, kinds, candidates, last)


_ACRONYM = re.compile(r"\((?P<letters>[A-Z]{2,6})\),?")
_COMPANY_REACH = 8
"""Words a company name `PT ... Tbk` runs to at most."""


def _named_subject(tokens: list[str], kinds: list[str], candidates: list[int], last: int) -> int | None:
    """`Bank Indonesia (BI) mencatat`, `PT Bank Central Asia Tbk (BBCA) mencatat`: kontan
    names an institution in full with its acronym in brackets, or a company as `PT ... Tbk`,
    where a sentence opens with it as its subject; then a verb follows. The name starts at
    `PT` (or at the office before it: `Direktur PT X`), else where the initials of the words
    before the acronym spell it."""
    if last + 1 >= len(tokens) or not _verb_like(tokens[last + 1]):
        return None
    acronym = _ACRONYM.fullmatch(tokens[last])
    end = last if acronym else last + 1
    for i in range(end - 1, max(2, end - _COMPANY_REACH), -1):
        if kinds[i] != CAP:
            break
        if tokens[i] == "PT" and i in candidates:
            office = next((j for j in range(i - 1, max(2, i - 4), -1) if _is_title(tokens[j])), None)
            if office is not None and all(k in candidates for k in range(office, i)):
                return office  # `Direktur PT X`, `Direktur Utama PT X`: the office heads the name
            return i
    if acronym:
        i = end - len(acronym["letters"])
        if i >= 3 and i in candidates and all(kinds[k] == CAP for k in range(i, end)) and "".join(
                t[0] for t in tokens[i:end]) == acronym["letters"]:
            return i
    return None


def _phrase_start(tokens: list[str], kinds: list[str], candidates: list[int], last: int) -> int:
    """The last capitalised word opens the sentence, unless it ends a phrase that does."""
    # `Indeks S&P 500 mengalami`, `Indeks Volatilitas CBOE, yang`: a noun that heads a name
    # opens the sentence with it, when the name closes with a number or a comma.
    if kinds[last] == NUM or tokens[last].endswith(","):
        for i in range(last - 1, max(2, last - 5), -1):
            if kinds[i] != CAP or i not in candidates or _verb_like(tokens[i + 1]):
                break  # `Saham Melemah Alhasil, ...`: a verb ends the headline, no name runs on
            if tokens[i] in _NAME_HEADS:
                return i
    # No headline ends with `The`: `The Fed menaikkan`, `The Washington Post melaporkan`; an
    # acronym opens a sentence by itself (`... Kebijakan The Fed GAPMMI mengidentifikasi`).
    for i in (last - 1, last - 2):
        if i >= 3 and i in candidates and tokens[i] == "The" and not (i == last - 2 and tokens[last].isupper()):
            return i
    # `Rabu (9/4) lalu, ...`: a day and its date open the sentence together.
    if kinds[last] == NUM and tokens[last].startswith("(") and last - 1 in candidates and _core_lower(tokens[last - 1]) in DAYS:
        return last - 1
    return last


def _classify(tokens: list[str]) -> tuple[list[str], int | None]:
    """Token kinds up to the first running-text word (the rest PUNCT), and its index. A
    lower-case word the Title Case run resumes after, up to a sentence cue, is the headline's
    (`Produk AS akan dikenakan Tarif 125% Berlaku Besok Sebelumnya, Trump ...`)."""
    kinds: list[str] = []
    for i, token in enumerate(tokens):
        kinds.append(_kind(token))
        if kinds[-1] == LOWER:
            if not _title_case_resumes(tokens, i):
                return kinds + [PUNCT] * (len(tokens) - len(kinds)), i
            kinds[-1] = PART
    return kinds, None


_RESUME_REACH = 12


def _title_case_resumes(tokens: list[str], lower: int) -> bool:
    """Whether capitalised words follow `tokens[lower]` up to a connective or a sentence
    opener with its comma, with no other lower-case word or full stop between."""
    capitals = 0
    for j in range(lower + 1, min(len(tokens), lower + _RESUME_REACH)):
        token = tokens[j]
        if _ends_sentence(tokens[j - 1]) or _kind(token) == LOWER:
            return False
        core = _core_lower(token)
        if capitals >= 2 and (core in CONNECTIVES or (_is_opener(token) and token.endswith(","))):
            return True
        capitals += _kind(token) == CAP
    return False


def _strong_start(tokens: list[str], kinds: list[str], candidates: list[int]) -> int | None:
    """A cue that settles the boundary by itself; the earliest one wins. A weak cue (a
    question or exclamation mark, a capitalised `Bagi`) only counts when no strong cue
    follows it: kontan headlines go on after them (`Sejarah Kelam Terulang? Begini ...`)."""
    weak = None
    bullet = _first_bullet(tokens)  # a bullet list starts: it wins over any later cue
    for i in candidates:
        if i < 3:
            continue
        if bullet is not None and bullet <= i:
            return bullet
        token, before = tokens[i], tokens[i - 1]
        if not _may_cue(token) and token != before and not before.endswith(_ASKS):
            continue  # none of the cues below can hold: one cached test instead of all of them
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _starts_quote(token):
            return i
        if (weak is None and before.endswith(_ASKS) and token not in _HEADLINE_TURNS
                and _short_name_run(tokens, kinds, i, candidates[-1])):
            weak = i
            continue
        if kinds[i] == NUM and _LIST_NUMBER.fullmatch(token):
            return i  # a numbered list item or subheading: `1. Memperluas Mitra Dagang`
        if _is_opener(token) and (token.endswith(",") or after == ","):
            return i  # `Sebelumnya, ...`, `Pertama , ...`
        if token.endswith("nya,") and kinds[i] == CAP and not _capitalised_particle(after):
            return i  # a discourse adverb: `Akibatnya, ...`, `Sayangnya, ...`
        if _core_lower(token) in CONNECTIVES or (token in _PRONOUNS and _kind(after) in (LOWER, PART)):
            return i  # `Menurut Audi, ...`, `Sementara itu, ...`
        if (weak is None and token[:1].isupper() and token.lower() in _SENTENCE_PARTICLES
                and any(t.endswith(",") for t in tokens[i:candidates[-1] + 1])):
            weak = i  # kontan headlines keep `bagi`, `per` lower case: `Bagi Anthony, ...`
            continue
        if token == before and kinds[i] == CAP:
            return i - 1  # `Pakistan Pakistan tengah ...`: a subheading, then its sentence
    return weak if bullet is None else bullet


_ASKS = ("?", "!", "?”", "!”")


@_word_cache
def _may_cue(token: str) -> bool:
    """Whether `token` passes the tests of `_strong_start` that read the token alone (a quote,
    a list number, an opener, `-nya,`, a connective, a pronoun, `Bagi`): where it fails them
    and the cues read off its neighbour fail too, no cue holds there."""
    return (_starts_quote(token) or _LIST_NUMBER.fullmatch(token) is not None or _is_opener(token)
            or token.endswith("nya,") or _core_lower(token) in CONNECTIVES or token in _PRONOUNS
            or (token[:1].isupper() and token.lower() in _SENTENCE_PARTICLES))


def _first_bullet(tokens: list[str]) -> int | None:
    """Index of the first word from the fourth on that opens with a bullet (`•`); one `in`
    over the joined words rules the list out on almost every stretch."""
    if "•" not in " ".join(tokens[3:]):
        return None
    return next((i for i in range(3, len(tokens)) if tokens[i].startswith("•")), None)


_NAME_RUN = 5
# Particles inside an office's name: `Menteri Energi dan Sumber Daya Mineral`, `Ekonom dari INDEF`.
_TITLE_JOINS = frozenset({"dan", "&", "dari"})
# A headline's second half after a question or a comma: `Mengapa ...? Ini Alasannya`.
_HEADLINE_TURNS = frozenset({"Ini", "Begini", "Inilah", "Simak"})


def _opens_subject(tokens: list[str], kinds: list[str], start: int, last: int) -> bool:
    """Whether the opener at `start` can open the sentence whose subject runs to `last`. A
    title heads a name (`Menteri Keuangan Sri Mulyani`, `Menteri Energi dan Sumber Daya
    Mineral X`), never a phrase with `ke`, `untuk`, `di` in it; any other opener (`Sejumlah`,
    `Meski`, `Dalam`) is followed by running text within a word."""
    if any(t.endswith(":") for t in tokens[start:last]):
        return False  # `DPR: Alarm Serius ...`: a colon stands inside headlines
    if not _is_title(tokens[start]):
        # a fronted adverbial ends in a comma or names a day: `Pada Rabu (9/4), Trump ...`
        return last - start <= 1 or (last - start <= 4 and (tokens[last - 1].endswith(",") or any(
            _core_lower(t) in DAYS for t in tokens[start + 1:last])))
    return all(kinds[i] != PART or tokens[i] in _TITLE_JOINS for i in range(start, last + 1))


def _short_name_run(tokens: list[str], kinds: list[str], start: int, last: int) -> bool:
    """Whether `start`..`last` (the last capitalised word before running text) can be the
    subject that opens a sentence: a few capitalised words, no particle between them. A
    longer run, or one with `di`, `dari`..., is the headline going on; so is a run whose
    last word opens a sentence by itself (`... Menghantui Beberapa analis`)."""
    opens = _is_opener(tokens[last]) or tokens[last].strip(_EDGE_PUNCT).lower() in HEADLINE_PARTICLES
    if any(_is_title(t) for t in tokens[start:last]):  # `...Diteken! Staf Khusus Menteri Kelautan dan Perikanan, X`
        return all(kinds[k] != PART or tokens[k] in _TITLE_JOINS for k in range(start, last + 1))
    return last - start < _NAME_RUN and PART not in kinds[start:last + 1] and not opens  # `Secara rinci, ...`


_NAME_HEADS = frozenset({"Indeks", "Saham", "Laporan"})
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")
# Nouns made from verbs with a prefix (`pernyataan`, `kebijakan`, `pengumuman`): only with the
# prefix, since a bare `-an` ending is as often a name (`Ridwan`, `Setiawan`) or `Pekan`.
_DEVERBAL = re.compile(r"^(?:pe[nmr]?|peng|penge|ke|per)[^\W\d_]{2,}an$", re.IGNORECASE)
_PRONOUNS = frozenset(p.capitalize() for p in PRONOUNS)
# Particles that cannot end a headline: a word after them belongs to the same phrase.
_BINDING_PARTICLES = frozenset("di ke dari dan yang untuk pada dengan atau oleh bagi".split())
_GLUE = frozenset({"&", "-", "–", "—", "/", "+"})
# Particles that headlines keep lower case even where they capitalise others (`Selama`, `Setelah`).
_SENTENCE_PARTICLES = frozenset({"bagi", "per"})
_ENTITY_BIGRAMS = frozenset({("Gedung", "Putih"), ("Wall", "Street"), ("Uni", "Eropa"), ("Bank", "Dunia")})
_SUBJECT_NOUNS = frozenset("saham indeks tarif harga data pasar bursa nilai kinerja dana laba bank rupiah pemerintah "
    "tindakan laporan langkah sikap tekad ekspor impor inflasi".split())


def _is_subject_noun(token: str) -> bool:
    core = token.strip(_EDGE_PUNCT).lower()
    return core in _SUBJECT_NOUNS or bool(_DEVERBAL.match(core))


_VERB_PREFIXES = ("me", "ber", "di", "ter")
_PREDICATE_WORDS = frozenset("""
juga telah sudah masih tidak tak pun adalah naik turun anjlok jatuh tumbuh kembali hanya bakal dapat
harus ingin sempat tetap justru mulai terus tengah sedang kini menjadi salah segera paling lebih makin
semakin belum baru
""".split())


def _verb_like(token: str) -> bool:
    """A word that can follow a sentence's subject: a prefixed verb or a predicate word
    (`Kebijakan Trump memicu`, `Saham Apple turun`), unlike a noun (`Tingkat keterisian`)."""
    core = token.strip(_EDGE_PUNCT).lower()
    return core in _PREDICATE_WORDS or core.startswith(_VERB_PREFIXES)


def _is_name(token: str) -> bool:
    core = token.strip(_EDGE_PUNCT)
    lower = core.lower()
    stative = lower.startswith("ber") and len(lower) > 5  # `Berbeda dengan`, `Berdasarkan`: not a name
    return (bool(core) and not _is_subject_noun(core) and lower not in SENTENCE_OPENERS
            and not _capitalised_particle(core) and not stative)  # `Selama` is no name; `AS` is one


def _joined_titles(tokens: list[str], kinds: list[str], candidates: list[int], start: int) -> int:
    """`Menteri Perdagangan dan Wakil Perdana Menteri X`: two offices joined by `dan` open the
    sentence together, so the start moves back to the first title."""
    j = start
    while j > 3 and _is_title(tokens[j - 1]):
        j -= 1
    if tokens[j - 1] != "dan":
        return start
    for i in range(j - 2, max(2, j - 5), -1):
        if i in candidates and _is_title(tokens[i]) and all(kinds[k] == CAP for k in range(i, j - 1)):
            return i
    return start


def _capitalised_particle(token: str) -> bool:
    """`Tak`, `Dari`: a particle only a Title Case headline capitalises."""
    core = token.strip(_EDGE_PUNCT)
    lower = core.lower()
    return lower in HEADLINE_PARTICLES and core != lower and core == lower.capitalize()


def _is_title(token: str) -> bool:
    return _core_lower(token) in NAME_TITLES


@_word_cache
def _core_lower(token: str) -> str:
    return token.strip(_EDGE_PUNCT).lower()


def _before_subheading(tokens: list[str], candidates: list[int], start: int) -> int:
    """`... Tarif Trump Jepang Menteri Perdagangan Jepang, ...`: a one- or two-word subheading
    sits between the headline and the sentence when the sentence names it again."""
    window = {t.strip(_EDGE_PUNCT) for t in tokens[start + 1:start + 14]}
    for width in (2, 1):
        i = start - width
        if i >= 3 and i in candidates and all(t.strip(_EDGE_PUNCT) in window for t in tokens[i:start]):
            return i
    return start


def _sentence_case_start(tokens: list[str], kinds: list[str]) -> int:
    """Older sentence-case headline: end at the first opener, quote, clause end or capitalised
    common word before running text; with none, after 20 words or at the first full stop."""
    for i in range(2, len(tokens)):
        core = tokens[i].strip(_EDGE_PUNCT)
        if kinds[i] == CAP and (core.lower() in CONNECTIVES or core in _PRONOUNS or _starts_quote(tokens[i])):
            return i
        if kinds[i] == CAP and _is_opener(tokens[i]) and kinds[i - 1] != PART:
            return i
        if _ends_sentence(tokens[i - 1]) and kinds[i] in (CAP, NUM):
            return i
        # `... lelang SUN pekan ini Dana asing yang ...`: a capitalised common word after the
        # headline's last word, then running text (not an acronym, not after `di`, `ke`...).
        if (i >= 4 and kinds[i] == CAP and not core.isupper() and i + 1 < len(tokens)
                and kinds[i + 1] == LOWER and tokens[i - 1].lower() not in _BINDING_PARTICLES):
            return i
    full_stop = next((i for i, t in enumerate(tokens) if _ends_sentence(t)), len(tokens))
    return min(_FALLBACK_WORDS, full_stop)  # no cue: cost a fragment, never the paragraph


MAX_NAME_WORDS = 5


def name_end(text: str, start: int) -> int:
    """Where a person's name that begins at `start` ends, in flattened text such as
    `Editor: Khomarul Hidayat LONDON . Harga minyak ...`.

    A name is a few capitalised words; it stops before page furniture, a day name and its
    comma (the date line), a word in capitals
    (a dateline city; initials of up to three letters such as `KD` stay), a word that opens
    sentences or a noun that starts them (`Indeks`, `Harga`), and, when the run of capitals
    runs into lower-case text, before its last word (`Adi Wikanto Harga emas ...`).
    """
    hard = _hard_stop(text, start, min(len(text), start + _MAX_CHARS))
    limit = hard if hard is not None else min(len(text), start + _MAX_CHARS)
    words = _tokens(text, start, limit, MAX_NAME_WORDS + 1)
    taken = 0
    for word in words[:MAX_NAME_WORDS]:
        if word.endswith(",") and word[:-1].lower() in DAYS:
            break  # `Senin, 28 Oktober 2024`: the date line, printed after the byline
        word = word.rstrip(",")
        if not word[:1].isupper() or (word.isupper() and (len(word) > 3 or _opens_city(text, start, words, taken))):
            break
        if _starts_sentence(word):
            break
        taken += 1
    if 1 < taken < len(words) and _kind(words[taken]) in (LOWER, PART) and not FLAT_CHROME.match(
            text, text.find(words[taken], _token_end(text, start, words, taken))):
        taken -= 1  # the last capitalised word opens the sentence that follows (not the site's header)
    return _token_end(text, start, words, taken) if taken else start


def _opens_city(text: str, start: int, words: list[str], at: int) -> bool:
    """The short capitals word `words[at]` (the words from `start`) opens a dateline city of
    several words (`NEW YORK.`): the city's first word, not a name's initials (`Herlina KD`,
    `Anastasia LLY JAKARTA.`)."""
    if words[at] not in CITY_FIRST_WORDS:
        return False
    pos = text.find(words[at], _token_end(text, start, words, at))
    m = OLD_DATELINE.match(text[pos:pos + 120])
    return m is not None and " " in m["city"]


def _starts_sentence(word: str) -> bool:
    core = word.strip(_EDGE_PUNCT)
    return _is_opener(core) or _is_subject_noun(core) or core.lower() in CONNECTIVES or core in _PRONOUNS
