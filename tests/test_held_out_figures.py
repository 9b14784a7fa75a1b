"""Figures of real pages (tests/data/README.md cites each) against the hand-checked gold in
tests/data/held_out_figures.jsonl, scored as ../shared/tools/score_figures.py does."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from reportview.config import default_config
from reportview.core.loading import load_report

DATA = Path(__file__).parent / "data"
GOLD = [
    json.loads(line) for line in (DATA / "held_out_figures.jsonl").read_text(encoding="utf-8").splitlines()
]


def _same_value(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def score(gold: list[dict], pred: list[dict]) -> tuple[dict[str, int], list[str]]:
    """score_figures.py's counts: a prediction matches a gold figure of the same document whose span
    it overlaps and whose value it agrees with; optional gold is neither rewarded nor punished."""
    tot = dict.fromkeys(("tp", "fp", "fn", "kind", "unit", "upper"), 0)
    errors: list[str] = []
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    for doc, golds in by_doc.items():
        used: set[int] = set()
        for p in sorted((p for p in pred if p["doc"] == doc), key=lambda r: r["start"]):
            hit = next(
                (
                    i
                    for i, g in enumerate(golds)
                    if i not in used
                    and p["start"] < g["end"]
                    and g["start"] < p["end"]
                    and _same_value(p["value"], g["value"])
                ),
                None,
            )
            if hit is None:
                if not any(g["optional"] and p["start"] < g["end"] and g["start"] < p["end"] for g in golds):
                    tot["fp"] += 1
                    errors.append(f"FP {doc} {p['text']!r} {p['value']}")
                continue
            used.add(hit)
            g = golds[hit]
            if g["optional"]:
                continue
            tot["tp"] += 1
            tot["kind"] += p["kind"] == g["kind"]
            tot["unit"] += " ".join(str(p["unit"]).lower().split()) == " ".join(
                str(g["unit"]).lower().split()
            )
            tot["upper"] += p["upper"] == g["upper"] or (
                p["upper"] is not None and g["upper"] is not None and _same_value(p["upper"], g["upper"])
            )
        for i, g in enumerate(golds):
            if i not in used and not g["optional"]:
                tot["fn"] += 1
                errors.append(f"FN {doc} {g['text']!r} {g['value']}")
    return tot, errors


def test_real_pages_figures_score_at_least_098_with_kinds_units_and_ranges():
    docs = sorted({g["doc"] for g in GOLD})
    assert len(docs) >= 10
    pred = []
    for doc in docs:
        report = load_report(DATA / doc, default_config())
        pred += [f.as_json(doc) for f in report.figures]
    tot, errors = score(GOLD, pred)
    p = tot["tp"] / max(1, tot["tp"] + tot["fp"])
    r = tot["tp"] / max(1, tot["tp"] + tot["fn"])
    f1 = 2 * p * r / max(1e-9, p + r)
    print(f"figures: P={p:.3f} R={r:.3f} F1={f1:.3f} ({tot})")
    assert f1 >= 0.98, errors
    assert tot["kind"] == tot["unit"] == tot["tp"], "kind or unit wrong on a matched figure"
    assert tot["upper"] == tot["tp"], "a range read without its upper end (or a figure given one)"


def test_the_scorer_counts_misses_and_spurious_figures():
    gold = [
        {"doc": "d", "start": 0, "end": 3, "text": "8%", "value": 8.0, "kind": "percent", "unit": "%",
         "upper": None, "optional": False},
        {"doc": "d", "start": 10, "end": 12, "text": "5", "value": 5.0, "kind": "count", "unit": "x",
         "upper": None, "optional": True},
    ]  # fmt: skip
    pred = [
        {
            "doc": "d",
            "start": 10,
            "end": 11,
            "text": "5",
            "value": 5.0,
            "kind": "count",
            "unit": "x",
            "upper": None,
        },
        {
            "doc": "d",
            "start": 20,
            "end": 22,
            "text": "7",
            "value": 7.0,
            "kind": "count",
            "unit": "x",
            "upper": None,
        },
    ]
    tot, errors = score(gold, pred)
    assert (tot["tp"], tot["fp"], tot["fn"]) == (0, 1, 1)
    assert errors == ["FP d '7' 7.0", "FN d '8%' 8.0"]
