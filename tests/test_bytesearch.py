"""`readers.bytesearch.find` answers as `bytes.find` does, on either side of the stretch it
hands from `bytes.find` to `memmem`, and without `memmem` at all."""

from __future__ import annotations

import random

import pytest

from kontan_clean.readers import bytesearch
from kontan_clean.readers.bytesearch import NEAR, find

NEEDLES = (b"</head>", b"itemprop=\"articleBody\"", b"<", b"ab")


@pytest.mark.parametrize("needle", NEEDLES)
@pytest.mark.parametrize("at", [0, NEAR - 8, NEAR - 3, NEAR - 1, NEAR, NEAR + 1, 3 * NEAR, 5 * NEAR - 7])
@pytest.mark.parametrize("start", [0, 1, 100])
def test_a_hit_anywhere_is_found_where_bytes_find_finds_it(needle: bytes, at: int, start: int) -> None:
    page = b"x" * at + needle + b"y" * 50 + needle
    for end in (None, len(page), len(page) - 1, at + len(needle), at + len(needle) - 1):
        expected = page.find(needle, start, len(page) if end is None else end)
        assert find(page, needle, start, end) == expected


def test_random_pages() -> None:
    # A seeded loop rather than hypothesis: its examples kept alive slowed the growth-ratio
    # tests that run after this file (test_linear_text) past their bound.
    rnd = random.Random(13)
    for _ in range(400):
        page = bytes(rnd.choice(b"ab<>/hed ") for _ in range(rnd.randint(0, 3 * NEAR)))
        needle = rnd.choice(NEEDLES)
        start, end = rnd.randint(0, len(page)), rnd.randint(0, len(page) + 10)
        assert find(page, needle, start, end) == page.find(needle, start, end)


def test_without_memmem(monkeypatch: pytest.MonkeyPatch) -> None:
    page = b"-" * (4 * NEAR) + b"</head>"
    monkeypatch.setattr(bytesearch, "_MEMMEM", None)
    assert find(page, b"</head>") == 4 * NEAR
    assert find(page, b"</body>") == -1
