"""Property tests: random seasons never break the engine or a hard rule.

Issue 12's coaching rules over the same seasons are in test_coaching_properties.py.
"""

from __future__ import annotations

from datetime import timedelta

from engine_oracle import hard_rule_breaches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from season_strategies import (
    first_day_meet_seasons,
    random_seasons,
    short_seasons,
    twin_a_seasons,
    weekly_meet_seasons,
)

from planner.document.model import Season, TrackDay
from planner.engine.checks import hard_rule_breaches as hard_rule_breaches_of_engine
from planner.engine.generator import generate
from planner.engine.plan import PhaseKind
from planner.engine.proximity import day_limits
from planner.engine.rules import rule_book
from planner.engine.timeline import build_timeline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_seasons())
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
@given(random_seasons())
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
@given(random_seasons())
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


_HARD_SHAPES = st.one_of(weekly_meet_seasons(), short_seasons(), twin_a_seasons(), first_day_meet_seasons())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HARD_SHAPES)
def test_every_hard_rule_holds_in_the_season_shapes_coaches_found_hard(season: Season) -> None:
    """Weekly Saturday meets, 10-12 week seasons, two A competitions three weeks apart and a
    meet on the first day: the hard rules hold there as in any random season."""
    plan = generate(season, "ath-1")
    assert hard_rule_breaches(season, plan) == []
