"""Config errors are one stderr line naming the file and line (exit 2, no traceback); exports never
overwrite without --force, are atomic, and never go into the corpus folders."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from reportview.config import ConfigError, read_config_file
from reportview.core.export import ExportError, atomic_write
from robustness.helpers import REPORT_TEXT, assert_no_traceback, run_cli

BAD_CONFIGS = {
    # name: (content, line named in the message, words in the message)
    "syntax": ("theme: textual-dark\nsearch:\n  limit: [10\n", 4, "YAML error"),
    "tab": ("search:\n\tlimit: 3\n", 2, "YAML error"),
    "wrong-type": ("search:\n  limit: ten\n", 2, "expected a whole number"),
    "wrong-type-list": ("corpus: seeds/\nextensions: .txt\n", 1, "expected a list"),
    "unknown-key": ("theme: textual-dark\ncolour: red\n", 2, "unknown key 'colour'"),
    "unknown-nested-key": ("loading:\n  workers: 2\n  threads: 4\n", 3, "unknown key 'loading.threads'"),
    "bad-regex": ("furniture:\n  lines:\n    - '^ok$'\n    - '([a-z'\n", 4, "bad regular expression"),
    "bad-choice": ("clipboard:\n  method: telepathy\n", 2, "expected one of"),
    "negative": ("figures:\n  magnitudes:\n    tỷ: -1\n", 3, "expected a positive number"),
    "duplicate-key": ("theme: nord\ntheme: dracula\n", 2, "duplicate key"),
    "unknown-theme": ("search:\n  limit: 3\ntheme: solarised\n", 3, "theme: expected one of"),
    "watch-not-bool": ("watch: sometimes\n", 1, "watch: expected true or false"),
    "unknown-tag": ("theme: !python/object:os.system ls\n", 1, "YAML error"),
    "list-as-key": ("? [a, b]\n: 1\n", 1, "a key must be a plain name"),
    "top-level-list": ("- a\n- b\n", 1, "expected a mapping"),
    "two-documents": ("theme: a\n---\ntheme: b\n", 2, "YAML error"),
    "deep": ("corpus: " + "[" * 3000 + "]" * 3000 + "\n", 1, "nested too deeply"),
}
BINARY_CONFIGS = {
    "binary": (bytes(range(256)) * 4, 2, "not a UTF-8 text file"),  # byte 0x80 is after the first \n
    "nul": (b"theme: a\nsearch:\x00\n", 2, "NUL"),
    "utf16": ("theme: a\n".encode("utf-16"), 1, "not a UTF-8 text file"),
}


def _check_one_line(run, path: Path, line: int | None, words: str) -> None:
    assert_no_traceback(run)
    assert run.code == 2, run.err
    assert len(run.err_lines) == 1, run.err
    message = run.err_lines[0]
    where = f"{path}:{line}:" if line else f"{path}:"
    assert where in message and words in message, message


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_bad_config_is_one_line_with_file_and_line(tmp_path, report_file, name):
    content, line, words = BAD_CONFIGS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(content, encoding="utf-8")
    _check_one_line(run_cli("outline", report_file, "--config", path, "--no-cache"), path, line, words)


@pytest.mark.parametrize("name", sorted(BINARY_CONFIGS))
def test_binary_config_is_one_line_with_file_and_line(tmp_path, report_file, name):
    content, line, words = BINARY_CONFIGS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    _check_one_line(run_cli("figures", report_file, "--config", path), path, line, words)


def test_config_before_the_command_and_from_the_environment_are_checked_too(tmp_path, report_file):
    path = tmp_path / "bad.yaml"
    path.write_text("colour: red\n", encoding="utf-8")
    _check_one_line(run_cli("--config", path, "outline", report_file), path, 1, "unknown key")
    os.environ["REPORTVIEW_CONFIG"] = str(path)
    try:
        _check_one_line(run_cli("outline", report_file), path, 1, "unknown key")
    finally:
        del os.environ["REPORTVIEW_CONFIG"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs as on POSIX")
def test_config_that_is_a_folder_a_fifo_or_missing(tmp_path, report_file):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for path, words in (
        (tmp_path, "a folder"),
        (fifo, "not a regular file"),
        (tmp_path / "no.yaml", "cannot read"),
    ):
        run = run_cli("outline", report_file, "--config", path, timeout=30)
        _check_one_line(run, path, None, words)


def test_good_config_still_works(tmp_path, report_file):
    path = tmp_path / "ok.yaml"
    path.write_text("search:\n  limit: 5\nfurniture:\n  lines: ['^Lượt xem']\n", encoding="utf-8")
    assert read_config_file(path)["search"]["limit"] == 5
    run = run_cli("outline", report_file, "--config", path, "--no-cache")
    assert run.code == 0 and not run.err


def test_config_error_is_a_config_error_in_the_library(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("search: {limit: 0}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_config_file(path)
    assert info.value.line == 1 and "search.limit" in str(info.value)


# --- exports -----------------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_TEXT.replace("39.399,4", "12.345,6"), encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".md", ".xlsx"])
def test_export_refuses_to_overwrite_without_force(tmp_path, corpus, suffix):
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")
    out = tmp_path / f"figures{suffix}"
    first = run_cli("export", corpus, "--output", out, "--no-cache")
    assert first.code == 0, first.err
    written = out.read_bytes()
    assert written and oct(out.stat().st_mode & 0o777) != oct(0o600)  # a normal file's mode
    again = run_cli("export", corpus, "--output", out, "--no-cache")
    assert_no_traceback(again)
    assert again.code == 2 and len(again.err_lines) == 1 and "--force" in again.err
    assert out.read_bytes() == written
    forced = run_cli("export", corpus, "--output", out, "--force", "--no-cache")
    assert forced.code == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left over


def test_export_never_writes_into_the_corpus(tmp_path, corpus):
    before = _snapshot(corpus)
    for target in (corpus / "out.csv", corpus / "sub" / "out.csv"):
        (corpus / "sub").mkdir(exist_ok=True)
        run = run_cli("export", corpus, "--output", target, "--force", "--no-cache")
        assert_no_traceback(run)
        assert run.code == 2 and "corpus folder" in run.err
    link = tmp_path / "link-into-corpus"
    link.symlink_to(corpus)
    run = run_cli("export", corpus, "--output", link / "out.csv", "--no-cache")
    assert run.code == 2
    (corpus / "sub").rmdir()
    assert _snapshot(corpus) == before
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt", "b.txt"]


def test_export_to_a_folder_or_unknown_format_is_refused_before_reading(tmp_path, corpus):
    (tmp_path / "dir.csv").mkdir()
    for target, words in (
        (tmp_path / "dir.csv", "is a folder"),
        (tmp_path / "x.txt", "unknown export format"),
    ):
        run = run_cli("export", corpus, "--output", target, "--force", "--no-cache")
        assert run.code == 2 and words in run.err and len(run.err_lines) == 1


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def failing(tmp: str) -> None:
        Path(tmp).write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, failing, force=True)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_atomic_write_without_force_loses_a_race_safely(tmp_path):
    """A file that appears between the check and the move is not overwritten."""
    target = tmp_path / "out.json"
    ready = threading.Event()

    def slow(tmp: str) -> None:
        Path(tmp).write_text("new")
        target.write_text("someone else's")  # appears while we write
        ready.set()

    with pytest.raises(ExportError, match="exists"):
        atomic_write(target, slow, force=False)
    assert target.read_text() == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_export_json_keeps_exact_text(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "r.txt").write_text(REPORT_TEXT.replace("tăng 7%", "tăng \x1b[31m7%"), encoding="utf-8")
    out = tmp_path / "f.json"
    assert run_cli("export", folder, "--output", out, "--no-cache").code == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    text = (folder / "r.txt").read_text(encoding="utf-8")
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
