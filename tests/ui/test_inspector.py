"""The inspector shows the plan's day and turns each change into one undoable document edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QBrush, QFont, QMouseEvent, QValidator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QScrollArea, QSpinBox
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.catalogue import exercise
from planner.document.demo import demo_season
from planner.document.model import TrackDay
from planner.document.sessions import Item, Session, SessionKind
from planner.engine.loads import plates_per_side, round_load
from planner.engine.plan import Day
from planner.engine.rules import rule_book
from planner.engine.session_edits import addable_by_category, addable_exercises, allowed_loads, exercise_choices
from planner.engine.session_facts import HEAVY_PCT
from ui.document import OpenSeason
from ui.inspector.blocks import MUTED_COLOUR, SessionBlock, plain_label, small_label
from ui.inspector.table import (
    CHOICES_ROLE,
    EDIT_VALUE_ROLE,
    EDITED_COLOUR,
    HEADER_TIPS,
    HEADERS,
    LOADS_ROLE,
    NUMBER_COLUMNS,
    UNIT_ROLE,
    Column,
    ItemsModel,
    ItemsTable,
    LoadSpinBox,
)
from ui.inspector.table import MUTED_COLOUR as TABLE_MUTED
from ui.inspector.widget import Inspector, SessionRef
from ui.mime import SESSION_MIME, session_from_mime, session_mime
from ui.selection import Selection
from ui.session_text import EDITED_MARK, day_title, item_details, literal_html, number, session_facts

WEIGHTS = SessionKind.WEIGHTS
PLYO = SessionKind.PLYOMETRICS


def find_day(document: OpenSeason, athlete_id: str, wanted: Callable[[Day], bool]) -> Day:
    day = next((d for d in document.plan(athlete_id).days if wanted(d)), None)
    assert day is not None, "the demo season has no such day"
    return day


def session_of(day: Day, kind: SessionKind) -> Session | None:
    return next((s for s in day.sessions if s.kind is kind), None)


def squat_row(session: Session) -> int:
    """The row of a back squat loaded from a max, below the heavy zone."""
    return next(
        i for i, item in enumerate(session.items)
        if item.exercise_id == "back_squat" and item.load is not None and (item.percent_max or 0) < HEAVY_PCT
    )


def has_squat(session: Session | None) -> bool:
    if session is None:
        return False
    try:
        squat_row(session)
    except StopIteration:
        return False
    return True


def two_session_day(document: OpenSeason, athlete_id: str = "ath-1") -> Day:
    return find_day(
        document, athlete_id, lambda d: has_squat(session_of(d, WEIGHTS)) and session_of(d, PLYO) is not None
    )


@pytest.fixture
def inspector(qtbot: QtBot, document: OpenSeason, selection: Selection) -> Inspector:
    widget = Inspector(document, selection)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(selection: Selection, athlete_id: str, day: date) -> None:
    selection.set_athlete(athlete_id)
    selection.set_day(day)


def block(inspector: Inspector, kind: SessionKind) -> SessionBlock:
    found = inspector.block(kind)
    assert found is not None
    return found


def cell(model: ItemsModel, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def shown_item(document: OpenSeason, athlete_id: str, day: date, kind: SessionKind, row: int) -> Item:
    plan_day = document.plan(athlete_id).day(day)
    assert plan_day is not None
    session = session_of(plan_day, kind)
    assert session is not None
    return session.items[row]


# ---------------------------------------------------------------------------------------------
# What is shown


def test_the_selected_day_shows_its_sessions_and_every_item_value(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    plan = document.plan("ath-1")

    assert inspector.date_label.text() == day_title(day.date)
    phase = plan.phase_on(day.date)
    assert phase is not None and phase.name in inspector.details_label.text()
    blocks = inspector.session_blocks()
    assert [b.ref.kind for b in blocks] == [s.kind for s in day.sessions]
    for shown, session in zip(blocks, day.sessions, strict=True):
        assert shown.title.text() == session.title
        assert shown.facts.text() == session_facts(session)
        assert shown.reason.text() == session.reason
        model = shown.model
        assert model.rowCount() == len(session.items)
        for row, item in enumerate(session.items):
            assert cell(model, row, Column.EXERCISE) == item.name
            assert cell(model, row, Column.SETS) == str(item.sets)
            assert cell(model, row, Column.REPS) == str(item.reps)
            if item.percent_max is not None:
                assert cell(model, row, Column.PERCENT) == f"{number(item.percent_max)} %"
            if item.load is not None:
                assert cell(model, row, Column.LOAD) == f"{number(item.load)} {item.unit}"
            if item.plates_per_side:
                assert cell(model, row, Column.PLATES) == " + ".join(number(p) for p in item.plates_per_side)
            if item.distance_m is not None:
                distance = f"{number(item.distance_m)} m · {item.contacts}"
                assert str(cell(model, row, Column.DISTANCE)).startswith(distance)
    assert inspector.lock_button.isChecked() is False


def test_the_reason_line_names_its_rules_with_their_titles_as_tooltip(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    weights = block(inspector, WEIGHTS)
    label = weights.findChild(type(weights.reason), "sessionRules")
    assert label is not None
    session = weights.session
    assert label.text() == "Rules: " + " · ".join(session.rule_ids)
    book = rule_book()
    for rule_id in session.rule_ids:
        assert f"{rule_id}: {book[rule_id].title}" in label.toolTip()


def test_pounds_athletes_see_loads_in_pounds(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    day = two_session_day(document, "ath-4")
    show(selection, "ath-4", day.date)
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    assert str(cell(weights.model, row, Column.LOAD)).endswith(" lb")


def test_warnings_of_the_day_are_listed_with_rule_and_message(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    athlete_id, warning = next(
        (a.id, w) for a in document.season.athletes for w in document.plan(a.id).warnings
    )
    show(selection, athlete_id, warning.date)
    expected = [w for w in document.plan(athlete_id).warnings if w.date == warning.date]
    rows = inspector.warning_rows()
    assert [r.text() for r in rows] == [f"{w.rule_id} {w.message}" for w in expected]
    assert warning.rule_id in rows[0].label.text()
    assert rule_book()[warning.rule_id].title in rows[0].label.toolTip()


def test_empty_days_say_why(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    athlete = document.season.athlete("ath-1")
    plan = document.plan("ath-1")
    competition = find_day(document, "ath-1", lambda d: bool(d.competitions))
    show(selection, "ath-1", competition.date)
    name = next(c.name for c in plan.competitions if c.id == competition.competitions[0])
    assert inspector.empty_text() == f"Competition day: {name}"
    assert name in inspector.competitions_label.text()

    rest = find_day(document, "ath-1", lambda d: athlete.rhythm[d.date.weekday()].track is TrackDay.REST)
    show(selection, "ath-1", rest.date)
    assert inspector.empty_text() == "Rest day"
    assert inspector.session_blocks() == []

    easy = find_day(
        document, "ath-1", lambda d: not d.sessions and athlete.rhythm[d.date.weekday()].track is TrackDay.EASY
    )
    show(selection, "ath-1", easy.date)
    assert inspector.empty_text() == "No session planned (easy day)"


def test_deload_and_taper_weeks_are_marked(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    plan = document.plan("ath-1")
    taper = find_day(document, "ath-1", lambda d: d.taper_for is not None)
    show(selection, "ath-1", taper.date)
    name = next(c.name for c in plan.competitions if c.id == taper.taper_for)
    assert f"Taper for {name}" in inspector.badges_label.text()
    deload = find_day(document, "ath-1", lambda d: d.deload and d.taper_for is None)
    show(selection, "ath-1", deload.date)
    assert "Deload week" in inspector.badges_label.text() and "Taper" not in inspector.badges_label.text()
    plain = find_day(document, "ath-1", lambda d: not d.deload and d.taper_for is None and not d.locked)
    show(selection, "ath-1", plain.date)
    assert inspector.badges_label.text() == "" and inspector.badges_label.isHidden()


def test_the_inspector_follows_the_selection(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    first = two_session_day(document, "ath-1")
    show(selection, "ath-1", first.date)
    assert [b.session for b in inspector.session_blocks()] == list(first.sessions)
    other = two_session_day(document, "ath-2")
    show(selection, "ath-2", other.date)
    assert [b.session for b in inspector.session_blocks()] == list(other.sessions)
    assert "Søren" in inspector.details_label.text()


def test_the_items_model_answers_every_role_of_every_cell_as_the_item_says(document: OpenSeason) -> None:
    # The model works its cells out once, when it is built: each must say what the item does,
    # for every role a view or an editor asks for, and stop offering edits once detached.
    day = two_session_day(document)
    weights = session_of(day, WEIGHTS)
    assert weights is not None
    row = squat_row(weights)
    edited = weights.items[row]._replace(sets=weights.items[row].sets + 1, edited=True)
    items = (*weights.items[:row], edited, *weights.items[row + 1:])
    sessions = [*day.sessions, weights._replace(items=items)]
    athlete = document.season.athlete("ath-1")
    for session in sessions:
        choices = [exercise_choices(item, None) for item in session.items]
        loads = [allowed_loads(item, athlete) for item in session.items]
        model = ItemsModel(session.items, choices=choices, loads=loads, on_edit=lambda *_args: None)
        assert (model.rowCount(), model.columnCount()) == (len(session.items), len(Column))
        for column in Column:
            assert model.headerData(column, Qt.Orientation.Horizontal) == HEADERS[column]
            assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
                HEADER_TIPS.get(column))
        for r, item in enumerate(session.items):
            assert model.headerData(r, Qt.Orientation.Vertical) is None
            for column in Column:
                tip = ItemsModel._tooltip(item, column)
                assert cell(model, r, column) == ItemsModel._display(item, column)
                assert cell(model, r, column, EDIT_VALUE_ROLE) == ItemsModel._edit_value(item, column)
                shown_tip = None if tip is None else literal_html(tip)
                assert cell(model, r, column, Qt.ItemDataRole.ToolTipRole) == shown_tip
                font = cell(model, r, column, Qt.ItemDataRole.FontRole)
                assert (font is not None and isinstance(font, QFont) and font.italic()) == item.edited
                brush = cell(model, r, column, Qt.ItemDataRole.ForegroundRole)
                assert brush is None or isinstance(brush, QBrush)
                muted = column is Column.LOAD and item.load is None
                colour = EDITED_COLOUR if item.edited else TABLE_MUTED if muted else None
                assert (None if brush is None else brush.color()) == colour
                alignment = cell(model, r, column, Qt.ItemDataRole.TextAlignmentRole)
                assert (alignment is not None) == (column in NUMBER_COLUMNS)
                # The editors' offers are in the cells that have those editors.
                exercise, load = column is Column.EXERCISE, column is Column.LOAD
                assert cell(model, r, column, CHOICES_ROLE) == (choices[r] if exercise else None)
                assert cell(model, r, column, LOADS_ROLE) == (loads[r] if load else None)
                assert cell(model, r, column, UNIT_ROLE) == (item.unit if load else None)
                editable = bool(model.flags(model.index(r, column)) & Qt.ItemFlag.ItemIsEditable)
                assert editable == model.editable(r, column)
        assert any(model.editable(r, c) for r in range(model.rowCount()) for c in Column)
        if session is weights:
            # The row as the coach reads it on the demo's first squat day (4 x 10 early in winter).
            assert [cell(model, row, column) for column in Column] == [
                "Back squat", "4", "10", "60 %", "62.5 kg", "20 + 1.25", "2:00", "controlled", "", ""]
        model.detach()
        for r in range(model.rowCount()):
            for column in Column:
                assert not model.flags(model.index(r, column)) & Qt.ItemFlag.ItemIsEditable
                assert not model.setData(model.index(r, column), 1)


# ---------------------------------------------------------------------------------------------
# Editing items


def test_changing_sets_in_the_table_editor_is_one_undo_step_that_undo_and_redo_follow(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    generated = weights.session.items[row]
    index = weights.model.index(row, Column.SETS)

    weights.table.edit(index)
    editor = weights.table.indexWidget(index)
    assert isinstance(editor, QSpinBox)
    assert (editor.minimum(), editor.maximum()) == (1, 20)
    editor.setValue(generated.sets + 2)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1)

    override = next(o for o in document.season.overrides if o.key == ("ath-1", day.date, WEIGHTS))
    assert override.replaced is not None and override.replaced.items[row] == generated
    assert override.session is not None and override.session.items[row].sets == generated.sets + 2
    item = shown_item(document, "ath-1", day.date, WEIGHTS, row)
    assert (item.sets, item.reps, item.load, item.edited) == (generated.sets + 2, generated.reps, generated.load, True)
    others = [i for r, i in enumerate(block(inspector, WEIGHTS).session.items) if r != row]
    assert not any(i.edited for i in others)
    shown = block(inspector, WEIGHTS)
    assert cell(shown.model, row, Column.SETS) == str(generated.sets + 2)
    assert cell(shown.model, row, Column.EXERCISE) == f"{EDITED_MARK} {generated.name}"
    font = cell(shown.model, row, Column.EXERCISE, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert shown.title.font().italic() and shown.reset_button is not None

    document.undo_stack.undo()
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row) == generated
    assert document.season.overrides == ()
    assert cell(block(inspector, WEIGHTS).model, row, Column.SETS) == str(generated.sets)
    document.undo_stack.redo()
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row).sets == generated.sets + 2


def test_changing_reps_and_load_updates_the_percentage_and_plates(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    athlete = document.season.athlete("ath-1")
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    generated = weights.session.items[row]
    assert generated.load is not None and generated.max_value is not None

    assert weights.model.setData(weights.model.index(row, Column.REPS), generated.reps + 1)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1)
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row).reps == generated.reps + 1

    model = block(inspector, WEIGHTS).model
    loads = cell(model, row, Column.LOAD, LOADS_ROLE)
    assert isinstance(loads, tuple)
    heavier = next(v for v in loads if v > generated.load + 4)
    assert model.setData(model.index(row, Column.LOAD), heavier)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 2)

    item = shown_item(document, "ath-1", day.date, WEIGHTS, row)
    percent = round(heavier / generated.max_value * 100, 1)
    assert (item.load, item.percent_max, item.edited) == (heavier, percent, True)
    assert item.plates_per_side == plates_per_side(heavier, athlete.equipment, athlete.units)
    assert item.load_kg == pytest.approx(heavier)
    shown = block(inspector, WEIGHTS).model
    assert cell(shown, row, Column.PERCENT) == f"{number(percent)} %"
    assert cell(shown, row, Column.LOAD) == f"{number(heavier)} kg"
    assert cell(shown, row, Column.PLATES) == " + ".join(number(p) for p in item.plates_per_side)

    document.undo_stack.undo()
    item = shown_item(document, "ath-1", day.date, WEIGHTS, row)
    assert (item.load, item.percent_max, item.reps) == (generated.load, generated.percent_max, generated.reps + 1)


def test_changing_the_percentage_rounds_the_load_like_the_engine(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    athlete = document.season.athlete("ath-1")
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    generated = weights.session.items[row]
    assert generated.max_value is not None
    assert inspector.edit_item(WEIGHTS, row, Column.PERCENT, 75.0)
    item = shown_item(document, "ath-1", day.date, WEIGHTS, row)
    expected = round_load(75.0, generated.max_value, athlete.equipment, athlete.units, floor_from_pct=HEAVY_PCT)
    assert (item.percent_max, item.load) == (75.0, expected.value)
    assert document.undo_stack.count() == 1


def test_opening_the_percentage_of_a_body_weight_item_and_leaving_it_changes_nothing(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    # Jonas's squat jumps on 13 March are at 0 % of his 70 kg squat max: done at body weight.
    day = date(2027, 3, 13)
    show(selection, "ath-5", day)
    weights = block(inspector, WEIGHTS)
    row = next(r for r, i in enumerate(weights.session.items) if i.exercise_id == "squat_jump")
    jumps = weights.session.items[row]
    assert (jumps.body_weight, jumps.percent_max, jumps.max_value, jumps.load) == (True, 0.0, 70.0, 0.0)
    before = document.season
    index = weights.model.index(row, Column.PERCENT)

    weights.table.edit(index)
    editor = weights.table.indexWidget(index)
    assert isinstance(editor, QDoubleSpinBox)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert document.undo_stack.count() == 0
    assert document.season == before
    assert shown_item(document, "ath-5", day, WEIGHTS, row) == jumps

    # The editor opens at the item's own 0 %, and a percentage typed in still loads the jumps.
    weights = block(inspector, WEIGHTS)
    index = weights.model.index(row, Column.PERCENT)
    weights.table.edit(index)
    editor = weights.table.indexWidget(index)
    assert isinstance(editor, QDoubleSpinBox)
    assert editor.value() == 0.0
    editor.setValue(20.0)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1)
    loaded = shown_item(document, "ath-5", day, WEIGHTS, row)
    assert (loaded.percent_max, loaded.body_weight, loaded.edited) == (20.0, False, True)
    assert loaded.load == 14.0


def test_opening_an_empty_percentage_or_load_and_leaving_it_changes_nothing(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    # Rep-range work has a max but no percentage and no load, only how hard the sets should be.
    day = find_day(
        document, "ath-1",
        lambda d: any(i.max_value is not None and i.percent_max is None for s in d.sessions for i in s.items),
    )
    show(selection, "ath-1", day.date)
    weights = block(inspector, WEIGHTS)
    row = next(r for r, i in enumerate(weights.session.items) if i.max_value is not None and i.percent_max is None)
    item = weights.session.items[row]
    assert item.load is None
    before = document.season
    for column in (Column.PERCENT, Column.LOAD):
        weights = block(inspector, WEIGHTS)
        index = weights.model.index(row, column)
        assert weights.model.flags(index) & Qt.ItemFlag.ItemIsEditable
        weights.table.edit(index)
        editor = weights.table.indexWidget(index)
        assert editor is not None
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(20)
        assert document.undo_stack.count() == 0, column
        assert document.season == before
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row) == item


def test_setting_a_value_back_to_the_generated_one_drops_the_override(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    row = squat_row(block(inspector, WEIGHTS).session)
    sets = block(inspector, WEIGHTS).session.items[row].sets
    assert inspector.edit_item(WEIGHTS, row, Column.SETS, sets + 1)
    assert inspector.edit_item(WEIGHTS, row, Column.SETS, sets)
    assert document.season.overrides == ()
    assert not block(inspector, WEIGHTS).session.edited
    assert document.undo_stack.count() == 2


def test_the_editors_refuse_values_that_cannot_be_lifted(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    athlete = document.season.athlete("ath-1")
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    item = weights.session.items[row]
    assert item.load is not None and item.max_value is not None
    index = weights.model.index(row, Column.LOAD)
    weights.table.edit(index)
    editor = weights.table.indexWidget(index)
    assert isinstance(editor, LoadSpinBox)
    eq = athlete.equipment
    assert editor.value() == item.load
    assert editor.maximum() <= item.max_value
    assert all(
        (v >= eq.bar_mass and abs((v - eq.bar_mass) / eq.increment - round((v - eq.bar_mass) / eq.increment)) < 1e-6)
        or (v < eq.bar_mass and abs(v / (2 * eq.dumbbell_step) - round(v / (2 * eq.dumbbell_step))) < 1e-6)
        for v in editor.allowed
    )
    editor.stepBy(1)
    assert editor.value() == item.load + eq.increment
    state, _text, _pos = editor.validate("abc", 3)
    assert state is QValidator.State.Invalid
    between = item.load + eq.increment / 2 + 0.1
    state, _text, _pos = editor.validate(f"{between} kg", 4)
    assert state is QValidator.State.Intermediate
    assert editor.fixup(f"{between} kg") == f"{number(item.load + eq.increment)} kg"
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert document.undo_stack.count() == 0

    # Columns that have no meaning for an item are not editable at all.
    calf = next(r for r, i in enumerate(weights.session.items) if i.max_value is None)
    assert not weights.model.flags(weights.model.index(calf, Column.PERCENT)) & Qt.ItemFlag.ItemIsEditable
    assert not weights.model.setData(weights.model.index(row, Column.REST), 30)


def test_the_load_editor_shows_loads_of_fractional_plates_in_full(qtbot: QtBot) -> None:
    demo = demo_season()
    lucja = demo.athlete("ath-1")
    document = OpenSeason(edits.change_athlete(demo, "ath-1", equipment=lucja.equipment._replace(increment=0.625)))
    day = two_session_day(document)
    inspector = panel_sized(qtbot, document, "ath-1", day.date)
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    item = weights.session.items[row]
    assert item.load is not None
    index = weights.model.index(row, Column.LOAD)
    weights.table.edit(index)
    editor = weights.table.indexWidget(index)
    assert isinstance(editor, LoadSpinBox)
    odd = next(v for v in editor.allowed if v > item.load and round(v, 2) != v)
    editor.setValue(odd)
    assert editor.text() == f"{number(odd)} kg"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1)
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row).load == odd


def test_changing_the_exercise_offers_substitutes_first_and_reloads_from_the_max(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    athlete = document.season.athlete("ath-1")
    weights = block(inspector, WEIGHTS)
    row = squat_row(weights.session)
    generated = weights.session.items[row]
    index = weights.model.index(row, Column.EXERCISE)

    weights.table.edit(index)
    combo = weights.table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    ids = [combo.itemData(i) for i in range(combo.count())]
    substitutes = exercise("back_squat").substitutes
    assert ids[: 1 + len(substitutes)] == ["back_squat", *substitutes]
    rest = [i for i in ids[1 + len(substitutes):] if i is not None]
    assert rest and all(exercise(i).category is generated.category for i in rest)
    combo.setCurrentIndex(ids.index("front_squat"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1)

    item = shown_item(document, "ath-1", day.date, WEIGHTS, row)
    squat_max = athlete.max_on("back_squat", day.date)
    assert squat_max is not None
    expected = round_load(generated.percent_max or 0, squat_max.value, athlete.equipment, athlete.units,
                          floor_from_pct=HEAVY_PCT)
    assert (item.exercise_id, item.name, item.edited) == ("front_squat", "Front squat", True)
    assert (item.sets, item.reps, item.percent_max) == (generated.sets, generated.reps, generated.percent_max)
    assert item.load == expected.value
    assert "back squat max" in item.note
    document.undo_stack.undo()
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row) == generated


def test_adding_and_removing_items(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    weights = block(inspector, WEIGHTS)
    before = weights.session.items
    menu = weights.add_button.menu()
    assert not menu.actions()  # filled when the coach opens it
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.data() == "step_up")
    action.trigger()

    items = block(inspector, WEIGHTS).session.items
    assert len(items) == len(before) + 1
    added = items[-1]
    assert (added.exercise_id, added.sets, added.reps, added.reps_in_reserve) == ("step_up", 3, 10, 2)
    assert added.edited
    assert not any(i.edited for i in items[:-1])
    assert document.undo_stack.count() == 1

    weights = block(inspector, WEIGHTS)
    assert not weights.remove_button.isEnabled()
    weights.table.selectRow(0)
    assert weights.remove_button.isEnabled()
    weights.remove_button.click()
    items = block(inspector, WEIGHTS).session.items
    assert [i.exercise_id for i in items] == [i.exercise_id for i in before[1:]] + ["step_up"]
    # The rows that were not touched stay unmarked.
    assert [i.edited for i in items] == [False] * (len(before) - 1) + [True]
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert len(block(inspector, WEIGHTS).session.items) == len(before) + 1
    document.undo_stack.undo()
    assert block(inspector, WEIGHTS).session.items == before


def test_a_plyometric_drill_recounts_its_contacts(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    plyo = block(inspector, PLYO)
    row = next(r for r, i in enumerate(plyo.session.items) if i.distance_m is None)
    drill = plyo.session.items[row]
    assert inspector.edit_item(PLYO, row, Column.SETS, drill.sets + 1)
    item = shown_item(document, "ath-1", day.date, PLYO, row)
    assert item.contacts == (drill.sets + 1) * drill.reps
    assert cell(block(inspector, PLYO).model, row, Column.DISTANCE) == f"{item.contacts} ({item.intensity})"


def test_removing_the_last_item_removes_the_session_until_reset(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    count = len(block(inspector, PLYO).session.items)
    for _ in range(count):
        assert inspector.remove_item(PLYO, 0)
    assert inspector.block(PLYO) is None
    removed = inspector.removed_blocks()
    assert [r.ref.kind for r in removed] == [PLYO]
    removed[0].reset_button.click()
    assert block(inspector, PLYO).session == session_of(day, PLYO)
    assert document.season.overrides == ()


def test_reset_to_generated_restores_the_planners_session(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    row = squat_row(block(inspector, WEIGHTS).session)
    assert inspector.edit_item(WEIGHTS, row, Column.REPS, 2)
    reset = block(inspector, WEIGHTS).reset_button
    assert reset is not None
    reset.click()
    assert document.season.overrides == ()
    assert block(inspector, WEIGHTS).session == session_of(day, WEIGHTS)
    assert block(inspector, WEIGHTS).reset_button is None
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert shown_item(document, "ath-1", day.date, WEIGHTS, row).reps == 2


# ---------------------------------------------------------------------------------------------
# Moving sessions and locking weeks


def free_day_for(document: OpenSeason, athlete_id: str, day: Day, kind: SessionKind) -> date:
    """A day of the same week without a session of ``kind``."""
    plan = document.plan(athlete_id)
    for offset in (1, 2, -1, -2, 3, -3):
        other = plan.day(day.date + timedelta(days=offset))
        if other is not None and session_of(other, kind) is None and not other.competitions:
            return other.date
    raise AssertionError("no free day near the session")


def test_moving_a_session_writes_both_overrides_as_one_step(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    plyo = session_of(day, PLYO)
    assert plyo is not None
    target = free_day_for(document, "ath-1", day, PLYO)

    assert inspector.move_session(SessionRef("ath-1", day.date, PLYO), target)
    assert document.undo_stack.count() == 1
    overrides = {o.date: o for o in document.season.overrides}
    assert set(overrides) == {day.date, target}
    assert overrides[day.date].session is None and overrides[day.date].replaced == plyo
    moved = overrides[target].session
    assert moved is not None and moved.date == target and moved.items == plyo.items
    plan = document.plan("ath-1")
    source, dest = plan.day(day.date), plan.day(target)
    assert source is not None and dest is not None
    assert session_of(source, PLYO) is None
    dest_session = session_of(dest, PLYO)
    assert dest_session is not None and dest_session.edited and dest_session.items == plyo.items
    assert inspector.block(PLYO) is None
    assert [r.ref for r in inspector.removed_blocks()] == [SessionRef("ath-1", day.date, PLYO)]
    assert inspector.message() == ""

    document.undo_stack.undo()
    assert document.season.overrides == ()
    assert block(inspector, PLYO).session == plyo


def test_a_refused_move_shows_why_and_changes_nothing(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    season = document.season
    taken = find_day(document, "ath-1", lambda d: d.date != day.date and session_of(d, WEIGHTS) is not None)

    assert not inspector.move_session(SessionRef("ath-1", day.date, WEIGHTS), taken.date)
    assert "already has a weights session" in inspector.message()
    assert inspector.message_label.isVisible()
    assert document.season is season and document.undo_stack.count() == 0

    assert not inspector.move_session(SessionRef("ath-1", day.date, WEIGHTS), season.last_day + timedelta(days=3))
    assert "outside the season" in inspector.message()
    assert document.season is season and document.undo_stack.count() == 0
    assert block(inspector, WEIGHTS).session == session_of(day, WEIGHTS)


def test_session_drag_data_round_trips(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    dragged = SessionRef("ath-2", date(2027, 1, 11), WEIGHTS)
    mime = session_mime(dragged, "Weights session, 2027-01-11")
    assert mime.hasFormat(SESSION_MIME)
    assert session_from_mime(mime) == dragged
    assert mime.text() == "Weights session, 2027-01-11"
    broken = QMimeData()
    broken.setData(SESSION_MIME, b"{not json")
    assert session_from_mime(broken) is None
    wrong_kind = QMimeData()
    wrong_kind.setData(SESSION_MIME, b'{"athlete_id": "ath-2", "date": "2027-01-11", "kind": "yoga"}')
    assert session_from_mime(wrong_kind) is None
    assert session_from_mime(QMimeData()) is None


def test_a_dropped_session_of_any_athlete_moves_by_its_reference(
    inspector: Inspector, document: OpenSeason, selection: Selection
) -> None:
    day = two_session_day(document, "ath-2")
    target = free_day_for(document, "ath-2", day, WEIGHTS)
    dragged = session_from_mime(session_mime(SessionRef("ath-2", day.date, WEIGHTS), ""))
    assert dragged is not None
    assert inspector.move_session(dragged, target)
    plan_day = document.plan("ath-2").day(target)
    assert plan_day is not None and session_of(plan_day, WEIGHTS) is not None


def test_locking_and_unlocking_the_week(inspector: Inspector, document: OpenSeason, selection: Selection) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    season = document.season
    start = season.week_of(day.date)
    plan_before = document.plan("ath-1")
    week = [plan_before.day(start + timedelta(days=k)) for k in range(7)]
    expected = tuple(s for d in week if d is not None for s in d.sessions)

    inspector.lock_button.click()
    assert document.undo_stack.count() == 1
    (locked,) = document.season.locked_weeks
    assert (locked.athlete_id, locked.week_start, locked.sessions) == ("ath-1", start, expected)
    plan = document.plan("ath-1")
    for k in range(7):
        plan_day = plan.day(start + timedelta(days=k))
        assert plan_day is not None and plan_day.locked
    outside = plan.day(start + timedelta(days=7))
    assert outside is not None and not outside.locked
    assert inspector.lock_button.isChecked() and inspector.lock_button.text() == "Week locked"
    assert "Locked week" in inspector.badges_label.text() and inspector.badges_label.isVisible()

    inspector.lock_button.click()
    assert not document.season.locked_weeks
    assert not any(d.locked for d in document.plan("ath-1").days)
    assert not inspector.lock_button.isChecked()
    assert "Locked week" not in inspector.badges_label.text()

    document.undo_stack.undo()
    assert document.season.locked_weeks == (locked,)
    assert inspector.lock_button.isChecked()
    document.undo_stack.undo()
    assert not document.season.locked_weeks


def test_dragging_a_block_carries_the_session_and_a_drop_moves_it(
    qtbot: QtBot, inspector: Inspector, document: OpenSeason, selection: Selection, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = two_session_day(document)
    show(selection, "ath-1", day.date)
    target = free_day_for(document, "ath-1", day, PLYO)
    plyo = block(inspector, PLYO)
    dropped: list[SessionRef | None] = []

    class DropOnCalendar:
        """Stands in for QDrag: the drop lands on ``target`` as the calendar's drop would."""

        def __init__(self, source: object) -> None:
            assert source is inspector

        def setMimeData(self, mime: QMimeData) -> None:
            self.mime = mime

        def setPixmap(self, _pixmap: object) -> None:
            pass

        def exec(self, _actions: Qt.DropAction) -> Qt.DropAction:
            ref = session_from_mime(self.mime)
            assert ref is not None
            dropped.append(ref)
            assert inspector.move_session(ref, target)
            # The inspector shows the day as it is now at once, the dragged block gone from it
            # while its drag still runs.
            assert inspector.block(PLYO) is None
            return Qt.DropAction.MoveAction

    monkeypatch.setattr("ui.inspector.blocks.QDrag", DropOnCalendar)
    start = plyo.title.geometry().center()
    QTest.mousePress(plyo, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    moved = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(start.x() + 40, start.y()), plyo.mapToGlobal(QPointF(start.x() + 40, start.y())),
        Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(plyo, moved)

    qtbot.waitUntil(lambda: bool(dropped))
    assert dropped == [SessionRef("ath-1", day.date, PLYO)]
    assert inspector.block(PLYO) is None
    assert document.undo_stack.count() == 1
    plan_day = document.plan("ath-1").day(target)
    assert plan_day is not None and session_of(plan_day, PLYO) is not None


# Fitting a laptop's side panel --------------------------------------------------------------

def panel_sized(qtbot: QtBot, document: OpenSeason, athlete_id: str, day: date) -> Inspector:
    """An inspector on ``day`` of ``athlete_id``, shown at the Day panel's size in a 1366 x 768 window."""
    inspector = Inspector(document, Selection(athlete_id, day))
    qtbot.addWidget(inspector)
    inspector.resize(350, 700)
    inspector.show()
    qtbot.waitExposed(inspector)
    return inspector


# The days with the most items across two sessions (a test day holds no jumps any more).
BUSIEST = [("ath-1", date(2027, 5, 1)), ("ath-4", date(2027, 2, 9)), ("ath-2", date(2027, 1, 13))]


@pytest.mark.parametrize(("athlete_id", "day"), BUSIEST)
def test_the_busiest_days_fit_the_panel_without_sideways_scrolling(
    qtbot: QtBot, document: OpenSeason, athlete_id: str, day: date
) -> None:
    inspector = panel_sized(qtbot, document, athlete_id, day)
    scroll = inspector.findChild(QScrollArea)
    assert scroll is not None
    content = scroll.widget()
    assert content is not None and content.width() <= scroll.viewport().width()
    blocks = inspector.session_blocks()
    assert len(blocks) == 2
    for shown in blocks:
        assert shown.table.horizontalScrollBar().maximum() == 0
        # Plates, rest, intent and notes are under the table, one wrapped line per item.
        lines = shown.details.text().split("\n")
        assert lines == [item_details(item) for item in shown.session.items]
    lock = inspector.lock_button
    right = lock.mapTo(scroll.viewport(), lock.rect().topRight()).x()
    assert lock.isVisible() and right < scroll.viewport().width()


def _fit(table: ItemsTable) -> tuple[tuple[int, ...], tuple[int, ...]]:
    model = table.model()
    return (tuple(table.columnWidth(c) for c in Column),
            tuple(table.rowHeight(r) for r in range(model.rowCount())))


@pytest.mark.parametrize(("athlete_id", "day"), BUSIEST)
def test_a_table_fitted_once_per_width_fits_as_one_fitted_from_nothing(
    qtbot: QtBot, document: OpenSeason, athlete_id: str, day: date
) -> None:
    # The table fits its columns again only when its width changes: whatever the layout did
    # on the way, the columns and rows are those a fit from nothing gives at that width.
    inspector = panel_sized(qtbot, document, athlete_id, day)
    qtbot.wait(100)  # the layout settles (a scroll bar appears)
    tables = [shown.table for shown in inspector.session_blocks()]
    settled = [_fit(table) for table in tables]
    for table, fitted in zip(tables, settled, strict=True):
        table._fitted = None
        table._fit_columns()
        assert _fit(table) == fitted
    widths = [table.viewport().width() for table in tables]
    inspector.resize(480, 700)
    qtbot.waitUntil(lambda: all(t.viewport().width() > width for t, width in zip(tables, widths, strict=True)))
    assert [_fit(table) for table in tables] != settled
    inspector.resize(350, 700)
    qtbot.waitUntil(lambda: [_fit(table) for table in tables] == settled)


def test_the_details_line_of_an_item_says_plates_rest_intent_and_note(document: OpenSeason) -> None:
    plan = document.plan("ath-1")
    squat = next(i for d in plan.days for s in d.sessions for i in s.items if i.plates_per_side and i.note)
    text = item_details(squat)
    assert text.startswith(f"{squat.name}: {' + '.join(number(p) for p in squat.plates_per_side)} per side · rest ")
    assert text.endswith(f" — {squat.note}")


@pytest.mark.parametrize("kind", list(SessionKind))
def test_the_add_exercise_menu_lists_each_category_once(inspector: Inspector, kind: SessionKind) -> None:
    inspector.selection.set_day(date(2027, 3, 4))  # jumps and lifting on one day
    menu = block(inspector, kind).add_button.menu()
    assert menu is not None
    menu.aboutToShow.emit()
    menu.aboutToShow.emit()  # opened again: each exercise still once
    sections = [a.text() for a in menu.actions() if a.isSeparator()]
    expected = {WEIGHTS: ["Power", "Strength", "Accessories"], PLYO: ["Plyometric drills"]}
    assert sections == expected[kind]
    groups = addable_by_category(kind)
    assert len({category for category, _ in groups}) == len(groups)
    assert sum(len(members) for _, members in groups) == len(addable_exercises(kind))
    assert [a.data() for a in menu.actions() if not a.isSeparator()] == [
        e.id for _, members in groups for e in members]


@pytest.mark.parametrize("colour", [MUTED_COLOUR, EDITED_COLOUR.name()])
def test_a_small_label_coloured_by_its_palette_looks_as_one_coloured_by_a_style_sheet(
    qtbot: QtBot, colour: str
) -> None:
    text = "Rules: W-3 · P-2 — 3 x 5 at 80 %, a line long enough to wrap in the dock"
    ours = small_label(text, colour=colour)
    styled = plain_label(text)
    styled.setWordWrap(True)
    styled.setFont(ours.font())
    styled.setStyleSheet(f"color: {colour};")
    for label in (ours, styled):
        qtbot.addWidget(label)
        label.resize(220, label.heightForWidth(220))
    assert ours.sizeHint() == styled.sizeHint()
    assert ours.heightForWidth(220) == styled.heightForWidth(220)
    assert ours.grab().toImage() == styled.grab().toImage()
    for label in (ours, styled):
        label.setEnabled(False)
    assert ours.grab().toImage() == styled.grab().toImage()
    assert ours.styleSheet() == ""
