"""Shared fixtures: the bundled seeds, ../shared (gold, corpus, tools) when present, an isolated cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("REPORTVIEW_SHARED", ROOT.parent / "shared"))
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (not present beside the checkout)")
    return path


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's config and cache folders."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("REPORTVIEW_CONFIG", raising=False)


@pytest.fixture(scope="session")
def seed_reports():
    from reportview.config import default_config
    from reportview.core.corpus import load_corpus

    return load_corpus([str(p) for p in SEED_FILES], default_config(), use_cache=False).reports
