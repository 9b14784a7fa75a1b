"""Random keys over the whole app (benchmarks/app_fuzz.py, fixed seeds): no internal error, ever."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from apphelp import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
import app_fuzz

SEED_LIST = (0, 1, 2, 3)
KEYS_PER_SEED = 600  # 2,400 keys in all: every binding, search text, Esc, resizes


@pytest.fixture(autouse=True)
def _log_and_exports_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)  # an export confirmed by a random Enter lands here


@pytest.mark.parametrize("seed", SEED_LIST)
def test_random_keys_raise_nothing(seed: int) -> None:
    result = asyncio.run(app_fuzz.run_seed(seed, KEYS_PER_SEED, [str(SEEDS)]))
    assert result.keys >= KEYS_PER_SEED
    assert result.errors == []


def test_the_fuzzer_finds_a_broken_action(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same run with one action broken reports it (so a clean run means something).
    from reportview.ui.screens.main import MainScreen

    def broken(self) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(MainScreen, "action_next_report", broken)
    result = asyncio.run(app_fuzz.run_seed(0, 300, [str(SEEDS)]))
    assert any("broken on purpose" in e for e in result.errors)


def test_the_session_uses_every_registry_key() -> None:
    import random

    steps = app_fuzz._steps(random.Random(0), KEYS_PER_SEED * len(SEED_LIST))
    pressed = {k for kind, arg in steps if kind == "keys" for k in arg}  # type: ignore[union-attr]
    assert set(app_fuzz.registry_keys()) <= pressed
    assert any(kind == "resize" for kind, _ in steps)
