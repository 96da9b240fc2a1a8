"""The squad entry: a day of three athletes typed in without changing the selection, each
session one undo step, the rest as planned in one, and undo back to the exact document."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.document.edits import convert_units, mark_done_as_planned
from planner.document.model import Season, Units
from planner.document.records import DoneSet, RecordStatus
from planner.document.sessions import SessionKind
from tests.ui.model_check import check_model
from ui.dialogs.squad_entry import Column, SquadEntry
from ui.document import OpenSeason
from ui.selection import Selection

TODAY = date(2026, 11, 16)
THURSDAY = date(2026, 11, 12)  # Łucja (ath-1) weights; Zoë (ath-3) plyometrics and weights; Noël (ath-4, lb) weights
WEIGHTS, PLYO = SessionKind.WEIGHTS, SessionKind.PLYOMETRICS


@pytest.fixture
def document(demo: Season) -> OpenSeason:
    return OpenSeason(demo, today=TODAY)


@pytest.fixture
def entry(qtbot: QtBot, document: OpenSeason) -> SquadEntry:
    selection = Selection("ath-2", date(2027, 3, 1))
    dialog = SquadEntry(document, selection)
    qtbot.addWidget(dialog)
    dialog.show_day(THURSDAY)
    qtbot.waitExposed(dialog)
    return dialog


def heads(entry: SquadEntry) -> list[tuple[str, SessionKind]]:
    return [(r.athlete.id, r.planned.kind) for r in entry.model.records() if r.item is None]


def row_of(entry: SquadEntry, athlete_id: str, kind: SessionKind, item: int | None = None) -> int:
    return next(
        n for n, r in enumerate(entry.model.records())
        if (r.athlete.id, r.planned.kind, r.item) == (athlete_id, kind, item)
    )


def index(entry: SquadEntry, athlete_id: str, kind: SessionKind, column: int, item: int | None = None) -> QModelIndex:
    return entry.model.index(row_of(entry, athlete_id, kind, item), column)


def test_a_day_of_three_athletes_as_rows(entry: SquadEntry, qtmodeltester: ModelTester) -> None:
    check_model(qtmodeltester, entry.model)
    kinds = {(a, k) for a, k in heads(entry)}
    assert {("ath-1", WEIGHTS), ("ath-3", WEIGHTS), ("ath-3", PLYO), ("ath-4", WEIGHTS)} <= kinds
    assert entry.title.text().startswith("Thu")
    first = entry.model.records()[row_of(entry, "ath-1", WEIGHTS)]
    squat_row = row_of(entry, "ath-1", WEIGHTS, 0)
    item = first.planned.items[0]
    assert entry.model.index(squat_row, Column.SESSION).data().strip() == item.name
    # An exercise's "Done" cell is prefilled with its sets as planned, one by one.
    loads = "" if item.load is None else f"x{item.load:g}"
    assert entry.model.index(squat_row, Column.DONE).data() == ", ".join([f"{item.reps}{loads}"] * item.sets)
    assert entry.model.index(row_of(entry, "ath-1", WEIGHTS), Column.DONE).data() == "not recorded"
    assert entry.summary_label.text() == f"0 of {len(heads(entry))} sessions recorded"


def test_enter_records_a_session_and_moves_to_the_next_athlete(qtbot: QtBot, entry: SquadEntry,
                                                               document: OpenSeason) -> None:
    before = document.season
    entry.table.setFocus()
    first = heads(entry)[0]
    assert entry.table.currentIndex() == index(entry, *first, Column.DONE)
    QTest.keyClick(entry.table, Qt.Key.Key_Return)
    planned = entry.model.records()[row_of(entry, *first)].planned
    assert document.season.records == mark_done_as_planned(before, first[0], THURSDAY, first[1], planned).records
    assert document.undo_stack.undoText().startswith("Done as planned: ")
    assert entry.table.currentIndex() == index(entry, *heads(entry)[1], Column.DONE)
    # The window's selection did not move.
    assert (entry.selection.athlete_id, entry.selection.day) == ("ath-2", date(2027, 3, 1))


def test_typing_a_card_with_tab_and_enter(qtbot: QtBot, entry: SquadEntry, document: OpenSeason) -> None:
    before = document.season
    noel = row_of(entry, "ath-4", WEIGHTS)
    entry.table.setFocus()
    entry.table.setCurrentIndex(entry.model.index(noel, Column.DONE))
    QTest.keyClick(entry.table, Qt.Key.Key_Tab)  # to the effort
    assert entry.table.currentIndex() == entry.model.index(noel, Column.EFFORT)
    QTest.keyClicks(entry.table, "7")
    QTest.keyClick(entry.table.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClicks(entry.table.focusWidget(), "48")
    QTest.keyClick(entry.table.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClicks(entry.table.focusWidget(), "knee sore")
    QTest.keyClick(entry.table.focusWidget(), Qt.Key.Key_Tab)
    # Then the first exercise's sets: two of them done, lighter.
    assert entry.table.currentIndex() == entry.model.index(noel + 1, Column.DONE)
    editor = entry.table.focusWidget()
    QTest.keyClicks(editor, "5x95, 5x95")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Record partly done: weights session (Noël Brandt, Thu 12 Nov)"
    record = document.season.find_record(("ath-4", THURSDAY, WEIGHTS))
    assert record is not None
    assert (record.status, record.effort, record.minutes) == (RecordStatus.PARTLY_DONE, 7.0, 48)
    assert record.note == "knee sore"
    assert record.items[0].sets == (DoneSet(5, 95.0), DoneSet(5, 95.0))
    assert record.units.value == "lb"
    shown = index(entry, "ath-4", WEIGHTS, Column.DONE).data()
    assert shown.startswith("partly done · ") and shown.endswith(" % of plan")
    planned = record.planned
    assert all(len(done.sets) == item.sets for done, item in zip(record.items[1:], planned.items[1:], strict=True))
    document.undo_stack.undo()
    assert document.season == before


def test_status_missed_and_a_bad_value_is_refused_with_nothing_recorded(entry: SquadEntry,
                                                                        document: OpenSeason) -> None:
    model = entry.model
    assert model.setData(index(entry, "ath-3", WEIGHTS, Column.DONE, 0), "5x-10, 5")
    entry.table.setCurrentIndex(index(entry, "ath-3", WEIGHTS, Column.DONE))
    assert not entry.record_current()
    assert "set 1: the load must be 0 to" in entry.message()
    assert entry.message().endswith("nothing was recorded")
    assert document.season.records == ()
    # The cursor goes to the cell the refusal is about.
    assert entry.table.currentIndex() == index(entry, "ath-3", WEIGHTS, Column.DONE, 0)
    assert model.setData(index(entry, "ath-3", WEIGHTS, Column.DONE, 0), "")
    assert model.setData(index(entry, "ath-3", WEIGHTS, Column.EFFORT), "eight")
    assert not entry.record_current()
    assert "Effort: 'eight' is not a number" in entry.message()
    assert entry.table.currentIndex() == index(entry, "ath-3", WEIGHTS, Column.EFFORT)
    assert model.setData(index(entry, "ath-3", WEIGHTS, Column.DONE), "missed")
    assert model.setData(index(entry, "ath-3", WEIGHTS, Column.NOTE), "ill")
    assert entry.record_current()
    record = document.season.find_record(("ath-3", THURSDAY, WEIGHTS))
    assert record is not None and (record.status, record.items, record.note) == (RecordStatus.MISSED, (), "ill")
    assert entry.message() == ""
    assert index(entry, "ath-3", WEIGHTS, Column.DONE).data() == "missed"


def test_the_rest_as_planned_in_one_step_and_undo_restores_the_document(entry: SquadEntry,
                                                                        document: OpenSeason) -> None:
    before = document.season
    entry.model.setData(index(entry, "ath-1", WEIGHTS, Column.EFFORT), "6")
    count = len(heads(entry))
    assert entry.rest_button.text() == f"Record the rest as planned ({count - 1})"
    assert entry.record_rest_as_planned()
    assert document.undo_stack.count() == 1
    recorded = {(r.athlete_id, r.kind) for r in document.season.records}
    assert recorded == set(heads(entry)) - {("ath-1", WEIGHTS)}
    assert all(r.status is RecordStatus.DONE for r in document.season.records)
    # What was typed for Łucja waits for its own Enter.
    assert index(entry, "ath-1", WEIGHTS, Column.EFFORT).data() == "6"
    assert not entry.rest_button.isEnabled()
    document.undo_stack.undo()
    assert document.season == before


def test_a_week_lists_only_days_up_to_today(entry: SquadEntry, document: OpenSeason) -> None:
    entry.span_box.setCurrentIndex(entry.span_box.findData("week"))
    days = {r.planned.date for r in entry.model.records()}
    assert days and max(days) <= TODAY and len(days) > 1
    entry.show_day(TODAY)
    assert {r.planned.date for r in entry.model.records()} <= {TODAY}
    assert not entry.next_button.isEnabled()


def test_a_status_chosen_from_the_keyboard(qtbot: QtBot, entry: SquadEntry, document: OpenSeason) -> None:
    noel = index(entry, "ath-4", WEIGHTS, Column.DONE)
    entry.table.setFocus()
    entry.table.setCurrentIndex(noel)
    QTest.keyClicks(entry.table, "m")  # opens the choice on "missed"
    editor = entry.table.focusWidget()
    assert editor is not None and editor.objectName() == "statusEditor"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    record = document.season.find_record(("ath-4", THURSDAY, WEIGHTS))
    assert record is not None and record.status is RecordStatus.MISSED
    assert index(entry, "ath-4", WEIGHTS, Column.DONE).data() == "missed"
    entry.table.setCurrentIndex(index(entry, "ath-1", WEIGHTS, Column.DONE))
    assert entry.record_current()
    assert index(entry, "ath-1", WEIGHTS, Column.DONE).data() == "done as planned"
    assert entry.summary_label.text() == f"2 of {len(heads(entry))} sessions recorded"


def test_undo_from_the_keyboard_in_the_squad_entry(qtbot: QtBot, entry: SquadEntry, document: OpenSeason) -> None:
    before = document.season
    entry.activateWindow()
    entry.table.setFocus()
    QTest.keyClick(entry.table, Qt.Key.Key_Return)
    assert document.undo_stack.count() == 1
    QTest.keyClick(entry.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.season == before
    assert entry.summary_label.text().startswith("0 of ")


def test_a_session_recorded_and_no_longer_planned_keeps_its_row(qtbot: QtBot, demo: Season) -> None:
    # Łucja has no plyometrics on Thursday; a record of one (made before the plan moved it
    # away) is still listed, with the plan it had.
    plan_day = OpenSeason(demo, today=TODAY).plan("ath-3").day(THURSDAY)
    assert plan_day is not None
    plyometrics = next(s for s in plan_day.sessions if s.kind is PLYO)
    season = mark_done_as_planned(demo, "ath-1", THURSDAY, PLYO, plyometrics)
    dialog = SquadEntry(OpenSeason(season, today=TODAY), Selection("ath-1", THURSDAY))
    qtbot.addWidget(dialog)
    dialog.show_day(THURSDAY)
    assert ("ath-1", PLYO) in heads(dialog)
    row = dialog.model.records()[row_of(dialog, "ath-1", PLYO)]
    assert row.planned == plyometrics and row.record == season.find_record(("ath-1", THURSDAY, PLYO))
    assert index(dialog, "ath-1", PLYO, Column.DONE).data() == "done as planned"


def test_a_record_keeps_its_own_units_after_the_athlete_changes_units(qtbot: QtBot, demo: Season) -> None:
    plan_day = OpenSeason(demo, today=TODAY).plan("ath-1").day(THURSDAY)
    assert plan_day is not None
    planned = next(s for s in plan_day.sessions if s.kind is WEIGHTS)  # Romanian deadlift 3 x 8 at 62.5 kg first
    season = convert_units(mark_done_as_planned(demo, "ath-1", THURSDAY, WEIGHTS, planned), "ath-1", Units.LB)
    recorded = season.find_record(("ath-1", THURSDAY, WEIGHTS))
    assert recorded is not None and recorded.units is Units.KG
    document = OpenSeason(season, today=TODAY)
    dialog = SquadEntry(document, Selection("ath-1", THURSDAY))
    qtbot.addWidget(dialog)
    dialog.show_day(THURSDAY)
    # Untouched, the session gives back the record as it is, and Enter saves nothing.
    assert dialog.model.record_of(("ath-1", THURSDAY, WEIGHTS.value)) == recorded
    dialog.table.setCurrentIndex(index(dialog, "ath-1", WEIGHTS, Column.DONE))
    assert not dialog.record_current()
    assert document.undo_stack.count() == 0 and document.season == season
    # The sets are shown and labelled in the record's kg, and what is typed is kept in kg.
    deadlift = index(dialog, "ath-1", WEIGHTS, Column.DONE, 0)
    assert deadlift.data() == "8x62.5, 8x62.5, 8x62.5"
    assert deadlift.data(Qt.ItemDataRole.ToolTipRole) == "Sets done, separated by commas: reps x kg (empty: not done)"
    assert dialog.model.setData(deadlift, "8x65, 8x62.5, 8x62.5")
    dialog.table.setCurrentIndex(index(dialog, "ath-1", WEIGHTS, Column.DONE))
    assert dialog.record_current()
    changed = document.season.find_record(("ath-1", THURSDAY, WEIGHTS))
    assert changed is not None and changed.units is Units.KG
    assert changed.items[0].sets == (DoneSet(8, 65.0), DoneSet(8, 62.5), DoneSet(8, 62.5))
    assert changed.items[1:] == recorded.items[1:]
