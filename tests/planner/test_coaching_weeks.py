"""The week plan around competitions (issue rules 1, 4, 9, 12 and 13): where the lift of a race
week goes, the day after a race, the last week of an A taper, test days, and the warning when
the calendar leaves no room for heavy work.

Dates are worked out by hand from the default weekly rhythm (hard track days with lifting and
plyometrics on Tuesday, Thursday and Saturday; easy days with upper-body lifting on Monday and
Friday) and the National Championships on Friday 23 July 2027.
"""

from __future__ import annotations

from datetime import date, timedelta

from builders import athlete, competition, nationals, plan_for, plyo_on, season, weights_on

from planner.document.demo import demo_season
from planner.document.model import DayRhythm, Level, Priority, TrackDay
from planner.document.sessions import Category, SessionKind
from planner.engine.generator import generate
from planner.engine.plan import Plan
from planner.engine.rules import rule_book

SATURDAY_MEET = date(2027, 5, 15)  # competition phase of a season peaking at the Nationals


def _lower_body_top(plan: Plan, day: date) -> float:
    session = weights_on(plan, day)
    if session is None:
        return 0.0
    return max(
        (i.percent_max or 0.0 for i in session.items if i.lower_body and i.category is not Category.ACCESSORY),
        default=0.0,
    )


def test_a_race_week_lifts_heavy_on_d4_not_on_the_eve() -> None:
    for priority in (Priority.B, Priority.C):
        plan = plan_for(season(competitions=[nationals(1), competition(2, SATURDAY_MEET, priority)]))
        tuesday, thursday, friday = (SATURDAY_MEET - timedelta(days=n) for n in (4, 2, 1))
        # D-4 is the last day heavy work is allowed before a B (and a C allows it until D-4 too).
        assert _lower_body_top(plan, tuesday) >= 85.0, priority
        # D-2 is a hard lifting day in the rhythm, but lifting there would blunt the race.
        assert weights_on(plan, thursday) is None, priority
        friday_session = weights_on(plan, friday)
        assert friday_session is None or not any(i.lower_body for i in friday_session.items), priority


def test_the_day_after_a_race_has_no_jumps_and_no_lifting_above_60_percent() -> None:
    # A Saturday B and a Sunday C: the Monday after is D+1 of the C; Tuesday is D+2.
    comps = [nationals(1), competition(2, SATURDAY_MEET, "B"), competition(3, SATURDAY_MEET + timedelta(days=1), "C")]
    plan = plan_for(season(competitions=comps))
    monday = SATURDAY_MEET + timedelta(days=2)
    assert plyo_on(plan, monday) is None
    assert _lower_body_top(plan, monday) <= 60.0
    # Every D+1 in a season of weekly meets is the same.
    weekly = [nationals(1)] + [competition(n, SATURDAY_MEET + timedelta(weeks=n), "C") for n in range(2, 8)]
    plan = plan_for(season(competitions=weekly))
    for comp in weekly:
        after = comp.end + timedelta(days=1)
        assert plyo_on(plan, after) is None, after
        assert _lower_body_top(plan, after) <= 60.0, after


def test_no_jumps_on_the_day_of_a_strength_test() -> None:
    plan = generate(demo_season(), "ath-1")
    test_days = [d.date for d in plan.days for s in d.sessions if "test" in s.tags]
    # General preparation closes with a test on Tuesday 22 December 2026, specific on 2 March 2027.
    assert date(2026, 12, 22) in test_days and date(2027, 3, 2) in test_days
    for day in test_days:
        assert plyo_on(plan, day) is None, day


def _volume_load(plan: Plan, days: list[date]) -> float:
    by_date = {d.date: d for d in plan.days}
    return sum(
        i.total_reps * (i.load_kg or 0.0)
        for day in days
        for s in by_date[day].sessions
        if s.kind is SessionKind.WEIGHTS
        for i in s.items
    )


def test_the_last_week_before_an_a_holds_at_most_60_percent_of_the_last_full_weeks() -> None:
    for priming in (False, True):
        plan = plan_for(season(athletes=[athlete(priming=priming)], competitions=[nationals(1)]))
        start = nationals(1).start
        last_week = [start - timedelta(days=n) for n in range(1, 8)]
        # The taper starts 14 days out (9 July); the three weeks before it are full training
        # weeks of the competition phase with no meet: 18 June - 8 July.
        taper_start = start - timedelta(days=14)
        full = [[taper_start - timedelta(days=7 * w + n) for n in range(1, 8)] for w in range(3)]
        reference = sum(_volume_load(plan, w) for w in full) / 3
        assert reference > 0
        assert _volume_load(plan, last_week) <= 0.6 * reference + 1e-6, priming


def test_no_heavy_slot_for_two_weeks_is_warned_with_its_dates() -> None:
    # Lifting only on Monday, Wednesday and Friday: before a Saturday meet Monday is D+2 of the
    # last one, Wednesday D-3 and Friday D-1, so weekly meets leave no day for heavy legs.
    hard = DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True)
    easy = DayRhythm(TrackDay.EASY, lifting=False, plyometrics=False)
    rest = DayRhythm(TrackDay.REST, lifting=False, plyometrics=False)
    rhythm = (hard, easy, hard, easy, hard, hard, rest)
    weekly = [nationals(1)] + [competition(n, SATURDAY_MEET + timedelta(weeks=n - 2), "C") for n in range(2, 6)]
    plan = plan_for(season(athletes=[athlete(rhythm=rhythm)], competitions=weekly))
    gaps = [w for w in plan.warnings if w.rule_id == "detraining" and "80 %" in w.message]
    assert gaps, plan.warnings
    # Monday 10 May (D-5) is the last heavy day; from Tuesday 11 May every lifting day is D+2,
    # D-3 or D-1 of a meet until the meets stop: Saturday 12 June is the next heavy day.
    assert [w.date for w in gaps] == [date(2027, 5, 11)]
    assert "for 32 days (11 May – 11 June 2027)" in gaps[0].message


def test_beginners_are_measured_at_75_percent_for_maintenance() -> None:
    rule = rule_book()["detraining"]
    assert rule.number("heavy_pct") == 80.0
    assert rule.number("novice_heavy_pct") == 75.0
    junior = athlete(junior=True, level=Level.BEGINNER)
    weekly = [nationals(1)] + [competition(n, SATURDAY_MEET + timedelta(weeks=n - 2), "C") for n in range(2, 8)]
    plan = plan_for(season(athletes=[junior], competitions=weekly))
    assert not [w for w in plan.warnings if w.rule_id == "detraining"], plan.warnings


def test_priming_never_falls_on_the_day_after_a_race() -> None:
    # A C meet on Wednesday 21 July makes Thursday 22 July, the Nationals' priming day, a
    # recovery day: no priming squat at 80 % there (rule competition.after).
    a = nationals(1)
    c = competition(2, a.start - timedelta(days=2), Priority.C)
    plan = plan_for(season(athletes=[athlete(priming=True)], competitions=[a, c]))
    recovery_day = a.start - timedelta(days=1)
    assert _lower_body_top(plan, recovery_day) <= rule_book()["competition.after"].number("recovery_max_pct")
    primed = plan_for(season(athletes=[athlete(priming=True)], competitions=[a]))
    assert _lower_body_top(primed, recovery_day) >= 80  # without the C, Thursday is the priming day
