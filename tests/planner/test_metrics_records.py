"""Fitness, fatigue and form from what was recorded: effort x minutes where a record has both,
0 for a missed session, the plan's estimate elsewhere; each day says which. Figures worked
out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import plan_for, season
from hypothesis import HealthCheck, given, settings
from strategies import seasons_with_records

from planner.document import edits
from planner.document.model import Season
from planner.document.records import RecordStatus, SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.generator import generate, generate_all
from planner.engine.metrics import day_metrics, record_load, recorded_loads
from planner.engine.rules import rule_book

DAY = date(2027, 1, 4)


def session(day: date, effort: float, minutes: int, kind: SessionKind = SessionKind.WEIGHTS) -> Session:
    return Session(id=f"x:{day}:{kind}", date=day, kind=kind, title="t", items=(), minutes=minutes, effort=effort)


def record(planned: Session, status: RecordStatus = RecordStatus.DONE, effort: float | None = None,
           minutes: int | None = None) -> SessionRecord:
    return SessionRecord("ath-1", planned.date, planned.kind, status, planned, effort=effort, minutes=minutes)


def test_a_records_load_is_effort_times_minutes_or_nothing_when_missed() -> None:
    planned = session(DAY, 5.0, 60)
    assert record_load(record(planned, effort=7.0, minutes=60)) == 420.0
    assert record_load(record(planned, RecordStatus.MISSED)) == 0.0
    # Only one of the two entered: the plan's estimate stands.
    assert record_load(record(planned, effort=7.0)) is None
    assert record_load(record(planned, minutes=50)) is None


def test_fitness_fatigue_and_form_run_on_the_recorded_load_by_hand() -> None:
    days = [DAY + timedelta(days=k) for k in range(3)]
    plan = [[session(days[0], 5.0, 60)], [], [session(days[2], 6.0, 50)]]  # 300 planned on days 1 and 3
    # Day 1 done at effort 7 for 60 minutes (420); day 3 missed (0).
    result = day_metrics(plan, rule_book(), [(420.0, True), None, (0.0, True)])
    fitness1, fatigue1 = 420 / 42, 420 / 7  # 10.0, 60.0
    fitness2, fatigue2 = fitness1 * 41 / 42, fatigue1 * 6 / 7  # 9.7619, 51.4286
    fitness3, fatigue3 = fitness2 * 41 / 42, fatigue2 * 6 / 7  # 9.5295, 44.0816
    assert [m.fitness for m in result] == pytest.approx([10.0, 9.7619, 9.5295], abs=1e-4)
    assert [m.fatigue for m in result] == pytest.approx([60.0, 51.4286, 44.0816], abs=1e-4)
    assert [m.fitness for m in result] == pytest.approx([fitness1, fitness2, fitness3])
    assert [m.fatigue for m in result] == pytest.approx([fatigue1, fatigue2, fatigue3])
    # Form is yesterday's fitness minus yesterday's fatigue: 0, -50, -41.6667.
    assert [m.form for m in result] == pytest.approx([0.0, -50.0, -41.6667], abs=1e-4)
    # The planned load stays the plan's estimate; the days say where their load came from.
    assert [m.planned_load for m in result] == [300.0, 0.0, 300.0]
    assert [m.load_recorded for m in result] == [True, False, True]
    # Without records the same days run on the estimate: 300 / 42 on day 1.
    assert day_metrics(plan, rule_book())[0].fitness == pytest.approx(300 / 42)


def test_the_acute_chronic_ratio_runs_on_the_recorded_load_too() -> None:
    plan = [[session(DAY, 5.0, 60)], [session(DAY + timedelta(days=1), 5.0, 60)]]  # 300 planned each day
    estimated = day_metrics(plan, rule_book())
    recorded = day_metrics(plan, rule_book(), [(420.0, True), None])
    # On the first day both averages are the day's load times their lambdas: 0.25 / (2/29),
    # whatever the load.
    assert estimated[0].acwr == pytest.approx(recorded[0].acwr) == pytest.approx(0.25 / (2 / 29))
    # The second day tells the loads apart. Acute 0.25 x 300 + 0.75 x 105 = 153.75 after 420,
    # 131.25 after 300; chronic 2/29 x 300 + 27/29 x (2/29 x 420 or 300).
    chronic_after = (2 / 29) * 300 + (27 / 29) * (2 / 29) * 420
    assert recorded[1].acwr == pytest.approx(153.75 / chronic_after)
    assert estimated[1].acwr == pytest.approx(131.25 / ((2 / 29) * 300 + (27 / 29) * (2 / 29) * 300))


def test_recorded_loads_of_a_day_mix_records_and_estimates() -> None:
    doc = season()
    days = [DAY, DAY + timedelta(days=1), DAY + timedelta(days=2)]
    weights, jumps = session(days[0], 5.0, 60), session(days[0], 4.0, 30, SessionKind.PLYOMETRICS)
    other = session(days[1], 6.0, 40)
    doc = doc._replace(
        records=(
        record(weights, effort=8.0, minutes=70),  # 560 instead of 300
        record(other),  # done, no effort: the estimate, 240
    ))
    loads = recorded_loads(doc, "ath-1", days, [[jumps, weights], [other], []])
    # Day 1: 560 recorded + 120 estimated for the jumps nobody recorded: not all recorded.
    assert loads == [(680.0, False), (240.0, False), None]
    assert recorded_loads(doc, "ath-2", days, [[jumps, weights], [other], []]) is None
    # A recorded session the plan no longer holds on its day still counts.
    assert recorded_loads(doc, "ath-1", days, [[], [], []]) == [(560.0, True), (240.0, False), None]


def first_weights(doc: Season) -> Session:
    plan = plan_for(doc)
    return next(s for d in plan.days for s in d.sessions if s.kind is SessionKind.WEIGHTS)


def test_a_plan_uses_the_record_on_its_day_and_after() -> None:
    doc = season()
    planned = first_weights(doc)
    before = plan_for(doc)
    recorded = edits.record_session(doc, "ath-1", planned.date, planned.kind,
                                    record(planned, effort=9.0, minutes=90))
    after = generate(recorded, "ath-1")
    i = next(k for k, d in enumerate(before.days) if d.date == planned.date)
    old, new = before.days[i].metrics, after.days[i].metrics
    yesterday = before.days[i - 1].metrics if i else None
    start = yesterday.fitness if yesterday else 0.0
    # Today's fitness moves by the difference of the loads over 42; fatigue over 7.
    assert new.fitness - old.fitness == pytest.approx((810 - planned.planned_load) / 42)
    assert new.fatigue - old.fatigue == pytest.approx((810 - planned.planned_load) / 7)
    assert new.fitness == pytest.approx(start + (810 - start) / 42)
    assert new.load_recorded and not old.load_recorded
    assert new.planned_load == old.planned_load == planned.planned_load
    # Form moves the day after, and every day before is untouched.
    assert after.days[i + 1].metrics.form - before.days[i + 1].metrics.form == pytest.approx(
        (810 - planned.planned_load) / 42 - (810 - planned.planned_load) / 7)
    assert [d.metrics for d in after.days[:i]] == [d.metrics for d in before.days[:i]]
    # Missed: the day's load is 0.
    missed = edits.mark_missed(doc, "ath-1", planned.date, planned.kind, planned)
    assert generate(missed, "ath-1").days[i].metrics.fitness == pytest.approx(start * 41 / 42)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=seasons_with_records())
def test_every_plan_with_records_runs_its_curves_on_the_load_as_recorded(doc: Season) -> None:
    rules = rule_book()
    pmc = rules["metrics.pmc"]
    for plan in generate_all(doc):
        records = {r.key: r for r in doc.records if r.athlete_id == plan.athlete.id}
        fitness = fatigue = 0.0
        for day in plan.days:
            # The day's load by hand: each session's record where it gives one, else the estimate.
            kinds = {s.kind for s in day.sessions}
            loads: list[float | None] = []
            for s in day.sessions:
                found = records.get((plan.athlete.id, day.date, s.kind))
                recorded = None if found is None else record_load(found)
                loads.append(recorded)
            extra = [r for (a, d, k), r in records.items() if d == day.date and k not in kinds]
            load = sum(s.planned_load if v is None else v for s, v in zip(day.sessions, loads, strict=True))
            load += sum(r.planned.planned_load if record_load(r) is None else record_load(r) or 0.0 for r in extra)
            touched = any(records.get((plan.athlete.id, day.date, k)) for k in kinds) or bool(extra)
            every = touched and all(v is not None for v in loads) and all(record_load(r) is not None for r in extra)
            assert day.metrics.load_recorded == every
            fitness += (load - fitness) / pmc.number("fitness_days")
            fatigue += (load - fatigue) / pmc.number("fatigue_days")
            assert day.metrics.fitness == pytest.approx(fitness, rel=1e-9, abs=1e-9)
            assert day.metrics.fatigue == pytest.approx(fatigue, rel=1e-9, abs=1e-9)
