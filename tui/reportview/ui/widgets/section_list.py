"""The sections pane: the numbered items (or paragraphs) of the selected report."""

from __future__ import annotations

from rich.text import Text

from reportview.core.model import Report
from reportview.core.textsafe import one_line
from reportview.ui.widgets.line_list import LineList


class SectionList(LineList):
    """Sections of one report, in text order."""

    empty_text = "No report selected."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: Report | None = None
        self._figure_counts: list[int] = []
        self.border_title = "Sections"

    def show(self, report: Report | None, cursor: int = 0) -> None:
        self.report = report
        counts = [0] * (len(report.sections) if report else 0)
        if report:
            for f in report.figures:
                if f.section_index is not None and 0 <= f.section_index < len(counts):
                    counts[f.section_index] += 1
        self._figure_counts = counts
        self.empty_text = "This report has no sections." if report else "No report selected."
        self.border_title = f"Sections ({len(counts)})" if report else "Sections"
        self.reset(cursor)

    def row_count(self) -> int:
        return len(self.report.sections) if self.report else 0

    def row_text(self, index: int, width: int) -> Text:
        assert self.report is not None
        section = self.report.sections[index]
        text = Text()
        if section.number is not None:
            text.append(f"{section.number}. ", style="bold")
        else:
            text.append("· ", style="dim")
        text.append(one_line(section.title))
        n = self._figure_counts[index]
        if n:
            text.append(f" ({n})", style="dim")
        return text
