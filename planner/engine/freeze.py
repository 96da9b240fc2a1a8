"""Keeping the past as it was prescribed.

A day before the date the planner runs on ("today"), or a day something was recorded on, is
written into the document as it is planned now (``Season.frozen``) and never derived again:
an edit made later (a competition moved, a max changed, the rhythm changed) changes only the
days still to come. ``settle`` is that step; the window runs it before every edit, so the
past is kept at the moment something could change it, and an edit that would have changed a
kept day is told apart by the plan's ``held`` days.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, timedelta

from planner.document.model import FrozenSpan, Season, days_from
from planner.engine.freeze_text import day_runs
from planner.engine.generator import generate

__all__ = ["TODAY_VARIABLE", "frozen_days", "run_date", "settle"]

# Set to a date (YYYY-MM-DD) to run as if on that day: a coach entering a week late, the demo
# shown as of a day in its season, tests that must not depend on the calendar.
TODAY_VARIABLE = "SPRINTPLAN_TODAY"


def run_date() -> date:
    """The date the planner runs on: ``SPRINTPLAN_TODAY`` when set to a date, else today."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return date.today()


def frozen_days(season: Season, athlete_id: str) -> set[date]:
    """The athlete's days kept as planned."""
    days: set[date] = set()
    for span in season.frozen_spans(athlete_id):
        days.update(span.days())
    return days


def settle(season: Season, today: date, days: Iterable[tuple[str, date]] = ()) -> Season:
    """``season`` with every athlete's days before ``today``, and the given (athlete id, day)
    pairs, kept as they are planned now; ``season`` itself when all of them already are.

    Days outside the season are not the season's to keep and are passed over.
    """
    wanted: dict[str, set[date]] = {}
    last_past = min(today - timedelta(days=1), season.last_day)
    for athlete in season.athletes:
        wanted[athlete.id] = set()
        if last_past >= season.first_day:
            wanted[athlete.id].update(days_from(season.first_day, last_past))
    for athlete_id, day in days:
        if athlete_id in wanted and season.contains(day):
            wanted[athlete_id].add(day)

    spans: list[FrozenSpan] = []
    changed = False
    for athlete in season.athletes:
        kept = frozen_days(season, athlete.id)
        missing = wanted[athlete.id] - kept
        if not missing:
            spans.extend(season.frozen_spans(athlete.id))
            continue
        changed = True
        # The plan shows kept days as they were kept, so deriving every span from it again
        # leaves those days exactly as they are.
        plan = generate(season, athlete.id)
        for first, last in day_runs(kept | missing):
            sessions = tuple(
                session for day in days_from(first, last) if (plan_day := plan.day(day)) is not None
                for session in plan_day.sessions
            )
            spans.append(FrozenSpan(athlete.id, first, last, sessions))
    if not changed:
        return season
    return season._replace(frozen=tuple(spans))

