"""Phases from the competitions (rules phase.single, phase.double, phase.rebase, taper.a,
taper.shared; reference sections 2.2, 2.3 and 6.4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from builders import (
    FIRST_DAY,
    LAST_DAY,
    NATIONALS_START,
    athlete,
    competition,
    nationals,
    phases_of,
    plan_for,
    season,
)

from planner.document.demo import demo_season
from planner.document.model import Competition, Priority
from planner.engine.plan import Phase, PhaseKind, Plan

NATIONALS_DAY = NATIONALS_START
GPP, SPP, PRE = PhaseKind.GENERAL_PREPARATION, PhaseKind.SPECIFIC_PREPARATION, PhaseKind.PRE_COMPETITION
COMP, TAPER, TRANSITION = PhaseKind.COMPETITION, PhaseKind.TAPER, PhaseKind.TRANSITION


def _days(phase: Phase) -> int:
    return (phase.end - phase.start).days + 1


def _assert_tiles(plan: Plan, first: date, last: date) -> None:
    assert plan.phases[0].start == first
    assert plan.phases[-1].end == last
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)


def _indoor_a(end: date) -> Competition:
    return competition(1, end - timedelta(days=1), Priority.A, name="Indoor Championships", indoor=True, days=2)


# ---------------------------------------------------------------------------------------------
# Single periodisation


def test_single_periodisation_default_lengths_in_the_demo_for_an_outdoor_only_athlete() -> None:
    # Łucja is entered in the outdoor A only (the Indoor Championships are Søren's).
    document = demo_season()
    plan = plan_for(document, "ath-1")
    _assert_tiles(plan, document.first_day, document.last_day)
    kinds = [p.kind for p in plan.phases]
    assert kinds[:3] == [GPP, SPP, PRE]
    gpp, spp, pre = plan.phases[:3]
    assert (gpp.start, gpp.weeks) == (date(2026, 10, 5), 12)
    assert (spp.start, spp.weeks) == (date(2026, 12, 28), 10)
    assert (pre.start, pre.weeks) == (date(2027, 3, 8), 8)
    assert plan.phases[3].kind is COMP
    # One taper only, 14 days into the National Championships (outdoor).
    tapers = phases_of(plan, TAPER)
    assert [(t.start, t.end) for t in tapers] == [(date(2027, 7, 9), date(2027, 7, 22))]
    # Ends with a transition of at most 6 weeks.
    assert plan.phases[-1].kind is TRANSITION
    assert 2 <= plan.phases[-1].weeks <= 6
    assert len(phases_of(plan, GPP)) == 1


def test_single_periodisation_with_only_the_outdoor_a() -> None:
    plan = plan_for(season(competitions=[nationals()]))
    _assert_tiles(plan, FIRST_DAY, LAST_DAY)
    assert [(p.kind, p.weeks) for p in plan.phases[:3]] == [(GPP, 12), (SPP, 10), (PRE, 8)]
    comp = plan.phases[3]
    assert comp.kind is COMP and comp.start == date(2027, 5, 3)
    # Competition phase incl. the taper: at most 18 weeks (P4).
    taper = phases_of(plan, TAPER)[0]
    assert (taper.end - comp.start).days + 1 <= 18 * 7
    assert taper.end == date(2027, 7, 22)


# ---------------------------------------------------------------------------------------------
# Double periodisation


def _double_plan() -> Plan:
    # Indoor A on 27-28 February, outdoor A on 23-25 July: 21 weeks apart.
    return plan_for(season(competitions=[_indoor_a(date(2027, 2, 28)), nationals(2)]))


def test_double_periodisation_has_two_builds_two_tapers_and_a_mini_transition() -> None:
    plan = _double_plan()
    _assert_tiles(plan, FIRST_DAY, LAST_DAY)
    gpps = phases_of(plan, GPP)
    assert len(gpps) == 2
    assert [g.cycle for g in gpps] == [1, 2]
    tapers = phases_of(plan, TAPER)
    assert [(t.start, t.end) for t in tapers] == [
        (date(2027, 2, 17), date(2027, 2, 26)),  # 10 days indoors
        (date(2027, 7, 9), date(2027, 7, 22)),  # 14 days outdoors
    ]
    # A mini-transition of 1-2 weeks right after the indoor A, then the second build.
    transitions = [p for p in phases_of(plan, TRANSITION) if p.end < date(2027, 7, 1)]
    assert len(transitions) == 1
    mini = transitions[0]
    assert mini.start == date(2027, 3, 1)
    assert 7 <= _days(mini) <= 14
    assert gpps[1].start == mini.end + timedelta(days=1)


def test_double_periodisation_phase_lengths() -> None:
    plan = _double_plan()
    first = [p for p in plan.phases if p.cycle == 1 and p.kind in (GPP, SPP, PRE)]
    assert [(p.kind, p.weeks) for p in first] == [(GPP, 8), (SPP, 5), (PRE, 4)]
    second = [p for p in plan.phases if p.cycle == 2 and p.kind in (GPP, SPP, PRE)]
    assert [p.kind for p in second] == [GPP, SPP, PRE]
    rebase = second[0].weeks + second[1].weeks
    assert 6 <= rebase <= 7  # compressed re-base
    assert second[2].weeks == 4


@pytest.mark.parametrize(
    "gap_weeks",
    [
        16,
        17,
        18,
    ],
)
def test_double_periodisation_from_16_weeks_between_indoor_end_and_outdoor_a(gap_weeks: int) -> None:
    outdoor = nationals(2)
    indoor = _indoor_a(outdoor.start - timedelta(weeks=gap_weeks))
    assert (outdoor.start - indoor.end).days == gap_weeks * 7
    plan = plan_for(season(competitions=[indoor, outdoor]))
    assert len(phases_of(plan, GPP)) == 2
    assert len(phases_of(plan, TAPER)) == 2
    assert any(p.name == "Mini-transition" for p in phases_of(plan, TRANSITION))


def test_a_shorter_gap_gets_a_three_week_re_base_not_a_second_build() -> None:
    first_a = competition(1, date(2027, 5, 15), Priority.A, name="Spring Championships")
    plan = plan_for(season(competitions=[first_a, nationals(2)]))
    assert len(phases_of(plan, GPP)) == 1
    assert len(phases_of(plan, TAPER)) == 2  # two tapers: the A meets are 9 weeks apart
    rebase = [p for p in plan.phases if p.name.startswith("Re-base")]
    assert len(rebase) == 1
    assert rebase[0].kind is SPP
    assert rebase[0].start == date(2027, 5, 16)
    assert rebase[0].weeks == 3
    assert not [p for p in plan.phases if p.name == "Mini-transition"]


def test_a_tight_gap_gets_a_two_week_re_base() -> None:
    # 20 June to the outdoor taper on 9 July leaves 18 days: room for two weeks only.
    first_a = competition(1, date(2027, 6, 20), Priority.A)
    plan = plan_for(season(competitions=[first_a, nationals(2)]))
    rebase = [p for p in plan.phases if p.name.startswith("Re-base")]
    assert len(rebase) == 1
    assert (rebase[0].start, rebase[0].weeks) == (date(2027, 6, 21), 2)


# ---------------------------------------------------------------------------------------------
# Only the athlete's own competitions count


def test_only_entered_competitions_shape_the_plan() -> None:
    indoor_for_two = competition(1, date(2027, 2, 27), Priority.A, name="Indoor Championships", indoor=True,
                                 days=2, athletes=("ath-2",))
    squad = [athlete("ath-1"), athlete("ath-2", name="Other Athlete")]
    with_indoor = season(athletes=squad, competitions=[indoor_for_two, nationals(2)])
    without = season(athletes=squad, competitions=[nationals(2)])

    mine = plan_for(with_indoor, "ath-1")
    assert mine.phases == plan_for(without, "ath-1").phases
    assert [c.id for c in mine.competitions] == ["comp-2"]
    assert len(phases_of(mine, TAPER)) == 1
    # Nothing marks the other athlete's competition days in this plan.
    day = mine.day(date(2027, 2, 27))
    assert day is not None and day.competitions == ()
    assert [d.sessions for d in mine.days] == [d.sessions for d in plan_for(without, "ath-1").days]

    theirs = plan_for(with_indoor, "ath-2")
    assert len(phases_of(theirs, TAPER)) == 2
    assert len(phases_of(theirs, GPP)) == 2


def test_lower_priority_competitions_do_not_add_tapers() -> None:
    comps = [
        competition(1, date(2027, 1, 23), Priority.B, indoor=True),
        competition(2, date(2027, 5, 8), Priority.C),
        competition(3, date(2027, 6, 19), Priority.B),
        nationals(4),
    ]
    plan = plan_for(season(competitions=comps))
    assert [(p.kind, p.weeks) for p in plan.phases[:3]] == [(GPP, 12), (SPP, 10), (PRE, 8)]
    assert len(phases_of(plan, TAPER)) == 1


# ---------------------------------------------------------------------------------------------
# Short seasons and close A competitions


def test_a_season_starting_three_weeks_before_an_a_still_gets_a_taper() -> None:
    first = date(2027, 7, 2)  # three weeks before the National Championships
    plan = plan_for(season(competitions=[nationals()], first_day=first))
    _assert_tiles(plan, first, LAST_DAY)
    tapers = phases_of(plan, TAPER)
    assert [(t.start, t.end) for t in tapers] == [(date(2027, 7, 9), date(2027, 7, 22))]
    race_day = plan.day(NATIONALS_DAY)
    assert race_day is not None and race_day.competitions == ("comp-1",)
    # The week before the taper is strength work, and the taper itself has sessions.
    assert plan.phases[0].kind in (GPP, SPP)
    assert any(d.sessions for d in plan.days if d.phase is TAPER)
    # One week of strength work: the plan says which phases it left out.
    short = [w for w in plan.warnings if w.rule_id.startswith("phase.")]
    assert [(w.rule_id, w.date) for w in short] == [("phase.strength_first", first)]
    assert short[0].message.startswith(
        "Only 1 week before the National Championships taper: no general preparation or pre-competition"
    )



def test_a_season_that_starts_inside_the_taper_does_not_crash() -> None:
    first = date(2027, 7, 16)  # one week before
    plan = plan_for(season(competitions=[nationals()], first_day=first))
    _assert_tiles(plan, first, LAST_DAY)
    assert plan.phases[0].kind is TAPER
    assert plan.phases[0].end == date(2027, 7, 22)


def test_two_a_competitions_under_28_days_apart_share_one_taper() -> None:
    first_a = competition(1, date(2027, 7, 3), Priority.A, name="European Trials")
    plan = plan_for(season(competitions=[first_a, nationals(2)]))
    tapers = phases_of(plan, TAPER)
    assert [(t.start, t.end) for t in tapers] == [(date(2027, 6, 19), date(2027, 7, 2))]
    shared = [w for w in plan.warnings if w.rule_id == "taper.shared"]
    assert shared
    assert shared[0].date == NATIONALS_DAY
    assert "European Trials" in shared[0].message
    # Between the two meets the athlete maintains: no build, no second taper.
    between = [p for p in plan.phases if p.start <= NATIONALS_DAY - timedelta(days=1) and p.end >= date(2027, 7, 4)]
    assert all(p.kind is COMP for p in between)
    for day in plan.days:
        if date(2027, 7, 4) <= day.date < NATIONALS_DAY:
            assert day.taper_for is None


def test_a_competitions_28_days_apart_get_two_tapers_and_no_warning() -> None:
    first_a = competition(1, NATIONALS_DAY - timedelta(days=30), Priority.A)
    plan = plan_for(season(competitions=[first_a, nationals(2)]))
    assert len(phases_of(plan, TAPER)) == 2
    assert not [w for w in plan.warnings if w.rule_id == "taper.shared"]


@pytest.mark.parametrize(("indoor", "days"), [(False, 14), (True, 10)])
def test_taper_length_outdoors_and_indoors(indoor: bool, days: int) -> None:
    start = date(2027, 2, 27) if indoor else NATIONALS_DAY
    comp = competition(1, start, Priority.A, indoor=indoor)
    plan = plan_for(season(competitions=[comp]))
    tapers = phases_of(plan, TAPER)
    assert len(tapers) == 1
    assert tapers[0].end == start - timedelta(days=1)
    assert _days(tapers[0]) == days
    taper_days = [d for d in plan.days if d.taper_for == "comp-1"]
    assert len(taper_days) == days
    assert taper_days[0].date == start - timedelta(days=days)
