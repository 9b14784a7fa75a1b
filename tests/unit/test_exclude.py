"""The config's exclude list: corpus notes (README, SOURCE, LICENSE) are not reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportview.cli.main import main
from reportview.config import ConfigError, default_config, load_config
from reportview.core.files import discover

REPORT = "Báo cáo\n\n1. Thu ngân sách đạt 5 tỷ đồng.\n"


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "README.md").write_text("# About this corpus\n\n12 files, 2021.\n", encoding="utf-8")
    (folder / "sub" / "SOURCE.md").write_text("Taken from 3 sites.\n", encoding="utf-8")
    (folder / "sub" / "license.txt").write_text("MIT, 2024.\n", encoding="utf-8")
    (folder / "sub" / "sources_of_growth.txt").write_text(REPORT, encoding="utf-8")
    return folder


def test_default_exclude_skips_readme_source_license_inside_folders(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    config = default_config()
    files, skipped = discover([folder], config.extensions, config.exclude)
    assert sorted(p.name for p in files) == ["a.txt", "sources_of_growth.txt"]
    assert sorted(Path(s.path).name for s in skipped) == ["README.md", "SOURCE.md", "license.txt"]
    assert all(s.excluded and "exclude" in s.reason for s in skipped)
    # named on the command line, a file is read whatever its name
    files, skipped = discover([folder / "README.md"], config.extensions, config.exclude)
    assert [p.name for p in files] == ["README.md"] and not skipped


def test_cli_leaves_excluded_files_out_quietly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = corpus(tmp_path)
    code = main(["outline", "--format", "json", "--no-cache", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert sorted(Path(r["doc"]).name for r in json.loads(out)) == ["a.txt", "sources_of_growth.txt"]


def test_exclude_is_a_list_in_config(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("exclude: ['*.draft.txt']\n", encoding="utf-8")
    assert load_config(good).exclude == ("*.draft.txt",)
    bad = tmp_path / "bad.yaml"
    bad.write_text("exclude: README*\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml:1: exclude: expected a list"):
        load_config(bad)
