"""The export prompt: where to write the figures (format by extension), never overwriting silently."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from platformdirs import user_documents_dir
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label

from reportview.core.export import FORMATS, ExportError, Selection, write_export
from reportview.core.model import Report, Section
from reportview.core.textsafe import one_line


def default_folder() -> Path:
    """Where exports go unless the user types another folder: Documents, else the home folder.

    Never the current directory: started from a checkout or a corpus, that wrote into it."""
    try:
        documents = Path(user_documents_dir())
    except Exception:  # platformdirs found no documents folder on this system
        documents = Path.home()
    return documents if documents.is_dir() else Path.home()


def default_name(report: Report, section: Section | None) -> str:
    """`000_x-s6-figures.csv` for section 6, `000_x-figures.csv` for the whole report."""
    suffix = f"-s{section.number}" if section is not None and section.number is not None else ""
    if section is not None and section.number is None:
        suffix = f"-p{section.index + 1}"
    return f"{Path(report.name).stem}{suffix}-figures.csv"


class ScopeBox(Checkbox, inherit_bindings=False):
    """The "whole report" switch: space toggles, Enter writes (as in the path field)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle", show=False),
        Binding("enter", "screen.write", "Write", show=False),
    ]

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        # The state as a glyph, not only the button's colour.
        return "✓" if self.value else " "


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
    ExportScreen #export-target { color: $text-muted; }
    ExportScreen #export-message { color: $warning; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        report: Report,
        section: Section | None,
        protected: Sequence[Path] = (),
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.report = report
        self.section = section
        self.protected = tuple(protected)
        self.folder = folder if folder is not None else default_folder()
        self._default = str(self.folder / default_name(report, section))
        self._confirm_path: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export figures"
            yield Label(
                f"File or folder; format by extension: {' '.join(FORMATS)}. Enter writes, Esc cancels.",
                markup=False,
            )
            yield Input(self._default, id="export-path")
            yield ScopeBox(self._scope_label(self.section is None), self.section is None, id="export-whole")
            yield Label(self._target_text(self._default), id="export-target", markup=False)
            yield Label("", id="export-message", markup=False)

    def on_mount(self) -> None:
        box = self.query_one(ScopeBox)
        box.disabled = self.section is None  # no section to narrow to
        self.query_one("#export-path", Input).focus()

    @property
    def whole(self) -> bool:
        return self.section is None or self.query_one(ScopeBox).value

    def selection(self) -> Selection:
        if self.whole or self.section is None:
            return Selection.of_reports([self.report])
        return Selection.of_section(self.report, self.section)

    def _scope_label(self, whole: bool) -> str:
        n_report = len(self.report.figures)
        if whole:
            return f"Whole report: yes, all {n_report} figures (space: this section only)"
        n = len(self.report.figures_in(self.section.index)) if self.section is not None else 0
        return f"Whole report: no, this section's {n} figures (space: the whole report)"

    def target(self, raw: str) -> Path | None:
        """The file that Enter would write: a folder gets the default file name inside it."""
        raw = raw.strip()
        if not raw:
            return None
        path = Path(raw).expanduser()
        if path.is_dir() or raw.endswith(("/", "\\")):
            path = path / Path(self._default).name
        return path if path.is_absolute() else Path.cwd() / path

    def _target_text(self, raw: str) -> str:
        path = self.target(raw)
        if path is None:
            return "Type a file name, e.g. figures.csv"
        return f"Writes {one_line(str(path))}" + (" (exists)" if path.exists() else "")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        box = self.query_one(ScopeBox)
        box.label = self._scope_label(event.value)
        field = self.query_one("#export-path", Input)
        section = None if event.value else self.section
        new_default = str(Path(self._default).with_name(default_name(self.report, section)))
        if field.value == self._default:  # the name was ours, not typed: it follows the scope
            field.value = new_default
        self._default = new_default
        self._confirm_path = None
        self.query_one("#export-target", Label).update(self._target_text(field.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm_path = None
        self.query_one("#export-message", Label).update("")
        self.query_one("#export-target", Label).update(self._target_text(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_write(self) -> None:
        message = self.query_one("#export-message", Label)
        path = self.target(self.query_one("#export-path", Input).value)
        if path is None:
            message.update("Type a file name, e.g. figures.csv")
            return
        force = self._confirm_path == path
        if path.exists() and not force:
            self._confirm_path = path
            message.update(f"{path} exists. Press Enter again to overwrite it, or change the name.")
            return
        selection = self.selection()
        try:
            n = write_export(path, selection, force=force, protected=self.protected)
        except ExportError as exc:
            self._confirm_path = None
            message.update(str(exc))
            return
        except OSError as exc:
            self._confirm_path = None
            message.update(f"{path}: {exc.strerror or exc}")
            return
        scope = "report" if self.whole else "section"
        self.dismiss(f"Wrote {n} figures of this {scope} to {path}")

    def action_cancel(self) -> None:
        self.dismiss(None)
