"""The plan as JSON: the contract of ``sprintplan plan --json`` for scripts and tests.

Its shape is documented by ``resources/schema/plan.schema.json``; ``PLAN_SCHEMA_VERSION``
changes whenever a field is renamed or removed.

Each day says whether it is kept as it was prescribed (``frozen``: past, or something was
recorded on it) and carries what was recorded of its sessions: per session the status, the
sets done, the effort, minutes and note, how closely it followed the plan, and the session
as it was planned when it was recorded. ``held`` lists the kept days that the document,
derived afresh, would now prescribe otherwise; ``proposals`` the maxes logged work sets point
to (the coach accepts or dismisses them in the window).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from planner.document.catalogue import lifts_with_maxes
from planner.document.codec import item_to_dict
from planner.document.model import Athlete, Season
from planner.document.records import DoneItem, SessionRecord
from planner.document.sessions import Item, Session
from planner.document.text import item_note
from planner.engine.compliance import session_compliance
from planner.engine.plan import ZONE_LABELS, Day, Plan, Week

PLAN_SCHEMA_VERSION = 1
JSON = dict[str, Any]


def _athlete(athlete: Athlete, on: date) -> JSON:
    """The athlete with the latest max of each lift recorded on or before ``on``."""
    maxes: JSON = {}
    for lift in lifts_with_maxes():
        entry = athlete.max_on(lift, on)
        if entry is not None:
            maxes[lift] = {
                "value": entry.value,
                "unit": athlete.units.value,
                "kg": round(athlete.units.to_kg(entry.value), 2),
                "date": entry.date.isoformat(),
                "tested": entry.tested,
            }
    return {
        "id": athlete.id,
        "name": athlete.name,
        "event": athlete.event.value,
        "sex": athlete.sex.value,
        "level": athlete.level.value,
        "junior": athlete.junior,
        "units": athlete.units.value,
        "bar": athlete.equipment.bar_mass,
        "increment": athlete.equipment.increment,
        "maxes": maxes,
    }


# Stored in a season file as fields; the plan's contract words them in the item's note.
_WORDED_FIELDS = ("below_bar", "per_hand", "fractional_per_side")


def item_json(item: Item, athlete: Athlete) -> JSON:
    data = item_to_dict(item)
    for key in _WORDED_FIELDS:
        del data[key]
    data["note"] = item_note(item)
    data["max_kg"] = None if item.max_value is None else round(athlete.units.to_kg(item.max_value), 2)
    return data


def session_json(session: Session, athlete: Athlete) -> JSON:
    return {
        "id": session.id,
        "kind": session.kind.value,
        "title": session.title,
        "heavy": session.heavy,
        "minutes": session.minutes,
        "estimated_effort": session.effort,
        "planned_load": session.planned_load,
        "edited": session.edited,
        "tags": list(session.tags),
        "rule_ids": list(session.rule_ids),
        "reason": session.reason,
        "items": [item_json(item, athlete) for item in session.items],
    }


def _done_item(done: DoneItem) -> JSON:
    return {
        "exercise_id": done.exercise_id,
        "sets": [{"reps": s.reps, "load": s.load, "distance_m": s.distance_m} for s in done.sets],
    }


def record_json(record: SessionRecord, athlete: Athlete) -> JSON:
    """What was done in a session, beside the session as it was planned when it was recorded."""
    compliance = session_compliance(record)
    return {
        "kind": record.kind.value,
        "status": record.status.value,
        "units": record.units.value,
        "effort": record.effort,
        "minutes": record.minutes,
        "note": record.note,
        "items": [_done_item(done) for done in record.items],
        "compliance": {
            "band": compliance.band.value,
            "ratio": None if compliance.ratio is None else round(compliance.ratio, 3),
            "planned_volume_kg": round(compliance.planned_volume_kg, 1),
            "done_volume_kg": round(compliance.done_volume_kg, 1),
            "planned_contacts": compliance.planned_contacts,
            "done_contacts": round(compliance.done_contacts, 1),
        },
        "planned": session_json(record.planned, athlete),
    }


def _day(day: Day, athlete: Athlete, records: Sequence[SessionRecord]) -> JSON:
    m = day.metrics
    return {
        "date": day.date.isoformat(),
        "phase": day.phase.value,
        "competitions": list(day.competitions),
        "deload": day.deload,
        "taper_for": day.taper_for,
        "locked": day.locked,
        "frozen": day.frozen,
        "metrics": {
            "volume_load_kg": round(m.volume_load_kg, 1),
            "relative_volume": round(m.relative_volume, 2),
            "reps_by_zone": dict(zip(ZONE_LABELS, m.reps_by_zone, strict=True)),
            "contacts": m.contacts,
            "weighted_contacts": round(m.weighted_contacts, 1),
            "planned_load": round(m.planned_load, 1),
            "planned_load_is_estimate": not m.load_recorded,
            "fitness": round(m.fitness, 2),
            "fatigue": round(m.fatigue, 2),
            "form": round(m.form, 2),
            "acwr": None if m.acwr is None else round(m.acwr, 3),
        },
        "sessions": [session_json(s, athlete) for s in day.sessions],
        "records": [record_json(r, athlete) for r in records],
    }


def _week(week: Week) -> JSON:
    return {
        "start": week.start.isoformat(),
        "number": week.number,
        "phase": week.phase.value,
        "deload": week.deload,
        "volume_load_kg": week.volume_load_kg,
        "relative_volume": week.relative_volume,
        "contacts": week.contacts,
        "weighted_contacts": week.weighted_contacts,
        "planned_load": week.planned_load,
        "top_set_pct": dict(sorted(week.top_set_pct.items())),
    }


def _records_by_day(season: Season | None, athlete_id: str) -> dict[date, list[SessionRecord]]:
    by_day: dict[date, list[SessionRecord]] = {}
    for record in () if season is None else season.records:
        if record.athlete_id == athlete_id:
            by_day.setdefault(record.date, []).append(record)
    for records in by_day.values():
        records.sort(key=lambda r: r.kind.value)
    return by_day


def plan_json(plan: Plan, season: Season | None = None) -> JSON:
    """The plan, with what ``season`` records of its sessions (none without a season)."""
    records = _records_by_day(season, plan.athlete.id)
    return {
        "athlete": _athlete(plan.athlete, date.max),
        "phases": [
            {"kind": p.kind.value, "name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in plan.phases
        ],
        "competitions": [
            {
                "id": c.id,
                "name": c.name,
                "start": c.start.isoformat(),
                "end": c.end.isoformat(),
                "priority": c.priority.value,
                "indoor": c.indoor,
            }
            for c in plan.competitions
        ],
        "days": [_day(d, plan.athlete, records.get(d.date, ())) for d in plan.days],
        "weeks": [_week(w) for w in plan.weeks],
        "warnings": [
            {"rule_id": w.rule_id, "date": w.date.isoformat(), "message": w.message} for w in plan.warnings
        ],
        "held": [day.isoformat() for day in plan.held],
        "proposals": [
            {
                "lift": p.lift,
                "evidence_date": p.evidence_date.isoformat(),
                "current": p.current,
                "proposed": p.proposed,
                "units": p.units,
                "load": p.load,
                "reps": p.reps,
            }
            for p in plan.proposals
        ],
    }


def plans_json(plans: Sequence[Plan], *, season: Season) -> JSON:
    return {
        "plan_schema_version": PLAN_SCHEMA_VERSION,
        "season": {"id": str(season.id), "name": season.name},
        "plans": [plan_json(p, season) for p in plans],
    }
