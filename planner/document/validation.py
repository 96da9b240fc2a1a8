"""Rules a season document must keep beyond its JSON Schema.

The schema checks shapes and types; these checks need the whole document (dates against the
season, entries against the squad). Loading refuses a file that breaks one, and every edit
checks its result, so an invalid document never reaches the engine or the disk.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import NamedTuple

from planner.by_identity import ByIdentity
from planner.document.catalogue import catalogue, lift_name, lifts_with_maxes
from planner.document.limits import (
    EFFORT_SCALE,
    MAX_DONE_DISTANCE_M,
    MAX_DONE_LOAD_KG,
    MAX_DONE_REPS,
    MAX_DONE_SETS,
    MAX_FROM_REPS,
    MAX_NAME_LENGTH,
    MAX_NOTE_LENGTH,
    MAX_RECORD_MINUTES,
    birth_date_problem,
    date_problem,
    text_problem,
)
from planner.document.model import Athlete, Competition, FrozenSpan, Season, Units
from planner.document.records import DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Session
from planner.document.text import plural

# Plausible training maxes and body masses; outside these a typo is far likelier than an athlete.
MAX_RANGE_KG = (10.0, 400.0)
BODY_MASS_RANGE_KG = (25.0, 200.0)
BAR_RANGE_KG = (0.0, 30.0)
INCREMENT_RANGE_KG = (0.25, 10.0)
# The longest competition a season may hold (a multi-day championship fits well inside).
MAX_COMPETITION_DAYS = 14

# Bounded: an id of thousands of digits would not convert to a number (and is no counter).
_NUMBERED_ID = re.compile(r"^(ath|comp)-(\d{1,18})$")


class Problem(NamedTuple):
    """One broken rule: ``path`` names the place (e.g. ``athletes[1].maxes[0].value``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def date_problems(
    day: date | None, path: str, what: str, rule: Callable[[date], str | None] = date_problem
) -> list[Problem]:
    """A date the calendar arithmetic, the printouts or the window could not handle."""
    problem = None if day is None else rule(day)
    return [] if problem is None else [Problem(path, f"{what} {problem}")]


def text_problems(
    text: str, path: str, what: str, *, note: bool = False, max_length: int | None = None
) -> list[Problem]:
    """A text too long to print, or holding characters that break files and lines.

    ``note``: several lines (and tabs) are allowed, up to ``MAX_NOTE_LENGTH``.
    """
    longest = max_length or (MAX_NOTE_LENGTH if note else MAX_NAME_LENGTH)
    problem = text_problem(text, max_length=longest, multiline=note)
    return [] if problem is None else [Problem(path, f"{what} {problem.removeprefix('it ')}")]


def in_kg_range(value: float, units: Units, bounds: tuple[float, float]) -> bool:
    low, high = bounds
    return low <= units.to_kg(value) <= high


def _range_text(units: Units, bounds: tuple[float, float]) -> str:
    low, high = (units.from_kg(b) for b in bounds)
    return f"{low:g}-{high:g} {units.value}" if units is Units.KG else f"{low:.0f}-{high:.0f} lb"


# Every edit checks the whole document, and most leave every athlete as it was (a drag checks
# the squad at every hovered day). An athlete is immutable and its own checks read nothing else
# (the catalogue is fixed), so what is wrong with one (its id's text, then its fields) is found
# once, at no path, and kept by its identity; each use puts its own path in front.
_ATHLETE_PROBLEMS: ByIdentity[tuple[Problem, ...]] = ByIdentity(kept=5_000)


def _placed(path: str, found: Iterable[Problem]) -> list[Problem]:
    """Problems found at no path, placed under ``path``."""
    return [Problem(f"{path}{problem.path}", problem.message) for problem in found]


def _athlete_problems(athlete: Athlete) -> tuple[Problem, ...]:
    """Problems within one athlete's own fields (nothing that needs the rest of the season), at
    no path: ``.id``, ``.name``, ``.maxes[0].value``."""
    problems = text_problems(athlete.id, ".id", "the id")
    units = athlete.units
    if not athlete.name.strip():
        problems.append(Problem(".name", "the name is empty"))
    problems.extend(text_problems(athlete.name, ".name", "the name"))
    problems.extend(date_problems(athlete.birth_date, ".birth_date", "the birth date", birth_date_problem))
    if not in_kg_range(athlete.body_mass, units, BODY_MASS_RANGE_KG):
        problems.append(
            Problem(
                ".body_mass",
                f"body mass {athlete.body_mass:g} {units.value} is outside {_range_text(units, BODY_MASS_RANGE_KG)}",
            )
        )
    eq = athlete.equipment
    if not in_kg_range(eq.bar_mass, units, BAR_RANGE_KG):
        problems.append(
            Problem(".equipment.bar_mass", f"bar mass {eq.bar_mass:g} {units.value} is not plausible")
        )
    if not in_kg_range(eq.increment, units, INCREMENT_RANGE_KG):
        problems.append(
            Problem(
                ".equipment.increment",
                f"smallest loading increment {eq.increment:g} {units.value} is not plausible",
            )
        )
    if not in_kg_range(eq.dumbbell_step, units, INCREMENT_RANGE_KG):
        problems.append(
            Problem(
                ".equipment.dumbbell_step",
                f"dumbbell step {eq.dumbbell_step:g} {units.value} is not plausible",
            )
        )
    for i, entry in enumerate(athlete.maxes):
        if not in_kg_range(entry.value, units, MAX_RANGE_KG):
            problems.append(
                Problem(
                    f".maxes[{i}].value",
                    f"a max of {entry.value:g} {units.value} for {entry.lift} is outside "
                    f"{_range_text(units, MAX_RANGE_KG)}",
                )
            )
    for i, entry in enumerate(athlete.maxes):
        problems.extend(date_problems(entry.date, f".maxes[{i}].date", "the date"))
    seen: set[tuple[str, object]] = set()
    for i, entry in enumerate(athlete.maxes):
        key = (entry.lift, entry.date)
        if key in seen:
            problems.append(Problem(f".maxes[{i}]", f"two maxes for {entry.lift} on {entry.date.isoformat()}"))
        seen.add(key)
    known_lifts = lifts_with_maxes()
    for i, entry in enumerate(athlete.maxes):
        if entry.lift not in known_lifts:
            choices = ", ".join(known_lifts)
            message = f"unknown lift {entry.lift!r} (maxes are for {choices})"
            problems.append(Problem(f".maxes[{i}].lift", message))
    for i, entry in enumerate(athlete.maxes):
        if entry.from_reps is not None and not MAX_FROM_REPS[0] <= entry.from_reps <= MAX_FROM_REPS[1]:
            low, high = MAX_FROM_REPS
            problems.append(
                Problem(f".maxes[{i}].from_reps", f"a max is worked out from a {low}- to {high}-rep max, "
                        f"not from {entry.from_reps} reps")
            )
    exercises = catalogue()
    for i, (original, substitute) in enumerate(athlete.substitutions):
        allowed = exercises[original].substitutes if original in exercises else ()
        if substitute not in allowed:
            problems.append(
                Problem(f".substitutions[{i}]", f"{substitute!r} is not a substitute for {original!r}")
            )
    if len(athlete.rhythm) != 7:
        problems.append(Problem(".rhythm", "the weekly rhythm needs seven days"))
    originals = [original for original, _ in athlete.substitutions]
    if len(set(originals)) != len(originals):
        problems.append(Problem(".substitutions", "an exercise is substituted twice"))
    return tuple(problems)


def season_problems(season: Season) -> list[Problem]:
    """Every rule the document breaks, in document order; empty when it is valid."""
    problems: list[Problem] = []
    if not season.name.strip():
        problems.append(Problem("name", "the season name is empty"))
    problems.extend(text_problems(season.name, "name", "the season name"))
    days = date_problems(season.first_day, "first_day", "the first day") + date_problems(
        season.last_day, "last_day", "the last day"
    )
    problems.extend(days)
    # The span is only worth comparing between dates the calendar can hold.
    if not days and season.last_day < season.first_day:
        problems.append(
            Problem(
                "last_day",
                f"the last day {season.last_day.isoformat()} is before the first day {season.first_day.isoformat()}",
            )
        )
    elif not days and (season.last_day - season.first_day).days > 2 * 366:
        problems.append(Problem("last_day", "a season can last two years at the most"))
    if not 0 <= season.week_start <= 6:
        problems.append(Problem("week_start", "the first day of the week must be 0 (Monday) to 6 (Sunday)"))

    athlete_ids: set[str] = set()
    for i, athlete in enumerate(season.athletes):
        path = f"athletes[{i}]"
        if athlete.id in athlete_ids:
            problems.append(Problem(f"{path}.id", f"the athlete id {athlete.id!r} is used twice"))
        athlete_ids.add(athlete.id)
        problems.extend(_counter_problems(athlete.id, "ath", season.next_athlete_number, f"{path}.id"))
        problems.extend(_placed(path, _ATHLETE_PROBLEMS.get(_athlete_problems, athlete)))

    competition_ids: set[str] = set()
    for i, comp in enumerate(season.competitions):
        path = f"competitions[{i}]"
        if comp.id in competition_ids:
            problems.append(Problem(f"{path}.id", f"the competition id {comp.id!r} is used twice"))
        competition_ids.add(comp.id)
        problems.extend(_counter_problems(comp.id, "comp", season.next_competition_number, f"{path}.id"))
        own, own_after = _COMPETITION_PROBLEMS.get(_competition_problems, comp)
        problems.extend(_placed(path, own))
        if not (season.contains(comp.start) and season.contains(comp.end)):
            problems.append(
                Problem(
                    f"{path}.start",
                    f"{comp.name!r} ({comp.start.isoformat()} to {comp.end.isoformat()}) is outside the "
                    f"season {season.first_day.isoformat()} to {season.last_day.isoformat()}",
                )
            )
        problems.extend(_placed(path, own_after))
        for j, athlete_id in enumerate(comp.athletes or ()):
            if athlete_id not in athlete_ids:
                problems.append(
                    Problem(
                        f"{path}.athletes[{j}]",
                        f"{comp.name!r} enters an unknown athlete {athlete_id!r}",
                    )
                )

    override_keys: set[object] = set()
    for i, override in enumerate(season.overrides):
        path = f"overrides[{i}]"
        if override.athlete_id not in athlete_ids:
            problems.append(Problem(f"{path}.athlete", f"override for an unknown athlete {override.athlete_id!r}"))
        problems.extend(date_problems(override.date, f"{path}.date", "the date"))
        if not season.contains(override.date):
            problems.append(Problem(f"{path}.date", f"override on {override.date.isoformat()} is outside the season"))
        if override.key in override_keys:
            problems.append(Problem(path, "two overrides for the same athlete, day and session kind"))
        override_keys.add(override.key)
        for label, session in (("session", override.session), ("replaced", override.replaced)):
            if session is not None and (session.date != override.date or session.kind != override.kind):
                problems.append(Problem(f"{path}.{label}", "the session's date and kind must match the override's"))
            if session is not None:
                problems.extend(session_problems(session, f"{path}.{label}"))

    locked: set[object] = set()
    for i, week in enumerate(season.locked_weeks):
        path = f"locked_weeks[{i}]"
        if week.athlete_id not in athlete_ids:
            problems.append(Problem(f"{path}.athlete", f"locked week for an unknown athlete {week.athlete_id!r}"))
        starts = date_problems(week.week_start, f"{path}.week_start", "the first day")
        if starts:
            # The checks below count days from it, which would leave the calendar.
            problems.extend(starts)
            continue
        if season.week_of(week.week_start) != week.week_start:
            problems.append(Problem(f"{path}.week_start", "a locked week must start on the season's first weekday"))
        if (week.athlete_id, week.week_start) in locked:
            problems.append(Problem(path, "the same week is locked twice"))
        locked.add((week.athlete_id, week.week_start))
        end = week.week_start.toordinal() + 6
        if end < season.first_day.toordinal() or week.week_start > season.last_day:
            problems.append(Problem(f"{path}.week_start", "the locked week is outside the season"))
        for j, session in enumerate(week.sessions):
            if not week.week_start.toordinal() <= session.date.toordinal() <= end:
                problems.append(Problem(f"{path}.sessions[{j}].date", "the session is not in the locked week"))
            problems.extend(session_problems(session, f"{path}.sessions[{j}]"))

    for i, note in enumerate(season.notes):
        problems.extend(text_problems(note.text, f"notes[{i}].text", "the note", note=True))
        problems.extend(date_problems(note.date, f"notes[{i}].date", "the date"))
        if note.athlete_id is not None and note.athlete_id not in athlete_ids:
            problems.append(Problem(f"notes[{i}].athlete", f"note for an unknown athlete {note.athlete_id!r}"))

    record_keys: set[object] = set()
    for i, record in enumerate(season.records):
        path = f"records[{i}]"
        if record.key in record_keys:
            problems.append(Problem(path, "two records for the same athlete, day and session kind"))
        record_keys.add(record.key)
        problems.extend(record_problems(season, record, path))
    problems.extend(_frozen_problems(season, athlete_ids))
    known_lifts = lifts_with_maxes()
    for i, dismissed in enumerate(season.dismissed):
        path = f"dismissed[{i}]"
        if dismissed.athlete_id not in athlete_ids:
            message = f"dismissed proposal for an unknown athlete {dismissed.athlete_id!r}"
            problems.append(Problem(f"{path}.athlete", message))
        if dismissed.lift not in known_lifts:
            problems.append(Problem(f"{path}.lift", f"unknown lift {dismissed.lift!r}"))
        problems.extend(date_problems(dismissed.date, f"{path}.date", "the date"))
        if not (math.isfinite(dismissed.value) and dismissed.value > 0):
            problems.append(Problem(f"{path}.value", f"a proposed max must be above 0, found {dismissed.value:g}"))
    return problems


# A competition's own checks, kept by its identity as an athlete's are: an edit changes one
# competition at most, and a drag checks every one at every hovered day.
_COMPETITION_PROBLEMS: ByIdentity[tuple[tuple[Problem, ...], tuple[Problem, ...]]] = ByIdentity(kept=5_000)


def _competition_problems(comp: Competition) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """What is wrong with a competition's own fields, at no path: the problems found before
    whether it lies in the season is checked, and those found after it (document order)."""
    before: list[Problem] = []
    before.extend(text_problems(comp.id, ".id", "the id"))
    if not comp.name.strip():
        before.append(Problem(".name", "the competition name is empty"))
    before.extend(text_problems(comp.name, ".name", "the competition name"))
    before.extend(date_problems(comp.start, ".start", "the first day"))
    before.extend(date_problems(comp.end, ".end", "the last day"))
    if comp.end < comp.start:
        before.append(Problem(".end", f"{comp.name!r} ends on {comp.end.isoformat()}, before it starts"))
    after: list[Problem] = []
    if comp.days > MAX_COMPETITION_DAYS:
        after.append(Problem(".end", f"{comp.name!r} lasts more than {MAX_COMPETITION_DAYS} days"))
    if comp.athletes is not None and len(set(comp.athletes)) != len(comp.athletes):
        after.append(Problem(".athletes", f"{comp.name!r} enters an athlete twice"))
    return tuple(before), tuple(after)


def _frozen_problems(season: Season, athlete_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    kept: dict[str, list[tuple[date, date]]] = {}
    for i, span in enumerate(season.frozen):
        path = f"frozen[{i}]"
        if span.athlete_id not in athlete_ids:
            message = f"days kept as planned for an unknown athlete {span.athlete_id!r}"
            problems.append(Problem(f"{path}.athlete", message))
        dates = date_problems(span.first, f"{path}.first", "the first day") + date_problems(
            span.last, f"{path}.last", "the last day"
        )
        if dates:
            problems.extend(dates)
            continue
        if span.last < span.first:
            problems.append(Problem(f"{path}.last", "the last day kept is before the first"))
            continue
        if span.first < season.first_day or span.last > season.last_day:
            problems.append(Problem(path, "the days kept as planned are outside the season"))
        if any(first <= span.last and span.first <= last for first, last in kept.get(span.athlete_id, [])):
            problems.append(Problem(path, "the same day is kept as planned twice"))
        kept.setdefault(span.athlete_id, []).append((span.first, span.last))
        found = _KEPT_PROBLEMS.get(_kept_sessions_problems, span)
        problems.extend(_placed(path, found))
    return problems


# A span of kept days is immutable and most edits leave every span alone (each athlete's past
# holds a few hundred sessions): what is wrong with its sessions is found once per span.
_KEPT_PROBLEMS: ByIdentity[tuple[Problem, ...]] = ByIdentity(kept=5_000)


def _kept_sessions_problems(span: FrozenSpan) -> tuple[Problem, ...]:
    # A kept day holds what the plan showed, as a locked week does: it is not checked for
    # more than the plan could hold.
    problems: list[Problem] = []
    for j, session in enumerate(span.sessions):
        if not span.covers(session.date):
            problems.append(Problem(f".sessions[{j}].date", "the session is not in the days kept"))
        problems.extend(session_problems(session, f".sessions[{j}]"))
    return tuple(problems)


def record_session_words(season: Season, record: SessionRecord) -> str:
    """The session a record is about, as a coach says it: "Łucja Nowak's weights session on
    2027-03-03" (the athlete's id when the squad does not know it)."""
    athlete = season.find_athlete(record.athlete_id)
    who = record.athlete_id if athlete is None else athlete.name.strip() or athlete.id
    return f"{who}'s {record.kind} session on {record.date.isoformat()}"


def record_problems(season: Season, record: SessionRecord, path: str) -> list[Problem]:
    """What a record of a session holds that no session could have (or that is not this season's).

    The messages say what is wrong; the path says where (the exercise and set), and a file's
    place or an edit's sentence names the session.
    """
    problems: list[Problem] = []
    if season.find_athlete(record.athlete_id) is None:
        problems.append(Problem(f"{path}.athlete", f"record for an unknown athlete {record.athlete_id!r}"))
    dates, own = _RECORD_PROBLEMS.get(_own_record_problems, record)
    problems.extend(_placed(path, dates))
    if not dates and not season.contains(record.date):
        problems.append(
            Problem(
                f"{path}.date",
                f"the {record.kind} session on {record.date.isoformat()} is outside the season "
                f"{season.first_day.isoformat()} to {season.last_day.isoformat()}",
            )
        )
    problems.extend(_placed(path, own))
    return problems


# A record is immutable, and a season holds hundreds that most edits leave alone: what is
# wrong with one by itself is found once, at no path, and kept by its identity (what depends
# on the season, its athlete and its days, is checked at every use).
_RECORD_PROBLEMS: ByIdentity[tuple[tuple[Problem, ...], tuple[Problem, ...]]] = ByIdentity(kept=50_000)


def _own_record_problems(record: SessionRecord) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """What is wrong with a record by itself, at no path: its date, and everything else."""
    problems: list[Problem] = []
    planned = record.planned
    if planned.date != record.date or planned.kind != record.kind:
        problems.append(Problem(".planned", "the planned session's date and kind must match the record's"))
    problems.extend(session_problems(planned, ".planned"))
    if record.effort is not None and not (
        math.isfinite(record.effort) and EFFORT_SCALE[0] <= record.effort <= EFFORT_SCALE[1]
    ):
        low, high = EFFORT_SCALE
        problems.append(Problem(".effort", f"the effort must be {low:g} to {high:g}, found {record.effort:g}"))
    if record.minutes is not None and not 0 <= record.minutes <= MAX_RECORD_MINUTES:
        problems.append(
            Problem(".minutes", f"the minutes must be 0 to {MAX_RECORD_MINUTES}, found {record.minutes}")
        )
    problems.extend(text_problems(record.note, ".note", "the note", note=True))
    if record.items and len(record.items) != len(planned.items):
        problems.append(
            Problem(
                ".items",
                f"the record has {plural(len(record.items), 'exercise')} where {len(planned.items)} were planned",
            )
        )
    for j, (done, prescribed) in enumerate(zip(record.items, planned.items, strict=False)):
        if done.exercise_id != prescribed.exercise_id:
            problems.append(
                Problem(
                    f".items[{j}].exercise_id",
                    f"exercise {j + 1} was recorded as {lift_name(done.exercise_id)} "
                    f"where {lift_name(prescribed.exercise_id)} was planned",
                )
            )
    for j, done in enumerate(record.items):
        where = f".items[{j}]"
        if len(done.sets) > MAX_DONE_SETS:
            problems.append(
                Problem(f"{where}.sets", f"{len(done.sets)} sets done; a record holds at most {MAX_DONE_SETS}")
            )
        for k, done_set in enumerate(done.sets):
            problems.extend(_set_problems(done_set, record.units, f"{where}.sets[{k}]"))
    if record.status is RecordStatus.MISSED and any(done.sets for done in record.items):
        problems.append(Problem(".status", "a missed session has no sets done"))
    return tuple(date_problems(record.date, ".date", "the date")), tuple(problems)


def _set_problems(done: DoneSet, units: Units, path: str) -> list[Problem]:
    problems: list[Problem] = []
    if not 0 <= done.reps <= MAX_DONE_REPS:
        problems.append(Problem(f"{path}.reps", f"the reps must be 0 to {MAX_DONE_REPS}, found {done.reps}"))
    if done.load is not None:
        heaviest = units.from_kg(MAX_DONE_LOAD_KG)
        if not (math.isfinite(done.load) and 0 <= done.load <= heaviest):
            problems.append(
                Problem(
                    f"{path}.load",
                    f"the load must be 0 to {heaviest:.0f} {units.value}, found {done.load:g} {units.value}",
                )
            )
    if done.distance_m is not None and not (
        math.isfinite(done.distance_m) and 0 <= done.distance_m <= MAX_DONE_DISTANCE_M
    ):
        problems.append(
            Problem(
                f"{path}.distance_m",
                f"the distance must be 0 to {MAX_DONE_DISTANCE_M:g} m, found {done.distance_m:g} m",
            )
        )
    return problems


def _counter_problems(item_id: str, prefix: str, next_number: int, path: str) -> list[Problem]:
    match = _NUMBERED_ID.match(item_id)
    if match and match.group(1) == prefix and int(match.group(2)) >= next_number:
        return [Problem(path, f"the id {item_id!r} is not below the document's next number {next_number}")]
    return []


# Every edit checks the whole document, and the days kept as planned hold hundreds of
# sessions that no edit changes. A session is immutable, so what is wrong with it is found
# once, at no path, and kept by its identity; each use puts its own path in front.
_SESSION_PROBLEMS: ByIdentity[tuple[Problem, ...]] = ByIdentity(kept=50_000)


def session_problems(session: Session, path: str) -> list[Problem]:
    """Numbers in a stored session that no coach could mean (and JSON could not hold)."""
    found = _SESSION_PROBLEMS.get(_problems_at_no_path, session)
    return _placed(path, found)


def _problems_at_no_path(session: Session) -> tuple[Problem, ...]:
    return tuple(_session_problems(session, ""))


def _session_problems(session: Session, path: str) -> list[Problem]:
    problems: list[Problem] = []
    problems.extend(date_problems(session.date, f"{path}.date", "the date"))
    problems.extend(_session_text_problems(session, path))
    if session.minutes < 1:
        problems.append(Problem(f"{path}.minutes", "a session lasts at least a minute"))
    if not (math.isfinite(session.effort) and 0 <= session.effort <= 10):
        problems.append(Problem(f"{path}.effort", "the estimated effort is on the 0-10 scale"))
    for i, item in enumerate(session.items):
        where = f"{path}.items[{i}]"
        if item.sets < 1 or item.reps < 1:
            problems.append(Problem(where, f"{item.name}: sets and reps must be at least 1"))
        for name in ("percent_max", "max_value", "load", "load_kg", "distance_m"):
            value = getattr(item, name)
            if value is not None and not (math.isfinite(value) and value >= 0):
                problems.append(Problem(f"{where}.{name}", f"{item.name}: {name.replace('_', ' ')} is not a number"))
        if item.contacts < 0:
            problems.append(Problem(f"{where}.contacts", f"{item.name}: contacts cannot be negative"))
    return problems


def _session_text_problems(session: Session, path: str) -> list[Problem]:
    # Sessions are mostly the engine's words (a reason may quote competition names), so
    # their texts get a note's room; names still fit on one line.
    texts: list[tuple[str, str, str, bool, int | None]] = [
        (session.id, f"{path}.id", "the id", False, MAX_NOTE_LENGTH),
        (session.title, f"{path}.title", "the title", False, None),
        (session.reason, f"{path}.reason", "the reason", True, None),
    ]
    for label, values in (("tags", session.tags), ("rule_ids", session.rule_ids), ("notes", session.notes)):
        texts.extend(
            (value, f"{path}.{label}[{j}]", "the text", label == "notes", MAX_NOTE_LENGTH)
            for j, value in enumerate(values)
        )
    for i, item in enumerate(session.items):
        where = f"{path}.items[{i}]"
        texts += [
            (item.exercise_id, f"{where}.exercise_id", "the exercise id", False, None),
            (item.name, f"{where}.name", "the exercise name", False, None),
            (item.note, f"{where}.note", "the note", True, None),
        ]
        texts.extend(
            (rule, f"{where}.rule_ids[{j}]", "the text", False, MAX_NOTE_LENGTH) for j, rule in enumerate(item.rule_ids)
        )
    problems: list[Problem] = []
    for text, where, what, note, longest in texts:
        problems.extend(text_problems(text, where, what, note=note, max_length=longest))
    return problems
