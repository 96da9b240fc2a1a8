"""The generated plan: what ``planner.generate`` derives from a season document.

A plan is never edited by hand: edits change the document and the plan is derived again.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from planner.document.model import Athlete, Competition
from planner.document.sessions import Session


class PhaseKind(StrEnum):
    TRANSITION = "transition"
    GENERAL_PREPARATION = "general_preparation"
    SPECIFIC_PREPARATION = "specific_preparation"
    PRE_COMPETITION = "pre_competition"
    COMPETITION = "competition"
    TAPER = "taper"

    @property
    def preparation(self) -> bool:
        return self in _PREPARATION


_PREPARATION = frozenset(
    {PhaseKind.GENERAL_PREPARATION, PhaseKind.SPECIFIC_PREPARATION, PhaseKind.PRE_COMPETITION}
)

# A phase's name in full: what the timeline calls its phases ("Specific preparation 2") and
# what the window and the print-outs show (planner.export.look re-exports it).
PHASE_NAMES: dict[PhaseKind, str] = {
    PhaseKind.TRANSITION: "Transition",
    PhaseKind.GENERAL_PREPARATION: "General preparation",
    PhaseKind.SPECIFIC_PREPARATION: "Specific preparation",
    PhaseKind.PRE_COMPETITION: "Pre-competition",
    PhaseKind.COMPETITION: "Competition",
    PhaseKind.TAPER: "Taper",
}


class Phase(NamedTuple):
    kind: PhaseKind
    name: str
    start: date
    end: date
    cycle: int = 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def weeks(self) -> float:
        return ((self.end - self.start).days + 1) / 7


class DayMetrics(NamedTuple):
    """One day's load figures. Plan days are built by the thousand while a competition is
    dragged, so these plan-only records are named tuples: immutable and cheap to make."""

    volume_load_kg: float = 0.0
    relative_volume: float = 0.0
    reps_by_zone: tuple[int, int, int, int] = (0, 0, 0, 0)  # <70 %, 70-80 %, 80-90 %, >=90 %
    contacts: int = 0
    weighted_contacts: float = 0.0
    planned_load: float = 0.0
    fitness: float = 0.0
    fatigue: float = 0.0
    form: float = 0.0
    acwr: float | None = None
    # Fitness, fatigue and form took this day's load from what was recorded (effort x
    # minutes, or 0 for a missed session) for every session of the day, not from the plan.
    load_recorded: bool = False


ZONE_LABELS = ("<70 %", "70-80 %", "80-90 %", ">=90 %")


class Day(NamedTuple):
    date: date
    phase: PhaseKind
    sessions: tuple[Session, ...]
    metrics: DayMetrics
    competitions: tuple[str, ...] = ()
    deload: bool = False
    taper_for: str | None = None
    locked: bool = False
    # Kept as it was prescribed (past, or something was recorded on it): never derived again.
    frozen: bool = False


class Week(NamedTuple):
    start: date
    number: int
    phase: PhaseKind
    deload: bool
    volume_load_kg: float
    relative_volume: float
    contacts: int
    weighted_contacts: float
    planned_load: float
    top_set_pct: dict[str, float]


class PlanWarning(NamedTuple):
    rule_id: str
    date: date
    message: str


class MaxProposal(NamedTuple):
    """Logged work sets show a max more than the rule's margin away from the one in force
    (rule max.proposal). Values are in ``units``, the athlete's: ``load`` x ``reps`` done on
    ``evidence_date`` give the estimate ``proposed``; ``current`` is the max in force.
    A proposal is a fact; ``planner.engine.proposals.proposal_text`` words it."""

    lift: str
    evidence_date: date
    current: float
    proposed: float
    units: str
    load: float
    reps: int

    @property
    def higher(self) -> bool:
        return self.proposed > self.current


# A plan's warnings, or how to work them out: the checks run when something first reads them
# (the drag preview never does).
Checks = tuple[PlanWarning, ...] | Callable[[], tuple[PlanWarning, ...]]


@dataclass(frozen=True, slots=True, eq=False)
class Plan:
    athlete: Athlete
    phases: tuple[Phase, ...]
    competitions: tuple[Competition, ...]
    days: tuple[Day, ...]
    weeks: tuple[Week, ...]
    checks: Checks
    # Frozen days whose sessions the document, derived afresh, would now prescribe otherwise:
    # what an edit would have changed in the past and did not.
    held: tuple[date, ...] = ()
    # New maxes the logged sets suggest, for the coach to accept or dismiss.
    proposals: tuple[MaxProposal, ...] = ()

    @property
    def warnings(self) -> tuple[PlanWarning, ...]:
        """What the checks found, by date."""
        checks = self.checks
        if callable(checks):
            checks = checks()
            # Worked out once: the plan is frozen, the checks' answer is part of it.
            object.__setattr__(self, "checks", checks)
        return checks

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        # Every field as a dataclass compares them, the checks by what they found.
        return all(
            getattr(self, f.name) == getattr(other, f.name) for f in fields(self) if f.name != "checks"
        ) and self.warnings == other.warnings

    __hash__ = None  # type: ignore[assignment]  # equal by value, and not immutable in its checks

    def day(self, on: date) -> Day | None:
        if not self.days:
            return None
        index = (on - self.days[0].date).days
        if 0 <= index < len(self.days):
            return self.days[index]
        return None

    def phase_on(self, on: date) -> Phase | None:
        return next((p for p in self.phases if p.contains(on)), None)

    def competition_names(self, day: Day) -> str:
        """"Regional Meeting, National Championships": the competitions on ``day``."""
        names = {c.id: c.name for c in self.competitions}
        return ", ".join(names.get(cid, cid) for cid in day.competitions)
