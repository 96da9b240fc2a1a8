"""What the window says when an edit would have changed days that are kept as they were.

Days before the date the window runs on, and days with something recorded on them, keep
their prescription (``planner.engine.freeze``). An edit that would have re-derived such days
leaves them alone and reports them as ``Changes.held``; this module words that report in a
coach's terms, one line for the status bar:

    Kept 3 past days of Ana as planned (24–26 Nov); the change applies from today on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from planner.document.model import Season
from planner.document.text import MONTH_NAMES, plural

__all__ = ["day_runs", "kept_days_notice", "runs_text"]

# Past this many runs of days the sentence names the first and last day only: a status bar
# line listing eight separate stretches is read by nobody.
MOST_RUNS = 3
# Past this many athletes they are counted, not named.
MOST_NAMED = 2


def kept_days_notice(season: Season, held: Iterable[tuple[str, date]], today: date) -> str:
    """The sentence for the days an edit left as they were ("" when there are none).

    ``held`` holds (athlete id, day) pairs, in any order and possibly repeated.
    """
    by_athlete: dict[str, set[date]] = {}
    for athlete_id, day in held:
        by_athlete.setdefault(athlete_id, set()).add(day)
    if not by_athlete:
        return ""
    days = [day for athlete_days in by_athlete.values() for day in athlete_days]
    past = all(day < today for day in days)
    noun = "past day" if past else "recorded or past day"
    tail = "the change applies from today on." if past else "the change applies to the other days."
    order = {athlete.id: i for i, athlete in enumerate(season.athletes)}
    athletes = sorted(by_athlete, key=lambda a: (order.get(a, len(order)), a))
    if len(athletes) == 1:
        only = athletes[0]
        return (f"Kept {plural(len(by_athlete[only]), noun)} of {_name(season, only)} as planned "
                f"({runs_text(by_athlete[only])}); {tail}")
    if len(athletes) <= MOST_NAMED:
        first, second = athletes
        return (f"Kept {plural(len(by_athlete[first]), noun)} of {_name(season, first)} "
                f"({runs_text(by_athlete[first])}) and {len(by_athlete[second])} of {_name(season, second)} "
                f"({runs_text(by_athlete[second])}) as planned; {tail}")
    total = sum(len(athlete_days) for athlete_days in by_athlete.values())
    return (f"Kept {plural(total, noun)} of {len(athletes)} athletes as planned "
            f"({runs_text(set(days))}); {tail}")


def day_runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs, in date order."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def runs_text(days: Iterable[date]) -> str:
    """"24–26 Nov, 1 Dec"; past ``MOST_RUNS`` runs, "between 2 Nov and 20 Dec"."""
    runs = day_runs(days)
    if len(runs) > MOST_RUNS:
        return f"between {_day(runs[0][0])} and {_day(runs[-1][1])}"
    return ", ".join(_run(first, last) for first, last in runs)


def _run(first: date, last: date) -> str:
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_day(last)}"
    return f"{_day(first)}–{_day(last)}"


def _day(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"


def _name(season: Season, athlete_id: str) -> str:
    athlete = season.find_athlete(athlete_id)
    return athlete.name if athlete is not None else athlete_id
