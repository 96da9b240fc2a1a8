"""Prescribed training: the items and sessions a plan is made of.

These values are produced by the engine, and the season document stores them too: a coach
override keeps the coach's session beside the generated one it replaced, and a locked week
keeps a snapshot of its sessions. They are immutable so that a document or a plan can be
shared between undo steps without copying.

Both are named tuples, as every record of the document is (see ``planner.document.model``): a
plan holds hundreds of them, and the engine makes and changes them in its inner loops (a copy
with changes is ``_replace``), which a frozen dataclass does several times slower.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class SessionKind(StrEnum):
    WEIGHTS = "weights"
    PLYOMETRICS = "plyometrics"


class Category(StrEnum):
    POWER = "power"
    STRENGTH = "strength"
    ACCESSORY = "accessory"
    PLYOMETRIC = "plyometric"


class Intent(StrEnum):
    EXPLOSIVE = "explosive"
    CONTROLLED = "controlled"


class PlyoIntensity(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


# 1 to 3 from low to high: what a day's plyometric ceiling (planner.engine.proximity) is compared with.
INTENSITY_LEVEL = {PlyoIntensity.LOW: 1, PlyoIntensity.MODERATE: 2, PlyoIntensity.HIGH: 3}


class Item(NamedTuple):
    """One exercise in a session, with everything needed to perform it.

    ``load`` is in the athlete's units (``unit``); ``load_kg`` is the same load in kilograms,
    so metrics compare across athletes. Rep-range work (accessories) has no percentage and
    uses ``reps_in_reserve`` instead. Plyometric drills use ``reps`` x ``distance_m`` (or reps
    of a jump in place) and count ``contacts`` for the whole item.

    How the load goes on is data, set where the load is rounded (``planner.engine.loads``) and
    worded by the writers (``planner.document.text``): a load lighter than the empty bar
    (``below_bar`` is the bar's mass) is held as two dumbbells of ``per_hand`` each, or on a
    technique bar; ``fractional_per_side`` is what the gym's plates cannot make on each side,
    added in fractional plates.
    """

    exercise_id: str
    name: str
    category: Category
    lower_body: bool
    sets: int
    reps: int
    reps_in_reserve: int | None = None
    percent_max: float | None = None
    max_value: float | None = None
    load: float | None = None
    unit: str = "kg"
    load_kg: float | None = None
    plates_per_side: tuple[float, ...] = ()
    below_bar: float | None = None
    per_hand: float | None = None
    fractional_per_side: float = 0.0
    rest_s: int = 120
    intent: Intent = Intent.CONTROLLED
    distance_m: float | None = None
    contacts: int = 0
    intensity: PlyoIntensity | None = None
    note: str = ""
    rule_ids: tuple[str, ...] = ()
    edited: bool = False

    @property
    def total_reps(self) -> int:
        return self.sets * self.reps

    @property
    def body_weight(self) -> bool:
        """Done with no added load: a loaded exercise prescribed at 0 % of its max (a junior's
        jumps, for one). Shown as "body weight", never as a 0 kg load on an empty bar."""
        return self.percent_max is not None and self.percent_max <= 0


class Session(NamedTuple):
    """A weights or plyometrics session on one day for one athlete.

    ``heavy`` marks lower-body work at 85 % of a max or more (or high-intensity plyometrics),
    which is what the competition-proximity rules restrict. ``effort`` is the estimated
    session RPE (CR-10) used for the planned-load estimate, not a measurement.
    """

    id: str
    date: date
    kind: SessionKind
    title: str
    items: tuple[Item, ...]
    heavy: bool = False
    minutes: int = 45
    effort: float = 5.0
    tags: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()
    reason: str = ""
    edited: bool = False
    notes: tuple[str, ...] = ()

    @property
    def planned_load(self) -> float:
        """Estimated session load in arbitrary units: effort x minutes (session-RPE method)."""
        return self.effort * self.minutes
