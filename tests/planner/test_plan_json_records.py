"""The plan JSON carries what happened: each day's frozen flag, the records of its sessions
and the session as it was planned when it was recorded, as its schema documents."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import jsonschema_rs
import pytest

from planner.document.demo import demo_season
from planner.document.edits import add_competition, mark_missed, record_session
from planner.document.model import Priority, Season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Session, SessionKind
from planner.engine.freeze import settle
from planner.engine.generator import generate
from planner.export.plan_json import plans_json
from resources import locate

TODAY = date(2026, 11, 20)
JSON = dict[str, Any]
W = SessionKind.WEIGHTS


def lifting(season: Season) -> list[Session]:
    plan = generate(season, "ath-1")
    return [
        s for d in plan.days if date(2026, 11, 1) <= d.date < TODAY for s in d.sessions
        if s.kind is W and s.items[0].load
    ]


@pytest.fixture(scope="module")
def recorded() -> tuple[Season, Session, Session]:
    season = settle(demo_season(), TODAY)
    done, missed = lifting(season)[:2]
    first = done.items[0]
    items = tuple(
        DoneItem(item.exercise_id, (DoneSet(first.reps, 40.0), DoneSet(first.reps - 1, 42.5)) if n == 0 else ())
        for n, item in enumerate(done.items)
    )
    record = SessionRecord("ath-1", done.date, W, RecordStatus.PARTLY_DONE, done, items=items, effort=8,
                           minutes=55, note="grip gave out")
    season = record_session(season, "ath-1", done.date, W, record)
    season = mark_missed(season, "ath-1", missed.date, W, missed)
    return season, done, missed


@pytest.fixture(scope="module")
def data(recorded: tuple[Season, Session, Session]) -> JSON:
    season = recorded[0]
    # Through text, as `sprintplan plan --json` writes it.
    result: JSON = json.loads(json.dumps(plans_json([generate(season, "ath-1")], season=season)))
    return result


def days(data: JSON) -> dict[str, JSON]:
    plans = data["plans"]
    assert isinstance(plans, list)
    return {d["date"]: d for d in plans[0]["days"]}


def test_it_validates_against_the_schema(data: JSON) -> None:
    schema = json.loads(locate("schema/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema_rs.Draft202012Validator(schema, validate_formats=True).validate(data)


def test_the_days_before_today_are_frozen_and_the_others_not(data: JSON) -> None:
    by_date = days(data)
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert by_date[yesterday]["frozen"] is True
    assert by_date[TODAY.isoformat()]["frozen"] is False
    assert all(d["frozen"] is (d["date"] < TODAY.isoformat()) for d in by_date.values())


def test_a_record_carries_its_sets_effort_minutes_note_and_the_session_as_planned(
    data: JSON, recorded: tuple[Season, Session, Session]
) -> None:
    _, done, missed = recorded
    [record] = days(data)[done.date.isoformat()]["records"]
    first = done.items[0]
    assert record["kind"] == "weights" and record["status"] == "partly_done" and record["units"] == "kg"
    assert (record["effort"], record["minutes"], record["note"]) == (8, 55, "grip gave out")
    assert record["items"][0] == {
        "exercise_id": first.exercise_id,
        "sets": [
            {"reps": first.reps, "load": 40.0, "distance_m": None},
            {"reps": first.reps - 1, "load": 42.5, "distance_m": None},
        ],
    }
    assert [i["sets"] for i in record["items"][1:]] == [[]] * (len(done.items) - 1)
    assert record["planned"]["id"] == done.id
    assert [i["load"] for i in record["planned"]["items"]] == [i.load for i in done.items]
    volume = sum(i.sets * i.reps * i.load_kg for i in done.items if i.load_kg and i.intensity is None)
    lifted = first.reps * 40 + (first.reps - 1) * 42.5
    assert record["compliance"]["planned_volume_kg"] == pytest.approx(volume, abs=0.05)
    assert record["compliance"]["done_volume_kg"] == pytest.approx(lifted, abs=0.05)
    assert record["compliance"]["ratio"] == pytest.approx(lifted / volume, abs=0.001)
    assert record["compliance"]["band"] == "off"
    [gone] = days(data)[missed.date.isoformat()]["records"]
    assert (gone["status"], gone["items"], gone["compliance"]["band"]) == ("missed", [], "missed")


def test_a_day_without_records_has_none_and_the_plan_says_what_was_held(data: JSON) -> None:
    assert days(data)[TODAY.isoformat()]["records"] == []
    plans = data["plans"]
    assert isinstance(plans, list)
    assert plans[0]["held"] == []


def test_the_plan_lists_the_kept_days_it_would_now_prescribe_otherwise() -> None:
    # A C meet dropped on a trained Wednesday of the past would rewrite the Thursday after it.
    today = date(2026, 11, 27)
    settled = settle(demo_season(), today)
    meet = date(2026, 11, 25)
    season = add_competition(settled, name="Club meet", start=meet, end=meet, priority=Priority.C, indoor=True)
    plan = generate(season, "ath-1")
    data = json.loads(json.dumps(plans_json([plan], season=season)))
    held = data["plans"][0]["held"]
    assert date(2026, 11, 26).isoformat() in held
    assert held == [day.isoformat() for day in plan.held]
