"""What the calendar shows of the season as it happened, for one athlete: no painting.

Days before the date the window runs on are past: the calendar mutes them. Every session of a
past day, and every session recorded on a later day, shows its compliance band
(``planner.engine.compliance``: done within ±20 % of the plan, near, off, missed, or still to
record). Days kept as they were prescribed (frozen) are marked, and so are the kept days
that the plan would now prescribe differently (held).
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from planner.document.model import Season
from planner.document.records import SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.compliance import Band, SessionCompliance, day_compliance
from planner.engine.plan import Plan


class SessionBand(NamedTuple):
    """One session of a day as the calendar marks it."""

    session: Session
    band: Band  # NONE: not yet due and nothing recorded
    record: SessionRecord | None = None
    compliance: SessionCompliance | None = None

    @property
    def plyometrics(self) -> bool:
        return self.session.kind is SessionKind.PLYOMETRICS


@dataclass(frozen=True, slots=True)
class RecordMarks:
    """The past of one athlete's plan: where it ends, what was done, what is kept."""

    today: date
    # Only the days whose sessions show a band (past days with sessions, recorded days).
    sessions: Mapping[date, tuple[SessionBand, ...]] = field(default_factory=dict)
    day_bands: Mapping[date, Band] = field(default_factory=dict)
    frozen_days: frozenset[date] = frozenset()
    held_days: frozenset[date] = frozenset()

    def is_past(self, day: date) -> bool:
        return day < self.today

    def band_of(self, day: date, kind: SessionKind) -> Band:
        """The band of the athlete's ``kind`` session on ``day`` (NONE when it shows none)."""
        return next((s.band for s in self.sessions.get(day, ()) if s.session.kind is kind), Band.NONE)


def record_marks(season: Season, plan: Plan | None, today: date) -> RecordMarks:
    if plan is None:
        return RecordMarks(today)
    athlete_id = plan.athlete.id
    recorded = {r.date for r in season.records if r.athlete_id == athlete_id}
    sessions: dict[date, tuple[SessionBand, ...]] = {}
    day_bands: dict[date, Band] = {}
    for day in plan.days:
        if not day.sessions or (day.date >= today and day.date not in recorded):
            continue
        compliance = day_compliance(plan, season, day.date, today)
        marks = tuple(
            SessionBand(session, _session_band(compliance_of, day.date, today), record, compliance_of)
            for session, record, compliance_of in compliance.sessions
        )
        if marks:
            sessions[day.date] = marks
            day_bands[day.date] = compliance.band
    frozen = frozenset(d.date for d in plan.days if d.frozen)
    return RecordMarks(today, sessions, day_bands, frozen, frozenset(plan.held))


def _session_band(compliance: SessionCompliance | None, day: date, today: date) -> Band:
    if compliance is not None:
        return compliance.band
    return Band.PENDING if day < today else Band.NONE
