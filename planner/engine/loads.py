"""Turning a percentage of a training max into a load the athlete can put on the bar.

Rule load.rounding (R4): round to the nearest loadable step below 85 %, down at 85 % or more
(never round a heavy set up), never at or above the max itself. Below the empty bar the
athlete holds dumbbells or uses a technique bar. How a load goes on is data on the item;
``planner.document.text`` words it.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
import math
from typing import NamedTuple, TypedDict

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


class Load(NamedTuple):
    """A rounded load in the athlete's units.

    Below the empty bar the athlete holds two dumbbells of ``per_hand`` each (or uses a
    technique bar); ``fractional_per_side`` is what the gym's plates cannot make on each side.
    """

    value: float
    plates_per_side: tuple[float, ...]
    per_hand: float | None = None
    fractional_per_side: float = 0.0

    @property
    def below_bar(self) -> bool:
        return self.per_hand is not None


def held_as_dumbbells(item: Item) -> bool:
    """A load below the empty bar, held as a pair of dumbbells."""
    return item.load is not None and item.per_hand is not None


class LoadFields(TypedDict):
    """The fields of an ``Item`` that say its load, by their names there."""

    load: float | None
    unit: str
    load_kg: float | None
    plates_per_side: tuple[float, ...]
    below_bar: float | None
    per_hand: float | None
    fractional_per_side: float


def load_fields(load: Load | None, equipment: Equipment, units: Units) -> LoadFields:
    """An item's fields for ``load`` (none: no load) in the athlete's ``units``: its value in
    those units and in kg, the plates, and how it goes on (dumbbells below the bar, fractional
    plates). An item built with a load is given them at once, not copied to take them."""
    if load is None:
        return LoadFields(load=None, unit=units.value, load_kg=None, plates_per_side=(), below_bar=None,
                          per_hand=None, fractional_per_side=0.0)
    return LoadFields(
        load=load.value,
        unit=units.value,
        load_kg=round(units.to_kg(load.value), 2),
        plates_per_side=load.plates_per_side,
        below_bar=equipment.bar_mass if load.per_hand is not None else None,
        per_hand=load.per_hand,
        fractional_per_side=load.fractional_per_side,
    )


def loaded(item: Item, load: Load | None, equipment: Equipment, units: Units) -> Item:
    """``item`` carrying ``load`` (see ``load_fields``); no load clears them all but the unit."""
    if load is None:
        return item._replace(
            load=None, load_kg=None, plates_per_side=(), below_bar=None, per_hand=None,
            fractional_per_side=0.0,
        )
    return item._replace(**load_fields(load, equipment, units))


def typed_load(value: float, equipment: Equipment, units: Units, *, barbell: bool) -> Load:
    """A load a coach typed: on a barbell, dumbbells below the bar and plates from it up."""
    if not barbell:
        return Load(value, ())
    if value < equipment.bar_mass - _EPS:
        return Load(value, (), per_hand=value / 2)
    return on_the_bar(value, equipment, units)


def on_the_bar(value: float, equipment: Equipment, units: Units) -> Load:
    """``value`` on the bar: the plates per side and what they cannot make."""
    plates = plates_per_side(value, equipment, units)
    missing = round((value - equipment.bar_mass) / 2 - sum(plates), 6)
    # An increment finer than the gym's plates: what the plates cannot make is a fact of the load.
    return Load(value, plates, fractional_per_side=missing if missing > _EPS else 0.0)


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
        return Load(0.0, ())
    if target < bar - _EPS:
        return _dumbbell_load(target, equipment)
    step = equipment.increment
    steps = (target - bar) / step
    count = math.floor(steps + _EPS) if percent >= floor_from_pct else math.floor(steps + 0.5)
    value = bar + count * step
    # Rounding to the nearest step may land on the max itself when increments are coarse.
    while value >= max_value - _EPS and value - step >= bar - _EPS:
        value -= step
    return on_the_bar(round(value, 4), equipment, units)


def _dumbbell_load(target: float, equipment: Equipment) -> Load:
    step = equipment.dumbbell_step
    per_hand = max(step, step * math.floor(target / 2 / step + 0.5))
    return Load(round(per_hand * 2, 4), (), per_hand=per_hand)


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
