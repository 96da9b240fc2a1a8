"""Planned against done: how closely what was recorded follows what was prescribed.

The measure is the one coaches know from endurance tools: done over planned, within ±20 %
is on plan, 50-79 % or 121-150 % is near it, anything else is off (the bands are in
``rules.toml`` under ``compliance``). Weights are measured by volume-load (kg lifted x reps;
reps for a session without loaded sets), plyometrics by ground contacts. The planned side is
always the session as it was planned when it was recorded (``record.planned``), so a plan
derived differently later never changes how a past session is judged.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from planner.by_identity import ByIdentity
from planner.document.model import Season, Units
from planner.document.records import RecordStatus, SessionRecord
from planner.document.sessions import Item, Session, SessionKind
from planner.engine.metrics import session_volume
from planner.engine.plan import Plan
from planner.engine.rules import rule_book

__all__ = [
    "Band",
    "DayCompliance",
    "SessionCompliance",
    "WeekCompliance",
    "band_of",
    "day_compliance",
    "session_compliance",
    "week_compliance",
]


class Band(StrEnum):
    GREEN = "within"  # within ±20 % of the plan
    YELLOW = "near"  # 50-79 % or 121-150 %
    RED = "off"  # below half or over one and a half times the plan
    MISSED = "missed"
    PENDING = "pending"  # past, planned, nothing recorded yet
    NONE = "none"  # nothing planned and nothing recorded

    @property
    def recorded(self) -> bool:
        return self in (Band.GREEN, Band.YELLOW, Band.RED, Band.MISSED)


# Worst first: a day or week is shown by the worst of its recorded sessions.
_SEVERITY = (Band.MISSED, Band.RED, Band.YELLOW, Band.GREEN)


class SessionCompliance(NamedTuple):
    """One recorded session: planned and done volume-load (kg) and contacts, done over
    planned in the session's own measure (None when nothing was planned to measure by)."""

    kind: SessionKind
    status: RecordStatus
    planned_volume_kg: float
    done_volume_kg: float
    planned_reps: int
    done_reps: int
    planned_contacts: int
    done_contacts: float
    ratio: float | None
    band: Band


class DayCompliance(NamedTuple):
    """A day's sessions (as planned then, or as the plan has them), each with its record
    and compliance when one was made; ``band`` is the worst recorded, or PENDING/NONE."""

    date: date
    band: Band
    sessions: tuple[tuple[Session, SessionRecord | None, SessionCompliance | None], ...]


class WeekCompliance(NamedTuple):
    """A week's past days, planned against done. ``planned_*`` count every past session
    planned; ``recorded_planned_*`` only those with a record, the fair side to set ``done_*``
    against while some are still to be recorded."""

    week_start: date
    planned_volume_kg: float
    recorded_planned_volume_kg: float
    done_volume_kg: float
    planned_contacts: int
    recorded_planned_contacts: int
    done_contacts: float
    sessions_planned: int
    sessions_done: int
    sessions_partly: int
    sessions_missed: int
    sessions_pending: int
    band: Band


def band_of(ratio: float) -> Band:
    """The band of done over planned."""
    bands = rule_book()["compliance"]
    within, near = bands.number("within"), bands.number("near")
    off_by = abs(ratio - 1)
    # Rounded to whole per cent first: 79.6 % reads as 80 % on a card, and is judged so.
    off_by = round(off_by * 100) / 100
    if off_by <= within:
        return Band.GREEN
    if off_by <= near:
        return Band.YELLOW
    return Band.RED


_MEASURED: ByIdentity[SessionCompliance] = ByIdentity()


def session_compliance(record: SessionRecord) -> SessionCompliance:
    """How the recorded session compares with the session as it was planned (worked out once
    per record: every view showing the day asks again)."""
    return _MEASURED.get(_measured, record)


def _measured(record: SessionRecord) -> SessionCompliance:
    planned = record.planned
    units = Units(record.units)
    planned_volume, planned_contacts = session_volume(planned)
    planned_reps = sum(i.total_reps for i in planned.items if i.intensity is None)
    done_volume = 0.0
    done_reps = 0
    done_contacts = 0.0
    for done, item in zip(record.items, planned.items, strict=False):
        if item.intensity is not None:
            done_contacts += _done_contacts(item, [(s.reps, s.distance_m) for s in done.sets])
            continue
        for done_set in done.sets:
            done_reps += done_set.reps
            if done_set.load is not None:
                done_volume += done_set.reps * units.to_kg(done_set.load)

    ratio: float | None
    if record.status is RecordStatus.MISSED:
        ratio, band = 0.0, Band.MISSED
    else:
        if record.kind is SessionKind.PLYOMETRICS:
            ratio = done_contacts / planned_contacts if planned_contacts else None
        elif planned_volume > 0:
            ratio = done_volume / planned_volume
        else:
            ratio = done_reps / planned_reps if planned_reps else None
        if not record.items and record.status is RecordStatus.DONE:
            # Ticked done without its numbers: done as planned, as the coach said.
            ratio = 1.0
        band = Band.GREEN if ratio is None else band_of(ratio)
    return SessionCompliance(
        record.kind, record.status, planned_volume, done_volume, planned_reps, done_reps,
        planned_contacts, done_contacts, ratio, band,
    )


def _done_contacts(item: Item, sets: Sequence[tuple[int, float | None]]) -> float:
    """The contacts of the done sets, in proportion to the planned item's: a run of 8 m where
    20 m was planned holds about 2/5 of the contacts."""
    planned_reps = item.total_reps
    if not planned_reps or not item.contacts:
        return 0.0
    per_rep = item.contacts / planned_reps
    total = 0.0
    for reps, distance in sets:
        scale = distance / item.distance_m if distance is not None and item.distance_m else 1.0
        total += reps * per_rep * scale
    return total


def _worst(bands: Sequence[Band]) -> Band:
    return next(b for b in _SEVERITY if b in bands)


# The views ask for every past day and week of a plan; scanning every record of the season
# for each of them grew with days x records. The records are indexed by athlete and day once
# per version of the season's records (the tuple is immutable, so its identity is the key).
_BY_DAY: ByIdentity[dict[tuple[str, date], dict[SessionKind, SessionRecord]]] = ByIdentity(kept=64)


def _index(records: tuple[SessionRecord, ...]) -> dict[tuple[str, date], dict[SessionKind, SessionRecord]]:
    index: dict[tuple[str, date], dict[SessionKind, SessionRecord]] = {}
    for record in records:
        index.setdefault((record.athlete_id, record.date), {})[record.kind] = record
    return index


def records_on(season: Season, athlete_id: str, day: date) -> dict[SessionKind, SessionRecord]:
    """What was recorded of the athlete's sessions on ``day``, by session kind."""
    return _BY_DAY.get(_index, season.records).get((athlete_id, day), {})


def day_compliance(plan: Plan, season: Season, day: date, today: date) -> DayCompliance:
    """The day's sessions with what was recorded of them; a day not yet past with nothing
    recorded is NONE (nothing to judge yet)."""
    plan_day = plan.day(day)
    sessions = list(plan_day.sessions) if plan_day is not None else []
    recorded_by_kind = records_on(season, plan.athlete.id, day)
    kinds = {s.kind for s in sessions}
    # A record of a session the plan no longer has on that day still counts: it was done.
    sessions += [r.planned for kind, r in recorded_by_kind.items() if kind not in kinds]
    rows: list[tuple[Session, SessionRecord | None, SessionCompliance | None]] = []
    for session in sessions:
        record = recorded_by_kind.get(session.kind)
        if record is None:
            rows.append((session, None, None))
        else:
            rows.append((record.planned, record, session_compliance(record)))
    recorded = [c.band for _s, _r, c in rows if c is not None]
    if recorded:
        band = _worst(recorded)
    elif rows and day < today:
        band = Band.PENDING
    else:
        band = Band.NONE
    return DayCompliance(day, band, tuple(rows))


def week_compliance(plan: Plan, season: Season, week_start: date, today: date) -> WeekCompliance:
    """Planned against done over the week's days before ``today`` (and any recorded day)."""
    planned_volume = recorded_planned_volume = done_volume = done_contacts = 0.0
    planned_contacts = recorded_planned_contacts = 0
    counts = {"planned": 0, "done": 0, "partly": 0, "missed": 0, "pending": 0}
    bands: list[Band] = []
    for n in range(7):
        day = week_start + timedelta(days=n)
        compliance = day_compliance(plan, season, day, today)
        if day >= today and not compliance.band.recorded:
            continue
        for session, record, measured in compliance.sessions:
            volume, contacts = session_volume(session)
            planned_volume += volume
            planned_contacts += contacts
            counts["planned"] += 1
            if record is None or measured is None:
                counts["pending"] += 1
                continue
            recorded_planned_volume += volume
            recorded_planned_contacts += contacts
            done_volume += measured.done_volume_kg
            done_contacts += measured.done_contacts
            bands.append(measured.band)
            status = record.status
            counts["done" if status is RecordStatus.DONE else "partly" if status is RecordStatus.PARTLY_DONE
                   else "missed"] += 1
    if bands:
        band = _week_band(recorded_planned_volume, done_volume, recorded_planned_contacts, done_contacts, bands)
    elif counts["pending"]:
        band = Band.PENDING
    else:
        band = Band.NONE
    return WeekCompliance(
        week_start, planned_volume, recorded_planned_volume, done_volume, planned_contacts,
        recorded_planned_contacts, done_contacts, counts["planned"], counts["done"], counts["partly"],
        counts["missed"], counts["pending"], band,
    )


def _week_band(planned_volume: float, done_volume: float, planned_contacts: int, done_contacts: float,
               bands: Sequence[Band]) -> Band:
    """A week is judged on its totals (a heavy day lighter, a light day heavier evens out);
    a week of only missed sessions is MISSED."""
    if all(b is Band.MISSED for b in bands):
        return Band.MISSED
    ratios = []
    if planned_volume > 0:
        ratios.append(done_volume / planned_volume)
    if planned_contacts > 0:
        ratios.append(done_contacts / planned_contacts)
    if not ratios:
        return _worst(bands)
    return _worst([band_of(r) for r in ratios])
