from __future__ import annotations

import json
from datetime import date
from importlib import resources

from planner.document.limits import (
    EFFORT_SCALE,
    LAST_YEAR,
    MAX_DONE_DISTANCE_M,
    MAX_DONE_REPS,
    MAX_DONE_SETS,
    MAX_NAME_LENGTH,
    MAX_RECORD_MINUTES,
    birth_date_problem,
    date_problem,
    one_line,
    text_problem,
)


def test_dates_outside_the_years_a_season_can_use_are_named() -> None:
    assert date_problem(date(2027, 3, 1)) is None
    assert date_problem(date(9999, 12, 31)) == f"9999-12-31 is outside the years 1950 to {LAST_YEAR} a season can use"
    assert date_problem(date(1, 1, 1)) is not None


def test_texts_are_bounded_and_free_of_characters_that_break_files() -> None:
    assert text_problem("Łucja Nowak") is None
    assert text_problem("x" * (MAX_NAME_LENGTH + 1)) == f"it is {MAX_NAME_LENGTH + 1} characters long; at most 80 fit"
    assert text_problem("Anna\nKowalska") == "it holds a line break"
    assert text_problem("a\ud800") == "it holds a broken character (U+D800, half of a pair)"
    assert text_problem("bell\x07") == "it holds a control character (U+0007)"
    assert text_problem("two\nlines\tand a tab", max_length=2000, multiline=True) is None


def test_one_line_turns_any_white_space_into_single_spaces() -> None:
    assert one_line("  City\r\n Open\t2027\x00\ud800 ") == "City Open 2027"


def test_birth_dates_reach_further_back_than_seasons() -> None:
    assert birth_date_problem(date(1931, 5, 2)) is None
    assert date_problem(date(1931, 5, 2)) is not None
    assert birth_date_problem(date(1, 1, 1)) == (
        f"0001-01-01 is outside the years 1900 to {LAST_YEAR} a birth date can use"
    )


def test_the_schema_bounds_a_record_as_the_limits_do() -> None:
    schema = json.loads(resources.files("resources").joinpath("schema/season.schema.json").read_text(encoding="utf-8"))
    record, done_set = schema["$defs"]["record"]["properties"], schema["$defs"]["doneSet"]["properties"]

    assert (record["effort"]["minimum"], record["effort"]["maximum"]) == EFFORT_SCALE == (0.0, 10.0)
    assert record["minutes"]["maximum"] == MAX_RECORD_MINUTES == 600
    assert schema["$defs"]["doneItem"]["properties"]["sets"]["maxItems"] == MAX_DONE_SETS == 20
    assert done_set["reps"]["maximum"] == MAX_DONE_REPS == 100
    assert done_set["distance_m"]["maximum"] == MAX_DONE_DISTANCE_M == 1_000
