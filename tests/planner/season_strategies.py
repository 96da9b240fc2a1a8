"""Hypothesis strategies for seasons the engine plans: one athlete, ``ath-1``, and the shapes
of season a coach reported plans from (issue 12).

``random_seasons`` is the general draw the property tests have always used (any length from 8
to 70 weeks, up to 20 competitions anywhere). The others fix what the coaching review found
hard: weekly Saturday meets through the summer, 400 m hurdlers, beginners and juniors, 10-12
week seasons, two A competitions three weeks apart and a competition on the first day.
Every draw passes ``planner.document.validation.season_problems``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar
from uuid import UUID

from hypothesis import strategies as st

from planner.document.model import (
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
from planner.document.validation import season_problems

__all__ = [
    "beginner_and_junior_seasons",
    "first_day_meet_seasons",
    "hurdler_seasons",
    "random_athletes",
    "random_seasons",
    "short_seasons",
    "twin_a_seasons",
    "weekly_meet_seasons",
]

T = TypeVar("T")
ATHLETE_ID = "ath-1"
SATURDAY = 5

DAY_KINDS = st.sampled_from(
    [
        DayRhythm(TrackDay.HARD, True, True),
        DayRhythm(TrackDay.HARD, True, False),
        DayRhythm(TrackDay.HARD, False, True),
        DayRhythm(TrackDay.EASY, True, False),
        DayRhythm(TrackDay.EASY, False, False),
        DayRhythm(TrackDay.REST, False, False),
    ]
)


def _fixed(value: T | None, draw_from: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    return draw_from if value is None else st.just(value)


@st.composite
def random_athletes(
    draw: st.DrawFn,
    first_day: date,
    *,
    event: Event | None = None,
    level: Level | None = None,
    junior: bool | None = None,
) -> Athlete:
    """An athlete with back-squat and power-clean maxes from before the season, any rhythm."""
    is_junior = draw(_fixed(junior, st.booleans()))
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
    equipment = Equipment(20.0, 2.5, 2.0) if units is Units.KG else Equipment(45.0, 5.0, 5.0)
    if is_junior and units is Units.KG:
        equipment = Equipment(15.0, 1.25, 1.0)
    substitutions = (("power_clean", "hang_clean"),) if draw(st.booleans()) else ()
    return Athlete(
        id=ATHLETE_ID,
        name="Ødegård Ł.",
        event=draw(_fixed(event, st.sampled_from(list(Event)))),
        sex=draw(st.sampled_from(list(Sex))),
        level=draw(_fixed(level, st.sampled_from(list(Level)))),
        junior=is_junior,
        body_mass=round(units.from_kg(draw(st.floats(45, 95))), 1),
        units=units,
        birth_date=date(first_day.year - (16 if is_junior else 24), 3, 1),
        equipment=equipment,
        maxes=maxes,
        substitutions=substitutions,
        rhythm=tuple(draw(st.lists(DAY_KINDS, min_size=7, max_size=7))),
        priming=draw(st.booleans()),
    )


def _season(first_day: date, last_day: date, week_start: int, athlete: Athlete,
            competitions: list[Competition]) -> Season:
    season = Season(
        id=UUID(int=1),
        name="Random season",
        first_day=first_day,
        last_day=last_day,
        week_start=week_start,
        athletes=(athlete,),
        competitions=tuple(competitions),
        next_athlete_number=2,
        next_competition_number=max((int(c.id.rsplit("-", 1)[1]) for c in competitions), default=0) + 1,
    )
    problems = season_problems(season)
    assert problems == [], problems
    return season


def _meet(number: int, start: date, priority: Priority, *, days: int = 1, indoor: bool = False,
          name: str | None = None) -> Competition:
    return Competition(
        id=f"comp-{number}",
        name=name or f"Meet {number}",
        start=start,
        end=start + timedelta(days=days - 1),
        priority=priority,
        indoor=indoor,
    )


@st.composite
def random_seasons(
    draw: st.DrawFn,
    *,
    min_weeks: int = 8,
    max_weeks: int = 70,
    event: Event | None = None,
    level: Level | None = None,
    junior: bool | None = None,
) -> Season:
    """Any length, up to 20 competitions anywhere (often on the first or last day), sometimes
    two A competitions a week apart."""
    first_day = draw(st.dates(date(2023, 1, 1), date(2031, 12, 31)))
    weeks = draw(st.integers(min_weeks, max_weeks))
    last_day = first_day + timedelta(days=weeks * 7 - 1 - draw(st.integers(0, 6)))
    athlete = draw(random_athletes(first_day, event=event, level=level, junior=junior))
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
                athletes=draw(st.sampled_from([None, (ATHLETE_ID,), ()])),
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
    return _season(first_day, last_day, draw(st.integers(0, 6)), athlete, competitions)


def hurdler_seasons() -> st.SearchStrategy[Season]:
    """Random seasons of a 400 m hurdler."""
    return random_seasons(event=Event.HURDLES_400)


def beginner_and_junior_seasons() -> st.SearchStrategy[Season]:
    """Random seasons of a beginner (junior or senior) or a junior of any level."""
    return st.one_of(random_seasons(level=Level.BEGINNER), random_seasons(junior=True))


@st.composite
def _planned_season(draw: st.DrawFn, weeks: int) -> tuple[date, date, Athlete]:
    first_day = draw(st.dates(date(2024, 1, 1), date(2030, 12, 31)))
    last_day = first_day + timedelta(days=weeks * 7 - 1)
    return first_day, last_day, draw(random_athletes(first_day))


@st.composite
def weekly_meet_seasons(draw: st.DrawFn) -> Season:
    """A 40-52 week season with a race every Saturday from its last 12-20 weeks on (a B or a
    C, one of them the A), as in a summer of weekly meets from May to August."""
    first_day, last_day, athlete = draw(_planned_season(draw(st.integers(40, 52))))
    first_saturday = first_day + timedelta(days=(SATURDAY - first_day.weekday()) % 7)
    saturdays = []
    day = last_day - timedelta(days=(last_day.weekday() - SATURDAY) % 7)
    day -= timedelta(weeks=draw(st.integers(0, 3)))
    for _ in range(draw(st.integers(12, 20))):
        if day < first_saturday:
            break
        saturdays.append(day)
        day -= timedelta(weeks=1)
    saturdays.reverse()
    a_index = draw(st.integers(len(saturdays) // 2, len(saturdays) - 1))
    competitions = [
        _meet(n + 1, start, Priority.A if n == a_index else draw(st.sampled_from([Priority.B, Priority.C])))
        for n, start in enumerate(saturdays)
    ]
    return _season(first_day, last_day, draw(st.integers(0, 6)), athlete, competitions)


@st.composite
def short_seasons(draw: st.DrawFn) -> Season:
    """A 10-12 week season ending a few days to three weeks after its A, with a B or a C or
    two before it."""
    first_day, last_day, athlete = draw(_planned_season(draw(st.integers(10, 12))))
    a_start = last_day - timedelta(days=draw(st.integers(2, 21)))
    days = min(draw(st.integers(1, 3)), (last_day - a_start).days + 1)
    competitions = [_meet(1, a_start, Priority.A, days=days, name="Short-season A")]
    for n in range(draw(st.integers(0, 2))):
        start = first_day + timedelta(days=draw(st.integers(21, (a_start - first_day).days - 7)) + 7 * n)
        if start < a_start - timedelta(days=3):
            competitions.append(_meet(n + 2, start, draw(st.sampled_from([Priority.B, Priority.C]))))
    competitions = _apart(competitions)
    return _season(first_day, last_day, draw(st.integers(0, 6)), athlete, competitions)


def _apart(competitions: list[Competition]) -> list[Competition]:
    """Drops competitions that would share a day with an earlier one in the list."""
    kept: list[Competition] = []
    for comp in competitions:
        if not any(comp.start <= other.end and other.start <= comp.end for other in kept):
            kept.append(comp)
    return kept


@st.composite
def twin_a_seasons(draw: st.DrawFn) -> Season:
    """Two A competitions three weeks apart at the end of a 30-50 week season, with B and C
    meets before them."""
    first_day, last_day, athlete = draw(_planned_season(draw(st.integers(30, 50))))
    second = last_day - timedelta(days=draw(st.integers(3, 35)))
    first = second - timedelta(weeks=3)
    competitions = [_meet(1, first, Priority.A, name="First A"), _meet(2, second, Priority.A, name="Second A")]
    for n in range(draw(st.integers(0, 4))):
        start = first - timedelta(days=draw(st.integers(4, 120)))
        if start > first_day:
            competitions.append(_meet(n + 3, start, draw(st.sampled_from([Priority.B, Priority.C]))))
    return _season(first_day, last_day, draw(st.integers(0, 6)), athlete, _apart(competitions))


@st.composite
def first_day_meet_seasons(draw: st.DrawFn) -> Season:
    """A 16-50 week season with a competition (any priority, one to three days) on its first
    day and an A near its end."""
    first_day, last_day, athlete = draw(_planned_season(draw(st.integers(16, 50))))
    opener = _meet(1, first_day, draw(st.sampled_from(list(Priority))), days=draw(st.integers(1, 3)),
                   indoor=draw(st.booleans()), name="Opener")
    a_start = last_day - timedelta(days=draw(st.integers(3, 42)))
    return _season(first_day, last_day, draw(st.integers(0, 6)), athlete,
                   _apart([opener, _meet(2, a_start, Priority.A, name="Championships")]))
