"""Property tests: random seasons never break the engine or a hard rule."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from engine_oracle import hard_rule_breaches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.checks import hard_rule_breaches as hard_rule_breaches_of_engine
from planner.engine import generate
from planner.model import (
    Athlete,
    Competition,
    DayRhythm,
    Equipment,
    Event,
    Level,
    MaxEntry,
    Priority,
    Season,
    Sex,
    TrackDay,
    Units,
)
from planner.plan import PhaseKind
from planner.proximity import day_limits
from planner.rules import rule_book
from planner.timeline import build_timeline
from planner.validation import season_problems

_DAY_KINDS = st.sampled_from(
    [
        DayRhythm(TrackDay.HARD, True, True),
        DayRhythm(TrackDay.HARD, True, False),
        DayRhythm(TrackDay.HARD, False, True),
        DayRhythm(TrackDay.EASY, True, False),
        DayRhythm(TrackDay.EASY, False, False),
        DayRhythm(TrackDay.REST, False, False),
    ]
)


@st.composite
def athletes(draw: st.DrawFn, first_day: date) -> Athlete:
    junior = draw(st.booleans())
    units = draw(st.sampled_from(list(Units)))
    squat_kg = draw(st.floats(60, 220))
    clean_kg = squat_kg * draw(st.floats(0.5, 0.7))
    max_day = first_day - timedelta(days=draw(st.integers(0, 120)))
    maxes: tuple[MaxEntry, ...] = (
        MaxEntry("back_squat", max_day, round(units.from_kg(squat_kg), 1), draw(st.booleans())),
        MaxEntry("power_clean", max_day, round(units.from_kg(clean_kg), 1), draw(st.booleans())),
    )
    if draw(st.booleans()):
        later = first_day + timedelta(days=draw(st.integers(30, 200)))
        maxes += (MaxEntry("back_squat", later, round(units.from_kg(squat_kg * 1.05), 1), True),)
    equipment = (
        Equipment(20.0, 2.5, 2.0)
        if units is Units.KG
        else Equipment(45.0, 5.0, 5.0)
    )
    if junior and units is Units.KG:
        equipment = Equipment(15.0, 1.25, 1.0)
    substitutions = (("power_clean", "hang_clean"),) if draw(st.booleans()) else ()
    return Athlete(
        id="ath-1",
        name="Ødegård Ł.",
        event=draw(st.sampled_from(list(Event))),
        sex=draw(st.sampled_from(list(Sex))),
        level=draw(st.sampled_from(list(Level))),
        junior=junior,
        body_mass=round(units.from_kg(draw(st.floats(45, 95))), 1),
        units=units,
        birth_date=date(first_day.year - (16 if junior else 24), 3, 1),
        equipment=equipment,
        maxes=maxes,
        substitutions=substitutions,
        rhythm=tuple(draw(st.lists(_DAY_KINDS, min_size=7, max_size=7))),
        priming=draw(st.booleans()),
    )


@st.composite
def seasons(draw: st.DrawFn) -> Season:
    first_day = draw(st.dates(date(2023, 1, 1), date(2031, 12, 31)))
    weeks = draw(st.integers(8, 70))
    last_day = first_day + timedelta(days=weeks * 7 - 1 - draw(st.integers(0, 6)))
    athlete = draw(athletes(first_day))
    span = (last_day - first_day).days
    competitions = []
    for n in range(draw(st.integers(0, 20))):
        offset = draw(st.one_of(st.just(0), st.just(span), st.integers(0, span)))
        length = draw(st.sampled_from([1, 1, 1, 2, 3]))
        start = min(first_day + timedelta(days=offset), last_day)
        end = min(start + timedelta(days=length - 1), last_day)
        competitions.append(
            Competition(
                id=f"comp-{n + 1}",
                name=f"Meet {n + 1}",
                start=start,
                end=end,
                priority=draw(st.sampled_from(list(Priority))),
                indoor=draw(st.booleans()),
                athletes=draw(st.sampled_from([None, ("ath-1",), ()])),
            )
        )
    if draw(st.booleans()) and span > 10:
        # Two A competitions a week apart.
        start = first_day + timedelta(days=draw(st.integers(0, span - 8)))
        for k in (0, 7):
            competitions.append(
                Competition(f"comp-{len(competitions) + 1}", "Twin A", start + timedelta(days=k),
                            start + timedelta(days=k), Priority.A, False)
            )
    season = Season(
        id=UUID(int=1),
        name="Random season",
        first_day=first_day,
        last_day=last_day,
        week_start=draw(st.integers(0, 6)),
        athletes=(athlete,),
        competitions=tuple(competitions),
        next_athlete_number=2,
        next_competition_number=len(competitions) + 1,
    )
    assert season_problems(season) == []
    return season


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_generation_never_fails_and_every_hard_rule_holds(season: Season) -> None:
    plan = generate(season, "ath-1")
    assert plan.days[0].date == season.first_day
    assert plan.days[-1].date == season.last_day
    assert len(plan.days) == (season.last_day - season.first_day).days + 1
    assert hard_rule_breaches(season, plan) == []
    # An easy day ticked for lifting gets its upper-body work unless a competition is that day
    # or the next, or the season is in its transition.
    races = {c.start - timedelta(days=k) for c in season.competitions_for("ath-1") for k in (0, 1)}
    races |= {d.date for d in plan.days if d.competitions}
    for day in plan.days:
        rhythm = season.athlete("ath-1").rhythm[day.date.weekday()]
        if rhythm.track is TrackDay.EASY and rhythm.lifting and day.phase is not PhaseKind.TRANSITION:
            upper = [s for s in day.sessions if s.kind == "weights" and not any(i.lower_body for i in s.items)]
            assert bool(upper) == (day.date not in races), day.date
    # Phases tile the season without gaps or overlaps.
    assert plan.phases[0].start == season.first_day
    assert plan.phases[-1].end == season.last_day
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_soft_rules_hold_or_warn(season: Season) -> None:
    plan = generate(season, "ath-1")
    warned = {w.rule_id for w in plan.warnings}
    # Detraining: more than 10 days without strength work outside tapers and the transition.
    gap = 0
    for day in plan.days:
        strength = any(
            s.kind == "weights" and any(i.lower_body and i.category != "accessory" for i in s.items)
            for s in day.sessions
        )
        if strength or day.phase in (PhaseKind.TAPER, PhaseKind.TRANSITION) or day.taper_for:
            gap = 0
            continue
        gap += 1
        if gap > 10:
            assert "detraining" in warned
            break
    # High-intensity lower-body work two days in a row is warned.
    for before, after in zip(plan.days, plan.days[1:], strict=False):
        if any(s.heavy for s in before.sessions) and any(s.heavy for s in after.sessions):
            assert "rhythm.consecutive" in warned
            break


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_the_engines_own_checks_find_nothing_in_a_generated_plan(season: Season) -> None:
    athlete = season.athlete("ath-1")
    rules = rule_book()
    timeline = build_timeline(season, athlete, rules)
    limits = day_limits(
        season.first_day, season.last_day, season.competitions_for("ath-1"), timeline, rules, priming=athlete.priming
    )
    plan = generate(season, "ath-1")
    sessions = [d.sessions for d in plan.days]
    dates = [d.date for d in plan.days]
    assert hard_rule_breaches_of_engine(athlete, dates, sessions, limits, timeline.days, rules) == []
