"""The athletes panel: the squad and competition lists, their commands through the dialogs
(answered by FakeDialogs), one undo step per change, and the shared selection."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Event, Level, Priority, Season, Sex
from tests.ui.conftest import FakeDialogs
from tests.ui.model_check import check_model
from ui.document import OpenSeason
from ui.panels.athletes import (
    BADGE_ROLE,
    CHIP_ROLE,
    CLEAN,
    COMPETITION,
    DATES,
    ENTERED,
    EVENT,
    LEVEL,
    NAME,
    PRIORITY,
    SQUAT,
    VENUE,
    AthletesPanel,
)
from ui.selection import Selection


@pytest.fixture
def panel(qtbot: QtBot, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs) -> AthletesPanel:
    widget = AthletesPanel(document, selection, fake_dialogs)
    qtbot.addWidget(widget)
    return widget


class _Row:
    """One row of a list, read through its model as the view shows it."""

    def __init__(self, view: QTreeView, row: int) -> None:
        assert 0 <= row < view.model().rowCount()
        self._model, self._row = view.model(), row

    def data(self, column: int, role: int) -> object:
        return self._model.index(self._row, column).data(role)

    def text(self, column: int) -> str:
        return str(self.data(column, Qt.ItemDataRole.DisplayRole) or "")

    def toolTip(self, column: int) -> str:  # as QTreeWidgetItem names it
        return str(self.data(column, Qt.ItemDataRole.ToolTipRole) or "")


def _item(view: QTreeView, row: int) -> _Row:
    return _Row(view, row)


def _current(view: QTreeView) -> _Row:
    return _Row(view, view.currentIndex().row())


def _choose(view: QTreeView, row: int) -> None:
    view.setCurrentIndex(view.model().index(row, 0))


def _column(view: QTreeView, column: int) -> list[str]:
    return [_item(view, i).text(column) for i in range(view.model().rowCount())]


def _row_of(view: QTreeView, text: str, column: int) -> int:
    return _column(view, column).index(text)


def _double_click(qtbot: QtBot, view: QTreeView, row: int) -> None:
    # A real double click starts with a press: the view only acts on the item it was pressed on.
    centre = view.visualRect(view.model().index(row, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


# Lists -------------------------------------------------------------------------------------


def test_the_squad_lists_name_event_level_junior_badge_and_latest_maxes(panel: AthletesPanel) -> None:
    assert panel.objectName() == "athletesPanel"
    squad = panel.squad
    assert _column(squad, NAME) == [
        "Łucja Wiśniewska", "Søren Ødegaard", "Zoë Marchetti", "Noël Brandt", "Jonáš Dvořák",
    ]
    assert _column(squad, EVENT) == ["400mH", "400m", "400m", "400mH", "400m"]
    assert _column(squad, LEVEL) == ["Advanced", "Advanced", "Intermediate", "Intermediate", "Beginner"]
    assert _column(squad, SQUAT) == ["105 kg", "165 kg", "92.5 kg, est.", "330 lb", "70 kg"]
    # Zoë cleans from the hang: the panel shows the max her plan uses.
    assert _column(squad, CLEAN) == ["67.5 kg", "105 kg", "55 kg hang clean, est.", "205 lb, est.", "42.5 kg, est."]
    badges = [_item(squad, i).data(NAME, BADGE_ROLE) for i in range(5)]
    assert badges == [None, None, None, None, "Junior"]
    assert _item(squad, 2).toolTip(CLEAN) == "Hang clean 55 kg, estimated on Fri 2 Oct 2026"
    assert panel.squad_title.text() == "Squad (5)"


def test_the_competitions_list_priority_dates_venue_and_entries(panel: AthletesPanel) -> None:
    competitions = panel.competitions
    assert panel.competitions_title.text() == "Competitions (11)"
    assert _column(competitions, COMPETITION)[:2] == ["City Indoor Opener", "New Year Indoor Meeting"]
    row = _row_of(competitions, "National Championships", COMPETITION)
    item = _item(competitions, row)
    assert item.text(PRIORITY) == "A"
    assert item.data(PRIORITY, CHIP_ROLE) == ("A", False)
    assert item.text(DATES) == "23–25 Jul 2027"
    assert item.text(VENUE) == "Outdoor"
    assert item.text(ENTERED) == "All (5)"
    assert item.toolTip(ENTERED) == "Everyone in the squad"
    indoor = _item(competitions, _row_of(competitions, "Indoor Championships", COMPETITION))
    assert (indoor.text(DATES), indoor.text(VENUE), indoor.text(ENTERED)) == ("27–28 Feb 2027", "Indoor", "1 of 5")
    assert indoor.data(PRIORITY, CHIP_ROLE) == ("A", True)
    assert indoor.toolTip(ENTERED) == "Søren Ødegaard"
    opener = _item(competitions, 0)
    assert opener.text(DATES) == "Sat 16 Jan 2027"


def test_competitions_are_listed_by_date_whatever_the_document_order(
    panel: AthletesPanel, document: OpenSeason
) -> None:
    document.apply(
        "Add competition",
        lambda s: edits.add_competition(
            s, name="Autumn Test", start=date(2026, 11, 7), end=date(2026, 11, 7), priority=Priority.C, indoor=True,
            athletes=(),
        ),
    )
    assert _column(panel.competitions, COMPETITION)[0] == "Autumn Test"
    assert _item(panel.competitions, 0).text(ENTERED) == "Nobody"
    assert panel.competitions_title.text() == "Competitions (12)"


def test_the_lists_follow_changes_made_elsewhere(panel: AthletesPanel, document: OpenSeason) -> None:
    document.apply(
        "Record max", lambda s: edits.record_max(s, "ath-1", lift="back_squat", day=date(2027, 1, 5), value=110)
    )
    assert _item(panel.squad, 0).text(SQUAT) == "110 kg"
    document.undo_stack.undo()
    assert _item(panel.squad, 0).text(SQUAT) == "105 kg"


# Selection ---------------------------------------------------------------------------------


def test_selecting_in_the_list_selects_the_athlete_everywhere(panel: AthletesPanel, selection: Selection) -> None:
    assert panel.selected_athlete() == "ath-1"
    _choose(panel.squad, 2)
    assert selection.athlete_id == "ath-3"
    selection.set_athlete("ath-5")
    assert panel.selected_athlete() == "ath-5"
    assert _current(panel.squad).text(NAME) == "Jonáš Dvořák"


def test_clicking_an_athlete_selects_them(qtbot: QtBot, panel: AthletesPanel, selection: Selection) -> None:
    panel.resize(1100, 300)
    panel.show()
    qtbot.waitExposed(panel)
    centre = panel.squad.visualRect(panel.squad.model().index(3, 0)).center()
    QTest.mouseClick(panel.squad.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert selection.athlete_id == "ath-4"


def test_competitions_follow_the_shared_selection_both_ways(panel: AthletesPanel, selection: Selection) -> None:
    assert panel.selected_competition() is None
    assert not panel.entries_button.isEnabled()
    row = _row_of(panel.competitions, "Spring Open", COMPETITION)
    _choose(panel.competitions, row)
    assert selection.competition_id == "comp-6"
    assert panel.entries_button.isEnabled()
    selection.set_competition("comp-10")
    assert _current(panel.competitions).text(COMPETITION) == "National Championships"
    selection.set_competition(None)
    assert panel.selected_competition() is None
    assert not panel.entries_button.isEnabled()


# Athletes ----------------------------------------------------------------------------------


def test_add_applies_the_dialogs_edit_as_one_undo_step_and_selects_the_new_athlete(
    panel: AthletesPanel, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs
) -> None:
    fake_dialogs.athlete_edit = lambda s: edits.add_athlete(
        s, name="Mia Kovač", event=Event.FLAT_400, sex=Sex.FEMALE, level=Level.BEGINNER, junior=True, body_mass=52
    )
    panel.add_button.click()
    assert fake_dialogs.asked == [("edit_athlete", None)]
    assert _column(panel.squad, NAME)[-1] == "Mia Kovač"
    assert _item(panel.squad, 5).data(NAME, BADGE_ROLE) == "Junior"
    assert _item(panel.squad, 5).text(SQUAT) == "–"
    assert selection.athlete_id == "ath-6"
    assert panel.selected_athlete() == "ath-6"
    assert panel.status.text() == "Added Mia Kovač to the squad."
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Add athlete"
    document.undo_stack.undo()
    assert "Mia Kovač" not in _column(panel.squad, NAME)


def test_edit_asks_for_the_selected_athlete_and_applies_one_undo_step(
    panel: AthletesPanel, document: OpenSeason, fake_dialogs: FakeDialogs, demo: Season
) -> None:
    _choose(panel.squad, 1)
    fake_dialogs.athlete_edit = lambda s: edits.change_athlete(s, "ath-2", body_mass=80.0, level=Level.INTERMEDIATE)
    panel.edit_button.click()
    assert fake_dialogs.asked == [("edit_athlete", "ath-2")]
    assert document.season.athlete("ath-2").body_mass == 80.0
    assert _item(panel.squad, 1).text(LEVEL) == "Intermediate"
    assert panel.status.text() == "Changed Søren Ødegaard."
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit Søren Ødegaard"
    document.undo_stack.undo()
    assert document.season == demo


def test_double_clicking_an_athlete_edits_them(qtbot: QtBot, panel: AthletesPanel, fake_dialogs: FakeDialogs) -> None:
    panel.resize(1100, 300)
    panel.show()
    qtbot.waitExposed(panel)
    _double_click(qtbot, panel.squad, 4)
    assert ("edit_athlete", "ath-5") in fake_dialogs.asked


def test_a_cancelled_dialog_changes_nothing(
    panel: AthletesPanel, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    fake_dialogs.athlete_edit = None
    assert not panel.add_athlete()
    assert not panel.edit_athlete("ath-1")
    assert document.undo_stack.count() == 0
    assert panel.status.text() == ""


def test_an_edit_that_changes_nothing_pushes_no_undo_step(
    panel: AthletesPanel, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    fake_dialogs.athlete_edit = lambda s: s
    assert not panel.edit_athlete("ath-1")
    assert document.undo_stack.count() == 0
    assert panel.status.text() == "Nothing changed."


def test_a_refused_edit_is_reported_and_changes_nothing(
    panel: AthletesPanel, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    fake_dialogs.athlete_edit = lambda s: edits.change_athlete(s, "ath-1", body_mass=5.0)
    assert not panel.edit_athlete("ath-1")
    kind, text = fake_dialogs.asked[-1]
    assert kind == "error"
    assert "body mass 5 kg is outside 25-200 kg" in text
    assert document.undo_stack.count() == 0


def test_remove_is_one_undo_step_and_undo_brings_the_athlete_back(
    panel: AthletesPanel, document: OpenSeason, demo: Season
) -> None:
    _choose(panel.squad, 3)
    panel.remove_button.click()
    assert _column(panel.squad, NAME) == ["Łucja Wiśniewska", "Søren Ødegaard", "Zoë Marchetti", "Jonáš Dvořák"]
    assert document.season.find_athlete("ath-4") is None
    winter = _item(panel.competitions, _row_of(panel.competitions, "Winter Sprint Cup", COMPETITION))
    assert winter.text(ENTERED) == "2 of 4"
    assert panel.status.text() == (
        "Removed Noël Brandt. Undo (Ctrl+Z) brings Noël Brandt back with their entries and changes."
    )
    # Nothing of the removed athlete is left selected for the next command to act on.
    assert panel.selected_athlete() is None
    assert not panel.remove_button.isEnabled()
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Remove Noël Brandt"

    document.undo_stack.undo()
    assert document.season == demo
    assert _column(panel.squad, NAME)[3] == "Noël Brandt"
    # The line about the removal no longer holds once it is undone.
    assert panel.status.text() == ""
    assert panel.status.isHidden()
    winter = _item(panel.competitions, _row_of(panel.competitions, "Winter Sprint Cup", COMPETITION))
    assert winter.text(ENTERED) == "3 of 5"


# Competitions and season -------------------------------------------------------------------


def test_entries_opens_the_selected_competition_and_applies_one_undo_step(
    panel: AthletesPanel, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs
) -> None:
    selection.set_competition("comp-9")
    entered = ("ath-3", "ath-4", "ath-5")
    fake_dialogs.competition_edit = lambda s: edits.change_competition(s, "comp-9", athletes=entered)
    panel.entries_button.click()
    assert fake_dialogs.asked == [("edit_competition", "comp-9")]
    midsummer = _item(panel.competitions, _row_of(panel.competitions, "Midsummer Meeting", COMPETITION))
    assert midsummer.text(ENTERED) == "3 of 5"
    assert midsummer.toolTip(ENTERED) == "Zoë Marchetti, Noël Brandt, Jonáš Dvořák"
    assert panel.selected_competition() == "comp-9"
    assert panel.status.text() == "Changed Midsummer Meeting."
    assert document.undo_stack.undoText() == "Edit Midsummer Meeting"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.season.competition("comp-9").athletes == ("ath-3", "ath-5")


def test_double_clicking_a_competition_opens_its_entries(
    qtbot: QtBot, panel: AthletesPanel, fake_dialogs: FakeDialogs
) -> None:
    panel.resize(1100, 300)
    panel.show()
    qtbot.waitExposed(panel)
    _double_click(qtbot, panel.competitions, 0)
    assert ("edit_competition", "comp-1") in fake_dialogs.asked


def test_season_settings_applies_the_dialogs_edit(
    panel: AthletesPanel, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    fake_dialogs.season_edit = lambda s: edits.change_season(s, name="Squad 2027")
    panel.season_button.click()
    assert fake_dialogs.asked == [("edit_season", None)]
    assert document.season.name == "Squad 2027"
    assert document.undo_stack.undoText() == "Season settings"
    assert panel.status.text() == "Season settings changed."


# The lists as item models ----------------------------------------------------------------------


def test_the_lists_are_sound_item_models_through_edits_and_undo(
    qtmodeltester: ModelTester, panel: AthletesPanel, document: OpenSeason
) -> None:
    check_model(qtmodeltester, panel.squad_model)
    document.apply("Rename", lambda s: edits.change_athlete(s, "ath-2", name="Søren Ø."))
    document.apply("Remove", lambda s: edits.remove_athlete(s, "ath-4"))
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert _column(panel.squad, NAME)[1] == "Søren Ødegaard"


def test_the_competition_list_is_a_sound_item_model(
    qtmodeltester: ModelTester, panel: AthletesPanel, document: OpenSeason
) -> None:
    check_model(qtmodeltester, panel.competition_model)
    document.apply("Move", lambda s: edits.move_competition(s, "comp-1", date(2027, 3, 6)))  # now after comp-5
    document.apply("Remove", lambda s: edits.remove_competition(s, "comp-2"))
    document.undo_stack.undo()
    assert _column(panel.competitions, COMPETITION)[:2] == ["New Year Indoor Meeting", "Indoor Grand Prix"]


def test_the_selected_row_stays_selected_through_edits_of_it_and_of_others(
    panel: AthletesPanel, document: OpenSeason, selection: Selection
) -> None:
    resets: list[object] = []
    panel.squad_model.modelReset.connect(lambda: resets.append(None))
    selection.set_athlete("ath-3")
    document.apply("Rename", lambda s: edits.change_athlete(s, "ath-3", name="Zoë M."))
    document.apply("Remove", lambda s: edits.remove_athlete(s, "ath-1"))  # a row above it goes
    assert resets == []
    assert panel.selected_athlete() == "ath-3" and _current(panel.squad).text(NAME) == "Zoë M."
    assert panel.squad.selectionModel().isRowSelected(panel.squad.currentIndex().row())
    assert panel.squad.currentIndex().row() == 1  # moved up with its row
    selection.set_competition("comp-10")
    document.apply("Move", lambda s: edits.move_competition(s, "comp-10", date(2027, 8, 6)))
    assert panel.selected_competition() == "comp-10"
    assert _current(panel.competitions).text(DATES) == "6–8 Aug 2027"


def test_a_panel_filled_later_has_the_size_and_rows_of_one_filled_at_once(
    qtbot: QtBot, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs
) -> None:
    at_once = AthletesPanel(document, selection, fake_dialogs)
    later = AthletesPanel(document, selection, fake_dialogs, filled=False)
    for widget in (at_once, later):
        qtbot.addWidget(widget)
    assert later.squad_model.rowCount() == later.competition_model.rowCount() == 0
    empty_sizes = (later.minimumSizeHint(), later.sizeHint())
    later.fill()
    assert at_once.squad_model.rowCount() > 0 and at_once.competition_model.rowCount() > 0
    # The main window lays the tab out before the rows arrive: they must not change its room.
    assert empty_sizes == (later.minimumSizeHint(), later.sizeHint()) == (at_once.minimumSizeHint(), at_once.sizeHint())
    for ours, theirs in ((later.squad, at_once.squad), (later.competitions, at_once.competitions)):
        assert [_Row(ours, r).text(c) for r in range(ours.model().rowCount()) for c in range(5)] == [
            _Row(theirs, r).text(c) for r in range(theirs.model().rowCount()) for c in range(5)
        ]
        assert ours.currentIndex().row() == theirs.currentIndex().row()
    assert later.squad_title.text() == at_once.squad_title.text()
    later.fill()  # a second time changes nothing
    assert later.squad_model.rowCount() == at_once.squad_model.rowCount()
