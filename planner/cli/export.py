"""``sprintplan export PATH (--cards OUT | --season OUT | --ics OUT | --csv OUT) [options]``.

``--cards`` writes weekly session cards (``--weeks N-M`` or ``--from DATE --to DATE``; the
default is next week), ``--season`` the season plan; ``--athlete`` picks athletes for both.

Each output is one entry of ``OUTPUTS``, and the outputs are mutually exclusive options of
one required group: a further format (a calendar file, a spreadsheet) is a new ``Output``
with its writer, and says which of the shared options it accepts. The PDF writers import
reportlab, so they are imported only when an export runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.cli.common import CommandError, Subparsers
from planner.document.atomic import write_atomically, write_problem
from planner.document.model import Season
from planner.document.storage import load
from planner.document.text import plural
from planner.engine.freeze import run_date
from planner.engine.plan import Plan
from planner.export.print_selection import (
    Paper,
    PrintSelection,
    SelectionError,
    check_athletes,
    next_week,
    parse_day,
    parse_week_range,
    weeks_for_dates,
)


@dataclass(frozen=True, slots=True)
class Request:
    """What the command line asked for, checked against the season."""

    athlete_ids: tuple[str, ...]
    first_week: int
    last_week: int
    paper: Paper
    # The day the command runs on: the cards' default week and the season plan's past.
    today: date


@dataclass(frozen=True, slots=True)
class Output:
    """One kind of export: its option (``--cards``), what it accepts and how it is written.

    ``takes_weeks``: whether ``--weeks``/``--from``/``--to`` choose what it holds (otherwise
    the whole season); ``papers``: the ``--paper`` sizes it prints on, the first the default
    (empty for a file that is not printed). ``write`` writes the file and returns the line
    printed on success.
    """

    flag: str
    help: str
    takes_weeks: bool
    papers: tuple[Paper, ...]
    write: Callable[[Season, Request, Path], str]

    @property
    def dest(self) -> str:
        return self.flag.removeprefix("--").replace("-", "_")


def _write_cards(season: Season, request: Request, out: Path) -> str:
    from planner.export.pdf.cards import write_cards

    selection = PrintSelection(request.athlete_ids, request.first_week, request.last_week, request.paper)
    pages = write_cards(season, selection, out)
    weeks = (
        f"week {request.first_week}"
        if request.first_week == request.last_week
        else f"weeks {request.first_week}-{request.last_week}"
    )
    athletes = plural(len(request.athlete_ids), "athlete")
    return f"wrote session cards for {athletes}, {weeks} ({plural(pages, 'page')}, {request.paper.value}) to {out}"


def _write_season(season: Season, request: Request, out: Path) -> str:
    from planner.export.pdf.season import write_season

    pages = write_season(season, out, athlete_ids=request.athlete_ids, paper=request.paper, today=request.today)
    return f"wrote the season plan ({plural(pages, 'page')}, {request.paper.value} landscape) to {out}"


def _plans(season: Season, request: Request) -> list[Plan]:
    from planner.engine.generator import generate

    return [generate(season, athlete_id) for athlete_id in request.athlete_ids]


def _write_ics(season: Season, request: Request, out: Path) -> str:
    from planner.export.ics import ics_bytes

    data = ics_bytes(season, _plans(season, request))
    write_atomically(out, data)
    return f"wrote {data.count(b'BEGIN:VEVENT')} calendar events to {out}"


def _write_csv(season: Season, request: Request, out: Path) -> str:
    from planner.export.csv import csv_bytes

    write_atomically(out, csv_bytes(season, _plans(season, request)))
    return f"wrote the prescribed sets and what was done as CSV to {out}"


# The outputs of ``export``, in the order the help lists them; they exclude each other.
OUTPUTS: tuple[Output, ...] = (
    Output(
        "--cards",
        "write weekly session cards (PDF) for the chosen athletes and weeks",
        takes_weeks=True,
        papers=(Paper.A4, Paper.A5, Paper.LETTER),
        write=_write_cards,
    ),
    Output(
        "--season",
        "write the season plan (PDF): cover, periodisation, load charts, week tables, warnings, rules",
        takes_weeks=False,
        papers=(Paper.A4, Paper.LETTER),
        write=_write_season,
    ),
    Output(
        "--ics",
        "write an iCalendar file: one event per session and per competition",
        takes_weeks=False,
        papers=(),
        write=_write_ics,
    ),
    Output(
        "--csv",
        "write a CSV file: one row per prescribed set with columns for what was done, safe to open in a spreadsheet",
        takes_weeks=False,
        papers=(),
        write=_write_csv,
    ),
)


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write session cards or the season plan (PDF), a calendar (iCalendar) or a spreadsheet (CSV)",
        description="Write print-outs of the season's plans. Weeks are numbered from 1 at the "
        "week holding the season's first day.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file")
    outputs = parser.add_mutually_exclusive_group(required=True)
    for output in OUTPUTS:
        outputs.add_argument(output.flag, dest=output.dest, metavar="OUT", help=output.help)
    parser.add_argument(
        "--athlete",
        action="append",
        metavar="ID",
        help="only this athlete (repeat for several; default: the whole squad)",
    )
    parser.add_argument("--weeks", metavar="N-M", help="these weeks, e.g. 2-3 or 7 (default: next week)")
    parser.add_argument("--from", dest="from_day", metavar="DATE", help="from the week holding DATE (2027-01-11)")
    parser.add_argument("--to", dest="to_day", metavar="DATE", help="to the week holding DATE")
    parser.add_argument(
        "--paper",
        choices=[paper.value for paper in Paper],
        help="a4 or letter: a page per athlete and week; a5: a page per training day (default: a4)",
    )
    parser.set_defaults(run=run)


def _chosen(args: argparse.Namespace) -> tuple[Output, Path]:
    for output in OUTPUTS:
        value = getattr(args, output.dest)
        if value is not None:
            if not value.strip():
                raise CommandError(f"{output.flag}: the output file name is empty")
            return output, Path(value)
    # The required group makes argparse refuse this first; kept for callers that build args.
    raise CommandError("choose an output: " + " or ".join(o.flag for o in OUTPUTS))


def _weeks(output: Output, args: argparse.Namespace, season: Season, today: date) -> tuple[int, int]:
    asked = [flag for flag, value in (("--weeks", args.weeks), ("--from", args.from_day), ("--to", args.to_day))
             if value is not None]
    if not output.takes_weeks:
        if asked:
            raise CommandError(f"{asked[0]} applies to session cards, not to {output.flag}")
        return 1, season.week_count
    try:
        if args.weeks is not None:
            if args.from_day is not None or args.to_day is not None:
                raise CommandError("use either --weeks or --from/--to, not both")
            return parse_week_range(args.weeks, season.week_count)
        if args.from_day is not None or args.to_day is not None:
            first = None if args.from_day is None else parse_day(args.from_day)
            last = None if args.to_day is None else parse_day(args.to_day)
            return weeks_for_dates(season, first, last)
    except SelectionError as error:
        flag = "--weeks" if args.weeks is not None else "--from/--to"
        raise CommandError(f"{flag}: {error}") from None
    week = next_week(season, today)
    return week, week


def _paper(output: Output, asked: str | None) -> Paper:
    """The paper asked for, checked against the output; an output that is not printed has none."""
    if asked is None:
        return output.papers[0] if output.papers else Paper.A4
    if not output.papers:
        raise CommandError(f"--paper applies to printed outputs, not to {output.flag}")
    paper = Paper(asked)
    if paper not in output.papers:
        choices = ", ".join(p.value for p in output.papers)
        raise CommandError(f"--paper {paper.value} does not suit {output.flag} (choose {choices})")
    return paper


def run(args: argparse.Namespace, *, today: date | None = None) -> int:
    output, out = _chosen(args)
    season = load(args.path)
    if out.resolve() == Path(args.path).resolve():
        raise CommandError(f"{out}: that is the season file itself; choose another name for the PDF")
    if not out.parent.is_dir():
        raise CommandError(f"{out}: the folder {out.parent} does not exist")
    paper = _paper(output, args.paper)
    try:
        athlete_ids = check_athletes(season, args.athlete)
    except SelectionError as error:
        raise CommandError(str(error)) from None
    today = run_date() if today is None else today
    first, last = _weeks(output, args, season, today)
    request = Request(athlete_ids, first, last, paper, today)
    try:
        message = output.write(season, request, out)
    except OSError as error:
        raise CommandError(f"{out} not written: {write_problem(error, out)}") from None
    print(message)
    return 0
