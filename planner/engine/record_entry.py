"""Turning what a coach types from a session card into a record.

The window's entry grids hold text (a coach may type anything); this module reads it. A value
that is not a number at all is refused here with the exercise and set it was typed in; a
number that no session could hold (a negative load, an effort of 11) is left for the record
edit, whose validation names the same place, so one rule decides what a record may hold.

A set whose reps are left empty was not done. Whether a session was done or partly done is
read from the sets (``derived_status``) unless the coach says otherwise.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple, TypeVar

from planner.document.model import Athlete, Units
from planner.document.records import (
    DoneItem,
    DoneSet,
    RecordStatus,
    SessionRecord,
    as_planned_items,
    planned_set,
)
from planner.document.sessions import Item, Session
from planner.document.text import is_plyometric, number

__all__ = [
    "EntryError",
    "Place",
    "SetCells",
    "SetLine",
    "as_planned_items",
    "derived_status",
    "entry_record",
    "entry_units",
    "is_as_planned",
    "item_lines",
    "items_from_lines",
    "parse_sets",
    "planned_lines",
    "planned_set",
    "problem_place",
    "record_cells",
    "sets_from_cells",
    "sets_text",
]


# Where in a card a value was typed: (item index, set index, "reps" or "amount"), ("effort",),
# ("minutes",) or ("note",); () when it is not known.
Place = tuple[int | str, ...]


class EntryError(ValueError):
    """Typed text that is not a value: the message names where it was typed, and ``place``
    the cell: (item, set, "reps" or "amount"), ("effort",) or ("minutes",)."""

    def __init__(self, message: str, place: Place = ()) -> None:
        super().__init__(message)
        self.place = place


class SetLine(NamedTuple):
    """One planned set of a session, as the card's grid shows it: ``load`` in the athlete's
    units (None for body weight or a drill), ``distance_m`` per rep for a drill."""

    item_index: int
    set_index: int
    exercise_id: str
    name: str
    plyometric: bool
    reps: int
    load: float | None
    distance_m: float | None


class SetCells(NamedTuple):
    """What is typed in one set's cells: reps, and the load (a lift) or the distance per rep
    (a drill). Empty reps: the set was not done."""

    reps: str
    amount: str


def planned_lines(planned: Session, units: Units) -> tuple[SetLine, ...]:
    """The session's sets in the order a card lists them: item by item, set by set."""
    lines = []
    for i, item in enumerate(planned.items):
        done = planned_set(item, units)
        for k in range(item.sets):
            lines.append(
                SetLine(i, k, item.exercise_id, item.name, is_plyometric(item), done.reps, done.load, done.distance_m)
            )
    return tuple(lines)


def derived_status(planned: Session, items: Sequence[DoneItem]) -> RecordStatus:
    """Done when every prescribed set was done with at least its reps; missed when no set was
    done at all; partly done otherwise. Loads do not decide it: a set done lighter is done,
    and how far the work was from the plan is the compliance's business."""
    if not any(done.sets for done in items):
        return RecordStatus.MISSED
    for item, done in zip(planned.items, items, strict=False):
        if len(done.sets) < item.sets or sum(1 for s in done.sets if s.reps >= item.reps) < item.sets:
            return RecordStatus.PARTLY_DONE
    if len(items) < len(planned.items):
        return RecordStatus.PARTLY_DONE
    return RecordStatus.DONE


def is_as_planned(record: SessionRecord) -> bool:
    """Whether the record's sets are exactly the prescription's."""
    return record.status is RecordStatus.DONE and record.items == as_planned_items(record.planned, record.units)


def _number(text: str, what: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise EntryError(f"{what}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise EntryError(f"{what}: {text!r} is not a number")
    return value


def _whole(text: str, what: str) -> int | None:
    value = _number(text, what)
    if value is None:
        return None
    if value != int(value):
        raise EntryError(f"{what}: {text.strip()!r} is not a whole number")
    return int(value)


N = TypeVar("N", int, float)


def _placed(read: Callable[[str, str], N | None], text: str, what: str, place: Place) -> N | None:
    try:
        return read(text, what)
    except EntryError as error:
        raise EntryError(str(error), place) from None


_PROBLEM_PATH = re.compile(r"^record\.(?:items\[(\d+)\]\.sets\[(\d+)\]\.(reps|load|distance_m)|(effort|minutes|note))")


def problem_place(path: str, items: Sequence[DoneItem], cells: Sequence[Sequence[SetCells]]) -> Place:
    """The card's cell a record problem's path points at (``record.items[0].sets[1].load``):
    the record keeps only the sets done, so its set k is the k-th set typed with reps."""
    match = _PROBLEM_PATH.match(path)
    if match is None:
        return ()
    if match.group(4):
        return (match.group(4),)
    i, k = int(match.group(1)), int(match.group(2))
    if i >= len(cells):
        return ()
    typed = [n for n, c in enumerate(cells[i]) if c.reps.strip()]
    if k >= len(typed) or i >= len(items):
        return ()
    return (i, typed[k], "reps" if match.group(3) == "reps" else "amount")


def sets_from_cells(planned: Session, cells: Sequence[Sequence[SetCells]]) -> tuple[DoneItem, ...]:
    """The done sets of each prescribed item from the grid's cells (``cells[i]`` are item i's
    sets). A set with empty reps is left out; an empty load on a lift is not recorded."""
    items = []
    for i, (item, item_cells) in enumerate(zip(planned.items, cells, strict=True)):
        sets = []
        for k, typed in enumerate(item_cells):
            where = f"{item.name}, set {k + 1}"
            reps = _placed(_whole, typed.reps, f"{where}, reps", (i, k, "reps"))
            amount = _placed(_number, typed.amount, f"{where}, {'distance' if is_plyometric(item) else 'load'}",
                             (i, k, "amount"))
            if reps is None:
                continue  # a load left beside empty reps says nothing: the set was not done
            if is_plyometric(item):
                sets.append(DoneSet(reps=reps, distance_m=amount))
            else:
                sets.append(DoneSet(reps=reps, load=amount))
        items.append(DoneItem(item.exercise_id, tuple(sets)))
    return tuple(items)


def record_cells(record: SessionRecord | None, planned: Session, units: Units) -> tuple[tuple[SetCells, ...], ...]:
    """What the grid shows before anything is typed: the record's sets where the session is
    recorded, else the prescription, one row per prescribed set (and per extra set done)."""
    rows = []
    done_items = record.items if record is not None and record.status is not RecordStatus.MISSED else ()
    for i, item in enumerate(planned.items):
        if record is not None and record.status is RecordStatus.MISSED:
            sets: tuple[DoneSet | None, ...] = (None,) * item.sets
        elif i < len(done_items):
            done = done_items[i].sets
            sets = (*done, *((None,) * (item.sets - len(done))))
        else:
            sets = (planned_set(item, units),) * item.sets
        rows.append(tuple(_cells(s, is_plyometric(item)) for s in sets))
    return tuple(rows)


def _cells(done: DoneSet | None, plyometric: bool) -> SetCells:
    if done is None:
        return SetCells("", "")
    amount = done.distance_m if plyometric else done.load
    return SetCells(str(done.reps), "" if amount is None else number(amount))


def entry_units(athlete: Athlete, record: SessionRecord | None) -> Units:
    """The units a session's loads are shown and typed in: a recorded session's own, the
    athlete's when it was recorded, so that its numbers keep meaning what was typed after the
    athlete changes units; the athlete's for a session not recorded yet."""
    return athlete.units if record is None else record.units


def entry_record(
    athlete: Athlete,
    day: date,
    planned: Session,
    items: tuple[DoneItem, ...],
    *,
    effort: str = "",
    minutes: str = "",
    note: str = "",
    status: RecordStatus | None = None,
    units: Units | None = None,
) -> SessionRecord:
    """The record a card's values make; ``status`` None reads it from the sets. A missed
    session keeps its note only: sets, effort and minutes typed beside "missed" are not work
    that was done. ``units`` are those the loads were typed in (``entry_units``); None: the
    athlete's."""
    status = derived_status(planned, items) if status is None else status
    missed = status is RecordStatus.MISSED
    effort_value = None if missed else _placed(_number, effort, "Effort", ("effort",))
    minutes_value = None if missed else _placed(_whole, minutes, "Minutes", ("minutes",))
    return SessionRecord(
        athlete_id=athlete.id,
        date=day,
        kind=planned.kind,
        status=status,
        planned=planned,
        units=athlete.units if units is None else units,
        items=() if missed else items,
        effort=None if missed else effort_value,
        minutes=None if missed else minutes_value,
        note=note.strip(),
    )


# ---------------------------------------------------------------------------------------------
# Sets typed on one line: "3x100, 3x100, 2x100" (a lift) or "5x20, 5x20" (a drill, metres)

_SET = re.compile(r"^\s*(-?\d+)\s*(?:[x×*@]\s*(-?\d+(?:\.\d+)?)\s*(?:kg|lb|m)?)?\s*$", re.IGNORECASE)


def parse_sets(text: str, item: Item) -> tuple[DoneSet, ...]:
    """The sets typed on one line, separated by commas, each "reps" or "reps x load" (a drill:
    "reps x metres"; decimals with a point). "4x3x100" is not read as four sets: each set is
    written out, as on the card."""
    sets = []
    for k, part in enumerate(p for p in re.split(r"[,;]", text) if p.strip()):
        match = _SET.match(part)
        if match is None:
            unit = "metres" if is_plyometric(item) else "load"
            raise EntryError(f"{item.name}, set {k + 1}: {part.strip()!r} is not reps or reps x {unit}")
        reps = int(match.group(1))
        amount = None if match.group(2) is None else float(match.group(2))
        if is_plyometric(item):
            sets.append(DoneSet(reps=reps, distance_m=amount))
        else:
            sets.append(DoneSet(reps=reps, load=amount))
    return tuple(sets)


def items_from_lines(planned: Session, lines: Sequence[str]) -> tuple[DoneItem, ...]:
    """The done sets of each prescribed item, one typed line per item (``parse_sets``)."""
    return tuple(
        DoneItem(item.exercise_id, parse_sets(line, item)) for item, line in zip(planned.items, lines, strict=True)
    )


def item_lines(record: SessionRecord | None, planned: Session, units: Units) -> tuple[str, ...]:
    """One line per prescribed item as the squad entry shows it before anything is typed: the
    record's sets where the session is recorded (empty where missed), else the prescription."""
    if record is None:
        return tuple(sets_text(done.sets, item) for done, item in zip(as_planned_items(planned, units), planned.items,
                                                                      strict=True))
    done_items = record.items
    return tuple(
        sets_text(done_items[i].sets, item) if i < len(done_items) else "" for i, item in enumerate(planned.items)
    )


def sets_text(sets: Sequence[DoneSet], item: Item) -> str:
    """``sets`` as ``parse_sets`` reads them back."""
    parts = []
    for done in sets:
        amount = done.distance_m if is_plyometric(item) else done.load
        parts.append(str(done.reps) if amount is None else f"{done.reps}x{number(amount)}")
    return ", ".join(parts)
