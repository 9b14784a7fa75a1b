"""Smoke run of benchmarks/search_bench.py --quick: it runs, reports, and meets the latency target."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT, shared_path


def test_search_bench_quick():
    shared_path("corpus", "vn-news")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import search_bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    lines = search_bench.run(quick=True)
    text = "\n".join(lines)
    engine = next((ln for ln in lines if ln.startswith("engine ")), None)
    if engine is None:
        pytest.fail(text)
    p95 = float(re.search(r"p95\s+([\d.]+) ms", engine).group(1))
    # Quick runs are 10k sections; generous against noisy shared machines.
    assert p95 <= search_bench.TARGET_P95_MS, text
    assert any(ln.startswith("fzf") for ln in lines), text
