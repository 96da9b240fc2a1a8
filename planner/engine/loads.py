"""Turning a percentage of a training max into a load the athlete can put on the bar.

Rule load.rounding (R4): round to the nearest loadable step below 85 %, down at 85 % or more
(never round a heavy set up), never at or above the max itself. Below the empty bar the
athlete holds dumbbells or uses a technique bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.document.model import Equipment, Units
from planner.document.sessions import Item

# Plate pairs a gym stocks, largest first, in each unit system.
_PLATES = {
    Units.KG: (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 2.0, 1.5, 1.25, 1.0, 0.625, 0.5, 0.25),
    Units.LB: (45.0, 35.0, 25.0, 10.0, 5.0, 2.5, 1.25, 0.625),
}
_EPS = 1e-9
# Plates from this size up are loaded greedily; below it are the change plates.
_BUMPER_MIN = {Units.KG: 2.5, Units.LB: 2.5}


@dataclass(frozen=True, slots=True)
class Load:
    """A rounded load in the athlete's units; ``below_bar`` means dumbbells or a technique bar."""

    value: float
    plates_per_side: tuple[float, ...]
    below_bar: bool
    note: str = ""


# The notes ``round_load`` writes travel with the prescribed item; the print-outs and checks
# read them back with the two helpers below rather than matching the wording themselves.
FRACTIONAL_PLATES_NOTE_END = " per side in fractional plates"
_DUMBBELLS = "dumbbells"


def held_as_dumbbells(item: Item) -> bool:
    """A load below the empty bar, held as a pair of dumbbells (its note says so)."""
    return item.load is not None and not item.plates_per_side and _DUMBBELLS in item.note


def is_fractional_plates_note(part: str) -> bool:
    """Whether one part of an item's note is the "plus 0.625 kg per side in fractional plates" remark."""
    return part.startswith("plus ") and part.endswith(FRACTIONAL_PLATES_NOTE_END)


def round_load(
    percent: float,
    max_value: float,
    equipment: Equipment,
    units: Units,
    *,
    floor_from_pct: float = 85.0,
) -> Load:
    target = max_value * percent / 100.0
    bar = equipment.bar_mass
    if percent <= 0:
        return Load(0.0, (), below_bar=False, note="body weight")
    if target < bar - _EPS:
        return _dumbbell_load(target, equipment, units)
    step = equipment.increment
    steps = (target - bar) / step
    count = math.floor(steps + _EPS) if percent >= floor_from_pct else math.floor(steps + 0.5)
    value = bar + count * step
    # Rounding to the nearest step may land on the max itself when increments are coarse.
    while value >= max_value - _EPS and value - step >= bar - _EPS:
        value -= step
    value = round(value, 4)
    plates = plates_per_side(value, equipment, units)
    missing = (value - equipment.bar_mass) / 2 - sum(plates)
    note = ""
    if missing > _EPS:
        # An increment finer than the gym's plates: say what the plates cannot make.
        note = f"plus {missing:g} {units.value}{FRACTIONAL_PLATES_NOTE_END}"
    return Load(value, plates, below_bar=False, note=note)


def _dumbbell_load(target: float, equipment: Equipment, units: Units) -> Load:
    step = equipment.dumbbell_step
    per_hand = max(step, step * math.floor(target / 2 / step + 0.5))
    unit = units.value
    note = (
        f"Below the {equipment.bar_mass:g} {unit} bar: hold two {per_hand:g} {unit} {_DUMBBELLS} "
        f"or use a technique bar"
    )
    return Load(round(per_hand * 2, 4), (), below_bar=True, note=note)


def plates_per_side(load: float, equipment: Equipment, units: Units) -> tuple[float, ...]:
    """The plates for one side of the bar, largest first, using as few change plates as it can.

    Bumper plates go on greedily; what is left (less than the smallest bumper) is made from
    the change plates the gym's increment implies (none smaller than half the increment), by
    an exact search, so 14.375 kg a side is 10 + 2.5 + 1.25 + 0.625, not 10 + 2.5 + 1.5 + 0.25.
    """
    remaining = (load - equipment.bar_mass) / 2.0
    smallest = equipment.increment / 2.0
    big = [p for p in _PLATES[units] if p >= _BUMPER_MIN[units]]
    plates: list[float] = []
    for plate in big:
        while remaining >= plate - _EPS:
            plates.append(plate)
            remaining -= plate
    change = tuple(p for p in _PLATES[units] if p < _BUMPER_MIN[units] and p >= smallest - _EPS)
    return (*plates, *_change_plates(round(remaining, 6), change))


def _change_plates(amount: float, change: tuple[float, ...]) -> tuple[float, ...]:
    """The fewest change plates summing to ``amount`` (a greedy fill when none sums exactly)."""
    for count in range(1, 5):
        found = _exact(amount, change, count, 0)
        if found is not None:
            return found
    plates: list[float] = []
    for plate in change:
        while amount >= plate - _EPS:
            plates.append(plate)
            amount -= plate
    return tuple(plates)


def _exact(amount: float, change: tuple[float, ...], count: int, start: int) -> tuple[float, ...] | None:
    if amount < _EPS:
        return ()
    if count == 0:
        return None
    for i in range(start, len(change)):
        if change[i] <= amount + _EPS:
            rest = _exact(amount - change[i], change, count - 1, i)
            if rest is not None:
                return (change[i], *rest)
    return None
