"""The pipeline is a named, editable list of filters, and every removal is recorded."""

from __future__ import annotations

import pytest

from kontan_clean import BlockFilter, Document, Pipeline, clean
from kontan_clean.model import Block

PAGE = """Harga Emas Naik Tajam
Senin, 28 Oktober 2024 / 20:19 WIB
Reporter: Ani Wijaya | Editor: Budi Santoso
KONTAN.CO.ID - JAKARTA. Harga emas naik tajam pada Senin (28/10).
Baca Juga: Rupiah Menguat di Awal Pekan
Investor memburu aset aman di tengah ketidakpastian global.
[X]
"""


def test_default_names_in_order() -> None:
    names = Pipeline.default().names
    assert names[:6] == ["flat_head", "layout", "html_junk", "ui", "site_chrome", "ticker"]
    assert names.index("pagination") < names.index("promos") and names.index("title") < names.index("repeats")
    assert names.index("title") < names.index("published_line") < names.index("byline") < names.index("promos")


def test_every_removal_names_its_filter() -> None:
    a = clean(PAGE)
    assert a.paragraphs == ["Harga emas naik tajam pada Senin (28/10).", "Investor memburu aset aman di tengah ketidakpastian global."]
    by = {r.filter for r in a.removed}
    assert by == {"ui", "title", "published_line", "byline", "dateline_prefix", "promos"}
    assert any(r.filter == "promos" and r.text == "Baca Juga: Rupiah Menguat di Awal Pekan" for r in a.removed)


def test_drop_a_filter_keeps_what_it_removed() -> None:
    a = clean(PAGE, pipeline=Pipeline.default().remove("promos"))
    assert "Baca Juga: Rupiah Menguat di Awal Pekan" in a.paragraphs
    assert a.related == []


def test_plain_callable_as_filter_before_a_named_one() -> None:
    seen: list[str] = []

    def shout(doc: Document) -> None:
        seen.append(doc.live()[0].text)
        for block in doc.live():
            if "Investor" in block.text:
                doc.drop(block, "shout", "no investors today")

    p = Pipeline.default().add(shout, before="title")
    assert p.names.index("shout") == p.names.index("title") - 1
    a = clean(PAGE, pipeline=p)
    assert seen == ["Harga Emas Naik Tajam"]  # ran before the title filter
    assert a.paragraphs == ["Harga emas naik tajam pada Senin (28/10)."]
    assert ("shout", "no investors today") in {(r.filter, r.reason) for r in a.removed}


def test_block_filter_subclass_and_replace() -> None:
    class NoGlobal(BlockFilter):
        name = "no_global"

        def reason(self, block: Block) -> str | None:
            return "mentions global" if "global" in block.text else None

    p = Pipeline.default().replace("ui", NoGlobal())
    assert "ui" not in p and p.names.index("no_global") == Pipeline.default().names.index("ui")
    a = clean(PAGE, pipeline=p)
    assert "[X]" in a.paragraphs and all("global" not in t for t in a.paragraphs)


def test_add_rejects_duplicates_and_unknown_names() -> None:
    p = Pipeline.default()
    with pytest.raises(ValueError):
        p.add(lambda doc: None, name="ui")
    with pytest.raises(KeyError, match="no filter named 'nope'"):
        p.remove("nope")
    with pytest.raises(TypeError):
        p.add(42)


def test_copy_is_independent() -> None:
    p = Pipeline.default()
    q = p.copy().remove("ui")
    assert "ui" in p and "ui" not in q


# ---- what a cut uncovers is judged again ----------------------------------------------

def _prefix_cutter(prefix: str):
    """A user's filter, run last, that cuts `prefix` off every block that opens with it."""
    def cut_prefix(doc: Document) -> None:
        for block in doc.live():
            if block.text.startswith(prefix):
                doc.cut(block, 0, len(prefix), "cut_prefix", "test prefix")
    return cut_prefix


BULLET = "• EMAS 1.527.000 -7.000 -0,46%"


def test_a_ticker_bullet_a_later_cut_uncovers_is_removed() -> None:
    page = PAGE.replace("[X]", f"XX {BULLET}")
    a = clean(page, pipeline=Pipeline.default().add(_prefix_cutter("XX "), name="cut_prefix"))
    assert BULLET not in a.text
    assert [(q.name, q.value) for q in a.market] == [("EMAS", 1527000.0)]
    assert [r.filter for r in a.removed][-2:] == ["cut_prefix", "ticker"]
    assert clean(a.text).text == a.text


def test_a_dropped_filter_does_not_come_back_in_a_recheck() -> None:
    page = PAGE.replace("[X]", f"XX {BULLET}")
    p = Pipeline.default().remove("ticker").add(_prefix_cutter("XX "), name="cut_prefix")
    assert BULLET in clean(page, pipeline=p).paragraphs


def test_only_filters_that_ran_before_the_cut_recheck() -> None:
    """A filter placed after the cutter sees the new text in its own turn, once."""
    calls: list[str] = []

    class Spy(BlockFilter):
        name = "spy"

        def reason(self, block: Block) -> str | None:
            calls.append(block.text)
            return None

    before = Pipeline.default().add(Spy(), first=True).add(_prefix_cutter("Investor "), name="cut_prefix")
    clean(PAGE, pipeline=before)
    assert calls.count("memburu aset aman di tengah ketidakpastian global.") == 1
    calls.clear()
    after = Pipeline.default().add(_prefix_cutter("Investor "), name="cut_prefix", first=True).add(Spy())
    clean(PAGE, pipeline=after)
    assert calls.count("memburu aset aman di tengah ketidakpastian global.") == 1


def test_a_date_line_a_byline_cut_uncovers_is_taken() -> None:
    """`Reporter: X | Editor: Y` and the date line in one HTML paragraph: the byline filter
    runs after the date line filter, whose recheck takes the date once the byline is cut."""
    page = ('<html><body><h1 class="detail-desk">Harga Emas Naik</h1><div itemprop="articleBody">'
            "<p>Reporter: Ani Wijaya | Editor: Budi Santoso</p><p>Senin, 28 Oktober 2024 / 20:19 WIB</p>"
            "<p>Harga emas naik tajam.</p></div></body></html>")
    plain = clean(page)
    glued = page.replace("Santoso</p><p>Senin", "Santoso Senin")
    p = Pipeline.default().add(_prefix_cutter("Reporter: Ani Wijaya | Editor: Budi Santoso "), name="cut_prefix",
                               before="byline")
    a = clean(glued, pipeline=p)
    assert a.paragraphs == plain.paragraphs == ["Harga emas naik tajam."]
    assert a.published == plain.published and a.published is not None


def test_rechecks_that_never_end_stop_and_say_so() -> None:
    """A recheck that always cuts again is stopped after MAX_RECHECK_ROUNDS rounds, and the
    page's warnings say so: the rest is never cleaned in silence."""
    from kontan_clean.filters.base import Filter
    from kontan_clean.model import Block, Document
    from kontan_clean.pipeline import MAX_RECHECK_ROUNDS, Pipeline

    class Nibble(Filter):
        name = "nibble"

        def apply(self, doc: Document) -> None:
            self.recheck(doc, doc.live())

        def recheck(self, doc: Document, blocks: list[Block]) -> None:
            for block in blocks:
                if block.text.startswith("x"):
                    doc.cut(block, 0, 1, self.name, "one x")

    def once(doc: Document) -> None:  # a later filter's cut: Nibble judges what it leaves
        doc.cut(doc.blocks[0], 0, 1, "once", "one x")

    doc = Document([Block("x" * 50 + " rest", "line")], form="lines")
    Pipeline([Nibble(), once]).run(doc)
    assert doc.blocks[0].text == "x" * (50 - 2 - MAX_RECHECK_ROUNDS) + " rest"
    assert any("rechecks" in w for w in doc.warnings)


def test_settle_runs_after_every_filter_and_for_filters_added_later() -> None:
    """`settle` is called once, after every filter's `apply`, on the filters that define it,
    also on one added after the pipeline has run a page."""
    from kontan_clean.filters.base import Filter
    from kontan_clean.model import Block, Document
    from kontan_clean.pipeline import Pipeline

    calls: list[str] = []

    class Settler(Filter):
        def __init__(self, name: str) -> None:
            self.name = name

        def apply(self, doc: Document) -> None:
            calls.append(f"apply {self.name}")

        def settle(self, doc: Document) -> None:
            calls.append(f"settle {self.name}")

    pipeline = Pipeline([Settler("a"), Settler("b")])
    pipeline.run(Document([Block("x", "line")], form="lines"))
    assert calls == ["apply a", "apply b", "settle a", "settle b"]
    calls.clear()
    pipeline.add(Settler("c"))
    pipeline.run(Document([Block("x", "line")], form="lines"))
    assert calls == ["apply a", "apply b", "apply c", "settle a", "settle b", "settle c"]


@pytest.mark.parametrize("settled", [True, False])
def test_a_filter_that_reads_settled_has_the_earlier_rechecks_run_first(settled: bool) -> None:
    """A block an earlier filter drops only on its recheck (the `[X]` a cut leaves) is gone
    before the turn of a filter that `reads_settled`; one that does not still sees it, and
    the recheck after the last filter drops it all the same."""
    from kontan_clean.filters.base import Filter

    seen: list[list[str]] = []

    class Reader(Filter):
        name = "reader"

        def reads_settled(self, doc: Document) -> bool:
            return settled

        def apply(self, doc: Document) -> None:
            seen.append([b.text for b in doc.live()])

    doc = Document([Block("XX [X]", "line"), Block("Harga emas naik tajam.", "line")], form="lines")
    Pipeline([Pipeline.default().get("ui"), _prefix_cutter("XX "), Reader()]).run(doc)
    assert seen == ([["Harga emas naik tajam."]] if settled else [["[X]", "Harga emas naik tajam."]])
    assert [b.text for b in doc.live()] == ["Harga emas naik tajam."]
