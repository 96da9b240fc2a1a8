"""The warm-up ramp before the first working set of a session's main barbell lift.

Worked out from the item and the athlete's equipment with the plan's own rounding, so every
warm-up load is one the athlete can put on the bar. The cards print it; any view can show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.document.catalogue import catalogue
from planner.document.model import Athlete, Units
from planner.document.sessions import Item, Session
from planner.engine.loads import round_load

__all__ = ["RAMP", "RampStep", "main_barbell_item", "warmup_ramp"]

# (percent of max, reps); None is the empty bar. Only the steps below the working percentage
# are done.
RAMP: tuple[tuple[float | None, int], ...] = ((None, 8), (40.0, 5), (60.0, 3), (75.0, 2))
_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class RampStep:
    """One warm-up set: ``percent`` None is the empty bar; ``fractional_per_side`` is what the
    plates cannot make, added as a fractional plate on each side."""

    percent: float | None
    load: float
    reps: int
    plates_per_side: tuple[float, ...]
    fractional_per_side: float = 0.0


def _is_barbell(item: Item) -> bool:
    exercise = catalogue().get(item.exercise_id)
    return exercise is not None and exercise.barbell


def main_barbell_item(session: Session) -> Item | None:
    """The session's first barbell item with a load on the bar (not dumbbells): what the ramp leads to."""
    for item in session.items:
        if (
            _is_barbell(item)
            and item.load is not None
            and item.percent_max is not None
            and item.max_value is not None
            and item.per_hand is None
        ):
            return item
    return None


def warmup_ramp(item: Item, athlete: Athlete) -> tuple[RampStep, ...]:
    """Warm-up sets before ``item``'s first working set, loads rounded like the plan's.

    Steps at or above the working percentage are left out, and so are steps that would not
    be heavier than the one before (a light max can make 40 % the empty bar), so every set
    means a plate change. A working load on or below the empty bar needs no ramp.
    """
    if item.load is None or item.percent_max is None or item.max_value is None:
        return ()
    units = Units(item.unit)
    bar = athlete.equipment.bar_mass
    if item.load <= bar:
        return ()
    steps = [RampStep(None, bar, RAMP[0][1], ())]
    for percent, reps in RAMP[1:]:
        if percent is None or percent >= item.percent_max:
            continue
        load = round_load(percent, item.max_value, athlete.equipment, units)
        if load.per_hand is not None or load.value <= steps[-1].load or load.value >= item.load:
            continue
        steps.append(RampStep(percent, load.value, reps, load.plates_per_side, load.fractional_per_side))
    return tuple(steps)
