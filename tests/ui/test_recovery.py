"""The recovery copy: written whenever there is unsaved work, even work that cannot be saved,
and never deleted because it does not load back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.document.model import Override, Season
from planner.document.sessions import Session, SessionKind
from planner.document.storage import DocumentError, load, save
from tests.ui.conftest import FakeDialogs
from ui.document import OpenSeason
from ui.main_window import MainWindow
from ui.recovery import Autosave, Recovered, UnreadableRecovery, find_recovery


def _unsaveable(season: Season) -> Season:
    # A session without a minute breaks a document rule: Save refuses the season.
    broken = Session("s-1", date(2027, 3, 9), SessionKind.WEIGHTS, "Strength", (), minutes=0)
    override = Override("ath-1", date(2027, 3, 9), SessionKind.WEIGHTS, broken, None)
    return season._replace(name="Work in progress", overrides=(override,))


def _autosave(document: OpenSeason, folder: Path, qtbot: QtBot) -> Autosave:
    # The timer never fires within a test: each test writes the copy itself.
    return Autosave(document, folder, interval_ms=3_600_000)


def test_a_season_save_refuses_still_gets_a_recovery_copy(demo: Season, tmp_path: Path, qtbot: QtBot) -> None:
    document = OpenSeason(demo)
    document.apply("Break it", _unsaveable)
    with pytest.raises(DocumentError):
        save(document.season, tmp_path / "refused.sprintplan")
    autosave = _autosave(document, tmp_path / "recovery", qtbot)

    assert autosave.write_now()

    text = autosave.recovery_file.read_text(encoding="utf-8")
    assert '"name": "Work in progress"' in text
    assert '"minutes": 0' in text
    assert sorted(p.name for p in autosave.folder.iterdir()) == ["recovery.json", "recovery.sprintplan"]


def test_a_recovery_copy_that_does_not_load_is_kept_and_reported(demo: Season, tmp_path: Path, qtbot: QtBot) -> None:
    document = OpenSeason(demo)
    document.apply("Break it", _unsaveable)
    autosave = _autosave(document, tmp_path / "recovery", qtbot)
    assert autosave.write_now()
    written = autosave.recovery_file.read_bytes()

    found = find_recovery(autosave.folder)

    assert isinstance(found, UnreadableRecovery)
    assert found.reason.startswith(
        "Changed session 1 (Łucja Wiśniewska, weights, on 9 March 2027), coach's session, minutes: "
    )
    assert found.kept.read_bytes() == written
    assert found.kept.parent == autosave.folder
    # Set aside: the next start does not offer it again, and a new copy does not overwrite it.
    assert find_recovery(autosave.folder) is None


def test_a_valid_recovery_copy_loads_back(demo: Season, tmp_path: Path, qtbot: QtBot) -> None:
    document = OpenSeason(demo)
    document.apply("Rename", lambda s: s._replace(name="Renamed"))
    autosave = _autosave(document, tmp_path / "recovery", qtbot)
    assert autosave.write_now()

    found = find_recovery(autosave.folder)

    assert isinstance(found, Recovered)
    assert found.season == document.season
    assert load(autosave.recovery_file) == document.season


def test_the_window_says_why_unsaved_work_cannot_be_restored(
    demo: Season, tmp_path: Path, qtbot: QtBot, fake_dialogs: FakeDialogs
) -> None:
    folder = tmp_path / "recovery"
    document = OpenSeason(demo)
    document.apply("Break it", _unsaveable)
    assert _autosave(document, folder, qtbot).write_now()

    window = MainWindow(
        demo,
        None,
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        dialogs=fake_dialogs,
        recovery_folder=folder,
        today=date(2027, 3, 10),
    )
    qtbot.addWidget(window)

    assert not window.offer_recovery()
    assert window.document.season == demo
    [(kind, text)] = fake_dialogs.asked
    assert kind == "error"
    assert "cannot be opened (Changed session 1 (Łucja Wiśniewska, weights, on 9 March 2027)" in text
    kept = next(folder.glob("unreadable-recovery-*.sprintplan"))
    assert f"Its text is kept in {kept}." in text
