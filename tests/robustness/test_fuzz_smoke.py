"""benchmarks/fuzz.py runs, tries inputs of every kind and finds nothing (a 2-second run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz.py"


def test_fuzz_smoke():
    proc = subprocess.run(
        [sys.executable, str(FUZZ), "--seconds", "2", "--seed", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith("fuzz: ") and " inputs in " in first
    assert "failures: 0 distinct" in proc.stdout
