"""Bad input gets the library's own documented errors, never a stray exception."""

from __future__ import annotations

import pytest

from kontan_clean import EmptyInputError, KontanCleanError, NoArticleError, clean


@pytest.mark.parametrize("bad", [None, 42, ["a"], 3.5])
def test_wrong_types(bad) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        clean(bad)


@pytest.mark.parametrize("empty", ["", "   \n\t ", b"", b"  "])
def test_empty(empty) -> None:
    with pytest.raises(EmptyInputError):
        clean(empty)


def test_crawler_placeholder_is_no_article() -> None:
    with pytest.raises(NoArticleError):
        clean("Konten tidak ditemukan")


def test_only_boilerplate_is_no_article() -> None:
    with pytest.raises(KontanCleanError, match="no article text"):
        clean("[X]\n×\nTERBARU\nKontan Academy")
