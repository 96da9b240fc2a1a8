"""The plan's outputs: the JSON contract of `sprintplan plan --json` and the golden summary."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import jsonschema_rs
import pytest

from planner.cli import main
from planner.demo import demo_season
from planner.engine import generate, generate_all
from planner.plan_json import PLAN_SCHEMA_VERSION
from planner.storage import save
from planner.summary import format_summary
from resources import locate

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden" / "demo_summary.txt"


@pytest.fixture(scope="module")
def demo_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    path = tmp_path_factory.mktemp("plan") / "demo.sprintplan"
    save(demo_season(), path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["plan", str(path), "--json"]) == 0
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def test_plan_json_validates_against_its_schema(demo_json: dict[str, object]) -> None:
    schema = json.loads(locate("schema/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema_rs.Draft202012Validator(schema, validate_formats=True).validate(demo_json)
    assert demo_json["plan_schema_version"] == PLAN_SCHEMA_VERSION


def test_plan_json_has_one_plan_per_athlete_with_the_engines_numbers(demo_json: dict[str, object]) -> None:
    season = demo_season()
    plans = demo_json["plans"]
    assert isinstance(plans, list)
    assert [p["athlete"]["id"] for p in plans] == [a.id for a in season.athletes]
    for data in plans:
        plan = generate(season, data["athlete"]["id"])
        assert len(data["days"]) == len(plan.days)
        loads = [
            (d["date"], s["kind"], i["exercise_id"], i["load"], i["sets"], i["reps"])
            for d in data["days"]
            for s in d["sessions"]
            for i in s["items"]
        ]
        expected = [
            (day.date.isoformat(), s.kind.value, i.exercise_id, i.load, i.sets, i.reps)
            for day in plan.days
            for s in day.sessions
            for i in s.items
        ]
        assert loads == expected
        assert [w["rule_id"] for w in data["warnings"]] == [w.rule_id for w in plan.warnings]


def test_the_demo_summary_matches_the_golden_file() -> None:
    season = demo_season()
    text = "\n".join(format_summary(generate(season, a.id)) for a in season.athletes)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "the demo summary changed; if the change is intended, run with UPDATE_GOLDEN=1 and review the diff"
    )


def test_generating_the_squad_at_once_gives_each_athletes_own_plan() -> None:
    season = demo_season()
    assert generate_all(season) == tuple(generate(season, a.id) for a in season.athletes)


def test_generating_part_of_the_squad_keeps_squad_order_and_ignores_unknown_ids() -> None:
    season = demo_season()
    wanted = [season.athletes[3].id, season.athletes[1].id, "nobody"]
    assert generate_all(season, wanted) == (generate(season, wanted[1]), generate(season, wanted[0]))
