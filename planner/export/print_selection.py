"""What to print: which athletes, which weeks and on which paper.

Pure (no reportlab, no Qt), so the command line, the print dialog and the PDF writers agree
on what "weeks 2-3" or "next week" means. Weeks are numbered from 1 at the week holding the
season's first day, the same numbering ``Season.week_number`` and the plan's weeks use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planner.document.model import Competition, Note, Season
from planner.engine.plan import Day, Plan

__all__ = [
    "Paper",
    "PrintSelection",
    "SelectionError",
    "check_athletes",
    "next_week",
    "notes_for",
    "parse_day",
    "parse_week_range",
    "printed_days",
    "week_competitions",
    "week_dates",
    "week_start",
    "weeks_for_dates",
]

_WEEK_RANGE = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


class Paper(StrEnum):
    A4 = "a4"
    A5 = "a5"
    LETTER = "letter"


class SelectionError(ValueError):
    """A selection that cannot be printed; the message says what to change."""


@dataclass(frozen=True, slots=True)
class PrintSelection:
    """Cards for ``athlete_ids`` (in this order) for weeks ``first_week`` to ``last_week``."""

    athlete_ids: tuple[str, ...]
    first_week: int
    last_week: int
    paper: Paper = Paper.A4

    @property
    def weeks(self) -> range:
        return range(self.first_week, self.last_week + 1)


def parse_week_range(text: str, week_count: int) -> tuple[int, int]:
    """``"2-3"`` -> (2, 3); ``"7"`` -> (7, 7); checked against the season's ``week_count``."""
    match = _WEEK_RANGE.fullmatch(text)
    if match is None:
        raise SelectionError(f"{text!r} is not a week range such as 2-3 or 7")
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) is not None else first
    if first > last:
        raise SelectionError(f"{text}: the first week comes after the last")
    if first < 1 or last > week_count:
        raise SelectionError(f"{text}: the season has weeks 1 to {week_count}")
    return first, last


def parse_day(text: str) -> date:
    """An ISO date (``2027-01-11``)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SelectionError(f"{text!r} is not a date such as 2027-01-11") from None


def weeks_for_dates(season: Season, first: date | None, last: date | None) -> tuple[int, int]:
    """The weeks that hold the days ``first`` to ``last`` (None: the season's first or last day).

    Whole weeks are printed, so a range that starts on a Wednesday prints that week's Monday too.
    """
    first_day = season.first_day if first is None else first
    last_day = season.last_day if last is None else last
    if first_day > last_day:
        raise SelectionError(f"{first_day.isoformat()} comes after {last_day.isoformat()}")
    span = f"the season runs from {season.first_day.isoformat()} to {season.last_day.isoformat()}"
    if last_day < season.first_day or first_day > season.last_day:
        raise SelectionError(f"{first_day.isoformat()} to {last_day.isoformat()} is outside the season: {span}")
    first_day = max(first_day, season.first_day)
    last_day = min(last_day, season.last_day)
    return season.week_number(first_day), season.week_number(last_day)


def next_week(season: Season, today: date) -> int:
    """The week after ``today``'s: what a coach prints on a Friday for Monday.

    Before the season it is week 1; at or after the season's last week it is the last week,
    so the default always names a week that exists.
    """
    number = season.week_number(today) + 1
    return min(max(number, 1), season.week_count)


def week_start(season: Season, number: int) -> date:
    return season.first_week_start + timedelta(weeks=number - 1)


def week_dates(season: Season, number: int) -> tuple[date, ...]:
    """The days of week ``number`` that fall inside the season (the first and last week may be short)."""
    start = week_start(season, number)
    days = (start + timedelta(days=k) for k in range(7))
    return tuple(d for d in days if season.contains(d))


def check_athletes(season: Season, athlete_ids: Sequence[str] | None) -> tuple[str, ...]:
    """The ids in the order given, without repeats; the whole squad when None or empty."""
    if not athlete_ids:
        if not season.athletes:
            raise SelectionError("the season has no athletes")
        return tuple(a.id for a in season.athletes)
    known = {a.id for a in season.athletes}
    for athlete_id in athlete_ids:
        if athlete_id not in known:
            choices = ", ".join(a.id for a in season.athletes) or "none"
            raise SelectionError(f"unknown athlete id {athlete_id!r} (athletes in this season: {choices})")
    return tuple(dict.fromkeys(athlete_ids))


def printed_days(plan: Plan, dates: Sequence[date]) -> tuple[Day, ...]:
    """The days of ``dates`` that get an A5 card: a session to do or a competition to run."""
    days = (plan.day(d) for d in dates)
    return tuple(day for day in days if day is not None and (day.sessions or day.competitions))


def week_competitions(plan: Plan, dates: Sequence[date]) -> tuple[Competition, ...]:
    """The athlete's competitions that overlap ``dates``, in date order."""
    if not dates:
        return ()
    first, last = min(dates), max(dates)
    return tuple(c for c in plan.competitions if c.start <= last and c.end >= first)


def notes_for(season: Season, athlete_id: str, dates: Sequence[date]) -> tuple[Note, ...]:
    """The coach's notes an athlete's card carries: those dated in ``dates`` for the squad or
    this athlete, and this athlete's undated notes (standing instructions)."""
    days = set(dates)
    picked: list[Note] = []
    for note in season.notes:
        if note.athlete_id not in (None, athlete_id):
            continue
        if (note.date is None and note.athlete_id == athlete_id) or note.date in days:
            picked.append(note)
    return tuple(picked)
