"""``sprintplan plan PATH (--json | --summary) [--athlete ID ...]``: the generated plans."""

from __future__ import annotations

import argparse
import json

from planner.cli.common import CommandError, Subparsers
from planner.document.model import Season
from planner.document.storage import load
from planner.engine.freeze import run_date
from planner.engine.generator import generate
from planner.engine.plan import Plan
from planner.export.plan_json import plans_json
from planner.export.summary import format_summary


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="print the generated weights and plyometrics plans",
        description="Generate each athlete's plan from a season file and print it as JSON "
        "(the format is documented by resources/schema/plan.schema.json) or as a readable "
        "week-by-week table.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file")
    form = parser.add_mutually_exclusive_group(required=True)
    form.add_argument("--json", action="store_true", help="print the plans as JSON")
    form.add_argument("--summary", action="store_true", help="print a week-by-week table")
    parser.add_argument(
        "--athlete",
        action="append",
        metavar="ID",
        help="only this athlete (repeat for several; default: the whole squad)",
    )
    parser.set_defaults(run=run)


def selected_plans(season: Season, athlete_ids: list[str] | None) -> list[Plan]:
    """Plans for the given athlete ids (all athletes when None), in the order given."""
    known = {a.id for a in season.athletes}
    ids = athlete_ids or [a.id for a in season.athletes]
    unknown = [i for i in ids if i not in known]
    if unknown:
        choices = ", ".join(sorted(known)) or "none"
        raise CommandError(f"unknown athlete id {unknown[0]!r} (athletes in this season: {choices})")
    return [generate(season, athlete_id) for athlete_id in dict.fromkeys(ids)]


def run(args: argparse.Namespace) -> int:
    season = load(args.path)
    plans = selected_plans(season, args.athlete)
    if args.json:
        data = plans_json(plans, season_id=str(season.id), season_name=season.name)
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        today = run_date()
        print("\n".join(format_summary(plan, season, today) for plan in plans), end="")
    return 0
