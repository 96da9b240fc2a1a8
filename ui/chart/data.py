"""What the load chart plots, as arrays: pure functions of a plan, no widgets.

The chart's x axis counts weeks from the first day of the season's first week, so week ``w``
spans ``[w, w + 1)`` exactly as the calendar's column ``w`` does, and a day sits at its
seventh of the column (``TimeAxis``). Weekly values are plotted at their column's centre,
daily ones at their day's centre. Values are copied from the plan unchanged: the chart shows
what the engine computed, it does not compute metrics of its own. What was done in the past
weeks comes from ``planner.engine.compliance`` the same way (``done_series``).
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
import math
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from planner.document.model import Priority, Season
from planner.engine.compliance import WeekCompliance, week_compliance
from planner.engine.metrics import TRACKED_LIFTS
from planner.engine.plan import PhaseKind, Plan

Floats = NDArray[np.float64]

LIFT_NAMES = {"back_squat": "Back squat", "power_clean": "Power clean", "squat_jump": "Squat jump"}


class TimeAxis(NamedTuple):
    """Dates to chart x values and back: one unit per week column, day ``k`` of a week at ``k/7``."""

    origin: date  # the first day of the season's first week (x = 0)
    first_day: date
    last_day: date
    weeks: int

    @classmethod
    def of(cls, season: Season) -> "TimeAxis":
        return cls(season.first_week_start, season.first_day, season.last_day, max(1, season.week_count))

    def edge(self, day: date) -> float:
        """The x where ``day`` begins."""
        return (day - self.origin).days / 7

    def day_x(self, day: date) -> float:
        """The x of the middle of ``day``."""
        return ((day - self.origin).days + 0.5) / 7

    def week_x(self, week_start: date) -> float:
        """The x of the middle of the week column that starts on ``week_start``."""
        return (week_start - self.origin).days / 7 + 0.5

    def week_start(self, day: date) -> date:
        return self.origin + timedelta(days=(day - self.origin).days // 7 * 7)

    def day_at(self, x: float) -> date | None:
        """The season day whose seventh of a column holds ``x``, None outside the season."""
        if not math.isfinite(x):
            return None
        day = self.origin + timedelta(days=math.floor(x * 7))
        return day if self.first_day <= day <= self.last_day else None

    def month_ticks(self) -> list[tuple[float, str]]:
        """Where each month of the season begins, with its short name."""
        ticks: list[tuple[float, str]] = []
        month = date(self.first_day.year, self.first_day.month, 1)
        while month <= self.last_day:
            start = max(month, self.first_day)
            ticks.append((self.edge(start), start.strftime("%b")))
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return ticks


class Span(NamedTuple):
    """A stretch of days on the x axis: from the start of ``first`` to the end of ``last``."""

    x0: float
    x1: float


class Marker(NamedTuple):
    """A competition the athlete is entered in, at the middle of its first day."""

    id: str
    x: float
    priority: Priority
    indoor: bool
    name: str
    start: date
    end: date


class PlanSeries(NamedTuple):
    """Everything the chart draws for one plan."""

    week_x: Floats
    week_starts: tuple[date, ...]
    volume_load: Floats
    weighted_contacts: Floats
    relative_volume: Floats
    deload: NDArray[np.bool_]
    top_set: dict[str, Floats]  # by tracked lift; NaN in weeks without that lift
    planned_load: Floats  # weekly: the daily values summed by the engine
    day_x: Floats
    fitness: Floats
    fatigue: Floats
    form: Floats
    phases: tuple[tuple[PhaseKind, Span], ...]
    deload_spans: tuple[Span, ...]
    taper_spans: tuple[Span, ...]
    markers: tuple[Marker, ...]

    @classmethod
    def empty(cls) -> "PlanSeries":
        none = np.zeros(0)
        return cls(week_x=none, week_starts=(), volume_load=none, weighted_contacts=none, relative_volume=none,
                   deload=np.zeros(0, dtype=bool), top_set={lift: none for lift in TRACKED_LIFTS},
                   planned_load=none, day_x=none, fitness=none, fatigue=none, form=none, phases=(),
                   deload_spans=(), taper_spans=(), markers=())


_CURVES = attrgetter("fitness", "fatigue", "form")
_METRICS = attrgetter("metrics")
_DELOAD = attrgetter("deload")
_TAPER = attrgetter("taper_for")
_WEEKLY = attrgetter("volume_load_kg", "weighted_contacts", "relative_volume", "planned_load")
_TOP_SETS = attrgetter("top_set_pct")
_START = attrgetter("start")


def plan_series(plan: Plan, axis: TimeAxis) -> "PlanSeries":
    """The arrays the chart draws for ``plan`` (made on every hovered day of a drag, so kept lean)."""
    weeks = plan.weeks
    days = plan.days
    count = len(days)
    offset = (days[0].date - axis.origin).days if days else 0
    # The daily curves and marks through attribute getters, which walk the days in C: this
    # runs on every hovered day of a drag, right after the engine.
    curves = np.fromiter(chain.from_iterable(map(_CURVES, map(_METRICS, days))), dtype=float,
                         count=3 * count).reshape(count, 3).T
    weekly = np.array(list(map(_WEEKLY, weeks)), dtype=float).reshape(len(weeks), 4).T
    tops = list(map(_TOP_SETS, weeks))
    week_starts = tuple(map(_START, weeks))
    return PlanSeries(
        week_x=_week_x(week_starts, axis.origin),
        week_starts=week_starts,
        volume_load=weekly[0],
        weighted_contacts=weekly[1],
        relative_volume=weekly[2],
        deload=np.fromiter(map(_DELOAD, weeks), dtype=bool, count=len(weeks)),
        top_set={lift: np.array([top.get(lift, math.nan) for top in tops], dtype=float) for lift in TRACKED_LIFTS},
        planned_load=weekly[3],
        day_x=_day_x(count, offset),
        fitness=curves[0],
        fatigue=curves[1],
        form=curves[2],
        phases=tuple((p.kind, Span(axis.edge(p.start), axis.edge(p.end + timedelta(days=1)))) for p in plan.phases),
        deload_spans=_runs(np.fromiter(map(_DELOAD, days), dtype=bool, count=count), offset),
        taper_spans=_runs(np.array([taper is not None for taper in map(_TAPER, days)], dtype=bool), offset),
        markers=tuple(
            Marker(c.id, axis.day_x(c.start), c.priority, c.indoor, c.name, c.start, c.end) for c in plan.competitions
        ),
    )


# The x of a season's weeks and days are the same for every plan of it: made once, they are
# the same arrays from one previewed day to the next, which the chart then knows unchanged
# without comparing them. Never written to (read-only).
@lru_cache(maxsize=8)
def _week_x(week_starts: tuple[date, ...], origin: date) -> Floats:
    x = np.array([(start - origin).days for start in week_starts], dtype=float) / 7 + 0.5
    x.flags.writeable = False
    return x


@lru_cache(maxsize=8)
def _day_x(count: int, offset: int) -> Floats:
    x = (np.arange(count, dtype=float) + offset + 0.5) / 7
    x.flags.writeable = False
    return x


@lru_cache(maxsize=8)
def begun_weeks(week_starts: tuple[date, ...], today: date) -> NDArray[np.bool_]:
    """Which of the weeks have begun before ``today`` (``is_past_week``), read-only."""
    begun = np.array([is_past_week(start, today) for start in week_starts], dtype=bool)
    begun.flags.writeable = False
    return begun


class DoneSeries(NamedTuple):
    """What was done in the weeks that have begun before today, beside what was planned.

    The weeks are those of ``plan.weeks`` that start before ``today``, in order; the current
    week counts what was done so far. Plyometric contacts done are also put on the plan's
    weighted-contacts scale (``done_weighted_contacts``: the week's planned weighted contacts
    times the share of its contacts done), so they stand beside the planned line; NaN where
    the week planned no contacts or none of its plyometrics is recorded yet (nothing recorded
    is not nothing done). ``recorded_spans`` are the days whose load (and so the
    fitness, fatigue and form curves) is the recorded effort x minutes, not the estimate.
    """

    week_x: Floats
    week_starts: tuple[date, ...]
    weeks: tuple[WeekCompliance, ...]
    planned_volume: Floats
    done_volume: Floats
    planned_contacts: Floats
    done_contacts: Floats
    done_weighted_contacts: Floats
    recorded_spans: tuple[Span, ...]

    @classmethod
    def empty(cls) -> "DoneSeries":
        none = np.zeros(0)
        return cls(none, (), (), none, none, none, none, none, ())

    def week(self, week_start: date) -> WeekCompliance | None:
        return next((w for start, w in zip(self.week_starts, self.weeks, strict=True) if start == week_start), None)


def is_past_week(week_start: date, today: date) -> bool:
    """A week that has begun before today: what was done in it is shown beside its plan."""
    return week_start < today


def done_series(plan: Plan, season: Season, axis: TimeAxis, today: date) -> "DoneSeries":
    """What the athlete did in every week begun before ``today`` (the document's records)."""
    past = [w for w in plan.weeks if is_past_week(w.start, today)]
    weeks = tuple(week_compliance(plan, season, w.start, today) for w in past)
    planned_contacts = np.array([w.planned_contacts for w in weeks], dtype=float)
    done_contacts = np.array([w.done_contacts for w in weeks], dtype=float)
    weighted = np.array([w.weighted_contacts for w in past], dtype=float)
    recorded = np.array([w.recorded_planned_contacts > 0 or w.done_contacts > 0 for w in weeks], dtype=np.bool_)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where((planned_contacts > 0) & recorded, done_contacts / planned_contacts, math.nan)
    days = plan.days
    offset = (days[0].date - axis.origin).days if days else 0
    load_recorded = np.array([d.metrics.load_recorded for d in days], dtype=np.bool_)
    return DoneSeries(
        week_x=np.array([axis.week_x(w.start) for w in past], dtype=float),
        week_starts=tuple(w.start for w in past),
        weeks=weeks,
        planned_volume=np.array([w.planned_volume_kg for w in weeks], dtype=float),
        done_volume=np.array([w.done_volume_kg for w in weeks], dtype=float),
        planned_contacts=planned_contacts,
        done_contacts=done_contacts,
        done_weighted_contacts=weighted * share,
        recorded_spans=_runs(load_recorded, offset),
    )


def _runs(marked: NDArray[np.bool_], offset: int) -> tuple[Span, ...]:
    """Consecutive marked days as spans (a deload week or a taper is one span, not seven)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], marked.astype(np.int8), [0]))))
    starts, ends = edges[0::2], edges[1::2]  # the day after each run
    return tuple(Span(float(a + offset) / 7, float(b + offset) / 7) for a, b in zip(starts, ends, strict=True))


def same_values(old: NDArray[Any], new: NDArray[Any]) -> bool:
    """Whether two arrays hold the same values, bit for bit (NaN equal to NaN): a byte
    comparison, many times quicker than ``np.array_equal``, made for every series on every
    previewed day. Equal values with other bits (-0.0 and 0.0) count as a change: drawn
    again, never left stale."""
    return old is new or (old.shape == new.shape and old.dtype == new.dtype and old.tobytes() == new.tobytes())


def finite_max(*arrays: Floats) -> float:
    """The largest value of the arrays, NaN left out; 0 when there is none (empty plans, all-NaN lifts)."""
    # fmax passes over NaN, and ``initial`` answers for empty arrays without a warning.
    return max((float(np.fmax.reduce(values, initial=0.0)) for values in arrays), default=0.0)


def finite_min(*arrays: Floats) -> float:
    """The smallest value of the arrays, NaN left out; 0 when there is none or all are above it."""
    return min((float(np.fmin.reduce(values, initial=0.0)) for values in arrays), default=0.0)
