"""What was done, typed into the spreadsheet export and read back as records of the sessions.

``planner.export.csv`` writes a row per prescribed set with empty "done" columns; a coach
fills them in a spreadsheet (the loads and reps of the sets done, the session's status,
effort, minutes and note) and imports the file. As for competitions, importing happens in two
steps so that nothing changes before the coach has seen what will: ``preview_results`` /
``preview_results_file`` read the file into a ``ResultsPreview`` (each row with what it
records, or why it is refused) and ``apply_results`` records the accepted sessions. Both are
pure; the window applies the result as one undo step and the command line saves it once.

Rows are grouped by session (athlete_id, date, kind); ``item`` (from 1) and ``set`` place a
row in the session as it was planned (the recorded one when the session is already recorded,
so a sheet exported after recording reads back the same). How a filled-in session reads:

- ``done_status`` "done", "partly done" or "missed" (also "partly", "partly_done", "yes",
  "no", "x"; empty: "done" when every prescribed set has its reps, "partly done" otherwise).
- A set row with ``done_reps`` is that set as done (``done_load`` in the row's ``unit``, or
  without one in the record's units where the session is recorded and the athlete's
  otherwise; ``done_distance_m`` per rep). A session already recorded keeps its record's
  units, as a record does when the athlete switches units. A prescribed set left empty
  counts as done as prescribed in a "done" session and as not done in a "partly done" one;
  in a session whose record has sets it is not done either way, since the sheet of a record
  writes every set done. "done" with no figure at all is a session ticked done as planned,
  recorded as its status alone. Rows with set numbers beyond the prescribed ones are extra
  sets.
- ``effort`` (0-10), ``minutes`` and ``note`` are the session's; they repeat on its rows and
  must agree where they are filled in.
- A session none of whose rows has anything in the done columns is not part of the import.

Refused, each row with its line and the reason: an unknown athlete, session or exercise
(an item the session does not have, an exercise name that is not the item's), a date that is
unreadable, outside the season or after today, a negative or unreadable number, reps, load,
distance or minutes beyond what a record holds, an effort above 10, a value that contradicts
another row of the session (two efforts, a set given twice with other values, sets in a
missed session) and a row from another season. A session with one refused row is refused
whole, every row saying so: nothing is recorded half-way. A session whose values equal its
record already in the season is shown as unchanged and not recorded again.

A whole file is refused (``ResultsSourceError``) when it cannot be read as text, lacks the
columns the export writes, was exported from another season (its ``season_id`` column names
only other seasons), or is larger than ``MAX_FILE_BYTES`` (20 MB) or ``MAX_ROWS`` (200,000)
rows: a squad of 20 for a whole season is about a tenth of that. Judging is linear in the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from planner.document.edits import EditError, record_sessions
from planner.document.limits import (
    EFFORT_SCALE,
    MAX_DONE_DISTANCE_M,
    MAX_DONE_LOAD_KG,
    MAX_DONE_REPS,
    MAX_DONE_SETS,
    MAX_RECORD_MINUTES,
    date_problem,
    one_line,
)
from planner.document.model import Season, Units
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Item, Session, SessionKind
from planner.document.text import number, plural
from planner.document.validation import record_problems
from planner.engine.attempts import is_test
from planner.engine.freeze import settle
from planner.engine.generator import generate
from planner.engine.plan import Plan
from planner.engine.record_entry import entry_units
from planner.engine.results import record_result
from planner.imports.sheet import SHOWN_LENGTH, cut, decoded, read_capped, sheet_rows, shown

__all__ = [
    "LIMITS",
    "MAX_FILE_BYTES",
    "MAX_FILE_MB",
    "MAX_ROWS",
    "PreviewRow",
    "ResultsPreview",
    "ResultsSourceError",
    "RowState",
    "apply_results",
    "preview_results",
    "preview_results_file",
]

MAX_FILE_MB = 20
MAX_FILE_BYTES = MAX_FILE_MB * 1_000_000
MAX_ROWS = 200_000
LIMITS = f"an import of results reads files of up to {MAX_FILE_MB} MB with at most {MAX_ROWS:,} rows"



class ResultsSourceError(ValueError):
    """The file as a whole cannot be read (missing, not text, no columns, another season, too large)."""


class RowState(StrEnum):
    RECORD = "record"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One row of the file: ``source`` "line 12", the ``session`` it belongs to as a coach
    reads it, ``what`` it says was done, and whether it is recorded (``reason`` when refused)."""

    source: str
    session: str
    what: str
    state: RowState
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ResultsPreview:
    """The rows in file order and the records the accepted sessions become.

    ``blank_rows`` counts the rows of sessions with nothing filled in, which are left out.
    """

    source_name: str
    rows: tuple[PreviewRow, ...]
    records: tuple[SessionRecord, ...]
    blank_rows: int = 0

    @property
    def refused(self) -> tuple[PreviewRow, ...]:
        return tuple(row for row in self.rows if row.state is RowState.REFUSED)

    @property
    def unchanged(self) -> tuple[PreviewRow, ...]:
        return tuple(row for row in self.rows if row.state is RowState.UNCHANGED)

    @property
    def recorded(self) -> tuple[PreviewRow, ...]:
        return tuple(row for row in self.rows if row.state is RowState.RECORD)


# ---------------------------------------------------------------------------------------------
# Cells


class _BadValue(ValueError):
    """A cell that cannot be read; the message is the refusal reason."""


# What the spreadsheet export escapes; kept in step with planner.export.csv.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(text: str) -> str:
    """A text cell as typed: without the apostrophe ``planner.export.csv.safe_cell`` puts
    before a formula start (and before apostrophes that come before one)."""
    if text.startswith("'") and text.lstrip("'").startswith(_FORMULA_STARTS):
        return text[1:]
    return text


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


def _parse_day(text: str) -> date:
    value = text.strip()
    if not value:
        raise _BadValue("missing date")
    for pattern, order in ((_ISO, (0, 1, 2)), (_DOTTED, (2, 1, 0))):
        match = pattern.fullmatch(value)
        if match is not None:
            year, month, day = (int(match.group(i + 1)) for i in order)
            try:
                found = date(year, month, day)
            except ValueError:
                raise _BadValue(f"no such date {shown(value)}") from None
            problem = date_problem(found)
            if problem is not None:
                raise _BadValue(f"the date {problem}")
            return found
    raise _BadValue(f"unreadable date {shown(value)}; write it as 2026-11-02 or 02.11.2026")


def _parse_number(text: str, what: str) -> float | None:
    """A number cell (a decimal comma too, as spreadsheets in many locales write it); None when empty."""
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if not value:
        return None
    if _NUMBER.fullmatch(value) is None:
        raise _BadValue(f"the {what} {shown(text.strip())} is not a number")
    found = float(value.replace(",", "."))
    if found < 0:
        raise _BadValue(f"the {what} cannot be negative, found {number(found)}")
    return found


def _parse_whole(text: str, what: str) -> int | None:
    found = _parse_number(text, what)
    if found is None:
        return None
    if not found.is_integer():
        raise _BadValue(f"the {what} must be a whole number, found {number(found)}")
    return int(found)


def _checked_at_most(value: float | None, highest: float, what: str, unit: str = "") -> None:
    if value is not None and value > highest:
        after = f" {unit}" if unit else ""
        raise _BadValue(f"the {what} must be 0 to {number(highest)}{after}, found {number(value)}{after}")


_STATUS_WORDS = {
    "done": RecordStatus.DONE,
    "yes": RecordStatus.DONE,
    "y": RecordStatus.DONE,
    "x": RecordStatus.DONE,
    "completed": RecordStatus.DONE,
    "done as planned": RecordStatus.DONE,
    "partly done": RecordStatus.PARTLY_DONE,
    "partly_done": RecordStatus.PARTLY_DONE,
    "partly": RecordStatus.PARTLY_DONE,
    "partial": RecordStatus.PARTLY_DONE,
    "missed": RecordStatus.MISSED,
    "no": RecordStatus.MISSED,
    "n": RecordStatus.MISSED,
}


def _parse_status(text: str) -> RecordStatus | None:
    value = " ".join(text.split()).casefold()
    if not value:
        return None
    found = _STATUS_WORDS.get(value)
    if found is None:
        raise _BadValue(f"the status must be done, partly done or missed, not {shown(text.strip())}")
    return found


# ---------------------------------------------------------------------------------------------
# The file


_COLUMN_NAMES = {
    "date": "date",
    "athlete": "athlete",
    "exercise": "exercise",
    "set": "set",
    "unit": "unit",
    "done_status": "done_status",
    "status": "done_status",
    "done_reps": "done_reps",
    "done_load": "done_load",
    "done_distance_m": "done_distance_m",
    "done_distance": "done_distance_m",
    "effort": "effort",
    "minutes": "minutes",
    "note": "note",
    "season": "season",
    "season_id": "season_id",
    "athlete_id": "athlete_id",
    "kind": "kind",
    "item": "item",
}
_REQUIRED = ("date", "athlete_id", "kind", "item", "set", "done_status", "done_reps", "done_load")
# The cells that say something was done; a row without any of them is blank.
_DONE = ("done_status", "done_reps", "done_load", "done_distance_m", "effort", "minutes", "note")
_HEADER_CELLS_SHOWN = 8


def _column_key(cell: str) -> str:
    return re.sub(r"[\s\-]+", "_", cell.replace("\ufeff", "").strip().casefold())


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _COLUMN_NAMES.get(_column_key(cell))
        if name is not None and name not in columns:
            columns[name] = index
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        named = [shown(c.strip()) for c in header[:_HEADER_CELLS_SHOWN] if c.strip()]
        found = ", ".join(named + ["…"] * (len(header) > _HEADER_CELLS_SHOWN)) or "nothing"
        raise ResultsSourceError(
            f"the first line must name the columns of SprintPlan's spreadsheet export "
            f"(missing {', '.join(missing)}; found {found}); export the spreadsheet again and fill in its done columns"
        )
    return columns


# ---------------------------------------------------------------------------------------------
# Rows


Key = tuple[str, date, SessionKind]


@dataclass(frozen=True, slots=True)
class _Row:
    """A row whose session is known, its other cells still as text until the session is judged."""

    line: int
    key: Key
    cells: dict[str, str]

    @property
    def source(self) -> str:
        return f"line {self.line}"

    @property
    def blank(self) -> bool:
        return not any(self.cells.get(name, "").strip() for name in _DONE)


@dataclass(frozen=True, slots=True)
class _SetValues:
    reps: int | None
    load: float | None
    distance_m: float | None


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A row's values, read and checked against the session it is in."""

    row: _Row
    item: int  # from 0
    set_number: int  # from 1
    status: RecordStatus | None
    values: _SetValues
    effort: float | None
    minutes: int | None
    note: str | None


def _row_key(cells: dict[str, str]) -> Key:
    athlete_id = cells.get("athlete_id", "").strip()
    if not athlete_id:
        raise _BadValue("missing athlete_id")
    day = _parse_day(cells.get("date", ""))
    kind_text = cells.get("kind", "").strip().casefold()
    try:
        kind = SessionKind(kind_text)
    except ValueError:
        raise _BadValue(f"the kind must be weights or plyometrics, not {shown(kind_text)}") from None
    return athlete_id, day, kind


def _session_words(season: Season, key: Key) -> str:
    athlete = season.find_athlete(key[0])
    who = key[0] if athlete is None else athlete.name
    return f"{who}, {key[2]}, {key[1].isoformat()}"


def _load_text(load: float | None, units: Units) -> str:
    return "" if load is None else f"{number(load)} {units.value} x "


def _set_text(done: DoneSet, units: Units) -> str:
    distance = "" if done.distance_m is None else f" x {number(done.distance_m)} m"
    return f"{_load_text(done.load, units)}{done.reps}{distance}"


class _Session:
    """The rows of one session, judged together: all of them are recorded or none."""

    def __init__(self, key: Key, words: str) -> None:
        self.key = key
        self.words = words
        self.rows: list[_Row] = []
        # Rows refused on their own before the session is judged (from another season), by line.
        self.refusals: dict[int, str] = {}
        self.parsed: list[_Parsed] = []

    @property
    def filled(self) -> bool:
        return bool(self.refusals) or any(not row.blank for row in self.rows)


class _Judge:
    def __init__(self, season: Season, today: date) -> None:
        self.season = season
        self.today = today
        self._plans: dict[str, Plan] = {}

    def plan(self, athlete_id: str) -> Plan:
        if athlete_id not in self._plans:
            self._plans[athlete_id] = generate(self.season, athlete_id)
        return self._plans[athlete_id]

    def planned(self, key: Key, existing: SessionRecord | None) -> Session:
        """The session a record of ``key`` is kept beside (``existing``, the record the season
        holds for it, keeps its own); raises _BadValue when there is none."""
        athlete_id, day, kind = key
        season = self.season
        athlete = season.find_athlete(athlete_id)
        if athlete is None:
            raise _BadValue(f"no athlete with the id {shown(athlete_id)} in the season")
        if not season.contains(day):
            raise _BadValue(
                f"{day.isoformat()} is outside the season {season.first_day.isoformat()} to "
                f"{season.last_day.isoformat()}"
            )
        if day > self.today:
            raise _BadValue(f"{day.isoformat()} is after today ({self.today.isoformat()}): it has not happened yet")
        if existing is not None:
            return existing.planned
        plan_day = self.plan(athlete_id).day(day)
        session = None if plan_day is None else next((s for s in plan_day.sessions if s.kind is kind), None)
        if session is None:
            raise _BadValue(f"no {kind} session is planned for {athlete.name} on {day.isoformat()}")
        return session

    # -- one row -----------------------------------------------------------------------------

    def parse(self, row: _Row, planned: Session, units: Units) -> _Parsed:
        """``row`` read against ``planned``, its load in ``units`` (an earlier record's, whose
        sheet wrote its loads in them, else the athlete's: ``entry_units``)."""
        cells = row.cells
        item_number = _parse_whole(cells.get("item", ""), "item number")
        if item_number is None or not 1 <= item_number <= len(planned.items):
            quoted = shown(cells.get("item", "").strip())
            raise _BadValue(
                f"item {quoted} is not one of the session's {plural(len(planned.items), 'exercise')}"
            )
        item = planned.items[item_number - 1]
        exercise = _plain(cells.get("exercise", "")).strip()
        if exercise and exercise.casefold() != item.name.casefold():
            raise _BadValue(f"exercise {item_number} of the session is {item.name}, not {shown(exercise)}")
        set_number = _parse_whole(cells.get("set", ""), "set number")
        if set_number is None or not 1 <= set_number <= MAX_DONE_SETS:
            raise _BadValue(f"the set number must be 1 to {MAX_DONE_SETS}, found {shown(cells.get('set', ''))}")
        typed_units = self._units(cells.get("unit", ""), units)
        reps = _parse_whole(cells.get("done_reps", ""), "reps done")
        _checked_at_most(reps, MAX_DONE_REPS, "reps done")
        load = _parse_number(cells.get("done_load", ""), "load done")
        heaviest = units.from_kg(MAX_DONE_LOAD_KG)
        if load is not None and typed_units is not units:
            load = round(units.from_kg(typed_units.to_kg(load)), 1)
        _checked_at_most(load, heaviest, "load done", units.value)
        distance = _parse_number(cells.get("done_distance_m", ""), "distance done")
        _checked_at_most(distance, MAX_DONE_DISTANCE_M, "distance done", "m")
        if reps is None and (load is not None or distance is not None):
            raise _BadValue("a load or distance without the reps done; write the reps (0 for a failed attempt)")
        effort = _parse_number(cells.get("effort", ""), "effort")
        if effort is not None and not EFFORT_SCALE[0] <= effort <= EFFORT_SCALE[1]:
            raise _BadValue(f"the effort must be {EFFORT_SCALE[0]:g} to {EFFORT_SCALE[1]:g}, found {number(effort)}")
        minutes = _parse_whole(cells.get("minutes", ""), "minutes")
        _checked_at_most(minutes, MAX_RECORD_MINUTES, "minutes")
        note_cell = cells.get("note", "")
        note = _plain(note_cell).strip() if note_cell.strip() else None
        return _Parsed(
            row,
            item_number - 1,
            set_number,
            _parse_status(cells.get("done_status", "")),
            _SetValues(reps, load, distance),
            effort,
            minutes,
            note,
        )

    @staticmethod
    def _units(text: str, default: Units) -> Units:
        value = text.strip().casefold()
        return Units(value) if value in (Units.KG.value, Units.LB.value) else default

    # -- one session -------------------------------------------------------------------------

    def judge(self, session: _Session) -> tuple[list[PreviewRow], SessionRecord | None]:
        """The preview rows of a filled-in session and its record, or None when refused."""
        refusals = dict(session.refusals)
        record: SessionRecord | None = None
        existing = self.season.find_record(session.key)
        try:
            planned = self.planned(session.key, existing)
        except _BadValue as problem:
            for row in session.rows:
                refusals.setdefault(row.line, str(problem))
            planned = None
        if planned is not None:
            units = entry_units(self.season.athlete(session.key[0]), existing)
            for row in session.rows:
                try:
                    session.parsed.append(self.parse(row, planned, units))
                except _BadValue as problem:
                    refusals[row.line] = str(problem)
            refusals.update(_contradictions(session.parsed))
            if not refusals:
                record, problem_text = self._record(session, planned, units, existing)
                if problem_text is not None:
                    refusals[session.rows[0].line] = problem_text
                    record = None
        return self._rows(session, refusals, record, existing), record

    def _record(
        self, session: _Session, planned: Session, units: Units, existing: SessionRecord | None
    ) -> tuple[SessionRecord, str | None]:
        parsed = session.parsed
        status = next((p.status for p in parsed if p.status is not None), None)
        done_sets: dict[tuple[int, int], _SetValues] = {
            (p.item, p.set_number): p.values for p in parsed if p.values.reps is not None
        }
        if status is None:
            prescribed = ((i, n) for i, item in enumerate(planned.items) for n in range(1, item.sets + 1))
            every_set = all(place in done_sets for place in prescribed)
            status = RecordStatus.DONE if every_set else RecordStatus.PARTLY_DONE
        items: tuple[DoneItem, ...] = ()
        # "done" without a figure is a session ticked done as planned, kept as the status alone
        # (as the window's tick keeps it), so the sheet of such a record reads back the same.
        if status is not RecordStatus.MISSED and done_sets:
            as_prescribed = _empty_sets_done(existing, status)
            items = tuple(
                DoneItem(item.exercise_id, _item_sets(item, i, done_sets, as_prescribed, units))
                for i, item in enumerate(planned.items)
            )
        record = SessionRecord(
            athlete_id=session.key[0],
            date=session.key[1],
            kind=session.key[2],
            status=status,
            planned=planned,
            units=units,
            items=items,
            effort=next((p.effort for p in parsed if p.effort is not None), None),
            minutes=next((p.minutes for p in parsed if p.minutes is not None), None),
            note=next((p.note for p in parsed if p.note is not None), ""),
        )
        problems = record_problems(self.season, record, "record")
        return record, (None if not problems else problems[0].message)

    def _rows(
        self, session: _Session, refusals: dict[int, str], record: SessionRecord | None, existing: SessionRecord | None
    ) -> list[PreviewRow]:
        if refusals:
            first = min(refusals)
            whole = f"not recorded: line {first} of the same session is refused"
            return [
                PreviewRow(row.source, session.words, _row_text(row), RowState.REFUSED, refusals.get(row.line, whole))
                for row in session.rows
            ]
        assert record is not None
        state = RowState.UNCHANGED if existing == record else RowState.RECORD
        words = f"{session.words}: {_record_words(record)}"
        by_line = {p.row.line: p for p in session.parsed}
        as_prescribed = _empty_sets_done(existing, record.status)
        return [
            PreviewRow(row.source, words, _parsed_text(by_line[row.line], record, as_prescribed), state)
            for row in session.rows
        ]


def _empty_sets_done(existing: SessionRecord | None, status: RecordStatus) -> bool:
    """Whether a prescribed set left empty counts as done as prescribed: in a "done" session,
    unless its record (``existing``) has sets, whose sheet writes every set done (an empty row
    was not)."""
    return status is RecordStatus.DONE and (existing is None or not any(done.sets for done in existing.items))


def _contradictions(parsed: list[_Parsed]) -> dict[int, str]:
    """The rows of a session that disagree with an earlier row of it, with the reason."""
    refusals: dict[int, str] = {}
    firsts: dict[str, tuple[object, int]] = {}
    sets: dict[tuple[int, int], tuple[_SetValues, int]] = {}
    status = next((p.status for p in parsed if p.status is not None), None)
    for p in parsed:
        line = p.row.line
        for what, value in (("status", p.status), ("effort", p.effort), ("minutes", p.minutes), ("note", p.note)):
            if value is None:
                continue
            earlier = firsts.setdefault(what, (value, line))
            if earlier[0] != value:
                refusals.setdefault(line, f"the {what} {_value_text(value)} contradicts {_value_text(earlier[0])} "
                                    f"on line {earlier[1]}")
        if p.values.reps is None:
            continue
        if status is RecordStatus.MISSED:
            refusals.setdefault(line, "the session is marked missed, but this row has reps done")
        place = (p.item, p.set_number)
        earlier_set = sets.setdefault(place, (p.values, line))
        if earlier_set[0] != p.values:
            refusals.setdefault(
                line, f"item {p.item + 1}, set {p.set_number} is on line {earlier_set[1]} too, with other values"
            )
    return refusals


def _value_text(value: object) -> str:
    if isinstance(value, RecordStatus):
        return repr(value.words)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        return shown(value)
    return str(value)


def _item_sets(
    item: Item, index: int, done: dict[tuple[int, int], _SetValues], as_prescribed: bool, units: Units
) -> tuple[DoneSet, ...]:
    """The sets of item ``index``: those given, and with ``as_prescribed`` the prescribed ones
    left empty as prescribed."""
    numbers = {n for (i, n) in done if i == index}
    if as_prescribed:
        numbers |= set(range(1, item.sets + 1))
    sets: list[DoneSet] = []
    for n in sorted(numbers):
        values = done.get((index, n))
        if values is not None and values.reps is not None:
            sets.append(DoneSet(values.reps, values.load, values.distance_m))
        elif n <= item.sets:
            sets.append(_as_prescribed(item, units))
    return tuple(sets)


def _as_prescribed(item: Item, units: Units) -> DoneSet:
    load = item.load
    if load is not None and item.unit != units.value:
        load = round(units.from_kg(Units(item.unit).to_kg(load)), 1)
    return DoneSet(item.reps, load, item.distance_m)


def _record_words(record: SessionRecord) -> str:
    words = [record.status.words]
    if record.effort is not None:
        words.append(f"effort {number(record.effort)}")
    if record.minutes is not None:
        words.append(f"{record.minutes} min")
    if record.note:
        words.append(f"note {shown(record.note)}")
    return ", ".join(words)


def _row_text(row: _Row) -> str:
    cells = row.cells
    parts = [f"item {cells.get('item', '').strip() or '?'}", f"set {cells.get('set', '').strip() or '?'}"]
    exercise = _plain(cells.get("exercise", "")).strip()
    if exercise:
        parts.insert(0, cut(one_line(exercise), SHOWN_LENGTH))
    typed = [
        f"{what} {cut(one_line(cells[name]), SHOWN_LENGTH)}"
        for name, what in (("done_reps", "reps"), ("done_load", "load"), ("done_distance_m", "distance"))
        if cells.get(name, "").strip()
    ]
    text = ", ".join(parts)
    return f"{text}: {', '.join(typed)}" if typed else text


def _parsed_text(parsed: _Parsed, record: SessionRecord, as_prescribed: bool) -> str:
    planned = record.planned.items[parsed.item]
    where = f"{planned.name}, set {parsed.set_number}"
    if record.status is RecordStatus.MISSED:
        return f"{where}: missed"
    sets = record.items[parsed.item].sets if record.items else ()
    values = parsed.values
    if values.reps is not None:
        return f"{where}: {_set_text(DoneSet(values.reps, values.load, values.distance_m), record.units)}"
    # "done" without a set given is ticked done as planned, even where the earlier record had sets.
    ticked = record.status is RecordStatus.DONE and not record.items
    if (as_prescribed or ticked) and parsed.set_number <= planned.sets:
        as_planned = _set_text(_as_prescribed(planned, record.units), record.units)
        return f"{where}: as planned ({as_planned})" if sets else f"{where}: done as planned ({as_planned})"
    return f"{where}: not done"


# ---------------------------------------------------------------------------------------------
# Reading a file


def preview_results(season: Season, text: str, *, today: date, source_name: str = "CSV") -> ResultsPreview:
    """What importing the filled-in spreadsheet ``text`` into ``season`` would record and refuse;
    sessions after ``today`` have not happened yet and are refused.

    Raises ``ResultsSourceError`` for a text that is not the export's, is from another season,
    or is over ``MAX_FILE_BYTES`` characters or ``MAX_ROWS`` rows.
    """
    if len(text) > MAX_FILE_BYTES:
        raise ResultsSourceError(f"the text is {len(text) / 1e6:.1f} million characters long; {LIMITS}")
    sessions: dict[Key, _Session] = {}
    loose: list[PreviewRow] = []
    season_ids: set[str] = set()
    with sheet_rows(
        text,
        cell_limit=MAX_FILE_BYTES,
        most_rows=MAX_ROWS,
        error=ResultsSourceError,
        too_many=lambda: ResultsSourceError(f"it has more than {MAX_ROWS:,} rows; {LIMITS}"),
    ) as (header, rows):
        columns = _columns(header)
        for line, cells in rows:
            named = {name: cells[index] for name, index in columns.items() if index < len(cells)}
            _place(season, line, named, sessions, loose, season_ids)
    _check_season(season, season_ids)
    judge = _Judge(season, today)
    preview_rows = list(loose)
    records: list[SessionRecord] = []
    blank = 0
    for session in sessions.values():
        if not session.filled:
            blank += len(session.rows)
            continue
        judged, record = judge.judge(session)
        preview_rows.extend(judged)
        if record is not None and judged[0].state is RowState.RECORD:
            records.append(record)
    preview_rows.sort(key=lambda row: int(row.source.removeprefix("line ")))
    return ResultsPreview(source_name, tuple(preview_rows), tuple(records), blank)


def _place(
    season: Season,
    line: int,
    cells: dict[str, str],
    sessions: dict[Key, _Session],
    loose: list[PreviewRow],
    season_ids: set[str],
) -> None:
    """File the row under its session, or refuse it on its own when it names none."""
    season_id = cells.get("season_id", "").strip()
    try:
        key = _row_key(cells)
    except _BadValue as problem:
        row = _Row(line, ("", date.min, SessionKind.WEIGHTS), cells)
        if not row.blank:
            loose.append(PreviewRow(row.source, "(unknown session)", _row_text(row), RowState.REFUSED, str(problem)))
        return
    session = sessions.get(key)
    if session is None:
        session = sessions[key] = _Session(key, _session_words(season, key))
    row = _Row(line, key, cells)
    session.rows.append(row)
    if season_id:
        season_ids.add(season_id)
        if season_id != str(season.id) and not row.blank:
            session.refusals[line] = f"the row is from another season (season_id {shown(season_id)})"


def _check_season(season: Season, season_ids: set[str]) -> None:
    if season_ids and str(season.id) not in season_ids:
        raise ResultsSourceError(
            f"it was exported from another season, not from {season.name!r} "
            f"(its season_id is {shown(sorted(season_ids)[0])}, this season's is {season.id})"
        )


def preview_results_file(season: Season, path: str | Path, *, today: date) -> ResultsPreview:
    """Read the filled-in spreadsheet at ``path``; raises ``ResultsSourceError`` naming the file
    when it cannot be read at all, is not the export's, is from another season or too large."""
    file = Path(path)
    try:
        raw = read_capped(file, MAX_FILE_BYTES, ResultsSourceError, LIMITS)
        return preview_results(season, decoded(raw, ResultsSourceError), today=today, source_name=file.name)
    except ResultsSourceError as error:
        raise ResultsSourceError(f"{file}: {error}") from None


# ---------------------------------------------------------------------------------------------
# Applying


# The tag of a test session, whose result record_result turns into a max.
def apply_results(season: Season, preview: ResultsPreview, *, today: date) -> Season:
    """``season`` with every accepted session of ``preview`` recorded, as one edit.

    The days before ``today`` and the recorded days are kept as planned first
    (``planner.engine.freeze.settle``), so a record never changes the prescription it sits
    beside. Raises ``EditError`` (and records nothing) when the season is not the one the
    preview was made for and a record no longer fits it.
    """
    if not preview.records:
        return season
    updated = settle(season, today, recorded_days(preview))
    # A test result also moves maxes (record_result); the rest are kept in one edit.
    tests = [r for r in preview.records if is_test(r.planned)]
    try:
        updated = record_sessions(updated, [r for r in preview.records if not is_test(r.planned)])
        for entry in tests:
            updated = record_result(updated, entry)
    except EditError as error:
        raise EditError(f"Nothing was recorded: {error}") from None
    return updated


def recorded_days(preview: ResultsPreview) -> list[tuple[str, date]]:
    """The (athlete id, day) of every session ``preview`` records."""
    return sorted({(r.athlete_id, r.date) for r in preview.records})
