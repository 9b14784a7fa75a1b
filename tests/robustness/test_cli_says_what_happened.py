"""The command line explains itself: help with descriptions, defaults and examples; one line on
stderr when nothing came out; the figures format follows whether stdout is a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from robustness.helpers import REPORT_TEXT, assert_no_traceback, run_cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_30228f7ad0dec25a.txt"


@pytest.mark.parametrize("command", ["outline", "figures", "search", "export", "cache", "keys"])
def test_each_command_help_has_a_description_examples_and_exit_codes(command: str) -> None:
    run = run_cli(command, "--help")
    assert run.code == 0 and not run.err
    head, _, rest = run.out.partition("\n\n")
    assert head.startswith(f"usage: reportview {command}")
    description = rest.split("\n\n", 1)[0]
    assert len(description.split()) >= 5, description  # a sentence, not the option list
    assert "examples:\n  reportview " + command in run.out
    assert "exit codes:" in run.out and "2  bad usage" in run.out


def test_help_says_the_defaults() -> None:
    figures = run_cli("figures", "--help").out
    assert "table on a terminal, jsonl when piped" in " ".join(figures.split())
    outline = " ".join(run_cli("outline", "--help").out.split())
    assert "output format (default: text)" in outline
    assert "default: the corpus in config.yaml" in outline
    assert "--watch" in run_cli("--help").out


def test_search_without_a_query_asks_for_one_not_for_a_path() -> None:
    run = run_cli("search")
    assert_no_traceback(run)
    assert run.code == 2 and len(run.err_lines) == 1
    assert "give a QUERY" in run.err and "PATH is optional" in run.err


def test_nothing_found_is_one_line_on_stderr_and_exit_1(tmp_path: Path) -> None:
    run = run_cli("figures", SEED_000, "--section", "99", "--format", "table", "--no-cache")
    assert run.code == 1 and run.out == ""
    assert run.err_lines == ["reportview: no section 99 in 1 report (sections here: 1-10)"]
    run = run_cli("search", "zzzxxq", SEEDS, "--no-cache")
    assert run.code == 1 and run.out == ""
    assert run.err_lines == ["reportview: no results for 'zzzxxq' in 5 reports"]
    plain = tmp_path / "plain.txt"
    plain.write_text("Một đoạn văn không có con số nào cả, chỉ có chữ.\n", encoding="utf-8")
    run = run_cli("figures", plain, "--no-cache")
    assert run.code == 1 and run.err_lines == ["reportview: no figures in 1 report"]


def test_export_to_a_folder_says_so_in_one_line(tmp_path: Path) -> None:
    for target in (f"{tmp_path}/", f"{tmp_path}/new-folder/"):
        run = run_cli("export", SEED_000, "-o", target, "--no-cache")
        assert_no_traceback(run)
        assert run.code == 2 and len(run.err_lines) == 1
        assert "is a folder; name a file in it" in run.err and "unknown export format" not in run.err
    assert list(tmp_path.iterdir()) == []
    run = run_cli("export", SEED_000, "--section", "99", "-o", tmp_path / "x.csv", "--no-cache")
    assert run.code == 1 and run.err_lines == [
        "reportview: no section 99 in 1 report (sections here: 1-10); nothing written"
    ]
    assert not (tmp_path / "x.csv").exists()


def test_figures_piped_is_jsonl(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(REPORT_TEXT, encoding="utf-8")
    run = run_cli("figures", tmp_path / "r.txt", "--no-cache")
    assert run.code == 0
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert rows and all(r["doc"].endswith("r.txt") for r in rows)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_figures_on_a_terminal_is_a_table() -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportview", "figures", str(SEED_000), "--section", "6", "--no-cache"],
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            raise AssertionError("no output from the CLI on a terminal")
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    out = b"".join(chunks).decode("utf-8", "replace")
    assert "as written" in out and "39.399.400.000.000" in out  # the table, in the report's convention
    assert not out.lstrip().startswith("{")


def test_a_binary_and_an_empty_file_named_directly_exit_alike(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    codes = {run_cli("outline", p, "--no-cache").code for p in (empty, binary)}
    assert codes == {2}
    inside = run_cli("outline", tmp_path, "--no-cache")
    assert inside.code == 1 and len(inside.err_lines) == 2  # in a folder: skipped, said, exit 1


def test_keys_prints_what_help_shows_with_descriptions(tmp_path: Path) -> None:
    from reportview.ui.actions import ACTIONS

    config = tmp_path / "c.yaml"
    config.write_text("keys:\n  copy_row: R\n", encoding="utf-8")
    run = run_cli("keys", "--config", config)
    assert run.code == 0
    assert "question_mark" not in run.out and "right_square_bracket" not in run.out
    lines = {line.split()[0]: line for line in run.out.splitlines() if line.startswith("  ")}
    assert "this help" in lines["?"] and "keys.help" in lines["?"]
    assert "next report" in lines["]"]
    assert "keys.copy_row" in lines["R"] and "Y" not in lines  # the remap is what is printed
    for action in ACTIONS:
        assert action.help in run.out
