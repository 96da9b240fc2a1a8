"""Entering what was done from the main window: the Session menu, its shortcuts and the squad
entry it opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.document.model import Season
from planner.document.records import RecordStatus
from planner.document.sessions import SessionKind
from tests.ui.conftest import FakeDialogs
from ui.main_window import MainWindow

TODAY = date(2026, 11, 16)
TUESDAY = date(2026, 11, 10)  # Łucja (ath-1): plyometrics and weights


def make_window(qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs, tmp_path: Path) -> MainWindow:
    window = MainWindow(
        demo,
        None,
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        dialogs=fake_dialogs,
        recovery_folder=tmp_path / "recovery",
        today=TODAY,
    )
    qtbot.addWidget(window)
    return window


def test_the_session_menu_records_the_selected_day(qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs,
                                                   tmp_path: Path) -> None:
    window = make_window(qtbot, demo, fake_dialogs, tmp_path)
    assert window.done_action.shortcut().toString() == "Ctrl+D"
    assert window.missed_action.shortcut().toString() == "Ctrl+M"
    assert window.squad_entry_action.shortcut().toString() == "Ctrl+E"
    window.selection.select("ath-1", TUESDAY)
    window.done_action.trigger()
    window.missed_action.trigger()
    records = {r.kind: r.status for r in window.document.season.records}
    first, second = (card.ref.kind for card in window.inspector.record_cards())
    assert records == {first: RecordStatus.DONE, second: RecordStatus.MISSED}
    assert window.document.undo_stack.count() == 2
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.season == demo


def test_the_squad_entry_opens_on_the_selected_day_without_moving_the_selection(
    qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo, fake_dialogs, tmp_path)
    window.selection.select("ath-2", TUESDAY)
    window.squad_entry_action.trigger()
    entry = window.squad_entry
    assert entry is not None and entry.isVisible() and entry.day == TUESDAY
    assert entry.record_rest_as_planned()
    recorded = {(r.athlete_id, r.kind) for r in window.document.season.records}
    assert ("ath-1", SessionKind.WEIGHTS) in recorded and len(recorded) >= 3
    assert (window.selection.athlete_id, window.selection.day) == ("ath-2", TUESDAY)
    # A day still to come opens on today: nothing is entered ahead of time.
    window.selection.set_day(date(2027, 1, 5))
    window.squad_entry_action.trigger()
    assert entry.day == TODAY
    entry.close()
