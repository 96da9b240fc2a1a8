"""Every change a coach can make to a season, as a pure function from document to document.

Each edit takes a ``Season`` and returns a new one; the input is never touched (it is frozen),
so the user interface can keep both for undo. An edit never returns an invalid document: the
result goes through ``season_problems`` and the first broken rule becomes an ``EditError``
whose message names what and where in words a coach understands. The commonest refusals are
checked before that with purpose-written sentences; the validation messages are the fallback.

An edit that changes nothing returns a document equal to its input, so "was anything
changed?" is an equality test.

Ids come from the document's counters (``ath-N``, ``comp-N``) and are never reused, even after
a removal, because overrides, locked weeks, notes and undo steps may still mention old ids.
Call ``new_athlete_id`` / ``new_competition_id`` before ``add_*`` to learn the id it will use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from enum import Enum
from typing import Any, Final, TypeVar

from planner.document.catalogue import catalogue, lift_name, lifts_with_maxes
from planner.document.limits import MAX_NOTE_LENGTH, birth_date_problem, date_problem, text_problem
from planner.document.model import (
    WEEKDAY_NAMES,
    Athlete,
    Competition,
    DayRhythm,
    DismissedProposal,
    Equipment,
    Event,
    FrozenSpan,
    Level,
    LockedWeek,
    MaxEntry,
    Note,
    Override,
    Priority,
    Season,
    Sex,
    Units,
    default_rhythm,
    in_units,
)
from planner.document.records import RecordStatus, SessionRecord, as_planned_items
from planner.document.sessions import Session, SessionKind
from planner.document.text import plural, span_text
from planner.document.validation import Problem, record_problems, record_session_words, season_problems

__all__ = [
    "UNCHANGED",
    "Edit",
    "EditError",
    "Unchanged",
    "add_athlete",
    "add_competition",
    "add_note",
    "change_athlete",
    "change_competition",
    "change_note",
    "change_season",
    "convert_units",
    "dismiss_max_proposal",
    "lock_week",
    "mark_done_as_planned",
    "mark_missed",
    "move_competition",
    "move_session",
    "new_athlete_id",
    "new_competition_id",
    "record_max",
    "record_session",
    "record_sessions",
    "remove_athlete",
    "remove_competition",
    "remove_max",
    "remove_note",
    "remove_record",
    "reset_override",
    "restore_max_proposal",
    "set_override",
    "unlock_week",
]

# What the window runs as one undo step: the season before, to the season after.
Edit = Callable[[Season], Season]

T = TypeVar("T")


class EditError(ValueError):
    """An edit the document cannot take; the message is meant to be shown to the coach."""


class Unchanged(Enum):
    """The type of ``UNCHANGED``.

    A dedicated marker rather than None, because None is a meaningful new value for some
    fields (a competition's ``athletes=None`` means "everyone", a note's ``day=None`` means
    "undated").
    """

    UNCHANGED = "unchanged"


UNCHANGED: Final = Unchanged.UNCHANGED


def _pick(new: T | Unchanged, old: T) -> T:
    return old if isinstance(new, Unchanged) else new


# ---------------------------------------------------------------------------------------------
# Checking and messages


_ATHLETE_PATH = re.compile(r"^athletes\[(\d+)\]")


def _describe(problem: Problem, season: Season) -> str:
    # Validation paths such as "athletes[2].maxes[0].value" mean nothing to a coach, and the
    # athlete-level messages do not name the athlete; the other messages already name their
    # subject (competitions by name, overrides by date).
    match = _ATHLETE_PATH.match(problem.path)
    if match is not None:
        athlete = season.athletes[int(match.group(1))]
        return f"{athlete.name.strip() or athlete.id}: {problem.message}"
    return problem.message[:1].upper() + problem.message[1:]


def _checked(season: Season) -> Season:
    problems = season_problems(season)
    if problems:
        raise EditError(_describe(problems[0], season))
    return season


def _text(value: str, what: str, *, note: bool = False) -> str:
    """``value`` without the white space around it, refused when empty or when it could not be
    saved, printed or shown (too long, a line break in a name, control characters)."""
    text = value.strip()
    if not text:
        raise EditError(f"{what} cannot be empty")
    problem = text_problem(text, max_length=MAX_NOTE_LENGTH, multiline=True) if note else text_problem(text)
    if problem is not None:
        raise EditError(f"{what} cannot be used: {problem}")
    return text


def _day(value: date, what: str, rule: Callable[[date], str | None] = date_problem) -> date:
    """``value``, refused before any date arithmetic when SprintPlan cannot plan with it."""
    problem = rule(value)
    if problem is not None:
        raise EditError(f"{what} cannot be used: {problem}")
    return value


def _optional_day(value: date | None, what: str, rule: Callable[[date], str | None] = date_problem) -> date | None:
    return None if value is None else _day(value, what, rule)


def _day_name(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


def _season_span(season: Season) -> str:
    return f"{season.first_day.isoformat()} to {season.last_day.isoformat()}"


# ---------------------------------------------------------------------------------------------
# The exercise catalogue: what the edits need to refuse impossible lifts and swaps


def _check_lift(lift: str) -> None:
    if lift not in lifts_with_maxes():
        choices = ", ".join(lifts_with_maxes())
        raise EditError(f"No training max can be kept for {lift!r}; choose one of {choices}")


def _check_substitutions(substitutions: tuple[tuple[str, str], ...]) -> None:
    exercises = catalogue()
    for original, substitute in substitutions:
        if original not in exercises:
            raise EditError(f"No exercise with id {original!r} in the catalogue")
        if substitute not in exercises[original].substitutes:
            allowed = ", ".join(exercises[original].substitutes) or "nothing"
            raise EditError(
                f"{substitute!r} cannot replace {exercises[original].name}; "
                f"it can be replaced by {allowed}"
            )


# ---------------------------------------------------------------------------------------------
# Look-ups that raise EditError for unknown ids


def _athlete(season: Season, athlete_id: str) -> Athlete:
    athlete = season.find_athlete(athlete_id)
    if athlete is None:
        raise EditError(f"No athlete with id {athlete_id!r}")
    return athlete


def _competition(season: Season, competition_id: str) -> Competition:
    competition = season.find_competition(competition_id)
    if competition is None:
        raise EditError(f"No competition with id {competition_id!r}")
    return competition


def _position(items: tuple[T, ...], old: T) -> int:
    # By identity, not equality: notes may repeat, and only the one found should change.
    return next(i for i, item in enumerate(items) if item is old)


def _replace_item(items: tuple[T, ...], old: T, new: T) -> tuple[T, ...]:
    # Edits keep every other entry where it was, so a document's order only changes when the
    # coach adds or removes something.
    i = _position(items, old)
    return (*items[:i], new, *items[i + 1 :])


def _drop_item(items: tuple[T, ...], old: T) -> tuple[T, ...]:
    i = _position(items, old)
    return (*items[:i], *items[i + 1 :])


def _athlete_name(season: Season, athlete_id: str) -> str:
    athlete = season.find_athlete(athlete_id)
    return athlete_id if athlete is None else athlete.name


# ---------------------------------------------------------------------------------------------
# Competitions


def new_competition_id(season: Season) -> str:
    """The id ``add_competition`` will give the next competition."""
    return f"comp-{season.next_competition_number}"


def _entries(season: Season, athletes: Iterable[str] | None) -> tuple[str, ...] | None:
    if athletes is None:
        return None
    if isinstance(athletes, str):
        raise TypeError("athletes must be a collection of athlete ids, not one string")
    entered: list[str] = []
    for athlete_id in athletes:
        _athlete(season, athlete_id)
        if athlete_id not in entered:
            entered.append(athlete_id)
    return tuple(entered)


def _check_competition_dates(season: Season, competition: Competition, old: Competition | None = None) -> None:
    """Refuse dates outside the season, and a clash the edit would create (one a file already
    held is left for the coach to sort out, so an unrelated change still goes through)."""
    label = f"Competition {competition.name!r}"
    start, end = competition.start, competition.end
    if end < start:
        raise EditError(
            f"{label} would end on {end.isoformat()}, before it starts on {start.isoformat()}"
        )
    if start < season.first_day:
        raise EditError(
            f"{label} would start on {start.isoformat()}, before the season's first day "
            f"{season.first_day.isoformat()}"
        )
    if end > season.last_day:
        raise EditError(
            f"{label} would end on {end.isoformat()}, after the season's last day "
            f"{season.last_day.isoformat()}"
        )
    clash = season.clashing_competition(competition)
    if clash is not None and not (old is not None and old.clashes_with(clash)):
        raise EditError(
            f"{label} would overlap {clash.name!r} ({span_text(clash.start, clash.end)}), "
            "which the same athletes are entered in; move one of them or change the entries"
        )


def add_competition(
    season: Season,
    *,
    name: str,
    start: date,
    end: date,
    priority: Priority,
    indoor: bool,
    athletes: Iterable[str] | None = None,
) -> Season:
    """Add a competition with the id ``new_competition_id(season)``.

    ``athletes`` None enters the whole squad, including athletes added later; a collection of
    ids enters only those athletes (duplicates are dropped).
    """
    competition = Competition(
        id=new_competition_id(season),
        name=_text(name, "A competition's name"),
        start=_day(start, "The competition's first day"),
        end=_day(end, "The competition's last day"),
        priority=Priority(priority),
        indoor=indoor,
        athletes=_entries(season, athletes),
    )
    _check_competition_dates(season, competition)
    return _checked(
        season._replace(
            competitions=(*season.competitions, competition),
            next_competition_number=season.next_competition_number + 1,
        )
    )


def change_competition(
    season: Season,
    competition_id: str,
    *,
    name: str | Unchanged = UNCHANGED,
    start: date | Unchanged = UNCHANGED,
    end: date | Unchanged = UNCHANGED,
    priority: Priority | Unchanged = UNCHANGED,
    indoor: bool | Unchanged = UNCHANGED,
    athletes: Iterable[str] | Unchanged | None = UNCHANGED,
) -> Season:
    """Change any of a competition's fields; those left ``UNCHANGED`` keep their value."""
    old = _competition(season, competition_id)
    new = old._replace(
        name=old.name if isinstance(name, Unchanged) else _text(name, "A competition's name"),
        start=_day(_pick(start, old.start), "The competition's first day"),
        end=_day(_pick(end, old.end), "The competition's last day"),
        priority=Priority(_pick(priority, old.priority)),
        indoor=_pick(indoor, old.indoor),
        athletes=old.athletes if isinstance(athletes, Unchanged) else _entries(season, athletes),
    )
    _check_competition_dates(season, new, old)
    competitions = _replace_item(season.competitions, old, new)
    return _checked(season._replace(competitions=competitions))


def move_competition(season: Season, competition_id: str, new_start: date) -> Season:
    """Move a competition so it starts on ``new_start``, keeping how many days it lasts."""
    old = _competition(season, competition_id)
    # Checked before its length is added to it: a day at the calendar's end would overflow.
    start = _day(new_start, "The competition's new first day")
    return change_competition(season, competition_id, start=start, end=start + (old.end - old.start))


def remove_competition(season: Season, competition_id: str) -> Season:
    old = _competition(season, competition_id)
    return _checked(season._replace(competitions=_drop_item(season.competitions, old)))


# ---------------------------------------------------------------------------------------------
# Athletes


def new_athlete_id(season: Season) -> str:
    """The id ``add_athlete`` will give the next athlete."""
    return f"ath-{season.next_athlete_number}"


def default_equipment(units: Units) -> Equipment:
    # A 20 "lb" bar would pass validation yet be wrong; lb gyms have 45 lb bars and 5 lb steps.
    if units is Units.KG:
        return Equipment()
    return Equipment(bar_mass=45.0, increment=5.0, dumbbell_step=5.0)


_ATHLETE_FIELDS: Final = frozenset(Athlete._fields) - {"id"}


def _normalised_athlete_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Coerce what a form may hand over (lists, enum values) into the document's types."""
    out = dict(fields)
    enums: dict[str, type[Enum]] = {"event": Event, "sex": Sex, "level": Level, "units": Units}
    for name, kind in enums.items():
        if name in out:
            try:
                out[name] = kind(out[name])
            except ValueError:
                allowed = ", ".join(str(member.value) for member in kind)
                message = f"{out[name]!r} is not a valid {name}; use one of {allowed}"
                raise EditError(message) from None
    if "name" in out:
        out["name"] = _text(out["name"], "An athlete's name")
    if "birth_date" in out:
        out["birth_date"] = _optional_day(out["birth_date"], "The birth date", birth_date_problem)
    if "maxes" in out:
        out["maxes"] = tuple(out["maxes"])
        for entry in out["maxes"]:
            _check_lift(entry.lift)
            _day(entry.date, f"The date of the {entry.lift} max")
    if "substitutions" in out:
        out["substitutions"] = tuple((original, sub) for original, sub in out["substitutions"])
        _check_substitutions(out["substitutions"])
    if "rhythm" in out:
        out["rhythm"] = tuple(out["rhythm"])
    return out


def add_athlete(
    season: Season,
    *,
    name: str,
    event: Event,
    sex: Sex,
    level: Level,
    junior: bool,
    body_mass: float,
    units: Units = Units.KG,
    birth_date: date | None = None,
    equipment: Equipment | None = None,
    maxes: Iterable[MaxEntry] = (),
    substitutions: Iterable[tuple[str, str]] = (),
    rhythm: Iterable[DayRhythm] | None = None,
    priming: bool = False,
) -> Season:
    """Add an athlete with the id ``new_athlete_id(season)``.

    Values are in the athlete's ``units``; without ``equipment`` the usual gym for those
    units is assumed, and without ``rhythm`` the common 400 m week (``default_rhythm``).
    Competitions that enter everyone (``athletes`` None) enter the new athlete too.
    """
    fields = _normalised_athlete_fields(
        {
            "name": name,
            "event": event,
            "sex": sex,
            "level": level,
            "units": units,
            "maxes": maxes,
            "substitutions": substitutions,
            "rhythm": default_rhythm() if rhythm is None else rhythm,
            "birth_date": birth_date,
        }
    )
    athlete = Athlete(
        id=new_athlete_id(season),
        junior=junior,
        body_mass=body_mass,
        equipment=default_equipment(fields["units"]) if equipment is None else equipment,
        priming=priming,
        **fields,
    )
    return _checked(
        season._replace(
            athletes=(*season.athletes, athlete),
            next_athlete_number=season.next_athlete_number + 1,
        )
    )


def change_athlete(season: Season, athlete_id: str, **fields: Any) -> Season:
    """Replace the given fields of an athlete (any ``Athlete`` field except ``id``).

    Changing ``units`` only relabels the numbers (for a value typed in the wrong units); use
    ``convert_units`` to keep the same masses in the other units. An unknown field name is a
    programming error and raises ``TypeError``, as a wrong keyword argument would.
    """
    unknown = sorted(set(fields) - _ATHLETE_FIELDS)
    if unknown:
        names = ", ".join(unknown)
        raise TypeError(f"change_athlete() got fields an athlete cannot change: {names}")
    old = _athlete(season, athlete_id)
    new = old._replace(**_normalised_athlete_fields(fields))
    return _checked(season._replace(athletes=_replace_item(season.athletes, old, new)))


def convert_units(season: Season, athlete_id: str, units: Units) -> Season:
    """Switch an athlete to ``units`` keeping the same real masses (rounded to 0.1).

    Overrides and locked weeks are left alone: each prescribed item carries its own unit.
    """
    old = _athlete(season, athlete_id)
    units = Units(units)
    if units is old.units:
        return _checked(season)

    def convert(value: float) -> float:
        return in_units(value, old.units, units)

    eq = old.equipment
    new = old._replace(
        units=units,
        body_mass=convert(old.body_mass),
        equipment=Equipment(convert(eq.bar_mass), convert(eq.increment), convert(eq.dumbbell_step)),
        maxes=tuple(m._replace(value=convert(m.value)) for m in old.maxes),
    )
    return _checked(season._replace(athletes=_replace_item(season.athletes, old, new)))


def remove_athlete(season: Season, athlete_id: str) -> Season:
    """Remove an athlete with everything that belongs only to them.

    Their overrides, locked weeks, records, kept days, dismissed proposals and notes go, and
    they leave every explicit entry list. A competition whose list becomes empty stays, with
    nobody entered: turning it into None would silently enter the whole squad.
    """
    _athlete(season, athlete_id)

    def without(comp: Competition) -> Competition:
        if comp.athletes is None or athlete_id not in comp.athletes:
            return comp
        entered = tuple(a for a in comp.athletes if a != athlete_id)
        return comp._replace(athletes=entered)

    return _checked(
        season._replace(
            athletes=tuple(a for a in season.athletes if a.id != athlete_id),
            competitions=tuple(without(c) for c in season.competitions),
            overrides=tuple(o for o in season.overrides if o.athlete_id != athlete_id),
            locked_weeks=tuple(w for w in season.locked_weeks if w.athlete_id != athlete_id),
            notes=tuple(n for n in season.notes if n.athlete_id != athlete_id),
            records=tuple(r for r in season.records if r.athlete_id != athlete_id),
            frozen=tuple(f for f in season.frozen if f.athlete_id != athlete_id),
            dismissed=tuple(d for d in season.dismissed if d.athlete_id != athlete_id),
        )
    )


# ---------------------------------------------------------------------------------------------
# Training maxes


def record_max(
    season: Season,
    athlete_id: str,
    *,
    lift: str,
    day: date,
    value: float,
    tested: bool = True,
    from_reps: int | None = None,
) -> Season:
    """Record a training max; one already kept for the same lift and date is replaced.

    ``value`` is in the athlete's units; ``tested`` False marks an estimate; ``from_reps`` the
    rep max a tested value was worked out from. The date may lie before the season: maxes are
    usually tested in the weeks before it starts.
    """
    old = _athlete(season, athlete_id)
    _check_lift(lift)
    entry = MaxEntry(
        lift=lift, date=_day(day, "The date of the max"), value=value, tested=tested, from_reps=from_reps
    )
    same = next((m for m in old.maxes if m.lift == lift and m.date == day), None)
    maxes = (*old.maxes, entry) if same is None else _replace_item(old.maxes, same, entry)
    new = old._replace(maxes=maxes)
    return _checked(season._replace(athletes=_replace_item(season.athletes, old, new)))


def remove_max(season: Season, athlete_id: str, *, lift: str, day: date) -> Season:
    old = _athlete(season, athlete_id)
    maxes = tuple(m for m in old.maxes if not (m.lift == lift and m.date == day))
    if len(maxes) == len(old.maxes):
        raise EditError(f"{old.name} has no {lift} max on {day.isoformat()}")
    new = old._replace(maxes=maxes)
    return _checked(season._replace(athletes=_replace_item(season.athletes, old, new)))


def dismiss_max_proposal(season: Season, athlete_id: str, *, lift: str, day: date, value: float) -> Season:
    """Turn down the max SprintPlan proposed for ``lift`` from the sets of ``day``: the same
    proposal is not made again (a different value, from later sets, still is)."""
    athlete = _athlete(season, athlete_id)
    _check_lift(lift)
    dismissed = DismissedProposal(athlete_id=athlete.id, lift=lift, date=_day(day, "The date of the sets"), value=value)
    if dismissed in season.dismissed:
        return season
    return _checked(season._replace(dismissed=(*season.dismissed, dismissed)))


def restore_max_proposal(season: Season, athlete_id: str, *, lift: str, day: date, value: float) -> Season:
    """Propose again a max the coach turned down."""
    dismissed = DismissedProposal(athlete_id=athlete_id, lift=lift, date=day, value=value)
    if dismissed not in season.dismissed:
        raise EditError(f"{_athlete_name(season, athlete_id)} has no dismissed {lift} proposal of {value:g} on "
                        f"{day.isoformat()}")
    # _drop_item goes by identity: drop the entry the season holds, not the equal one made here.
    kept = next(d for d in season.dismissed if d == dismissed)
    return _checked(season._replace(dismissed=_drop_item(season.dismissed, kept)))


# ---------------------------------------------------------------------------------------------
# Overrides: the coach's version of one session


def _check_session_fits(session: Session | None, role: str, day: date, kind: SessionKind) -> None:
    if session is not None and (session.date != day or session.kind != kind):
        raise EditError(
            f"The {role} is a {session.kind} session on {session.date.isoformat()}, "
            f"but the change is for the {kind} session on {day.isoformat()}"
        )


def set_override(
    season: Season,
    *,
    athlete_id: str,
    day: date,
    kind: SessionKind,
    session: Session | None,
    replaced: Session | None,
) -> Season:
    """Keep the coach's ``session`` (None: no session that day) instead of the generated one.

    ``replaced`` is the generated session being replaced (None when the engine had none).
    When the day already has an override, its original ``replaced`` is kept so that a reset
    returns to what the engine generated, not to the coach's previous version. When the
    coach's session equals the original, the override is dropped: nothing is overridden.
    """
    athlete = _athlete(season, athlete_id)
    kind = SessionKind(kind)
    _day(day, "The session's day")
    if not season.contains(day):
        raise EditError(
            f"{athlete.name}'s {kind} session on {day.isoformat()} would be outside the season "
            f"{_season_span(season)}"
        )
    _check_session_fits(session, "new session", day, kind)
    _check_session_fits(replaced, "replaced session", day, kind)
    key = (athlete_id, day, kind)
    existing = season.find_override(key)
    original = replaced if existing is None else existing.replaced
    override = Override(
        athlete_id=athlete_id, date=day, kind=kind, session=session, replaced=original
    )
    if session == original:
        overrides = season.overrides if existing is None else _drop_item(season.overrides, existing)
    elif existing is None:
        overrides = (*season.overrides, override)
    else:
        overrides = _replace_item(season.overrides, existing, override)
    return _checked(season._replace(overrides=overrides))


def reset_override(season: Season, athlete_id: str, day: date, kind: SessionKind) -> Season:
    """Drop the coach's version of a session, so the generated one is used again."""
    athlete = _athlete(season, athlete_id)
    existing = season.find_override((athlete_id, day, SessionKind(kind)))
    if existing is None:
        raise EditError(f"{athlete.name} has no changed {kind} session on {day.isoformat()}")
    return _checked(season._replace(overrides=_drop_item(season.overrides, existing)))


def move_session(
    season: Season,
    *,
    athlete_id: str,
    session: Session,
    to_day: date,
    replaced_at_target: Session | None,
) -> Season:
    """Move ``session`` (as shown for its own date) to ``to_day``, as one edit.

    The source day gets an override with no session, the target day one with ``session``
    re-dated. ``replaced_at_target`` is the generated session of the same kind on the target
    day (None if there is none); it is kept so that the target can be reset.
    """
    _athlete(season, athlete_id)
    _day(to_day, "The day to move the session to")
    if to_day == session.date:
        return _checked(season)
    emptied = set_override(
        season,
        athlete_id=athlete_id,
        day=session.date,
        kind=session.kind,
        session=None,
        replaced=session,
    )
    return set_override(
        emptied,
        athlete_id=athlete_id,
        day=to_day,
        kind=session.kind,
        session=session._replace(date=to_day),
        replaced=replaced_at_target,
    )


# ---------------------------------------------------------------------------------------------
# Locked weeks


def _week_overlaps_season(season: Season, week_start: date) -> bool:
    return week_start <= season.last_day and week_start + timedelta(days=6) >= season.first_day


def lock_week(
    season: Season, athlete_id: str, week_start: date, sessions: Iterable[Session]
) -> Season:
    """Freeze an athlete's week with a snapshot of its sessions (replacing an earlier lock)."""
    athlete = _athlete(season, athlete_id)
    _day(week_start, "The week's first day")
    if season.week_of(week_start) != week_start:
        raise EditError(
            f"A locked week must start on a {WEEKDAY_NAMES[season.week_start]}; "
            f"{week_start.isoformat()} is a {_day_name(week_start)}"
        )
    if not _week_overlaps_season(season, week_start):
        raise EditError(
            f"The week of {week_start.isoformat()} is outside the season {_season_span(season)}"
        )
    snapshot = tuple(sessions)
    week_end = week_start + timedelta(days=6)
    for session in snapshot:
        if not week_start <= session.date <= week_end:
            raise EditError(
                f"{athlete.name}'s {session.kind} session on {session.date.isoformat()} is not in "
                f"the week {week_start.isoformat()} to {week_end.isoformat()}"
            )
    locked = LockedWeek(athlete_id=athlete_id, week_start=week_start, sessions=snapshot)
    key = (athlete_id, week_start)
    existing = next((w for w in season.locked_weeks if (w.athlete_id, w.week_start) == key), None)
    weeks = (
        (*season.locked_weeks, locked)
        if existing is None
        else _replace_item(season.locked_weeks, existing, locked)
    )
    return _checked(season._replace(locked_weeks=weeks))


def unlock_week(season: Season, athlete_id: str, week_start: date) -> Season:
    athlete = _athlete(season, athlete_id)
    weeks = tuple(
        w for w in season.locked_weeks if (w.athlete_id, w.week_start) != (athlete_id, week_start)
    )
    if len(weeks) == len(season.locked_weeks):
        raise EditError(f"{athlete.name}'s week of {week_start.isoformat()} is not locked")
    return _checked(season._replace(locked_weeks=weeks))


# ---------------------------------------------------------------------------------------------
# Records: what was done in a session, beside the session as planned


def _recorded_session(season: Season, athlete_id: str, day: date, kind: SessionKind) -> tuple[Athlete, SessionKind]:
    """The athlete and kind of a session a record is about, refused when the session cannot
    be this season's: an unknown athlete, a date SprintPlan cannot plan with or outside it."""
    athlete = _athlete(season, athlete_id)
    kind = SessionKind(kind)
    _day(day, "The session's day")
    if not season.contains(day):
        raise EditError(
            f"{athlete.name}'s {kind} session on {day.isoformat()} is outside the season "
            f"{_season_span(season)}; nothing was recorded"
        )
    return athlete, kind


def _refusal(season: Season, record: SessionRecord) -> str | None:
    """What is wrong with ``record`` on its own, in a sentence naming the session and the set
    (a negative load, an effort of 11), so the coach hears about the value they typed."""
    problems = record_problems(season, record, "record")
    if not problems:
        return None
    return f"{_record_place(season, record, problems[0].path)}: {problems[0].message}"


def _with_records(season: Season, records: tuple[SessionRecord, ...]) -> Season:
    """``season`` with ``records`` in place of earlier records of the same sessions (the rest
    added), checked once."""
    replaced = {record.key: record for record in records}
    kept = tuple(replaced.pop(r.key, r) for r in season.records) + tuple(replaced.values())
    return _checked(season._replace(records=kept))


def _with_record(season: Season, record: SessionRecord) -> Season:
    """``season`` with ``record`` in place of any earlier record of the same session; the
    record is checked on its own first."""
    refusal = _refusal(season, record)
    if refusal is not None:
        raise EditError(f"{refusal}; nothing was recorded")
    return _with_records(season, (record,))


def record_sessions(season: Season, records: Iterable[SessionRecord]) -> Season:
    """Keep every record of ``records`` (an import of a season's sheets) in one edit: each is
    checked on its own, then the season once, rather than once a record; one refused record
    refuses them all."""
    records = tuple(records)
    for record in records:
        refusal = _refusal(season, record)
        if refusal is not None:
            raise EditError(refusal)
    return _with_records(season, records) if records else season


_RECORD_PATH = re.compile(r"^record\.items\[(\d+)\](?:\.sets\[(\d+)\])?")


def _record_place(season: Season, record: SessionRecord, path: str) -> str:
    """The session a problem is in, then its exercise and set: "Łucja Nowak's weights session
    on 2027-03-03, back squat, set 2"."""
    words = record_session_words(season, record)
    match = _RECORD_PATH.match(path)
    if match is None:
        return words
    done = record.items[int(match.group(1))]
    words += f", {lift_name(done.exercise_id)}"
    return words if match.group(2) is None else f"{words}, set {int(match.group(2)) + 1}"


def record_session(season: Season, athlete_id: str, day: date, kind: SessionKind, record: SessionRecord) -> Season:
    """Keep ``record`` as what ``athlete_id`` did in the ``kind`` session on ``day``, replacing
    an earlier record of that session. The record names the same athlete, day and kind;
    nothing is recorded half-way: a record with one bad value is refused whole."""
    _recorded_session(season, athlete_id, day, kind)
    if record.key != (athlete_id, day, SessionKind(kind)):
        raise EditError(
            f"The record is of {record_session_words(season, record)}, but it was entered for "
            f"{_athlete_name(season, athlete_id)}'s {SessionKind(kind)} session on {day.isoformat()}"
        )
    return _with_record(season, record)


def _planned_fits(planned: Session, day: date, kind: SessionKind) -> None:
    _check_session_fits(planned, "planned session", day, kind)


def mark_done_as_planned(season: Season, athlete_id: str, day: date, kind: SessionKind, planned: Session) -> Season:
    """Record the session as done, every set as prescribed in ``planned`` (the session as the
    plan shows it now, kept in the record as planned), as the record card fills it in
    (``records.as_planned_items``).

    The effort, minutes and note of an earlier record of the session are kept: a coach who
    typed the effort first and then ticks "done as planned" loses nothing. Without one they
    stay unknown, since the plan's effort is an estimate and not what the athlete reported.
    """
    return _marked(season, athlete_id, day, kind, planned, RecordStatus.DONE)


def mark_missed(season: Season, athlete_id: str, day: date, kind: SessionKind, planned: Session) -> Season:
    """Record the session as missed: no sets, effort or minutes; an earlier record's note (why
    it was missed, say) is kept."""
    return _marked(season, athlete_id, day, kind, planned, RecordStatus.MISSED)


def _marked(
    season: Season, athlete_id: str, day: date, kind: SessionKind, planned: Session, status: RecordStatus
) -> Season:
    """The session recorded in one tick: done as planned, or missed (see the two edits)."""
    athlete, kind = _recorded_session(season, athlete_id, day, kind)
    _planned_fits(planned, day, kind)
    earlier = season.find_record((athlete_id, day, kind))
    # What was done, and the effort and minutes it took, only when it was done.
    done = status is RecordStatus.DONE
    kept = earlier if done else None
    record = SessionRecord(
        athlete_id=athlete_id,
        date=day,
        kind=kind,
        status=status,
        planned=planned,
        units=athlete.units,
        items=as_planned_items(planned, athlete.units) if done else (),
        effort=None if kept is None else kept.effort,
        minutes=None if kept is None else kept.minutes,
        note="" if earlier is None else earlier.note,
    )
    return _with_record(season, record)


def remove_record(season: Season, athlete_id: str, day: date, kind: SessionKind) -> Season:
    """Forget what was recorded for a session."""
    athlete = _athlete(season, athlete_id)
    kind = SessionKind(kind)
    existing = season.find_record((athlete_id, day, kind))
    if existing is None:
        raise EditError(f"Nothing is recorded for {athlete.name}'s {kind} session on {day.isoformat()}")
    return _checked(season._replace(records=_drop_item(season.records, existing)))


# ---------------------------------------------------------------------------------------------
# The season itself


def change_season(
    season: Season,
    *,
    name: str | Unchanged = UNCHANGED,
    first_day: date | Unchanged = UNCHANGED,
    last_day: date | Unchanged = UNCHANGED,
    week_start: int | Unchanged = UNCHANGED,
) -> Season:
    """Rename the season, change its dates or the weekday its weeks start on.

    Refused when a competition, an override, a locked week or a record would fall outside the
    new dates: the coach moves or removes it first, rather than an edit dropping their work.
    Notes may be dated outside the season (a note can record what happened before it).

    Changing ``week_start`` (0 = Monday ... 6 = Sunday) is refused while any week is locked:
    a locked week is a snapshot of seven fixed days, which under another first weekday would
    straddle two weeks, so it can be neither re-keyed nor split without changing what the
    coach froze.
    """
    new = season._replace(
        name=season.name if isinstance(name, Unchanged) else _text(name, "The season's name"),
        first_day=_day(_pick(first_day, season.first_day), "The season's first day"),
        last_day=_day(_pick(last_day, season.last_day), "The season's last day"),
        week_start=_pick(week_start, season.week_start),
    )
    if not 0 <= new.week_start <= 6:
        raise EditError(
            f"The first day of the week must be 0 (Monday) to 6 (Sunday), not {new.week_start}"
        )
    if new.last_day < new.first_day:
        raise EditError(
            f"The season would end on {new.last_day.isoformat()}, before it starts on "
            f"{new.first_day.isoformat()}"
        )
    span = _season_span(new)
    for comp in new.competitions:
        if not (new.contains(comp.start) and new.contains(comp.end)):
            raise EditError(
                f"Competition {comp.name!r} ({comp.start.isoformat()} to {comp.end.isoformat()}) "
                f"would be outside the season {span}; move or remove it first"
            )
    for override in new.overrides:
        if not new.contains(override.date):
            raise EditError(
                f"{_athlete_name(new, override.athlete_id)}'s changed {override.kind} session on "
                f"{override.date.isoformat()} would be outside the season {span}; reset it first"
            )
    for record in new.records:
        if not new.contains(record.date):
            raise EditError(
                f"What {_athlete_name(new, record.athlete_id)} did in the {record.kind} session on "
                f"{record.date.isoformat()} is recorded, and would be outside the season {span}; "
                "remove the record first"
            )
    if new.week_start != season.week_start and new.locked_weeks:
        count = len(new.locked_weeks)
        raise EditError(
            f"Unlock the {plural(count, 'locked week')} before weeks start on "
            f"another day: a locked week keeps seven fixed days"
        )
    for week in new.locked_weeks:
        if not _week_overlaps_season(new, week.week_start):
            raise EditError(
                f"{_athlete_name(new, week.athlete_id)}'s locked week of "
                f"{week.week_start.isoformat()} would be outside the season {span}; unlock it first"
            )
    # Days kept as planned that leave the season go with it: the season no longer has them.
    return _checked(new._replace(frozen=_clipped(new.frozen, new.first_day, new.last_day)))


def _clipped(spans: tuple[FrozenSpan, ...], first: date, last: date) -> tuple[FrozenSpan, ...]:
    kept: list[FrozenSpan] = []
    for span in spans:
        start, end = max(span.first, first), min(span.last, last)
        if start > end:
            continue
        if (start, end) == (span.first, span.last):
            kept.append(span)
        else:
            sessions = tuple(s for s in span.sessions if start <= s.date <= end)
            kept.append(span._replace(first=start, last=end, sessions=sessions))
    return tuple(kept)


# ---------------------------------------------------------------------------------------------
# Notes


def _check_note_athlete(season: Season, athlete_id: str | None) -> None:
    if athlete_id is not None:
        _athlete(season, athlete_id)


def add_note(
    season: Season, *, text: str, day: date | None = None, athlete_id: str | None = None
) -> Season:
    """Add a note about the season, a day and/or one athlete.

    The day may lie outside the season, as validation allows: a note can record what
    happened before it (a test day, an injury) or what follows it.
    """
    _check_note_athlete(season, athlete_id)
    note = Note(text=_text(text, "A note", note=True), date=_optional_day(day, "The note's day"), athlete_id=athlete_id)
    return _checked(season._replace(notes=(*season.notes, note)))


def _existing_note(season: Season, note: Note) -> Note:
    # Notes have no id: the caller hands back the note it shows. A stale note (already
    # removed or changed) is refused rather than guessing which one was meant.
    found = next((n for n in season.notes if n == note), None)
    if found is None:
        raise EditError(f"No note {note.text[:40]!r} in the season")
    return found


def change_note(
    season: Season,
    note: Note,
    *,
    text: str | Unchanged = UNCHANGED,
    day: date | Unchanged | None = UNCHANGED,
    athlete_id: str | Unchanged | None = UNCHANGED,
) -> Season:
    """Change a note's text, day or athlete; those left ``UNCHANGED`` keep their value."""
    old = _existing_note(season, note)
    if not isinstance(athlete_id, Unchanged):
        _check_note_athlete(season, athlete_id)
    new = Note(
        text=old.text if isinstance(text, Unchanged) else _text(text, "A note", note=True),
        date=_optional_day(_pick(day, old.date), "The note's day"),
        athlete_id=_pick(athlete_id, old.athlete_id),
    )
    return _checked(season._replace(notes=_replace_item(season.notes, old, new)))


def remove_note(season: Season, note: Note) -> Season:
    old = _existing_note(season, note)
    return _checked(season._replace(notes=_drop_item(season.notes, old)))
