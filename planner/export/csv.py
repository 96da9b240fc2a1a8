"""The plans as CSV, one row per prescribed item, for spreadsheets.

Columns: date, athlete, session, exercise, sets, reps, percent_max, load, unit, distance_m,
contacts. Numbers are written as plain numbers with a decimal point and empty where they do
not apply (no percentage for accessories, no contacts for lifts), so a spreadsheet can sum
and chart them. Rows run by date, then by the order of the plans given, then session and
item order, which reads like a training log.

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

from planner.document.sessions import Category, Item, Session
from planner.engine.plan import Plan

__all__ = ["COLUMNS", "csv_bytes", "csv_rows", "csv_text", "safe_cell"]

COLUMNS = (
    "date",
    "athlete",
    "session",
    "exercise",
    "sets",
    "reps",
    "percent_max",
    "load",
    "unit",
    "distance_m",
    "contacts",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Half of a UTF-16 pair on its own: a str can hold one (from JSON "\ud800"), UTF-8 cannot.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Cell = str | int | float


def safe_cell(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _text_cell(text: str) -> str:
    return safe_cell(_LONE_SURROGATE.sub("", text))


def _number(value: float | None) -> Cell:
    if value is None:
        return ""
    # 120 rather than 120.0: what a coach typed, and what the spreadsheet shows anyway.
    return int(value) if float(value).is_integer() else round(value, 3)


def _row(day: date, athlete_name: str, session: Session, item: Item) -> list[Cell]:
    plyometric = item.category is Category.PLYOMETRIC
    return [
        day.isoformat(),
        _text_cell(athlete_name),
        _text_cell(session.title),
        _text_cell(item.name),
        item.sets,
        item.reps,
        _number(item.percent_max),
        _number(item.load),
        _text_cell(item.unit) if item.load is not None else "",
        _number(item.distance_m),
        item.contacts if plyometric else "",
    ]


def csv_rows(plans: Sequence[Plan]) -> Iterator[list[Cell]]:
    """The data rows (without the header), in date order."""
    days = sorted({day.date for plan in plans for day in plan.days})
    for on in days:
        for plan in plans:
            day = plan.day(on)
            if day is None:
                continue
            for session in day.sessions:
                for item in session.items:
                    yield _row(on, plan.athlete.name, session, item)


def csv_text(plans: Sequence[Plan]) -> str:
    """The whole CSV: the header, then one row per item of every session in ``plans``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(csv_rows(plans))
    return out.getvalue()


def csv_bytes(plans: Sequence[Plan]) -> bytes:
    """``csv_text`` encoded for spreadsheets: UTF-8 with a byte-order mark."""
    return csv_text(plans).encode("utf-8-sig")
