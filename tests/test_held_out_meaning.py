"""What the held-out reports' figures mean (issue 13): label, base, period and place checked by hand in
data/held_out_meaning.jsonl (held_out_vi/en, and four statistics pages of held_out_figures.jsonl), scored
as ../shared/tools/score_attrs.py scores the seeds (label token F1, base where the gold has one, period
and place with None == None), held to the issue's floors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from reportview.config import default_config
from reportview.core.loading import load_report

DATA = Path(__file__).parent / "data"


def _token_f1(gold: str | None, pred: str | None) -> float:
    g, p = (gold or "").lower().split(), (pred or "").lower().split()
    if not g and not p:
        return 1.0
    common = sum((Counter(g) & Counter(p)).values())
    if not g or not p or not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def _pairs() -> list[tuple[dict, object]]:
    gold = [json.loads(line) for line in (DATA / "held_out_meaning.jsonl").read_text("utf-8").splitlines()]
    reports = {doc: load_report(DATA / doc, default_config()) for doc in {g["doc"] for g in gold}}
    pairs = []
    for g in gold:
        # Rows with a start are the figures of held_out_figures.jsonl; the others are named by text.
        if "start" in g:
            figure = next(f for f in reports[g["doc"]].figures if f.start <= g["start"] < f.end)
        else:
            figure = next(f for f in reports[g["doc"]].figures if f.text == g["text"])
        pairs.append((g, figure))
    return pairs


def test_held_out_labels_bases_periods_places_meet_the_floors():
    pairs = _pairs()
    n = len(pairs)
    labels = sum(_token_f1(g["label"], f.label) >= 0.5 for g, f in pairs)
    with_base = [(g, f) for g, f in pairs if g["base"]]
    bases = sum(g["base"] == f.base for g, f in with_base)
    periods = sum(g["period"] == f.period for g, f in pairs)
    places = sum(g["place"] == f.place for g, f in pairs)
    print(
        f"held-out: label {labels}/{n}, base {bases}/{len(with_base)}, period {periods}/{n}, place {places}/{n}"
    )
    assert labels >= 0.9 * n
    assert bases >= 0.9 * len(with_base)
    assert periods >= 0.95 * n
    assert places >= 0.95 * n


def test_held_out_reports_place_and_period():
    vi = load_report(DATA / "held_out_vi.txt", default_config())
    en = load_report(DATA / "held_out_en.txt", default_config())
    assert (vi.place, vi.period) == ("tỉnh Hà Nam", "2021")
    assert (en.place, en.period) == (None, "2021-Q1")
