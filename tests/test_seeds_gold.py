"""The seeds against the hand-checked gold in ../shared, scored with the shared tools (regression floors)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT, SEED_FILES, shared_path


def _reportview(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportview", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_outline_matches_gold(tmp_path):
    scorer = shared_path("tools", "score_outline.py")
    gold = shared_path("gold", "outline.json")
    out = _reportview("outline", "--format", "json", *map(str, SEED_FILES))
    assert out.returncode == 0, out.stderr
    pred = tmp_path / "outline.json"
    pred.write_text(out.stdout, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--show-errors"], capture_output=True, text=True
    )
    line = score.stdout.strip().splitlines()[-1]
    assert (
        line == "outline: sections 25/25 titles 25/25 starts 25/25 spurious 0 | doc titles 5/5 dates 5/5"
    ), score.stdout


def test_figures_meet_the_floor(tmp_path):
    scorer = shared_path("tools", "score_figures.py")
    gold_dir = shared_path("gold", "figures")
    out = _reportview("figures", "--format", "jsonl", *map(str, SEED_FILES))
    assert out.returncode == 0, out.stderr
    pred = tmp_path / "pred.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(gold_dir.glob("*.jsonl"))), encoding="utf-8"
    )
    score = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--show-errors"], capture_output=True, text=True
    )
    last = score.stdout.strip().splitlines()[-1]
    m = re.search(r"F1=([\d.]+) kind=([\d.]+) unit=([\d.]+)", last)
    assert m, score.stdout
    f1, kind, unit = map(float, m.groups())
    assert f1 >= 0.98 and kind >= 0.98 and unit >= 0.90, score.stdout


def test_figures_jsonl_shape_and_offsets():
    out = _reportview("figures", "--format", "jsonl", *map(str, SEED_FILES))
    keys = {
        "doc",
        "section",
        "start",
        "end",
        "text",
        "value",
        "kind",
        "unit",
        "total",
        "qualifier",
        "change",
        "label",
    }
    texts = {str(p): p.read_text(encoding="utf-8-sig") for p in SEED_FILES}
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) > 300
    for row in rows:
        assert keys <= set(row)
        assert row["kind"] in {"count", "percent", "money", "ratio", "measure"}
        assert texts[row["doc"]][row["start"] : row["end"]] == row["text"]
        assert row["change"] in (None, "up", "down")
        assert row["qualifier"] in (None, "approx", "over", "under", "at_least")


def test_outline_over_the_news_corpus_has_no_error():
    corpus = shared_path("corpus", "vn-news")
    out = _reportview("outline", "--format", "json", str(corpus))
    assert out.returncode == 0, out.stderr[-2000:]
    reports = json.loads(out.stdout)
    # Every report file, less the corpus's own notes the shipped config excludes (SOURCE.md).
    notes = {"SOURCE.md", "SOURCES.md", "README.md", "LICENSE.md"}
    files = [p for p in [*corpus.glob("*.txt"), *corpus.glob("*.md")] if p.name not in notes]
    assert len(reports) == len(files) >= 2613
    assert not any(r["doc"].endswith("SOURCE.md") for r in reports)
    assert all(r["sections"] for r in reports), "every report has at least one section"


def test_figures_over_the_news_corpus_has_no_error():
    corpus = shared_path("corpus", "vn-news")
    out = _reportview("figures", "--format", "jsonl", str(corpus))
    assert out.returncode == 0, out.stderr[-2000:]
    assert len(out.stdout.splitlines()) > 10000
