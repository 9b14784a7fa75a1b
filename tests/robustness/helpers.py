"""Helpers for the robustness tests: the real CLI in a subprocess, and a small report text."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# A small report in the shape the product reads: headline, date line, lead, numbered highlights
# with figures of each kind. The HTML, PDF and DOCX fixtures are written from these same lines.
REPORT_LINES = (
    "Kinh tế - xã hội thành phố năm 2021: 3 kết quả nổi bật",
    "Ngày 04/01/2022",
    "Năm 2021, trong bối cảnh dịch bệnh, thành phố vẫn đạt được nhiều kết quả quan trọng trên các lĩnh vực.",
    "1. Kinh tế tiếp tục tăng trưởng khá",
    "Tổng sản phẩm trên địa bàn ước đạt 39.399,4 tỷ đồng, vượt 0,9% kế hoạch, tăng 7% so với năm 2020. "
    "Thành lập mới 605 doanh nghiệp; trên địa bàn hiện có 5.961 doanh nghiệp đang hoạt động.",
    "2. Thu ngân sách vượt dự toán",
    "Tổng thu ngân sách nhà nước ước thực hiện 5.381,1 tỷ đồng, đạt 91% dự toán, bằng 95,6% so với năm 2020.",
    "3. Tổ chức thành công cuộc bầu cử",
    "Tỷ lệ cử tri đi bầu đạt 99,26%; đã bầu 407/412 đại biểu HĐND phường. Năng suất lúa đạt 61 tạ/ha.",
)
REPORT_TEXT = "\n".join(REPORT_LINES) + "\n"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [ln for ln in self.err.splitlines() if ln.strip()]


def run_cli(*args: str | os.PathLike[str], timeout: float = 60, cwd: Path | None = None) -> Run:
    """`python -m reportview ARGS` as a user runs it; a hang fails the test instead of blocking it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("REPORTVIEW_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "reportview", *map(str, args)],
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err, run.err
