"""Plyometric sessions a coach would write (issue 12, rule 3; rules plyo.session, plyo.bounding,
plyo.progression).

Contacts are worked out by hand from rule Y10: a run of bounding covers ceil(d / 2.5) + 1
contacts for a trained senior, skips for height ceil(d / 1.2) + 1, single-leg hops
ceil(d / 1.5) + 1; jumps in sets count sets x contacts a set. Weighted contacts count low 1.0,
moderate 1.3 and high 1.6 (bounding past 15 m is high).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import athlete, competition, nationals, plan_for, plyo_on, season
from hypothesis import HealthCheck, given, settings
from season_strategies import random_seasons as engine_seasons

from planner.document.demo import demo_season
from planner.document.model import Competition, Level, Priority, Season
from planner.document.sessions import PlyoIntensity, Session, SessionKind
from planner.engine.checks import _contact_rise
from planner.engine.generator import generate
from planner.engine.plan import PhaseKind, Plan, Week
from planner.engine.plyometrics import Drill, PlyoProgram
from planner.engine.prescription import Context
from planner.engine.proximity import day_limits
from planner.engine.rules import rule_book
from planner.engine.timeline import DayPhase, build_timeline

PLYO = SessionKind.PLYOMETRICS
GPP = PhaseKind.GENERAL_PREPARATION
SPP = PhaseKind.SPECIFIC_PREPARATION


def _drills(session: Session | None) -> dict[str, tuple[int, float | None, int, int]]:
    """Each drill of a session: sets (runs), distance, reps a set, contacts."""
    assert session is not None
    return {i.exercise_id: (i.sets, i.distance_m, i.reps, i.contacts) for i in session.items}


def _demo_plan(athlete_id: str) -> Plan:
    return generate(demo_season(), athlete_id)


def _plyo_sessions(plan: Plan) -> list[Session]:
    return [s for d in plan.days for s in d.sessions if s.kind is PLYO]


# ---------------------------------------------------------------------------------------------
# The demo's Łucja (400 mH, advanced): March and October


def test_lucja_16_march_is_five_drills_of_two_sets_or_more() -> None:
    # Was seven drills, among them hurdle hops 1 x 7, standing triple jump 1 x 3 and single-leg
    # hops 1 x 10 m. Pre-competition week 2: single-leg hops came in last week in place of the
    # standing long jump (the session held five drills), depth jumps enter this week at 2 x 3.
    session = plyo_on(_demo_plan("ath-1"), date(2027, 3, 16))
    assert _drills(session) == {
        "bounding": (3, 25.0, 1, 3 * (10 + 1)),  # 33, high past 15 m
        "hurdle_hops": (3, None, 6, 18),
        "standing_triple_jump": (3, None, 3, 9),  # one triple jump a set
        "single_leg_hops": (2, 10.0, 1, 2 * (7 + 1)),  # 16
        "depth_jumps": (2, None, 3, 6),
    }
    assert session is not None
    assert sum(i.contacts for i in session.items) == 82
    weighted = sum(i.contacts * {"low": 1.0, "moderate": 1.3, "high": 1.6}[i.intensity or "low"] for i in session.items)
    assert weighted == pytest.approx((33 + 16 + 6) * 1.6 + (18 + 9) * 1.3)  # 123.1
    assert "new drill: depth jumps 2 x 3" in session.reason
    assert "plyo.session" in session.rule_ids
    triple = next(i for i in session.items if i.exercise_id == "standing_triple_jump")
    assert triple.note == "1 jump a set, 3 contacts each"


def test_lucja_october_deload_cuts_jumps_not_sets() -> None:
    # Was pogo jumps 1 x 11 and standing long jump 1 x 1. Week 3 held bounding 4 x 10 m (20),
    # pogo jumps 2 x 12 (24) and standing long jumps 2 x 3 (6): 50 contacts. The deload keeps
    # about 65 %: bounding 3 runs (round(4 x 0.65)), pogo jumps 2 sets of 8 (15.6 over 2 sets,
    # in steps of 2), standing long jumps 2 x 2 (3.9 over 2 sets): 15 + 16 + 4 = 35, -30 %.
    plan = _demo_plan("ath-1")
    full = plyo_on(plan, date(2026, 10, 20))
    deload = plyo_on(plan, date(2026, 10, 27))
    assert _drills(full) == {
        "bounding": (4, 10.0, 1, 20),
        "pogo_jumps": (2, None, 12, 24),
        "standing_long_jump": (2, None, 3, 6),
    }
    assert _drills(deload) == {
        "bounding": (3, 10.0, 1, 15),
        "pogo_jumps": (2, None, 8, 16),
        "standing_long_jump": (2, None, 2, 4),
    }
    assert deload is not None
    assert "deload" in deload.tags
    assert "deload week: contacts -30 %" in deload.reason


def test_lucja_october_start_and_first_changes() -> None:
    # Week 1: the article's 3 x 10 m and two drills low in Chu's order at 2 sets. Then one change
    # a week: a run of bounding, bigger sets of pogo jumps.
    plan = _demo_plan("ath-1")
    first = plyo_on(plan, date(2026, 10, 6))
    assert _drills(first) == {
        "bounding": (3, 10.0, 1, 15),
        "pogo_jumps": (2, None, 10, 20),
        "standing_long_jump": (2, None, 3, 6),
    }
    second = plyo_on(plan, date(2026, 10, 13))
    third = plyo_on(plan, date(2026, 10, 20))
    assert second is not None and third is not None
    assert "+1 run of alternate-leg bounding: 4 x 10 m" in second.reason
    assert "+2 a set of pogo jumps: 2 x 12" in third.reason


# ---------------------------------------------------------------------------------------------
# A junior, a beginner, an intermediate senior


def test_a_junior_beginner_starts_low_and_never_bounds_or_depth_jumps() -> None:
    plan = plan_for(season(athletes=[athlete(level=Level.BEGINNER, junior=True)], competitions=[nationals()]))
    # Skips for height 2 x 10 m: 2 x (ceil(10 / 1.2) + 1) = 20 contacts, all low but the standing
    # long jumps.
    assert _drills(plyo_on(plan, date(2026, 10, 6))) == {
        "skips_for_height": (2, 10.0, 1, 20),
        "pogo_jumps": (2, None, 10, 20),
        "standing_long_jump": (2, None, 3, 6),
    }
    # The junior's deloads come every third week: week 3 cuts pogo jumps 2 x 12 to 2 x 8 and
    # standing long jumps 2 x 3 to 2 x 2; the skips are at their fewest runs and start distance.
    deload = plyo_on(plan, date(2026, 10, 20))
    assert _drills(deload) == {
        "skips_for_height": (2, 10.0, 1, 20),
        "pogo_jumps": (2, None, 8, 16),
        "standing_long_jump": (2, None, 2, 4),
    }
    used = {i.exercise_id for s in _plyo_sessions(plan) for i in s.items}
    assert not used & {"bounding", "depth_jumps", "single_leg_hops", "standing_triple_jump"}
    # Specific preparation brings hurdle hops at 2 x 6; the session is full with four drills, so
    # the pogo jumps (the lowest) make room.
    spp = plyo_on(plan, date(2026, 12, 29))
    assert spp is not None
    assert _drills(spp)["hurdle_hops"] == (2, None, 6, 12)
    assert "new drill: hurdle hops 2 x 6 in place of pogo jumps" in spp.reason


def test_a_senior_beginner_grows_skips_by_5_m_to_20_m() -> None:
    plan = plan_for(season(athletes=[athlete(level=Level.BEGINNER)], competitions=[nationals()]))
    distances = [
        i.distance_m or 0.0 for s in _plyo_sessions(plan) if s.date < date(2026, 12, 28) and "deload" not in s.tags
        for i in s.items if i.exercise_id == "skips_for_height"
    ]
    assert sorted(set(distances)) == [10.0, 15.0, 20.0]
    assert distances == sorted(distances)  # never shorter outside a deload
    # 2 x 20 m of skips: 2 x (ceil(20 / 1.2) + 1) = 36 contacts.
    week_9 = plyo_on(plan, date(2026, 12, 1))
    assert _drills(week_9)["skips_for_height"] == (2, 20.0, 1, 36)


@pytest.mark.parametrize("level", [Level.INTERMEDIATE, Level.ADVANCED])
def test_bounding_reaches_20_m_before_the_competition_phase_and_passes_15_m_only_after_the_gate(
    level: Level,
) -> None:
    plan = plan_for(season(athletes=[athlete(level=level)], competitions=[nationals()]))
    competition_start = next(p.start for p in plan.phases if p.kind is PhaseKind.COMPETITION)
    bounding = [(s.date, i) for s in _plyo_sessions(plan) for i in s.items if i.exercise_id == "bounding"]
    longest = max(i.distance_m or 0.0 for d, i in bounding if d < competition_start)
    assert longest >= 20.0
    # The gate opens after four whole weeks of the build (Monday 2 November).
    gate = date(2026, 11, 2)
    assert all((i.distance_m or 0.0) <= 15.0 for d, i in bounding if d < gate)
    assert all(i.intensity is PlyoIntensity.HIGH for _, i in bounding if (i.distance_m or 0.0) > 15.0)
    if level is Level.INTERMEDIATE:
        # Below advanced, at most 60 bounding contacts a session (plyo.caps).
        assert max(i.contacts for _, i in bounding) <= 60


def test_an_intermediate_passes_15_m_with_fewer_runs() -> None:
    # 3 x 15 m (3 x 7 = 21 moderate contacts, 27.3 weighted) becomes 2 x 20 m (2 x 9 = 18 high,
    # 28.8 weighted): 3 x 20 m (27 high, 43.2) would rise far more than 15 % in a week.
    plan = plan_for(season(athletes=[athlete(level=Level.INTERMEDIATE)], competitions=[nationals()]))
    before = plyo_on(plan, date(2026, 12, 1))
    after = plyo_on(plan, date(2026, 12, 8))
    assert _drills(before)["bounding"] == (3, 15.0, 1, 21)
    assert _drills(after)["bounding"] == (2, 20.0, 1, 18)
    assert after is not None and "+5 m on alternate-leg bounding, fewer runs: 2 x 20 m" in after.reason


def test_a_ten_week_build_with_two_meets_still_bounds_20_m() -> None:
    # Monday 4 January to an A on Friday 19 March, C meets on Monday 15 and Friday 19 February:
    # ten weeks from the first session to the A, of which two are deloads, one is lost to the
    # meets and two to the taper. Bounding takes its 5 m steps before the phase's new drills: 15 m
    # in week 2 (moderate, before the gate), 20 m in the first full week after the gate. It
    # stayed at 15 m when hurdle hops and the standing triple jump took those weeks.
    comps = [
        competition(1, date(2027, 3, 19), Priority.A, days=2),
        competition(2, date(2027, 2, 15), Priority.C),
        competition(3, date(2027, 2, 19), Priority.C),
    ]
    document = season(athletes=[athlete(level=Level.INTERMEDIATE)], competitions=comps, first_day=date(2027, 1, 4),
                      last_day=date(2027, 3, 28))
    plan = plan_for(document)
    assert _drills(plyo_on(plan, date(2027, 1, 12)))["bounding"] == (2, 15.0, 1, 2 * (6 + 1))
    # Specific preparation week 1 brings hurdle hops; week 2 takes bounding past 15 m: 2 x 20 m
    # is 2 x (ceil(20 / 2.5) + 1) = 18 high contacts, 28.8 weighted against 2 x 15 m's 18.2.
    # The week holds two sessions of 28.8 + 7.8 (standing long jump 2 x 3) + 15.6 (hurdle
    # hops 2 x 6) = 104.4, +4 % over the best of the last four weeks (100).
    week_1 = plyo_on(plan, date(2027, 2, 6))
    week_2 = plyo_on(plan, date(2027, 2, 9))
    assert _drills(week_1)["bounding"] == (2, 15.0, 1, 14)
    assert _drills(week_2) == {
        "bounding": (2, 20.0, 1, 18),
        "standing_long_jump": (2, None, 3, 6),
        "hurdle_hops": (2, None, 6, 12),
    }
    assert week_2 is not None and "+5 m on alternate-leg bounding: 2 x 20 m" in week_2.reason
    assert next(w for w in plan.weeks if w.start == date(2027, 2, 8)).weighted_contacts == pytest.approx(104.4)
    assert not [w for w in plan.warnings if w.rule_id.startswith("plyo.")]


def _program_after(sessions: list[int]) -> PlyoProgram:
    """An intermediate's program in specific preparation week 3 (the gate is open): bounding
    2 x 15 m (14 moderate, 18.2 weighted), standing long jump 2 x 3 (7.8) and hurdle hops 2 x 6
    (15.6), 41.6 a session, after three full weeks of ``sessions`` sessions each."""
    program = PlyoProgram(Context(athlete(level=Level.INTERMEDIATE), rule_book()))
    program.cycle = 1
    program.drills = (Drill("bounding", 2, 15.0), Drill("standing_long_jump", 2, None, 3),
                      Drill("hurdle_hops", 2, None, 6))
    program.history = [41.6 * n for n in sessions]
    program.history_sessions = list(sessions)
    program.history_full = [True] * len(sessions)
    program.week(DayPhase(SPP, "Specific preparation", 1, 2, 5, 6, True, False, False, None), 2)
    return program


def test_bounding_steps_to_20_m_on_the_sessions_the_rhythm_now_leaves() -> None:
    # The last three weeks held one session each (41.6): 2 x 20 m (18 high contacts, 28.8) makes
    # a session of 52.2, a week of one session stays under the 60 that are free of the 15 % rule.
    program = _program_after([2, 1, 1])
    assert program.drills[0] == Drill("bounding", 2, 20.0)
    assert program.last_change == "+5 m on alternate-leg bounding: 2 x 20 m"
    # Three weeks of two sessions (83.2): two of 52.2 (104.4) would rise 25 %, more than the
    # 15 % (95.7); the standing triple jump takes the long jump's place at the same weight.
    program = _program_after([2, 2, 2])
    assert program.drills[0] == Drill("bounding", 2, 15.0)
    assert program.last_change == "new drill: standing triple jump 2 x 3 in place of standing long jump"


def test_the_return_from_one_session_a_week_in_season_climbs_back_15_percent_a_week() -> None:
    # Three in-season weeks of one session of the program (41.6 each, see _program_after), then
    # a preparation week of two: the full program (83.2) would rise 100 %. The week keeps to 60
    # (free of the rule, above 41.6 x 1.15): about 72 % of the contacts, bounding back to 2 x 10 m
    # (10 moderate, 13), standing long jumps 2 x 2 (5.2), hurdle hops 2 x 4 (10.4): 28.6 a session,
    # 57.2 a week, 22 contacts against 32 (-31 %).
    program = PlyoProgram(Context(athlete(level=Level.INTERMEDIATE), rule_book()))
    program.cycle = 1
    program.drills = full = (Drill("bounding", 2, 15.0), Drill("standing_long_jump", 2, None, 3),
                             Drill("hurdle_hops", 2, None, 6))
    program.season_weeks = [(41.6, True, False)] * 3
    spp = DayPhase(SPP, "Specific preparation", 1, 0, 5, 8, False, False, False, None)
    week = program.week(spp, 2)
    assert week == (Drill("bounding", 2, 10.0), Drill("standing_long_jump", 2, None, 2),
                    Drill("hurdle_hops", 2, None, 4))
    assert program.drills == full  # the program waits for the weeks to catch up
    assert program.last_change == (
        "back from the in-season weeks: contacts -31 %, at most 15 % over the best of the last 4 weeks"
    )
    # The week held its two sessions (57.2): the next may hold 57.2 x 1.15 = 65.8, hurdle hops
    # 2 x 5 (13) this time, 31.2 a session, 62.4 a week.
    program.record(28.6)
    program.record(28.6)
    week = program.week(spp, 2)
    assert week == (Drill("bounding", 2, 10.0), Drill("standing_long_jump", 2, None, 2),
                    Drill("hurdle_hops", 2, None, 5))


# ---------------------------------------------------------------------------------------------
# The 15 % rise over the best of the last four weeks that were not deloads


def _week(start: date, weighted: float, *, deload: bool = False, phase: PhaseKind = SPP) -> Week:
    return Week(start, 1, phase, deload, 0.0, 0.0, int(weighted), weighted, 0.0, {})


def _rise_warnings(
    weeks: list[Week], *, meets: tuple[Competition, ...] = (), taper_week: date | None = None
) -> list[str]:
    """The rise warnings of a plan with these weeks, meets and a week of A-taper days."""
    document = season(competitions=meets)
    dates = [weeks[0].start + timedelta(days=k) for k in range(7 * len(weeks))]
    dates = [d for d in dates if document.first_day <= d <= document.last_day]
    peak = nationals(9)
    phases = [
        DayPhase(SPP, "Specific preparation", 1, 0, 10, 0, True, False, False,
                 peak if taper_week is not None and document.week_of(d) == taper_week else None)
        for d in dates
    ]
    return [w.message for w in _contact_rise(athlete(), weeks, document, dates, phases, rule_book())]


def test_the_return_to_full_volume_after_a_week_cut_for_a_meet_is_not_a_ramp() -> None:
    monday = date(2027, 1, 4)
    weeks = [_week(monday + timedelta(weeks=k), w) for k, w in enumerate((100.0, 110.0, 55.0, 120.0))]
    # 120 over the cut week's 55 would be +118 %; over the best of the last four (110) it is +9 %.
    # The week lost its sessions to a meet the Monday after (D-3..D-1 fall in it) ...
    meet = competition(1, monday + timedelta(weeks=3), Priority.C)
    assert _rise_warnings(weeks, meets=(meet,)) == []
    # ... or to taper days.
    assert _rise_warnings(weeks, taper_week=monday + timedelta(weeks=2)) == []


def test_a_new_high_above_15_percent_is_warned() -> None:
    monday = date(2027, 1, 4)
    # A deload does not count: 130 is judged against 110 (+18 %).
    weeks = [_week(monday, 100.0), _week(monday + timedelta(weeks=1), 110.0),
             _week(monday + timedelta(weeks=2), 70.0, deload=True), _week(monday + timedelta(weeks=3), 130.0)]
    assert _rise_warnings(weeks) == [
        "Weekly weighted contacts rise 18 % (110 to 130, the highest of the last 4 weeks that were not "
        "deloads); the limit is 15 %"
    ]


def test_the_baseline_is_the_last_four_weeks_only_whatever_their_phase() -> None:
    monday = date(2027, 1, 4)
    values = (200.0, 100.0, 100.0, 100.0, 100.0, 120.0)
    weeks = [_week(monday + timedelta(weeks=k), w) for k, w in enumerate(values)]
    # The 200 is five weeks back: 120 over 100 is +20 %.
    assert len(_rise_warnings(weeks)) == 1
    # A competition week does not start the count again: 100, 100, 100 and the competition
    # week's 50 leave 100 as the baseline, and 120 is +20 % over it ...
    comp = [*weeks[:4], _week(monday + timedelta(weeks=4), 50.0, phase=PhaseKind.COMPETITION),
            _week(monday + timedelta(weeks=5), 120.0)]
    assert _rise_warnings(comp) == [
        "Weekly weighted contacts rise 20 % (100 to 120, the highest of the last 4 weeks that were not "
        "deloads); the limit is 15 %"
    ]
    # ... and the week outside the preparation phases is not judged itself: 50 to 150 is no warning.
    back = [*weeks[:4], _week(monday + timedelta(weeks=4), 150.0, phase=PhaseKind.COMPETITION)]
    assert _rise_warnings(back) == []


def test_a_return_from_one_session_a_week_in_season_to_two_is_a_rise() -> None:
    # Three in-season weeks of one session (60 each), then a full preparation week of two
    # (125): +108 % over the best of the four weeks before, warned (issue 12, rule 3).
    monday = date(2027, 1, 4)
    weeks = [_week(monday + timedelta(weeks=k), 60.0, phase=PhaseKind.COMPETITION) for k in range(3)]
    weeks.append(_week(monday + timedelta(weeks=3), 125.0))
    assert _rise_warnings(weeks) == [
        "Weekly weighted contacts rise 108 % (60 to 125, the highest of the last 4 weeks that were not "
        "deloads); the limit is 15 %"
    ]


def test_a_week_cut_short_by_the_season_start_is_no_baseline_on_its_own() -> None:
    # The test season starts on Monday 5 October: the week before holds one session of the
    # start (50), the next week two (110). Not a ramp; a full week of 100 then is a baseline.
    before_start = date(2026, 9, 28)
    weeks = [_week(before_start, 50.0), _week(before_start + timedelta(weeks=1), 110.0)]
    assert _rise_warnings(weeks) == []
    weeks = [_week(before_start, 50.0), _week(before_start + timedelta(weeks=1), 100.0),
             _week(before_start + timedelta(weeks=2), 130.0)]
    assert len(_rise_warnings(weeks)) == 1  # +30 % over 100


def test_a_b_meet_in_specific_preparation_does_not_hold_the_next_weeks_back() -> None:
    # A Saturday B in specific preparation cuts its week; the weeks after it grow again and the
    # plan never warns of a rise.
    meet = competition(1, date(2027, 2, 6), Priority.B, indoor=True)
    plan = plan_for(season(athletes=[athlete(level=Level.ADVANCED)], competitions=[meet, nationals(2)]))
    assert not [w for w in plan.warnings if w.rule_id == "plyo.progression"]
    after = [w for w in plan.weeks if date(2027, 2, 8) <= w.start < date(2027, 3, 8) and not w.deload]
    before = max(w.weighted_contacts for w in plan.weeks if date(2027, 1, 4) <= w.start < date(2027, 2, 1)
                 and not w.deload)
    assert max(w.weighted_contacts for w in after) > before


# ---------------------------------------------------------------------------------------------
# Every session, every season


def _exempt_days(document: Season, athlete_id: str = "ath-1") -> set[date]:
    """Days of a taper or mini-taper (volume cut) and the three days before a competition."""
    athlete = document.athlete(athlete_id)
    rules = rule_book()
    timeline = build_timeline(document, athlete, rules)
    competitions = document.competitions_for(athlete_id)
    limits = day_limits(document.first_day, document.last_day, competitions, timeline, rules, priming=athlete.priming)
    days = {document.first_day + timedelta(days=i) for i, lim in enumerate(limits) if lim.volume < 1}
    return days | {c.start - timedelta(days=k) for c in competitions for k in (1, 2, 3)}


def _session_shape_problems(document: Season, plan: Plan) -> list[str]:
    exempt = _exempt_days(document)
    found = []
    for session in _plyo_sessions(plan):
        drills = len(session.items)
        if drills > 5:
            found.append(f"{session.date}: {drills} drills")
        if session.date in exempt:
            continue
        if drills < 3:
            found.append(f"{session.date}: {drills} drills")
        single = [i.name for i in session.items if i.sets < 2]
        if single:
            found.append(f"{session.date}: one set of {single}")
        contacts = sum(i.contacts for i in session.items)
        if contacts < 20:
            found.append(f"{session.date}: {contacts} contacts")
    return found


@pytest.mark.parametrize("athlete_id", ["ath-1", "ath-2", "ath-3", "ath-4", "ath-5"])
def test_every_demo_session_has_3_to_5_drills_of_2_sets_and_20_contacts(athlete_id: str) -> None:
    document = demo_season()
    plan = generate(document, athlete_id)
    assert _plyo_sessions(plan)
    exempt = _exempt_days(document, athlete_id)
    for session in _plyo_sessions(plan):
        assert len(session.items) <= 5, session.date
        if session.date in exempt:
            continue
        assert len(session.items) >= 3, session.date
        assert all(i.sets >= 2 for i in session.items), (session.date, session.items)
        assert sum(i.contacts for i in session.items) >= 20, session.date
    assert not [w for w in plan.warnings if w.rule_id == "plyo.progression"]


def test_weekly_saturday_meets_keep_the_session_shape() -> None:
    # A B meet every Saturday from May to August: the in-season session after each (Monday to
    # Wednesday, D+2 at most moderate) still has three drills of two sets.
    first = date(2027, 5, 1)
    meets = [competition(k + 1, first + timedelta(weeks=k), Priority.B) for k in range(12)]
    document = season(athletes=[athlete(level=Level.ADVANCED)], competitions=[*meets, nationals(13)])
    assert _session_shape_problems(document, plan_for(document)) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(engine_seasons())
def test_random_seasons_keep_the_session_shape(document: Season) -> None:
    plan = generate(document, "ath-1")
    assert _session_shape_problems(document, plan) == []


def test_a_juniors_plyometric_sessions_stop_growing_at_120_contacts() -> None:
    # Jonáš, the demo's 16-year-old beginner, reached 146-150 contacts a session before the
    # junior cap (rule plyo.junior, A6: youth programmes reach 100-120 by weeks 8-10).
    demo = demo_season()
    junior = next(a for a in demo.athletes if a.junior)
    cap = rule_book()["plyo.junior"].whole("max_contacts")
    sizes = [
        sum(i.contacts for i in s.items)
        for day in generate(demo, junior.id).days
        for s in day.sessions
        if s.kind is SessionKind.PLYOMETRICS
    ]
    assert sizes and max(sizes) <= cap
    assert max(sizes) >= cap - 20  # the program still grows toward the cap
