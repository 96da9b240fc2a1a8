"""The season document: everything a coach enters for one season.

The document is an immutable value. Edits (``planner.document.edits``) return a new document, so an
undo step can hold the document before and after a change, and the plan is always derived
from the document by ``planner.generate``; nothing derived is stored here except what the
coach decided to keep (overrides and locked weeks) and the planned session a record of what
was done keeps beside it (``planner.document.records``).

Loads, maxes and equipment are stored in the athlete's own units (kg or lb).

Every record of the document is a named tuple (a copy with changes is ``_replace``): the window
makes all these classes before its first paint, and as frozen dataclasses, which compile six
generated methods each, they took about 10 ms of it (as named tuples, about 2 ms).
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple
from uuid import UUID

from planner.document.sessions import Session, SessionKind

if TYPE_CHECKING:
    # records.py builds on this module (a record's loads are in an athlete's Units).
    from planner.document.records import SessionRecord

SCHEMA_VERSION = 5
# Records below have fields named ``date``; annotations inside them use this alias.
Day = date
LB_PER_KG = 2.2046226218


class Event(StrEnum):
    FLAT_400 = "400m"
    HURDLES_400 = "400mH"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Units(StrEnum):
    KG = "kg"
    LB = "lb"

    def to_kg(self, value: float) -> float:
        return value if self is Units.KG else value / LB_PER_KG

    def from_kg(self, value_kg: float) -> float:
        return value_kg if self is Units.KG else value_kg * LB_PER_KG


def in_units(value: float, typed: Units, wanted: Units) -> float:
    """``value`` typed in ``typed`` units, in ``wanted`` units: the same mass, to 0.1 as a
    typed value is (``value`` itself when the units are the same)."""
    if typed is wanted:
        return value
    return round(wanted.from_kg(typed.to_kg(value)), 1)


class TrackDay(StrEnum):
    HARD = "hard"
    EASY = "easy"
    REST = "rest"


class Priority(StrEnum):
    A = "A"
    B = "B"
    C = "C"


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Equipment(NamedTuple):
    """What the athlete's gym has, in the athlete's units."""

    bar_mass: float = 20.0
    increment: float = 2.5
    dumbbell_step: float = 2.0


class MaxEntry(NamedTuple):
    """A training max for one main lift on one date; ``tested`` is False for estimates.

    ``from_reps`` is the rep max a tested value was worked out from (a 3-rep max in a test
    session gives an estimated single by the rule book's formula); None for a single lifted
    or a max typed in. Such a max is as fresh as a single for the heavy sets: it was tested.
    """

    lift: str
    date: date
    value: float
    tested: bool = True
    from_reps: int | None = None


class DayRhythm(NamedTuple):
    """One weekday of the athlete's usual week."""

    track: TrackDay
    lifting: bool
    plyometrics: bool


def days_from(first: date, last: date) -> tuple[date, ...]:
    """Every day from ``first`` to ``last``, both included."""
    return tuple(first + timedelta(days=n) for n in range((last - first).days + 1))


def default_rhythm() -> tuple[DayRhythm, ...]:
    """A common 400 m week: hard track days Tue, Thu, Sat; easy Mon, Fri; rest Wed, Sun."""
    hard = DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True)
    easy = DayRhythm(TrackDay.EASY, lifting=True, plyometrics=False)
    rest = DayRhythm(TrackDay.REST, lifting=False, plyometrics=False)
    return (easy, hard, rest, hard, easy, hard, rest)


class Athlete(NamedTuple):
    id: str
    name: str
    event: Event
    sex: Sex
    level: Level
    junior: bool
    body_mass: float
    units: Units = Units.KG
    birth_date: date | None = None
    equipment: Equipment = Equipment()
    maxes: tuple[MaxEntry, ...] = ()
    # (original exercise id, substitute exercise id) pairs, e.g. ("power_clean", "hang_clean").
    substitutions: tuple[tuple[str, str], ...] = ()
    # Monday first, seven entries, whatever the season's first day of the week.
    rhythm: tuple[DayRhythm, ...] = default_rhythm()
    priming: bool = False

    @property
    def novice(self) -> bool:
        """A junior or a beginner: the rules give them fewer sessions and gentler jumps."""
        return self.junior or self.level is Level.BEGINNER

    def substitute_for(self, exercise_id: str) -> str:
        for original, substitute in self.substitutions:
            if original == exercise_id:
                return substitute
        return exercise_id

    def max_on(self, lift: str, day: date) -> MaxEntry | None:
        """The latest max for ``lift`` recorded on or before ``day``."""
        best: MaxEntry | None = None
        for entry in self.maxes:
            if entry.lift == lift and entry.date <= day and (best is None or entry.date >= best.date):
                best = entry
        return best

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


class Competition(NamedTuple):
    """A competition; ``athletes`` is None when every athlete of the squad is entered."""

    id: str
    name: str
    start: date
    end: date
    priority: Priority
    indoor: bool
    athletes: tuple[str, ...] | None = None

    def enters(self, athlete_id: str) -> bool:
        return self.athletes is None or athlete_id in self.athletes

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> tuple[date, ...]:
        """The competition's days, first to last."""
        return days_from(self.start, self.end)

    def clashes_with(self, other: "Competition") -> bool:
        """True when the two share a day and at least one athlete is entered in both.

        Meets on the same days for different athletes are fine; one athlete cannot race two.
        """
        if other.id == self.id or other.end < self.start or self.end < other.start:
            return False
        if self.athletes is None or other.athletes is None:
            return True
        return not set(self.athletes).isdisjoint(other.athletes)


class Override(NamedTuple):
    """The coach's version of one session, keyed by athlete, date and session kind.

    ``session`` None means the coach removed that day's session; ``replaced`` None means the
    coach added a session where the engine had none.
    """

    athlete_id: str
    date: date
    kind: SessionKind
    session: Session | None
    replaced: Session | None

    @property
    def key(self) -> tuple[str, Day, SessionKind]:
        return (self.athlete_id, self.date, self.kind)


class LockedWeek(NamedTuple):
    """A week the coach froze: the engine shows the snapshot instead of re-planning it."""

    athlete_id: str
    week_start: date
    sessions: tuple[Session, ...]


class FrozenSpan(NamedTuple):
    """Days ``first`` to ``last`` of one athlete, kept as they were prescribed.

    Once a day is past (or something is recorded on it) its prescription is written here
    and never derived again, so moving a competition or changing a max changes only the days
    still to come. ``sessions`` are the sessions of those days (a day without one was a day
    off); spans of one athlete never overlap.
    """

    athlete_id: str
    first: date
    last: date
    sessions: tuple[Session, ...] = ()

    def covers(self, day: Day) -> bool:
        return self.first <= day <= self.last

    def days(self) -> tuple[Day, ...]:
        """The days kept, first to last."""
        return days_from(self.first, self.last)


class DismissedProposal(NamedTuple):
    """A proposed max the coach turned down: the same lift, day and value is not proposed again."""

    athlete_id: str
    lift: str
    date: date
    value: float


class Note(NamedTuple):
    text: str
    date: Day | None = None
    athlete_id: str | None = None


class Season(NamedTuple):
    id: UUID
    name: str
    first_day: date
    last_day: date
    week_start: int = 0  # 0 = Monday ... 6 = Sunday
    athletes: tuple[Athlete, ...] = ()
    competitions: tuple[Competition, ...] = ()
    overrides: tuple[Override, ...] = ()
    locked_weeks: tuple[LockedWeek, ...] = ()
    notes: tuple[Note, ...] = ()
    # What was done in past sessions, at most one record per athlete, day and session kind.
    records: tuple["SessionRecord", ...] = ()
    # The prescriptions of past days, as they were (see FrozenSpan).
    frozen: tuple[FrozenSpan, ...] = ()
    # Max proposals the coach turned down.
    dismissed: tuple[DismissedProposal, ...] = ()
    # Counters that make ids unique for the life of the document, even after removals.
    next_athlete_number: int = 1
    next_competition_number: int = 1

    def athlete(self, athlete_id: str) -> Athlete:
        for athlete in self.athletes:
            if athlete.id == athlete_id:
                return athlete
        raise KeyError(athlete_id)

    def find_athlete(self, athlete_id: str) -> Athlete | None:
        return next((a for a in self.athletes if a.id == athlete_id), None)

    def competition(self, competition_id: str) -> Competition:
        for competition in self.competitions:
            if competition.id == competition_id:
                return competition
        raise KeyError(competition_id)

    def find_competition(self, competition_id: str) -> Competition | None:
        return next((c for c in self.competitions if c.id == competition_id), None)

    def clashing_competition(self, competition: Competition) -> Competition | None:
        """The first other competition that ``competition`` would clash with, if any."""
        return next((c for c in self.competitions if competition.clashes_with(c)), None)

    def find_override(self, key: tuple[str, Day, SessionKind]) -> Override | None:
        """The coach's session for (athlete id, date, kind), if there is one."""
        return next((o for o in self.overrides if o.key == key), None)

    def find_record(self, key: tuple[str, Day, SessionKind]) -> "SessionRecord | None":
        """What was recorded for (athlete id, date, kind), if anything."""
        return next((r for r in self.records if r.key == key), None)

    def frozen_spans(self, athlete_id: str) -> tuple[FrozenSpan, ...]:
        """The athlete's frozen spans, earliest first."""
        return tuple(sorted((f for f in self.frozen if f.athlete_id == athlete_id), key=lambda f: f.first))

    def competitions_for(self, athlete_id: str) -> tuple[Competition, ...]:
        entered = (c for c in self.competitions if c.enters(athlete_id))
        return tuple(sorted(entered, key=lambda c: (c.start, c.end, c.id)))

    def week_of(self, day: date) -> date:
        """The first day of the week (by the season's first weekday) that contains ``day``."""
        return day - timedelta(days=(day.weekday() - self.week_start) % 7)

    @property
    def first_week_start(self) -> date:
        return self.week_of(self.first_day)

    def week_number(self, day: date) -> int:
        """Weeks numbered from 1 at the week that holds the season's first day."""
        return (self.week_of(day) - self.first_week_start).days // 7 + 1

    @property
    def week_count(self) -> int:
        return self.week_number(self.last_day)

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day
