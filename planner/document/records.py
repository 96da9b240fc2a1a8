"""What an athlete actually did in a session: the record beside the plan.

A record is keyed like an override (athlete id, date, session kind) and keeps the planned
session as it was when the record was made, so planned and done can be shown side by side
however the plan is derived later. Loads are in ``units``, the athlete's units when the
record was made: converting an athlete to other units later leaves a record's numbers
meaning what the coach typed.

``items`` follows the planned session's items by position (``exercise_id`` repeats the
planned item's, so a record never silently pairs a set with the wrong exercise); an item
not done has no sets. A record without items says only how the session went (a session
ticked done without its numbers, or missed).
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from planner.document.model import Units, in_units
from planner.document.sessions import Item, Session, SessionKind

__all__ = ["DoneItem", "DoneSet", "RecordStatus", "SessionRecord", "as_planned_items", "planned_set"]

# Records below have a field named ``date``; annotations inside them use this alias.
Day = date


class RecordStatus(StrEnum):
    DONE = "done"
    PARTLY_DONE = "partly_done"
    MISSED = "missed"

    @property
    def words(self) -> str:
        """As a coach writes it (and the spreadsheet's done_status holds it): "partly done"."""
        return self.value.replace("_", " ")


class DoneSet(NamedTuple):
    """One set as done: ``reps`` (0 for a failed attempt), the ``load`` lifted (None for
    body weight or a plyometric drill) and the ``distance_m`` covered per rep (None for a
    jump in place or a lift)."""

    reps: int
    load: float | None = None
    distance_m: float | None = None


class DoneItem(NamedTuple):
    """The sets done of one prescribed item, in the order they were done."""

    exercise_id: str
    sets: tuple[DoneSet, ...] = ()


class SessionRecord(NamedTuple):
    """What was done in one athlete's session, beside the session as it was planned.

    ``effort`` (session RPE, CR-10) and ``minutes`` are None when the coach did not enter
    them: the plan's estimate is then used, and never stored as if it were measured.
    """

    athlete_id: str
    date: date
    kind: SessionKind
    status: RecordStatus
    planned: Session
    units: Units = Units.KG
    items: tuple[DoneItem, ...] = ()
    effort: float | None = None
    minutes: int | None = None
    note: str = ""

    @property
    def key(self) -> tuple[str, Day, SessionKind]:
        return (self.athlete_id, self.date, self.kind)


def planned_set(item: Item, units: Units) -> DoneSet:
    """One set of ``item`` done exactly as prescribed, its load in ``units`` (a prescribed item
    carries its own unit; a record is in the athlete's). A body-weight item has no load."""
    load = None if item.load is None or item.body_weight else in_units(item.load, Units(item.unit), units)
    return DoneSet(reps=item.reps, load=load, distance_m=item.distance_m)


def as_planned_items(planned: Session, units: Units) -> tuple[DoneItem, ...]:
    """Every prescribed set done as prescribed."""
    return tuple(
        DoneItem(item.exercise_id, tuple(planned_set(item, units) for _ in range(item.sets)))
        for item in planned.items
    )
