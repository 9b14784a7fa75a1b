"""The reports pane: one row per loaded report (title or fallback, date, number of sections)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from reportview.core.model import Report
from reportview.core.textsafe import one_line
from reportview.ui.widgets.line_list import LineList


def report_label(report: Report) -> str:
    return one_line(report.display_title)


class ReportList(LineList):
    """Reports in load order; grows while the corpus loads."""

    empty_text = "No reports loaded yet."

    def __init__(self, reports: Sequence[Report], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reports = reports
        self.border_title = "Reports"

    def row_count(self) -> int:
        return len(self.reports)

    def row_text(self, index: int, width: int) -> Text:
        report = self.reports[index]
        numbered = sum(1 for s in report.sections if s.number is not None)
        meta = f" ({numbered})" if numbered else ""
        title = report_label(report)
        room = max(1, width - len(meta))
        if len(title) > room:
            title = title[: room - 1] + "…"
        text = Text(title)
        if meta:
            text.append(" " * (room - len(title)) + meta, style="dim")
        return text
