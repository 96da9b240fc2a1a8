"""Upgrades of older ``.sprintplan`` layouts to the current schema version, in memory.

``migrate`` reads the file's ``schema_version`` and runs the steps from that version up to
``planner.document.model.SCHEMA_VERSION`` in order (``_v1_to_v2``, then ``_v2_to_v3``...).
Each step is a pure function: it returns a new dict and leaves its input as it was, so a
failed load never leaves a half-upgraded document behind. Steps only reshape; they leave
anything malformed in place for the current schema to report.

Schema version 1, the first layout, differs from version 2 in four ways:

* a competition has one ``date`` (``"YYYY-MM-DD"``) and a ``venue`` (``"indoor"`` or
  ``"outdoor"``) instead of ``start``, ``end`` and ``indoor``::

      {"id": "comp-1", "name": "Regional indoor", "date": "2025-02-08",
       "priority": "B", "venue": "indoor", "athletes": null}

* an athlete's ``maxes`` is a flat object ``{lift id: value}`` without dates. Version 2
  dates each of these on the season's first day and marks it ``"tested": false``, since an
  undated max is only an estimate::

      "maxes": {"back_squat": 120, "power_clean": 80}

* the season has no ``overrides`` or ``locked_weeks`` (version 2 starts them empty);
* the season has no ``next_athlete_number`` and ``next_competition_number``: version 2
  derives each from the highest numbered id (``ath-N``, ``comp-N``) plus one, or 1.

Everything else (the season's id, name, days and ``week_start``; athletes' other fields,
equipment, rhythm and substitutions; notes) has the same layout in both versions.

Schema version 3 stores how a prescribed item's load goes on as fields instead of words in
its ``note`` (items are stored in overrides and locked weeks): ``below_bar`` (the empty bar's
mass when the load is lighter), ``per_hand`` (each dumbbell held instead) and
``fractional_per_side`` (what the plates cannot make). Version 2 wrote these as note parts
that SprintPlan itself worded, separated by "; "::

    "note": "Below the 20 kg bar: hold two 6 kg dumbbells or use a technique bar; move fast"
    "note": "plus 0.5 lb per side in fractional plates"

The step reads those parts into the fields and removes them from the note, once; every other
part of the note stays as it was. Version 2's places are version 3's places (the step only
adds fields), so a problem in a version 2 file is still reported with its line.

Schema version 4 adds ``records``: what was done in past sessions, each beside the session as
it was planned (``planner.document.records``). A version 3 file has recorded nothing, so the
step adds an empty list and changes nothing else; its places stay where they were.

Schema version 5 adds ``frozen`` (the prescriptions of past days, kept as they were),
``dismissed`` (max proposals the coach turned down) and a max's ``from_reps`` (the rep max a
tested max was worked out from). A version 4 file froze nothing, dismissed nothing, and its
maxes were singles or typed in: the step adds empty lists and ``from_reps`` null.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

from planner.document.model import SCHEMA_VERSION

__all__ = ["MigrationError", "keeps_places", "migrate", "schema_version_of"]

JSONDict = dict[str, Any]
Step = Callable[[JSONDict], JSONDict]


class MigrationError(ValueError):
    """The document's ``schema_version`` is missing, invalid or newer than this program's."""


def schema_version_of(data: JSONDict) -> int:
    """The document's schema version, refusing any this program cannot read."""
    if "schema_version" not in data:
        raise MigrationError("the file has no schema_version, so it is not a SprintPlan season")
    version = data["schema_version"]
    # bool is an int subclass, and true must not read as version 1.
    if not isinstance(version, int) or isinstance(version, bool):
        raise MigrationError(f"schema_version must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"the file was written by a newer SprintPlan (schema version {version}); "
            f"this SprintPlan reads up to version {SCHEMA_VERSION}"
        )
    if version < 1:
        raise MigrationError(f"schema_version {version} does not exist; versions start at 1")
    return version


def migrate(data: JSONDict) -> JSONDict:
    """``data`` upgraded to ``SCHEMA_VERSION``; ``data`` itself when it is already current."""
    version = schema_version_of(data)
    while version < SCHEMA_VERSION:
        data = _STEPS[version](data)
        version += 1
    return data


def keeps_places(version: int) -> bool:
    """Whether a document of ``version`` keeps every value at the same place once migrated, so
    a problem found after migration can be reported at its line in the file."""
    return version >= 2


# Version 1 to 2 -----------------------------------------------------------------------------


def _v1_to_v2(data: JSONDict) -> JSONDict:
    upgraded = copy.deepcopy(data)
    first_day = upgraded.get("first_day")
    upgraded["schema_version"] = 2
    for athlete in _objects(upgraded.get("athletes")):
        if isinstance(athlete.get("maxes"), dict):
            athlete["maxes"] = _dated_maxes(athlete["maxes"], first_day)
    for competition in _objects(upgraded.get("competitions")):
        _split_competition_date(competition)
    upgraded.setdefault("overrides", [])
    upgraded.setdefault("locked_weeks", [])
    upgraded.setdefault("next_athlete_number", _next_number("ath", _ids(upgraded.get("athletes"))))
    upgraded.setdefault(
        "next_competition_number", _next_number("comp", _ids(upgraded.get("competitions")))
    )
    return upgraded


def _dated_maxes(maxes: dict[str, Any], first_day: Any) -> list[JSONDict]:
    return [
        {"lift": lift, "date": first_day, "value": value, "tested": False}
        for lift, value in maxes.items()
    ]


def _split_competition_date(competition: JSONDict) -> None:
    if "date" in competition:
        day = competition.pop("date")
        competition["start"] = day
        competition["end"] = day
    if "venue" in competition:
        venue = competition.pop("venue")
        # An unknown venue (a text, a list...) stays visible as a non-boolean for the schema
        # to report.
        known = {"indoor": True, "outdoor": False}
        competition["indoor"] = known.get(venue, venue) if isinstance(venue, str) else venue


def _objects(value: Any) -> list[JSONDict]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _ids(value: Any) -> list[str]:
    return [item["id"] for item in _objects(value) if isinstance(item.get("id"), str)]


def _next_number(prefix: str, ids: Iterable[str]) -> int:
    # Bounded: an id of thousands of digits would not convert, and is no counter anyway.
    pattern = re.compile(rf"^{prefix}-(\d{{1,18}})$")
    numbers = [int(match.group(1)) for match in map(pattern.match, ids) if match]
    return max(numbers, default=0) + 1


# Version 2 to 3 -----------------------------------------------------------------------------

_NUMBER = r"(\d{1,12}(?:\.\d{1,12})?)"
_BELOW_BAR = re.compile(
    rf"Below the {_NUMBER} (?:kg|lb) bar: hold two {_NUMBER} (?:kg|lb) dumbbells or use a technique bar"
)
_FRACTIONAL = re.compile(rf"plus {_NUMBER} (?:kg|lb) per side in fractional plates")


def _v2_to_v3(data: JSONDict) -> JSONDict:
    upgraded = copy.deepcopy(data)
    upgraded["schema_version"] = 3
    for item in _stored_items(upgraded):
        _load_facts_from_note(item)
    return upgraded


def _stored_items(data: JSONDict) -> list[JSONDict]:
    sessions: list[JSONDict] = []
    for override in _objects(data.get("overrides")):
        sessions += [s for s in (override.get("session"), override.get("replaced")) if isinstance(s, dict)]
    for week in _objects(data.get("locked_weeks")):
        sessions += _objects(week.get("sessions"))
    return [item for session in sessions for item in _objects(session.get("items"))]


def _load_facts_from_note(item: JSONDict) -> None:
    below_bar: float | None = None
    per_hand: float | None = None
    fractional = 0.0
    note = item.get("note")
    if isinstance(note, str):
        kept: list[str] = []
        for part in note.split("; "):
            if below_bar is None and (below := _BELOW_BAR.fullmatch(part)):
                below_bar, per_hand = float(below.group(1)), float(below.group(2))
            elif not fractional and (plus := _FRACTIONAL.fullmatch(part)):
                fractional = float(plus.group(1))
            else:
                kept.append(part)
        item["note"] = "; ".join(kept)
    item.setdefault("below_bar", below_bar)
    item.setdefault("per_hand", per_hand)
    item.setdefault("fractional_per_side", fractional)


# Version 3 to 4 -----------------------------------------------------------------------------


def _v3_to_v4(data: JSONDict) -> JSONDict:
    upgraded = copy.deepcopy(data)
    upgraded["schema_version"] = 4
    upgraded.setdefault("records", [])
    return upgraded


# Version 4 to 5 -----------------------------------------------------------------------------


def _v4_to_v5(data: JSONDict) -> JSONDict:
    upgraded = copy.deepcopy(data)
    upgraded["schema_version"] = 5
    upgraded.setdefault("frozen", [])
    upgraded.setdefault("dismissed", [])
    for athlete in _objects(upgraded.get("athletes")):
        for entry in _objects(athlete.get("maxes")):
            entry.setdefault("from_reps", None)
    return upgraded


_STEPS: dict[int, Step] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}
