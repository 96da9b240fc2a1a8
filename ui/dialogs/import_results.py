"""Recording what was done from a filled-in spreadsheet: File > Import results.

``import_results`` reads the spreadsheet export with its done columns filled in into a
preview (``planner.imports.results``), shows it in ``ResultsPreviewDialog`` row by row (what
each row records, or why it is refused) and, when the coach presses Record, records the
accepted sessions as one undo step, so Ctrl+Z takes the whole import back. Nothing changes
before Record. The dialog is tested without ``exec``: the caller passes the function that
runs it, and tests pass one that answers at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.model import Season
from planner.document.text import plural
from planner.imports.results import (
    PreviewRow,
    ResultsPreview,
    ResultsSourceError,
    RowState,
    apply_results,
    preview_results_file,
)
from ui.dialogs.ask import Dialogs, Edit, apply_edit
from ui.dialogs.form_checks import hint_label, import_buttons, preview_table
from ui.dialogs.import_competitions import run_modal
from ui.document import OpenSeason

__all__ = [
    "COLUMNS",
    "RESULTS_FILTER",
    "TITLE",
    "ResultsPreviewDialog",
    "choose_results_file",
    "import_results",
]

TITLE = "Import results"
RESULTS_FILTER = "Spreadsheet export (*.csv *.txt);;All files (*)"
COLUMNS = ("Line", "Session", "Done", "Result")
_RESULT_WORDS = {RowState.RECORD: "Record", RowState.UNCHANGED: "Already recorded"}
# The refused rows' text, the red of the compliance bands: readable on white and in a
# high-contrast palette's light background.
_REFUSED_INK = QColor("#B3261E")
_WIDEST_COLUMN = 300


def _result_text(row: PreviewRow) -> str:
    return f"Refused: {row.reason}" if row.state is RowState.REFUSED else _RESULT_WORDS[row.state]


class ResultsPreviewDialog(QDialog):
    """What an import of results will record and what it refuses, row by row; Record gives
    the edit that records the accepted sessions (None when there are none)."""

    def __init__(self, season: Season, preview: ResultsPreview, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPreviewDialog")
        self.setWindowTitle(f"{TITLE} from {preview.source_name}")
        self.season = season
        self.preview = preview
        self.today = today

        sessions = len(preview.records)
        refused = len(preview.refused)
        parts = [f"{plural(sessions, 'session')} will be recorded" if sessions else "No session will be recorded"]
        if preview.unchanged:
            parts.append(f"{plural(len(preview.unchanged), 'row')} already recorded as in the file")
        if refused:
            parts.append(f"{plural(refused, 'row')} refused")
        self.summary_label = QLabel("; ".join(parts) + ".", self)
        self.summary_label.setObjectName("resultsSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        shown: list[tuple[str, ...]] = []
        previous = None
        for entry in preview.rows:
            # A session's name heads its first row only, so the rows read as groups.
            session = entry.session if entry.session != previous else ""
            previous = entry.session
            shown.append((entry.source.removeprefix("line "), session, entry.what, _result_text(entry)))
        self.table = preview_table("resultsTable", COLUMNS, shown, self)
        ink = QBrush(_REFUSED_INK)
        for row, entry in enumerate(preview.rows):
            if entry.state is RowState.REFUSED:
                for column in range(len(COLUMNS)):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setForeground(ink)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS) - 1):
            # Long names and sentences are cut at a width that leaves the result in view.
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), _WIDEST_COLUMN))
        # The result takes the rest of the width; a long reason is cut there, whole in its tooltip.
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)

        self.refused_only = QCheckBox(f"Show only the refused rows ({refused})", self)
        self.refused_only.setObjectName("refusedOnly")
        self.refused_only.setEnabled(bool(refused))
        self.refused_only.toggled.connect(self._filter)

        self.buttons = import_buttons(self, f"Record {plural(sessions, 'session')}" if sessions else None)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.refused_only)
        layout.addWidget(self.table, 1)
        hint = (
            "A session with a refused row is not recorded at all; correct the row in the spreadsheet "
            "and import it again. "
        )
        if preview.blank_rows:
            hint += f"{plural(preview.blank_rows, 'row')} with nothing filled in are left out. "
        if sessions:
            hint += "Undo takes the whole import back in one step."
        layout.addWidget(hint_label(hint.strip(), self))
        layout.addWidget(self.buttons)
        self.resize(900, 520)

    def _filter(self, refused_only: bool) -> None:
        for row, entry in enumerate(self.preview.rows):
            self.table.setRowHidden(row, refused_only and entry.state is not RowState.REFUSED)

    @property
    def record_button(self) -> QPushButton | None:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def edit(self) -> Edit | None:
        if not self.preview.records:
            return None
        preview, today = self.preview, self.today
        return lambda season: apply_results(season, preview, today=today)


def choose_results_file(parent: QWidget, folder: Path | None) -> Path | None:
    """The file dialog for File > Import results; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, TITLE, str(folder or Path.home()), RESULTS_FILTER)
    return Path(name) if name else None


def import_results(
    parent: QWidget,
    document: OpenSeason,
    dialogs: Dialogs,
    path: Path,
    today: date,
    *,
    confirm: Callable[[ResultsPreviewDialog], bool] = run_modal,
) -> bool:
    """Preview the results in ``path`` and record them as one undo step if the coach agrees.

    Returns True when sessions were recorded. A file that cannot be read, or holds nothing
    filled in, is reported through ``dialogs`` and changes nothing.
    """
    try:
        preview = preview_results_file(document.season, path, today=today)
    except ResultsSourceError as error:
        dialogs.error(parent, TITLE, str(error))
        return False
    if not preview.rows:
        dialogs.information(
            parent,
            TITLE,
            f"Nothing is filled in in {Path(path).name}: type what was done into its done columns "
            "(done_status, done_reps, done_load, effort, minutes, note) and import it again.",
        )
        return False
    dialog = ResultsPreviewDialog(document.season, preview, today, parent)
    try:
        edit = dialog.edit if confirm(dialog) else None
    finally:
        # Parented to the window: without this every import would leave a hidden dialog behind.
        dialog.deleteLater()
    return apply_edit(document, dialogs, parent, TITLE, edit) is not None
