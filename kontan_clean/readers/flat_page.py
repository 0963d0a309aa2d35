"""A whole desktop page flattened: its header and its tail, split off the body again.

Flattening joins every line of the page with a space, so the site header, the ticker
banner, the title, the date line and the caption run into the byline, and the headline list
and the ads run on after the last sentence. The desktop page always lays these out in the
same order (see KONTAN.md), so they are found again by that order, anchored at the start
and the end of the text, and become line blocks of their own; the body between stays one
flattened block. Nothing is removed here: the filters judge every piece, as on a line
rendering, and record what they remove.
"""

from __future__ import annotations

import re

from ..model import Block
from ..site.patterns import (BYLINE_LABEL_IN_TEXT, CREDIT_DATE, CREDIT_SOURCE_IN_TEXT, DATE_IN_TEXT, DATE_TAIL,
                             DATELINE_PREFIX_AT, FLAT_TAIL_MARKER)
from ..text.header import header_run, is_header
from ..text.headline import name_end
from ..text.shape import TITLE_MAX_CHARS, skip_spaces, title_shaped
from ..text.words import at_most
from ..filters.caption import MAX_CAPTION_CHARS, caption_wording
from ..filters.head import is_byline

MAX_PIECE_WORDS = 30
"""A tail piece (an ad's title, a close button) is a line's worth of words."""
MAX_LIST_WORDS = 200
"""The headline list after `TERBARU`: up to ten headlines run together."""
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?:\s|$)")
"""Headlines and ad titles hold no sentence end: a tail piece or title holding one is text."""
_FULL_STOP = re.compile(r"\.[\"”’')]*(?:\s|$)")
"""A title may ask or exclaim (`Saatnya Jual?`) but holds no full stop."""
_CLOSE_BUTTONS = ("[X]", "×")
"""Tail markers that are a piece alone: `10 × 20 meter` is text."""
_LIST_HEADINGS = ("TERBARU", "TERPOPULER")
_TAIL_CUES = ("TERBARU", "TERPOPULER", "Academy", "WEBINAR", "[X]", "×")
"""Plain `in` tests, in C, before the markers are searched for."""


def split_flat(flat: str) -> list[Block]:
    """The blocks of flattened text `flat`: the desktop header and tail as line blocks when
    the page has them, the rest as one `flat` block."""
    head, start = _head(flat)
    if not head and (date := DATE_IN_TEXT.match(flat)):
        # a date line printed above the head (the site's header, or the title and its date
        # line): the head is read from under it, as the text is once the date line's
        # filter has taken it
        below, under = _head(flat, skip_spaces(flat, date.end()))
        if below:
            head, start = [Block(date.group(), "line")] + below, under
    # The tail only after a head: without the page's header, `... TERBARU TERBARU` is text
    # (an HTML paragraph may end so, and its clean text must read the same again).
    tail, end = _tail(flat, start) if head else ([], len(flat))
    body = flat[start:end].strip()
    return head + ([Block(body, "flat")] if body else []) + tail


def may_open_head(flat: str) -> bool:
    """A quick test that `split_flat` may find a head opening `flat` (never False where it
    would): the header or a date line opens it, or a date stands before the first full stop
    (the title before a date line holds none). A few us, where the date's own search and
    the rest of `split_flat` cost 7-13 on a paragraph."""
    if header_run(flat, 0) or DATE_IN_TEXT.match(flat):
        return True
    reach = TITLE_MAX_CHARS + 60
    if (stop := _FULL_STOP.search(flat, 0, reach)) is not None:
        reach = stop.end() + _DATE_AFTER_STOP  # `28 Okt. 2024 / 20:19`: a date may hold one
    return DATE_TAIL.search(flat, 0, reach) is not None


_DATE_AFTER_STOP = 40
"""How far a date runs on past a full stop inside it (an abbreviated month's)."""


def _head(flat: str, at: int = 0) -> tuple[list[Block], int]:
    """The header lines and ticker bullets the text opens with at `at`, then the title, its
    date line, the title printed again and the caption: the blocks, and where the rest starts."""
    run = header_run(flat, at)
    pieces = [Block(m.group(), "line") for m in run]
    pos = skip_spaces(flat, run[-1].end()) if run else at
    reach = pos + TITLE_MAX_CHARS + 60
    date = DATE_IN_TEXT.search(flat, pos, reach) if DATE_TAIL.search(flat, pos, reach) else None
    if date is None:
        return (pieces, pos) if is_header(run) else ([], 0)
    title = flat[pos:date.start()].strip()
    after = skip_spaces(flat, date.end())
    again = bool(title) and flat.startswith(title, after) and flat[after + len(title):after + len(title) + 1] in ("", " ")
    byline = _byline_at(flat, after + len(title) if again else after)
    # A date inside the first sentence is no date line: the title before it is a headline,
    # printed again under the date line, or with the byline straight after the date.
    if (title and not _headline(title)) or not (again or byline == after):
        return (pieces, pos) if is_header(run) else ([], 0)
    pieces += [Block(title, "line")] if title else []
    pieces.append(Block(date.group(), "line"))
    pos = after
    if again:
        pieces.append(Block(title, "line"))
        pos = skip_spaces(flat, pos + len(title))
    end = byline if byline is not None else _caption_end(flat, pos)
    if end is not None and end > pos:
        pieces.append(Block(flat[pos:end].strip(), "line"))  # the caption, judged by its filter
        pos = skip_spaces(flat, end)
    return pieces, pos


def _caption_end(flat: str, pos: int) -> int | None:
    """Where a caption at `pos` with no byline after it ends (page 2 of an article, a store
    that lost the byline): after its photo credit (`KONTAN/Hendra Wijaya/10/07/2023`, the
    name read as `name_end` reads one), else at the dateline after an `ILUSTRASI.` caption.
    None when no caption stands there: the text is the body's."""
    limit = min(len(flat), pos + MAX_CAPTION_CHARS)
    if credit := CREDIT_SOURCE_IN_TEXT.search(flat, pos, limit):
        end = name_end(flat, credit.end())
        if end > credit.end():
            if date := CREDIT_DATE.match(flat, end):
                end = date.end()
            return end if caption_wording(flat[pos:end].strip()) else None
    dateline = DATELINE_PREFIX_AT.search(flat, pos, limit)
    if dateline and dateline.start() > pos and caption_wording(flat[pos:dateline.start()].strip()):
        return dateline.start()
    return None


def _headline(text: str) -> bool:
    """Shaped as a title (`title_shaped`), no full stop, and none of the page's furniture in
    it (a byline, a dateline)."""
    return (title_shaped(text) and not _FULL_STOP.search(text) and "|" not in text
            and "KONTAN.CO.ID" not in text and not BYLINE_LABEL_IN_TEXT.search(text))


def _byline_at(flat: str, pos: int) -> int | None:
    """Where a byline starts within a caption's reach of `pos`, or None."""
    m = BYLINE_LABEL_IN_TEXT.search(flat, pos, pos + MAX_CAPTION_CHARS)
    return m.start() if m and is_byline(flat[m.start():m.start() + 400]) else None


def _tail(flat: str, start: int) -> tuple[list[Block], int]:
    """The furniture that closes the text, as blocks, and where it starts: a chain of tail
    pieces (each a marker and a few words) reaching the end of the text."""
    if not any(cue in flat for cue in _TAIL_CUES):
        return [], len(flat)
    marks = [m.start() for m in FLAT_TAIL_MARKER.finditer(flat, start)]
    end, first = len(flat), len(marks)
    for i in range(len(marks) - 1, -1, -1):
        if not _furniture(flat[marks[i]:end]):
            break
        first, end = i, marks[i]
    if first == len(marks):
        return [], len(flat)
    blocks = []
    for i in range(first, len(marks)):
        piece = flat[marks[i]:marks[i + 1] if i + 1 < len(marks) else len(flat)].strip()
        heading = next((h for h in _LIST_HEADINGS if piece.startswith(h)), None)
        if heading is None:
            blocks.append(Block(piece, "line"))
            continue
        blocks.append(Block(heading, "line"))
        if headlines := piece[len(heading):].strip():
            blocks.append(Block(headlines, "line", {"headlines": True}))
    return blocks, marks[first]


def _furniture(piece: str) -> bool:
    """A tail piece: a close button alone, or a marker and at most a line of words (a list's
    headlines after a list heading, each opening with a capital or a figure), with no
    sentence end in it."""
    piece = piece.strip()
    if piece.startswith(_CLOSE_BUTTONS):
        return piece in _CLOSE_BUTTONS
    heading = next((h for h in _LIST_HEADINGS if piece.startswith(h)), None)
    if heading is not None and (rest := piece[len(heading):].lstrip()) and not (rest[0].isupper() or rest[0].isdigit()):
        return False
    return at_most(piece, MAX_LIST_WORDS if heading else MAX_PIECE_WORDS) and not _SENTENCE_END.search(piece)
