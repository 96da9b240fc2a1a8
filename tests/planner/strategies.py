"""Hypothesis strategies for valid season documents.

``seasons()`` draws ``Season`` values that pass both the JSON schema and
``planner.document.validation.season_problems``, so any test may save, load or edit them.
``seasons_with_records()`` draws the same seasons with records of what was done added (the
records are drawn after everything else, so ``seasons()`` draws exactly what it always did). Names and
notes mix in non-Latin text, floats are arbitrary (not only round numbers) and lb athletes
appear beside kg ones, because those are where a file format loses information.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from hypothesis import strategies as st

from planner.document.catalogue import catalogue, lifts_with_maxes
from planner.document.limits import MAX_DONE_DISTANCE_M, MAX_DONE_LOAD_KG, MAX_DONE_REPS, MAX_RECORD_MINUTES
from planner.document.model import (
    Athlete,
    Competition,
    DayRhythm,
    Equipment,
    Event,
    Level,
    LockedWeek,
    MaxEntry,
    Note,
    Override,
    Priority,
    Season,
    Sex,
    TrackDay,
    Units,
)
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind

__all__ = ["ANY_TEXT", "NAMES", "items", "records", "seasons", "seasons_with_records", "sessions"]


# Any str, lone surrogates included (st.text leaves them out), with the troublesome
# characters drawn often.
ANY_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            ["\ud800", "\udfff", "\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\u2028", ",", ";", "\\", '"', "="]
        ),
        st.characters(exclude_categories=()),
    ),
    max_size=30,
).map("".join)

NAMES = (
    "Łukasz Żółć",
    "Ørjan Håland",
    "Zoë Brontë",
    "Αλέξανδρος Παπαδόπουλος",
    "Дмитрий Иванов",
    "Siobhán Ní Bhriain",
    "José Núñez",
    "Thử Nghiệm",
)
# Lifts a max can be recorded for, and the catalogue's allowed substitutions.
LIFTS = lifts_with_maxes()
SUBSTITUTIONS = tuple((e.id, sub) for e in catalogue().values() for sub in e.substitutes)

# Ranges in the athlete's own units, kept inside planner.document.validation's kg bounds for both units.
_RANGES = {
    Units.KG: {
        "body": (30.0, 190.0),
        "max": (10.0, 400.0),
        "bar": (0.0, 30.0),
        "step": (0.25, 10.0),
    },
    Units.LB: {
        "body": (60.0, 430.0),
        "max": (23.0, 880.0),
        "bar": (0.0, 66.0),
        "step": (0.6, 22.0),
    },
}
_SEASON_START = (date(2000, 1, 1), date(2090, 12, 31))
# Any character a name or note may hold: everything but control characters (line breaks
# are drawn for notes only) and lone surrogates, which planner.document.limits refuses.
_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs"))


def _text(min_size: int = 0, max_size: int = 20) -> st.SearchStrategy[str]:
    return st.text(_CHARACTERS, min_size=min_size, max_size=max_size)


def _floats(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


def _short_text(min_size: int = 0) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(NAMES), _text(min_size=min_size))


def _note_text() -> st.SearchStrategy[str]:
    # Notes, unlike names, may run over several lines and hold tabs.
    lines = st.lists(_text(max_size=12), min_size=1, max_size=3).map("\n".join)
    return st.one_of(_short_text(), lines, st.just("Split:\t3 x 200 m\nthen 2 x 300 m"))


def _name() -> st.SearchStrategy[str]:
    return _short_text(min_size=1).filter(lambda text: bool(text.strip()))


def _dates(low: date, high: date) -> st.SearchStrategy[date]:
    return st.dates(min_value=low, max_value=high)


def _optional(strategy: st.SearchStrategy[float]) -> st.SearchStrategy[float | None]:
    return st.none() | strategy


def items() -> st.SearchStrategy[Item]:
    """Schema-valid exercise prescriptions (not necessarily ones the engine would write)."""
    positive = _floats(0.5, 500.0)
    return st.builds(
        Item,
        exercise_id=st.sampled_from((*LIFTS, "box_jump", "bounds")),
        name=_short_text(),
        category=st.sampled_from(Category),
        lower_body=st.booleans(),
        sets=st.integers(1, 10),
        reps=st.integers(1, 20),
        reps_in_reserve=st.none() | st.integers(0, 5),
        percent_max=_optional(_floats(30.0, 100.0)),
        max_value=_optional(positive),
        load=_optional(_floats(0.0, 500.0)),
        unit=st.sampled_from(("kg", "lb")),
        load_kg=_optional(_floats(0.0, 500.0)),
        plates_per_side=st.lists(positive, max_size=4).map(tuple),
        below_bar=_optional(positive),
        per_hand=_optional(positive),
        fractional_per_side=_floats(0.0, 5.0),
        rest_s=st.integers(0, 600),
        intent=st.sampled_from(Intent),
        distance_m=_optional(positive),
        contacts=st.integers(0, 200),
        intensity=st.none() | st.sampled_from(PlyoIntensity),
        note=_short_text(),
        rule_ids=st.lists(_text(max_size=6), max_size=3).map(tuple),
        edited=st.booleans(),
    )


def sessions(day: date, kind: SessionKind) -> st.SearchStrategy[Session]:
    """Schema-valid sessions on ``day`` of ``kind``."""
    return st.builds(
        Session,
        id=_text(min_size=1, max_size=12),
        date=st.just(day),
        kind=st.just(kind),
        title=_short_text(),
        items=st.lists(items(), max_size=2).map(tuple),
        heavy=st.booleans(),
        minutes=st.integers(1, 180),
        effort=_floats(0.0, 10.0),
        tags=st.lists(_text(max_size=8), max_size=2).map(tuple),
        rule_ids=st.lists(_text(max_size=6), max_size=2).map(tuple),
        reason=_short_text(),
        edited=st.booleans(),
        notes=st.lists(_short_text(), max_size=2).map(tuple),
    )


@st.composite
def _athlete(draw: st.DrawFn, athlete_id: str) -> Athlete:
    units = draw(st.sampled_from(Units))
    ranges = _RANGES[units]
    max_keys = draw(
        st.lists(
            st.tuples(st.sampled_from(LIFTS), _dates(date(1990, 1, 1), date(2095, 12, 31))),
            max_size=5,
            unique=True,
        )
    )
    maxes = tuple(
        MaxEntry(lift, day, draw(_floats(*ranges["max"])), draw(st.booleans()))
        for lift, day in max_keys
    )
    chosen = draw(st.lists(st.sampled_from(SUBSTITUTIONS), max_size=3, unique_by=lambda pair: pair[0]))
    substitutions = tuple(chosen)
    day_rhythm = st.builds(DayRhythm, st.sampled_from(TrackDay), st.booleans(), st.booleans())
    return Athlete(
        id=athlete_id,
        name=draw(_name()),
        event=draw(st.sampled_from(Event)),
        sex=draw(st.sampled_from(Sex)),
        level=draw(st.sampled_from(Level)),
        junior=draw(st.booleans()),
        body_mass=draw(_floats(*ranges["body"])),
        units=units,
        birth_date=draw(st.none() | _dates(date(1900, 1, 1), date(2080, 12, 31))),
        equipment=Equipment(
            bar_mass=draw(_floats(*ranges["bar"])),
            increment=draw(_floats(*ranges["step"])),
            dumbbell_step=draw(_floats(*ranges["step"])),
        ),
        maxes=maxes,
        substitutions=substitutions,
        rhythm=tuple(draw(st.lists(day_rhythm, min_size=7, max_size=7))),
        priming=draw(st.booleans()),
    )


@st.composite
def _competition(
    draw: st.DrawFn, competition_id: str, first: date, last: date, athlete_ids: list[str]
) -> Competition:
    start = draw(_dates(first, last))
    end = start + timedelta(days=draw(st.integers(0, min(13, (last - start).days))))
    entered: st.SearchStrategy[tuple[str, ...]] = (
        st.lists(st.sampled_from(athlete_ids), unique=True).map(tuple)
        if athlete_ids
        else st.just(())
    )
    return Competition(
        id=competition_id,
        name=draw(_name()),
        start=start,
        end=end,
        priority=draw(st.sampled_from(Priority)),
        indoor=draw(st.booleans()),
        athletes=draw(st.none() | entered),
    )


@st.composite
def _numbered_ids(draw: st.DrawFn, prefix: str, max_size: int) -> tuple[list[str], int]:
    """Unique ``prefix-N`` ids (with gaps, as after removals) and a next number above them."""
    numbers = draw(st.lists(st.integers(1, 40), max_size=max_size, unique=True))
    next_number = max(numbers, default=0) + 1 + draw(st.integers(0, 3))
    return [f"{prefix}-{number}" for number in numbers], next_number


@st.composite
def _overrides(
    draw: st.DrawFn, first: date, last: date, athlete_ids: list[str]
) -> tuple[Override, ...]:
    if not athlete_ids:
        return ()
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(athlete_ids), _dates(first, last), st.sampled_from(SessionKind)
            ),
            max_size=2,
            unique=True,
        )
    )
    return tuple(
        Override(
            athlete_id=athlete_id,
            date=day,
            kind=kind,
            session=draw(st.none() | sessions(day, kind)),
            replaced=draw(st.none() | sessions(day, kind)),
        )
        for athlete_id, day, kind in keys
    )


@st.composite
def _locked_weeks(
    draw: st.DrawFn, season: Season, athlete_ids: list[str]
) -> tuple[LockedWeek, ...]:
    if not athlete_ids:
        return ()
    weeks = st.integers(0, season.week_count - 1).map(
        lambda n: season.first_week_start + timedelta(weeks=n)
    )
    keys = draw(st.lists(st.tuples(st.sampled_from(athlete_ids), weeks), max_size=2, unique=True))
    locked = []
    for athlete_id, week_start in keys:
        offsets = draw(st.lists(st.integers(0, 6), max_size=2))
        week_sessions = tuple(
            draw(sessions(week_start + timedelta(days=offset), draw(st.sampled_from(SessionKind))))
            for offset in offsets
        )
        locked.append(LockedWeek(athlete_id, week_start, week_sessions))
    return tuple(locked)


@st.composite
def _seasons(draw: st.DrawFn) -> Season:
    first = draw(_dates(*_SEASON_START))
    last = first + timedelta(days=draw(st.integers(0, 2 * 366)))
    athlete_ids, next_athlete = draw(_numbered_ids("ath", 4))
    competition_ids, next_competition = draw(_numbered_ids("comp", 8))
    skeleton = Season(
        id=UUID(int=draw(st.integers(0, 2**128 - 1))),
        name=draw(_name()),
        first_day=first,
        last_day=last,
        week_start=draw(st.integers(0, 6)),
        next_athlete_number=next_athlete,
        next_competition_number=next_competition,
    )
    notes = st.builds(
        Note,
        text=_note_text(),
        date=st.none() | _dates(date(1990, 1, 1), date(2095, 12, 31)),
        athlete_id=(st.none() | st.sampled_from(athlete_ids)) if athlete_ids else st.none(),
    )
    return Season(
        id=skeleton.id,
        name=skeleton.name,
        first_day=first,
        last_day=last,
        week_start=skeleton.week_start,
        athletes=tuple(draw(_athlete(athlete_id)) for athlete_id in athlete_ids),
        competitions=tuple(
            draw(_competition(comp_id, first, last, athlete_ids)) for comp_id in competition_ids
        ),
        overrides=draw(_overrides(first, last, athlete_ids)),
        locked_weeks=draw(_locked_weeks(skeleton, athlete_ids)),
        notes=tuple(draw(st.lists(notes, max_size=4))),
        next_athlete_number=next_athlete,
        next_competition_number=next_competition,
    )


def seasons() -> st.SearchStrategy[Season]:
    """Valid seasons: 0-4 athletes with maxes and rhythms, 0-8 competitions inside the
    season, notes in several scripts, and a few overrides and locked weeks."""
    return _seasons()


# Records of what was done ------------------------------------------------------------------

# The heaviest load a record holds in each unit, up to the limit itself.
_HEAVIEST = {units: units.from_kg(MAX_DONE_LOAD_KG) for units in Units}


def done_sets(units: Units) -> st.SearchStrategy[DoneSet]:
    """Sets as a coach may type them: failed attempts (0 reps), body weight, drills."""
    return st.builds(
        DoneSet,
        reps=st.integers(0, MAX_DONE_REPS),
        load=_optional(_floats(0.0, _HEAVIEST[units])),
        distance_m=_optional(_floats(0.0, MAX_DONE_DISTANCE_M)),
    )


@st.composite
def records(draw: st.DrawFn, athlete_id: str, day: date, kind: SessionKind) -> SessionRecord:
    """Valid records of ``athlete_id``'s ``kind`` session on ``day``: done, partly done or
    missed, with or without the sets of each planned item, effort, minutes and a note."""
    planned = draw(sessions(day, kind))
    status = draw(st.sampled_from(RecordStatus))
    units = draw(st.sampled_from(Units))
    items: tuple[DoneItem, ...] = ()
    if draw(st.booleans()):
        most = 0 if status is RecordStatus.MISSED else 4
        items = tuple(
            DoneItem(item.exercise_id, tuple(draw(st.lists(done_sets(units), max_size=most))))
            for item in planned.items
        )
    return SessionRecord(
        athlete_id=athlete_id,
        date=day,
        kind=kind,
        status=status,
        planned=planned,
        units=units,
        items=items,
        effort=draw(_optional(_floats(0.0, 10.0))),
        minutes=draw(st.none() | st.integers(0, MAX_RECORD_MINUTES)),
        note=draw(st.just("") | _note_text()),
    )


@st.composite
def _seasons_with_records(draw: st.DrawFn) -> Season:
    season = draw(_seasons())
    athlete_ids = [athlete.id for athlete in season.athletes]
    if not athlete_ids:
        return season
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(athlete_ids),
                _dates(season.first_day, season.last_day),
                st.sampled_from(SessionKind),
            ),
            max_size=3,
            unique=True,
        )
    )
    drawn = tuple(draw(records(athlete_id, day, kind)) for athlete_id, day, kind in keys)
    return season._replace(records=drawn)


def seasons_with_records() -> st.SearchStrategy[Season]:
    """``seasons()`` with up to three records of what was done, in kg and lb."""
    return _seasons_with_records()
