"""Turning a percentage of a training max into a load the athlete can put on the bar.

Rule load.rounding (R4): round to the nearest loadable step below 85 %, down at 85 % or more
(never round a heavy set up), never at or above the max itself. Below the empty bar the
athlete holds dumbbells or uses a technique bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.model import Equipment, Units

# Plate pairs a gym stocks, largest first, in each unit system.
_PLATES = {
    Units.KG: (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 2.0, 1.5, 1.25, 1.0, 0.625, 0.5, 0.25),
    Units.LB: (45.0, 35.0, 25.0, 10.0, 5.0, 2.5, 1.25, 0.625),
}
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Load:
    """A rounded load in the athlete's units; ``below_bar`` means dumbbells or a technique bar."""

    value: float
    plates_per_side: tuple[float, ...]
    below_bar: bool
    note: str = ""


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
        note = f"plus {missing:g} {units.value} per side in fractional plates"
    return Load(value, plates, below_bar=False, note=note)


def _dumbbell_load(target: float, equipment: Equipment, units: Units) -> Load:
    step = equipment.dumbbell_step
    per_hand = max(step, step * math.floor(target / 2 / step + 0.5))
    unit = units.value
    note = (
        f"Below the {equipment.bar_mass:g} {unit} bar: hold two {per_hand:g} {unit} dumbbells "
        f"or use a technique bar"
    )
    return Load(round(per_hand * 2, 4), (), below_bar=True, note=note)


def plates_per_side(load: float, equipment: Equipment, units: Units) -> tuple[float, ...]:
    """Greedy plate list for one side of the bar, largest plate first."""
    remaining = (load - equipment.bar_mass) / 2.0
    plates: list[float] = []
    for plate in _PLATES[units]:
        while remaining >= plate - _EPS:
            plates.append(plate)
            remaining -= plate
    return tuple(plates)


def format_plates(plates: tuple[float, ...], unit: str) -> str:
    if not plates:
        return "empty bar"
    return " + ".join(f"{p:g}" for p in plates) + f" {unit} per side"
