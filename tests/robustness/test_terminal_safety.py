"""Report text and file names never control the terminal; Rich markup is shown literally; JSON
outputs keep the exact text (escaped by JSON itself)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys

import pytest

from reportview.core.textsafe import is_safe, one_line, printable
from robustness.helpers import assert_no_traceback, run_cli

CSI = "\x1b[31m"
OSC52 = "\x1b]52;c;aGFja2Vk\x07"  # "set the clipboard to 'hacked'"
MARKUP = "[bold]x[/bold]"
RLO = "\u202e"
NASTY_TEXT = (
    "Báo cáo năm 2021 " + CSI + "đỏ\x1b[0m [red]y[/red]\n\n"
    f"1. Kinh tế {CSI}tăng{OSC52} trưởng {MARKUP} khá{RLO}ngược\n"
    f"Tổng sản phẩm đạt {CSI}39.399,4 tỷ đồng, tăng 7% so với năm 2020 {MARKUP}.\x08\x08\x7f\x9b2J\n"
    "2. Thu ngân sách\n"
    f"Thu ngân sách đạt 5.381,1 tỷ đồng {RLO}tăng{OSC52} 12%.\n"
)
# Raw bytes a terminal would act on: ESC, BEL, BS, DEL, C1 CSI, and the bidi override.
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def nasty(tmp_path):
    name = "esc\x1b[2Jname\u202e.txt" if sys.platform != "win32" else "nasty.txt"
    path = tmp_path / name
    path.write_text(NASTY_TEXT, encoding="utf-8")
    return path


def _assert_safe(output: str) -> None:
    bad = DANGEROUS.findall(output)
    assert not bad, f"raw control characters in text output: {bad!r}"


@pytest.mark.parametrize(
    "args",
    [
        ("outline", "--format", "text"),
        ("figures", "--format", "table"),
        ("figures", "--format", "csv"),
        ("figures", "--format", "tsv"),
    ],
    ids=lambda a: "-".join(a[::2]) + "-" + a[-1],
)
def test_text_outputs_neutralise_controls_from_text_and_file_names(nasty, args):
    run = run_cli(*args[:1], nasty, *args[1:], "--no-cache")
    assert_no_traceback(run)
    assert run.code == 0, run.err
    _assert_safe(run.out)
    _assert_safe(run.err)
    assert "␛" in run.out  # shown, not dropped
    if args[-1] != "table":  # the table is titled by the report's headline, not its file name
        assert "<U+202E>.txt" in run.out  # the file name's override, made visible


def test_search_text_output_is_neutralised(nasty):
    try:
        import reportview.core.search  # noqa: F401
    except ImportError:
        pytest.skip("search is not in this build yet")
    run = run_cli("search", "kinh te", nasty, "--no-cache")
    assert_no_traceback(run)
    assert run.code == 0, run.err
    _assert_safe(run.out)
    assert "␛" in run.out or "<U+202E>" in run.out


def test_rich_markup_in_a_report_is_shown_literally(nasty):
    run = run_cli("figures", nasty, "--format", "table", "--no-cache")
    assert "[red]y[/red]" in run.out  # the table's title: the report's headline, markup and all


def test_stderr_lines_neutralise_file_names(tmp_path):
    bad = tmp_path / "bad\x1b]52;c;aGk=\x07name.txt"
    bad.write_bytes(b"\x00" * 100)
    run = run_cli("outline", tmp_path, "--no-cache")
    assert run.code == 1
    _assert_safe(run.err)
    assert len(run.err_lines) == 1 and "␛]52" in run.err


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes non-UTF-8 names")
def test_non_utf8_file_names_do_not_crash_any_output(tmp_path, report_file):
    raw = os.fsencode(tmp_path) + b"/caf\xe9-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(report_file.read_bytes())
    for args in (("outline",), ("outline", "--format", "json"), ("figures", "--format", "csv")):
        run = run_cli(args[0], tmp_path, *args[1:], "--no-cache")
        assert_no_traceback(run)
        assert run.code == 0, run.err
        _assert_safe(run.out)
    run = run_cli("figures", tmp_path, "--format", "jsonl", "--no-cache")
    docs = {json.loads(line)["doc"] for line in run.out.splitlines()}
    assert os.fsencode(tmp_path) + b"/caf\xe9-\xff.txt" in {os.fsencode(d) for d in docs}


def test_json_outputs_keep_the_exact_text(nasty):
    run = run_cli("figures", nasty, "--format", "jsonl", "--no-cache")
    assert run.code == 0
    figures = [json.loads(line) for line in run.out.splitlines()]
    assert {f["doc"] for f in figures} == {str(nasty)}
    for f in figures:
        assert NASTY_TEXT[f["start"] : f["end"]] == f["text"]
    assert any(CSI in (f["label"] or "") or OSC52 in (f["label"] or "") for f in figures) or any(
        CSI in f["text"] for f in figures
    )
    _assert_safe(run.out)  # escaped as \u001b, \u202e: the parsed strings are exact
    run = run_cli("outline", nasty, "--format", "json", "--no-cache")
    outline = json.loads(run.out)
    assert outline[0]["doc"] == str(nasty)
    assert any(CSI in s["title"] or RLO in s["title"] for s in outline[0]["sections"])


def test_csv_output_is_still_csv(nasty):
    run = run_cli("figures", nasty, "--format", "csv", "--no-cache")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert rows and all(r["doc"].endswith("<U+202E>.txt") for r in rows)


def test_printable_and_one_line():
    assert printable("a\x1b[31mb") == "a␛[31mb"
    assert printable("\x07\x08\x7f\x9b") == "␇␈␡<U+009B>"
    assert printable("x\u202ey\u2066z") == "x<U+202E>y<U+2066>z"
    assert printable("line\nnext\ttab") == "line\nnext\ttab"
    assert printable("a\rb") == "a␍b"
    assert printable("caf\udce9") == "caf\\xe9"
    assert one_line("a\n\nb\u2028c") == "a b c"
    assert is_safe("Tăng 7%\n") and not is_safe("\x1b[0m")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a file system that takes newlines in names")
def test_a_newline_in_a_file_name_keeps_each_stderr_message_on_one_line(tmp_path, report_file):
    (tmp_path / "two\nlines.txt").write_bytes(b"\x00" * 64)
    (tmp_path / "fine\nname.txt").write_bytes(report_file.read_bytes())
    run = run_cli("outline", tmp_path, "--no-cache")
    assert run.code == 1
    assert run.err_lines == [
        f"reportview: skipped {tmp_path}/two␤lines.txt: binary file (NUL bytes), not text"
    ]
    assert f"{tmp_path}/fine␤name.txt\n" in run.out
