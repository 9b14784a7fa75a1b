"""Smoke run of benchmarks/app_search_bench.py on a tiny corpus (seeds/): it runs and reports.

No timing asserts: the numbers are the benchmark's business, this only checks that every key
press was seen drawn and that each report line is there.
"""

from __future__ import annotations

import re
import sys

from conftest import ROOT, SEEDS


def test_app_search_bench_tiny():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import app_search_bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    lines = app_search_bench.run(
        quick=True, source=SEEDS, sizes=[100], phrases=["ngân sáhc", "GRDP"], rounds=1
    )
    text = "\n".join(lines)
    app = next((ln for ln in lines if ln.startswith("app key -> drawn")), None)
    assert app is not None, text
    assert "over 13 key presses" in app, text
    assert "never drawn" not in text, text
    assert re.search(r"p50 +[\d.]+ ms +p95 +[\d.]+ ms +max +[\d.]+ ms", app), text
    for start in ("baseline engine alone", "baseline bare Textual", "where the time goes", "frame work, app"):
        assert any(ln.startswith(start) for ln in lines), text
