"""Text the page prints twice: one copy goes, the longer one stays.

Kontan's pages repeat themselves in a few ways: the AMP lead block (the meta description,
often the whole short body on one line) above the title and the body again below it; a
store that cut the page off inside that second copy; a paragraph printed twice. All are the
same fact: a run of paragraphs whose words repeat, in order, words printed elsewhere on the
page. The copy with more words stays (it lost nothing); between equal copies the one split
into more paragraphs stays (it kept the page's breaks), then the one that carries the
dateline (the body's own first paragraph), then the earlier one. A copy may end inside a
word where the store cut the page or the description was cut with `…`.

What is compared is the words after any dateline prefix (`KONTAN.CO.ID - JAKARTA.`,
`JAKARTA.`), so a lead printed without its dateline still matches the body that has it.
Short blocks never count as copies on their own (headings, table rows and list items repeat
legitimately), except a heading printed twice in a row. The title, date line, caption, byline
and promos are gone by the time this runs (their filters come first): a caption that repeats
the body's first sentence is the caption filter's, and a promo the second copy carries (a line
of its own, or the end of a paragraph line) no longer stands between the copies.
"""

from __future__ import annotations

from ..model import Document
from ..site.patterns import DATELINE_PREFIX
from .base import Filter
from .dateline_prefix import without_dateline

MIN_WORDS = 8
"""A copy has at least this many words; blocks are looked up by their first this many."""
PROSE_WORDS = 20
"""A shorter copy must read as prose (end a sentence, or be this long): a table header or a
heading printed twice on purpose is left alone."""
MAX_CANDIDATES = 4
"""Blocks tried per opening: a page that prints one opening over and over stays linear."""
_ELLIPSIS = ("…", "...")
_SENTENCE_END = (".", "!", "?", "\"", "”", "’", ")", "…")


def _words(text: str) -> list[str]:
    words = without_dateline(text).split()
    if words and words[-1].endswith(_ELLIPSIS):  # a description cut with `…`
        words[-1] = words[-1].rstrip(".…")
        if not words[-1]:
            words.pop()
    return words


def _cut_short(text: str) -> bool:
    return text.rstrip().endswith(_ELLIPSIS)


def _wordy(words: list[str]) -> bool:
    """Mostly words, not figures: a heading rather than a table row."""
    return sum(w.isalpha() for w in words) * 2 >= len(words)


def _prose(text: str, words: int) -> bool:
    return words >= PROSE_WORDS or text.rstrip().endswith(_SENTENCE_END)


class _Run:
    """How far the words of block `a` run on through the blocks from a start position."""

    __slots__ = ("blocks", "inside", "cut", "matched")

    def __init__(self) -> None:
        self.blocks: list[int] = []
        """The blocks matched whole, in order."""
        self.inside: int | None = None
        """The block inside which `a` ends, when it does."""
        self.cut = False
        """One of the copies ends inside a word (the store or the description cut it)."""
        self.matched = 0


def _common(x: list[str], y: list[str]) -> int:
    n, i = min(len(x), len(y)), 0
    while i < n and x[i] == y[i]:
        i += 1
    return i


class Repeats(Filter):
    """Drops a repeated run of paragraphs, keeping the longer copy; records each removal."""

    name = "repeats"

    def apply(self, doc: Document) -> None:
        if doc.layout == "flattened":
            return
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.removed_by is None]
        if len(live) < 2:
            return
        words = [_words(blocks[i].text) for i in live]
        gone = self._exact_copies(doc, live, words)
        self._twice_in_a_row(doc, live, words, gone)
        # Where a copy may end inside a word: the page's last block, a description cut with `…`.
        cut = [_cut_short(blocks[i].text) for i in live]
        cut[-1] = True
        openings: dict[tuple[str, ...], list[int]] = {}
        for pos in range(len(live)):
            if gone[pos]:
                continue
            key = self._stream_key(words, pos)
            if key is not None and len(slot := openings.setdefault(key, [])) < MAX_CANDIDATES:
                slot.append(pos)
        for x in range(len(live)):
            if gone[x] or len(words[x]) < MIN_WORDS:
                continue
            for y in openings.get(tuple(words[x][:MIN_WORDS]), ()):
                if y == x or gone[y] or (y < x and len(words[y]) >= MIN_WORDS):
                    continue  # a pair of whole copies is settled from the earlier one
                a, start = (y, x) if len(words[y]) > len(words[x]) else (x, y)
                run = self._run(words, cut, a, start)
                if dropped := self._settle(doc, live, words, a, start, run):
                    for pos in dropped:
                        gone[pos] = True
                    break

    def _exact_copies(self, doc: Document, live: list[int], words: list[list[str]]) -> list[bool]:
        """Equal blocks, found by their words in one pass: all but one copy go."""
        gone = [False] * len(live)
        kept: dict[tuple[str, ...], int] = {}
        for pos, w in enumerate(words):
            if len(w) < MIN_WORDS:
                continue
            key = tuple(w)
            other = kept.setdefault(key, pos)
            if other == pos or not _prose(doc.blocks[live[pos]].text, len(w)):
                continue
            drop = self._equal_copies(doc, live, other, pos)
            doc.drop(doc.blocks[live[drop]], self.name, "printed again " + ("above" if drop == pos else "below"))
            gone[drop] = True
            kept[key] = pos if drop == other else other
        return gone

    def _twice_in_a_row(self, doc: Document, live: list[int], words: list[list[str]], gone: list[bool]) -> None:
        """A short line (a subheading) printed twice in a row: the second goes. Apart, short
        lines may repeat on purpose; in a row they are a rendering's double print."""
        for pos in range(1, len(live)):
            w, prev = words[pos], words[pos - 1]
            if gone[pos] or gone[pos - 1] or len(w) < 2 or len(w) >= MIN_WORDS or len(w) != len(prev):
                continue
            if " ".join(w).casefold() == " ".join(prev).casefold() and _wordy(w):
                doc.drop(doc.blocks[live[pos]], self.name, "printed twice in a row")
                gone[pos] = True

    @staticmethod
    def _stream_key(words: list[list[str]], pos: int) -> tuple[str, ...] | None:
        """The first MIN_WORDS words from block `pos` on (a short block runs on into the next)."""
        if len(words[pos]) >= MIN_WORDS:
            return tuple(words[pos][:MIN_WORDS])
        key: list[str] = []
        while pos < len(words) and len(key) < MIN_WORDS:
            key.extend(words[pos][:MIN_WORDS - len(key)])
            pos += 1
        return tuple(key) if len(key) == MIN_WORDS else None

    @staticmethod
    def _run(words: list[list[str]], cut: list[bool], a: int, start: int) -> _Run:
        """Follow the words of block `a` through the blocks from `start` on, as far as they agree."""
        run, aw, pos, last = _Run(), words[a], start, len(words) - 1
        while pos <= last and pos != a and run.matched < len(aw):
            rest, bw = aw[run.matched:], words[pos]
            same = _common(rest, bw)
            if not bw:
                break
            if same == len(bw):  # the whole block is the next words of `a`
                run.blocks.append(pos)
                run.matched += same
            elif same == len(rest):  # `a` ends inside this block
                run.matched += same
                run.inside = pos
                break
            elif cut[pos] and same == len(bw) - 1 and rest[same].startswith(bw[same]):
                run.blocks.append(pos)  # this copy ends inside a word
                run.matched += len(bw)
                run.cut = True
                break
            elif cut[a] and same == len(rest) - 1 and bw[same].startswith(rest[same]):
                run.matched += len(rest)  # `a` ends inside a word
                run.inside, run.cut = pos, True
                break
            else:
                break
            pos += 1
        return run

    @staticmethod
    def _equal_copies(doc: Document, live: list[int], x: int, y: int) -> int:
        """Which of two equal blocks goes: one without its dateline, else the later one."""
        first, second = sorted((x, y))
        dated = [DATELINE_PREFIX.match(doc.blocks[live[p]].text) is not None for p in (first, second)]
        return first if dated == [False, True] else second

    def _settle(self, doc: Document, live: list[int], words: list[list[str]], a: int, start: int,
                run: _Run) -> list[int]:
        """Drop the shorter copy; the positions dropped (none when this is no repeat)."""
        if run.matched < MIN_WORDS:
            return []
        blocks = doc.blocks
        if run.matched == len(words[a]):
            if run.inside is None and len(run.blocks) == 1:  # two equal blocks
                drop = self._equal_copies(doc, live, a, run.blocks[0])
                reason = "printed again " + ("below" if drop < max(a, run.blocks[0]) else "above")
            else:  # `a` is shorter than the run, or as long but in fewer paragraphs
                pieces = len(run.blocks) + (run.inside is not None)
                drop = a
                reason = "repeats text printed " + ("below" if start > a else "above") + (" in paragraphs" if pieces > 1 else "")
            if not (run.cut or _prose(blocks[live[drop]].text, len(words[drop]))):
                return []
            doc.drop(blocks[live[drop]], self.name, reason)
            return [drop]
        if not run.blocks or sum(len(words[p]) for p in run.blocks) < MIN_WORDS:
            return []
        if not (run.cut or _prose(blocks[live[run.blocks[-1]]].text, len(words[run.blocks[-1]]))):
            return []
        reason = "repeats the start of a longer copy" + (" (cut off inside a word)" if run.cut else "")
        for pos in run.blocks:
            doc.drop(blocks[live[pos]], self.name, reason)
        return run.blocks
