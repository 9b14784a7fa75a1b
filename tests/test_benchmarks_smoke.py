"""`python benchmarks/run.py --quick` runs to its summary line (a smoke run: no timing asserts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A benchmark script of benchmarks/ run to its end in a child (at most two minutes)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_benchmark_quick_runs(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    # The search benchmark has its own smoke run; leaving it out keeps this one well under 60 s.
    out = _run("run.py", "--quick", "--skip=search", env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert lines[-1].startswith("summary:"), out.stdout
    text = out.stdout
    assert "first frame" in text and "indexing" in text and "indexing floor" in text
    assert ("cold " in text and "warm " in text and "peak RSS" in text) or "skipped" in text
    assert "Traceback" not in out.stderr
    # The benchmark cleans up after itself: no replicated corpus left behind in the temp folder.
    assert not list((tmp_path / "cache").glob("**/*.sqlite"))


def test_pdf_tables_benchmark_runs_to_its_summary() -> None:
    out = _run("pdf_tables.py", "--pages", "2", "--repeat", "1")
    assert out.returncode == 0, out.stderr[-2000:]
    last = out.stdout.strip().splitlines()[-1]
    assert last.startswith(("summary: load", "skipped")), out.stdout


def test_ab_trees_runs_the_first_frame_on_both_trees(tmp_path: Path) -> None:
    # This tree against itself (any tree's tui/ folder would do): one round, first frame only.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = _run("ab_trees.py", str(ROOT / "tui"), "--rounds", "1", "--skip=search,start", env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    medians = [line for line in out.stdout.splitlines() if " median " in line]
    assert [line.split()[:2] for line in medians] == [["frame", "other"], ["frame", "this"]], out.stdout
