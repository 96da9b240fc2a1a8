"""The API the README names exists, and the package's names load only when used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import planner
from planner.document.demo import demo_season


def test_the_readme_api_derives_and_saves_a_plan(tmp_path: Path) -> None:
    season = demo_season()
    plan = planner.generate(season, season.athletes[0].id)
    assert isinstance(plan, planner.Plan)
    assert len(planner.generate_all(season)) == len(season.athletes)
    moved = planner.edits.move_competition(season, season.competitions[0].id, season.competitions[0].start)
    assert isinstance(moved, planner.Season)
    path = tmp_path / "season.sprintplan"
    planner.save(season, path)
    assert planner.load(path) == season
    assert planner.SCHEMA_VERSION >= 3
    assert sorted(planner.__all__) == sorted(
        ["SCHEMA_VERSION", "Athlete", "Competition", "DocumentError", "Plan", "Season", "edits", "generate",
         "generate_all", "load", "save"]
    )
    for name in planner.__all__:
        assert getattr(planner, name) is not None


def test_importing_the_command_lines_names_does_not_import_the_engine() -> None:
    code = "import json, sys, planner.cli.common; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                       check=True).stdout)
    assert "planner.cli.common" in loaded
    assert not [m for m in loaded if m.startswith(("planner.engine", "planner.document.edits"))]


def test_the_package_lists_its_names() -> None:
    assert set(planner.__all__) <= set(dir(planner))
