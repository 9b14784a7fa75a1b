"""Smoke run of benchmarks/search_bench.py --quick: it runs and reports every line.

No timing asserts: machines here differ 2-3x in speed; the latency target is printed by the
benchmark itself (beside its baselines), never checked by a test.
"""

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
    assert re.search(r"p50\s+[\d.]+ ms.*p95\s+[\d.]+ ms", engine), text
    assert any(ln.startswith("fzf") for ln in lines), text
