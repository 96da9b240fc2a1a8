"""Fixtures for the window tests: the demo season open in memory and dialogs that answer at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from planner.document.demo import demo_season
from planner.document.model import Season
from ui.dialogs.ask import Edit, Unsaved
from ui.document import OpenSeason
from ui.selection import Selection


@dataclass
class FakeDialogs:
    """Answers every question with what the test put in; records what was asked."""

    competition_name: str | None = "Test Meet"
    competition_edit: Edit | None = None
    athlete_edit: Edit | None = None
    season_edit: Edit | None = None
    unsaved: Unsaved = Unsaved.DISCARD
    open_answer: Path | None = None
    save_answer: Path | None = None
    restore: bool = True
    export_answer: Path | None = None
    import_answer: Path | None = None
    asked: list[tuple[str, Any]] = field(default_factory=list)
    error_details: list[str] = field(default_factory=list)
    export_suggestions: list[Path] = field(default_factory=list)

    def ask_competition_name(self, parent: QWidget, suggestion: str, day: date) -> str | None:
        self.asked.append(("competition_name", (suggestion, day)))
        return self.competition_name

    def edit_competition(self, parent: QWidget, season: Season, competition_id: str) -> Edit | None:
        self.asked.append(("edit_competition", competition_id))
        return self.competition_edit

    def edit_athlete(self, parent: QWidget, season: Season, athlete_id: str | None) -> Edit | None:
        self.asked.append(("edit_athlete", athlete_id))
        return self.athlete_edit

    def edit_season(self, parent: QWidget, season: Season) -> Edit | None:
        self.asked.append(("edit_season", None))
        return self.season_edit

    def unsaved_changes(self, parent: QWidget, document_name: str) -> Unsaved:
        self.asked.append(("unsaved_changes", document_name))
        return self.unsaved

    def open_path(self, parent: QWidget, folder: Path | None) -> Path | None:
        self.asked.append(("open_path", folder))
        return self.open_answer

    def save_path(self, parent: QWidget, suggestion: Path) -> Path | None:
        self.asked.append(("save_path", suggestion))
        return self.save_answer

    def export_path(self, parent: QWidget, title: str, suggestion: Path, suffix: str) -> Path | None:
        self.asked.append(("export_path", (title, suffix)))
        self.export_suggestions.append(suggestion)
        return self.export_answer

    def import_path(self, parent: QWidget, folder: Path | None) -> Path | None:
        self.asked.append(("import_path", folder))
        return self.import_answer

    def restore_recovery(self, parent: QWidget, saved_at: str, document_name: str) -> bool:
        self.asked.append(("restore_recovery", document_name))
        return self.restore

    def error(self, parent: QWidget, title: str, text: str, detail: str = "") -> None:
        self.asked.append(("error", text))
        self.error_details.append(detail)

    def information(self, parent: QWidget, title: str, text: str) -> None:
        self.asked.append(("information", text))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.asked]


@pytest.fixture(autouse=True)
def _test_paths() -> None:
    # Settings and standard folders go to a test location, never the coach's real ones.
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def fake_dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def demo() -> Season:
    return demo_season()


@pytest.fixture
def document(demo: Season) -> OpenSeason:
    return OpenSeason(demo)


@pytest.fixture
def selection(demo: Season) -> Selection:
    return Selection(demo.athletes[0].id, date(2027, 7, 12))
