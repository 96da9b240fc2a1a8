"""What the window asks the coach, behind one interface so tests can answer instead.

The window and its widgets never open a QDialog or QMessageBox directly: they call the
``Dialogs`` they were given. ``ui.dialogs.qt_ask.QtDialogs`` shows the real dialogs; tests pass
an object with the same methods that answers at once.

Dialogs that change the document return an *edit*: a function from the current season to
the new one, built from ``planner.document.edits``. The caller applies it through
``OpenSeason.apply``, so one dialog's OK is exactly one undo step, and nothing invalid can
reach the document (the dialog checks its fields, and the edit checks the result).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from planner.document.edits import Edit as Edit
from planner.document.edits import EditError
from planner.document.model import Season

if TYPE_CHECKING:
    from ui.document import OpenSeason



class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs(Protocol):
    def ask_competition_name(self, parent: QWidget, suggestion: str, day: date) -> str | None:
        """The name for a competition just dropped on ``day``; None cancels the drop."""

    def edit_competition(self, parent: QWidget, season: Season, competition_id: str) -> Edit | None:
        """Name, first and last day, priority, indoor/outdoor and entered athletes."""

    def edit_athlete(self, parent: QWidget, season: Season, athlete_id: str | None) -> Edit | None:
        """Every field of an athlete; ``athlete_id`` None adds a new athlete."""

    def edit_season(self, parent: QWidget, season: Season) -> Edit | None:
        """Season name, first and last day, first day of the week."""

    def unsaved_changes(self, parent: QWidget, document_name: str) -> Unsaved:
        """Save, discard or cancel before the open document is closed."""

    def open_path(self, parent: QWidget, folder: Path | None) -> Path | None: ...

    def save_path(self, parent: QWidget, suggestion: Path) -> Path | None: ...

    def export_path(self, parent: QWidget, title: str, suggestion: Path, suffix: str) -> Path | None:
        """Where to write an exported file; the answer ends in ``suffix`` (".ics", ".csv")."""

    def import_path(self, parent: QWidget, folder: Path | None) -> Path | None:
        """A competitions file to import (CSV or iCalendar)."""

    def restore_recovery(self, parent: QWidget, saved_at: str, document_name: str) -> bool:
        """After a crash: restore the recovered season?"""

    def error(self, parent: QWidget, title: str, text: str, detail: str = "") -> None:
        """What went wrong in a coach's words; ``detail`` (the file, the field, what the system
        said) for whoever looks further, shown on request."""

    def information(self, parent: QWidget, title: str, text: str) -> None: ...


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def apply_edit(document: OpenSeason, dialogs: Dialogs, parent: QWidget, text: str, edit: Edit | None) -> Season | None:
    """Apply ``edit`` as one undo step named ``text``; the season after it.

    None when there is no edit (the dialog was cancelled) or the edit is refused; a refusal is
    explained to the coach in a message, and the document is unchanged.
    """
    if edit is None:
        return None
    try:
        return document.apply(text, edit, initiator=parent)
    except EditError as error:
        dialogs.error(parent, text, f"{sentence(str(error))} Nothing was changed.")
        return None
