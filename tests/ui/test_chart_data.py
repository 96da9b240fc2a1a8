"""The load chart's arrays (``ui.chart.data``): copied from the plan unchanged, and the x of a
season's weeks and days made once and shared by every plan of it."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest

from planner.document import edits
from planner.document.demo import demo_season
from planner.engine.generator import generate
from ui.chart.data import TimeAxis, begun_weeks, is_past_week, plan_series, same_values


def test_two_plans_of_a_season_share_their_x_and_their_series_are_the_plans_values() -> None:
    season = demo_season()
    moved = edits.move_competition(season, "comp-10", date(2027, 6, 26))
    axis = TimeAxis.of(season)
    before, after = (generate(s, s.athletes[0].id) for s in (season, moved))
    series, other = plan_series(before, axis), plan_series(after, axis)
    assert series.week_x is other.week_x and series.day_x is other.day_x
    with pytest.raises(ValueError):
        series.day_x[0] = 1.0  # shared, so never written to
    assert series.day_x.tolist() == [axis.day_x(d.date) for d in before.days]
    assert series.week_x.tolist() == [axis.week_x(w.start) for w in before.weeks]
    for name in ("fitness", "fatigue", "form"):
        assert getattr(other, name).tolist() == [getattr(d.metrics, name) for d in after.days]
    weeks = after.weeks
    assert other.week_starts == tuple(w.start for w in weeks)
    assert other.volume_load.tolist() == [w.volume_load_kg for w in weeks]
    assert other.weighted_contacts.tolist() == [w.weighted_contacts for w in weeks]
    assert other.relative_volume.tolist() == [w.relative_volume for w in weeks]
    assert other.planned_load.tolist() == [w.planned_load for w in weeks]
    assert other.deload.tolist() == [w.deload for w in weeks] and any(other.deload)
    for lift, values in other.top_set.items():
        np.testing.assert_array_equal(values, [w.top_set_pct.get(lift, math.nan) for w in weeks])
    deloads = [d.date for d in after.days if d.deload]
    tapers = [d.date for d in after.days if d.taper_for is not None]
    assert deloads and tapers
    for spans, days in ((other.deload_spans, deloads), (other.taper_spans, tapers)):
        covered = [d for d in after.days if any(s.x0 <= axis.edge(d.date) < s.x1 for s in spans)]
        assert [d.date for d in covered] == days


def test_the_weeks_begun_are_those_before_today() -> None:
    season = demo_season()
    starts = tuple(season.first_week_start + timedelta(days=7 * i) for i in range(season.week_count))
    today = date(2026, 11, 18)
    begun = begun_weeks(starts, today)
    assert begun.tolist() == [is_past_week(start, today) for start in starts]
    assert 0 < begun.sum() < len(starts)
    assert begun_weeks(starts, today) is begun


def test_the_chart_tells_changed_values_from_the_same_ones() -> None:
    values = np.array([1.0, math.nan, 3.0])
    assert same_values(values, values.copy())  # NaN where NaN was: the same line
    assert not same_values(values, np.array([1.0, math.nan, 3.5]))
    assert not same_values(values, np.array([1.0, 2.0, 3.0]))
    assert not same_values(values, values[:2])
    assert not same_values(np.array([True, False]), np.array([True, True]))
    # Equal values with other bits count as changed: drawn again, never left stale.
    assert not same_values(np.array([0.0]), np.array([-0.0]))
