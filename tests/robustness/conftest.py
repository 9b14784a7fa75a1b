"""Fixtures for the robustness tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from robustness.helpers import REPORT_TEXT


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT_TEXT, encoding="utf-8")
    return path
