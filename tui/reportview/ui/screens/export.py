"""The export prompt: where to write the figures (format by extension), never overwriting silently."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label

from reportview.core.export import FORMATS, ExportError, rows_for, write_export
from reportview.core.model import Report, Section


class ExportScreen(ModalScreen[str | None]):
    """Ask for a path, write the section's (or the whole report's) figures there.

    Dismisses with a one-line summary of what was written, or None when cancelled.
    """

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 84; max-width: 100%; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    ExportScreen Label { width: 100%; }
    ExportScreen #export-message { color: $warning; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        report: Report,
        section: Section | None,
        default_path: str,
        protected: Sequence[Path] = (),
    ) -> None:
        super().__init__()
        self.report = report
        self.section = section
        self.default_path = default_path
        self.protected = tuple(protected)
        self._confirm_path: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export figures"
            yield Label(f"Format by extension: {' '.join(FORMATS)}. Enter writes, Esc cancels.", markup=False)
            yield Input(self.default_path, id="export-path")
            yield Checkbox(
                "Whole report (otherwise this section only)", self.section is None, id="export-whole"
            )
            yield Label("", id="export-message", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm_path = None
        self.query_one("#export-message", Label).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = event.value.strip()
        message = self.query_one("#export-message", Label)
        if not raw:
            message.update("Type a file name, e.g. figures.csv")
            return
        path = Path(raw).expanduser()
        whole = self.query_one("#export-whole", Checkbox).value or self.section is None
        force = self._confirm_path == path
        if path.exists() and not force:
            self._confirm_path = path
            message.update(f"{path} exists. Press Enter again to overwrite it, or change the name.")
            return
        section_index = None if whole or self.section is None else self.section.index
        rows = rows_for(
            [self.report],
            None if section_index is None else (lambda r: r.figures_in(section_index)),
        )
        try:
            n = write_export(path, [self.report], rows, force=force, protected=self.protected)
        except ExportError as exc:
            self._confirm_path = None
            message.update(str(exc))
            return
        except OSError as exc:
            self._confirm_path = None
            message.update(f"{path}: {exc.strerror or exc}")
            return
        scope = "report" if section_index is None else "section"
        self.dismiss(f"Wrote {n} figures of this {scope} to {path}")

    def action_cancel(self) -> None:
        self.dismiss(None)
