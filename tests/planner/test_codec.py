"""The codec: exact, JSON-only, human-ordered conversion of the season document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from hypothesis import given, settings
from strategies import items, seasons, sessions

from planner.document.codec import (
    item_from_dict,
    item_to_dict,
    season_from_dict,
    season_to_dict,
    session_from_dict,
    session_to_dict,
)
from planner.document.model import (
    SCHEMA_VERSION,
    Athlete,
    Competition,
    Event,
    Level,
    MaxEntry,
    Priority,
    Season,
    Sex,
    Units,
)
from planner.document.sessions import Category, Intent, Item, PlyoIntensity, Session, SessionKind
from planner.document.validation import season_problems

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"


ATHLETE = Athlete("ath-1", "Ørjan Håland", Event.FLAT_400, Sex.MALE, Level.ADVANCED, False, 74.0)
SEASON = Season(
    id=UUID("12345678-1234-4234-8234-123456789abc"),
    name="Outdoor",
    first_day=date(2025, 3, 3),
    last_day=date(2025, 8, 31),
    next_athlete_number=2,
    next_competition_number=3,
)


def _athlete(**changes: Any) -> Athlete:
    return ATHLETE._replace(**changes)


def _season(**changes: Any) -> Season:
    return SEASON._replace(**changes)


def test_season_dict_has_fixed_human_key_order() -> None:
    data = season_to_dict(_season(athletes=(_athlete(),)))

    assert list(data) == [
        "schema_version",
        "id",
        "name",
        "first_day",
        "last_day",
        "week_start",
        "next_athlete_number",
        "next_competition_number",
        "athletes",
        "competitions",
        "notes",
        "overrides",
        "locked_weeks",
        "records",
        "frozen",
        "dismissed",
    ]
    assert list(data["athletes"][0])[:2] == ["id", "name"]


def test_season_values_are_plain_json() -> None:
    season = _season(
        week_start=6,
        athletes=(
            _athlete(
                units=Units.LB,
                birth_date=date(2004, 2, 29),
                maxes=(MaxEntry("back_squat", date(2025, 3, 3), 300.0, tested=False),),
                substitutions=(("power_clean", "hang_clean"),),
            ),
        ),
    )
    data = season_to_dict(season)
    athlete = data["athletes"][0]

    assert data["schema_version"] == SCHEMA_VERSION == 5
    assert data["id"] == "12345678-1234-4234-8234-123456789abc"
    assert data["first_day"] == "2025-03-03"
    assert data["week_start"] == 6
    assert athlete["event"] == "400m"
    assert athlete["units"] == "lb"
    assert athlete["birth_date"] == "2004-02-29"
    assert athlete["maxes"] == [
        {"lift": "back_squat", "date": "2025-03-03", "value": 300.0, "tested": False, "from_reps": None}
    ]
    assert athlete["substitutions"] == [{"original": "power_clean", "substitute": "hang_clean"}]
    # Lists, not tuples, all the way down: a JSON round trip gives back the same dict.
    assert json.loads(json.dumps(data)) == data


def test_rhythm_is_seven_objects_monday_first() -> None:
    rhythm = season_to_dict(_season(athletes=(_athlete(),)))["athletes"][0]["rhythm"]

    assert len(rhythm) == 7
    # The default week: easy Monday, hard Tuesday, rest Wednesday ... rest Sunday.
    assert rhythm[0] == {"track": "easy", "lifting": True, "plyometrics": False}
    assert rhythm[1] == {"track": "hard", "lifting": True, "plyometrics": True}
    assert rhythm[6] == {"track": "rest", "lifting": False, "plyometrics": False}


def test_competition_everyone_entered_is_null_and_nobody_is_empty_list() -> None:
    everyone = Competition("comp-1", "Open", date(2025, 5, 3), date(2025, 5, 4), Priority.B, False)
    nobody = Competition(
        "comp-2", "Relay", date(2025, 6, 7), date(2025, 6, 7), Priority.C, True, ()
    )
    season = _season(competitions=(everyone, nobody))
    data = season_to_dict(season)

    assert data["competitions"][0] == {
        "id": "comp-1",
        "name": "Open",
        "start": "2025-05-03",
        "end": "2025-05-04",
        "priority": "B",
        "indoor": False,
        "athletes": None,
    }
    assert data["competitions"][1]["athletes"] == []
    restored = season_from_dict(data)
    assert restored.competitions[0].athletes is None
    assert restored.competitions[1].athletes == ()


def test_whole_numbers_in_float_fields_are_written_as_floats() -> None:
    # mypy accepts an int for a float field, so demo code may well build body_mass=72.
    season = _season(
        athletes=(_athlete(body_mass=72, maxes=(MaxEntry("back_squat", date(2025, 3, 3), 120),)),)
    )
    athlete = season_to_dict(season)["athletes"][0]

    assert isinstance(athlete["body_mass"], float)
    assert isinstance(athlete["maxes"][0]["value"], float)
    restored = season_from_dict(season_to_dict(season))
    assert isinstance(restored.athletes[0].body_mass, float)
    assert restored == season


def test_item_dict_round_trips_a_plyometric_drill() -> None:
    drill = Item(
        "bounds",
        "Alternate-leg bounds",
        Category.PLYOMETRIC,
        True,
        4,
        6,
        distance_m=30.0,
        contacts=72,
        intensity=PlyoIntensity.MODERATE,
        intent=Intent.EXPLOSIVE,
        rule_ids=("Y10",),
    )
    data = item_to_dict(drill)

    assert list(data)[:2] == ["exercise_id", "name"]
    assert data["intensity"] == "moderate"
    assert data["intent"] == "explosive"
    assert data["plates_per_side"] == []
    assert data["rule_ids"] == ["Y10"]
    assert item_from_dict(data) == drill


def test_session_dict_puts_items_last() -> None:
    session = Session("s-1", date(2025, 3, 4), SessionKind.WEIGHTS, "Strength", (), notes=("Zoë",))
    data = session_to_dict(session)

    assert list(data)[:4] == ["id", "date", "kind", "title"]
    assert list(data)[-1] == "items"
    assert data["notes"] == ["Zoë"]
    assert session_from_dict(data) == session


def test_full_fixture_dict_round_trips_unchanged() -> None:
    data = json.loads((DOCUMENTS / "v5_full.sprintplan").read_text(encoding="utf-8"))

    season = season_from_dict(data)

    assert season.overrides[0].replaced is not None
    assert season.overrides[0].session is not None
    assert season.overrides[0].session.items[0].plates_per_side == (25.0, 20.0, 1.25, 1.25)
    assert season.locked_weeks[0].sessions[0].items[0].intensity is PlyoIntensity.MODERATE
    assert season_to_dict(season) == data


@settings(max_examples=150, deadline=None)
@given(seasons())
def test_generated_seasons_round_trip_exactly(season: Season) -> None:
    assert season_problems(season) == []
    data = season_to_dict(season)

    assert season_from_dict(data) == season
    assert season_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == season


@given(items())
def test_generated_items_round_trip(item: Item) -> None:
    assert item_from_dict(json.loads(json.dumps(item_to_dict(item)))) == item


@given(sessions(date(2025, 3, 4), SessionKind.PLYOMETRICS))
def test_generated_sessions_round_trip(session: Session) -> None:
    assert session_from_dict(json.loads(json.dumps(session_to_dict(session)))) == session
