"""Text the page prints twice: one copy goes, the longer one stays.

Kontan's pages repeat themselves in a few ways: the AMP lead block (the meta description,
often the whole short body on one line) above the title and the body again below it; a
store that cut the page off inside that second copy; a paragraph printed twice. All are the
same fact: a run of paragraphs whose words repeat, in order, words printed elsewhere on the
page. The copy with more words stays (it lost nothing); between equal copies the one split
into more paragraphs stays (it kept the page's breaks), then the one that carries the
dateline (the body's own first paragraph), then the earlier one. A copy may end inside a
word where the store cut the page or the description was cut with `…`.

Copies that stand apart are a double print only when the print is doubled around them too
(`_Page.doubled`): next to each other, one above the title or the body's dateline (the AMP
lead) or opening the page with a title-like line under it (as the page cleaned again reads an
AMP lead), one in several paragraphs, or with repeated paragraphs beside them; or when the
shorter copy is cut short (the page's last block, a word or a `…` cut). Otherwise the
repetition is the article's own (a listicle's terms line after each item, a later recap
that goes on from the dateline paragraph) and every copy stays, in order.

What is compared is the words after any dateline prefix (`KONTAN.CO.ID - JAKARTA.`,
`JAKARTA.`), so a lead printed without its dateline still matches the body that has it.
Short blocks never count as copies on their own (headings, table rows and list items repeat
legitimately), except a heading printed twice in a row. The title, date line, caption, byline
and promos are gone by the time this runs (their filters come first): a caption that repeats
the body's first sentence is the caption filter's, and a promo the second copy carries (a line
of its own, or the end of a paragraph line) no longer stands between the copies. Nor does what
an earlier filter's cut left for it to judge again (`[X]` before a promo): the pipeline runs
those rechecks before this filter's turn (`reads_settled`).
"""

from __future__ import annotations

from bisect import bisect_left

from ..model import Document
from ..site.patterns import DATELINE_PREFIX, OLD_DATELINE
from ..text.shape import OPENING_WORDS, ends_sentence, opening
from ..text.copies import common_start, copy_words, cut_short
from ..text.words import mostly_words
from .base import Filter
from .head import furniture
from .layout import LEAD_LOOKAHEAD, may_lead, title_like

MIN_WORDS = OPENING_WORDS
"""A copy has at least this many words; blocks are looked up by their first this many."""
PROSE_WORDS = 20
"""A shorter copy must read as prose (end a sentence, or be this long): a table header or a
heading printed twice on purpose is left alone."""
MAX_CANDIDATES = 4
"""Blocks tried per opening: a page that prints one opening over and over stays linear."""
LEAD_REACH = 4
"""The body's dateline stands among the first few blocks; above it is the AMP lead."""


def _prose(text: str, words: int) -> bool:
    return words >= PROSE_WORDS or ends_sentence(text)


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


class _Page:
    """Where the page is printed twice: copies that stand apart count only when the print is
    doubled around them too. An article may repeat a sentence of its own (a listicle's terms
    line after each item, a recipe step, a Q&A formula); a rendering that prints text twice
    puts the copies next to each other, or one above the title (the AMP lead), or doubles a
    run of paragraphs."""

    __slots__ = ("doc", "live", "words", "gone", "lead_end", "_skip", "_skip_back")

    def __init__(self, doc: Document, live: list[int], words: list[list[str]]) -> None:
        self.doc, self.live, self.words = doc, live, words
        self.gone = [False] * len(live)
        """Positions dropped so far; a position is never un-dropped."""
        self._skip = list(range(1, len(live) + 1))
        self._skip_back = list(range(-1, len(live) - 1))
        self.lead_end = self._lead_end()

    def kept_after(self, pos: int) -> int:
        """The first position after `pos` not gone (`len(live)` if none).

        Checking the gap between two copies slice by slice rescans it at every copy: a page
        of 10,000 equal paragraphs took seconds. `_skip` pointers jump over runs of gone
        positions and are shortened as they are followed, which stays valid because `gone`
        only ever turns True: near-linear over a page."""
        gone, skip = self.gone, self._skip
        path, at = [], pos + 1
        while at < len(gone) and gone[at]:
            path.append(at)
            at = skip[at]
        for p in path:
            skip[p] = at
        return at

    def kept_before(self, pos: int) -> int:
        """The last position before `pos` not gone (-1 if none): `kept_after` backwards."""
        gone, skip = self.gone, self._skip_back
        path, at = [], pos - 1
        while at >= 0 and gone[at]:
            path.append(at)
            at = skip[at]
        for p in path:
            skip[p] = at
        return at

    def _lead_end(self) -> int:
        """Positions before this stand above the article: above the title, or above the
        body's dateline near the top."""
        blocks = self.doc.blocks
        title = next((i for i, b in enumerate(blocks) if b.removed_by == "title"), None)
        if title is not None:
            return bisect_left(self.live, title)
        for pos in range(1, min(len(self.live), LEAD_REACH + 1)):
            text = blocks[self.live[pos]].text
            if DATELINE_PREFIX.match(text) or OLD_DATELINE.match(text):
                return pos
        return 1 if self.doc.layout == "amp_lead" else 0

    def doubled(self, one: tuple[int, int], other: tuple[int, int]) -> bool:
        """Whether two copies (first and last position of each) are a double print: next to
        each other, one in the lead area, one in several paragraphs, or the paragraphs
        around them repeated as well."""
        (a0, a1), (b0, b1) = sorted((one, other))
        if self.kept_after(a1) >= b0 or a0 < self.lead_end or a1 > a0 or b1 > b0 or self._reads_as_lead(a0, b0):
            return True
        # The neighbours as the page prints them (a copy dropped beside one is still a sign of
        # a doubled run), and as it stands now, as the page cleaned again will have them.
        return (self._same(a0 - 1, b0 - 1) or self._same(a1 + 1, b1 + 1)
                or self._same(self.kept_before(a0), self.kept_before(b0))
                or self._same(self.kept_after(a1), self.kept_after(b1)))

    def _reads_as_lead(self, a0: int, b0: int) -> bool:
        """The first copy opens the page, a title-like line stands under it and the other copy
        comes a few blocks after: the page cleaned again reads them as an AMP lead (see
        `layout`) and drops one, so they are a double print now too."""
        if self.kept_before(a0) != -1 or not may_lead(self.doc.blocks[self.live[a0]].text):
            return False
        at = self.kept_after(a0)
        if at >= b0 or not title_like(self.doc.blocks[self.live[at]].text):
            return False
        for _ in range(LEAD_LOOKAHEAD):
            at = self.kept_after(at)
            if at >= b0:
                return at == b0
        return False

    def _same(self, x: int, y: int) -> bool:
        """Positions `x` and `y` both on the page and holding the same words (some)."""
        words = self.words
        return 0 <= x < len(words) and 0 <= y < len(words) and bool(words[x]) and words[x] == words[y]

    def cut_at(self, pos: int) -> bool:
        """The copy ending at `pos` may be cut short: the page's last block still there, or one
        ending in `…`."""
        return self.kept_after(pos) == len(self.live) or cut_short(self.doc.blocks[self.live[pos]].text)


_LONGEST_FURNITURE = 200
"""Head furniture is short (a byline runs to a few names): a longer block is not asked."""


def _furniture(doc: Document, text: str) -> bool:
    """Head furniture (`head.furniture`, in the page's memo), for a block short enough to be any."""
    return len(text) <= _LONGEST_FURNITURE and furniture(text, doc.memo)


class Repeats(Filter):
    """Drops a repeated run of paragraphs, keeping the longer copy; records each removal."""

    name = "repeats"

    def reads_settled(self, doc: Document) -> bool:
        """Copies are compared across the page as the earlier filters leave it; a page of one
        block has none to compare (not worth the rechecks twice: most flattened pages)."""
        live = 0
        for block in doc.blocks:
            live += block.removed_by is None
            if live == 2:
                return True
        return False

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        # Head furniture still standing (a lone dateline, dropped by its filter after this
        # one) is not looked at: it neither is a copy nor parts two copies, nor stands beside
        # them, as on the page cleaned again, where it is gone.
        live = [i for i, b in enumerate(blocks) if b.removed_by is None and not _furniture(doc, b.text)]
        if len(live) < 2:
            return
        words = [copy_words(blocks[i].text) for i in live]
        page = _Page(doc, live, words)
        gone = page.gone
        self._exact_copies(page)
        self._twice_in_a_row(doc, live, words, gone)
        # Where a copy may end inside a word: the page's last block, a description cut with `…`.
        # The last block still there: the page cleaned again ends with it.
        cut = [cut_short(blocks[i].text) for i in live]
        if (last := page.kept_before(len(live))) >= 0:
            cut[last] = True
        openings: dict[tuple[str, ...], list[int]] = {}
        for pos in range(len(live)):
            if gone[pos]:
                continue
            key = opening(words, pos)
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
                if dropped := self._settle(page, a, start, run):
                    for pos in dropped:
                        gone[pos] = True
                    break

    def _exact_copies(self, page: _Page) -> None:
        """Equal blocks, found by their words in one pass: of a double print one copy goes."""
        doc, live, gone = page.doc, page.live, page.gone
        kept: dict[tuple[str, ...], int] = {}
        for pos, w in enumerate(page.words):
            if len(w) < MIN_WORDS:
                continue
            key = tuple(w)
            other = kept.setdefault(key, pos)
            if other == pos or not _prose(doc.blocks[live[pos]].text, len(w)):
                continue
            if not page.doubled((other, other), (pos, pos)):
                kept[key] = pos  # the article's own repetition: both stay, the later is compared on
                continue
            drop = self._drop_equal(page, other, pos)
            kept[key] = pos if drop == other else other

    def _twice_in_a_row(self, doc: Document, live: list[int], words: list[list[str]], gone: list[bool]) -> None:
        """A short line (a subheading) printed twice or more in a row: all but the first go.
        Apart, short lines may repeat on purpose; in a row they are a rendering's double print."""
        kept = None  # the last block still there
        for pos in range(len(live)):
            if gone[pos]:
                continue
            w = words[pos]
            prev: list[str] = words[kept] if kept is not None else []
            if (2 <= len(w) < MIN_WORDS and len(w) == len(prev) and " ".join(w).casefold() == " ".join(prev).casefold()
                    and mostly_words(w)):
                doc.drop(doc.blocks[live[pos]], self.name, "printed twice in a row")
                gone[pos] = True
            else:
                kept = pos

    @staticmethod
    def _run(words: list[list[str]], cut: list[bool], a: int, start: int) -> _Run:
        """Follow the words of block `a` through the blocks from `start` on, as far as they agree."""
        run, aw, pos, last = _Run(), words[a], start, len(words) - 1
        while pos <= last and pos != a and run.matched < len(aw):
            bw = words[pos]
            if not bw:
                break
            # The words of `a` still to match, no more of them than the block has: a slice of
            # all the rest at every block made a long `a` copied in short blocks quadratic.
            left, rest = len(aw) - run.matched, aw[run.matched:run.matched + len(bw)]
            same = common_start(rest, bw)
            if same == len(bw):  # the whole block is the next words of `a`
                run.blocks.append(pos)
                run.matched += same
            elif same == left:  # `a` ends inside this block
                run.matched += same
                run.inside = pos
                break
            elif cut[pos] and same == len(bw) - 1 and rest[same].startswith(bw[same]):
                run.blocks.append(pos)  # this copy ends inside a word
                run.matched += len(bw)
                run.cut = True
                break
            elif cut[a] and same == left - 1 and bw[same].startswith(rest[same]):
                run.matched += left  # `a` ends inside a word
                run.inside, run.cut = pos, True
                break
            else:
                break
            pos += 1
        return run

    def _drop_equal(self, page: _Page, x: int, y: int) -> int:
        """Drop one of two equal blocks (one without its dateline, else the later one); its position."""
        doc, live = page.doc, page.live
        first, second = sorted((x, y))
        dated = [DATELINE_PREFIX.match(doc.blocks[live[p]].text) is not None for p in (first, second)]
        drop = first if dated == [False, True] else second
        doc.drop(doc.blocks[live[drop]], self.name, "printed again " + ("below" if drop == first else "above"))
        page.gone[drop] = True
        return drop

    def _settle(self, page: _Page, a: int, start: int, run: _Run) -> list[int]:
        """Drop the shorter copy of a double print; the positions dropped (none when this is
        no repeat, or the article's own: a later recap that goes on from a paragraph keeps both)."""
        if run.matched < MIN_WORDS:
            return []
        doc, live, words, blocks = page.doc, page.live, page.words, page.doc.blocks
        end = run.inside if run.inside is not None else run.blocks[-1] if run.blocks else start
        if run.matched == len(words[a]):
            if run.inside is None and len(run.blocks) == 1:  # two equal blocks, one cut short
                if not (run.cut or page.doubled((a, a), (start, end))):
                    return []
                return [self._drop_equal(page, a, run.blocks[0])]
            # `a` is shorter than the run, or as long but in fewer paragraphs
            pieces = len(run.blocks) + (run.inside is not None)
            if not (run.cut or _prose(blocks[live[a]].text, len(words[a]))):
                return []
            if not (run.cut or cut_short(blocks[live[a]].text) or page.doubled((a, a), (start, end))):
                return []
            reason = "repeats text printed " + ("below" if start > a else "above") + (" in paragraphs" if pieces > 1 else "")
            doc.drop(blocks[live[a]], self.name, reason)
            return [a]
        if not run.blocks or sum(len(words[p]) for p in run.blocks) < MIN_WORDS:
            return []
        if not (run.cut or _prose(blocks[live[run.blocks[-1]]].text, len(words[run.blocks[-1]]))):
            return []
        if not (run.cut or page.cut_at(run.blocks[-1]) or page.doubled((a, a), (run.blocks[0], run.blocks[-1]))):
            return []
        reason = "repeats the start of a longer copy" + (" (cut off inside a word)" if run.cut else "")
        for pos in run.blocks:
            doc.drop(blocks[live[pos]], self.name, reason)
        return run.blocks
