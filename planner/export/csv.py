"""The plans as CSV, one row per prescribed set, for spreadsheets and for logging what was done.

Columns, as ``COLUMNS`` names them: what was prescribed (date, athlete, session, exercise,
the set's number and the item's sets, reps, percent_max, load, unit, distance_m and the
set's contacts), then what was done (done_status, done_reps, done_load, done_distance_m,
effort 0-10, minutes, note), then the keys that let ``planner.imports.results`` read a
filled-in sheet back (season, season_id, athlete_id, kind, item). The done columns are empty
for a session nothing is recorded for, so a coach can type into them; a recorded session's
values are written in them. ``unit`` is the unit of the row's loads: the prescription's own
where a load is prescribed, and in a recorded session the record's units (the athlete's when
it was recorded) on every row with a load, the prescribed load converted to them where the
plan was in others, so its sheet reads back as the same record. The session's status,
effort, minutes and note repeat on each of its rows: a spreadsheet sorted or filtered any
way still tells every row's session, and an import checks that they agree.

Numbers are written as plain numbers with a decimal point and empty where they do not apply
(no percentage for accessories, no contacts for lifts), so a spreadsheet can sum and chart
them; a set row's contacts are its share of the item's, so they add up to the plan's. Rows
run by date, then by the order of the plans given, then session, item and set order, which
reads like a training log.

Spreadsheet safety: Excel, LibreOffice and Google Sheets run a cell starting with ``=``,
``+``, ``-`` or ``@`` (and, in some versions, a tab or carriage return) as a formula, so an
athlete called ``=HYPERLINK(...)`` could run one on the coach's machine. Every text cell
that starts with such a character gets a leading apostrophe, which the programs show as
text and hide; numbers are never text cells, so they stay numbers (OWASP, "CSV Injection").

The text is UTF-8 with a byte-order mark, because Excel reads a CSV file without one in the
machine's legacy code page and would garble names such as Łucja or Søren; lines end in CRLF
as RFC 4180 says. Any text the model can hold is written as it is (line breaks inside quoted
cells), except lone surrogates, which UTF-8 cannot encode and which are left out.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from datetime import date

from planner.document.model import Season, Units, in_units
from planner.document.records import DoneSet, SessionRecord
from planner.document.sessions import Category, Item, Session
from planner.engine.plan import Plan

__all__ = [
    "COLUMNS",
    "DONE_COLUMNS",
    "KEY_COLUMNS",
    "PLANNED_COLUMNS",
    "csv_bytes",
    "csv_rows",
    "csv_text",
    "safe_cell",
    "status_word",
]

PLANNED_COLUMNS = (
    "date",
    "athlete",
    "session",
    "exercise",
    "set",
    "sets",
    "reps",
    "percent_max",
    "load",
    "unit",
    "distance_m",
    "contacts",
)
DONE_COLUMNS = (
    "done_status",
    "done_reps",
    "done_load",
    "done_distance_m",
    "effort",
    "minutes",
    "note",
)
KEY_COLUMNS = ("season", "season_id", "athlete_id", "kind", "item")
COLUMNS = PLANNED_COLUMNS + DONE_COLUMNS + KEY_COLUMNS

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Half of a UTF-16 pair on its own: a str can hold one (from JSON "\ud800"), UTF-8 cannot.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Cell = str | int | float


def safe_cell(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula.

    A text that already starts with apostrophes before a formula character gets one more, so
    reading the cell back (``planner.imports.results``) takes exactly one off.
    """
    return "'" + text if text.lstrip("'").startswith(_FORMULA_STARTS) else text


def _text_cell(text: str) -> str:
    return safe_cell(_LONE_SURROGATE.sub("", text))


def _number(value: float | None) -> Cell:
    if value is None:
        return ""
    # 120 rather than 120.0: what a coach typed, and what the spreadsheet shows anyway.
    return int(value) if float(value).is_integer() else round(value, 3)


def status_word(record: SessionRecord) -> str:
    """The done_status cell of a recorded session: "done", "partly done" or "missed"."""
    return record.status.words


def _done_cells(record: SessionRecord | None, index: int, number: int) -> list[Cell]:
    """The done columns of set ``number`` (from 1) of item ``index`` of a session."""
    if record is None:
        return ["", "", "", "", "", "", ""]
    done: DoneSet | None = None
    if index < len(record.items) and number <= len(record.items[index].sets):
        done = record.items[index].sets[number - 1]
    return [
        status_word(record),
        "" if done is None else done.reps,
        "" if done is None else _number(done.load),
        "" if done is None else _number(done.distance_m),
        _number(record.effort),
        _number(record.minutes),
        _text_cell(record.note),
    ]


def _set_count(item: Item, record: SessionRecord | None, index: int) -> int:
    """Rows for an item: its prescribed sets, or more where more were recorded."""
    done = len(record.items[index].sets) if record is not None and index < len(record.items) else 0
    return max(item.sets, done, 1)


def _load_cells(item: Item, record: SessionRecord | None, index: int, number: int) -> list[Cell]:
    """The load and unit cells of set ``number`` (from 1) of item ``index``: the prescribed load
    is written in the unit its done load is in, which the import reads them both in."""
    load = item.load if number <= item.sets else None
    if record is None:
        return [_number(load), _text_cell(item.unit) if item.load is not None else ""]
    sets = record.items[index].sets if index < len(record.items) else ()
    done_load = sets[number - 1].load if number <= len(sets) else None
    if item.load is None and done_load is None:
        return ["", ""]
    if load is not None:
        load = in_units(load, Units(item.unit), record.units)
    return [_number(load), record.units.value]


def _rows(season: Season, day: date, athlete_name: str, athlete_id: str, session: Session) -> Iterator[list[Cell]]:
    record = season.find_record((athlete_id, day, session.kind))
    # A record's sets follow the session as it was planned when it was recorded.
    if record is not None:
        session = record.planned
    keys_after: list[Cell] = [_text_cell(season.name), str(season.id), _text_cell(athlete_id), session.kind.value]
    for index, item in enumerate(session.items):
        plyometric = item.category is Category.PLYOMETRIC
        contacts = _number(item.contacts / item.sets) if plyometric and item.sets else ""
        for number in range(1, _set_count(item, record, index) + 1):
            prescribed = number <= item.sets
            yield [
                day.isoformat(),
                _text_cell(athlete_name),
                _text_cell(session.title),
                _text_cell(item.name),
                number,
                item.sets,
                item.reps if prescribed else "",
                _number(item.percent_max) if prescribed else "",
                *_load_cells(item, record, index, number),
                _number(item.distance_m) if prescribed else "",
                contacts if prescribed else "",
                *_done_cells(record, index, number),
                *keys_after,
                index + 1,
            ]


def csv_rows(season: Season, plans: Sequence[Plan]) -> Iterator[list[Cell]]:
    """The data rows (without the header), in date order."""
    days = sorted({day.date for plan in plans for day in plan.days})
    for on in days:
        for plan in plans:
            day = plan.day(on)
            if day is None:
                continue
            for session in day.sessions:
                yield from _rows(season, on, plan.athlete.name, plan.athlete.id, session)


def csv_text(season: Season, plans: Sequence[Plan]) -> str:
    """The whole CSV: the header, then one row per set of every session in ``plans``, with
    what ``season`` records of it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(csv_rows(season, plans))
    return out.getvalue()


def csv_bytes(season: Season, plans: Sequence[Plan]) -> bytes:
    """``csv_text`` encoded for spreadsheets: UTF-8 with a byte-order mark."""
    return csv_text(season, plans).encode("utf-8-sig")
