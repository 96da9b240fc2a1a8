"""Places in a season document in a coach's words.

A problem found in a file is located by a field path such as ``athletes[0].maxes[0].value``;
that path stays the technical detail, and ``coach_place`` turns it into what a coach
recognises: "Athlete 1 (Łucja Nowak), back squat max of 3 March 2027". The document may be
malformed (that is why it is being described), so every look-up tolerates missing fields
and values of the wrong type, falling back to plainer words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from planner.document.catalogue import lift_name
from planner.document.limits import MAX_NAME_LENGTH, one_line
from planner.document.model import WEEKDAY_NAMES
from planner.document.text import date_text

__all__ = ["coach_place", "coach_reason", "day_words"]

PathPart = str | int

# How a field reads in a sentence; an empty entry is left out ("value" of a max is the max).
_FIELD_WORDS = {
    "birth_date": "birth date",
    "body_mass": "body mass",
    "equipment": "",
    "bar_mass": "bar mass",
    "dumbbell_step": "dumbbell step",
    "increment": "loading increment",
    "value": "",
    "tested": "tested",
    "lift": "lift",
    "first_day": "first day",
    "last_day": "last day",
    "week_start": "first day of the week",
    "start": "first day",
    "end": "last day",
    "athletes": "entries",
    "athlete": "athlete",
    "exercise_id": "exercise",
    "percent_max": "% of max",
    "max_value": "max used",
    "load_kg": "load in kg",
    "plates_per_side": "plates per side",
    "rest_s": "rest",
    "distance_m": "distance",
    "reps_in_reserve": "reps in reserve",
    "rule_ids": "rules",
    "schema_version": "file version",
    "next_athlete_number": "next athlete number",
    "next_competition_number": "next competition number",
    "session": "coach's session",
    "replaced": "planned session it replaced",
    "planned": "session as planned",
    "minutes": "minutes",
    "effort": "effort",
}
# Fields holding a mass in the units of the athlete (``units``) or the item (``unit``).
_MASS_FIELDS = frozenset({"value", "body_mass", "bar_mass", "increment", "dumbbell_step", "load", "max_value"})
_BOUND = re.compile(r"^must be (more than|at least|at most) (\S+), found (\S+)$")


def day_words(value: Any) -> str:
    """"3 March 2027" for a date written 2027-03-03; anything else as it is, if it is short."""
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) <= 10 else None
    except ValueError:
        day = None
    if day is not None:
        return date_text(day)
    shown = one_line(str(value))
    return shown if len(shown) <= 20 else "an unreadable date"


def _field(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, dict) else None


def _text(value: Any) -> str | None:
    # A name from a damaged file may be what is wrong with it: shown on one line, without
    # control or broken characters, and not at all when it is far too long to be a name.
    if not isinstance(value, str) or len(value) > MAX_NAME_LENGTH:
        return None
    return one_line(value) or None


def _named(label: str, index: int, name: Any) -> str:
    text = _text(name)
    return f"{label} {index + 1}" + (f" ({text})" if text else "")


def _athlete_name(document: Any, athlete_id: Any) -> str | None:
    athletes = _field(document, "athletes")
    for athlete in athletes if isinstance(athletes, list) else ():
        if _field(athlete, "id") == athlete_id:
            return _text(_field(athlete, "name"))
    return None


def _listed(label: str, index: int, facts: Iterable[str | None]) -> str:
    """"Record 3 (Ana Silva, weights, on 3 March 2027)": the entry's number and what is known of it."""
    shown = ", ".join(fact for fact in facts if fact)
    return f"{label} {index + 1}" + (f" ({shown})" if shown else "")


def _session_facts(item: Any, document: Any) -> list[str | None]:
    # An override and a record are keyed alike: athlete, session kind, day.
    facts = [_athlete_name(document, _field(item, "athlete")), _text(_field(item, "kind"))]
    if _field(item, "date") is not None:
        facts.append(f"on {day_words(_field(item, 'date'))}")
    return facts


def _override(index: int, item: Any, document: Any) -> str:
    return _listed("Changed session", index, _session_facts(item, document))


def _record(index: int, item: Any, document: Any) -> str:
    return _listed("Record", index, _session_facts(item, document))


def _exercise(index: int, item: Any, document: Any) -> str:
    # An exercise done in a record (its sets a list, not a number) names only its exercise
    # id; the catalogue has its name.
    exercise_id = _field(item, "exercise_id")
    name = _field(item, "name")
    done = isinstance(_field(item, "sets"), list)
    if done and isinstance(exercise_id, str) and exercise_id and len(exercise_id) <= MAX_NAME_LENGTH:
        name = lift_name(exercise_id)
    return _named("exercise", index, name)


def _locked_week(index: int, item: Any, document: Any) -> str:
    facts = [_athlete_name(document, _field(item, "athlete"))]
    if _field(item, "week_start") is not None:
        facts.append(f"week of {day_words(_field(item, 'week_start'))}")
    return _listed("Locked week", index, facts)


def _frozen(index: int, item: Any, document: Any) -> str:
    facts = [_athlete_name(document, _field(item, "athlete"))]
    first, last = _field(item, "first"), _field(item, "last")
    if first is not None and last is not None:
        facts.append(f"{day_words(first)} to {day_words(last)}")
    return _listed("Days kept as planned", index, facts)


def _dismissed(index: int, item: Any, document: Any) -> str:
    lift = _field(item, "lift")
    facts = [_athlete_name(document, _field(item, "athlete"))]
    if isinstance(lift, str) and lift:
        facts.append(lift_name(lift))
    return _listed("Dismissed max proposal", index, facts)


def _max(index: int, item: Any, document: Any) -> str:
    lift = _field(item, "lift")
    name = lift_name(lift) if isinstance(lift, str) and lift else f"max {index + 1}"
    return f"{name} max of {day_words(_field(item, 'date'))}" if _field(item, "date") is not None else f"{name} max"


def _session(index: int, item: Any, document: Any) -> str:
    kind = _text(_field(item, "kind")) or "session"
    when = _field(item, "date")
    return f"{kind} session of {day_words(when)}" if when is not None else f"session {index + 1}"


def _weekday(index: int, item: Any, document: Any) -> str:
    return WEEKDAY_NAMES[index] if 0 <= index < len(WEEKDAY_NAMES) else f"day {index + 1}"


Describe = Callable[[int, Any, Any], str]
# How an entry of each list reads, by the list's field name.
_ENTRY_WORDS: dict[str, Describe] = {
    "athletes": lambda i, item, doc: _named("Athlete", i, _field(item, "name")),
    "competitions": lambda i, item, doc: _named("Competition", i, _field(item, "name")),
    "notes": lambda i, item, doc: f"Note {i + 1}",
    "overrides": _override,
    "locked_weeks": _locked_week,
    "maxes": _max,
    "rhythm": _weekday,
    "sessions": _session,
    "items": _exercise,
    "records": _record,
    "frozen": _frozen,
    "dismissed": _dismissed,
    "sets": lambda i, item, doc: f"set {i + 1}",
    "substitutions": lambda i, item, doc: f"substitution {i + 1}",
}


def _words(name: str) -> str:
    return _FIELD_WORDS.get(name, name.replace("_", " "))


def coach_place(parts: Sequence[PathPart], document: Any) -> str:
    """Where ``parts`` (a field path) leads in ``document``, in words; "" for the whole file."""
    segments: list[str] = []
    node: Any = document
    for position, part in enumerate(parts):
        child = _child(node, part)
        if isinstance(part, int):
            segments.append(_entry(parts[position - 1] if position else "", position, part, child, document))
        elif not (position + 1 < len(parts) and isinstance(parts[position + 1], int)):
            # A list's name is said by its entry ("Athlete 1"), a plain field by its name.
            # A locked week's week_start is its first day; the season's is a weekday.
            words = "first day" if part == "week_start" and position else _words(part)
            if words:
                segments.append(f"the season's {words}" if position == 0 else words)
        node = child
    text = ", ".join(segments)
    return text[:1].upper() + text[1:]


def _entry(container: PathPart, position: int, index: int, item: Any, document: Any) -> str:
    name = container if isinstance(container, str) else ""
    # A competition's "athletes" are its entries, not the squad's athletes.
    describe = None if name == "athletes" and position > 1 else _ENTRY_WORDS.get(name)
    if describe is not None:
        return describe(index, item, document)
    if name == "athletes":
        return f"entry {index + 1}"
    return f"entry {index + 1} of the {_words(name)}"


def _child(node: Any, part: PathPart) -> Any:
    if isinstance(part, int):
        return node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    return _field(node, part)


def coach_reason(parts: Sequence[PathPart], document: Any, reason: str) -> str:
    """``reason`` with the units of the mass it is about, where the document says them."""
    if not parts or not isinstance(parts[-1], str) or parts[-1] not in _MASS_FIELDS:
        return reason
    match = _BOUND.match(reason)
    unit = _unit(parts, document)
    if match is None or unit is None:
        return reason
    relation, bound, found = match.groups()
    return f"must be {relation} {bound} {unit}, found {found} {unit}"


def _unit(parts: Sequence[PathPart], document: Any) -> str | None:
    """The units of the nearest enclosing object that states them."""
    node: Any = document
    found: str | None = None
    for part in parts:
        for name in ("units", "unit"):
            value = _field(node, name)
            if value in ("kg", "lb"):
                found = value
        node = _child(node, part)
    return found
