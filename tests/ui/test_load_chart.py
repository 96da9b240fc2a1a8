"""The load chart: what its plot items hold (the engine's metrics, values not pixels), its
alignment with the calendar's week columns, the live preview, the linked selection, the
toggles, the squad view, hovering and the export.

The chart is built as the window lays it out: under the calendar in a vertical splitter.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QImage,
    QPainter,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSplitter, QStyleOptionGraphicsItem, QToolTip, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Season
from planner.engine.generator import generate
from planner.engine.metrics import TRACKED_LIFTS
from planner.engine.plan import Plan
from tests.ui.chart_reading import (
    competition_markers,
    hatched_weeks,
    highlighted_week,
    hover_x,
    is_series_visible,
    phase_bands,
    series_action,
    series_data,
    series_pen,
    spans,
)
from tests.ui.conftest import FakeDialogs
from tests.ui.gestures import PaintRegions, drag_event
from ui import theme
from ui.calendar.widget import SeasonCalendar
from ui.chart.data import TimeAxis, plan_series
from ui.chart.load_chart import LoadChart
from ui.chart.parts import INNER_AXIS_WIDTH, SERIES, Backdrop, Bars, Curve, Plot, Rules
from ui.columns import WeekColumns
from ui.document import OpenSeason
from ui.mime import DraggedCompetition, competition_mime
from ui.preview import DragPreview
from ui.selection import Selection
from ui.session_text import number

NATIONALS = "comp-10"  # Fri 23 - Sun 25 July 2027, priority A, the whole squad
NATIONALS_DAY = date(2027, 7, 23)
MOVED_TO = date(2027, 8, 6)


class Window(QWidget):
    """The calendar with the chart under it in a vertical splitter, as the main window has them."""

    def __init__(self, document: OpenSeason, selection: Selection, dialogs: FakeDialogs) -> None:
        super().__init__()
        self.preview = DragPreview(document, selection)
        self.columns = WeekColumns()
        self.calendar = SeasonCalendar(document, selection, dialogs, preview=self.preview, columns=self.columns,
                                       today=date(2027, 3, 10))
        self.chart = LoadChart(document, selection, self.preview, self.columns)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.calendar)
        self.splitter.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)


@pytest.fixture
def window(qtbot: QtBot, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs) -> Window:
    window = Window(document, selection, fake_dialogs)
    qtbot.addWidget(window)
    window.resize(1000, 540)
    window.splitter.setSizes([330, 210])
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def chart(window: Window) -> LoadChart:
    return window.chart


@pytest.fixture
def plan(document: OpenSeason, selection: Selection) -> Plan:
    return document.plan(selection.athlete_id)


def week_xs(chart: LoadChart, plan: Plan) -> list[float]:
    return [chart.axis.week_x(week.start) for week in plan.weeks]


def assert_holds(chart: LoadChart, name: str, xs: list[float], ys: list[float]) -> None:
    x, y = series_data(chart, name)
    np.testing.assert_allclose(x, xs)
    np.testing.assert_array_equal(y, np.array(ys, dtype=float))


def assert_shows_plan(chart: LoadChart, plan: Plan) -> None:
    """Every series of the chart holds exactly the plan's metrics."""
    xs = week_xs(chart, plan)
    assert_holds(chart, "volume_load", xs, [w.volume_load_kg for w in plan.weeks])
    assert_holds(chart, "weighted_contacts", xs, [w.weighted_contacts for w in plan.weeks])
    assert_holds(chart, "planned_load", xs, [w.planned_load for w in plan.weeks])
    for lift in TRACKED_LIFTS:
        assert_holds(chart, f"top_set:{lift}", xs, [w.top_set_pct.get(lift, math.nan) for w in plan.weeks])
    day_xs = [chart.axis.day_x(d.date) for d in plan.days]
    assert_holds(chart, "fitness", day_xs, [d.metrics.fitness for d in plan.days])
    assert_holds(chart, "fatigue", day_xs, [d.metrics.fatigue for d in plan.days])
    assert_holds(chart, "form", day_xs, [d.metrics.form for d in plan.days])


def window_x(widget: QWidget, x: float, window: QWidget) -> float:
    return widget.mapTo(window, QPointF(x, 0)).x()


def chart_window_x(chart: LoadChart, panel_index: int, value: float, window: QWidget) -> float:
    """Where a chart x value lands in the window, through the plot's own view mapping."""
    view = chart.panels[panel_index].main
    scene = view.mapViewToScene(QPointF(value, 0))
    point = chart.view.viewportTransform().map(scene)
    return float(chart.view.viewport().mapTo(window, point).x())


def view_point(chart: LoadChart, day: date, panel_index: int = 0) -> QPoint:
    """The viewport point over ``day``, half-way up a plot."""
    view = chart.panels[panel_index].main
    (_x0, _x1), (low, high) = view.viewRange()
    scene = view.mapViewToScene(QPointF(chart.axis.day_x(day), (low + high) / 2))
    return QPoint(chart.view.mapFromScene(scene))


# Synthetic drags over the calendar, as tests/ui/test_palette_drag.py sends them ---------------


def drag_over(calendar: SeasonCalendar, competition_id: str, *days: date) -> None:
    mime = competition_mime(competition_id)
    viewport = calendar.viewport()
    QApplication.sendEvent(viewport, drag_event(QDragEnterEvent, calendar.date_rect(days[0]).center(), mime))
    for day in days:
        QApplication.sendEvent(viewport, drag_event(QDragMoveEvent, calendar.date_rect(day).center(), mime))


def leave(calendar: SeasonCalendar) -> None:
    QApplication.sendEvent(calendar.viewport(), QDragLeaveEvent())


# What the plot items hold ---------------------------------------------------------------------


def test_the_chart_is_named_and_holds_the_selected_athletes_metrics(chart: LoadChart, plan: Plan) -> None:
    assert chart.objectName() == "loadChart"
    assert_shows_plan(chart, plan)


def test_weekly_values_sit_at_their_week_columns_and_daily_values_at_their_days(chart: LoadChart,
                                                                              plan: Plan) -> None:
    season = chart.document.season
    x, _ = series_data(chart, "volume_load")
    assert x[0] == pytest.approx(0.5)  # the first week's column is [0, 1)
    assert np.all(np.diff(x) == 1)
    day_x, _ = series_data(chart, "form")
    assert day_x[0] == pytest.approx(((season.first_day - season.first_week_start).days + 0.5) / 7)
    assert len(day_x) == len(plan.days) == 336


def test_the_demo_values_are_the_engines_for_a_known_week(chart: LoadChart, plan: Plan) -> None:
    # Week 23 (8-14 March 2027): the first pre-competition week of the demo's first athlete.
    index = next(i for i, w in enumerate(plan.weeks) if w.start == date(2027, 3, 8))
    week = plan.weeks[index]
    assert series_data(chart, "volume_load")[1][index] == week.volume_load_kg == 3550.0
    assert series_data(chart, "top_set:back_squat")[1][index] == 87.5
    assert series_data(chart, "weighted_contacts")[1][index] == week.weighted_contacts


def test_phases_are_bands_in_the_calendars_colours(chart: LoadChart, plan: Plan) -> None:
    axis = chart.axis
    bands = phase_bands(chart)
    assert [(x0, x1) for x0, x1, _colour in bands] == [
        (axis.edge(p.start), axis.edge(p.end + timedelta(days=1))) for p in plan.phases
    ]
    for (_x0, _x1, colour), phase in zip(bands, plan.phases, strict=True):
        assert colour.rgb() == theme.PHASE_FILL[phase.kind].rgb()


def test_deload_weeks_and_tapers_are_marked_on_their_days(chart: LoadChart, plan: Plan) -> None:
    deload_days = {d.date for d in plan.days if d.deload}
    taper_days = {d.date for d in plan.days if d.taper_for is not None}
    assert deload_days and taper_days

    def days_in(spans: list[tuple[float, float]]) -> set[date]:
        return {d.date for d in plan.days for x0, x1 in spans if x0 <= chart.axis.day_x(d.date) < x1}

    assert days_in(spans(chart, "deload")) == deload_days
    assert days_in(spans(chart, "taper")) == taper_days
    # Deload weeks' bars are hatched.
    assert hatched_weeks(chart) == pytest.approx([chart.axis.week_x(w.start) for w in plan.weeks if w.deload])


def test_competitions_are_marked_in_their_priority_colours_and_named(chart: LoadChart, plan: Plan) -> None:
    markers = competition_markers(chart)
    assert len(markers) == len(plan.competitions) > 0
    for (x, colour, label), competition in zip(markers, plan.competitions, strict=True):
        assert x == pytest.approx(chart.axis.day_x(competition.start))
        assert colour.rgb() == theme.PRIORITY_FILL[competition.priority].rgb()
        assert label == f"{competition.priority.value}: {competition.name}"


def test_another_athlete_selected_shows_that_athletes_plan(chart: LoadChart, document: OpenSeason,
                                                          selection: Selection, demo: Season) -> None:
    selection.set_athlete(demo.athletes[1].id)
    assert_shows_plan(chart, document.plan(demo.athletes[1].id))
    assert [m[2] for m in competition_markers(chart)] == [
        f"{c.priority.value}: {c.name}" for c in document.plan(demo.athletes[1].id).competitions
    ]


def test_an_edit_to_the_document_redraws_the_chart(chart: LoadChart, document: OpenSeason,
                                                   selection: Selection) -> None:
    document.apply("Move competition", lambda s: edits.move_competition(s, NATIONALS, MOVED_TO))
    assert_shows_plan(chart, document.plan(selection.athlete_id))
    assert chart.axis.day_x(MOVED_TO) in [x for x, _c, _l in competition_markers(chart)]


def test_new_season_dates_move_the_axis_and_keep_it_aligned(window: Window, document: OpenSeason,
                                                             selection: Selection) -> None:
    # Sunday-first weeks from 1 November: every week column and every day moves.
    document.apply("Season settings", lambda s: edits.change_season(s, first_day=date(2026, 11, 1), week_start=6))
    chart = window.chart
    assert chart.axis == TimeAxis.of(document.season)
    assert chart.axis.origin == date(2026, 11, 1)
    assert_shows_plan(chart, document.plan(selection.athlete_id))
    assert chart.axis.month_ticks()[0][1] == "Nov"
    assert_aligned(window, (date(2026, 11, 1), date(2027, 3, 10), date(2027, 9, 5)))


def test_an_empty_squad_shows_no_data(qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs) -> None:
    empty = demo._replace(
        athletes=(), overrides=(), locked_weeks=(), notes=(),
        competitions=tuple(c._replace(athletes=None) for c in demo.competitions),
    )
    window = Window(OpenSeason(empty), Selection("", demo.first_day), fake_dialogs)
    qtbot.addWidget(window)
    window.show()
    chart = window.chart
    assert all(series_data(chart, name)[0].size == 0 for name in ("volume_load", "fitness", "form"))
    assert competition_markers(chart) == []
    assert "No athlete" in chart.hover_text(demo.first_day)


# Alignment with the calendar ------------------------------------------------------------------


DAYS = (date(2026, 10, 5), date(2026, 12, 24), date(2027, 3, 10), date(2027, 7, 23), date(2027, 9, 5))


def assert_aligned(window: Window, days: tuple[date, ...] = DAYS) -> None:
    chart, calendar = window.chart, window.calendar
    for day in days:
        expected = window_x(calendar, calendar.x_for_date(day), window)
        week_centre = chart.axis.week_x(chart.axis.week_start(day))
        for panel in range(len(chart.panels)):
            assert chart_window_x(chart, panel, week_centre, window) == pytest.approx(expected, abs=2), (day, panel)


def test_each_week_lies_under_its_calendar_column(window: Window) -> None:
    assert_aligned(window)


def test_the_first_week_starts_where_the_calendars_first_column_does(window: Window) -> None:
    chart, calendar = window.chart, window.calendar
    first = chart.document.season.first_day
    column = calendar.date_rect(first)
    left = calendar.viewport().mapTo(window, QPointF(column.left(), 0)).x()
    assert chart_window_x(chart, 0, chart.axis.edge(chart.axis.week_start(first)), window) == pytest.approx(
        left, abs=2)


def test_the_chart_stays_aligned_when_the_window_is_resized(qtbot: QtBot, window: Window) -> None:
    window.resize(1300, 540)
    qtbot.waitUntil(lambda: window.chart.width() == 1300)
    assert_aligned(window)
    window.resize(760, 540)
    qtbot.waitUntil(lambda: window.chart.width() == 760)
    assert_aligned(window)


def test_the_chart_follows_the_calendar_when_the_season_scrolls(qtbot: QtBot, window: Window) -> None:
    window.resize(520, 540)
    qtbot.waitUntil(lambda: window.calendar.horizontalScrollBar().maximum() > 0)
    bar = window.calendar.horizontalScrollBar()
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        visible = [d for d in DAYS if not window.calendar.date_rect(d).isNull()
                   and 34 <= window.calendar.date_rect(d).center().x() < window.calendar.viewport().width()]
        assert visible
        assert_aligned(window, tuple(visible))


def test_the_wheel_over_the_chart_scrolls_the_calendar(qtbot: QtBot, window: Window) -> None:
    window.resize(520, 540)
    qtbot.waitUntil(lambda: window.calendar.horizontalScrollBar().maximum() > 0)
    bar = window.calendar.horizontalScrollBar()
    viewport = window.chart.view.viewport()
    point = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(point, viewport.mapToGlobal(point), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert bar.value() > 0
    assert_aligned(window, (date(2026, 10, 26), date(2026, 11, 30)))


# The preview while a competition is dragged ---------------------------------------------------


def test_dragging_a_competition_previews_its_plan_with_the_plan_before_as_a_faint_line(
    window: Window, document: OpenSeason, selection: Selection, plan: Plan
) -> None:
    chart, calendar = window.chart, window.calendar
    drag_over(calendar, NATIONALS, NATIONALS_DAY, MOVED_TO)
    assert window.preview.plan() is not None
    expected = generate(edits.move_competition(document.season, NATIONALS, MOVED_TO), selection.athlete_id)
    assert_shows_plan(chart, expected)
    # The plan before the drag stays on screen as faint lines.
    day_xs = [chart.axis.day_x(d.date) for d in plan.days]
    assert_holds(chart, "before:form", day_xs, [d.metrics.form for d in plan.days])
    assert_holds(chart, "before:weighted_contacts", week_xs(chart, plan), [w.weighted_contacts for w in plan.weeks])
    edges, heights = series_data(chart, "before:volume_load")
    np.testing.assert_array_equal(heights, [w.volume_load_kg for w in plan.weeks])
    assert len(edges) == len(heights) + 1
    assert all(is_series_visible(chart, f"before:{key}") for key in ("form", "fitness", "fatigue", "volume_load"))
    # The taper and the competition moved with the drag.
    assert chart.axis.day_x(MOVED_TO) in [x for x, _c, _l in competition_markers(chart)]
    assert {d.date for d in expected.days if d.taper_for} == {
        d.date for d in expected.days for x0, x1 in spans(chart, "taper") if x0 <= chart.axis.day_x(d.date) < x1
    }


def test_the_preview_plan_comes_from_the_documents_plan_cache(window: Window, document: OpenSeason,
                                                             selection: Selection) -> None:
    drag_over(window.calendar, NATIONALS, MOVED_TO)
    preview = window.preview.current
    assert preview is not None and preview.season is not None
    # Derived once for the calendar and the chart alike, and again only for another season.
    assert document.plan_in(preview.season, selection.athlete_id) is window.preview.plan()
    assert document.plan_in(document.season, selection.athlete_id) is document.plan(selection.athlete_id)
    leave(window.calendar)


def test_the_faint_lines_are_made_at_the_first_drag_and_hold_the_plan_before(window: Window, plan: Plan) -> None:
    chart = window.chart
    curves = sum(isinstance(item, Curve) for item in chart.view.scene().items())
    assert not chart._ghosts  # nothing on screen needs them before a drag
    drag_over(window.calendar, NATIONALS, NATIONALS_DAY, MOVED_TO)
    assert sum(isinstance(item, Curve) for item in chart.view.scene().items()) == curves + len(chart._ghosts) > curves
    _x, y = series_data(chart, "before:fitness")
    np.testing.assert_array_equal(y, [d.metrics.fitness for d in plan.days])
    assert is_series_visible(chart, "before:fitness")
    leave(window.calendar)


def test_ending_the_drag_restores_the_plan_and_hides_the_faint_lines(window: Window, plan: Plan) -> None:
    chart, calendar = window.chart, window.calendar
    drag_over(calendar, NATIONALS, NATIONALS_DAY, MOVED_TO)
    leave(calendar)
    assert window.preview.plan() is None
    assert_shows_plan(chart, plan)
    assert not any(is_series_visible(chart, f"before:{key}") for key in ("form", "fitness", "volume_load"))
    assert chart.axis.day_x(NATIONALS_DAY) in [x for x, _c, _l in competition_markers(chart)]


def test_every_hovered_day_updates_the_preview(window: Window, document: OpenSeason,
                                               selection: Selection) -> None:
    chart, calendar = window.chart, window.calendar
    for day in (date(2027, 6, 5), date(2027, 8, 14)):
        drag_over(calendar, NATIONALS, day)
        expected = generate(edits.move_competition(document.season, NATIONALS, day), selection.athlete_id)
        assert_shows_plan(chart, expected)
    leave(calendar)


def test_the_chart_follows_the_shared_preview_whoever_drives_it(window: Window, document: OpenSeason,
                                                                 selection: Selection, plan: Plan) -> None:
    chart = window.chart
    moved = generate(edits.move_competition(document.season, NATIONALS, MOVED_TO), selection.athlete_id)
    window.preview.hover(DraggedCompetition(NATIONALS), MOVED_TO)
    assert_shows_plan(chart, moved)
    window.preview.end()
    assert_shows_plan(chart, plan)


def test_a_hidden_series_keeps_its_faint_line_hidden_during_a_drag(window: Window) -> None:
    chart = window.chart
    chart.set_series_visible("form", False)
    drag_over(window.calendar, NATIONALS, NATIONALS_DAY, MOVED_TO)
    assert not is_series_visible(chart, "before:form")
    assert is_series_visible(chart, "before:fitness")
    leave(window.calendar)


# Selection, both ways -------------------------------------------------------------------------


def test_selecting_a_day_highlights_its_week_in_the_chart(chart: LoadChart, selection: Selection) -> None:
    selection.set_day(date(2027, 5, 12))
    start = chart.axis.edge(date(2027, 5, 10))
    assert highlighted_week(chart) == pytest.approx((start, start + 1))


def test_clicking_a_week_in_the_chart_selects_it_for_the_calendar(window: Window, selection: Selection) -> None:
    chart = window.chart
    day = date(2027, 4, 21)
    for panel in range(len(chart.panels)):
        selection.set_day(date(2026, 11, 2))
        QTest.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view_point(chart, day, panel))
        assert selection.day == day
    assert highlighted_week(chart) == pytest.approx((chart.axis.edge(date(2027, 4, 19)),
                                                      chart.axis.edge(date(2027, 4, 26))))
    # The calendar shows the same selection: its highlighted cell is the clicked day.
    assert window.calendar.date_at(window.calendar.date_rect(day).center()) == selection.day


def test_clicking_a_day_in_the_calendar_highlights_its_week_in_the_chart(window: Window) -> None:
    calendar, chart = window.calendar, window.chart
    day = date(2027, 1, 14)
    QTest.mouseClick(calendar.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     calendar.date_rect(day).center())
    start = chart.axis.edge(date(2027, 1, 11))
    assert highlighted_week(chart) == pytest.approx((start, start + 1))


def test_a_right_click_selects_nothing(window: Window, selection: Selection, monkeypatch: pytest.MonkeyPatch) -> None:
    chart = window.chart
    before = selection.day
    monkeypatch.setattr(chart.context_menu(), "exec", lambda *_args: None)
    QTest.mouseClick(chart.view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     view_point(chart, date(2027, 4, 21)))
    assert selection.day == before


# Hovering -------------------------------------------------------------------------------------


def test_hovering_shows_the_exact_values_of_the_week_and_the_day(
    window: Window, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = window.chart
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: shown.append(text))
    day = date(2027, 3, 9)
    QTest.mouseMove(chart.view.viewport(), view_point(chart, day, 2))
    assert shown, "no tooltip"
    week = next(w for w in plan.weeks if w.start == date(2027, 3, 8))
    metrics = plan.day(day).metrics  # type: ignore[union-attr]
    text = shown[-1]
    assert "Week 23 · 8–14 Mar" in text
    assert f"Volume-load {number(week.volume_load_kg)} kg" in text
    assert f"weighted contacts {number(week.weighted_contacts)}" in text
    assert "back squat 87.5 %" in text
    assert f"fitness {number(metrics.fitness)}" in text and f"form {number(metrics.form)}" in text
    assert "estimate" in text
    assert hover_x(chart) == pytest.approx(chart.axis.day_x(day))


def test_the_hover_text_says_form_is_the_day_befores_fitness_minus_fatigue(chart: LoadChart, plan: Plan) -> None:
    day = date(2027, 3, 9)
    before = plan.day(day - timedelta(days=1)).metrics  # type: ignore[union-attr]
    form = plan.day(day).metrics.form  # type: ignore[union-attr]
    assert number(form) == number(before.fitness - before.fatigue)
    assert f"form {number(form)} (fitness − fatigue as of the day before)" in chart.hover_text(day)


def test_the_hover_text_names_the_weeks_competitions_and_phase(chart: LoadChart) -> None:
    text = chart.hover_text(date(2027, 7, 21))
    assert "A: National Championships" in text
    assert "Taper: National Championships" in text


# Toggles, legend, squad -----------------------------------------------------------------------


def test_switching_a_series_off_hides_its_item_and_unchecks_its_legend_entry(chart: LoadChart) -> None:
    action = series_action(chart, "fatigue")
    assert action.isChecked() and is_series_visible(chart, "fatigue")
    action.trigger()
    assert not is_series_visible(chart, "fatigue")
    assert not action.isChecked()
    chart.set_series_visible("fatigue", True)
    assert is_series_visible(chart, "fatigue") and action.isChecked()


def test_a_plot_with_every_series_off_folds_away_and_comes_back(qtbot: QtBot, chart: LoadChart) -> None:
    heights = [panel.plot.geometry().height() for panel in chart.panels]
    for lift in TRACKED_LIFTS:
        chart.set_series_visible(f"top_set:{lift}", False)
    qtbot.waitUntil(lambda: chart.intensity.plot.geometry().height() == 0)
    assert not chart.intensity.plot.isVisible()
    assert chart.volume.plot.geometry().height() > heights[0]
    chart.set_series_visible("top_set:power_clean", True)
    qtbot.waitUntil(lambda: chart.intensity.plot.geometry().height() == pytest.approx(heights[1], abs=1))
    assert chart.intensity.plot.isVisible()


def test_the_scales_inside_the_plots_keep_their_width_after_the_squad_view(qtbot: QtBot, window: Window) -> None:
    # The squad view hides the contacts scale; a resize while it was hidden once pinned its
    # width to nothing, and it came back without its numbers.
    chart = window.chart
    chart.set_squad(True)
    window.resize(1100, 560)
    qtbot.waitUntil(lambda: chart.volume.main.rect().width() > 1000)
    chart.set_squad(False)
    qtbot.wait(10)
    for panel in (chart.volume, chart.load):
        assert panel.inner_axis is not None and panel.inner_axis.isVisible()
        assert panel.inner_axis.geometry().width() == pytest.approx(INNER_AXIS_WIDTH, abs=2)


def fill_rects(backdrop: Backdrop, layer: str) -> list[tuple[str, object]]:
    return sorted((brush.color().name(QColor.NameFormat.HexArgb) + str(brush.style()), rect.getRect())
                  for brush, rects in backdrop._fills[layer] for rect in rects)


def test_the_backdrops_and_rules_hold_what_their_spans_and_lines_make_through_a_drag(window: Window) -> None:
    chart = window.chart
    drag_over(window.calendar, NATIONALS, date(2027, 6, 20), date(2027, 8, 6), date(2027, 5, 12))
    for day in (None, date(2027, 8, 7)):
        if day is not None:
            leave(window.calendar)
        for backdrop in chart.backdrops:
            whole = Backdrop(QPen())
            for layer in Backdrop.LAYERS:
                fresh = Backdrop(QPen())
                fresh.set_spans(layer, backdrop.spans(layer))
                assert fill_rects(backdrop, layer) == fill_rects(fresh, layer), layer
                whole.set_spans(layer, backdrop.spans(layer))
            assert backdrop.boundingRect() == whole.boundingRect()
        for rules in chart.rules:
            fresh_rules = Rules()
            fresh_rules.set_lines(rules.lines())
            assert [(pen.color().rgba(), [line.x1() for line in lines]) for pen, lines in rules._runs] == [
                (pen.color().rgba(), [line.x1() for line in lines]) for pen, lines in fresh_rules._runs]
            assert rules.boundingRect() == fresh_rules.boundingRect() and rules.lines()
        assert fill_rects(chart.backdrops[0], "phases")  # the phases are there to compare


def picture(size: QSize, transform: QTransform, paint: Callable[[QPainter], None]) -> QImage:
    """What ``paint`` draws on a white image of this size, through this transform."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setTransform(transform)
    paint(painter)
    painter.end()
    return image


def test_a_backdrop_paints_what_a_fill_a_span_paints(qtbot: QtBot, chart: LoadChart) -> None:
    backdrop = chart.backdrops[2]
    size, transform = QSize(700, 90), QTransform(13.7, 0.0, 0.0, -83.3, -4.1, 87.2)

    def span_by_span(painter: QPainter) -> None:
        for layer in Backdrop.LAYERS:
            height = Backdrop.STRIPS.get(layer, 1.0)
            for x0, x1, brush in backdrop.spans(layer):
                painter.fillRect(QRectF(x0, 0.0, x1 - x0, height), brush)
        for x0, x1, _brush in backdrop.spans("week"):
            painter.setPen(backdrop._outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x0, 0.0, x1 - x0, 1.0))

    assert backdrop.spans("taper") and backdrop.spans("deload")
    assert (picture(size, transform, lambda p: backdrop.paint(p, QStyleOptionGraphicsItem()))
            == picture(size, transform, span_by_span))


@pytest.mark.usefixtures("qapp")
def test_rules_paint_what_a_line_each_paints() -> None:
    red, blue = QPen(QColor("#C0392B"), 1.5), QPen(QColor("#2C6FB7"), 0.0)
    lines = [(0.31, red), (0.52, red), (0.55, blue), (0.71, red), (1.9, blue), (1.93, blue), (2.4, red)]
    rules = Rules()
    rules.set_lines(lines)
    size, transform = QSize(300, 60), QTransform(113.7, 0.0, 0.0, -50.3, 2.1, 55.2)

    def one_by_one(painter: QPainter) -> None:
        for x, pen in lines:
            painter.setPen(pen)
            painter.drawLine(QPointF(x, 0.0), QPointF(x, 1.0))

    assert (picture(size, transform, lambda p: rules.paint(p, QStyleOptionGraphicsItem()))
            == picture(size, transform, one_by_one))
    assert rules.lines() == lines


def bar_rects(bars: Bars) -> tuple[list[object], ...]:
    return tuple([rect.getRect() for rect in rects] for rects in (bars._plain, bars._hollow, bars._marked))


@pytest.mark.usefixtures("qapp")
def test_bars_given_new_heights_hold_what_bars_built_from_nothing_hold() -> None:
    rng = np.random.default_rng(7)
    x = np.arange(12, dtype=float) + 0.5
    bars = Bars(0.62, None, QBrush(QColor("#336699")), QBrush(QColor("#336699"), Qt.BrushStyle.BDiagPattern))
    marked = rng.random(12) < 0.3
    hollow = rng.random(12) < 0.4
    for step in range(40):
        heights = bars.values()[1].copy() if step else rng.random(12) * 900
        heights[rng.integers(0, 12, size=3)] = rng.random(3) * 900  # a few weeks change, as in a drag
        if step % 9 == 8:
            marked = rng.random(12) < 0.3  # and now and then which weeks are hatched or begun
        if step % 13 == 12:
            hollow = rng.random(12) < 0.4
        if step == 30:
            x = x + 1.0  # and where the weeks are
        bars.set_values(x, heights, marked, hollow)
        fresh = Bars(0.62, None, QBrush(QColor("#336699")))
        fresh.set_values(x, heights, marked, hollow)
        assert bar_rects(bars) == bar_rects(fresh)
        assert bars.boundingRect() == fresh.boundingRect()
    assert any(bar_rects(bars))


def test_the_chart_paints_once_as_its_window_appears(qtbot: QtBot, document: OpenSeason, selection: Selection,
                                                     fake_dialogs: FakeDialogs) -> None:
    window = Window(document, selection, fake_dialogs)
    qtbot.addWidget(window)
    paints = PaintRegions(window.chart.view.viewport())
    window.resize(1000, 540)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.wait(50)
    assert len(paints.regions) == 1
    # and it still paints what changes
    document.apply("Move competition", lambda s: edits.move_competition(s, NATIONALS, MOVED_TO))
    qtbot.waitUntil(lambda: len(paints.regions) == 2)


def test_the_legend_lists_every_series_with_the_planned_load_called_an_estimate(chart: LoadChart) -> None:
    texts = [action.text() for action in chart.toolbar.actions()]
    for label in ("Volume-load", "Weighted contacts", "Squat %", "Clean %", "Jump %", "Planned load (estimate)",
                  "Fitness", "Fatigue", "Form", "Squad"):
        assert label in texts


def test_the_squad_view_overlays_every_athletes_relative_volume(chart: LoadChart, document: OpenSeason,
                                                                demo: Season) -> None:
    chart.set_squad(True)
    assert chart.squad and chart.squad_action.isChecked()
    for athlete in demo.athletes:
        athlete_plan = document.plan(athlete.id)
        name = f"relative_volume:{athlete.id}"
        assert_holds(chart, name, week_xs(chart, athlete_plan), [w.relative_volume for w in athlete_plan.weeks])
        assert is_series_visible(chart, name)
    assert not is_series_visible(chart, "volume_load")
    assert not is_series_visible(chart, "weighted_contacts")
    assert is_series_visible(chart, "form")
    legend = [action.text() for action in chart.toolbar.actions()]
    assert all(athlete.name in legend for athlete in demo.athletes)
    chart.set_squad(False)
    assert not is_series_visible(chart, f"relative_volume:{demo.athletes[0].id}")
    assert is_series_visible(chart, "volume_load")


def test_the_squad_legend_is_rebuilt_only_when_the_squad_changes(
    chart: LoadChart, document: OpenSeason, demo: Season
) -> None:
    chart.set_squad(True)
    before = chart.toolbar.actions()
    document.apply("Move", lambda s: edits.move_competition(s, demo.competitions[0].id, demo.competitions[0].start
                                                             + timedelta(days=1)))
    assert chart.toolbar.actions() == before
    first = demo.athletes[0]
    document.apply("Rename", lambda s: edits.change_athlete(s, first.id, name="Renamed Runner"))
    assert chart.toolbar.actions() != before
    assert "Renamed Runner" in [action.text() for action in chart.toolbar.actions()]


def test_athletes_can_be_switched_off_in_the_squad_view(chart: LoadChart, demo: Season) -> None:
    chart.squad_action.trigger()
    key = f"relative_volume:{demo.athletes[2].id}"
    series_action(chart, key).trigger()
    assert not is_series_visible(chart, key)
    assert is_series_visible(chart, f"relative_volume:{demo.athletes[1].id}")


def test_the_squad_view_previews_the_selected_athletes_line(window: Window, document: OpenSeason,
                                                            selection: Selection, plan: Plan) -> None:
    chart = window.chart
    chart.set_squad(True)
    drag_over(window.calendar, NATIONALS, NATIONALS_DAY, MOVED_TO)
    expected = generate(edits.move_competition(document.season, NATIONALS, MOVED_TO), selection.athlete_id)
    assert_holds(chart, f"relative_volume:{selection.athlete_id}", week_xs(chart, expected),
                 [w.relative_volume for w in expected.weeks])
    assert_holds(chart, "before:relative_volume", week_xs(chart, plan), [w.relative_volume for w in plan.weeks])
    leave(window.calendar)
    assert_holds(chart, f"relative_volume:{selection.athlete_id}", week_xs(chart, plan),
                 [w.relative_volume for w in plan.weeks])


# Export ---------------------------------------------------------------------------------------


def test_the_chart_exports_as_png(chart: LoadChart, tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    chart.export_png(path)
    image = QImage(str(path))
    assert path.stat().st_size > 0 and not image.isNull()
    assert image.width() >= 2 * chart.view.width() - 2
    # The title row used for the export is gone again.
    assert chart.view.ci.getItem(0, 0) is None


def test_the_chart_exports_as_svg_with_a_title(chart: LoadChart, tmp_path: Path) -> None:
    path = tmp_path / "chart.svg"
    chart.export_svg(path)
    text = path.read_text(encoding="utf-8")
    assert "<svg" in text
    assert "Wiśniewska" in text or "Wi&#" in text


def test_an_export_that_cannot_be_written_says_why_and_leaves_the_chart_as_it_was(
    chart: LoadChart, tmp_path: Path
) -> None:
    before = chart.volume.main.viewRange()[0]
    for export in (chart.export_png, chart.export_svg):
        with pytest.raises(OSError):
            export(tmp_path)  # a folder, not a file
    assert chart.volume.main.viewRange()[0] == pytest.approx(before)
    assert chart.view.ci.getItem(0, 0) is None


def test_the_export_entries_ask_the_window_for_a_file(chart: LoadChart, qtbot: QtBot) -> None:
    with qtbot.waitSignal(chart.export_requested) as png:
        chart.export_png_action.trigger()
    assert png.args == ["png"]
    with qtbot.waitSignal(chart.export_requested) as svg:
        chart.export_svg_action.trigger()
    assert svg.args == ["svg"]


def test_the_time_axis_maps_days_and_weeks_both_ways(demo: Season) -> None:
    axis = TimeAxis.of(demo)
    assert axis.edge(demo.first_week_start) == 0
    assert axis.week_x(demo.first_week_start) == 0.5
    for day in (demo.first_day, date(2027, 3, 10), demo.last_day):
        assert axis.day_at(axis.day_x(day)) == day
    assert axis.day_at(-1.0) is None
    assert axis.day_at(axis.edge(demo.last_day) + 1) is None
    assert [name for _x, name in axis.month_ticks()][:3] == ["Oct", "Nov", "Dec"]


def test_the_lines_before_the_drag_are_faint_in_their_series_colours(chart: LoadChart) -> None:
    for key in ("form", "fitness", "weighted_contacts", "top_set:back_squat"):
        faint, solid = series_pen(chart, f"before:{key}").color(), series_pen(chart, key).color()
        assert faint.alpha() < solid.alpha() == 255
        assert faint.rgb() == solid.rgb()


@pytest.mark.parametrize("squad", [False, True])
def test_on_a_laptop_every_legend_entry_is_on_screen(qtbot: QtBot, window: Window, squad: bool) -> None:
    chart = window.chart
    window.resize(785, 540)  # the chart's share of a 1366 x 768 window
    chart.set_squad(squad)
    qtbot.waitUntil(lambda: chart.toolbar.width() <= 785)
    legend = chart.toolbar
    keys = [style.key for style in SERIES if not (squad and style.plot is Plot.VOLUME)]
    if squad:
        keys += [f"relative_volume:{athlete_id}" for athlete_id in ("ath-1", "ath-2", "ath-3", "ath-4", "ath-5")]
    for key in keys:
        button = legend.widgetForAction(series_action(chart, key))
        assert button is not None and button.isVisible(), key
        assert legend.rect().contains(button.geometry()), key
    if not squad:
        # The lower plot's series are named on screen, the planned load as an estimate.
        texts = {legend.widgetForAction(series_action(chart, k)).text() for k in ("planned_load", "fitness", "form")}  # type: ignore[union-attr]
        assert texts == {"Load (est.)", "Fitness", "Form"}
        # On one line, leaving the plots their height.
        assert legend.heightForWidth(legend.width()) < 2 * legend.widgetForAction(chart.squad_action).height()  # type: ignore[union-attr]


def expected_ranges(chart: LoadChart, shown: Plan, real: Plan) -> dict[str, tuple[float, float]]:
    """The y range of every view, worked out from both plans' values as the chart promises:
    each view holds the data shown and the plan before the drag, with room above them."""
    def top(values: list[float]) -> float:
        finite = [v for v in values if math.isfinite(v)]
        return max([0.0, *finite])

    def room(value: float) -> float:
        return value * 1.18 if value > 0 else 1.0

    weeks = [w for plan in (shown, real) for w in plan.weeks]
    days = [d for plan in (shown, real) for d in plan.days]
    done = chart.item("done_volume").values()[1].tolist()
    done_contacts = chart.item("done_contacts").values()[1].tolist()
    lifts = [w.top_set_pct.get(lift, math.nan) for w in weeks for lift in TRACKED_LIFTS]
    finite_lifts = [v for v in lifts if math.isfinite(v)]
    lowest = min(finite_lifts, default=50.0)
    curves = [getattr(d.metrics, name) for d in days for name in ("fitness", "fatigue", "form")]
    return {
        "volume": (0.0, room(top([w.volume_load_kg for w in weeks] + done))),
        "contacts": (0.0, room(top([w.weighted_contacts for w in weeks] + done_contacts))),
        "intensity": (max(0.0, (lowest - 5) // 10 * 10), max(100.0, top(lifts) + 2)),
        "load": (min([0.0, *curves]) * 1.15, room(top(curves))),
        "planned": (0.0, room(top([w.planned_load for w in weeks]))),
    }


def shown_ranges(chart: LoadChart) -> dict[str, tuple[float, float]]:
    views = {"volume": chart.volume.main, "contacts": chart.volume.right, "intensity": chart.intensity.main,
             "load": chart.load.main, "planned": chart.load.right}
    return {name: (float(view.viewRange()[1][0]), float(view.viewRange()[1][1])) for name, view in views.items()}


def test_during_a_drag_every_scale_holds_the_previewed_plan_and_the_plan_before(
    window: Window, document: OpenSeason, selection: Selection
) -> None:
    chart = window.chart
    real = document.plan(selection.athlete_id)
    for day in (date(2027, 6, 20), date(2027, 8, 6), date(2027, 5, 12), date(2027, 8, 7)):
        preview = window.preview.hover(DraggedCompetition(NATIONALS), day)
        assert preview is not None and preview.plan is not None
        expected = expected_ranges(chart, preview.plan, real)
        for name, (low, high) in shown_ranges(chart).items():
            assert low == pytest.approx(expected[name][0]) and high == pytest.approx(expected[name][1]), (day, name)
    window.preview.end()
    expected = expected_ranges(chart, real, real)
    for name, (low, high) in shown_ranges(chart).items():
        assert low == pytest.approx(expected[name][0]) and high == pytest.approx(expected[name][1]), name


def test_each_scale_takes_the_larger_and_the_lower_of_the_plan_shown_and_the_plan_before(
    window: Window, document: OpenSeason, selection: Selection
) -> None:
    chart = window.chart
    real = plan_series(document.plan(selection.athlete_id), chart.axis)
    lift = TRACKED_LIFTS[0]
    # The plan before has the larger values of some series and the lower of others.
    before = real._replace(
        volume_load=real.volume_load * 3, planned_load=real.planned_load * 2,
        fitness=real.fitness - 500, top_set={**real.top_set, lift: real.top_set[lift] - 55})
    shown = real._replace(weighted_contacts=real.weighted_contacts * 4, form=real.form + 900)
    chart._real, chart._shown = before, shown
    chart._fit_y()
    done = chart.item("done_volume").values()[1]
    done_contacts = chart.item("done_contacts").values()[1]

    def top(*arrays: np.ndarray) -> float:
        return max([0.0, *(float(np.nanmax(a)) for a in arrays if np.isfinite(a).any())])

    lifts = [a for s in (shown, before) for a in s.top_set.values()]
    lowest = min(float(np.nanmin(a)) for a in lifts if np.isfinite(a).any())
    curves = [getattr(s, name) for s in (shown, before) for name in ("fitness", "fatigue", "form")]
    expected = {
        "volume": (0.0, top(before.volume_load, shown.volume_load, done) * 1.18),
        "contacts": (0.0, top(shown.weighted_contacts, before.weighted_contacts, done_contacts) * 1.18),
        "intensity": (max(0.0, (lowest - 5) // 10 * 10), max(100.0, top(*lifts) + 2)),
        "load": (min(0.0, *(float(np.min(c)) for c in curves)) * 1.15, top(*curves) * 1.18),
        "planned": (0.0, top(before.planned_load, shown.planned_load) * 1.18),
    }
    assert expected["volume"][1] == pytest.approx(float(np.max(before.volume_load)) * 1.18)
    assert expected["load"][1] == pytest.approx(float(np.max(shown.form)) * 1.18)
    assert expected["intensity"][0] == 0.0  # the plan shown alone would start at 10 %
    for name, (low, high) in shown_ranges(chart).items():
        assert low == pytest.approx(expected[name][0]) and high == pytest.approx(expected[name][1]), name
