"""``sprintplan show PATH``: a readable summary of a season file."""

from __future__ import annotations

import argparse

from planner.cli.common import Subparsers
from planner.document.catalogue import lift_name
from planner.document.model import WEEKDAY_NAMES, Athlete, Competition, MaxEntry, Season
from planner.document.storage import load
from planner.document.text import EVENT_NAMES

_INDENT = "  "


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "show",
        help="summarise a season file",
        description="Print the season's dates, athletes and competitions.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file to show")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(summary(load(args.path)), end="")
    return 0


def summary(season: Season) -> str:
    """The text ``show`` prints, ending with a newline."""
    lines = [
        season.name,
        f"{season.first_day.isoformat()} to {season.last_day.isoformat()}, "
        f"{season.week_count} weeks starting on {WEEKDAY_NAMES[season.week_start]}",
        "",
        f"Athletes ({len(season.athletes)})",
    ]
    for athlete in season.athletes:
        lines.extend(_INDENT + line for line in _athlete_lines(athlete, season))
    lines += ["", f"Competitions ({len(season.competitions)})"]
    ordered = sorted(season.competitions, key=lambda c: (c.start, c.end, c.name))
    lines.extend(_INDENT + _competition_line(c, season) for c in ordered)
    return "\n".join(lines) + "\n"


def _athlete_lines(athlete: Athlete, season: Season) -> list[str]:
    facts = [EVENT_NAMES[athlete.event], athlete.sex.value, athlete.level.value]
    if athlete.junior:
        age = athlete.age_on(season.first_day)
        facts.append("junior" if age is None else f"junior, {age} on the first day")
    units = athlete.units.value
    facts += [f"body mass {athlete.body_mass:g} {units}", f"units {units}"]
    if athlete.priming:
        facts.append("priming")
    lines = [f"{athlete.name}: {', '.join(facts)}"]
    latest = _latest_maxes(athlete)
    if latest:
        lines.append(_INDENT + "maxes: " + "; ".join(_max_text(m, athlete) for m in latest))
    else:
        lines.append(_INDENT + "maxes: none recorded")
    for original, substitute in athlete.substitutions:
        lines.append(_INDENT + f"does {lift_name(substitute)} instead of {lift_name(original)}")
    return lines


def _latest_maxes(athlete: Athlete) -> list[MaxEntry]:
    latest: dict[str, MaxEntry] = {}
    for entry in athlete.maxes:
        if entry.lift not in latest or entry.date > latest[entry.lift].date:
            latest[entry.lift] = entry
    return sorted(latest.values(), key=lambda m: m.lift)


def _max_text(entry: MaxEntry, athlete: Athlete) -> str:
    how = "tested" if entry.tested else "estimated"
    return (
        f"{lift_name(entry.lift)} {entry.value:g} {athlete.units.value} "
        f"({how} {entry.date.isoformat()})"
    )


def _competition_line(comp: Competition, season: Season) -> str:
    dates = comp.start.isoformat()
    if comp.end != comp.start:
        dates += f" to {comp.end.isoformat()}"
    place = "indoor" if comp.indoor else "outdoor"
    return f"{dates:<24} {comp.priority.value}  {place:<7}  {comp.name}: {_entered(comp, season)}"


def _entered(comp: Competition, season: Season) -> str:
    if comp.athletes is None:
        return "everyone"
    if not comp.athletes:
        return "nobody entered"
    return ", ".join(season.athlete(athlete_id).name for athlete_id in comp.athletes)
