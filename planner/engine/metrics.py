"""Load metrics of a plan: volume-load, relative volume, contacts and the load curves.

Planned load is an estimate (estimated session RPE x minutes, gym and plyometrics only). Where
a session was recorded, fitness, fatigue, form and the acute:chronic ratio use what was
recorded instead: the athlete's effort x minutes (session RPE) when the record has both, 0
for a missed session. They describe the season's shape; they predict nothing (rules
metrics.pmc and metrics.spike).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from planner.by_identity import ByIdentity
from planner.document.catalogue import MAIN_LIFTS, exercise
from planner.document.model import Season
from planner.document.records import RecordStatus, SessionRecord
from planner.document.sessions import PlyoIntensity, Session, SessionKind
from planner.engine.plan import DayMetrics, PhaseKind, Week
from planner.engine.plyometrics import contact_weights
from planner.engine.rules import RuleBook, rule_book
from planner.engine.timeline import DayPhase

TRACKED_LIFTS = ("back_squat", "power_clean", "squat_jump")


@cache
def _main_lift_of() -> dict[str, str]:
    # The catalogue's substitutes of each main lift (front squat for back squat, ...).
    return {substitute: lift for lift in MAIN_LIFTS for substitute in exercise(lift).substitutes}


def main_lift(exercise_id: str) -> str:
    """The main lift an exercise stands in for (itself when it is not a substitute)."""
    return _main_lift_of().get(exercise_id, exercise_id)


_Totals = tuple[float, float, tuple[int, int, int, int], int, float, float]
_NO_LOAD: _Totals = (0.0, 0.0, (0, 0, 0, 0), 0, 0.0, 0.0)
# A session's figures, and those of a day of jumps and lifting, are worked out once.
_TOTALS: ByIdentity[_Totals] = ByIdentity()


def day_totals(sessions: Sequence[Session], weights: dict[PlyoIntensity, float]) -> _Totals:
    """Volume-load, relative volume, reps by zone, contacts, weighted contacts and planned load."""
    if not sessions:
        return _NO_LOAD
    return _TOTALS.get(_day_summed, *sessions, weights)


def _day_summed(*objects: Any) -> _Totals:
    # The day's sessions, then the contact weights: the objects the figures are kept by.
    *sessions, weights = objects
    return _summed(sessions, weights)


def _summed(sessions: Sequence[Session], weights: dict[PlyoIntensity, float]) -> _Totals:
    # Summed item by item, in order, across the sessions: a day's figures to the last bit.
    volume_load = relative = weighted = planned = 0.0
    zones = [0, 0, 0, 0]
    contacts = 0
    for session in sessions:
        planned += session.planned_load
        for item in session.items:
            reps = item.total_reps
            if item.intensity is not None:
                contacts += item.contacts
                weighted += item.contacts * weights[item.intensity]
                continue
            if item.load_kg:
                volume_load += reps * item.load_kg
            if item.percent_max is not None:
                relative += reps * item.percent_max / 100
                pct = item.percent_max
                zones[0 if pct < 70 else 1 if pct < 80 else 2 if pct < 90 else 3] += reps
    return volume_load, relative, (zones[0], zones[1], zones[2], zones[3]), contacts, weighted, planned


def session_volume(session: Session) -> tuple[float, int]:
    """A session's volume-load (kg) and ground contacts, counted as ``day_totals`` counts them."""
    totals = day_totals((session,), contact_weights(rule_book()))
    return totals[0], totals[3]


# A day's load as recorded: the load fitness and fatigue use, and whether every session of the
# day gave it from its record.
RecordedLoad = tuple[float, bool]


def record_load(record: SessionRecord) -> float | None:
    """A recorded session's load: effort x minutes when the coach entered both, 0 when it was
    missed, None when the record says neither (the plan's estimate stands)."""
    if record.status is RecordStatus.MISSED:
        return 0.0
    if record.effort is None or record.minutes is None:
        return None
    return record.effort * record.minutes


def recorded_loads(
    season: Season, athlete_id: str, dates: Sequence[date], sessions_by_day: Sequence[Sequence[Session]]
) -> list[RecordedLoad | None] | None:
    """Per day, the load as recorded (None where nothing of the day was recorded); None when
    the athlete has no record at all, the plan's estimate standing everywhere.

    A recorded session the plan no longer holds on its day still counts: it was done.
    """
    if not dates:
        return None
    first = dates[0]
    by_day: dict[int, list[SessionRecord]] = {}
    for record in season.records:
        index = (record.date - first).days
        if record.athlete_id == athlete_id and 0 <= index < len(dates):
            by_day.setdefault(index, []).append(record)
    if not by_day:
        return None
    result: list[RecordedLoad | None] = [None] * len(dates)
    for index, records in by_day.items():
        by_kind: dict[SessionKind, SessionRecord] = {record.kind: record for record in records}
        total = 0.0
        every = True
        for session in sessions_by_day[index]:
            matched = by_kind.pop(session.kind, None)
            recorded = None if matched is None else record_load(matched)
            every = every and recorded is not None
            total += session.planned_load if recorded is None else recorded
        for left in by_kind.values():
            recorded = record_load(left)
            every = every and recorded is not None
            total += left.planned.planned_load if recorded is None else recorded
        result[index] = (total, every)
    return result


# Fitness, fatigue and the acute and chronic loads at the end of a day: where the curves
# take up again when a plan is derived anew from that day on.
Curves = tuple[float, float, float, float]


def day_metrics(
    sessions_by_day: Sequence[Sequence[Session]],
    rules: RuleBook,
    recorded: Sequence[RecordedLoad | None] | None = None,
) -> list[DayMetrics]:
    """Each day's figures. ``planned_load`` is the plan's estimate; fitness, fatigue, form and
    the acute:chronic ratio run on the ``recorded`` load where a day has one."""
    return day_metrics_since(sessions_by_day, rules, recorded)[0]


def day_metrics_since(
    sessions_by_day: Sequence[Sequence[Session]],
    rules: RuleBook,
    recorded: Sequence[RecordedLoad | None] | None = None,
    since: int = 0,
    earlier: tuple[Sequence[DayMetrics], Sequence[Curves]] = ((), ()),
) -> tuple[list[DayMetrics], list[Curves]]:
    """``day_metrics`` and the curves at the end of each day, taking the first ``since`` days
    from ``earlier`` (figures and curves of a plan whose days agree with these up to there):
    the curves run on from the last of them, as they would from the first day."""
    weights = contact_weights(rules)
    pmc = rules["metrics.pmc"]
    spike = rules["metrics.spike"]
    fitness_days = pmc.number("fitness_days")
    fatigue_days = pmc.number("fatigue_days")
    acute_lambda = 2 / (spike.number("acute_days") + 1)
    chronic_lambda = 2 / (spike.number("chronic_days") + 1)
    fitness = fatigue = acute = chronic = 0.0
    result = list(earlier[0][:since])
    curves = list(earlier[1][:since])
    if since:
        fitness, fatigue, acute, chronic = curves[-1]
    # Values stay unrounded here; the JSON and the views round them for display.
    for i in range(since, len(sessions_by_day)):
        sessions = sessions_by_day[i]
        volume_load, relative, zones, contacts, weighted, planned = day_totals(sessions, weights)
        day_recorded = None if recorded is None else recorded[i]
        load, from_record = (planned, False) if day_recorded is None else day_recorded
        form = fitness - fatigue  # form uses yesterday's fitness and fatigue
        fitness += (load - fitness) / fitness_days
        fatigue += (load - fatigue) / fatigue_days
        acute = acute_lambda * load + (1 - acute_lambda) * acute
        chronic = chronic_lambda * load + (1 - chronic_lambda) * chronic
        result.append(DayMetrics(
            volume_load, relative, zones, contacts, weighted, planned, fitness, fatigue, form,
            acute / chronic if chronic > 1e-6 else None, from_record,
        ))
        curves.append((fitness, fatigue, acute, chronic))
    return result, curves


_TOPS: ByIdentity[tuple[tuple[str, float], ...]] = ByIdentity()


def _session_tops(session: Session) -> tuple[tuple[str, float], ...]:
    """The session's top percentage of each tracked barbell lift, in the order they come."""
    return _TOPS.get(_tops, session)


def _tops(session: Session) -> tuple[tuple[str, float], ...]:
    top: dict[str, float] = {}
    for item in session.items:
        if item.percent_max is None:
            continue
        lift = main_lift(item.exercise_id)
        if lift in TRACKED_LIFTS and exercise(item.exercise_id).barbell:
            top[lift] = max(top.get(lift, 0.0), item.percent_max)
    return tuple(top.items())


def weeks(
    season: Season,
    dates: Sequence[date],
    phases: Sequence[DayPhase],
    sessions_by_day: Sequence[Sequence[Session]],
    metrics: Sequence[DayMetrics],
    since: int = 0,
    earlier: Sequence[Week] = (),
) -> list[Week]:
    """The plan's weeks. Weeks ending on or before day ``since`` are taken from ``earlier`` (those
    of a plan whose days, phases and figures agree with these up to there) when they begin on
    the same day (the season's weeks may begin on another weekday now)."""
    result: list[Week] = []
    if not dates:
        return result
    first_week_start = season.week_of(dates[0])
    first_week = first_week_start.toordinal()
    first_ordinal = dates[0].toordinal()
    first_number = season.week_number(dates[0])
    start = 0
    k = 0  # weeks follow each other from the one holding the first day
    while start < len(dates):
        week_start = first_week_start + timedelta(days=7 * k)
        end = min(len(dates), start + 7 - (first_ordinal + start - first_week) % 7)
        span = range(start, end)
        if end <= since and k < len(earlier) and earlier[k].start == week_start:
            result.append(earlier[k])
            start = end
            k += 1
            continue
        counts: dict[PhaseKind, int] = {}
        top: dict[str, float] = {}
        deload = False
        volume_load = relative = weighted = planned = 0.0
        contacts = 0
        # One pass over the week's days, summed in day order as before.
        for i in span:
            phase = phases[i]
            counts[phase.kind] = counts.get(phase.kind, 0) + 1
            deload = deload or phase.deload
            day = metrics[i]
            volume_load += day.volume_load_kg
            relative += day.relative_volume
            contacts += day.contacts
            weighted += day.weighted_contacts
            planned += day.planned_load
            for session in sessions_by_day[i]:
                for lift, pct in _session_tops(session):
                    top[lift] = max(top.get(lift, 0.0), pct)
        result.append(
            Week(
                start=week_start,
                number=first_number + k,
                phase=max(counts, key=counts.__getitem__),
                deload=deload,
                volume_load_kg=round(volume_load, 1),
                relative_volume=round(relative, 2),
                contacts=contacts,
                weighted_contacts=round(weighted, 1),
                planned_load=round(planned, 1),
                top_set_pct=top,
            )
        )
        start = end
        k += 1
    return result
