"""Hostile season files: each is refused with one place and one reason, never a crash.

Small ones are fixtures in tests/fixtures/documents/hostile; the huge ones (deep nesting,
thousands of digits, pages of text) are generated here. Whatever ``check`` accepts every other
command can handle, so the dates and texts that once passed ``check`` and then crashed
``plan`` are refused by ``load`` itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.document.limits import FIRST_YEAR, LAST_YEAR, MAX_NAME_LENGTH, MAX_NOTE_LENGTH
from planner.document.storage import DocumentError, load, loads

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
HOSTILE = DOCUMENTS / "hostile"
PROGRAM = Path(sys.executable).with_name("sprintplan")
OUTSIDE = f"is outside the years {FIRST_YEAR} to {LAST_YEAR} a season can use"

# name: (place, the words the reason holds)
FIXTURES = {
    "v1_venue_list": ("competitions[0].indoor", "expected true or false, found a list"),
    "season_9999": ("first_day (line 5)", f"the first day 9999-01-01 {OUTSIDE}"),
    "season_0001": ("first_day (line 5)", f"the first day 0001-01-01 {OUTSIDE}"),
    "max_9999": ("athletes[0].maxes[0].date (line 67)", f"the date 9999-12-31 {OUTSIDE}"),
    "birth_0001": (
        "athletes[0].birth_date (line 18)",
        f"the birth date 0001-01-01 is outside the years 1900 to {LAST_YEAR} a birth date can use",
    ),
    "note_9999": ("notes[0].date (line 179)", f"the date 9999-12-31 {OUTSIDE}"),
    "override_0001": ("overrides[0].date (line 187)", f"the date 0001-01-01 {OUTSIDE}"),
    "locked_week_9999": ("locked_weeks[0].week_start (line 337)", f"the first day 9999-12-27 {OUTSIDE}"),
    "surrogate_name": ("athletes[0].name (line 13)", "the name holds a broken character (U+D800, half of a pair)"),
    "line_break_athlete": ("athletes[0].name (line 13)", "the name holds a line break"),
    "line_break_season": ("name (line 4)", "the season name holds a line break"),
    "control_competition": (
        "competitions[0].name (line 78)",
        "the competition name holds a control character (U+0007)",
    ),
    "record_9999": ("records[0].date (line 401)", f"the date 9999-12-31 {OUTSIDE}"),
    "control_record_note": ("records[1].note (line 520)", "the note holds a control character (U+0007)"),
}


def test_every_hostile_fixture_is_covered() -> None:
    assert sorted(path.stem for path in HOSTILE.glob("*.sprintplan")) == sorted(FIXTURES)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_hostile_fixture_is_refused_with_place_and_reason(name: str) -> None:
    place, reason = FIXTURES[name]
    with pytest.raises(DocumentError) as caught:
        load(HOSTILE / f"{name}.sprintplan")
    assert caught.value.place == place
    assert caught.value.reason.startswith(reason)


# Generated: too big to keep as files -------------------------------------------------------


def _small() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DOCUMENTS / "v2_small.sprintplan").read_text(encoding="utf-8"))
    return data


def _with(change: Callable[[dict[str, Any]], None], marker: str = "", value: str = "") -> str:
    data = _small()
    change(data)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return text.replace(json.dumps(marker), value) if marker else text


def _set(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.update({field: value})


def _athlete_name(value: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data["athletes"][0].update(name=value)


def _note(text: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.update(notes=[{"date": None, "athlete": None, "text": text}])


NESTED = "[" * 900 + "]" * 900
GENERATED = {
    "brackets": ("[" * 100_000, "file", "lists or objects are nested more than 16 deep"),
    "nested_field": (_with(_set("name", "@"), "@", NESTED), "name (line 4)", "lists or objects are nested"),
    "nested_v1_field": (
        json.dumps({"schema_version": 1, "name": "@"}).replace('"@"', NESTED),
        "name (line 1)",
        "lists or objects are nested",
    ),
    "digits": (
        _with(_set("week_start", "@"), "@", "9" * 5_000),
        "line 7, column 17",
        "a number of 5,000 characters; no value in a season file is that large or that long",
    ),
    "huge_float": (
        _with(_set("week_start", "@"), "@", "1" * 400 + ".5"),
        "line 7, column 17",
        "a number of 402 characters",
    ),
    "infinite_float": (
        _with(_set("week_start", "@"), "@", "1e400"),
        "line 7, column 17",
        "the number 1e400; no value in a season file is that large or that long",
    ),
    "long_note": (
        _with(_note("Split times and how the last bend felt. " * 60)),
        "notes[0].text (line 92)",
        f"the text is 2,400 characters long; at most {MAX_NOTE_LENGTH:,} fit",
    ),
    "note_of_1700_words": (
        _with(_note("word " * 1_700)),
        "notes[0].text (line 92)",
        f"the text is 8,500 characters long; at most {MAX_NOTE_LENGTH:,} fit",
    ),
    "long_name": (
        _with(_athlete_name("Ł" * 5_000)),
        "athletes[0].name (line 13)",
        f"the text is 5,000 characters long; at most {MAX_NAME_LENGTH} fit",
    ),
    "megabyte_instead_of_a_number": (
        _with(lambda d: d["athletes"][0].update(body_mass="7" * 1_000_000)),
        "athletes[0].body_mass (line 19)",
        "expected a number, found the text '7777777777777777777777777777777777777777'... (1,000,000 characters)",
    ),
    "megabyte_instead_of_a_date": (
        _with(lambda d: d["athletes"][0]["maxes"][0].update(date="2" * 1_000_000)),
        "athletes[0].maxes[0].date (line 67)",
        "'2222222222222222222222222222222222222222'... (1,000,000 characters) is not a date written YYYY-MM-DD",
    ),
    "huge_id_number": (
        _with(lambda d: d["athletes"][0].update(id="ath-" + "9" * 5_000)),
        "athletes[0].id (line 12)",
        "the id is 5,004 characters long",
    ),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_hostile_text_is_refused_with_place_and_reason(name: str) -> None:
    text, place, reason = GENERATED[name]
    with pytest.raises(DocumentError) as caught:
        loads(text)
    assert caught.value.place == place
    assert reason in caught.value.reason


def test_a_huge_number_is_named_in_the_coach_message() -> None:
    with pytest.raises(DocumentError) as caught:
        loads(GENERATED["infinite_float"][0])
    assert caught.value.message == (
        "The file is damaged: it holds the number 1e400, larger or longer than any value of a season "
        "(line 7, column 17)"
    )


@pytest.mark.parametrize("name", ["megabyte_instead_of_a_number", "megabyte_instead_of_a_date"])
def test_a_message_about_a_huge_value_stays_short(name: str) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(GENERATED[name][0])
    assert len(str(caught.value)) < 300


def test_a_long_note_within_the_limit_loads() -> None:
    assert len(loads(_with(_note("Split times and how the last bend felt. " * 40))).notes[0].text) == 1_600


# The real program --------------------------------------------------------------------------


def _run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROGRAM), *map(str, arguments)], capture_output=True, text=True, timeout=60, check=False
    )


def _assert_one_line_and_status_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sprintplan: ")
    assert result.stdout == ""
    return lines[0]


@pytest.mark.parametrize(
    ("fixture", "command"),
    [
        ("season_9999", ["plan", "--summary"]),
        ("max_9999", ["plan", "--json"]),
        ("surrogate_name", ["show"]),
        ("v1_venue_list", ["check"]),
        ("line_break_season", ["export", "--ics", "out.ics"]),
        ("record_9999", ["check"]),
    ],
)
def test_the_real_program_refuses_hostile_fixtures_in_one_line(
    fixture: str, command: list[str], tmp_path: Path
) -> None:
    path = HOSTILE / f"{fixture}.sprintplan"
    arguments = [command[0], path, *(tmp_path / a if a.endswith(".ics") else a for a in command[1:])]
    line = _assert_one_line_and_status_2(_run(*arguments))
    assert FIXTURES[fixture][1][:30] in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["brackets", "nested_field", "digits", "note_of_1700_words"])
def test_the_real_program_refuses_generated_hostile_files_in_one_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.sprintplan"
    path.write_text(GENERATED[name][0], encoding="utf-8")
    for command in (["check"], ["plan", "--summary"]):
        _assert_one_line_and_status_2(_run(command[0], path, *command[1:]))


def test_the_schema_bounds_texts_as_the_document_rules_do() -> None:
    schema = json.loads((Path(__file__).parents[2] / "resources" / "schema" / "season.schema.json").read_text())
    definitions = schema["$defs"]
    assert schema["properties"]["name"]["maxLength"] == MAX_NAME_LENGTH
    assert definitions["athlete"]["properties"]["name"]["maxLength"] == MAX_NAME_LENGTH
    assert definitions["competition"]["properties"]["name"]["maxLength"] == MAX_NAME_LENGTH
    assert definitions["note"]["properties"]["text"]["maxLength"] == MAX_NOTE_LENGTH
    assert definitions["record"]["properties"]["note"]["maxLength"] == MAX_NOTE_LENGTH
    assert f"{FIRST_YEAR} to {LAST_YEAR}" in definitions["date"]["description"]
