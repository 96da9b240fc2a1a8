"""Small season builders and plan look-ups for the example-based engine tests.

Every builder returns a document that passes ``planner.document.validation.season_problems``, so a
test fails on the rule it is about rather than on a malformed season. Plans are cached per
(season, athlete): seasons are frozen values, and the engine is pure.

Dates: the default season runs Monday 2026-10-05 to Sunday 2027-09-05 like the demo; the
default A competition is a three-day National Championships from Friday 2027-07-23.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from functools import cache
from uuid import UUID

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import Phase as Stage

from planner.document.edits import EditError
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
    default_rhythm,
)
from planner.document.sessions import Item, PlyoIntensity, Session, SessionKind
from planner.document.validation import season_problems
from planner.engine.generator import forget, generate
from planner.engine.plan import Day, Phase, PhaseKind, Plan

__all__ = [
    "ALL_HARD",
    "EASY",
    "EASY_LIFT",
    "FIRST_DAY",
    "HARD",
    "HARD_NO_LIFT",
    "LAST_DAY",
    "NATIONALS_START",
    "REST",
    "athlete",
    "competition",
    "d_minus",
    "d_plus",
    "heavy_items",
    "items",
    "nationals",
    "phases_of",
    "plan_for",
    "plyo_level",
    "plyo_on",
    "season",
    "sessions",
    "weeks_of_phase",
    "weights_on",
]

FIRST_DAY = date(2026, 10, 5)  # a Monday
LAST_DAY = date(2027, 9, 5)  # a Sunday
NATIONALS_START = date(2027, 7, 23)  # a Friday

HARD = DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True)
HARD_NO_LIFT = DayRhythm(TrackDay.HARD, lifting=False, plyometrics=True)
EASY = DayRhythm(TrackDay.EASY, lifting=False, plyometrics=False)
EASY_LIFT = DayRhythm(TrackDay.EASY, lifting=True, plyometrics=False)
REST = DayRhythm(TrackDay.REST, lifting=False, plyometrics=False)
# Every day a hard track day with lifting and plyometrics: the engine may use any day, so the
# proximity rules (not the rhythm) are what keeps sessions off the restricted days.
ALL_HARD: tuple[DayRhythm, ...] = (HARD,) * 7

_HEAVY_PCT = 85.0
_PLYO_LEVEL = {PlyoIntensity.LOW: 1, PlyoIntensity.MODERATE: 2, PlyoIntensity.HIGH: 3}


def athlete(
    athlete_id: str = "ath-1",
    *,
    name: str = "Test Athlete",
    event: Event = Event.FLAT_400,
    sex: Sex = Sex.MALE,
    level: Level = Level.ADVANCED,
    junior: bool = False,
    body_mass: float = 75.0,
    units: Units = Units.KG,
    equipment: Equipment | None = None,
    squat: float = 150.0,
    clean: float = 100.0,
    max_date: date = date(2026, 9, 28),
    tested: bool = True,
    maxes: Iterable[MaxEntry] | None = None,
    rhythm: Iterable[DayRhythm] | None = None,
    priming: bool = False,
    birth_date: date | None = None,
) -> Athlete:
    """An athlete with a back-squat and a power-clean max tested a week before the season."""
    if equipment is None:
        equipment = Equipment() if units is Units.KG else Equipment(bar_mass=45.0, increment=5.0, dumbbell_step=5.0)
    if maxes is None:
        maxes = (
            MaxEntry("back_squat", max_date, squat, tested),
            MaxEntry("power_clean", max_date, clean, tested),
        )
    if birth_date is None:
        birth_date = date(2010, 1, 1) if junior else date(1998, 1, 1)
    return Athlete(
        id=athlete_id,
        name=name,
        event=event,
        sex=sex,
        level=level,
        junior=junior,
        body_mass=body_mass,
        units=units,
        birth_date=birth_date,
        equipment=equipment,
        maxes=tuple(maxes),
        rhythm=default_rhythm() if rhythm is None else tuple(rhythm),
        priming=priming,
    )


def competition(
    number: int,
    start: date,
    priority: Priority | str,
    *,
    name: str | None = None,
    indoor: bool = False,
    days: int = 1,
    athletes: tuple[str, ...] | None = None,
) -> Competition:
    """Competition ``comp-<number>`` lasting ``days`` days from ``start``."""
    priority = Priority(priority)
    return Competition(
        id=f"comp-{number}",
        name=name or f"Meeting {number} ({priority.value})",
        start=start,
        end=start + timedelta(days=days - 1),
        priority=priority,
        indoor=indoor,
        athletes=athletes,
    )


def nationals(number: int = 1, *, athletes: tuple[str, ...] | None = None) -> Competition:
    """The outdoor A: National Championships, Friday 2027-07-23 to Sunday 2027-07-25."""
    return competition(number, NATIONALS_START, Priority.A, name="National Championships", days=3,
                       athletes=athletes)


def _number(item_id: str) -> int:
    return int(item_id.rsplit("-", 1)[1])


def season(
    *,
    athletes: Iterable[Athlete] | None = None,
    competitions: Iterable[Competition] = (),
    first_day: date = FIRST_DAY,
    last_day: date = LAST_DAY,
) -> Season:
    """A valid season document (validation problems fail the test that builds it)."""
    squad = tuple(athletes) if athletes is not None else (athlete(),)
    comps = tuple(competitions)
    result = Season(
        id=UUID(int=7),
        name="Test season",
        first_day=first_day,
        last_day=last_day,
        week_start=0,
        athletes=squad,
        competitions=comps,
        next_athlete_number=max((_number(a.id) for a in squad), default=0) + 1,
        next_competition_number=max((_number(c.id) for c in comps), default=0) + 1,
    )
    problems = season_problems(result)
    assert not problems, problems
    return result


@cache
def plan_for(document: Season, athlete_id: str = "ath-1") -> Plan:
    return generate(document, athlete_id)


# ---------------------------------------------------------------------------------------------
# Looking things up in a plan


def plan_from_nothing(document: Season, athlete_id: str = "ath-1") -> Plan:
    """The plan with every cache of earlier plans dropped first: what warm plans must equal."""
    forget()
    return generate(document, athlete_id)


# Properties over runs of edits: slow examples, and failures worth replaying first.
EDIT_RUNS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=(Stage.explicit, Stage.reuse, Stage.generate),
)


def d_minus(comp: Competition, n: int) -> date:
    """D-n: n days before the competition's first day."""
    return comp.start - timedelta(days=n)


def d_plus(comp: Competition, n: int) -> date:
    """D+n: n days after the competition's last day."""
    return comp.end + timedelta(days=n)


def sessions(plan: Plan, day: date, kind: SessionKind | None = None) -> tuple[Session, ...]:
    found = plan.day(day)
    assert found is not None, f"{day} is outside the plan"
    return tuple(s for s in found.sessions if kind is None or s.kind is kind)


def weights_on(plan: Plan, day: date) -> Session | None:
    return next(iter(sessions(plan, day, SessionKind.WEIGHTS)), None)


def plyo_on(plan: Plan, day: date) -> Session | None:
    return next(iter(sessions(plan, day, SessionKind.PLYOMETRICS)), None)


def items(plan: Plan, exercise_id: str | None = None) -> Iterator[tuple[Day, Session, Item]]:
    """Every item of the plan (of one exercise), with its day and session."""
    for day in plan.days:
        for session in day.sessions:
            for item in session.items:
                if exercise_id is None or item.exercise_id == exercise_id:
                    yield day, session, item


def heavy_items(session: Session) -> list[Item]:
    """Lower-body items at 85 % of a max or more (what the proximity rules call heavy)."""
    return [i for i in session.items if i.lower_body and (i.percent_max or 0) >= _HEAVY_PCT]


def plyo_level(session: Session) -> int:
    """Highest plyometric intensity in a session: 0 none, 1 low, 2 moderate, 3 high."""
    return max((_PLYO_LEVEL[i.intensity] for i in session.items if i.intensity is not None), default=0)


def phases_of(plan: Plan, kind: PhaseKind) -> list[Phase]:
    return [p for p in plan.phases if p.kind is kind]


def weeks_of_phase(plan: Plan, phase: Phase) -> list[list[Day]]:
    """The Monday-to-Sunday weeks of a phase (the first and last may be partial)."""
    result: list[list[Day]] = []
    day = phase.start
    while day <= phase.end:
        found = plan.day(day)
        assert found is not None
        if not result or day.weekday() == 0:
            result.append([])
        result[-1].append(found)
        day += timedelta(days=1)
    return result


# ---------------------------------------------------------------------------------------------
# Applying edits


def pure(edit: Callable[[Season], Season], before: Season) -> Season:
    """Apply ``edit`` and check it kept its input, and that its result is a valid season."""
    snapshot = copy.deepcopy(before)
    after = edit(before)
    assert before == snapshot
    assert season_problems(after) == []
    return after


def refused(edit: Callable[[Season], Season], before: Season) -> str:
    """Apply an edit that must fail; the input stays as it was; returns the message."""
    snapshot = copy.deepcopy(before)
    with pytest.raises(EditError) as caught:
        edit(before)
    assert before == snapshot
    return str(caught.value)
