"""The reports pane: two lines per report, what tells it from the others first, then its date.

A report is read through `Sequence[Report]` alone (len and index), so a lazy list over an
on-disk store can stand in for the loaded list.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from reportview.core.model import Report
from reportview.core.textsafe import one_line
from reportview.ui.widgets.line_list import LineList

ELLIPSIS = "…"


def report_lead(report: Report) -> str:
    """The report's place (and period) when the parse found a place, else nothing. A period
    alone leads nothing: titles say their year, and it rarely tells reports apart."""
    if not report.place:
        return ""
    return " ".join(one_line(p) for p in (report.place, report.period) if p)


def report_label(report: Report) -> str:
    """What names the report: its lead (place, period), then its title."""
    title = one_line(report.display_title)
    lead = report_lead(report)
    return f"{lead} · {title}" if lead else title


def elide_middle(text: str, room: int) -> str:
    """`text` in `room` characters, words cut from the middle: titles differ at both ends ("10 sự
    kiện nổi bật của thành phố Bắc Ninh" / "10 dấu ấn nổi bật Thành phố Chí Linh")."""
    if len(text) <= room:
        return text
    if room <= 2:
        return text[:room]
    words = text.split(" ")
    head: list[str] = []
    tail: list[str] = []
    used = 2  # the "…" and a space
    # The end gets three quarters of the room first (where places and periods often are).
    for word in reversed(words[1:]):
        if used + len(word) + 1 > room * 3 // 4:
            break
        tail.insert(0, word)
        used += len(word) + 1
    for word in words[: len(words) - len(tail)]:
        if used + len(word) + 1 > room:
            break
        head.append(word)
        used += len(word) + 1
    if not head and not tail:
        return text[: room - 1] + ELLIPSIS
    out = " ".join(head) + (" " if head else "") + ELLIPSIS + (" " if tail else "") + " ".join(tail)
    return out if len(out) <= room else out[: room - 1] + ELLIPSIS


def two_lines(text: str, width: int, tail: str, lead: str = "") -> tuple[str, str]:
    """`lead` and `text` wrapped on two lines of `width`, the second leaving room for `tail` at
    its end; `text` cut from the middle (elide_middle) as little as makes it fit, `lead` kept."""
    room2 = max(1, width - len(tail) - (1 if tail else 0))
    budget = width + room2
    head = f"{lead} · " if lead else ""
    while True:
        fitted = head + elide_middle(text, max(4, budget - len(head)))
        if len(fitted) <= width:
            return fitted, ""
        cut = fitted.rfind(" ", 0, width + 1)
        if cut <= width // 2:
            cut = width
        first, rest = fitted[:cut].rstrip(), fitted[cut:].lstrip()
        if len(rest) <= room2 or budget <= width:
            return first, rest[:room2]
        budget -= 1


class ReportList(LineList):
    """Reports in load order; grows while the corpus loads."""

    empty_text = "No reports loaded yet."
    row_height = 2

    def __init__(self, reports: Sequence[Report], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reports = reports
        self.border_title = "Reports"

    def row_count(self) -> int:
        return len(self.reports)

    def row_text(self, index: int, width: int) -> Text:
        first, second = self.row_lines(index, width)
        return Text.assemble(first, " ", second)

    def row_lines(self, index: int, width: int) -> list[Text]:
        report = self.reports[index]
        date = report.date or ""
        first, rest = two_lines(one_line(report.display_title), width, date, report_lead(report))
        second = Text(rest)
        if date:
            second.append(" " * max(1, width - len(rest) - len(date)) + date, style="dim")
        return [Text(first), second]
