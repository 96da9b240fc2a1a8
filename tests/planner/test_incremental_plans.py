"""A plan after an edit is derived from the first week the edit changed: the weeks before it,
their figures and their days are the last plan's. Whatever the edits in a row, the plan must
equal the one derived from nothing."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from builders import EDIT_RUNS, plan_from_nothing
from hypothesis import given, settings
from hypothesis import strategies as st
from season_strategies import random_seasons

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.model import DayRhythm, Priority, Season, TrackDay
from planner.document.sessions import SessionKind
from planner.engine.freeze import settle
from planner.engine.generator import _new_shape, _Shape, forget, generate
from planner.engine.plan import Plan, PlanWarning
from planner.engine.proximity import DayLimits, Earlier, day_limits
from planner.engine.rules import rule_book
from planner.engine.timeline import build_timeline

ATHLETE = "ath-1"

_SETTINGS = settings(EDIT_RUNS, max_examples=60)


def _cold(season: Season) -> Plan:
    return plan_from_nothing(season, ATHLETE)


def _day(season: Season, draw: st.DrawFn) -> date:
    return season.first_day + timedelta(days=draw(st.integers(0, (season.last_day - season.first_day).days)))


def _edit(season: Season, draw: st.DrawFn) -> Season:
    """One edit a coach makes while planning: a competition moved (the drag's every hover), a
    max, a session changed or moved, a week locked, a session recorded, the past kept, the
    weeks starting on another day or the season ending earlier or later."""
    kinds = ["move", "move", "max", "override", "lock", "record", "settle", "weeks", "dates"]
    kind = draw(st.sampled_from(kinds if season.competitions else kinds[2:]))
    try:
        if kind == "weeks":
            return edits.change_season(season, week_start=draw(st.integers(0, 6)))
        if kind == "dates":
            days = timedelta(days=draw(st.sampled_from([-14, -3, 5, 21])))
            return edits.change_season(season, last_day=season.last_day + days)
        if kind == "move":
            competition = draw(st.sampled_from(season.competitions))
            start = min(_day(season, draw), season.last_day - (competition.end - competition.start))
            return edits.move_competition(season, competition.id, start)
        if kind == "max":
            lift = draw(st.sampled_from(["back_squat", "power_clean"]))
            return edits.record_max(season, ATHLETE, lift=lift, day=_day(season, draw),
                                    value=draw(st.sampled_from([80.0, 122.5, 150.0])))
        plan = generate(season, ATHLETE)
        busy = [d for d in plan.days if d.sessions]
        if kind == "settle":
            return settle(season, _day(season, draw))
        if not busy:
            return season
        day = draw(st.sampled_from(busy))
        session = day.sessions[0]
        if kind == "override":
            emptied = draw(st.booleans())
            return edits.set_override(season, athlete_id=ATHLETE, day=day.date, kind=session.kind,
                                      session=None if emptied else session, replaced=session)
        if kind == "lock":
            start = season.week_of(day.date)
            week = [s for d in plan.days if start <= d.date < start + timedelta(days=7) for s in d.sessions]
            return edits.lock_week(season, ATHLETE, start, week)
        return edits.mark_done_as_planned(season, ATHLETE, day.date, session.kind, session)
    except edits.EditError:
        return season


@st.composite
def _edit_runs(draw: st.DrawFn) -> list[Season]:
    """A season and the seasons three or four edits in a row leave."""
    seasons = [draw(random_seasons(max_weeks=40))]
    for _ in range(draw(st.integers(3, 4))):
        seasons.append(_edit(seasons[-1], draw))
    return seasons


def _difference(plan: Plan, other: Plan) -> str | None:
    """Where two plans first differ, in a few words (a whole plan is too long to show)."""
    for i, (day, same) in enumerate(zip(plan.days, other.days, strict=False)):
        if day != same:
            field = next(f for f in day._fields if getattr(day, f) != getattr(same, f))
            return f"day {i} ({day.date}): {field}"
    for week, same_week in zip(plan.weeks, other.weeks, strict=False):
        if week != same_week:
            field = next(f for f in week._fields if getattr(week, f) != getattr(same_week, f))
            return f"week of {week.start}: {field}"
    if plan.warnings != other.warnings:
        return f"warnings: {sorted(set(plan.warnings) ^ set(other.warnings), key=str)[:3]}"
    return None if plan == other else "another field"


@_SETTINGS
@given(_edit_runs())
def test_every_plan_of_a_run_of_edits_equals_the_plan_derived_from_nothing(seasons: list[Season]) -> None:
    forget()
    warm = []
    for season in seasons:
        warm.append(generate(season, ATHLETE))
    for n, (season, plan) in enumerate(zip(seasons, warm, strict=True)):
        assert (n, _difference(plan, _cold(season))) == (n, None)


def test_a_season_ending_days_earlier_gives_its_last_week_the_days_left() -> None:
    # A spring of training without competitions, its weeks starting on Saturdays: ending it on
    # its last Saturday leaves the last week one day.
    demo = demo_season()
    season = demo._replace(
        first_day=date(2023, 1, 16), last_day=date(2023, 5, 2), week_start=5, competitions=(),
        athletes=(demo.athlete(ATHLETE),), records=(), frozen=(), overrides=(), locked_weeks=(), notes=(),
    )
    shorter = edits.change_season(season, last_day=date(2023, 4, 29))
    forget()
    plan = generate(season, ATHLETE)
    warm = generate(shorter, ATHLETE)
    assert (plan.weeks[-1].start, warm.weeks[-1].start) == (date(2023, 4, 29), date(2023, 4, 29))
    assert warm.weeks[-1].planned_load < plan.weeks[-1].planned_load
    assert _difference(warm, _cold(shorter)) is None


@st.composite
def _moved(draw: st.DrawFn) -> tuple[Season, Season]:
    """A season and the same season after one or two of its competitions moved, were added or removed."""
    season = draw(random_seasons(max_weeks=40))
    after = season
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["move", "move", "add", "remove"] if after.competitions else ["add"]))
        try:
            if kind == "move":
                competition = draw(st.sampled_from(after.competitions))
                start = min(_day(after, draw), after.last_day - (competition.end - competition.start))
                after = edits.move_competition(after, competition.id, start)
            elif kind == "remove":
                after = edits.remove_competition(after, draw(st.sampled_from(after.competitions)).id)
            else:
                day = _day(after, draw)
                after = edits.add_competition(after, name="Added", start=day, end=day,
                                              priority=draw(st.sampled_from(list(Priority))), indoor=False)
        except edits.EditError:
            pass
    return season, after


def _limits_of(season: Season, earlier: Earlier | None = None) -> tuple[list[DayLimits], Earlier]:
    athlete = season.athlete(ATHLETE)
    timeline = build_timeline(season, athlete, rule_book())
    competitions = season.competitions_for(ATHLETE)
    limits = day_limits(season.first_day, season.last_day, competitions, timeline, rule_book(),
                        priming=athlete.priming, earlier=earlier)
    return limits, Earlier(competitions, timeline, limits)


@_SETTINGS
@given(_moved())
def test_the_limits_worked_out_from_the_last_ones_equal_those_worked_out_from_nothing(
    pair: tuple[Season, Season],
) -> None:
    before, after = pair
    _, earlier = _limits_of(before)
    assert _limits_of(after, earlier)[0] == _limits_of(after)[0]


def test_moving_a_meet_works_out_again_only_the_days_it_reaches() -> None:
    demo = demo_season()
    meet = next(c for c in demo.competitions_for(ATHLETE) if c.priority is Priority.C)
    moved = edits.move_competition(demo, meet.id, meet.start + timedelta(days=1))
    limits, earlier = _limits_of(demo)
    again = _limits_of(moved, earlier)[0]
    reused = [i for i, (a, b) in enumerate(zip(limits, again, strict=True)) if a is b]
    assert len(reused) > len(limits) - 14
    assert again == _limits_of(moved)[0] != limits


def _shape_of(season: Season, earlier: _Shape | None = None) -> _Shape:
    """The athlete's shape of ``season``, worked out afresh (the shapes kept are left alone)."""
    athlete = season.athlete(ATHLETE)
    return _new_shape(season, athlete, season.competitions_for(ATHLETE), rule_book(), earlier)


@_SETTINGS
@given(_moved())
def test_the_weeks_shaped_from_the_last_shape_equal_those_shaped_from_nothing(pair: tuple[Season, Season]) -> None:
    before, after = pair
    earlier = _shape_of(before)
    assert _shape_of(after, earlier).weeks == _shape_of(after).weeks


def test_moving_a_meet_shapes_again_only_the_weeks_it_reaches() -> None:
    demo = demo_season()
    meet = next(c for c in demo.competitions_for(ATHLETE) if c.priority is Priority.C)
    moved = edits.move_competition(demo, meet.id, meet.start + timedelta(days=1))
    earlier = _shape_of(demo)
    again = _shape_of(moved, earlier)
    lent = [a is b for a, b in zip(earlier.weeks, again.weeks, strict=True)]
    assert 1 <= lent.count(False) <= 3  # the meet's week, and the week before it for its eves
    assert again.weeks == _shape_of(moved).weeks != earlier.weeks
    # Another week start shapes every week afresh.
    other_start = demo._replace(week_start=(demo.week_start + 1) % 7)
    assert not any(a is b for a, b in zip(earlier.weeks, _shape_of(other_start, earlier).weeks, strict=False))


def _championship(season: Season) -> str:
    return next(c.id for c in season.competitions if c.priority is Priority.A and not c.indoor)


def _drag(season: Season, competition_id: str, days: int) -> list[Season]:
    start = next(c.start for c in season.competitions if c.id == competition_id)
    return [edits.move_competition(season, competition_id, start + timedelta(days=n)) for n in range(1, days + 1)]


def test_a_drag_of_the_championship_gives_at_every_hover_the_plan_derived_from_nothing() -> None:
    demo = demo_season()
    moves = _drag(demo, _championship(demo), 10)
    forget()
    generate(demo, ATHLETE)
    warm = [generate(season, ATHLETE) for season in moves]
    assert [plan == _cold(season) for plan, season in zip(warm, moves, strict=True)] == [True] * len(moves)


def test_a_plan_resumed_from_weeks_its_last_plan_took_over_warns_as_one_from_nothing() -> None:
    """The week loop's warnings follow the timeline's, whose number an edit may change: a plan
    resumed early from a plan that itself took its first weeks over from a plan with one more
    timeline warning gave a loop warning twice."""
    demo = demo_season()
    # One hard day with lifting: the loop warns in every phase (rule frequency).
    one_day = (DayRhythm(TrackDay.HARD, True, True), *(DayRhythm(TrackDay.EASY, False, False) for _ in range(6)))
    athlete = demo.athlete(ATHLETE)._replace(rhythm=one_day)
    demo = demo._replace(athletes=(athlete, *demo.athletes[1:]))
    outdoor = next(c for c in demo.competitions_for(ATHLETE) if c.priority is Priority.A and not c.indoor)
    close = outdoor.start + timedelta(days=rule_book()["taper.shared"].whole("min_gap_days") - 3)
    # A second A close after the championship shares its taper (a timeline warning) ...
    twin = edits.add_competition(demo, name="Twin", start=close, end=close, priority=Priority.A, indoor=False,
                                 athletes=None)
    # ... and no longer once it moves away late in the season; then the winter changes.
    apart = edits.move_competition(twin, twin.competitions[-1].id, close + timedelta(days=6))
    first = min(demo.competitions_for(ATHLETE), key=lambda c: c.start)
    winter = edits.move_competition(apart, first.id, first.start + timedelta(days=1))
    timeline_warnings = [len(build_timeline(s, athlete, rule_book()).warnings) for s in (twin, apart, winter)]
    assert timeline_warnings == [1, 0, 0]
    forget()
    warm = [generate(season, ATHLETE) for season in (twin, apart, winter)]
    assert sum(w.rule_id == "frequency" for w in warm[-1].warnings) >= 3
    assert [_difference(plan, _cold(season)) for plan, season in zip(warm, (twin, apart, winter), strict=True)] == [
        None, None, None]


def test_a_move_late_in_the_season_keeps_the_days_and_weeks_before_it() -> None:
    demo = demo_season()
    before, after = _drag(demo, _championship(demo), 2)
    forget()
    earlier = generate(before, ATHLETE)
    plan = generate(after, ATHLETE)
    kept_days = next(i for i, (a, b) in enumerate(zip(earlier.days, plan.days, strict=True)) if a is not b)
    kept_weeks = next(i for i, (a, b) in enumerate(zip(earlier.weeks, plan.weeks, strict=True)) if a is not b)
    # The championship is in July: the winter and spring are the last plan's own days.
    assert plan.days[kept_days].date > date(2027, 4, 1)
    assert plan.weeks[kept_weeks].start > date(2027, 4, 1)
    assert plan != earlier


def test_the_same_document_again_gives_the_last_plan_s_days() -> None:
    demo = demo_season()
    forget()
    first = generate(demo, ATHLETE)
    again = generate(demo, ATHLETE)
    assert all(a is b for a, b in zip(first.days, again.days, strict=True))
    assert again == first


def test_a_coach_edit_early_in_the_season_derives_the_figures_again_from_that_day() -> None:
    demo = demo_season()
    forget()
    plan = generate(demo, ATHLETE)
    day = next(d for d in plan.days if any(s.kind is SessionKind.WEIGHTS for s in d.sessions))
    session = next(s for s in day.sessions if s.kind is SessionKind.WEIGHTS)
    emptied = edits.set_override(demo, athlete_id=ATHLETE, day=day.date, kind=session.kind, session=None,
                                 replaced=session)
    warm = generate(emptied, ATHLETE)
    index = plan.days.index(day)
    assert warm.days[index].sessions == tuple(s for s in day.sessions if s is not session)
    assert warm.days[index + 1].metrics.fitness < plan.days[index + 1].metrics.fitness
    assert warm == _cold(emptied)


def test_a_plan_s_checks_run_once_when_first_read() -> None:
    forget()
    plan = generate(demo_season(), ATHLETE)
    checks: object = plan.checks
    assert callable(checks)
    warnings = plan.warnings
    checks = plan.checks
    assert checks is warnings and plan.warnings is warnings
    assert all(isinstance(w, PlanWarning) for w in warnings) and warnings


def test_plans_compare_by_their_warnings_whether_read_or_not() -> None:
    forget()
    plan = generate(demo_season(), ATHLETE)
    forget()
    other = generate(demo_season(), ATHLETE)
    assert callable(plan.checks) and callable(other.checks)
    assert plan == other
    fewer = Plan(plan.athlete, plan.phases, plan.competitions, plan.days, plan.weeks, plan.warnings[1:], plan.held,
                 plan.proposals)
    assert fewer != plan
    assert dataclasses.replace(plan, held=(plan.days[0].date,)) != plan  # every other field counts too
