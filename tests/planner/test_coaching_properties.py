"""Issue 12's rules over random seasons, and the oracle's checks on plans built by hand.

The property tests run every check of ``engine_oracle`` (one per rule of the issue's "What must
hold") over the random seasons and over the season shapes the coaching review found hard. The
unit tests build small plans day by day, so each check is seen to fail on a known breach and
to pass on the same plan without it (or with the warning that stands in for it), whatever the
engine does.

Synthetic plans run Monday 2027-03-01 onwards; a week is Monday to Sunday. Volume-load is
sets x reps x load; weighted contacts count low 1.0, moderate 1.3, high 1.6.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta

import pytest
from builders import athlete, competition, season
from engine_oracle import (
    COACHING_RULES,
    coaching_breaches,
    rule_01_maintenance,
    rule_02_hurdlers,
    rule_03_plyometric_sessions,
    rule_04_day_after,
    rule_05_hamstrings,
    rule_06_beginners,
    rule_07_deloads,
    rule_08_no_cliffs,
    rule_09_race_weeks,
    rule_10_season_end,
    rule_11_short_seasons,
    rule_12_taper_volume,
    rule_13_test_days,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import Phase as Stage
from hypothesis import strategies as st
from season_strategies import (
    beginner_and_junior_seasons,
    first_day_meet_seasons,
    hurdler_seasons,
    random_seasons,
    short_seasons,
    twin_a_seasons,
    weekly_meet_seasons,
)

from planner.document.demo import demo_season
from planner.document.model import Athlete, Competition, Event, Level, Priority, Season
from planner.document.sessions import Category, Item, PlyoIntensity, Session, SessionKind
from planner.engine.generator import generate
from planner.engine.plan import Day, DayMetrics, Phase, PhaseKind, Plan, PlanWarning, Week

GPP, SPP, PRE = PhaseKind.GENERAL_PREPARATION, PhaseKind.SPECIFIC_PREPARATION, PhaseKind.PRE_COMPETITION
COMP, TAPER, TRANSITION = PhaseKind.COMPETITION, PhaseKind.TAPER, PhaseKind.TRANSITION
MONDAY = date(2027, 3, 1)
WEIGHTS = {PlyoIntensity.LOW: 1.0, PlyoIntensity.MODERATE: 1.3, PlyoIntensity.HIGH: 1.6}


def day(n: int) -> date:
    """Day n of a synthetic plan (0 = Monday 2027-03-01)."""
    return MONDAY + timedelta(days=n)


# ---------------------------------------------------------------------------------------------
# Hand-built plans


def lift(
    exercise_id: str,
    sets: int,
    reps: int,
    pct: float | None = None,
    *,
    category: Category = Category.STRENGTH,
    lower: bool = True,
    load_kg: float | None = None,
    note: str = "",
) -> Item:
    return Item(
        exercise_id=exercise_id, name=exercise_id.replace("_", " ").capitalize(), category=category,
        lower_body=lower, sets=sets, reps=reps, percent_max=pct, load_kg=load_kg, load=load_kg, note=note,
    )


def drill(
    exercise_id: str, sets: int, reps: int, *, intensity: PlyoIntensity = PlyoIntensity.LOW,
    distance: float | None = None, contacts: int | None = None,
) -> Item:
    return Item(
        exercise_id=exercise_id, name=exercise_id.replace("_", " ").capitalize(), category=Category.PLYOMETRIC,
        lower_body=True, sets=sets, reps=reps, distance_m=distance,
        contacts=sets * reps if contacts is None else contacts, intensity=intensity,
    )


def weights(on: date, *items: Item, tags: tuple[str, ...] = (), heavy: bool = False) -> Session:
    return Session(f"w-{on}", on, SessionKind.WEIGHTS, "Weights", tuple(items), heavy=heavy, tags=tags)


def plyo(on: date, *items: Item) -> Session:
    return Session(f"p-{on}", on, SessionKind.PLYOMETRICS, "Plyometrics", tuple(items))


def good_plyo(on: date) -> Session:
    """Three drills of two sets, 24 low contacts: a session rule 3 accepts."""
    return plyo(on, drill("pogo_jumps", 2, 4), drill("ankle_hops", 2, 4), drill("skips_for_height", 2, 4))


SQUAT_85 = lift("back_squat", 3, 3, 85.0)
UPPER = lift("dumbbell_shoulder_press", 3, 10, category=Category.ACCESSORY, lower=False)


def synthetic_plan(
    document: Season,
    sessions: Iterable[Session] = (),
    *,
    phase: Callable[[date], PhaseKind] = lambda _: COMP,
    deload_weeks: Iterable[int] = (),
    taper_for: dict[date, str] | None = None,
    warnings: Iterable[PlanWarning] = (),
) -> Plan:
    """A plan of ``document``'s first athlete with these sessions, phases by day, deload weeks
    (numbered from 0 at the season's first week) and A-taper days."""
    who = document.athletes[0]
    by_day: dict[date, list[Session]] = {}
    for s in sessions:
        by_day.setdefault(s.date, []).append(s)
    deloads = {document.first_week_start + timedelta(weeks=n) for n in deload_weeks}
    tapers = taper_for or {}
    comps = document.competitions_for(who.id)
    days: list[Day] = []
    current = document.first_day
    while current <= document.last_day:
        today = tuple(by_day.get(current, ()))
        volume = sum(i.sets * i.reps * (i.load_kg or 0) for s in today for i in s.items if i.intensity is None)
        contacts = sum(i.contacts for s in today for i in s.items if i.intensity is not None)
        weighted = sum(i.contacts * WEIGHTS[i.intensity] for s in today for i in s.items if i.intensity is not None)
        days.append(
            Day(
                current,
                phase(current),
                today,
                DayMetrics(volume_load_kg=volume, contacts=contacts, weighted_contacts=weighted),
                competitions=tuple(c.id for c in comps if c.start <= current <= c.end),
                deload=document.week_of(current) in deloads,
                taper_for=tapers.get(current),
            )
        )
        current += timedelta(days=1)
    phases: list[Phase] = []
    for d in days:
        if phases and phases[-1].kind is d.phase:
            phases[-1] = Phase(d.phase, phases[-1].name, phases[-1].start, d.date)
        else:
            phases.append(Phase(d.phase, d.phase.value, d.date, d.date))
    weeks: list[Week] = []
    for d in days:
        start = document.week_of(d.date)
        if not weeks or weeks[-1].start != start:
            weeks.append(Week(start, document.week_number(start), d.phase, False, 0.0, 0.0, 0, 0.0, 0.0, {}))
        w = weeks[-1]
        weeks[-1] = w._replace(
            deload=w.deload or d.deload,
            volume_load_kg=w.volume_load_kg + d.metrics.volume_load_kg,
            contacts=w.contacts + d.metrics.contacts,
            weighted_contacts=w.weighted_contacts + d.metrics.weighted_contacts,
        )
    for n, w in enumerate(weeks):
        kinds = Counter(d.phase for d in days if document.week_of(d.date) == w.start)
        weeks[n] = w._replace(phase=kinds.most_common(1)[0][0])
    return Plan(who, tuple(phases), comps, tuple(days), tuple(weeks), tuple(warnings))


def doc(
    weeks: int = 4, *, comps: Iterable[Competition] = (), who: Athlete | None = None
) -> Season:
    return season(
        athletes=[who or athlete()], competitions=comps, first_day=MONDAY,
        last_day=MONDAY + timedelta(weeks=weeks, days=-1),
    )


def saturday_c(number: int, week: int, priority: Priority = Priority.C) -> Competition:
    return competition(number, day(7 * week + 5), priority)


# ---------------------------------------------------------------------------------------------
# Rule 1: in-season maintenance


def _weekly_squats(weeks: int, skip: Iterable[int] = (), item: Item = SQUAT_85) -> list[Session]:
    return [weights(day(7 * w + 1), item) for w in range(weeks) if w not in skip]


def test_rule_1_a_strength_set_every_week_holds_and_a_fortnight_without_one_breaks() -> None:
    document = doc(8, comps=[saturday_c(1, 7)])  # last competition Saturday 2027-04-17
    assert rule_01_maintenance(document, synthetic_plan(document, _weekly_squats(8))) == []
    # No squat on Tuesday 2027-03-16: from Tuesday 9 March the 11th day is Saturday 20 March.
    broken = synthetic_plan(document, _weekly_squats(8, skip=[2]))
    assert rule_01_maintenance(document, broken) == [
        "2027-03-20: no strength set at 80 % or more since 2027-03-09 (11 days) and no detraining warning"
    ]
    warned = synthetic_plan(
        document, _weekly_squats(8, skip=[2]), warnings=[PlanWarning("detraining", day(19), "No slot 9-23 March")]
    )
    assert rule_01_maintenance(document, warned) == []


def test_rule_1_reads_the_threshold_by_level_and_counts_only_strength_lifts() -> None:
    squat_77 = lift("back_squat", 3, 3, 77.5)
    senior = doc(8, comps=[saturday_c(1, 7)])
    junior = doc(8, comps=[saturday_c(1, 7)], who=athlete(junior=True))
    # No set counts: one gap from the window's start (the day before 1 March), 11 days on 11 March.
    none = ["2027-03-11: no strength set at 80 % or more since 2027-02-28 (11 days) and no detraining warning"]
    assert rule_01_maintenance(senior, synthetic_plan(senior, _weekly_squats(8, item=squat_77))) == none
    assert rule_01_maintenance(junior, synthetic_plan(junior, _weekly_squats(8, item=squat_77))) == []
    cleans = _weekly_squats(8, item=lift("power_clean", 3, 2, 85.0, category=Category.POWER))
    assert rule_01_maintenance(senior, synthetic_plan(senior, cleans)) == none


def test_rule_1_maintenance_sets_are_short_except_for_beginners() -> None:
    senior = doc(8, comps=[saturday_c(1, 7)])
    long_sets = _weekly_squats(8, item=lift("back_squat", 4, 5, 80.0))
    found = rule_01_maintenance(senior, synthetic_plan(senior, long_sets))
    assert len(found) == 8
    assert found[0] == (
        "2027-03-02: Back squat 4 x 5 at 80 % in the competition phase (maintenance is at most 3 x 3)"
    )
    # Before the competition phase a heavier session is no maintenance session.
    assert rule_01_maintenance(senior, synthetic_plan(senior, long_sets, phase=lambda _: PRE)) == []
    beginner = doc(8, comps=[saturday_c(1, 7)], who=athlete(level=Level.BEGINNER))
    assert rule_01_maintenance(beginner, synthetic_plan(beginner, long_sets)) == []


def test_rule_1_window_is_pre_competition_to_the_last_competition_outside_a_tapers() -> None:
    document = doc(8, comps=[saturday_c(1, 3, Priority.A)])  # A on Saturday 2027-03-27
    # General preparation for two weeks, then competition; squats stop after Tuesday 16 March;
    # the A taper covers 17-26 March, the competition ends on the 27th: nothing to check.
    plan = synthetic_plan(
        document, _weekly_squats(3),
        phase=lambda d: GPP if d < day(14) else COMP,
        taper_for={day(n): "comp-1" for n in range(16, 26)},
    )
    assert rule_01_maintenance(document, plan) == []
    no_taper = synthetic_plan(document, _weekly_squats(3), phase=lambda d: GPP if d < day(14) else COMP)
    # Without taper days the seven days before the A (20-26 March) still allow no heavy sets:
    # the count starts again on the A's day, Saturday 27 March, its last day.
    assert rule_01_maintenance(document, no_taper) == []
    c_instead = doc(8, comps=[saturday_c(1, 3)])
    assert rule_01_maintenance(c_instead, synthetic_plan(c_instead, _weekly_squats(3),
                                                         phase=lambda d: GPP if d < day(14) else COMP)) == [
        "2027-03-27: no strength set at 80 % or more since 2027-03-16 (11 days) and no detraining warning"
    ]


# ---------------------------------------------------------------------------------------------
# Rule 2: hurdlers


def test_rule_2_hurdler_needs_a_single_leg_lift_and_hip_flexor_work_every_two_weeks() -> None:
    hurdler = doc(2, who=athlete(event=Event.HURDLES_400))
    bare = synthetic_plan(hurdler, _weekly_squats(2))
    assert rule_02_hurdlers(hurdler, bare) == [
        "2027-03-01: no unilateral leg lift in the two weeks from here (hurdler)",
        "2027-03-01: no hip-flexor work in the two weeks from here (hurdler)",
    ]
    extras = [
        weights(day(1), SQUAT_85, lift("split_squat", 3, 6)),
        weights(day(8), SQUAT_85, lift("hip_flexor_march", 2, 10, category=Category.ACCESSORY)),
    ]
    assert rule_02_hurdlers(hurdler, synthetic_plan(hurdler, extras)) == []
    flat = doc(2)
    assert rule_02_hurdlers(flat, synthetic_plan(flat, _weekly_squats(2))) == []
    # Weekly B meets from pre-competition on: each week holds a mini-taper, still the pair counts.
    weekly_b = doc(2, comps=[saturday_c(1, 0, Priority.B), saturday_c(2, 1, Priority.B)],
                   who=athlete(event=Event.HURDLES_400))
    assert len(rule_02_hurdlers(weekly_b, synthetic_plan(weekly_b, _weekly_squats(2), phase=lambda _: PRE))) == 2
    # One lifting session in two weeks asks nothing; a single-leg calf raise is no leg lift.
    assert rule_02_hurdlers(hurdler, synthetic_plan(hurdler, _weekly_squats(1))) == []
    calves = [weights(day(1), SQUAT_85, lift("single_leg_calf_raise", 2, 12, category=Category.ACCESSORY),
                      lift("hip_flexor_march", 2, 10, category=Category.ACCESSORY)), weights(day(8), SQUAT_85)]
    assert rule_02_hurdlers(hurdler, synthetic_plan(hurdler, calves)) == [
        "2027-03-01: no unilateral leg lift in the two weeks from here (hurdler)"
    ]


# ---------------------------------------------------------------------------------------------
# Rule 3: plyometric sessions


def test_rule_3_a_session_has_3_to_5_drills_of_2_sets_and_20_contacts() -> None:
    document = doc(1)
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, [good_plyo(day(1))])) == []
    thin = plyo(day(1), drill("pogo_jumps", 1, 11), drill("standing_long_jump", 1, 1, intensity=PlyoIntensity.MODERATE))
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, [thin], phase=lambda _: GPP)) == [
        "2027-03-02: 2 drills in a plyometric session (at least 3)",
        "2027-03-02: Pogo jumps 1 x 11 (at least 2 sets)",
        "2027-03-02: Standing long jump 1 x 1 (at least 2 sets)",
        "2027-03-02: 12 contacts in a plyometric session (at least 20)",
    ]
    six = plyo(day(1), *(drill(f"drill_{n}", 2, 5) for n in range(6)))
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, [six])) == [
        "2027-03-02: 6 drills in one plyometric session"
    ]


def test_rule_3_the_three_days_before_a_competition_and_tapers_may_cut_a_session_short() -> None:
    thin = plyo(day(1), drill("pogo_jumps", 1, 10))
    before_c = doc(1, comps=[competition(1, day(4), Priority.C)])  # Friday: Tuesday is D-3
    assert rule_03_plyometric_sessions(before_c, synthetic_plan(before_c, [thin])) == []
    # A B's mini-taper (D-5..D-1 from pre-competition on) covers Tuesday before a Sunday B.
    before_b = doc(1, comps=[competition(1, day(6), Priority.B)])
    assert rule_03_plyometric_sessions(before_b, synthetic_plan(before_b, [thin], phase=lambda _: PRE)) == []
    assert len(rule_03_plyometric_sessions(before_b, synthetic_plan(before_b, [thin], phase=lambda _: SPP))) == 3


def test_rule_3_bounding_past_15_m_is_high_intensity_and_reaches_20_m_before_the_competition_phase() -> None:
    document = doc(13)
    def session(w: int, metres: float, level: PlyoIntensity) -> Session:
        return plyo(day(7 * w + 1), drill("bounding", 3, 1, distance=metres, contacts=15, intensity=level),
                    drill("pogo_jumps", 2, 5), drill("ankle_hops", 2, 5))
    def gpp_then_comp(d: date) -> PhaseKind:
        return GPP if d < day(84) else COMP
    short = [session(w, 15.0, PlyoIntensity.MODERATE) for w in range(12)]
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, short, phase=gpp_then_comp)) == [
        "2027-05-24: bounding reaches 15 m before the competition phase (at least 20 m)"
    ]
    grown = [*short[:-1], session(11, 20.0, PlyoIntensity.HIGH)]
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, grown, phase=gpp_then_comp)) == []
    moderate = [*short[:-1], session(11, 20.0, PlyoIntensity.MODERATE)]
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, moderate, phase=gpp_then_comp)) == [
        "2027-05-18: bounding 20 m not counted as high intensity"
    ]
    # Beginners, juniors and builds shorter than ten weeks are not asked for 20 m.
    junior = doc(13, who=athlete(junior=True))
    assert rule_03_plyometric_sessions(junior, synthetic_plan(junior, short, phase=gpp_then_comp)) == []
    assert rule_03_plyometric_sessions(document, synthetic_plan(document, short[3:], phase=gpp_then_comp)) == []


def _contact_weeks(*contacts: int) -> list[Session]:
    """One session a week of three low drills with 2 sets each and these contacts in all."""
    return [
        plyo(day(7 * w + 1), drill("pogo_jumps", 2, 5, contacts=n - 20), drill("ankle_hops", 2, 5),
             drill("skips_for_height", 2, 5))
        for w, n in enumerate(contacts)
    ]


def test_rule_3_weekly_contacts_rise_at_most_15_percent_over_the_best_of_four_weeks() -> None:
    document = doc(4)
    # 100, a deload at 50, then 120: 20 % over 100 (the deload is no baseline).
    rising = synthetic_plan(document, _contact_weeks(100, 50, 120, 120), phase=lambda _: GPP, deload_weeks=[1])
    assert rule_03_plyometric_sessions(document, rising) == [
        "2027-03-15: weighted contacts rise 20 % (100 to 120) over the highest of the last four weeks"
    ]
    assert rule_03_plyometric_sessions(document, synthetic_plan(
        document, _contact_weeks(100, 50, 115, 120), phase=lambda _: GPP, deload_weeks=[1])) == []
    warned = synthetic_plan(document, _contact_weeks(100, 50, 120, 120), phase=lambda _: GPP, deload_weeks=[1],
                            warnings=[PlanWarning("plyo.progression", day(14), "rise 20 %")])
    assert rule_03_plyometric_sessions(document, warned) == []
    # A week cut for a meet (70) is not the baseline: back to 100 after it is no ramp.
    cut = synthetic_plan(document, _contact_weeks(100, 70, 100, 100), phase=lambda _: GPP)
    assert rule_03_plyometric_sessions(document, cut) == []


# ---------------------------------------------------------------------------------------------
# Rule 4: the day after a competition


def test_rule_4_the_day_after_a_race_has_no_plyometrics_and_nothing_above_60_percent() -> None:
    document = doc(1, comps=[competition(1, day(5), Priority.C)])  # Saturday; D+1 is Sunday 7 March
    hard = [good_plyo(day(6)), weights(day(6), lift("power_clean", 3, 2, 70.0, category=Category.POWER))]
    assert rule_04_day_after(document, synthetic_plan(document, hard)) == [
        "2027-03-07: plyometrics the day after Meeting 1 (C)",
        "2027-03-07: Power clean at 70 % the day after Meeting 1 (C)",
    ]
    easy = [weights(day(6), UPPER, lift("back_squat", 2, 5, 60.0))]
    assert rule_04_day_after(document, synthetic_plan(document, easy)) == []
    # After a two-day meet the day after is the day after its last day.
    two_days = doc(2, comps=[competition(1, day(5), Priority.B, days=2)])
    assert rule_04_day_after(two_days, synthetic_plan(two_days, [good_plyo(day(6))])) == []
    assert len(rule_04_day_after(two_days, synthetic_plan(two_days, [good_plyo(day(7))]))) == 1


# ---------------------------------------------------------------------------------------------
# Rule 5: hamstrings, hips, trunk


def _gpp_week(*sessions: Session, who: Athlete | None = None) -> tuple[Season, Plan]:
    document = doc(1, who=who)
    return document, synthetic_plan(document, sessions, phase=lambda _: GPP)


def test_rule_5_a_general_preparation_week_has_a_hinge_single_leg_trunk_and_pull_in_different_sessions() -> None:
    squat_4x10 = lift("back_squat", 4, 10, 60.0)
    document, copies = _gpp_week(weights(day(1), squat_4x10), weights(day(3), squat_4x10), weights(day(5), squat_4x10))
    assert rule_05_hamstrings(document, copies) == [
        "2027-03-01: no hamstring or hip-hinge exercise in a general_preparation week",
        "2027-03-01: no single-leg work in a general-preparation week",
        "2027-03-01: no trunk work in a general-preparation week",
        "2027-03-01: no pull in a general-preparation week",
        "2027-03-01: two lifting sessions of the week are copies (['back_squat'])",
    ]
    document, varied = _gpp_week(
        weights(day(1), squat_4x10, lift("plank", 3, 1, category=Category.ACCESSORY, lower=False)),
        weights(day(3), lift("romanian_deadlift", 3, 8, 60.0), lift("split_squat", 3, 8),
                lift("dumbbell_row", 3, 10, category=Category.ACCESSORY, lower=False)),
        weights(day(5), lift("power_clean", 4, 3, 65.0, category=Category.POWER), lift("squat_jump", 3, 6, 20.0)),
    )
    assert rule_05_hamstrings(document, varied) == []
    # A junior is not asked for the hinge (the rest holds for everyone).
    junior, plan = _gpp_week(weights(day(1), squat_4x10), weights(day(3), squat_4x10), who=athlete(junior=True))
    assert "2027-03-01: no hamstring or hip-hinge exercise in a general_preparation week" not in rule_05_hamstrings(
        junior, plan)


def test_rule_5_nordic_curls_start_at_2_x_5_stay_in_season_and_stay_away_from_race_days() -> None:
    nordic = lift("nordic_hamstring_curl", 2, 5, category=Category.ACCESSORY)
    document = doc(2, comps=[saturday_c(1, 1)])  # a C on Saturday 13 March
    in_season = [weights(day(1), SQUAT_85, nordic), weights(day(8), SQUAT_85)]
    assert rule_05_hamstrings(document, synthetic_plan(document, in_season)) == []
    without = [weights(day(1), SQUAT_85), weights(day(8), SQUAT_85)]
    assert rule_05_hamstrings(document, synthetic_plan(document, without)) == [
        "2027-03-01: no hamstring exercise in the two in-season weeks from here"
    ]
    late = [weights(day(1), SQUAT_85, lift("nordic_hamstring_curl", 3, 12, category=Category.ACCESSORY)),
            weights(day(10), SQUAT_85, nordic)]
    assert rule_05_hamstrings(document, synthetic_plan(document, late)) == [
        "2027-03-02: the first Nordic curls are 3 x 12 (start at 2 x 5)",
        "2027-03-11: Nordic curls in the three days before a competition",
    ]


# ---------------------------------------------------------------------------------------------
# Rule 6: beginners


def test_rule_6_a_beginner_lifts_at_80_percent_or_less_in_sets_of_5_or_more() -> None:
    beginner = doc(1, who=athlete(level=Level.BEGINNER, junior=True))
    heavy = [weights(day(1), SQUAT_85)]
    assert rule_06_beginners(beginner, synthetic_plan(beginner, heavy)) == [
        "2027-03-02: Back squat at 85 % for a beginner",
        "2027-03-02: Back squat 3 x 3 for a beginner",
    ]
    fives = [weights(day(1), lift("back_squat", 3, 5, 80.0))]
    assert rule_06_beginners(beginner, synthetic_plan(beginner, fives)) == []
    test_day = [weights(day(1), lift("back_squat", 1, 3, 70.0), lift("back_squat", 1, 1, 80.0), tags=("test",))]
    assert rule_06_beginners(beginner, synthetic_plan(beginner, test_day)) == []
    advanced = doc(1)
    assert rule_06_beginners(advanced, synthetic_plan(advanced, heavy)) == []


# ---------------------------------------------------------------------------------------------
# Rule 7: deloads


def test_rule_7_no_two_deload_weeks_in_a_row_and_none_just_before_an_a_taper() -> None:
    document = doc(6, comps=[competition(1, day(40), Priority.A)])  # A on Saturday 10 April
    taper = {day(n): "comp-1" for n in range(26, 40)}  # 14 days from Saturday 27 March
    assert rule_07_deloads(document, synthetic_plan(document, deload_weeks=[1], taper_for=taper)) == []
    assert rule_07_deloads(document, synthetic_plan(document, deload_weeks=[0, 1], taper_for=taper)) == [
        "2027-03-08: a second deload week in a row"
    ]
    # The seven days before the taper are 20-26 March: week 3 (22-28 March) holds five of
    # them, week 2 (15-21 March) its last two.
    assert rule_07_deloads(document, synthetic_plan(document, deload_weeks=[3], taper_for=taper)) == [
        "2027-03-26: a deload in the week before the taper from 2027-03-27"
    ]
    assert rule_07_deloads(document, synthetic_plan(document, deload_weeks=[2], taper_for=taper)) == [
        "2027-03-21: a deload in the week before the taper from 2027-03-27"
    ]


# ---------------------------------------------------------------------------------------------
# Rule 8: no cliffs; pre-competition's heavy and light days


def _volume_weeks(*volumes: float, phase: PhaseKind = SPP) -> tuple[Season, Callable[..., Plan]]:
    document = doc(len(volumes), comps=[])
    sessions = [weights(day(7 * w + 1), lift("back_squat", 1, 10, 70.0, load_kg=v / 10)) for w, v in enumerate(volumes)]

    def make(deload_weeks: Iterable[int] = ()) -> Plan:
        return synthetic_plan(document, sessions, phase=lambda _: phase, deload_weeks=deload_weeks)
    return document, make


def test_rule_8_a_week_keeps_40_percent_of_the_week_before() -> None:
    document, make = _volume_weeks(8000, 2500, 3000)
    assert rule_08_no_cliffs(document, make()) == [
        "2027-03-08: volume-load falls from 8000 to 2500 kg (below 40 %)"
    ]
    document, make = _volume_weeks(8000, 3200, 3000)
    assert rule_08_no_cliffs(document, make()) == []
    document, make = _volume_weeks(8000, 2500, 3000)
    assert rule_08_no_cliffs(document, make(deload_weeks=[1])) == []


def test_rule_8_a_week_with_a_competition_or_a_taper_may_fall() -> None:
    raced = doc(2, comps=[saturday_c(1, 1)])
    sessions = [weights(day(1), lift("back_squat", 1, 10, 70.0, load_kg=800)),
                weights(day(8), lift("back_squat", 1, 10, 70.0, load_kg=100))]
    assert rule_08_no_cliffs(raced, synthetic_plan(raced, sessions, phase=lambda _: SPP)) == []
    # A Monday C: the week before holds its D-1..D-3 (Friday to Sunday) and is cut for it.
    monday_c = doc(3, comps=[competition(1, day(14), Priority.C)])
    assert rule_08_no_cliffs(monday_c, synthetic_plan(monday_c, sessions, phase=lambda _: SPP)) == []
    no_race = doc(3)
    assert rule_08_no_cliffs(no_race, synthetic_plan(no_race, sessions, phase=lambda _: SPP)) == [
        "2027-03-08: volume-load falls from 8000 to 1000 kg (below 40 %)",
        "2027-03-15: volume-load falls from 1000 to 0 kg (below 40 %)",
    ]


def test_rule_8_pre_competition_keeps_a_heavy_day_and_a_light_explosive_day() -> None:
    document = doc(1)
    power = lift("power_clean", 3, 2, 70.0, category=Category.POWER)
    both = [weights(day(1), SQUAT_85), weights(day(5), power, lift("squat_jump", 3, 5, 20.0, category=Category.POWER))]
    assert rule_08_no_cliffs(document, synthetic_plan(document, both, phase=lambda _: PRE)) == []
    only_heavy = [weights(day(1), SQUAT_85), weights(day(5), SQUAT_85)]
    assert rule_08_no_cliffs(document, synthetic_plan(document, only_heavy, phase=lambda _: PRE)) == [
        "2027-03-01: a pre-competition week without a heavy day and a light explosive day"
    ]
    warned = synthetic_plan(document, only_heavy, phase=lambda _: PRE,
                            warnings=[PlanWarning("frequency", day(0), "one hard lifting day")])
    assert rule_08_no_cliffs(document, warned) == []


# ---------------------------------------------------------------------------------------------
# Rule 9: race weeks


def test_rule_9_no_lifting_on_d1_or_d2_and_nothing_heavy_the_day_after() -> None:
    document = doc(2, comps=[saturday_c(1, 0)])  # Saturday 6 March
    clean = lift("power_clean", 3, 2, 70.0, category=Category.POWER)
    assert rule_09_race_weeks(document, synthetic_plan(document, [weights(day(1), SQUAT_85)])) == []
    assert rule_09_race_weeks(document, synthetic_plan(document, [weights(day(3), clean)])) == [
        "2027-03-04: Power clean at D-2 of Meeting 1 (C)"
    ]
    assert rule_09_race_weeks(document, synthetic_plan(document, [weights(day(6), clean)])) == [
        "2027-03-07: heavy work the day after Meeting 1 (C)"
    ]
    assert rule_09_race_weeks(document, synthetic_plan(document, [weights(day(4), UPPER)])) == []
    priming = weights(day(4), lift("back_squat", 3, 2, 80.0), tags=("priming",))
    primed = doc(2, comps=[saturday_c(1, 0)], who=athlete(priming=True))
    assert rule_09_race_weeks(primed, synthetic_plan(primed, [priming])) == []
    assert len(rule_09_race_weeks(document, synthetic_plan(document, [priming]))) == 1
    # D-1 of an A is the taper's: ballistic squat jumps there are the taper rules' business.
    before_a = doc(2, comps=[competition(1, day(5), Priority.A)])
    jumps = weights(day(4), lift("squat_jump", 2, 4, 20.0, category=Category.POWER))
    assert rule_09_race_weeks(before_a, synthetic_plan(before_a, [jumps])) == []


# ---------------------------------------------------------------------------------------------
# Rule 10: season end


def test_rule_10_transition_from_about_a_week_after_the_last_competition() -> None:
    document = doc(8, comps=[saturday_c(1, 1)])  # last competition Saturday 13 March
    # A week after is Saturday 20 March; the next week starts Monday 22 March.
    on_time = synthetic_plan(document, phase=lambda d: COMP if d < day(21) else TRANSITION)
    assert rule_10_season_end(document, on_time) == []
    late = synthetic_plan(document, phase=lambda d: COMP if d < day(35) else TRANSITION)
    assert rule_10_season_end(document, late) == ["2027-03-22: competition after the last competition ended 2027-03-13"]


# ---------------------------------------------------------------------------------------------
# Rule 11: short seasons


def test_rule_11_a_phase_left_out_is_named_in_a_phase_warning() -> None:
    document = doc(4, comps=[competition(1, day(26), Priority.A)])
    def squeezed(d: date) -> PhaseKind:
        return SPP if d < day(12) else TAPER if d < day(26) else COMP
    assert rule_11_short_seasons(document, synthetic_plan(document, phase=squeezed)) == [
        "2027-03-01: general_preparation left out without a phase.* warning naming it",
        "2027-03-01: pre_competition left out without a phase.* warning naming it",
    ]
    said = PlanWarning("phase.short", day(0), "Only 4 weeks before the A: no general preparation and no "
                       "pre-competition, strength work only")
    assert rule_11_short_seasons(document, synthetic_plan(document, phase=squeezed, warnings=[said])) == []
    vague = PlanWarning("phase.strength_first", day(0), "strength work only, no power block")
    assert len(rule_11_short_seasons(document, synthetic_plan(document, phase=squeezed, warnings=[vague]))) == 2


# ---------------------------------------------------------------------------------------------
# Rule 12: taper volume


def test_rule_12_the_seven_days_before_an_a_hold_60_percent_of_the_last_three_full_weeks() -> None:
    document = doc(7, comps=[competition(1, day(47), Priority.A)])  # A on Saturday 17 April
    taper = {day(n): "comp-1" for n in range(33, 47)}  # 14 days from Saturday 3 April

    def plan(last_week_kg: float) -> Plan:
        loads = [3000.0, 1000.0, 1000.0, 1000.0, 500.0]
        sessions = [weights(day(7 * w + 1), lift("back_squat", 1, 10, 70.0, load_kg=kg / 10))
                    for w, kg in enumerate(loads)]
        sessions.append(weights(day(43), lift("back_squat", 1, 10, 70.0, load_kg=last_week_kg / 10)))
        return synthetic_plan(document, sessions, taper_for=taper)

    # Full weeks before 10 April: 8, 15 and 22 March at 1000 kg (29 March holds taper days).
    assert rule_12_taper_volume(document, plan(600)) == []
    assert rule_12_taper_volume(document, plan(700)) == [
        "2027-04-10: the seven days before Meeting 1 (A) hold 700 kg, above 60 % of 1000 kg"
    ]


# ---------------------------------------------------------------------------------------------
# Rule 13: test days


def test_rule_13_no_plyometrics_before_a_test_and_a_note_that_matches_the_sets() -> None:
    document = doc(1)
    note = "test: add small jumps from the {pct} % single to a {reps}-rep max and record it"
    def test_session(pct: str, reps: int) -> Session:
        return weights(day(1), lift("back_squat", 1, 1, 80.0), lift("back_squat", 1, 1, 87.5),
                       lift("back_squat", 1, reps, note=note.format(pct=pct, reps=3)), tags=("test",))
    assert rule_13_test_days(document, synthetic_plan(document, [test_session("87.5", 3), good_plyo(day(1))])) == []
    assert rule_13_test_days(document, synthetic_plan(document, [good_plyo(day(1)), test_session("87.5", 3)])) == [
        "2027-03-02: plyometrics before the test session"
    ]
    assert rule_13_test_days(document, synthetic_plan(document, [test_session("90", 5)])) == [
        "2027-03-02: Back squat note speaks of the 90 % single, its heaviest single is 87.5 %",
        "2027-03-02: Back squat note asks a 3-rep max with 5 reps",
    ]


# ---------------------------------------------------------------------------------------------
# Every rule at once: the property tests. They fail until the engine holds issue 12.


def _digest(found: list[str]) -> str:
    """The breaches by rule, at most three of each, so a failure reads in a few lines."""
    by_rule: dict[str, list[str]] = {}
    for breach in found:
        rule, what = breach.split(": ", 1)
        by_rule.setdefault(rule, []).append(what)
    return "\n".join(f"{len(v)} x {k}: " + " | ".join(v[:3]) for k, v in by_rule.items())


def _check(document: Season) -> None:
    plan = generate(document, "ath-1")
    found = coaching_breaches(document, plan)
    assert not found, _digest(found)


# No shrinking: on a failing engine it would replan hundreds of seasons per test, and the
# digest already names each breach's rule and date. Add Stage.shrink (hypothesis.Phase.shrink) locally
# to get a minimal season.
_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=(Stage.explicit, Stage.reuse, Stage.generate),
)


@_SETTINGS
@given(random_seasons())
def test_random_seasons_hold_every_coaching_rule(document: Season) -> None:
    _check(document)


@_SETTINGS
@given(weekly_meet_seasons())
def test_weekly_saturday_meets_hold_every_coaching_rule(document: Season) -> None:
    _check(document)


@_SETTINGS
@given(hurdler_seasons())
def test_hurdlers_hold_every_coaching_rule(document: Season) -> None:
    _check(document)


@_SETTINGS
@given(beginner_and_junior_seasons())
def test_beginners_and_juniors_hold_every_coaching_rule(document: Season) -> None:
    _check(document)


@_SETTINGS
@given(short_seasons())
def test_ten_to_twelve_week_seasons_hold_every_coaching_rule(document: Season) -> None:
    _check(document)


@_SETTINGS
@given(twin_a_seasons())
def test_two_a_competitions_three_weeks_apart_hold_every_coaching_rule(document: Season) -> None:
    _check(document)


@_SETTINGS
@given(first_day_meet_seasons())
def test_a_meet_on_the_first_day_holds_every_coaching_rule(document: Season) -> None:
    _check(document)


_EVERY_SHAPE = st.one_of(
    random_seasons(), weekly_meet_seasons(), hurdler_seasons(), beginner_and_junior_seasons(), short_seasons(),
    twin_a_seasons(), first_day_meet_seasons(),
)


@pytest.mark.parametrize("rule", COACHING_RULES, ids=lambda rule: rule.__name__)
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    phases=(Stage.explicit, Stage.reuse, Stage.generate),
)
@given(document=_EVERY_SHAPE)
def test_each_rule_holds_over_every_season_shape(rule: Callable[[Season, Plan], list[str]], document: Season) -> None:
    """Rule by rule, so a merge shows which of the thirteen hold already."""
    found = rule(document, generate(document, "ath-1"))
    assert not found, "\n".join(found[:5])


@pytest.mark.parametrize("athlete_id", [a.id for a in demo_season().athletes])
def test_the_demo_season_holds_every_coaching_rule(athlete_id: str) -> None:
    document = demo_season()
    found = coaching_breaches(document, generate(document, athlete_id))
    assert not found, _digest(found)
