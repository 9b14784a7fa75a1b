"""Outlines of real pages nobody tuned the rules for (tests/data/README.md cites each), against the
hand-checked gold in tests/data/held_out_outline.json, scored as ../shared/tools/score_outline.py does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportview.core.loading import load_report

DATA = Path(__file__).parent / "data"
GOLD = json.loads((DATA / "held_out_outline.json").read_text(encoding="utf-8"))


def fold(s: object) -> str:
    """score_outline.py's comparison: whitespace folded, a trailing '.' or ':' dropped, case folded."""
    return " ".join(str(s or "").split()).strip().rstrip(".:").casefold()


def score(gold: dict, pred: dict) -> tuple[dict[str, int], list[str]]:
    """score_outline.py's counts for one document: only numbered sections are compared."""
    counts = dict.fromkeys(("n", "found", "titles", "starts", "spurious", "doc_title", "date"), 0)
    errors = []
    counts["doc_title"] = fold(pred.get("title")) == fold(gold.get("title"))
    counts["date"] = (pred.get("date") or None) == (gold.get("date") or None)
    if not counts["doc_title"]:
        errors.append(f"title {pred.get('title')!r} != {gold.get('title')!r}")
    if not counts["date"]:
        errors.append(f"date {pred.get('date')!r} != {gold.get('date')!r}")
    psec = {s["number"]: s for s in pred.get("sections", []) if s.get("number") is not None}
    gsec = {s["number"]: s for s in gold.get("sections", [])}
    counts["spurious"] = len(set(psec) - set(gsec))
    errors += [f"spurious section {n} {psec[n].get('title')!r}" for n in sorted(set(psec) - set(gsec))]
    for num, gs in sorted(gsec.items()):
        counts["n"] += 1
        ps = psec.get(num)
        if ps is None:
            errors.append(f"section {num} missing")
            continue
        counts["found"] += 1
        if fold(ps.get("title")) == fold(gs.get("title")):
            counts["titles"] += 1
        else:
            errors.append(f"section {num} title {ps.get('title')!r} != {gs.get('title')!r}")
        if ps.get("start") == gs.get("start"):
            counts["starts"] += 1
        else:
            errors.append(f"section {num} start {ps.get('start')} != {gs.get('start')}")
    return counts, errors


def _outline(doc: str) -> dict:
    return load_report(DATA / doc).outline_json()


@pytest.mark.parametrize("gold", GOLD, ids=[g["doc"] for g in GOLD])
def test_held_out_outline(gold):
    _, errors = score(gold, _outline(gold["doc"]))
    assert not errors, errors


def test_gold_starts_are_heading_lines():
    """The gold itself: every start is the first character of a line that carries the section's number."""
    for gold in GOLD:
        text = (DATA / gold["doc"]).read_text(encoding="utf-8")
        for s in gold["sections"]:
            start = s["start"]
            assert start == 0 or text[:start].rstrip(" \t").endswith("\n"), (gold["doc"], s)
            head = text[start : start + 12]
            assert any(ch.isdigit() for ch in head) or head.lstrip().startswith(("I", "V", "X")), (gold, s)


def test_scorer_counts_like_the_shared_tool():
    """The reimplemented scorer on a made-up prediction: one wrong title, one missing, one spurious."""
    gold = {
        "title": "T",
        "date": "2021-01-02",
        "sections": [{"number": 1, "title": "A", "start": 5}, {"number": 2, "title": "B", "start": 9}],
    }
    pred = {
        "title": "t.",
        "date": None,
        "sections": [
            {"number": 1, "title": " a: ", "start": 5},
            {"number": 3, "title": "C", "start": 20},
            {"number": None, "title": "lead", "start": 0},
        ],
    }
    counts, errors = score(gold, pred)
    assert counts == {"n": 2, "found": 1, "titles": 1, "starts": 1, "spurious": 1, "doc_title": 1, "date": 0}
    assert len(errors) == 3
