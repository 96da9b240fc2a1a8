"""The load chart's past: done beside planned in every week begun before today, and the days
whose load is recorded rather than estimated. Figures are worked out by hand in
``tests.ui.recorded`` and below."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, timedelta

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Season
from planner.document.records import DoneSet
from planner.engine.generator import generate
from tests.ui.chart_reading import is_series_visible, series_action, series_data
from tests.ui.conftest import FakeDialogs
from tests.ui.recorded import LUCJA, PLYOMETRICS, TO_RECORD, TODAY, WEIGHTS, partly, recorded_demo
from tests.ui.test_load_chart import Window
from ui.chart import load_chart
from ui.chart.data import DoneSeries, Span, TimeAxis, done_series
from ui.chart.load_chart import LoadChart
from ui.document import OpenSeason
from ui.selection import Selection

# Mon 15 Feb 2027, a deload week: weights planned Tue 16 (power clean 2 x 2 at 52.5, back squat
# 2 x 6 at 86.25: 1245 kg), Thu 18 (Romanian deadlift 2 x 6 at 71.25: 855 kg) and Sat 20 (1245
# kg again) = 3345 kg; done 363.75 kg on Tue 16. Plyometrics on Tue 16 and Sat 20, 48 contacts
# each (22 high at 1.6, 26 moderate at 1.3: 69 weighted) = 96 contacts, 138 weighted; done 48 on
# Tue 16, half, so 69 on the weighted scale.
DELOAD_WEEK = date(2027, 2, 15)
# Mon 1 Mar: 480 kg done (Thu 4 Mar, partly). Mon 8 Mar, the week holding today: 2740 kg done
# (Tue 9 Mar, as planned), its plyometrics missed.
MARCH_WEEK, RUNNING_WEEK = date(2027, 3, 1), date(2027, 3, 8)
FEBRUARY_WEEK = date(2027, 2, 8)  # nothing recorded: 0 kg of 5017.5


@pytest.fixture
def recorded(demo: Season) -> OpenSeason:
    return OpenSeason(recorded_demo(demo), today=TODAY)


@pytest.fixture
def window(qtbot: QtBot, recorded: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs) -> Window:
    selection.select(LUCJA, TODAY)
    window = Window(recorded, selection, fake_dialogs)
    qtbot.addWidget(window)
    window.resize(1000, 540)
    window.splitter.setSizes([330, 210])
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def chart(window: Window) -> LoadChart:
    return window.chart


def value_at(chart: LoadChart, name: str, week_start: date) -> float:
    x, y = series_data(chart, name)
    index = int(np.flatnonzero(np.isclose(x, chart.axis.week_x(week_start)))[0])
    return float(y[index])


def test_the_volume_load_done_stands_in_every_week_begun_before_today(chart: LoadChart) -> None:
    x, _y = series_data(chart, "done_volume")
    season = chart.document.season
    begun = [w.start for w in chart.document.plan(LUCJA).weeks if w.start < TODAY]
    assert begun[0] == season.first_week_start and begun[-1] == RUNNING_WEEK
    assert x.tolist() == [chart.axis.week_x(start) for start in begun]
    assert value_at(chart, "done_volume", DELOAD_WEEK) == pytest.approx(363.75)
    assert value_at(chart, "done_volume", MARCH_WEEK) == pytest.approx(480.0)
    assert value_at(chart, "done_volume", RUNNING_WEEK) == pytest.approx(2740.0)
    assert value_at(chart, "done_volume", FEBRUARY_WEEK) == 0.0


def test_the_plan_of_a_begun_week_is_an_outline_and_weeks_to_come_stay_filled(chart: LoadChart) -> None:
    plan = chart.document.plan(LUCJA)
    bars = chart.item("volume_load")
    hollow = [chart.axis.week_x(w.start) for w in plan.weeks if w.start < TODAY and not w.deload]
    assert bars.hollow() == pytest.approx(hollow)
    assert chart.axis.week_x(FEBRUARY_WEEK) in bars.hollow()
    # A deload week stays hatched, begun or not; a week to come is neither.
    assert chart.axis.week_x(DELOAD_WEEK) in bars.marked()
    assert chart.axis.week_x(date(2027, 4, 12)) not in bars.hollow()
    # The planned heights are the plan's, unchanged.
    _x, planned = series_data(chart, "volume_load")
    assert planned.tolist() == [w.volume_load_kg for w in plan.weeks]
    assert value_at(chart, "volume_load", DELOAD_WEEK) == pytest.approx(3345.0)


def test_contacts_done_are_put_on_the_weighted_scale_of_the_plan(chart: LoadChart) -> None:
    assert value_at(chart, "weighted_contacts", DELOAD_WEEK) == pytest.approx(138.0)
    assert value_at(chart, "done_contacts", DELOAD_WEEK) == pytest.approx(69.0)
    # The week holding today: its plyometrics (76 contacts) missed, a stroke at nought.
    assert value_at(chart, "done_contacts", RUNNING_WEEK) == 0.0
    # Nothing recorded is not nothing done: no stroke.
    assert math.isnan(value_at(chart, "done_contacts", FEBRUARY_WEEK))


def test_a_week_without_plyometrics_planned_has_no_contacts_stroke(demo: Season) -> None:
    plan = generate(demo, LUCJA)
    week = {FEBRUARY_WEEK + timedelta(days=n) for n in range(7)}
    days = tuple(d._replace(sessions=tuple(s for s in d.sessions if s.kind is not PLYOMETRICS)) if d.date in week
                 else d for d in plan.days)
    series = done_series(dataclasses.replace(plan, days=days), demo, TimeAxis.of(demo), TODAY)
    index = series.week_starts.index(FEBRUARY_WEEK)
    assert math.isnan(series.done_weighted_contacts[index])
    assert math.isnan(series.done_weighted_contacts[index + 1])  # the deload week: 96 planned, none recorded


def test_hovering_a_past_week_says_what_was_done_of_what_was_planned(chart: LoadChart) -> None:
    text = chart.hover_text(DELOAD_WEEK + timedelta(days=2))
    assert "Done: 363.8 of 3345 kg volume-load (11 %) · 48 of 96 contacts (50 %)" in text
    assert "Done so far: 2740 of" in chart.hover_text(TODAY)
    assert "Done" not in chart.hover_text(TODAY + timedelta(days=7))


def test_one_legend_entry_switches_everything_done(chart: LoadChart, monkeypatch: pytest.MonkeyPatch) -> None:
    real = done_series

    def with_recorded_days(*args: object, **kwargs: object) -> DoneSeries:
        return real(*args, **kwargs)._replace(recorded_spans=(Span(20.0, 20.5),))  # type: ignore[arg-type]

    monkeypatch.setattr(load_chart, "done_series", with_recorded_days)
    chart.refresh()
    strip = chart.backdrops[chart.panels.index(chart.load)]
    assert [(x0, x1) for x0, x1, _brush in strip.spans("recorded")] == [(20.0, 20.5)]
    action = series_action(chart, "done")
    assert action.iconText() == "Done"
    assert is_series_visible(chart, "done_volume") and is_series_visible(chart, "done_contacts")
    action.setChecked(False)
    assert not is_series_visible(chart, "done_volume") and not is_series_visible(chart, "done_contacts")
    assert strip.spans("recorded") == []
    action.setChecked(True)
    assert is_series_visible(chart, "done_volume")
    assert len(strip.spans("recorded")) == 1
    # The squad view keeps the load plot, and the strip under its curves.
    chart.set_squad(True)
    assert not is_series_visible(chart, "done_volume")
    assert len(strip.spans("recorded")) == 1


def test_recording_a_session_redraws_the_done_bar_of_its_week(chart: LoadChart, recorded: OpenSeason) -> None:
    week = recorded.season.week_of(TO_RECORD)
    before = value_at(chart, "done_volume", week)
    record = partly(recorded.season, TO_RECORD, {"back_squat": (DoneSet(6, 86.25),) * 2,
                                                 "power_clean": (DoneSet(2, 52.5),) * 2})
    recorded.apply("Record", lambda s: edits.record_session(s, LUCJA, TO_RECORD, WEIGHTS, record))
    assert value_at(chart, "done_volume", week) == pytest.approx(before + 1245.0)


def test_recorded_load_days_are_spans_of_their_own_days(demo: Season) -> None:
    """The data function on a plan whose load is recorded on Tue 16 to Thu 18 Feb and Tue 9 Mar."""
    plan = generate(demo, LUCJA)
    recorded = {date(2027, 2, 16), date(2027, 2, 17), date(2027, 2, 18), date(2027, 3, 9)}
    days = tuple(d._replace(metrics=d.metrics._replace(load_recorded=True)) if d.date in recorded else d
                 for d in plan.days)
    axis = TimeAxis.of(demo)
    series = done_series(dataclasses.replace(plan, days=days), demo, axis, TODAY)
    # The season's first week starts Mon 5 Oct 2026: Tue 16 Feb is 134 days on, Tue 9 Mar 155.
    assert series.recorded_spans == (Span(134 / 7, 137 / 7), Span(155 / 7, 156 / 7))
