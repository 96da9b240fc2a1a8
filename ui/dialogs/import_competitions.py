"""Importing competitions in the window: File > Import competitions.

``import_competitions`` reads a CSV or iCalendar file into a preview (``planner.imports.competitions``),
shows it in ``ImportPreviewDialog`` (what will be added, what is refused and why) and, when
the coach presses OK, applies it as one undo step, so Ctrl+Z takes the whole import back.
Nothing changes before OK. The dialog is tested without ``exec``: the caller passes the
function that runs it, and tests pass one that answers at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from planner.document.limits import MAX_NAME_LENGTH
from planner.document.model import Season
from planner.document.text import plural
from planner.imports.competitions import ImportPreview, ImportSourceError, apply_import, preview_file
from ui.dialogs.ask import Dialogs, Edit, apply_edit
from ui.dialogs.form_checks import hint_label, import_buttons, preview_table
from ui.document import OpenSeason
from ui.session_text import span_text

__all__ = [
    "IMPORT_FILTER",
    "TITLE",
    "ImportPreviewDialog",
    "choose_import_file",
    "import_competitions",
    "run_modal",
]

TITLE = "Import competitions"
IMPORT_FILTER = "Competitions (*.ics *.ical *.csv *.txt);;iCalendar (*.ics *.ical);;CSV (*.csv *.txt);;All files (*)"
ACCEPTED_COLUMNS = ("Dates", "Name", "Priority", "Venue", "From")
REFUSED_COLUMNS = ("From", "Reason")


def _table(object_name: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], parent: QWidget) -> QTableWidget:
    table = preview_table(object_name, headers, rows, parent)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ImportPreviewDialog(QDialog):
    """What an import will add and what it refuses; OK gives the edit that adds them.

    ``edit`` is the edit to apply (through ``OpenSeason.apply``), or None when nothing would
    be added, in which case the dialog only has a Close button.
    """

    def __init__(self, season: Season, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(f"{TITLE} from {preview.source_name}")
        self.season = season
        self.preview = preview

        added = len(preview.accepted)
        summary = (
            f"{plural(added, 'competition')} will be added"
            if added
            else "No competition can be added"
        )
        cut = [entry for entry in preview.accepted if entry.name_cut_from is not None]
        if cut:
            summary += f" ({plural(len(cut), 'name')} cut to {MAX_NAME_LENGTH} characters)"
        if preview.refused:
            summary += f"; {len(preview.refused)} refused (see below)"
        self.summary_label = QLabel(summary + ".", self)
        self.summary_label.setObjectName("importSummary")

        self.accepted_table = _table(
            "acceptedTable",
            ACCEPTED_COLUMNS,
            [
                (
                    span_text(c.start, c.end),
                    c.name,
                    c.priority.value,
                    "indoor" if c.indoor else "outdoor",
                    entry.source,
                )
                for entry in preview.accepted
                for c in (entry.competition,)
            ],
            self,
        )
        for row, entry in enumerate(preview.accepted):
            if entry.name_cut_from is not None:
                item = self.accepted_table.item(row, ACCEPTED_COLUMNS.index("Name"))
                if item is not None:
                    item.setToolTip(f"Cut to fit from {entry.name_cut_from:,} characters: {item.text()}")
        self.refused_table = _table(
            "refusedTable", REFUSED_COLUMNS, [(entry.source, entry.reason) for entry in preview.refused], self
        )
        accepted_box = QGroupBox(f"Will be added ({added})", self)
        QVBoxLayout(accepted_box).addWidget(self.accepted_table)
        accepted_box.setVisible(bool(added))
        refused_box = QGroupBox(f"Refused ({len(preview.refused)})", self)
        QVBoxLayout(refused_box).addWidget(self.refused_table)
        refused_box.setVisible(bool(preview.refused))

        self.buttons = import_buttons(self, f"Add {plural(added, 'competition')}" if added else None)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(accepted_box, 3)
        layout.addWidget(refused_box, 2)
        if added:
            layout.addWidget(
                hint_label(
                    "The competitions enter the whole squad; change their entries afterwards in the "
                    "competition editor. Undo takes the whole import back in one step.",
                    self,
                )
            )
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    @property
    def ok_button(self) -> QPushButton | None:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def edit(self) -> Edit | None:
        if not self.preview.accepted:
            return None
        preview = self.preview
        return lambda season: apply_import(season, preview)


def run_modal(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when the coach pressed OK."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_import_file(parent: QWidget, folder: Path | None) -> Path | None:
    """The file dialog for File > Import competitions; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, TITLE, str(folder or Path.home()), IMPORT_FILTER)
    return Path(name) if name else None


def import_competitions(
    parent: QWidget,
    document: OpenSeason,
    dialogs: Dialogs,
    path: Path,
    *,
    confirm: Callable[[ImportPreviewDialog], bool] = run_modal,
) -> bool:
    """Preview the competitions in ``path``, and add them as one undo step if the coach agrees.

    Returns True when competitions were added. A file that cannot be read is reported through
    ``dialogs.error`` and changes nothing.
    """
    try:
        preview = preview_file(document.season, path)
    except ImportSourceError as error:
        dialogs.error(parent, TITLE, str(error))
        return False
    if not preview.accepted and not preview.refused:
        dialogs.information(parent, TITLE, f"{Path(path).name} holds no competitions.")
        return False
    dialog = ImportPreviewDialog(document.season, preview, parent)
    try:
        edit = dialog.edit if confirm(dialog) else None
    finally:
        # Parented to the window: without this every import would leave a hidden dialog behind.
        dialog.deleteLater()
    # Refused when the season changed between preview and OK in a way that refuses a competition.
    return apply_edit(document, dialogs, parent, TITLE, edit) is not None
