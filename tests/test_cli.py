"""`kontan-clean`: stdin to stdout, every input and output format, errors as records and exit
codes, `--jobs`, `--explain`, `--output`, Ctrl-C, and one run as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kontan_clean import clean
from kontan_clean.cli import LineWriter, Paint, explain, main, use_colour
from conftest import ROOT, SAMPLES
from test_inputs import sample_warc

TEXT = SAMPLES / "text" / "desktop_rupiah_melemah.txt"
HTML = SAMPLES / "html" / "desktop_2024.html"
TEXT_PAGES = sorted((SAMPLES / "text").glob("*.txt"))
HTML_PAGES = sorted((SAMPLES / "html").glob("*.html"))


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


# -- one page -------------------------------------------------------------------------

def test_stdin_to_stdout_is_the_clean_text(capsys, monkeypatch) -> None:
    feed_stdin(monkeypatch, TEXT.read_bytes())
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert out == clean(TEXT.read_text(encoding="utf-8")).text + "\n"


def test_dash_reads_stdin_and_url_sets_the_category(capsys, monkeypatch) -> None:
    feed_stdin(monkeypatch, TEXT.read_bytes())
    code, out, _ = run(capsys, "-", "--format", "json", "--url", "https://investasi.kontan.co.id/news/x")
    assert code == 0 and json.loads(out)["category"] == "investasi" and json.loads(out)["id"] == "<stdin>"


def test_with_metadata_puts_the_metadata_above_the_text(capsys) -> None:
    code, out, _ = run(capsys, str(HTML), "--with-metadata")
    article = clean(HTML.read_bytes())
    head, body = out.split("\n\n", 1)
    assert code == 0 and body == article.text + "\n"
    assert head.splitlines()[:3] == [f"Title: {article.title}", "Published: 2024-10-28T20:19:00+07:00",
                                     "Reporters: Dimas Prasetyo, Nadia Kusumawardani"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats_for_one_page(capsys, fmt: str) -> None:
    code, out, _ = run(capsys, str(HTML), "--format", fmt)
    assert code == 0 and (len(out.splitlines()) == 1) == (fmt == "jsonl")
    expected = json.loads(json.dumps({"id": str(HTML), "input_url": None, "input_source": str(HTML), "error": None,
                                      "kind": None, **clean(HTML.read_bytes()).to_dict()}))
    assert json.loads(out) == expected


def test_a_page_without_an_article_says_so_and_exits_1(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("Konten tidak ditemukan")
    code, out, err = run(capsys, str(page))
    assert (code, out) == (1, "")
    assert err == f"kontan-clean: {page}: no article text found on the page (is it an article page?)\n"


@pytest.mark.parametrize("data,words", [(b"", "the input is empty"), (bytes(range(256)) * 8, "not text in any known encoding")],
                         ids=["empty", "binary"])
def test_empty_or_undecodable_input_exits_1_without_a_traceback(capsys, monkeypatch, data: bytes, words: str) -> None:
    feed_stdin(monkeypatch, data)
    code, out, err = run(capsys)
    assert code == 1 and out == "" and words in err and "Traceback" not in err and err.count("\n") == 1


def test_a_missing_file(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.html"))
    assert code == 1 and err == f"kontan-clean: cannot read {tmp_path / 'nope.html'}: No such file or directory\n"


@pytest.mark.parametrize("argv", [["--format", "xml"], ["--explain", "--format", "json"], ["--jobs", "-1"],
                                  ["--output", "x", "--format", "text"], ["--url", "u", "a.txt", "b.txt"],
                                  ["--timeout", "-1"], ["--resume", "a.txt"]])
def test_usage_errors_exit_2(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2 and "usage: kontan-clean" in capsys.readouterr().err


# -- explain --------------------------------------------------------------------------

def test_explain_lists_every_removal_in_page_order_plain_when_piped(capsys) -> None:
    code, out, _ = run(capsys, "--explain", str(TEXT))
    article = clean(TEXT.read_text(encoding="utf-8"))
    lines = out.splitlines()
    assert code == 0 and "\x1b[" not in out
    assert len(lines) == len(article.removed) + 1 and lines[-1].startswith("kept 7 paragraphs")
    assert lines[0].split() == ["site_chrome", "kontan.co.id", "[site", "header", "line]"]
    filters = [line.split()[0] for line in lines[:-1]]
    # the page order: header, ticker, title, date, title again, caption, byline, dateline, promos, ads, UI
    assert filters.index("ticker") < filters.index("title") < filters.index("published_line") < filters.index("byline")
    assert filters.index("promos") < filters.index("page_ads") < filters.index("ui")
    assert sorted(line.split("  ")[0].strip() for line in lines[:-1]) == sorted(r.filter for r in article.removed)
    assert any(line.startswith("ticker") and "• EMAS 1.489.000 -4.000 -0,27%" in line for line in lines)


def test_explain_colours_only_on_a_terminal_without_no_color(monkeypatch) -> None:
    article = clean(TEXT.read_text(encoding="utf-8"))
    assert "\x1b[1;33mticker" in explain(article, None, Paint(True))

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())


# -- batches --------------------------------------------------------------------------

def test_a_directory_gives_one_json_line_per_page_and_a_summary(capsys) -> None:
    code, out, err = run(capsys, str(SAMPLES / "text"))
    got = jsonl(out)
    assert code == 0
    assert [r["id"] for r in got] == [str(p) for p in TEXT_PAGES]
    assert [r["text"] for r in got] == [clean(p.read_text(encoding="utf-8")).text for p in TEXT_PAGES]
    assert err.startswith(f"kontan-clean: {len(TEXT_PAGES)} documents: {len(TEXT_PAGES)} cleaned, 0 failed; ")
    assert "documents/s" in err and "removed by filter: ticker " in err
    assert f"skipped: file of another format in a directory {len(TEXT_PAGES)}" in err  # the .expected.json files
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_batch_text_and_json_formats(capsys) -> None:
    files = [str(p) for p in TEXT_PAGES[:3]]
    code, out, _ = run(capsys, *files, "--format", "text", "-q")
    assert code == 0 and out.split("\n\f\n") == [clean(Path(f).read_text(encoding="utf-8")).text for f in files] + [""]
    code, out, err = run(capsys, *files, "--format", "json", "-q")
    assert code == 0 and err == "" and [r["id"] for r in json.loads(out)] == files


def _corpus_csv(path: Path, pages: list[Path]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["judul", "link", "paragraf"])
        for i, p in enumerate(pages):
            w.writerow([p.stem, f"https://nasional.kontan.co.id/news/{i}", p.read_text(encoding="utf-8")])
    return path


def test_csv_with_field_id_field_and_url_field(capsys, tmp_path: Path) -> None:
    path = _corpus_csv(tmp_path / "crawl.csv", TEXT_PAGES[:4])
    code, out, _ = run(capsys, str(path), "--field", "paragraf", "--id-field", "judul", "--url-field", "link")
    got = jsonl(out)
    assert code == 0 and [r["id"] for r in got] == [p.stem for p in TEXT_PAGES[:4]]
    assert got[2]["text"] == clean(TEXT_PAGES[2].read_text(encoding="utf-8")).text
    assert {r["category"] for r in got} == {"nasional"}


def test_warc_input(capsys, tmp_path: Path) -> None:
    path, expected = sample_warc(tmp_path / "crawl.warc.gz")
    code, out, err = run(capsys, str(path))
    got = jsonl(out)
    assert code == 0
    assert [(r["id"], r["text"]) for r in got] == [(rid, clean(page, url).text) for rid, url, page in expected]
    assert got[0]["input_url"] == expected[0][1]  # the WARC-Target-URI; "url" is the page's canonical URL
    assert got[0]["url"] == "https://keuangan.kontan.co.id/news/laba-bank-nusantara-sejahtera-tumbuh-142-hingga-kuartal-iii-2024"
    assert "skipped: WARC warcinfo record 1, WARC request record 1, non-HTML response 1, non-2xx HTTP response 1" in err


def test_warc_on_stdin_needs_input_format(capsys, monkeypatch, tmp_path: Path) -> None:
    path, expected = sample_warc(tmp_path / "crawl.warc.gz")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    code, out, _ = run(capsys, "--input-format", "warc", "-q")
    assert code == 0 and [r["id"] for r in jsonl(out)] == [rid for rid, _, _ in expected]


REPEAT = 12  # enough records for several chunks of 64 under --jobs 2


def _mixed_batch(tmp_path: Path) -> list[str]:
    lines = [json.dumps({"id": f"j{i}", "text": p.read_text(encoding="utf-8")}) for i, p in enumerate(TEXT_PAGES)]
    lines.insert(3, '{"id": "broken", "text": "no closing quote}')
    (tmp_path / "docs.jsonl").write_text("\n".join(lines * REPEAT) + "\n", encoding="utf-8")
    warc, _ = sample_warc(tmp_path / "crawl.warc.gz")
    return [str(SAMPLES / "html" / "*.html"), str(tmp_path / "docs.jsonl"), str(warc)]


def test_jobs_2_output_is_byte_identical_to_jobs_1(capsys, tmp_path: Path) -> None:
    inputs = _mixed_batch(tmp_path)
    one = run(capsys, *inputs, "--jobs", "1")
    two = run(capsys, *inputs, "--jobs", "2")
    assert one[0] == two[0] == 1  # the broken JSON lines
    assert one[1] == two[1] and len(one[1].splitlines()) == len(HTML_PAGES) + REPEAT * (len(TEXT_PAGES) + 1) + 2


def test_one_corrupt_record_among_n_gives_n_minus_1_results_and_one_error(capsys, tmp_path: Path) -> None:
    good = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in TEXT_PAGES]
    (tmp_path / "in.jsonl").write_text("\n".join(good[:5] + ['{"id": "bad", "text": '] + good[5:]) + "\n")
    code, out, err = run(capsys, str(tmp_path / "in.jsonl"))
    got = jsonl(out)
    assert code == 1 and len(got) == len(TEXT_PAGES) + 1
    [error] = [r for r in got if r["error"]]
    assert got.index(error) == 5
    assert error["id"] == f"{tmp_path / 'in.jsonl'}:6" and error["kind"] == "input"
    assert error["error"].startswith(f"{tmp_path / 'in.jsonl'}:6: not a JSON line")
    assert [r["text"] for r in got if not r["error"]] == [clean(p.read_text(encoding="utf-8")).text for p in TEXT_PAGES]
    assert f"{len(TEXT_PAGES) + 1} documents: {len(TEXT_PAGES)} cleaned, 1 failed (input 1)" in err


def test_unreadable_files_and_pages_without_article_are_error_records(capsys, tmp_path: Path) -> None:
    (tmp_path / "placeholder.txt").write_text("Konten tidak ditemukan")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 8)
    code, out, _ = run(capsys, str(TEXT), str(tmp_path / "missing.txt"), str(tmp_path / "placeholder.txt"),
                       str(tmp_path / "binary.html"), str(HTML))
    got = jsonl(out)
    assert code == 1
    assert [r["kind"] for r in got] == [None, "input", "no_article", "decode", None]
    head = {k: got[2].pop(k) for k in ("id", "input_url", "input_source", "error", "kind")}
    assert head == {"id": str(tmp_path / "placeholder.txt"), "input_url": None,
                    "input_source": str(tmp_path / "placeholder.txt"),
                    "error": "no article text found on the page", "kind": "no_article"}
    assert got[2] == dict.fromkeys(k for k in got[0] if k not in head)  # the article's keys, all null


def test_output_dir_writes_one_jsonl_per_input(capsys, tmp_path: Path) -> None:
    inputs = _mixed_batch(tmp_path)
    code, out, err = run(capsys, *inputs, "--output", str(tmp_path / "out"))
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.jsonl"))
    assert code == 1 and out == ""
    assert written == sorted([p.stem + ".jsonl" for p in HTML_PAGES] + ["crawl.jsonl", "docs.jsonl"])
    docs = jsonl((tmp_path / "out" / "docs.jsonl").read_text(encoding="utf-8"))
    assert len(docs) == REPEAT * (len(TEXT_PAGES) + 1) and docs[3]["id"] == f"{inputs[1]}:4"
    assert f"wrote {len(HTML_PAGES) + 2} files: " in err


def test_an_output_folder_that_holds_or_lies_in_an_input_is_refused(capsys, monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    page = tmp_path / "crawl" / "pages.jsonl"
    page.write_text(json.dumps({"id": "a", "text": TEXT.read_text(encoding="utf-8")}) + "\n")
    before = page.read_bytes()
    monkeypatch.chdir(tmp_path / "crawl")
    for argv in (["--output", ".", "pages.jsonl"],                          # cd d && kontan-clean --output . pages.jsonl
                 ["--output", str(tmp_path / "crawl" / "out"), str(tmp_path / "crawl")],  # read back next time
                 ["--output", str(tmp_path), "pages.jsonl"],                 # the input is below the folder
                 ["--output", str(tmp_path / "crawl"), str(tmp_path / "crawl" / "*.jsonl")]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2 and "read back as input" in capsys.readouterr().err
    assert page.read_bytes() == before and sorted(p.name for p in (tmp_path / "crawl").iterdir()) == ["pages.jsonl"]


def test_an_interrupted_output_run_leaves_only_complete_files(capsys, monkeypatch, tmp_path: Path) -> None:
    import kontan_clean.cli as cli

    real = cli.clean_records

    def interrupted(records, jobs, **options):
        for i, pair in enumerate(real(records, jobs, **options)):
            if i == 7:  # part-way through the second input
                raise KeyboardInterrupt
            yield pair

    inputs = []
    for name in ("a", "b"):
        lines = [json.dumps({"id": f"{name}{i}", "text": p.read_text(encoding="utf-8")}) for i, p in enumerate(TEXT_PAGES[:5])]
        (tmp_path / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        inputs.append(str(tmp_path / f"{name}.jsonl"))
    monkeypatch.setattr(cli, "clean_records", interrupted)
    code, _, err = run(capsys, "--output", str(tmp_path / "out"), *inputs)
    assert code == 130 and "interrupted (SIGINT)" in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.jsonl"]  # no part file, nothing unfinished
    assert len(jsonl((tmp_path / "out" / "a.jsonl").read_text(encoding="utf-8"))) == 5
    monkeypatch.setattr(cli, "clean_records", real)
    code, _, err = run(capsys, "--resume", "--output", str(tmp_path / "out"), *inputs)
    assert code == 0 and "already cleaned (--resume) 1" in err and "5 documents: 5 cleaned" in err
    assert [r["id"] for r in jsonl((tmp_path / "out" / "b.jsonl").read_text(encoding="utf-8"))] == [f"b{i}" for i in range(5)]


def test_an_output_folder_that_cannot_be_made_is_an_output_error(capsys, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    code, out, err = run(capsys, "--output", str(tmp_path / "file" / "out"), str(TEXT), str(HTML))
    assert code == 3 and out == "" and err.startswith("kontan-clean: cannot write ") and err.count("\n") == 1


def test_nothing_to_clean_in_a_directory(capsys, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    code, out, err = run(capsys, str(tmp_path))
    assert code == 1 and out == "" and "nothing to clean" in err


# -- Ctrl-C ---------------------------------------------------------------------------

def test_ctrl_c_leaves_complete_lines_prints_the_summary_so_far_and_exits_130(capsys, monkeypatch) -> None:
    import kontan_clean.cli as cli

    real = cli.clean_records

    def interrupted(records, jobs, **options):
        for i, pair in enumerate(real(records, jobs, **options)):
            if i == 2:
                raise KeyboardInterrupt
            yield pair

    monkeypatch.setattr(cli, "clean_records", interrupted)
    code, out, err = run(capsys, str(SAMPLES / "text"))
    assert code == 130 and len(jsonl(out)) == 2 and out.endswith("\n")
    assert err.startswith("kontan-clean: 2 documents: 2 cleaned, 0 failed; ")
    assert err.endswith("kontan-clean: interrupted (SIGINT); every line written so far is complete\n")
    code, out, _ = run(capsys, str(SAMPLES / "text"), "--format", "json")
    assert code == 130 and len(json.loads(out)) == 2  # the JSON array is closed


def test_a_signal_during_a_write_waits_for_the_whole_line() -> None:
    from kontan_clean.cli.signals import Interrupted, stop_signals

    class Slow(io.StringIO):
        def write(self, text: str) -> int:
            os.kill(os.getpid(), signal.SIGTERM)  # a stop signal in the middle of the write
            return super().write(text)

    stream = Slow()
    with stop_signals(), pytest.raises(Interrupted) as stop:
        LineWriter(stream).write('{"id": 1}\n')
    assert stream.getvalue() == '{"id": 1}\n' and stop.value.exit_status == 143
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_help_documents_the_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for code, words in [("0", "every document was cleaned"), ("1", "some failed"), ("2", "usage error"),
                        ("3", "output error"), ("130", "interrupted")]:
        assert any(line.split()[:1] == [code] and words in line for line in out.splitlines()), code


# -- a real process, and the real corpus ----------------------------------------------

def test_python_m_kontan_clean_in_a_pipe() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "kontan_clean"], input=HTML.read_bytes(), capture_output=True,
                          env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode("utf-8") == clean(HTML.read_bytes()).text + "\n"
    done = subprocess.run([sys.executable, "-m", "kontan_clean", "--explain"], input=b"Konten tidak ditemukan",
                          capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr == b"kontan-clean: <stdin>: no article text found on the page (is it an article page?)\n"


@pytest.mark.corpus
def test_the_crawler_csv_placeholders_become_error_records(capsys, corpus: Path) -> None:
    path = corpus / "raw" / "danielmahardhika_kontan-news-scraper_kontan.csv"
    code, out, err = run(capsys, str(path), "--field", "paragraf", "--id-field", "link", "--jobs", "2")
    got = jsonl(out)
    errors = [r for r in got if r["error"]]
    assert code == 1 and len(got) == 493 and len(errors) == 48
    assert {r["kind"] for r in errors} == {"no_article"}
    assert all(r["id"].startswith("https://") for r in got)
    assert "493 documents: 445 cleaned, 48 failed (no_article 48)" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_nothing_else_catches_is_one_internal_line_after_the_pages_before_it(tmp_path, monkeypatch,
                                                                                      capsys, jobs) -> None:
    import kontan_clean.cli as cli_module
    from kontan_clean.cli import main

    page = (SAMPLES / "text" / "desktop_rupiah_melemah.txt").read_text(encoding="utf-8")
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": f"r{i}", "text": page}) + "\n" for i in range(5)),
                                       encoding="utf-8")
    real = cli_module.read_records

    def breaks_after_the_records(*args, **kwargs):
        yield from real(*args, **kwargs)
        raise RuntimeError("something no reader expected")

    monkeypatch.setattr(cli_module, "read_records", breaks_after_the_records)
    assert main(["--jobs", jobs, str(tmp_path / "in.jsonl")]) == 1
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in lines] == [None] * 5 + ["internal"]
    assert "something no reader expected" in lines[-1]["error"] and "Traceback" not in err
    assert "6 documents: 5 cleaned, 1 failed (internal 1)" in err
