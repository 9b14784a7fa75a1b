"""Bad input never hurts: each case through the real CLI, with exit codes and stderr lines.

In a folder, a bad file costs one stderr line ("reportview: skipped PATH: why") and the other
reports still come out (exit 1). A PATH that does not exist, or a file named as PATH that holds no
report (empty, binary, unreadable), is exit 2.
"""

from __future__ import annotations

import json
import os
import resource
import stat
import sys
import time
from pathlib import Path

import pytest

from reportview.core.loading import discover, load_report
from robustness.helpers import REPORT_TEXT, Run, assert_no_traceback, run_cli

N_FIGURES = len(load_report.__globals__["parse_text"](REPORT_TEXT).figures)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks as on POSIX")


def _figures(run: Run) -> list[dict]:
    return [json.loads(line) for line in run.out.splitlines()]


def _folder_with_good_report(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT_TEXT, encoding="utf-8")
    return folder


def _assert_skipped(run: Run, name: str, why: str) -> None:
    """Exit 1, exactly one stderr line naming the file and the reason, the good report printed."""
    assert_no_traceback(run)
    assert run.code == 1, run.err
    assert len(run.err_lines) == 1, run.err
    line = run.err_lines[0]
    assert line.startswith("reportview: skipped ") and name in line and why in line, line
    figures = _figures(run)
    assert len(figures) == N_FIGURES and all(f["doc"].endswith("good.txt") for f in figures)


def _figures_of(folder: Path, timeout: float = 30) -> Run:
    return run_cli("figures", folder, "--format", "jsonl", "--no-cache", timeout=timeout)


def test_binary_file_in_a_folder_is_skipped(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    _assert_skipped(_figures_of(folder), "image.txt", "binary")


def test_binary_file_named_on_the_command_line_is_exit_2(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(os.urandom(4096) + b"\x00" * 64)
    run = run_cli("outline", path, "--no-cache")
    assert_no_traceback(run)
    assert run.code == 2 and len(run.err_lines) == 1 and "binary" in run.err


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_files_are_skipped_in_a_folder_and_exit_2_when_named(tmp_path, content):
    folder = _folder_with_good_report(tmp_path)
    (folder / "empty.txt").write_bytes(content)
    _assert_skipped(_figures_of(folder), "empty.txt", "empty")
    # The one rule (README, Exit codes): a file named as PATH that holds no report is bad input,
    # empty or binary alike.
    run = run_cli("outline", folder / "empty.txt", "--format", "json", "--no-cache")
    assert run.code == 2 and json.loads(run.out) == [] and len(run.err_lines) == 1
    assert "empty" in run.err


@posix_only
def test_fifo_in_a_folder_does_not_block(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would wait for a writer forever
    run = _figures_of(folder, timeout=60)  # a blocked open would hang until this kills it
    _assert_skipped(run, "pipe.txt", "not a regular file")


@posix_only
def test_fifo_named_on_the_command_line_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = run_cli("outline", fifo, "--no-cache", timeout=30)
    assert run.code == 2 and "not a regular file" in run.err


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_device_in_a_folder_is_skipped(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    os.symlink("/dev/zero", folder / "zero.txt")  # endless if read
    _assert_skipped(_figures_of(folder), "zero.txt", "not a regular file")


@posix_only
def test_dangling_symlink_is_skipped(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    os.symlink(tmp_path / "gone.txt", folder / "link.txt")
    _assert_skipped(_figures_of(folder), "link.txt", "dangling symbolic link")


@posix_only
def test_symlink_loops_are_skipped(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    os.symlink("b.txt", folder / "a.txt")  # a.txt -> b.txt -> a.txt
    os.symlink("a.txt", folder / "b.txt")
    sub = folder / "sub"
    sub.mkdir()
    os.symlink("..", sub / "up")  # a folder link back to an ancestor
    run = _figures_of(folder)
    assert_no_traceback(run)
    assert run.code == 1
    assert len(run.err_lines) == 3 and all("symbolic link loop" in ln for ln in run.err_lines), run.err
    assert len(_figures(run)) == N_FIGURES


@posix_only
def test_same_folder_through_two_links_is_read_once(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    os.symlink(folder, tmp_path / "alias")
    files, skipped = discover([folder, tmp_path / "alias"], [".txt"])
    assert len(files) == 1 and not skipped
    files, skipped = discover([folder / "good.txt", folder, folder / "good.txt"], [".txt"])
    assert len(files) == 1 and not skipped


def test_deep_folder_tree_is_walked_without_recursion_limits(tmp_path):
    deep = tmp_path / "deep"
    chain = [deep]
    deep.mkdir()
    for _ in range(1100):  # deeper than Python's default recursion limit
        chain.append(chain[-1] / "d")
        chain[-1].mkdir()
    (chain[-1] / "r.txt").write_text(REPORT_TEXT, encoding="utf-8")
    try:
        files, skipped = discover([deep], [".txt"])
        assert len(files) == 1 and not skipped
    finally:  # shutil.rmtree (pytest's cleanup) recurses, and would fail on this tree
        (chain[-1] / "r.txt").unlink()
        for folder in reversed(chain):
            folder.rmdir()


@posix_only
def test_unreadable_file_is_skipped(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text(REPORT_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        try:
            locked.open("rb").close()
        except PermissionError:
            pass
        else:
            pytest.skip("running with privileges that read chmod-000 files (root?): cannot test this here")
        _assert_skipped(_figures_of(folder), "locked.txt", "permission denied")
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)


@posix_only
def test_unreadable_folder_is_skipped(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "r.txt").write_text(REPORT_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that read chmod-000 folders (root?): cannot test this here")
        _assert_skipped(_figures_of(folder), "locked", "permission denied")
    finally:
        locked.chmod(stat.S_IRWXU)


def test_path_that_does_not_exist_is_exit_2(tmp_path):
    for command in ("outline", "figures", "search"):
        args = [command, "query"] if command == "search" else [command]
        run = run_cli(*args, tmp_path / "nope", "--no-cache")
        assert_no_traceback(run)
        assert run.code == 2 and len(run.err_lines) == 1 and "no such file or folder" in run.err


def test_good_file_and_missing_path_together_is_exit_2(tmp_path, report_file):
    run = run_cli("outline", report_file, tmp_path / "nope.txt", "--no-cache")
    assert run.code == 2 and "nope.txt" in run.err


def test_a_mixed_folder_skips_each_bad_file_and_keeps_the_rest(tmp_path):
    folder = _folder_with_good_report(tmp_path)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "empty.txt").write_bytes(b"")
    os.symlink(tmp_path / "missing", folder / "dangling.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "notes.xyz").write_bytes(b"\x00\x01")  # not a report extension: ignored silently
    run = _figures_of(folder)
    assert_no_traceback(run)
    assert run.code == 1
    assert sorted(ln.split(":")[1].rsplit("/", 1)[-1] for ln in run.err_lines) == [
        "binary.txt",
        "dangling.txt",
        "empty.txt",
        "fifo.txt",
    ]
    assert len(_figures(run)) == N_FIGURES


def _child_peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def test_20_mb_single_line_finishes_with_bounded_memory(tmp_path):
    """A whole corpus saved on one line: read in linear time, memory a small multiple of the file."""
    sentence = "Công tác tuyên truyền được đẩy mạnh, các hoạt động văn hóa diễn ra sôi nổi trên địa bàn. "
    figure = "Tổng thu ngân sách đạt 5.381,1 tỷ đồng, tăng 7% so với năm trước. "
    unit = (sentence * 40 + figure).encode("utf-8")
    size = 20 * 1024 * 1024
    path = tmp_path / "one-line.txt"
    path.write_bytes((unit * (size // len(unit) + 1))[:size].rsplit(b" ", 1)[0])
    assert b"\n" not in path.read_bytes()
    started = time.monotonic()
    run = run_cli("figures", path, "--format", "jsonl", "--no-cache", timeout=240)
    elapsed = time.monotonic() - started
    assert_no_traceback(run)
    assert run.code == 0, run.err
    figures = _figures(run)
    assert len(figures) >= size // len(unit) * 2  # each repeat has two figures
    assert {(f["text"], f["value"]) for f in figures} == {("5.381,1 tỷ đồng", 5381.1e9), ("7%", 7.0)}
    peak = _child_peak_rss_mb()  # the largest child so far: this CLI run dominates
    print(f"20 MB single line: {elapsed:.1f} s, {len(figures)} figures, child peak RSS {peak:.0f} MB")
    assert peak < 1024, f"peak RSS {peak:.0f} MB for a 20 MB file"


def test_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    from reportview.core import files, loading

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text(REPORT_TEXT * 10, encoding="utf-8")
    with pytest.raises(loading.InputError, match="too large"):
        loading.load_report(path)


def test_folder_with_10k_small_files(tmp_path):
    folder = tmp_path / "many"
    for block in range(10):
        sub = folder / f"part{block}"
        sub.mkdir(parents=True)
        for i in range(1000):
            n = block * 1000 + i
            (sub / f"r{n:05}.txt").write_text(
                f"Báo cáo số {n}\n\nDoanh thu đạt {n} tỷ đồng.\n", encoding="utf-8"
            )
    started = time.monotonic()
    run = run_cli("outline", folder, "--format", "json", "--no-cache", timeout=240)
    elapsed = time.monotonic() - started
    assert_no_traceback(run)
    assert run.code == 0, run.err[:500]
    outline = json.loads(run.out)
    assert len(outline) == 10_000
    assert [Path(o["doc"]).name for o in outline[:2]] == ["r00000.txt", "r00001.txt"]  # sorted
    print(f"10k files: {elapsed:.1f} s")


@pytest.mark.parametrize("joiner", ["\n", " "], ids=["many-lines", "one-line"])
def test_big_texts_read_in_pieces_give_the_same_figures(monkeypatch, joiner):
    """The pieces path (big texts, huge lines) finds what reading the whole text finds."""
    from reportview.core import loading

    text = joiner.join([REPORT_TEXT.replace("\n", joiner)] * 40)
    whole = loading.parse_text(text)
    monkeypatch.setattr(loading, "BIG_TEXT_CHARS", 2_000)
    monkeypatch.setattr(loading, "LINE_PIECE_CHARS", 3_000)
    monkeypatch.setattr(loading, "LONG_LINE_CHARS", 2_000)
    monkeypatch.setattr(loading, "PIECE_CHARS", 1_500)
    pieces = loading.parse_text(text)
    assert len(whole.figures) > 400
    key = [(f.start, f.end, f.value, f.unit, f.section_index) for f in whole.figures]
    assert [(f.start, f.end, f.value, f.unit, f.section_index) for f in pieces.figures] == key


def test_too_many_figures_are_capped_with_a_warning(monkeypatch):
    from reportview.core import loading

    monkeypatch.setattr(loading, "MAX_FIGURES", 50)
    report = loading.parse_text("Tỷ lệ 9% và 10% tăng. " * 100)
    assert len(report.figures) == 50
    assert any("only the first 50" in w for w in report.warnings)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_disk_is_one_line_exit_2(report_file):
    import subprocess

    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "reportview",
                "figures",
                str(report_file),
                "--format",
                "jsonl",
                "--no-cache",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["reportview: cannot write: No space left on device"]


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess

    big = tmp_path / "big.txt"
    big.write_text(REPORT_TEXT * 300, encoding="utf-8")  # megabytes of output: more than a pipe holds
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportview", "figures", str(big), "--format", "jsonl", "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 1)
    assert "Traceback" not in err and "Exception ignored" not in err


def test_permission_denied_is_a_skip_even_when_running_as_root(tmp_path, monkeypatch):
    """The same path as chmod 000 for a normal user, forced with a failing open (root reads all)."""
    import errno

    from reportview.core import loading

    folder = _folder_with_good_report(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text(REPORT_TEXT, encoding="utf-8")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(loading.os, "open", deny)
    reports, skipped = loading.load_paths([folder])
    assert [r.path.rsplit("/", 1)[-1] for r in reports] == ["good.txt"]
    assert [(s.path, s.reason) for s in skipped] == [(str(locked), "permission denied")]
