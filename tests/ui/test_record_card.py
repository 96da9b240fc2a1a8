"""The Day panel's card of what was done: typed in from the keyboard, one click for "done as
planned" and "missed", refusals in the message line, and every record one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from planner.document.edits import convert_units, mark_done_as_planned, record_max, record_session
from planner.document.model import Season, Units
from planner.document.records import DoneSet, RecordStatus
from planner.document.sessions import Session, SessionKind
from planner.engine.record_entry import planned_lines
from ui.document import OpenSeason
from ui.inspector.record_card import RecordCard
from ui.inspector.table import Column
from ui.inspector.widget import Inspector
from ui.selection import Selection

TODAY = date(2026, 11, 16)
FRIDAY = date(2026, 11, 6)  # Łucja (ath-1): a weights session of two exercises
TUESDAY = date(2026, 11, 10)  # Łucja: plyometrics and weights
WEIGHTS, PLYO = SessionKind.WEIGHTS, SessionKind.PLYOMETRICS


@pytest.fixture
def document(demo: Season) -> OpenSeason:
    return OpenSeason(demo, today=TODAY)


@pytest.fixture
def inspector(qtbot: QtBot, document: OpenSeason) -> Inspector:
    widget = _shown_inspector(qtbot, document, FRIDAY)
    widget.activateWindow()
    return widget


def _shown_inspector(qtbot: QtBot, document: OpenSeason, day: date) -> Inspector:
    """Łucja's ``day`` in an inspector tall enough for every card, shown."""
    widget = Inspector(document, Selection("ath-1", day))
    qtbot.addWidget(widget)
    widget.resize(380, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def card_of(inspector: Inspector, kind: SessionKind = WEIGHTS) -> RecordCard:
    card = inspector.record_card(kind)
    assert card is not None
    return card


def type_into(qtbot: QtBot, cell: QLineEdit, text: str) -> None:
    cell.selectAll()
    QTest.keyClicks(cell, text)


def focused() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    return widget


def wait_for_steps(qtbot: QtBot, document: OpenSeason, count: int) -> None:
    qtbot.waitUntil(lambda: document.undo_stack.count() == count, timeout=2000)


def test_a_past_day_shows_planned_beside_done_prefilled_with_the_plan(inspector: Inspector,
                                                                       document: OpenSeason) -> None:
    card = card_of(inspector)
    friday = document.plan("ath-1").day(FRIDAY)
    assert friday is not None
    session = friday.sessions[0]
    assert card.planned == session
    lines = planned_lines(session, document.season.athletes[0].units)
    cells = [cell for item_cells in card.cells() for cell in item_cells]
    assert [(c.reps, c.amount) for c in cells] == [
        (str(line.reps), "" if line.load is None else f"{line.load:g}") for line in lines
    ]
    assert card.recorded_label.text() == "not recorded yet"
    assert card.status() is RecordStatus.DONE
    # On a past day the card stands in for the prescription's table.
    block = inspector.block(WEIGHTS)
    assert block is not None and block.table.isHidden()


def test_a_whole_session_typed_from_the_keyboard(qtbot: QtBot, inspector: Inspector, document: OpenSeason) -> None:
    card = card_of(inspector)
    before = document.season
    card.first_cell().setFocus()
    qtbot.waitUntil(lambda: card.first_cell().hasFocus())
    focused().selectAll()
    QTest.keyClicks(focused(), "3")  # set 1: three reps of the five
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    expected: list[QLineEdit] = []
    for item_rows in card.rows:
        for row in item_rows:
            expected.append(row.reps)
            if row.amount is not None:
                expected.append(row.amount)
    # Tab visits every set's cells in order, then the effort and the minutes.
    for cell in expected[1:]:
        assert focused() is cell
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is card.effort
    QTest.keyClicks(focused(), "8")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is card.minutes
    QTest.keyClicks(focused(), "52")
    assert card.status() is RecordStatus.PARTLY_DONE  # read from the sets as they are typed
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    wait_for_steps(qtbot, document, 1)

    record = document.season.find_record(("ath-1", FRIDAY, WEIGHTS))
    assert record is not None
    assert record.status is RecordStatus.PARTLY_DONE
    assert (record.effort, record.minutes) == (8.0, 52)
    first = card_of(inspector).planned.items[0]
    assert record.items[0].sets[0].reps == 3
    assert record.items[0].sets[1:] == (DoneSet(first.reps, first.load, first.distance_m),) * (first.sets - 1)
    assert document.undo_stack.undoText().startswith("Record partly done: weights session")
    # The card drawn again shows what was recorded.
    # Measured in reps, as nothing of this session is loaded from a max.
    planned_reps = sum(item.sets * item.reps for item in record.planned.items)
    share = round(100 * (planned_reps - (first.reps - 3)) / planned_reps)
    assert card_of(inspector).recorded_label.text() == f"recorded: partly done · {share} % of plan"
    # Within ±20 % of the plan: the band's sign and what it is measured on.
    assert card_of(inspector).recorded_label.toolTip().startswith("✓ done\nBands on volume-load")
    assert card_of(inspector).cells()[0][0].reps == "3"
    document.undo_stack.undo()
    assert document.season == before


def test_enter_on_an_untouched_card_is_done_as_planned(qtbot: QtBot, inspector: Inspector,
                                                       document: OpenSeason) -> None:
    card = card_of(inspector)
    before = document.season
    card.first_cell().setFocus()
    QTest.keyClick(card.first_cell(), Qt.Key.Key_Return)
    wait_for_steps(qtbot, document, 1)
    assert document.season.records == mark_done_as_planned(before, "ath-1", FRIDAY, WEIGHTS, card.planned).records
    assert document.undo_stack.undoText().startswith("Done as planned: weights session (Łucja")


def test_done_as_planned_and_missed_take_one_click_each(qtbot: QtBot, inspector: Inspector,
                                                        document: OpenSeason) -> None:
    inspector.selection.set_day(TUESDAY)
    before = document.season
    QTest.mouseClick(card_of(inspector, PLYO).done_button, Qt.MouseButton.LeftButton)
    wait_for_steps(qtbot, document, 1)
    done = document.season.find_record(("ath-1", TUESDAY, PLYO))
    assert done is not None and done.status is RecordStatus.DONE
    QTest.mouseClick(card_of(inspector, WEIGHTS).missed_button, Qt.MouseButton.LeftButton)
    wait_for_steps(qtbot, document, 2)
    missed = document.season.find_record(("ath-1", TUESDAY, WEIGHTS))
    assert missed is not None and (missed.status, missed.items) == (RecordStatus.MISSED, ())
    assert card_of(inspector, WEIGHTS).recorded_label.text() == "recorded: missed"
    assert all(c.reps == "" for cells in card_of(inspector, WEIGHTS).cells() for c in cells)
    # A missed session turned done with one click more, then cleared.
    QTest.mouseClick(card_of(inspector, WEIGHTS).done_button, Qt.MouseButton.LeftButton)
    wait_for_steps(qtbot, document, 3)
    clear = card_of(inspector, WEIGHTS).clear_button
    assert clear is not None
    QTest.mouseClick(clear, Qt.MouseButton.LeftButton)
    wait_for_steps(qtbot, document, 4)
    assert document.season.find_record(("ath-1", TUESDAY, WEIGHTS)) is None
    for _ in range(4):
        document.undo_stack.undo()
    assert document.season == before


def test_the_shortcut_actions_work_on_the_first_session_not_recorded(inspector: Inspector,
                                                                     document: OpenSeason) -> None:
    inspector.selection.set_day(TUESDAY)
    first, second = (card.ref.kind for card in inspector.record_cards())
    assert inspector.done_as_planned()
    assert document.season.find_record(("ath-1", TUESDAY, first)) is not None
    assert inspector.mark_missed()
    record = document.season.find_record(("ath-1", TUESDAY, second))
    assert record is not None and record.status is RecordStatus.MISSED


@pytest.mark.parametrize(
    ("cell", "text", "message"),
    [
        ("load", "-20", "set 1: the load must be 0 to"),
        ("effort", "11", "the effort must be 0 to 10, found 11; nothing was recorded"),
        ("minutes", "an hour", "Minutes: 'an hour' is not a number; nothing was recorded"),
    ],
)
def test_bad_values_are_refused_in_the_message_line(qtbot: QtBot, inspector: Inspector, document: OpenSeason,
                                                    cell: str, text: str, message: str) -> None:
    card = card_of(inspector)
    target = {"effort": card.effort, "minutes": card.minutes}.get(cell) or next(
        row.amount for rows in card.rows for row in rows if row.amount is not None
    )
    target.setFocus()
    type_into(qtbot, target, text)
    # Enter from another cell: the refusal brings the cursor back to the bad value.
    card.note.setFocus()
    qtbot.waitUntil(card.note.hasFocus)
    QTest.keyClick(card.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: inspector.message() != "", timeout=2000)
    assert focused() is target and target.selectedText() == text
    assert message in inspector.message()
    assert inspector.message().startswith("Łucja Wiśniewska's weights session on 2026-11-06")
    assert document.season.records == ()
    assert document.undo_stack.count() == 0
    # What was typed stays on the card to be put right.
    assert target.text() == text


def test_escape_puts_back_what_the_card_showed(qtbot: QtBot, inspector: Inspector) -> None:
    card = card_of(inspector)
    shown = card.cells()
    cell = card.first_cell()
    cell.setFocus()
    type_into(qtbot, cell, "1")
    type_into(qtbot, card.effort, "9")
    assert card.is_changed() and card.status() is RecordStatus.PARTLY_DONE
    QTest.keyClick(card.effort, Qt.Key.Key_Escape)
    assert card.cells() == shown
    assert card.effort.text() == ""
    assert not card.is_changed() and card.status() is RecordStatus.DONE


def test_today_shows_the_prescription_and_the_card_and_later_days_the_plan_only(qtbot: QtBot, demo: Season) -> None:
    document = OpenSeason(demo, today=FRIDAY)
    widget = Inspector(document, Selection("ath-1", FRIDAY))
    qtbot.addWidget(widget)
    block = widget.block(WEIGHTS)
    assert block is not None and not block.table.isHidden() and widget.record_card(WEIGHTS) is not None
    # Recorded today: the day keeps its prescription from now on, in the same undo step.
    assert not any(span.covers(FRIDAY) for span in document.settled.frozen)
    assert widget.done_as_planned()
    assert any(span.athlete_id == "ath-1" and span.covers(FRIDAY) for span in document.season.frozen)
    assert document.undo_stack.count() == 1
    widget.selection.set_day(TUESDAY)
    assert widget.session_blocks() and widget.record_cards() == []
    assert not widget.done_as_planned()
    assert "after today" in widget.message()
    assert len(document.season.records) == 1


def test_a_record_keeps_the_plan_it_was_made_against(qtbot: QtBot, inspector: Inspector,
                                                     document: OpenSeason) -> None:
    card = card_of(inspector)
    planned = card.planned
    inspector.done_as_planned(WEIGHTS)
    # The session is changed afterwards: the card still shows the plan as it was.
    inspector.edit_item(WEIGHTS, 0, Column.SETS, planned.items[0].sets + 1)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 2, timeout=2000)
    assert card_of(inspector).planned == planned


def test_a_recorded_day_is_kept_as_planned_and_says_when_the_plan_has_moved_on(inspector: Inspector,
                                                                              document: OpenSeason) -> None:
    inspector.selection.set_day(TUESDAY)
    assert "Kept as planned" not in inspector.badges_label.text()
    planned = card_of(inspector).planned
    assert inspector.done_as_planned(WEIGHTS)
    assert "Kept as planned" in inspector.badges_label.text()
    assert "moved on" not in inspector.badges_label.text()
    # A far higher squat max dated before the day: the day keeps its loads, and says so.
    document.apply("New max", lambda s: record_max(s, "ath-1", lift="back_squat", day=date(2026, 10, 1),
                                                         value=150.0))
    assert "The plan has moved on" in inspector.badges_label.text()
    assert card_of(inspector).planned == planned
    block = inspector.block(WEIGHTS)
    assert block is not None and block.session == planned


def test_escape_puts_back_the_effort_minutes_and_note_recorded(qtbot: QtBot, inspector: Inspector,
                                                               document: OpenSeason) -> None:
    card = card_of(inspector)
    type_into(qtbot, card.effort, "7.5")
    type_into(qtbot, card.minutes, "50")
    type_into(qtbot, card.note, "felt quick")
    assert card.extras_changed()
    assert inspector.accept_record(WEIGHTS)
    card = card_of(inspector)
    assert (card.effort.text(), card.minutes.text(), card.note.text()) == ("7.5", "50", "felt quick")
    assert not card.extras_changed() and not card.is_changed()
    type_into(qtbot, card.minutes, "55")
    assert card.extras_changed() and card.is_changed()
    QTest.keyClick(card.minutes, Qt.Key.Key_Escape)
    assert (card.effort.text(), card.minutes.text(), card.note.text()) == ("7.5", "50", "felt quick")
    assert not card.is_changed()


def _inspector_on(qtbot: QtBot, season: Season, day: date) -> tuple[Inspector, OpenSeason]:
    document = OpenSeason(season, today=TODAY)
    return _shown_inspector(qtbot, document, day), document


def _planned(demo: Season, day: date, kind: SessionKind) -> Session:
    plan_day = OpenSeason(demo, today=TODAY).plan("ath-1").day(day)
    assert plan_day is not None
    return next(s for s in plan_day.sessions if s.kind is kind)


def test_a_record_keeps_its_own_units_after_the_athlete_changes_units(qtbot: QtBot, demo: Season) -> None:
    planned = _planned(demo, TUESDAY, WEIGHTS)  # power clean 4 x 4 at 43.75 kg first
    season = convert_units(mark_done_as_planned(demo, "ath-1", TUESDAY, WEIGHTS, planned), "ath-1", Units.LB)
    recorded = season.find_record(("ath-1", TUESDAY, WEIGHTS))
    assert recorded is not None and recorded.units is Units.KG
    inspector, document = _inspector_on(qtbot, season, TUESDAY)
    card = card_of(inspector)
    # Untouched, the card gives back the record as it is, and Enter saves nothing.
    assert card.record() == recorded
    assert not inspector.accept_record(WEIGHTS)
    assert document.undo_stack.count() == 0 and document.season == season
    # The loads are shown and labelled in the record's kg.
    clean = card.rows[0][0]
    assert clean.amount is not None and clean.amount.text() == "43.75"
    labels = {label.text() for label in card.findChildren(QLabel)}
    assert "kg" in labels and "lb" not in labels
    assert "4 x 43.75 kg" in labels
    # What is typed is kept in kg too.
    type_into(qtbot, clean.amount, "45")
    assert inspector.accept_record(WEIGHTS)
    changed = document.season.find_record(("ath-1", TUESDAY, WEIGHTS))
    assert changed is not None and changed.units is Units.KG
    assert changed.items[0].sets == (DoneSet(4, 45.0), *recorded.items[0].sets[1:])
    assert changed.items[1:] == recorded.items[1:]


def test_a_status_the_coach_chose_is_kept_until_a_set_is_changed(qtbot: QtBot, demo: Season) -> None:
    planned = _planned(demo, TUESDAY, WEIGHTS)
    marked = mark_done_as_planned(demo, "ath-1", TUESDAY, WEIGHTS, planned).find_record(("ath-1", TUESDAY, WEIGHTS))
    assert marked is not None
    partly = marked._replace(status=RecordStatus.PARTLY_DONE, note="cut short")
    season = record_session(demo, "ath-1", TUESDAY, WEIGHTS, partly)
    inspector, document = _inspector_on(qtbot, season, TUESDAY)
    card = card_of(inspector)
    assert card.status() is RecordStatus.PARTLY_DONE
    assert card.record() == partly
    assert not inspector.accept_record(WEIGHTS)
    assert document.undo_stack.count() == 0
    # The note typed over: the status stays the one recorded.
    type_into(qtbot, card.note, "left early")
    assert card.status() is RecordStatus.PARTLY_DONE
    assert card.record().status is RecordStatus.PARTLY_DONE
    # A set changed: the status is read from the sets again; changed back, the recorded one returns.
    reps = card.first_cell()
    type_into(qtbot, reps, "5")
    assert card.status() is RecordStatus.DONE and card.record().status is RecordStatus.DONE
    type_into(qtbot, reps, "4")
    assert card.status() is RecordStatus.PARTLY_DONE
    assert inspector.accept_record(WEIGHTS)
    saved = document.season.find_record(("ath-1", TUESDAY, WEIGHTS))
    assert saved is not None and (saved.status, saved.note) == (RecordStatus.PARTLY_DONE, "left early")
    assert saved.items == partly.items
