"""Conversion between the season document's records and JSON-ready dicts.

Pure and lossless: ``season_from_dict(season_to_dict(s)) == s`` for every valid season. The
dicts hold only JSON types (dates as ISO strings, the season id as a string, enums as their
values, tuples as lists), and their keys come in a fixed order that reads well in a text
editor: identity first, then the plain fields, then the long nested lists.

The ``*_from_dict`` functions assume data that passed ``resources/schema/season.schema.json``;
``planner.document.storage`` checks that before it calls them. Fields annotated ``float`` are always
written and read as floats, so a season built with ``body_mass=72`` saves as ``72.0`` and
the text then stays byte-for-byte the same through every later load and save.

Field names follow the paths used by ``planner.document.validation`` (an override's athlete is
``overrides[0].athlete``, a record's first set ``records[0].items[0].sets[0]``), so a
problem's path names the same place in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import UUID

from planner.document.model import (
    SCHEMA_VERSION,
    Athlete,
    Competition,
    DayRhythm,
    DismissedProposal,
    Equipment,
    Event,
    FrozenSpan,
    Level,
    LockedWeek,
    MaxEntry,
    Note,
    Override,
    Priority,
    Season,
    Sex,
    TrackDay,
    Units,
)
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind

__all__ = [
    "item_from_dict",
    "item_to_dict",
    "season_from_dict",
    "season_to_dict",
    "session_from_dict",
    "session_to_dict",
]

JSONDict = dict[str, Any]
JSONInput = Mapping[str, Any]


def _date_or_none(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_date_or_none(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _float_or_none(value: float | None) -> float | None:
    return None if value is None else float(value)


# Items and sessions -------------------------------------------------------------------------


def item_to_dict(item: Item) -> JSONDict:
    return {
        "exercise_id": item.exercise_id,
        "name": item.name,
        "category": item.category.value,
        "lower_body": item.lower_body,
        "sets": item.sets,
        "reps": item.reps,
        "reps_in_reserve": item.reps_in_reserve,
        "percent_max": _float_or_none(item.percent_max),
        "max_value": _float_or_none(item.max_value),
        "load": _float_or_none(item.load),
        "unit": item.unit,
        "load_kg": _float_or_none(item.load_kg),
        "plates_per_side": [float(plate) for plate in item.plates_per_side],
        "below_bar": _float_or_none(item.below_bar),
        "per_hand": _float_or_none(item.per_hand),
        "fractional_per_side": float(item.fractional_per_side),
        "rest_s": item.rest_s,
        "intent": item.intent.value,
        "distance_m": _float_or_none(item.distance_m),
        "contacts": item.contacts,
        "intensity": None if item.intensity is None else item.intensity.value,
        "note": item.note,
        "rule_ids": list(item.rule_ids),
        "edited": item.edited,
    }


def item_from_dict(data: JSONInput) -> Item:
    intensity = data["intensity"]
    return Item(
        exercise_id=data["exercise_id"],
        name=data["name"],
        category=Category(data["category"]),
        lower_body=data["lower_body"],
        sets=int(data["sets"]),
        reps=int(data["reps"]),
        reps_in_reserve=None if data["reps_in_reserve"] is None else int(data["reps_in_reserve"]),
        percent_max=_float_or_none(data["percent_max"]),
        max_value=_float_or_none(data["max_value"]),
        load=_float_or_none(data["load"]),
        unit=data["unit"],
        load_kg=_float_or_none(data["load_kg"]),
        plates_per_side=tuple(float(plate) for plate in data["plates_per_side"]),
        below_bar=_float_or_none(data["below_bar"]),
        per_hand=_float_or_none(data["per_hand"]),
        fractional_per_side=float(data["fractional_per_side"]),
        rest_s=int(data["rest_s"]),
        intent=Intent(data["intent"]),
        distance_m=_float_or_none(data["distance_m"]),
        contacts=int(data["contacts"]),
        intensity=None if intensity is None else PlyoIntensity(intensity),
        note=data["note"],
        rule_ids=tuple(data["rule_ids"]),
        edited=data["edited"],
    )


def session_to_dict(session: Session) -> JSONDict:
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "kind": session.kind.value,
        "title": session.title,
        "heavy": session.heavy,
        "minutes": session.minutes,
        "effort": float(session.effort),
        "reason": session.reason,
        "tags": list(session.tags),
        "rule_ids": list(session.rule_ids),
        "edited": session.edited,
        "notes": list(session.notes),
        "items": [item_to_dict(item) for item in session.items],
    }


def session_from_dict(data: JSONInput) -> Session:
    return Session(
        id=data["id"],
        date=date.fromisoformat(data["date"]),
        kind=SessionKind(data["kind"]),
        title=data["title"],
        items=tuple(item_from_dict(item) for item in data["items"]),
        heavy=data["heavy"],
        minutes=int(data["minutes"]),
        effort=float(data["effort"]),
        tags=tuple(data["tags"]),
        rule_ids=tuple(data["rule_ids"]),
        reason=data["reason"],
        edited=data["edited"],
        notes=tuple(data["notes"]),
    )


def _session_or_none_to_dict(session: Session | None) -> JSONDict | None:
    return None if session is None else session_to_dict(session)


def _session_or_none_from_dict(data: JSONInput | None) -> Session | None:
    return None if data is None else session_from_dict(data)


# Athletes -----------------------------------------------------------------------------------


def _equipment_to_dict(equipment: Equipment) -> JSONDict:
    return {
        "bar_mass": float(equipment.bar_mass),
        "increment": float(equipment.increment),
        "dumbbell_step": float(equipment.dumbbell_step),
    }


def _equipment_from_dict(data: JSONInput) -> Equipment:
    return Equipment(
        bar_mass=float(data["bar_mass"]),
        increment=float(data["increment"]),
        dumbbell_step=float(data["dumbbell_step"]),
    )


def _max_to_dict(entry: MaxEntry) -> JSONDict:
    return {
        "lift": entry.lift,
        "date": entry.date.isoformat(),
        "value": float(entry.value),
        "tested": entry.tested,
        "from_reps": entry.from_reps,
    }


def _max_from_dict(data: JSONInput) -> MaxEntry:
    return MaxEntry(
        lift=data["lift"],
        date=date.fromisoformat(data["date"]),
        value=float(data["value"]),
        tested=data["tested"],
        from_reps=data["from_reps"],
    )


def _day_to_dict(day: DayRhythm) -> JSONDict:
    return {"track": day.track.value, "lifting": day.lifting, "plyometrics": day.plyometrics}


def _day_from_dict(data: JSONInput) -> DayRhythm:
    return DayRhythm(
        track=TrackDay(data["track"]), lifting=data["lifting"], plyometrics=data["plyometrics"]
    )


def _athlete_to_dict(athlete: Athlete) -> JSONDict:
    return {
        "id": athlete.id,
        "name": athlete.name,
        "event": athlete.event.value,
        "sex": athlete.sex.value,
        "level": athlete.level.value,
        "junior": athlete.junior,
        "birth_date": _date_or_none(athlete.birth_date),
        "body_mass": float(athlete.body_mass),
        "units": athlete.units.value,
        "priming": athlete.priming,
        "equipment": _equipment_to_dict(athlete.equipment),
        "rhythm": [_day_to_dict(day) for day in athlete.rhythm],
        "maxes": [_max_to_dict(entry) for entry in athlete.maxes],
        "substitutions": [
            {"original": original, "substitute": substitute}
            for original, substitute in athlete.substitutions
        ],
    }


def _athlete_from_dict(data: JSONInput) -> Athlete:
    return Athlete(
        id=data["id"],
        name=data["name"],
        event=Event(data["event"]),
        sex=Sex(data["sex"]),
        level=Level(data["level"]),
        junior=data["junior"],
        body_mass=float(data["body_mass"]),
        units=Units(data["units"]),
        birth_date=_parse_date_or_none(data["birth_date"]),
        equipment=_equipment_from_dict(data["equipment"]),
        maxes=tuple(_max_from_dict(entry) for entry in data["maxes"]),
        substitutions=tuple(
            (pair["original"], pair["substitute"]) for pair in data["substitutions"]
        ),
        rhythm=tuple(_day_from_dict(day) for day in data["rhythm"]),
        priming=data["priming"],
    )


# Competitions, overrides, locked weeks, notes -----------------------------------------------


def _competition_to_dict(competition: Competition) -> JSONDict:
    entered = competition.athletes
    return {
        "id": competition.id,
        "name": competition.name,
        "start": competition.start.isoformat(),
        "end": competition.end.isoformat(),
        "priority": competition.priority.value,
        "indoor": competition.indoor,
        "athletes": None if entered is None else list(entered),
    }


def _competition_from_dict(data: JSONInput) -> Competition:
    entered = data["athletes"]
    return Competition(
        id=data["id"],
        name=data["name"],
        start=date.fromisoformat(data["start"]),
        end=date.fromisoformat(data["end"]),
        priority=Priority(data["priority"]),
        indoor=data["indoor"],
        athletes=None if entered is None else tuple(entered),
    )


def _override_to_dict(override: Override) -> JSONDict:
    return {
        "athlete": override.athlete_id,
        "date": override.date.isoformat(),
        "kind": override.kind.value,
        "session": _session_or_none_to_dict(override.session),
        "replaced": _session_or_none_to_dict(override.replaced),
    }


def _override_from_dict(data: JSONInput) -> Override:
    return Override(
        athlete_id=data["athlete"],
        date=date.fromisoformat(data["date"]),
        kind=SessionKind(data["kind"]),
        session=_session_or_none_from_dict(data["session"]),
        replaced=_session_or_none_from_dict(data["replaced"]),
    )


def _locked_week_to_dict(week: LockedWeek) -> JSONDict:
    return {
        "athlete": week.athlete_id,
        "week_start": week.week_start.isoformat(),
        "sessions": [session_to_dict(session) for session in week.sessions],
    }


def _locked_week_from_dict(data: JSONInput) -> LockedWeek:
    return LockedWeek(
        athlete_id=data["athlete"],
        week_start=date.fromisoformat(data["week_start"]),
        sessions=tuple(session_from_dict(session) for session in data["sessions"]),
    )


def _frozen_to_dict(span: FrozenSpan) -> JSONDict:
    return {
        "athlete": span.athlete_id,
        "first": span.first.isoformat(),
        "last": span.last.isoformat(),
        "sessions": [session_to_dict(session) for session in span.sessions],
    }


def _frozen_from_dict(data: JSONInput) -> FrozenSpan:
    return FrozenSpan(
        athlete_id=data["athlete"],
        first=date.fromisoformat(data["first"]),
        last=date.fromisoformat(data["last"]),
        sessions=tuple(session_from_dict(session) for session in data["sessions"]),
    )


def _dismissed_to_dict(dismissed: DismissedProposal) -> JSONDict:
    return {
        "athlete": dismissed.athlete_id,
        "lift": dismissed.lift,
        "date": dismissed.date.isoformat(),
        "value": float(dismissed.value),
    }


def _dismissed_from_dict(data: JSONInput) -> DismissedProposal:
    return DismissedProposal(
        athlete_id=data["athlete"],
        lift=data["lift"],
        date=date.fromisoformat(data["date"]),
        value=float(data["value"]),
    )


def _note_to_dict(note: Note) -> JSONDict:
    return {"date": _date_or_none(note.date), "athlete": note.athlete_id, "text": note.text}


def _note_from_dict(data: JSONInput) -> Note:
    return Note(
        text=data["text"], date=_parse_date_or_none(data["date"]), athlete_id=data["athlete"]
    )


# Records of what was done -------------------------------------------------------------------


def _done_set_to_dict(done: DoneSet) -> JSONDict:
    return {"reps": done.reps, "load": _float_or_none(done.load), "distance_m": _float_or_none(done.distance_m)}


def _done_set_from_dict(data: JSONInput) -> DoneSet:
    return DoneSet(
        reps=int(data["reps"]), load=_float_or_none(data["load"]), distance_m=_float_or_none(data["distance_m"])
    )


def _done_item_to_dict(done: DoneItem) -> JSONDict:
    return {"exercise_id": done.exercise_id, "sets": [_done_set_to_dict(s) for s in done.sets]}


def _done_item_from_dict(data: JSONInput) -> DoneItem:
    return DoneItem(exercise_id=data["exercise_id"], sets=tuple(_done_set_from_dict(s) for s in data["sets"]))


def _record_to_dict(record: SessionRecord) -> JSONDict:
    return {
        "athlete": record.athlete_id,
        "date": record.date.isoformat(),
        "kind": record.kind.value,
        "status": record.status.value,
        "units": record.units.value,
        "effort": _float_or_none(record.effort),
        "minutes": record.minutes,
        "note": record.note,
        "items": [_done_item_to_dict(done) for done in record.items],
        "planned": session_to_dict(record.planned),
    }


def _record_from_dict(data: JSONInput) -> SessionRecord:
    minutes = data["minutes"]
    return SessionRecord(
        athlete_id=data["athlete"],
        date=date.fromisoformat(data["date"]),
        kind=SessionKind(data["kind"]),
        status=RecordStatus(data["status"]),
        planned=session_from_dict(data["planned"]),
        units=Units(data["units"]),
        items=tuple(_done_item_from_dict(done) for done in data["items"]),
        effort=_float_or_none(data["effort"]),
        minutes=None if minutes is None else int(minutes),
        note=data["note"],
    )


# The season ---------------------------------------------------------------------------------


def season_to_dict(season: Season) -> JSONDict:
    """The season as a JSON-ready dict, ``schema_version`` first."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": str(season.id),
        "name": season.name,
        "first_day": season.first_day.isoformat(),
        "last_day": season.last_day.isoformat(),
        "week_start": season.week_start,
        "next_athlete_number": season.next_athlete_number,
        "next_competition_number": season.next_competition_number,
        "athletes": [_athlete_to_dict(athlete) for athlete in season.athletes],
        "competitions": [_competition_to_dict(comp) for comp in season.competitions],
        "notes": [_note_to_dict(note) for note in season.notes],
        "overrides": [_override_to_dict(override) for override in season.overrides],
        "locked_weeks": [_locked_week_to_dict(week) for week in season.locked_weeks],
        "records": [_record_to_dict(record) for record in season.records],
        "frozen": [_frozen_to_dict(span) for span in season.frozen],
        "dismissed": [_dismissed_to_dict(dismissed) for dismissed in season.dismissed],
    }


def season_from_dict(data: JSONInput) -> Season:
    """The season held by schema-valid ``data`` of the current schema version."""
    return Season(
        id=UUID(data["id"]),
        name=data["name"],
        first_day=date.fromisoformat(data["first_day"]),
        last_day=date.fromisoformat(data["last_day"]),
        week_start=int(data["week_start"]),
        athletes=tuple(_athlete_from_dict(athlete) for athlete in data["athletes"]),
        competitions=tuple(_competition_from_dict(comp) for comp in data["competitions"]),
        overrides=tuple(_override_from_dict(override) for override in data["overrides"]),
        locked_weeks=tuple(_locked_week_from_dict(week) for week in data["locked_weeks"]),
        notes=tuple(_note_from_dict(note) for note in data["notes"]),
        records=tuple(_record_from_dict(record) for record in data["records"]),
        frozen=tuple(_frozen_from_dict(span) for span in data["frozen"]),
        dismissed=tuple(_dismissed_from_dict(dismissed) for dismissed in data["dismissed"]),
        next_athlete_number=int(data["next_athlete_number"]),
        next_competition_number=int(data["next_competition_number"]),
    )
