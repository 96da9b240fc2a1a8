"""File handling for the window: New, Open, Save, Save As, recent files and the unsaved prompt.

Nothing here changes a season; it swaps or writes whole documents, and reports what went
wrong in words a coach can act on. A file that fails to load leaves the open season as it was.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from uuid import uuid4

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from planner.document.demo import DEMO_SEASON_ID
from planner.document.model import Season
from planner.document.storage import DocumentError, load, save
from ui.dialogs.ask import Dialogs, Unsaved, sentence
from ui.document import OpenSeason
from ui.settings import AppSettings

SUFFIX = ".sprintplan"
# Characters that some file systems refuse in a file name.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_stem(text: str) -> str:
    """``text`` as a file name without folders or characters a file system refuses."""
    return " ".join(_UNSAFE.sub(" ", text).split()) or "SprintPlan"


def documents_folder() -> Path:
    """The coach's documents folder (the home folder where there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def new_season(today: date) -> Season:
    """An empty season of 52 weeks starting on the Monday of this week."""
    start = today - timedelta(days=today.weekday())
    return Season(id=uuid4(), name="New season", first_day=start, last_day=start + timedelta(weeks=52, days=-1))


def document_problem(error: DocumentError) -> tuple[str, str]:
    """What is wrong with a season file, in a coach's words, and the technical detail.

    The detail (the file, the field path and the reason as the checks gave it) goes below the
    message, for whoever repairs the file.
    """
    return sentence(error.message), f"File: {error.path}\n{error.detail}"


def write_detail(error: OSError, path: Path) -> str:
    """The technical detail of a failed write: the file and what the system said."""
    return f"File: {path}\n{type(error).__name__}: {error}"


class FileController:
    def __init__(self, window: QWidget, document: OpenSeason, dialogs: Dialogs, settings: AppSettings) -> None:
        self._window = window
        self._document = document
        self._dialogs = dialogs
        self._settings = settings

    def display_name(self) -> str:
        """The file's name; for a season never saved, what it is ("Demo season", "Untitled")."""
        path = self._document.path
        if path is not None:
            return path.name
        return "Demo season" if self._document.season.id == DEMO_SEASON_ID else "Untitled"

    def title_name(self) -> str:
        """The name in the window's title, which says when the season is in no file yet."""
        name = self.display_name()
        return name if self._document.path is not None else f"{name} (not saved)"

    def may_close(self) -> bool:
        """Ask what to do with unsaved changes; True when the document may be closed."""
        if not self._document.modified:
            return True
        answer = self._dialogs.unsaved_changes(self._window, self.display_name())
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD

    def new(self, today: date) -> bool:
        if not self.may_close():
            return False
        self._document.replace(new_season(today), None)
        return True

    def open_dialog(self) -> bool:
        if not self.may_close():
            return False
        folder = self._document.path.parent if self._document.path else None
        path = self._dialogs.open_path(self._window, folder)
        return path is not None and self.open(path, ask=False)

    def open(self, path: Path, *, ask: bool = True) -> bool:
        """Open ``path``; an invalid file is reported and the open season stays as it is."""
        if ask and not self.may_close():
            return False
        try:
            season = load(path)
        except DocumentError as error:
            reason, detail = document_problem(error)
            self._dialogs.error(self._window, "Season not opened", f"SprintPlan could not open “{path.name}”. {reason}",
                                detail)
            if not path.exists():
                self._settings.remove_recent(path)
            return False
        self._document.replace(season, path)
        self._settings.add_recent(path)
        return True

    def save(self) -> bool:
        path = self._document.path
        if path is None:
            return self.save_as()
        return self._write(path)

    def save_as(self) -> bool:
        current = self._document.path
        suggestion = current or documents_folder() / f"{safe_file_stem(self._document.season.name)}{SUFFIX}"
        path = self._dialogs.save_path(self._window, suggestion)
        if path is None:
            return False
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            backup_problem = save(self._document.season, path)
        except DocumentError as error:
            reason, detail = document_problem(error)
            self._dialogs.error(
                self._window,
                "Season not saved",
                f"The season was not saved as “{path.name}”. {reason} Your changes are still open here.",
                detail,
            )
            return False
        self._document.mark_saved(path)
        self._settings.add_recent(path)
        if backup_problem is not None:
            # Saved all the same: the coach only learns the previous version was not kept.
            self._dialogs.information(self._window, "Season saved", sentence(backup_problem))
        return True
