"""The season calendar: geometry, selection, keyboard, edits, tooltips and what it paints."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.model import Priority, Season
from planner.document.sessions import SessionKind
from planner.engine.plan import PhaseKind
from planner.export import look
from tests.ui.conftest import FakeDialogs
from tests.ui.gestures import centre, move_with_button_down, press
from ui import theme
from ui.calendar import paint
from ui.calendar.layout import CalendarLayout
from ui.calendar.widget import SeasonCalendar
from ui.document import OpenSeason
from ui.selection import Selection
from ui.session_text import day_title, item_text
from ui.theme import GUTTER

TODAY = date(2027, 3, 10)
NATIONALS = "comp-10"  # National Championships, Fri 23 - Sun 25 July 2027, priority A, everyone
NATIONALS_DAY = date(2027, 7, 23)
HEAVY_DAY = date(2027, 3, 9)  # Łucja's heavy strength: back squat 3 x 3 @ 87.5 %


def make_calendar(
    qtbot: QtBot, document: OpenSeason, selection: Selection, dialogs: FakeDialogs, width: int = 1000
) -> SeasonCalendar:
    calendar = SeasonCalendar(document, selection, dialogs, today=TODAY)
    qtbot.addWidget(calendar)
    calendar.resize(width, 330)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


@pytest.fixture
def calendar(qtbot: QtBot, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs) -> SeasonCalendar:
    return make_calendar(qtbot, document, selection, fake_dialogs)


def season_days(season: Season) -> list[date]:
    return [season.first_day + timedelta(days=i) for i in range((season.last_day - season.first_day).days + 1)]


def click(widget: QWidget, point: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def double_click(widget: QWidget, point: QPoint) -> None:
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)




def pixel(image: QImage, point: QPoint) -> QColor:
    return image.pixelColor(point)


# Geometry -----------------------------------------------------------------------------------


def test_the_calendar_is_named_and_fits_the_whole_demo_season_without_scrolling(calendar: SeasonCalendar) -> None:
    assert calendar.objectName() == "seasonCalendar"
    assert calendar.horizontalScrollBar().maximum() == 0
    first, last = calendar.document.season.first_day, calendar.document.season.last_day
    assert calendar.date_rect(first).left() >= GUTTER
    assert calendar.date_rect(last).right() < calendar.viewport().width()


def test_date_at_the_centre_of_a_days_rect_is_that_day_for_every_season_day(calendar: SeasonCalendar) -> None:
    days = season_days(calendar.document.season)
    assert len(days) == 336
    assert [calendar.date_at(centre(calendar, day)) for day in days] == days


def test_cells_are_weeks_in_columns_and_weekdays_in_rows(calendar: SeasonCalendar) -> None:
    monday, tuesday, next_monday = date(2027, 3, 8), date(2027, 3, 9), date(2027, 3, 15)
    assert calendar.date_rect(monday).left() == calendar.date_rect(tuesday).left()
    assert calendar.date_rect(tuesday).top() == calendar.date_rect(monday).bottom() + 1
    assert calendar.date_rect(next_monday).left() == calendar.date_rect(monday).right() + 1
    assert calendar.date_rect(next_monday).top() == calendar.date_rect(monday).top()
    # Cells large enough to read on a 1366 x 768 screen.
    assert calendar.date_rect(monday).width() >= 18
    assert calendar.date_rect(monday).height() >= 28


def test_rows_start_on_the_seasons_first_weekday(
    qtbot: QtBot, demo: Season, selection: Selection, fake_dialogs: FakeDialogs
) -> None:
    sunday_first = OpenSeason(demo._replace(week_start=6))
    calendar = make_calendar(qtbot, sunday_first, selection, fake_dialogs)
    sunday, saturday = date(2027, 3, 7), date(2027, 3, 13)
    assert calendar.date_rect(sunday).left() == calendar.date_rect(saturday).left()
    assert calendar.date_rect(sunday).top() < calendar.date_rect(saturday).top()
    assert calendar.date_rect(sunday).top() == calendar.date_rect(date(2027, 3, 14)).top()


def test_date_at_outside_the_days_is_none(calendar: SeasonCalendar) -> None:
    monday = calendar.date_rect(date(2027, 3, 8))
    assert calendar.date_at(QPoint(GUTTER - 5, monday.center().y())) is None  # weekday labels
    assert calendar.date_at(QPoint(monday.center().x(), 5)) is None  # month names
    sunday = calendar.date_rect(date(2027, 3, 14))
    assert calendar.date_at(QPoint(sunday.center().x(), sunday.bottom() + 10)) is None  # competition names
    assert calendar.date_rect(date(2027, 9, 6)).isNull()


def test_x_for_date_grows_with_the_date_and_is_shared_by_the_days_of_a_week(calendar: SeasonCalendar) -> None:
    season = calendar.document.season
    week = [season.first_day + timedelta(days=i) for i in range(7)]
    assert len({calendar.x_for_date(day) for day in week}) == 1
    mondays = [season.first_day + timedelta(weeks=i) for i in range(season.week_count)]
    xs = [calendar.x_for_date(day) for day in mondays]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)


def test_x_for_date_is_the_column_centre_in_the_widgets_coordinates(calendar: SeasonCalendar) -> None:
    rect = calendar.date_rect(NATIONALS_DAY)
    in_widget = calendar.viewport().mapTo(calendar, rect.center())
    assert calendar.x_for_date(NATIONALS_DAY) == pytest.approx(in_widget.x(), abs=1)


def test_a_narrow_calendar_scrolls_and_keeps_the_selected_day_in_view(
    qtbot: QtBot, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs
) -> None:
    calendar = make_calendar(qtbot, document, selection, fake_dialogs, width=450)
    assert calendar.horizontalScrollBar().maximum() > 0
    last = document.season.last_day
    selection.set_day(last)
    rect = calendar.date_rect(last)
    assert rect.left() >= GUTTER and rect.right() < calendar.viewport().width()
    assert calendar.date_at(rect.center()) == last


# Selection and keyboard ---------------------------------------------------------------------


def test_a_click_selects_the_day_and_the_competition_under_the_mouse(
    qtbot: QtBot, calendar: SeasonCalendar, selection: Selection
) -> None:
    click(calendar.viewport(), centre(calendar, NATIONALS_DAY))
    assert selection.day == NATIONALS_DAY
    assert selection.competition_id == NATIONALS
    plain_day = date(2027, 4, 14)
    click(calendar.viewport(), centre(calendar, plain_day))
    assert selection.day == plain_day
    assert selection.competition_id is None


def test_arrow_keys_move_the_selected_day_by_weeks_and_days(
    qtbot: QtBot, calendar: SeasonCalendar, selection: Selection
) -> None:
    start = selection.day
    calendar.setFocus()
    moves = [(Qt.Key.Key_Right, 7), (Qt.Key.Key_Down, 8), (Qt.Key.Key_Left, 1), (Qt.Key.Key_Up, 0)]
    for key, offset in moves:
        QTest.keyClick(calendar, key)
        assert selection.day == start + timedelta(days=offset)


def test_arrow_keys_stop_at_the_ends_of_the_season(
    qtbot: QtBot, calendar: SeasonCalendar, selection: Selection
) -> None:
    season = calendar.document.season
    selection.set_day(season.last_day - timedelta(days=2))
    QTest.keyClick(calendar, Qt.Key.Key_Right)
    assert selection.day == season.last_day
    selection.set_day(season.first_day)
    QTest.keyClick(calendar, Qt.Key.Key_Up)
    assert selection.day == season.first_day


def test_moving_onto_a_competition_day_with_the_keys_selects_the_competition(
    qtbot: QtBot, calendar: SeasonCalendar, selection: Selection
) -> None:
    selection.set_day(NATIONALS_DAY - timedelta(days=7))
    QTest.keyClick(calendar, Qt.Key.Key_Right)
    assert (selection.day, selection.competition_id) == (NATIONALS_DAY, NATIONALS)
    QTest.keyClick(calendar, Qt.Key.Key_Right)
    assert selection.competition_id is None


# Edits --------------------------------------------------------------------------------------


def test_delete_removes_the_selected_competition_in_one_undo_step(
    qtbot: QtBot, calendar: SeasonCalendar, document: OpenSeason, selection: Selection, demo: Season
) -> None:
    selection.set_competition(NATIONALS)
    QTest.keyClick(calendar, Qt.Key.Key_Delete)
    assert document.season.find_competition(NATIONALS) is None
    assert selection.competition_id is None
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Remove competition"
    document.undo_stack.undo()
    assert document.season == demo


def test_delete_selected_without_a_selected_competition_changes_nothing(
    calendar: SeasonCalendar, document: OpenSeason, demo: Season
) -> None:
    assert calendar.delete_selected() is False
    assert document.undo_stack.count() == 0
    assert document.season == demo


def test_undoing_the_addition_of_the_selected_competition_clears_the_selection(
    calendar: SeasonCalendar, document: OpenSeason, selection: Selection
) -> None:
    new_id = edits.new_competition_id(document.season)
    document.apply("Add competition", lambda s: edits.add_competition(
        s, name="Club meet", start=date(2027, 4, 17), end=date(2027, 4, 17), priority=Priority.C, indoor=False))
    selection.set_competition(new_id)
    document.undo_stack.undo()
    assert selection.competition_id is None


def test_double_click_on_a_chip_edits_the_competition_through_the_dialogs(
    qtbot: QtBot, calendar: SeasonCalendar, document: OpenSeason, fake_dialogs: FakeDialogs, demo: Season
) -> None:
    fake_dialogs.competition_edit = lambda s: edits.change_competition(s, NATIONALS, name="Nationals", indoor=True)
    double_click(calendar.viewport(), centre(calendar, NATIONALS_DAY))
    assert ("edit_competition", NATIONALS) in fake_dialogs.asked
    edited = document.season.competition(NATIONALS)
    assert (edited.name, edited.indoor, edited.start) == ("Nationals", True, NATIONALS_DAY)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit competition"
    document.undo_stack.undo()
    assert document.season == demo


def test_a_cancelled_or_refused_edit_changes_nothing_and_a_refusal_is_explained(
    qtbot: QtBot, calendar: SeasonCalendar, document: OpenSeason, fake_dialogs: FakeDialogs, demo: Season
) -> None:
    double_click(calendar.viewport(), centre(calendar, NATIONALS_DAY))
    assert document.undo_stack.count() == 0
    fake_dialogs.competition_edit = lambda s: edits.change_competition(s, NATIONALS, end=date(2027, 9, 30))
    double_click(calendar.viewport(), centre(calendar, NATIONALS_DAY))
    errors = [text for kind, text in fake_dialogs.asked if kind == "error"]
    assert len(errors) == 1 and "after the season's last day" in errors[0]
    assert document.season == demo
    assert document.undo_stack.count() == 0


def test_double_click_on_a_plain_day_asks_nothing(
    qtbot: QtBot, calendar: SeasonCalendar, fake_dialogs: FakeDialogs
) -> None:
    double_click(calendar.viewport(), centre(calendar, date(2027, 4, 14)))
    assert fake_dialogs.asked == []


# What is shown ------------------------------------------------------------------------------


def test_the_calendar_shows_the_selected_athletes_plan_and_follows_the_selection(
    calendar: SeasonCalendar, document: OpenSeason, selection: Selection
) -> None:
    assert calendar.shown_plan() is document.plan("ath-1")
    assert calendar.preview.plan() is None
    selection.set_athlete("ath-2")
    assert calendar.shown_plan() is document.plan("ath-2")


def test_a_competition_added_to_the_document_appears_on_the_grid(
    calendar: SeasonCalendar, document: OpenSeason
) -> None:
    day = date(2027, 4, 17)
    assert calendar.competition_at(centre(calendar, day)) is None
    new_id = edits.new_competition_id(document.season)
    document.apply("Add competition", lambda s: edits.add_competition(
        s, name="Club meet", start=day, end=day, priority=Priority.C, indoor=False))
    assert calendar.competition_at(centre(calendar, day)) == new_id


def test_every_day_of_a_competition_is_part_of_its_chip(calendar: SeasonCalendar) -> None:
    days = [NATIONALS_DAY + timedelta(days=i) for i in range(3)]
    assert [calendar.competition_at(centre(calendar, day)) for day in days] == [NATIONALS] * 3
    assert calendar.competition_at(centre(calendar, NATIONALS_DAY - timedelta(days=1))) is None


def test_the_painted_calendar_shows_priorities_taper_and_sessions(calendar: SeasonCalendar) -> None:
    image = calendar.viewport().grab().toImage()
    nationals = calendar.date_rect(NATIONALS_DAY)
    # The A chip fills the middle of its day in the A colour.
    assert pixel(image, nationals.center() + QPoint(0, 6)) == theme.PRIORITY_FILL[Priority.A]
    # A taper day's corner is tinted; a day outside any taper is not.
    plan = calendar.shown_plan()
    assert plan is not None
    taper_day = next(d.date for d in plan.days if d.taper_for == NATIONALS)
    assert pixel(image, calendar.date_rect(taper_day).topLeft() + QPoint(3, 3)) == theme.TAPER_TINT
    assert pixel(image, calendar.date_rect(date(2027, 4, 14)).topLeft() + QPoint(3, 3)) != theme.TAPER_TINT
    # A heavy weights day still to come carries a filled square in the weights colour, left of
    # the centre.
    upcoming = next(d.date for d in plan.days if d.date >= TODAY and any(
        s.heavy and s.kind is SessionKind.WEIGHTS for s in d.sessions))
    heavy = calendar.date_rect(upcoming)
    day_pixels = [pixel(image, QPoint(x, y)) for x in range(heavy.left(), heavy.center().x())
                  for y in range(heavy.top(), heavy.bottom())]
    assert theme.WEIGHTS in day_pixels


def test_phases_are_painted_as_bands_above_their_weeks_in_their_colours(calendar: SeasonCalendar) -> None:
    image = calendar.viewport().grab().toImage()
    plan = calendar.shown_plan()
    assert plan is not None
    grid_top = calendar.date_rect(calendar.document.season.first_day).top()  # a Monday, the first row
    for phase in (plan.phases[0], next(p for p in plan.phases if p.kind is PhaseKind.TAPER)):
        x = calendar.date_rect(phase.start + (phase.end - phase.start) / 2).left() + 2
        above = {pixel(image, QPoint(x, y)).name() for y in range(grid_top - 20, grid_top)}
        assert theme.PHASE_FILL[phase.kind].name() in above


def test_an_empty_squad_shows_the_competitions_and_no_sessions(
    qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs
) -> None:
    season = demo._replace(
        athletes=(), overrides=(), locked_weeks=(), notes=(),
        competitions=tuple(c._replace(athletes=None) for c in demo.competitions),
    )
    document = OpenSeason(season)
    selection = Selection("", NATIONALS_DAY)
    calendar = make_calendar(qtbot, document, selection, fake_dialogs)
    calendar.viewport().repaint()
    assert calendar.shown_plan() is None
    assert calendar.competition_at(centre(calendar, NATIONALS_DAY)) == NATIONALS
    assert "No athlete selected" in calendar.tooltip_text(NATIONALS_DAY)
    image = calendar.viewport().grab().toImage()
    heavy = calendar.date_rect(HEAVY_DAY)
    assert all(pixel(image, QPoint(x, heavy.center().y() + 4)) != theme.WEIGHTS
               for x in range(heavy.left(), heavy.right()))


# Tooltips -----------------------------------------------------------------------------------


def test_the_tooltip_of_a_training_day_gives_date_phase_and_every_session_with_its_sets(
    calendar: SeasonCalendar, document: OpenSeason
) -> None:
    record = document.plan("ath-1").day(HEAVY_DAY)
    assert record is not None and record.sessions
    text = calendar.tooltip_text(HEAVY_DAY)
    assert day_title(HEAVY_DAY) in text
    assert "Pre-competition" in text
    for session in record.sessions:
        assert session.title in text
        for item in session.items:
            assert item_text(item) in text
    weights = next(session for session in record.sessions if session.kind is SessionKind.WEIGHTS)
    assert item_text(weights.items[0]).startswith("Back squat 3 x 3 @ 87.5 % = ")


def test_the_tooltip_of_a_competition_day_names_the_competition(calendar: SeasonCalendar) -> None:
    text = calendar.tooltip_text(NATIONALS_DAY)
    assert "National Championships" in text and "outdoor" in text and "23–25 July 2027" in text


def test_hovering_a_day_shows_its_tooltip(calendar: SeasonCalendar, monkeypatch: pytest.MonkeyPatch) -> None:
    # The offscreen platform cannot raise a real tooltip window, so the tooltip is intercepted.
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda point, text, *args: shown.append(text))
    point = centre(calendar, HEAVY_DAY)
    global_point = calendar.viewport().mapToGlobal(point)
    QApplication.sendEvent(calendar.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, global_point))
    assert shown == [calendar.tooltip_text(HEAVY_DAY)]


def test_dragging_a_chip_starts_only_beyond_the_drag_distance(
    qtbot: QtBot, calendar: SeasonCalendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(SeasonCalendar, "_start_drag", lambda self, competition_id: started.append(competition_id))
    viewport = calendar.viewport()
    point = centre(calendar, NATIONALS_DAY)
    press(viewport, point)
    near = point + QPoint(1, 0)
    move_with_button_down(viewport, near)
    assert started == []
    far = point + QPoint(0, QApplication.startDragDistance() + 2)
    move_with_button_down(viewport, far)
    assert started == [NATIONALS]
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, far)


def test_the_calendar_marks_locked_weeks_and_days_the_coach_changed(
    calendar: SeasonCalendar, document: OpenSeason
) -> None:
    assert calendar.day_marks().locked_weeks == frozenset()
    assert calendar.day_marks().edited_days == frozenset()
    plan = document.plan("ath-1")
    day = next(d for d in plan.days if d.sessions and d.date.month == 3)
    session = day.sessions[0]
    removed = document.apply("Remove", lambda s: edits.set_override(
        s, athlete_id="ath-1", day=day.date, kind=session.kind, session=None, replaced=session))
    week = removed.week_of(date(2027, 3, 9))
    document.apply("Lock", lambda s: edits.lock_week(s, "ath-1", week, ()))
    marks = calendar.day_marks()
    assert marks.edited_days == {day.date}
    assert marks.locked_weeks == {week}
    # Another athlete's plan shows neither.
    calendar.selection.set_athlete("ath-2")
    assert calendar.day_marks().edited_days == frozenset() and calendar.day_marks().locked_weeks == frozenset()
    calendar.selection.set_athlete("ath-1")
    # Drawn: the edited corner in the day's top-left, the locked frame along the week's column.
    image = calendar.viewport().grab().toImage()
    cell = calendar.date_rect(day.date)
    assert pixel(image, cell.topLeft() + QPoint(2, 2)) == theme.EDITED
    locked_cell = calendar.date_rect(date(2027, 3, 11))
    assert pixel(image, QPoint(locked_cell.left() + 1, locked_cell.center().y())) == theme.LOCKED


# At 1366 x 768 ------------------------------------------------------------------------------

LAPTOP_CALENDAR = (780, 268)  # the calendar's share of a 1366 x 768 window


@pytest.mark.parametrize("athlete_id", ["ath-1", "ath-2", "ath-3", "ath-4", "ath-5"])
def test_on_a_laptop_the_athletes_competitions_are_named_in_full_and_phases_uncut(
    calendar: SeasonCalendar, document: OpenSeason, athlete_id: str
) -> None:
    calendar.selection.set_athlete(athlete_id)
    calendar.resize(*LAPTOP_CALENDAR)
    season = document.season
    shapes = calendar._real_shapes()
    named = {label.competition.id: label.text for label in shapes.labels}
    for competition in season.competitions_for(athlete_id):
        assert named.get(competition.id) == competition.name
    assert all(not text.endswith("…") for text in named.values())
    layout = calendar._ensure_layout()
    metrics = theme.Fonts.from_font(calendar.font()).small_metrics
    for phase in document.plan(athlete_id).phases:
        width = layout.time_x(phase.end + timedelta(days=1)) - layout.time_x(phase.start)
        text = paint.phase_label(phase.kind, phase.name, width, metrics)
        options = (phase.name, look.PHASE_ABBREVIATION[phase.kind], look.PHASE_TINY[phase.kind])
        # Whole words or nothing (a phase of a few days; its tooltip names it).
        assert text in options or metrics.horizontalAdvance(options[-1]) > width - 2
        assert metrics.horizontalAdvance(text) <= width - 2


def test_the_phase_band_names_its_phase_in_full_in_a_tooltip(calendar: SeasonCalendar, document: OpenSeason) -> None:
    calendar.resize(*LAPTOP_CALENDAR)
    plan = document.plan("ath-1")
    taper = next(p for p in plan.phases if p.kind is PhaseKind.TAPER)
    layout = calendar._ensure_layout()
    x = round((layout.time_x(taper.start) + layout.time_x(taper.end)) / 2) + calendar._origin_x()
    point = QPoint(x, layout.bands.phase_top + layout.bands.phase_height // 2)
    assert calendar.phase_at(point) == taper
    assert calendar.phase_at(QPoint(x, layout.bands.grid_top + 5)) is None


CELL_SIZES = [(1000, 330), (640, 280), (1366, 420)]


@pytest.mark.parametrize("week_start", range(7))
@pytest.mark.parametrize("size", CELL_SIZES)
def test_each_days_cell_is_its_weeks_column_and_its_weekdays_row_and_shaded_by_its_month(
    qapp: QApplication, week_start: int, size: tuple[int, int]
) -> None:
    # The layout works each column and row out once: a cell is still its day's week and
    # weekday, and the base shades every other month and greys the days outside the season.
    season = demo_season()._replace(week_start=week_start)
    fonts = theme.Fonts.from_font(qapp.font())
    # Built at the size directly: a calendar never shown keeps its viewport's default size.
    layouts = {s: CalendarLayout.build(season, *s, fonts.small_metrics) for s in CELL_SIZES}
    # Each size is a layout of its own: other column widths and other row heights.
    assert len({(built.column, built.bands) for built in layouts.values()}) == len(CELL_SIZES)
    layout = layouts[size]
    days = (season.last_day - season.first_day).days + 1
    assert len(layout.cells) == days
    for index in range(days):
        day = season.first_day + timedelta(days=index)
        assert layout.cells[index] == layout._compute_cell(day), day
    image = paint.render_base(layout, fonts, 1.0).toImage()
    day = layout.first_week_start
    while day < layout.week_first_day(layout.weeks):
        inside = season.first_day <= day <= season.last_day
        expected = theme.OUTSIDE if not inside else theme.ODD_MONTH if day.month % 2 == 0 else theme.BACKGROUND
        assert QColor(image.pixel(layout.cell(day).center())) == expected, day
        day += timedelta(days=1)
