"""Upgrading older season files: each step pure, every version reached, newer refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from planner.document import migrations
from planner.document.migrations import MigrationError, migrate, schema_version_of
from planner.document.model import SCHEMA_VERSION
from planner.document.storage import loads
from planner.document.text import item_note, plates_text

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DOCUMENTS / name).read_text(encoding="utf-8"))
    return data


def _v1(**changes: Any) -> dict[str, Any]:
    data = _read("v1_minimal.sprintplan")
    data.update(changes)
    return data


def test_minimal_v1_gains_the_new_top_level_fields() -> None:
    assert migrate(_read("v1_minimal.sprintplan")) == {
        "schema_version": 5,
        "id": "0b6f3c1e-5a2d-4e7f-8c9b-1a2b3c4d5e6f",
        "name": "Indoor 2025",
        "first_day": "2024-11-04",
        "last_day": "2025-03-09",
        "week_start": 0,
        "athletes": [],
        "competitions": [],
        "notes": [],
        "overrides": [],
        "locked_weeks": [],
        "records": [],
        "frozen": [],
        "dismissed": [],
        "next_athlete_number": 1,
        "next_competition_number": 1,
    }


def test_full_v1_migrates_to_the_expected_current_document() -> None:
    assert migrate(_read("v1_full.sprintplan")) == _read("v1_full.expected.sprintplan")


def test_flat_maxes_become_untested_entries_on_the_first_day_in_file_order() -> None:
    migrated = migrate(_read("v1_full.sprintplan"))
    lukasz, zoe, orjan = migrated["athletes"]

    assert lukasz["maxes"] == [
        {"lift": "back_squat", "date": "2024-11-04", "value": 150.0, "tested": False, "from_reps": None},
        {"lift": "power_clean", "date": "2024-11-04", "value": 95.5, "tested": False, "from_reps": None},
    ]
    # The value keeps its JSON type; the codec turns it into a float later.
    assert zoe["maxes"] == [
        {"lift": "front_squat", "date": "2024-11-04", "value": 155, "tested": False, "from_reps": None}
    ]
    assert orjan["maxes"] == []


def test_competition_date_and_venue_become_start_end_and_indoor() -> None:
    competitions = migrate(_read("v1_full.sprintplan"))["competitions"]

    assert competitions[0] == {
        "id": "comp-2",
        "name": "Πανελλήνιο κλειστού",
        "priority": "B",
        "athletes": None,
        "start": "2025-02-15",
        "end": "2025-02-15",
        "indoor": True,
    }
    assert [c["indoor"] for c in competitions] == [True, False, False]
    assert all("date" not in c and "venue" not in c for c in competitions)


def test_counters_follow_the_highest_numbered_ids_ignoring_other_ids() -> None:
    migrated = migrate(_read("v1_full.sprintplan"))

    # ath-1, ath-4 and "guest-ørjan"; comp-2, comp-5 and "regional-final".
    assert migrated["next_athlete_number"] == 5
    assert migrated["next_competition_number"] == 6


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([], 1),
        (["ath-1"], 2),
        (["ath-3", "ath-10", "ath-2"], 11),
        (["ath-007"], 8),
        (["Ath-5", "ath-", "ath-5b", "comp-9", "guest"], 1),
    ],
)
def test_next_athlete_number(ids: list[str], expected: int) -> None:
    athletes = [{"id": athlete_id} for athlete_id in ids]

    assert migrate(_v1(athletes=athletes))["next_athlete_number"] == expected


def test_steps_do_not_mutate_their_input() -> None:
    original = _read("v1_full.sprintplan")
    untouched = copy.deepcopy(original)

    migrated = migrate(original)

    assert original == untouched
    assert migrated is not original
    assert migrated["athletes"][0] is not original["athletes"][0]


def test_v2_load_remarks_in_item_notes_become_fields() -> None:
    data = _read("v2_full.sprintplan")
    session = data["overrides"][0]["session"]["items"][0]
    session["note"] = "Below the 20 kg bar: hold two 7.5 kg dumbbells or use a technique bar; Ból pleców"
    replaced = data["overrides"][0]["replaced"]["items"][0]
    replaced["note"] = "capped at 85 %: junior; plus 0.625 kg per side in fractional plates"
    locked = data["locked_weeks"][0]["sessions"][0]["items"][0]
    locked["note"] = "below the bar, said in the coach's own words"

    migrated = migrate(data)

    def facts(item: dict[str, Any]) -> tuple[Any, ...]:
        return item["below_bar"], item["per_hand"], item["fractional_per_side"], item["note"]

    assert migrated["schema_version"] == 5
    assert facts(migrated["overrides"][0]["session"]["items"][0]) == (20.0, 7.5, 0.0, "Ból pleców")
    assert facts(migrated["overrides"][0]["replaced"]["items"][0]) == (None, None, 0.625, "capped at 85 %: junior")
    assert facts(migrated["locked_weeks"][0]["sessions"][0]["items"][0]) == (
        None, None, 0.0, "below the bar, said in the coach's own words"
    )


def test_a_v2_item_held_as_dumbbells_loads_and_reads_as_before() -> None:
    data = _read("v2_full.sprintplan")
    note = "Below the 20 kg bar: hold two 7.5 kg dumbbells or use a technique bar; Ból pleców"
    data["overrides"][0]["session"]["items"][0].update(load=15.0, plates_per_side=[], note=note)

    item = loads(json.dumps(data)).overrides[0].session.items[0]  # type: ignore[union-attr]

    assert (item.below_bar, item.per_hand, item.note) == (20.0, 7.5, "Ból pleców")
    assert item_note(item) == note
    assert plates_text(item) == "two 7.5 kg dumbbells"


def test_current_version_is_returned_as_it_is() -> None:
    current = _read("v5_small.sprintplan")

    assert migrate(current) is current


def test_every_older_version_has_a_step() -> None:
    assert sorted(migrations._STEPS) == list(range(1, SCHEMA_VERSION))


def test_malformed_v1_parts_are_left_for_the_schema_to_report() -> None:
    competition = {"id": "comp-1", "name": "Open", "priority": "A", "venue": "on the beach"}
    athlete = {"id": "ath-1", "maxes": [1, 2]}

    migrated = migrate(_v1(competitions=[competition], athletes=[athlete, "not an object"]))

    assert migrated["competitions"] == [
        {"id": "comp-1", "name": "Open", "priority": "A", "indoor": "on the beach"}
    ]
    assert migrated["athletes"] == [athlete, "not an object"]


@pytest.mark.parametrize("venue", [[], {"indoor": True}, None, 1])
def test_a_venue_that_is_no_text_is_left_for_the_schema_to_report(venue: object) -> None:
    competition = {"id": "comp-1", "name": "Open", "priority": "A", "venue": venue}

    migrated = migrate(_v1(competitions=[competition]))

    assert migrated["competitions"] == [{"id": "comp-1", "name": "Open", "priority": "A", "indoor": venue}]


def test_a_numbered_id_of_thousands_of_digits_is_no_counter() -> None:
    athletes = [{"id": "ath-" + "9" * 5_000}, {"id": "ath-4"}]

    assert migrate(_v1(athletes=athletes))["next_athlete_number"] == 5


def test_newer_version_is_refused_naming_both_versions() -> None:
    with pytest.raises(MigrationError) as caught:
        migrate(_v1(schema_version=SCHEMA_VERSION + 1))

    assert str(caught.value) == (
        "the file was written by a newer SprintPlan (schema version 6); "
        "this SprintPlan reads up to version 5"
    )


def test_missing_version_is_refused() -> None:
    data = _v1()
    del data["schema_version"]

    with pytest.raises(MigrationError, match="the file has no schema_version"):
        migrate(data)


@pytest.mark.parametrize("version", ["2", 2.0, True, None, [2]])
def test_non_integer_version_is_refused(version: object) -> None:
    with pytest.raises(MigrationError) as caught:
        schema_version_of(_v1(schema_version=version))

    assert str(caught.value) == f"schema_version must be a whole number, not {version!r}"


@pytest.mark.parametrize("version", [0, -1])
def test_versions_below_one_are_refused(version: int) -> None:
    with pytest.raises(MigrationError, match=f"schema_version {version} does not exist"):
        migrate(_v1(schema_version=version))
