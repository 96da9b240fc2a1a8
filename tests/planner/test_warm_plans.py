"""Plans derived after an edit reuse what earlier plans built (the season's shape, items and
whole sessions); whatever the edit, the plan must equal the one derived from nothing."""

from __future__ import annotations

from datetime import timedelta

from builders import EDIT_RUNS, plan_from_nothing
from hypothesis import given, settings
from hypothesis import strategies as st
from season_strategies import random_seasons

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.model import Priority, Season
from planner.engine.generator import forget, generate, generate_all
from planner.engine.plan import Plan

ATHLETE = "ath-1"

_SETTINGS = settings(EDIT_RUNS, max_examples=80)


def _cold(season: Season) -> Plan:
    return plan_from_nothing(season, ATHLETE)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[Season, Season]:
    """A season and the same season after a move of a competition, a new max or a new meet."""
    season = draw(random_seasons(max_weeks=40))
    span = (season.last_day - season.first_day).days
    kind = draw(st.sampled_from(["move", "max", "add"] if season.competitions else ["max", "add"]))
    if kind == "move":
        competition = draw(st.sampled_from(season.competitions))
        start = season.first_day + timedelta(days=draw(st.integers(0, span)))
        start = min(start, season.last_day - (competition.end - competition.start))
        try:
            return season, edits.move_competition(season, competition.id, start)
        except edits.EditError:
            return season, season
    if kind == "max":
        day = season.first_day + timedelta(days=draw(st.integers(0, span)))
        lift = draw(st.sampled_from(["back_squat", "power_clean"]))
        value = draw(st.sampled_from([60.0, 102.5, 140.0, 185.0]))
        return season, edits.record_max(season, ATHLETE, lift=lift, day=day, value=value)
    start = season.first_day + timedelta(days=draw(st.integers(0, span)))
    try:
        added = edits.add_competition(season, name="Added meet", start=start, end=start,
                                      priority=draw(st.sampled_from(list(Priority))), indoor=False)
    except edits.EditError:
        return season, season
    return season, added


@_SETTINGS
@given(_edited())
def test_a_plan_after_an_edit_equals_the_plan_derived_from_nothing(pair: tuple[Season, Season]) -> None:
    before, after = pair
    forget()
    generate(before, ATHLETE)  # warms every cache with the season before the edit
    warm = generate(after, ATHLETE)
    assert warm == _cold(after)


@_SETTINGS
@given(random_seasons(max_weeks=40))
def test_deriving_the_same_plan_twice_gives_the_same_plan(season: Season) -> None:
    first = _cold(season)
    assert generate(season, ATHLETE) == first


def test_moving_the_demo_championship_a_day_gives_the_plans_derived_from_nothing() -> None:
    demo = demo_season()
    championship = next(c for c in demo.competitions if c.priority is Priority.A and not c.indoor)
    moved = edits.move_competition(demo, championship.id, championship.start + timedelta(days=1))
    forget()
    generate_all(demo)
    warm = generate_all(moved)
    forget()
    assert warm == generate_all(moved)
    assert warm != generate_all(demo)  # the move changed the plans


def test_forgetting_lets_go_of_every_session_of_earlier_plans() -> None:
    import gc

    from planner.document.sessions import Session

    forget()
    plan = generate(demo_season(), ATHLETE)
    session_ids = {id(s) for day in plan.days for s in day.sessions}
    del plan
    forget()
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, Session) and id(o) in session_ids]
    assert alive == []
