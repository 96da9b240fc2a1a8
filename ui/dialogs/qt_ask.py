"""The real dialogs behind ``ui.dialogs.ask.Dialogs``: each method shows one modal dialog, message
box or file dialog and turns the coach's answer into the protocol's value.

The dialogs themselves live in their own modules and are tested there without ``exec``;
these wrappers only run them, so they stay thin enough not to need tests of their own.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from planner.document.model import Season
from ui.dialogs.ask import Edit, Unsaved
from ui.files import SUFFIX, documents_folder
from ui.session_text import MONTH_NAMES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ui.dialogs.form_checks import CheckedDialog

# Qt makes the Python enums of QDialog, QMessageBox and QFileDialog (about a hundred) when they
# are first imported, some 15 ms: the window imports them when it first asks something, not
# before its first paint.

# The editing dialogs are imported when first opened: the window does not need them to start.

SEASON_FILTER = "SprintPlan season (*.sprintplan)"


def with_season_suffix(path: Path) -> Path:
    """``path`` ending in .sprintplan (the file dialog may return a name typed without it)."""
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def readable_time(saved_at: str) -> str:
    """"10 March 2027 at 14:05" for an ISO time; any other text as it is."""
    try:
        moment = datetime.fromisoformat(saved_at)
    except ValueError:
        return saved_at
    return f"{moment.day} {MONTH_NAMES[moment.month - 1]} {moment.year} at {moment:%H:%M}"


def _run(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when accepted. The dialog is released afterwards so that
    repeated use does not pile up hidden children on the window."""
    from PySide6.QtWidgets import QDialog

    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def _run_edit(dialog: CheckedDialog) -> Edit | None:
    return dialog.edit if _run(dialog) else None


def show_message(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """A message box with the technical ``detail`` (if any) behind its Details button."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    # Messages quote names and file contents: shown as typed, never as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setDetailedText(detail)
    box.exec()
    box.deleteLater()


class QtDialogs:
    """``Dialogs`` with real Qt dialogs."""

    def ask_competition_name(self, parent: QWidget, suggestion: str, day: date) -> str | None:
        from ui.dialogs.competition import CompetitionNameDialog

        dialog = CompetitionNameDialog(suggestion, day, parent)
        return dialog.name() if _run(dialog) else None

    def edit_competition(self, parent: QWidget, season: Season, competition_id: str) -> Edit | None:
        from ui.dialogs.competition import CompetitionDialog

        return _run_edit(CompetitionDialog(season, competition_id, parent))

    def edit_athlete(self, parent: QWidget, season: Season, athlete_id: str | None) -> Edit | None:
        from ui.dialogs.athlete import AthleteDialog

        return _run_edit(AthleteDialog(season, athlete_id, parent))

    def edit_season(self, parent: QWidget, season: Season) -> Edit | None:
        from ui.dialogs.season import SeasonDialog

        return _run_edit(SeasonDialog(season, parent))

    def unsaved_changes(self, parent: QWidget, document_name: str) -> Unsaved:
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Unsaved changes",
            f"Save the changes to “{document_name}” before closing it?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("Changes you do not save are lost.")
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        box.exec()
        clicked = box.standardButton(box.clickedButton())
        box.deleteLater()
        if clicked == buttons.Save:
            return Unsaved.SAVE
        if clicked == buttons.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def open_path(self, parent: QWidget, folder: Path | None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        start = str(folder if folder is not None else documents_folder())
        chosen, _ = QFileDialog.getOpenFileName(parent, "Open season", start, SEASON_FILTER)
        return Path(chosen) if chosen else None

    def save_path(self, parent: QWidget, suggestion: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getSaveFileName(parent, "Save season", str(suggestion), SEASON_FILTER)
        return with_season_suffix(Path(chosen)) if chosen else None

    def export_path(self, parent: QWidget, title: str, suggestion: Path, suffix: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        kinds = {
            ".ics": "iCalendar file (*.ics)",
            ".csv": "CSV spreadsheet (*.csv)",
            ".png": "PNG image (*.png)",
            ".svg": "SVG drawing (*.svg)",
            ".pdf": "PDF (*.pdf)",
        }
        kind = kinds.get(suffix, f"*{suffix}")
        start = suggestion if suggestion.suffix.lower() == suffix else suggestion.with_name(suggestion.name + suffix)
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), kind)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def import_path(self, parent: QWidget, folder: Path | None) -> Path | None:
        from ui.dialogs.import_competitions import choose_import_file

        return choose_import_file(parent, folder)

    def restore_recovery(self, parent: QWidget, saved_at: str, document_name: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Restore unsaved work")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"SprintPlan found unsaved work from {readable_time(saved_at)} for {document_name}. Restore it?"
        )
        box.setInformativeText("SprintPlan did not close normally last time. Discarding deletes the recovered copy.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        # Closing the question without answering must not delete the coach's work.
        box.setEscapeButton(restore)
        box.exec()
        restored = box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
        box.deleteLater()
        return restored

    def error(self, parent: QWidget, title: str, text: str, detail: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        show_message(QMessageBox.Icon.Critical, parent, title, text, detail)

    def information(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)
