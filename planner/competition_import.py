"""Competitions from other tools: a CSV file or an iCalendar file such as a federation calendar.

Importing happens in two steps so that nothing changes before the coach has seen what will:
``preview_csv`` / ``preview_ics`` / ``preview_file`` read a file into an ``ImportPreview``
(what would be added, and what is refused with the line or event and the reason), and
``apply_import`` adds the accepted competitions to the season. Both are pure; the window
applies the result as one undo step and the command line saves it once.

CSV: a header row naming the columns ``date`` (or ``start``), ``name``, ``priority``,
``indoor`` and optionally ``end``, in any order; comma, semicolon or tab separated (the
delimiter Excel uses depends on the machine's locale); UTF-8 with or without a byte-order
mark, or the Windows code page Excel writes elsewhere. Dates are ISO (2027-07-23) or
day-first with dots (23.07.2027); slashes are refused because 03/04/2027 means different
days on different machines. Priority A, B or C (empty: C); indoor yes/no, true/false, 1/0,
indoor/outdoor (empty: outdoor).

iCalendar: every VEVENT is one competition. SUMMARY is the name; DTSTART the first day; the
last day is the day before an all-day event's DTEND, which is exclusive (RFC 5545 3.6.1), or
the day a timed event ends on (an end at midnight belongs to the day before). Priority comes
from an ``[A]``/``[B]``/``[C]`` prefix of the summary or a category such as "A" or
"Priority B" (default C, the competitions trained through, so an import never starts a
taper by accident); indoor from the words "indoor", "Halle"/"Hallen…" and their equivalents
in categories, summary or location.

Refused: a missing or unreadable name or date, an end before the start, a competition
longer than the document allows, one outside the season, and a duplicate (same name, ignoring
case and spacing, and same first day) of a competition already in the season or earlier in
the same file. Imported competitions enter the whole squad.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from planner.edits import EditError, add_competition
from planner.model import Priority, Season
from planner.validation import MAX_COMPETITION_DAYS

__all__ = [
    "Accepted",
    "ImportPreview",
    "ImportSourceError",
    "NewCompetition",
    "Refused",
    "apply_import",
    "preview_csv",
    "preview_file",
    "preview_ics",
]

_DAY = timedelta(days=1)
ICS_SUFFIXES = frozenset({".ics", ".ical", ".icalendar", ".ifb"})


class ImportSourceError(ValueError):
    """The file as a whole cannot be read (missing, not a calendar, no header row)."""


@dataclass(frozen=True, slots=True)
class NewCompetition:
    name: str
    start: date
    end: date
    priority: Priority
    indoor: bool


@dataclass(frozen=True, slots=True)
class Accepted:
    """A competition that will be added; ``source`` is "line 4" or "event 2 (UID ...)"."""

    source: str
    competition: NewCompetition


@dataclass(frozen=True, slots=True)
class Refused:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    source_name: str
    accepted: tuple[Accepted, ...]
    refused: tuple[Refused, ...]


# ---------------------------------------------------------------------------------------------
# Judging candidates (shared by both formats)


def _key(name: str, start: date) -> tuple[str, date]:
    return (" ".join(name.split()).casefold(), start)


class _Judge:
    """Accepts or refuses candidates in file order against the season and each other.

    Every accepted competition is also added to a trial season with ``add_competition``, the
    edit ``apply_import`` uses, so whatever the preview accepts is sure to apply.
    """

    def __init__(self, season: Season) -> None:
        self._season = season
        self._trial = season
        self._seen: dict[tuple[str, date], str] = {
            _key(c.name, c.start): "the season" for c in season.competitions
        }
        self.accepted: list[Accepted] = []
        self.refused: list[Refused] = []

    def refuse(self, source: str, reason: str) -> None:
        self.refused.append(Refused(source, reason))

    def consider(self, source: str, candidate: NewCompetition) -> None:
        reason = self._problem(candidate)
        if reason is None:
            try:
                self._trial = add_competition(
                    self._trial,
                    name=candidate.name,
                    start=candidate.start,
                    end=candidate.end,
                    priority=candidate.priority,
                    indoor=candidate.indoor,
                )
            except EditError as error:
                reason = str(error)
        if reason is not None:
            self.refuse(source, reason)
            return
        self._seen[_key(candidate.name, candidate.start)] = source
        self.accepted.append(Accepted(source, candidate))

    def _problem(self, c: NewCompetition) -> str | None:
        what = f"{c.name!r} ({c.start.isoformat()}"
        what += ")" if c.end == c.start else f" to {c.end.isoformat()})"
        season = self._season
        if c.end < c.start:
            return f"{c.name!r} ends on {c.end.isoformat()}, before it starts on {c.start.isoformat()}"
        if (c.end - c.start).days + 1 > MAX_COMPETITION_DAYS:
            return f"{what} lasts more than {MAX_COMPETITION_DAYS} days"
        if not (season.contains(c.start) and season.contains(c.end)):
            return (
                f"{what} is outside the season "
                f"{season.first_day.isoformat()} to {season.last_day.isoformat()}"
            )
        earlier = self._seen.get(_key(c.name, c.start))
        if earlier == "the season":
            return f"{c.name!r} on {c.start.isoformat()} is already in the season"
        if earlier is not None:
            return f"{c.name!r} on {c.start.isoformat()} repeats {earlier}"
        return None

    def preview(self, source_name: str) -> ImportPreview:
        return ImportPreview(source_name, tuple(self.accepted), tuple(self.refused))


# ---------------------------------------------------------------------------------------------
# CSV

_COLUMN_NAMES = {
    "date": "date",
    "start": "date",
    "start date": "date",
    "first day": "date",
    "end": "end",
    "end date": "end",
    "last day": "end",
    "name": "name",
    "competition": "name",
    "priority": "priority",
    "indoor": "indoor",
}
_REQUIRED = ("date", "name")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TRUE = frozenset({"yes", "true", "1", "indoor", "y"})
_FALSE = frozenset({"no", "false", "0", "outdoor", "n", ""})


class _BadValue(ValueError):
    """A cell that cannot be read; the message is the refusal reason."""


def _parse_day(text: str, what: str) -> date:
    value = text.strip()
    if not value:
        raise _BadValue(f"missing {what}")
    for pattern, order in ((_ISO, (0, 1, 2)), (_DOTTED, (2, 1, 0))):
        match = pattern.fullmatch(value)
        if match is not None:
            year, month, day = (int(match.group(i + 1)) for i in order)
            try:
                return date(year, month, day)
            except ValueError:
                raise _BadValue(f"no such {what} {value!r}") from None
    raise _BadValue(f"unreadable {what} {value!r}; write it as 2027-07-23 or 23.07.2027")


def _parse_priority(text: str) -> Priority:
    value = text.strip().upper()
    if not value:
        return Priority.C
    if value in ("A", "B", "C"):
        return Priority(value)
    raise _BadValue(f"priority must be A, B or C, not {text.strip()!r}")


def _parse_indoor(text: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _BadValue(f"indoor must be yes or no (or indoor/outdoor), not {text.strip()!r}")


def _delimiter(header_line: str) -> str:
    # The delimiter that splits the header into the most columns; Excel writes ";" where the
    # decimal separator is a comma, and some tools write tabs.
    return max((",", ";", "\t"), key=lambda d: len(next(csv.reader([header_line], delimiter=d))))


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _COLUMN_NAMES.get(" ".join(cell.replace("\ufeff", "").split()).casefold())
        if name is not None and name not in columns:
            columns[name] = index
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        found = ", ".join(repr(c.strip()) for c in header if c.strip()) or "nothing"
        raise ImportSourceError(
            f"the first line must name the columns date, name, priority and indoor "
            f"(missing {' and '.join(missing)}; found {found})"
        )
    return columns


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of every CSV record, the header first."""
    # Old Mac spreadsheets end lines with a lone CR; counting lines needs one convention.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=_delimiter(lines[header_index]))
    # reader.line_num counts physical lines, so a quoted cell spanning lines still gives each
    # record the line it starts on.
    previous = 0
    for cells in reader:
        yield header_index + previous + 1, cells
        previous = reader.line_num


def _csv_candidate(cells: list[str], columns: dict[str, int]) -> NewCompetition:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    name = " ".join(cell("name").split())
    if not name:
        raise _BadValue("missing name")
    try:
        start = _parse_day(cell("date"), "date")
        end = _parse_day(cell("end"), "end date") if cell("end").strip() else start
        return NewCompetition(name, start, end, _parse_priority(cell("priority")), _parse_indoor(cell("indoor")))
    except _BadValue as problem:
        raise _BadValue(f"{name!r}: {problem}") from None


def preview_csv(season: Season, text: str, source_name: str = "CSV") -> ImportPreview:
    """What importing the CSV ``text`` into ``season`` would add and refuse."""
    records = _records(text.removeprefix("\ufeff"))
    first = next(records, None)
    if first is None:
        raise ImportSourceError("the file is empty")
    columns = _columns(first[1])
    judge = _Judge(season)
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue
        source = f"line {line}"
        try:
            candidate = _csv_candidate(cells, columns)
        except _BadValue as problem:
            judge.refuse(source, str(problem))
            continue
        judge.consider(source, candidate)
    return judge.preview(source_name)


# ---------------------------------------------------------------------------------------------
# iCalendar

# The categories planner.ics_export gives its events.
_SPRINTPLAN = "SprintPlan"
_COMPETITION = "Competition"
_PREFIX = re.compile(r"^\s*\[\s*([ABC])\s*\]\s*", re.IGNORECASE)
_PRIORITY_CATEGORY = re.compile(
    r"(?:(?:priority|prio|category|kategorie)\s*[-: ]?\s*)?([ABC])"
    r"(?:\s*[- ]?\s*(?:priority|meet|meeting|competition|event))?",
    re.IGNORECASE,
)
# Whole words, or the start or end of a compound: Hallenmeisterschaften, Leichtathletikhalle.
_INDOOR_WORDS = r"indoors?|hallen\w*|\w+halle|en salle|inomhus|innendørs|indendørs|pista cubierta"
_INDOOR = re.compile(rf"\b(?:{_INDOOR_WORDS}|halle)\b", re.IGNORECASE)
# In a LOCATION a lone "Halle" is most likely the town (Halle (Saale), Halle in Westfalen,
# Halle in Belgium), not a hall.
_INDOOR_LOCATION = re.compile(rf"\b(?:{_INDOOR_WORDS})\b", re.IGNORECASE)
_OUTDOOR = re.compile(r"\b(?:outdoors?|freiluft\w*|plein air|utomhus|utendørs|udendørs)\b", re.IGNORECASE)


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _priority(summary: str, categories: list[str]) -> tuple[Priority, str]:
    """The priority and the summary without its [A]/[B]/[C] prefix."""
    match = _PREFIX.match(summary)
    if match is not None:
        return Priority(match.group(1).upper()), summary[match.end():].strip()
    for category in categories:
        found = _PRIORITY_CATEGORY.fullmatch(category.strip())
        if found is not None:
            return Priority(found.group(1).upper()), summary
    return Priority.C, summary


def _indoor(summary: str, categories: list[str], location: str) -> bool:
    # The first field that says one thing decides: categories are meant to classify, the
    # summary names the event, a location may name a town.
    fields = [(" / ".join(categories), _INDOOR), (summary, _INDOOR), (location, _INDOOR_LOCATION)]
    for text, indoor in fields:
        says_indoor = indoor.search(text) is not None
        says_outdoor = _OUTDOOR.search(text) is not None
        if says_indoor != says_outdoor:
            return says_indoor
    return False


def _moment(event: Event, name: str) -> date | datetime | timedelta | None:
    """The decoded DTSTART/DTEND/DURATION, or None when absent; raises _BadValue when broken."""
    if name not in event:
        return None
    prop = event[name]
    try:
        value = getattr(prop, "dt", None)
    except ValueError:
        # icalendar keeps a property it could not parse and raises on reading it.
        value = None
    if not isinstance(value, date | timedelta):
        raw = prop.to_ical() if hasattr(prop, "to_ical") else str(prop)
        shown = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        raise _BadValue(f"unreadable {name} {shown!r}")
    return value


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _ends_before_start(start: date | datetime, end: date | datetime) -> bool:
    if isinstance(start, datetime) and isinstance(end, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            # One floating, one fixed time: compare the clock times as written.
            return end.replace(tzinfo=None) < start.replace(tzinfo=None)
        return end < start
    return _day(end) < _day(start)


def _last_day(start: date | datetime, end: date | datetime | None) -> date:
    """The competition's last day, given an end that is not before the start."""
    if end is None:
        # RFC 5545 3.6.1: without DTEND or DURATION an all-day event lasts its one day and a
        # timed event ends when it starts.
        return _day(start)
    if not isinstance(end, datetime):
        # An all-day DTEND is exclusive; an end equal to the start (common, though invalid)
        # still means that one day.
        return end - _DAY if end > _day(start) else end
    if isinstance(start, datetime) and end.tzinfo is not None and start.tzinfo is not None:
        end = end.astimezone(start.tzinfo)
    # A timed event ending at midnight ends on the day before.
    if end.time() == time(0, 0) and _day(end) > _day(start):
        return _day(end) - _DAY
    return _day(end)


def _ics_candidate(event: Event) -> NewCompetition:
    if "RRULE" in event or "RDATE" in event:
        raise _BadValue("a repeating event (RRULE); list each competition as an event of its own")
    if "RECURRENCE-ID" in event:
        raise _BadValue("a changed occurrence of a repeating event")
    if _text(event.get("STATUS")).upper() == "CANCELLED":
        raise _BadValue("the event is cancelled")
    categories = [_text(c) for c in event.categories if _text(c)] if "CATEGORIES" in event else []
    if _SPRINTPLAN in categories and _COMPETITION not in categories:
        # A calendar exported by SprintPlan holds the training sessions too.
        raise _BadValue(f"{_text(event.get('SUMMARY'))!r} is a SprintPlan training session, not a competition")
    priority, name = _priority(_text(event.get("SUMMARY")), categories)
    if not name:
        raise _BadValue("missing name (SUMMARY)")
    try:
        start = _moment(event, "DTSTART")
        end = _moment(event, "DTEND")
        duration = _moment(event, "DURATION")
    except _BadValue as problem:
        raise _BadValue(f"{name!r}: {problem}") from None
    if start is None:
        raise _BadValue(f"{name!r}: missing start (DTSTART)")
    if isinstance(start, timedelta) or isinstance(end, timedelta) or isinstance(duration, date):
        raise _BadValue(f"{name!r}: DTSTART, DTEND or DURATION has the wrong kind of value")
    if end is None and duration is not None:
        end = start + duration
    if end is not None and _ends_before_start(start, end):
        raise _BadValue(f"{name!r} ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    indoor = _indoor(name, categories, _text(event.get("LOCATION")))
    return NewCompetition(name, _day(start), _last_day(start, end), priority, indoor)


def _event_source(number: int, event: Event) -> str:
    uid = _text(event.get("UID"))
    return f"event {number} (UID {uid})" if uid else f"event {number}"


def _events(data: bytes) -> list[Event]:
    try:
        calendars = Calendar.from_ical(data, multiple=True)
    except ValueError as error:
        raise ImportSourceError(f"not an iCalendar file ({' '.join(str(error).split())})") from None
    if not calendars:
        raise ImportSourceError("not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR)")
    return [event for calendar in calendars for event in calendar.walk("VEVENT") if isinstance(event, Event)]


def preview_ics(season: Season, data: bytes, source_name: str = "iCalendar") -> ImportPreview:
    """What importing the iCalendar ``data`` into ``season`` would add and refuse."""
    judge = _Judge(season)
    for number, event in enumerate(_events(data), start=1):
        source = _event_source(number, event)
        try:
            candidate = _ics_candidate(event)
        except _BadValue as problem:
            judge.refuse(source, str(problem))
            continue
        judge.consider(source, candidate)
    return judge.preview(source_name)


# ---------------------------------------------------------------------------------------------
# Files and applying


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV" (not "CSV UTF-8") on Western European Windows.
        return raw.decode("cp1252", errors="replace")


def _looks_like_ics(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper() == b"BEGIN:VCALENDAR"


def preview_file(season: Season, path: str | Path) -> ImportPreview:
    """Read ``path`` as iCalendar (by its suffix or its first line) or as CSV.

    Raises ``ImportSourceError`` naming the file when it cannot be read at all.
    """
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ImportSourceError(f"{file}: cannot read the file ({reason})") from None
    try:
        if file.suffix.lower() in ICS_SUFFIXES or _looks_like_ics(raw):
            return preview_ics(season, raw, file.name)
        return preview_csv(season, _decode(raw), file.name)
    except ImportSourceError as error:
        raise ImportSourceError(f"{file}: {error}") from None


def apply_import(season: Season, preview: ImportPreview) -> Season:
    """``season`` with the accepted competitions of ``preview`` added, entering the whole squad.

    Raises ``EditError`` if ``season`` is not the one the preview was made for and one of them
    no longer fits.
    """
    for entry in preview.accepted:
        c = entry.competition
        season = add_competition(season, name=c.name, start=c.start, end=c.end, priority=c.priority, indoor=c.indoor)
    return season
