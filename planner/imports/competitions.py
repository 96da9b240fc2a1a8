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

Names are read as one line (line breaks, tabs and runs of spaces become one space; control
characters are dropped); a name longer than a competition name may be is cut to
``MAX_NAME_LENGTH`` characters ending in "…", and the preview says so (``name_cut_from``),
the same for both formats, so a meet with a long official title still comes in.

Refused: a missing or unreadable name or date, a date outside the years a season can use, an
end before the start, a competition longer than the document allows, one outside the season,
a duplicate (same name, ignoring case and spacing, and same first day) of a competition
already in the season or earlier in the same file, and one that overlaps a competition
already in the season or accepted earlier in the file (imported competitions enter the whole
squad, and an athlete cannot race two meets at once).

A whole file is refused when it is larger than ``MAX_FILE_BYTES`` (5 MB) or holds more than
``MAX_COMPETITIONS`` (2,000) competitions, or, for iCalendar, more than ``MAX_CALENDAR_LINES``
(30,000) lines: a federation's calendar for a season is a small fraction of that, and these
bounds keep a preview to a second or two whatever the file holds. Judging is linear in the
number of rows: every check is a look-up by name and first day or by day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from planner.document.edits import EditError, new_competition_id
from planner.document.limits import MAX_NAME_LENGTH, date_problem, one_line
from planner.document.model import Competition, Priority, Season
from planner.document.validation import MAX_COMPETITION_DAYS, season_problems
from planner.imports.sheet import cut, decoded, read_capped, sheet_rows, shown

__all__ = [
    "LIMITS",
    "MAX_CALENDAR_LINES",
    "MAX_COMPETITIONS",
    "MAX_FILE_BYTES",
    "MAX_FILE_MB",
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

# A national federation's calendar holds a few hundred meets in well under a megabyte; the
# bounds are far above that and keep the worst file to a preview of a second or two.
MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1_000_000
MAX_COMPETITIONS = 2_000
# Content lines (folded lines count once): 2,000 events of 15 lines each, where a federation's
# event has about ten. icalendar reads some 20,000 lines a second, whatever they hold.
MAX_CALENDAR_LINES = 30_000
LIMITS = f"an import reads files of up to {MAX_FILE_MB} MB with at most {MAX_COMPETITIONS:,} competitions"

# How much of a name, location or category is read: far more than any name keeps.
_NAME_SCAN = 100 * MAX_NAME_LENGTH


class ImportSourceError(ValueError):
    """The file as a whole cannot be read (missing, not a calendar, no header row, too large)."""


@dataclass(frozen=True, slots=True)
class NewCompetition:
    name: str
    start: date
    end: date
    priority: Priority
    indoor: bool


@dataclass(frozen=True, slots=True)
class Accepted:
    """A competition that will be added; ``source`` is "line 4" or "event 2 (UID ...)".

    ``name_cut_from`` is the length of the name in the file when it was longer than a
    competition name may be and was cut to fit; None when the name is as in the file.
    """

    source: str
    competition: NewCompetition
    name_cut_from: int | None = None


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
# Text from the file


def _name(text: str) -> tuple[str, int | None]:
    """``text`` as a competition name and, when it had to be cut, its length in the file."""
    # Cleaning megabytes character by character takes seconds; the start decides the name.
    name = one_line(text[:_NAME_SCAN])
    if len(text) > _NAME_SCAN and len(name) <= MAX_NAME_LENGTH:
        name = one_line(text)  # mostly white space or control characters: all of it counts
    if len(name) <= MAX_NAME_LENGTH:
        return name, None
    return cut(name, MAX_NAME_LENGTH), len(text.strip())


class _TooMany(ImportSourceError):
    def __init__(self) -> None:
        super().__init__(f"it holds more than {MAX_COMPETITIONS:,} competitions; {LIMITS}")


# ---------------------------------------------------------------------------------------------
# Judging candidates (shared by both formats)


def _id_after(season: Season, count: int) -> str:
    """The id ``add_competition`` gives a competition after ``count`` others were added."""
    return new_competition_id(
        season._replace(next_competition_number=season.next_competition_number + count)
    )


def _key(name: str, start: date) -> tuple[str, date]:
    return (" ".join(name.split()).casefold(), start)


def _dates_text(start: date, end: date) -> str:
    return start.isoformat() if end == start else f"{start.isoformat()} to {end.isoformat()}"


@dataclass(frozen=True, slots=True)
class _Placed:
    """A competition the judge knows: in the season or accepted from the file (``source``)."""

    order: int
    competition: Competition
    source: str | None


class _Judge:
    """Accepts or refuses candidates in file order against the season and each other.

    It checks what ``add_competition`` checks (dates inside the season, the length, no overlap
    with a competition that shares an athlete) with look-ups by name and day instead of a
    trial season, so judging a file is linear in its rows; ``apply_import`` judges the
    accepted ones again against the season it is given and validates the result once.
    """

    def __init__(self, season: Season) -> None:
        self._season = season
        self._seen: dict[tuple[str, date], str] = {
            _key(c.name, c.start): "the season" for c in season.competitions
        }
        # Every competition by the days it is on; a competition lasts at most
        # MAX_COMPETITION_DAYS, so a candidate's overlaps are a few look-ups.
        self._on_day: dict[date, list[_Placed]] = {}
        self._placed = 0
        for competition in season.competitions:
            self._place(competition, None)
        self.accepted: list[Accepted] = []
        # The competitions the accepted rows become, with the ids they get when added.
        self.added: list[Competition] = []
        self.refused: list[Refused] = []

    def _place(self, competition: Competition, source: str | None) -> None:
        placed = _Placed(self._placed, competition, source)
        self._placed += 1
        for day in competition.dates():
            self._on_day.setdefault(day, []).append(placed)

    def _next_id(self) -> str:
        return _id_after(self._season, len(self.accepted))

    def refuse(self, source: str, reason: str) -> None:
        self.refused.append(Refused(source, reason))

    def consider(self, source: str, candidate: NewCompetition, name_cut_from: int | None = None) -> None:
        competition = Competition(
            # The id it will have: the season's ids are below its next number, so no clash
            # check mistakes it for one of them (or for another row).
            id=self._next_id(),
            name=candidate.name,
            start=candidate.start,
            end=candidate.end,
            priority=candidate.priority,
            indoor=candidate.indoor,
        )
        reason = self._problem(candidate) or self._clash(competition)
        if reason is not None:
            self.refuse(source, reason)
            return
        self._seen[_key(candidate.name, candidate.start)] = source
        self._place(competition, source)
        self.accepted.append(Accepted(source, candidate, name_cut_from))
        self.added.append(competition)

    def _problem(self, c: NewCompetition) -> str | None:
        for day in (c.start, c.end):
            problem = date_problem(day)
            if problem is not None:
                return f"{c.name!r}: {problem}"
        what = f"{c.name!r} ({_dates_text(c.start, c.end)})"
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

    def _clash(self, competition: Competition) -> str | None:
        """Why ``competition`` cannot be added beside the first one it overlaps, if any."""
        clashes = [
            placed
            for day in competition.dates()
            for placed in self._on_day.get(day, ())
            if competition.clashes_with(placed.competition)
        ]
        if not clashes:
            return None
        first = min(clashes, key=lambda placed: placed.order)
        other = first.competition
        where = "in the season" if first.source is None else f"accepted from {first.source}"
        return (
            f"{competition.name!r} ({_dates_text(competition.start, competition.end)}) overlaps "
            f"{other.name!r} ({_dates_text(other.start, other.end)}) {where}; imported competitions "
            "enter the whole squad, and an athlete cannot race both"
        )

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
_HEADER_CELLS_SHOWN = 8
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
                raise _BadValue(f"no such {what} {shown(value)}") from None
    raise _BadValue(f"unreadable {what} {shown(value)}; write it as 2027-07-23 or 23.07.2027")


def _parse_priority(text: str) -> Priority:
    value = text.strip().upper()
    if not value:
        return Priority.C
    if value in ("A", "B", "C"):
        return Priority(value)
    raise _BadValue(f"priority must be A, B or C, not {shown(text.strip())}")


def _parse_indoor(text: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _BadValue(f"indoor must be yes or no (or indoor/outdoor), not {shown(text.strip())}")


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _COLUMN_NAMES.get(" ".join(cell.replace("\ufeff", "").split()).casefold())
        if name is not None and name not in columns:
            columns[name] = index
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        named = [shown(c.strip()) for c in header[:_HEADER_CELLS_SHOWN] if c.strip()]
        found = ", ".join(named + ["…"] * (len(header) > _HEADER_CELLS_SHOWN)) or "nothing"
        raise ImportSourceError(
            f"the first line must name the columns date, name, priority and indoor "
            f"(missing {' and '.join(missing)}; found {found})"
        )
    return columns


def _csv_candidate(cells: list[str], columns: dict[str, int]) -> tuple[NewCompetition, int | None]:
    """The row's competition and, when its name had to be cut, the name's length."""

    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    name, cut_from = _name(cell("name"))
    if not name:
        raise _BadValue("missing name")
    try:
        start = _parse_day(cell("date"), "date")
        end = _parse_day(cell("end"), "end date") if cell("end").strip() else start
        priority, indoor = _parse_priority(cell("priority")), _parse_indoor(cell("indoor"))
    except _BadValue as problem:
        raise _BadValue(f"{name!r}: {problem}") from None
    return NewCompetition(name, start, end, priority, indoor), cut_from


def preview_csv(season: Season, text: str, source_name: str = "CSV") -> ImportPreview:
    """What importing the CSV ``text`` into ``season`` would add and refuse.

    Raises ``ImportSourceError`` for a text over ``MAX_FILE_BYTES`` characters or with more
    than ``MAX_COMPETITIONS`` rows.
    """
    if len(text) > MAX_FILE_BYTES:
        raise ImportSourceError(f"the text is {len(text) / 1e6:.1f} million characters long; {LIMITS}")
    judge = _Judge(season)
    with sheet_rows(
        text, cell_limit=MAX_FILE_BYTES, most_rows=MAX_COMPETITIONS, error=ImportSourceError, too_many=_TooMany
    ) as (header, rows):
        columns = _columns(header)
        for line, cells in rows:
            source = f"line {line}"
            try:
                candidate, cut_from = _csv_candidate(cells, columns)
            except _BadValue as problem:
                judge.refuse(source, str(problem))
                continue
            judge.consider(source, candidate, cut_from)
    return judge.preview(source_name)


# ---------------------------------------------------------------------------------------------
# iCalendar

# The categories planner.export.ics gives its events.
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


# icalendar reports a malformed file or property with any of these, depending on where it
# breaks; each is a refusal of the file or the event, never a crash. Only a ValueError's
# message is meant for a reader.
_PARSER_ERRORS = (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError, RecursionError)
_MALFORMED = "a property or parameter that cannot be read"
# The longest DURATION read as written: longer ones are refused before any date arithmetic.
_LONGEST_DURATION = timedelta(days=MAX_COMPETITION_DAYS + 1)
_EVENT_BEGIN = re.compile(rb"^[ \t]*BEGIN[ \t]*:[ \t]*VEVENT[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_UID_SHOWN = 60


def _text(value: Any) -> str:
    """A property's text as one line; of a long one only the start (words, not whole names)."""
    return one_line(str(value)[:_NAME_SCAN]) if value is not None else ""


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
    """The decoded DTSTART/DTEND/DURATION, or None when absent; raises _BadValue when broken
    or, for a date, outside the years a season can use (where date arithmetic overflows)."""
    if name not in event:
        return None
    prop = event[name]
    try:
        value = getattr(prop, "dt", None)
    except _PARSER_ERRORS:
        # icalendar keeps a property it could not parse and raises on reading it.
        value = None
    if not isinstance(value, date | timedelta):
        raise _BadValue(f"unreadable {name} {_written(prop)}")
    if isinstance(value, date):
        problem = date_problem(_day(value))
        if problem is not None:
            raise _BadValue(f"{name} {problem}")
    elif value < -_LONGEST_DURATION:
        raise _BadValue(f"{name} of {value.days:,} days: it ends before it starts")
    elif value > _LONGEST_DURATION:
        raise _BadValue(
            f"{name} of {value.days:,} days is longer than the {MAX_COMPETITION_DAYS} days a competition can last"
        )
    return value


def _written(prop: Any) -> str:
    """A property's value as the file has it, quoted for a refusal."""
    raw = prop.to_ical() if hasattr(prop, "to_ical") else str(prop)
    return shown(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw))


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


def _ics_candidate(event: Event) -> tuple[NewCompetition, int | None]:
    """The event's competition and, when its name had to be cut, the name's length."""
    if "RRULE" in event or "RDATE" in event:
        raise _BadValue("a repeating event (RRULE); list each competition as an event of its own")
    if "RECURRENCE-ID" in event:
        raise _BadValue("a changed occurrence of a repeating event")
    if _text(event.get("STATUS")).upper() == "CANCELLED":
        raise _BadValue("the event is cancelled")
    categories = [_text(c) for c in event.categories if _text(c)] if "CATEGORIES" in event else []
    summary = str(event.get("SUMMARY", ""))
    if _SPRINTPLAN in categories and _COMPETITION not in categories:
        # A calendar exported by SprintPlan holds the training sessions too.
        raise _BadValue(f"{shown(summary)} is a SprintPlan training session, not a competition")
    priority, summary = _priority(summary, categories)
    name, cut_from = _name(summary)
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
    indoor = _indoor(_text(summary), categories, _text(event.get("LOCATION")))
    return NewCompetition(name, _day(start), _last_day(start, end), priority, indoor), cut_from


def _event_source(number: int, event: Event) -> str:
    uid = cut(one_line(str(event.get("UID", ""))[: 4 * _UID_SHOWN]), _UID_SHOWN)
    return f"event {number} (UID {uid})" if uid else f"event {number}"


def _parser_problem(error: Exception) -> str:
    if isinstance(error, ValueError):
        return cut(one_line(str(error)), 200)
    return _MALFORMED


def _check_calendar_size(data: bytes) -> None:
    """Refuse, before parsing, a calendar too large to be a season's competitions."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportSourceError(f"the file is {len(data) / 1e6:.1f} MB; {LIMITS}")
    # A folded line (one starting with a space or tab) continues the line before it.
    lines = data.count(b"\n") + 1 - data.count(b"\n ") - data.count(b"\n\t")
    if lines > MAX_CALENDAR_LINES:
        raise ImportSourceError(
            f"it has {lines:,} lines, more than the {MAX_CALENDAR_LINES:,} a calendar of "
            f"{MAX_COMPETITIONS:,} competitions needs"
        )
    if len(_EVENT_BEGIN.findall(data, 0)) > MAX_COMPETITIONS:
        raise _TooMany()


def _events(data: bytes) -> list[Event]:
    _check_calendar_size(data)
    try:
        calendars = Calendar.from_ical(data, multiple=True)
        events = [event for calendar in calendars for event in calendar.walk("VEVENT") if isinstance(event, Event)]
    except _PARSER_ERRORS as error:
        raise ImportSourceError(f"not an iCalendar file ({_parser_problem(error)})") from None
    if not calendars:
        raise ImportSourceError("not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR)")
    if len(events) > MAX_COMPETITIONS:
        raise _TooMany()
    return events


def preview_ics(season: Season, data: bytes, source_name: str = "iCalendar") -> ImportPreview:
    """What importing the iCalendar ``data`` into ``season`` would add and refuse.

    Raises ``ImportSourceError`` for data that is not a calendar, over ``MAX_FILE_BYTES``,
    with more than ``MAX_COMPETITIONS`` events or more than ``MAX_CALENDAR_LINES`` lines.
    """
    judge = _Judge(season)
    for number, event in enumerate(_events(data), start=1):
        source = f"event {number}"
        try:
            source = _event_source(number, event)
            candidate, cut_from = _ics_candidate(event)
        except _BadValue as problem:
            judge.refuse(source, str(problem))
            continue
        except _PARSER_ERRORS as error:
            judge.refuse(source, f"unreadable event ({_parser_problem(error)})")
            continue
        judge.consider(source, candidate, cut_from)
    return judge.preview(source_name)


# ---------------------------------------------------------------------------------------------
# Files and applying


def _looks_like_ics(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper() == b"BEGIN:VCALENDAR"


def preview_file(season: Season, path: str | Path) -> ImportPreview:
    """Read ``path`` as iCalendar (by its suffix or its first line) or as CSV.

    Raises ``ImportSourceError`` naming the file when it cannot be read at all, or is over
    ``MAX_FILE_BYTES`` or ``MAX_COMPETITIONS``.
    """
    file = Path(path)
    try:
        raw = read_capped(file, MAX_FILE_BYTES, ImportSourceError, LIMITS)
        if file.suffix.lower() in ICS_SUFFIXES or _looks_like_ics(raw):
            return preview_ics(season, raw, file.name)
        # Names are made one line and cleaned of control characters, NUL included.
        return preview_csv(season, decoded(raw, ImportSourceError, binary=True), file.name)
    except ImportSourceError as error:
        raise ImportSourceError(f"{file}: {error}") from None


def apply_import(season: Season, preview: ImportPreview) -> Season:
    """``season`` with the accepted competitions of ``preview`` added, entering the whole squad.

    Raises ``EditError`` if ``season`` is not the one the preview was made for and one of them
    no longer fits. Linear in the season and the preview: the competitions are judged again
    against ``season`` and the result is validated once.
    """
    if not preview.accepted:
        return season
    judge = _Judge(season)
    for entry in preview.accepted:
        judge.consider(entry.source, entry.competition, entry.name_cut_from)
    if judge.refused:
        first = judge.refused[0]
        raise EditError(f"The season changed since the preview: {first.source}: {first.reason}")
    added = tuple(judge.added)
    updated = season._replace(
        competitions=(*season.competitions, *added),
        next_competition_number=season.next_competition_number + len(added),
    )
    problems = season_problems(updated)
    if problems:
        raise EditError(f"The competitions cannot be added: {problems[0].message}")
    return updated
