"""``sprintplan import-results PATH FILE.csv [--dry-run] [--today DATE]``: what was done, from a spreadsheet.

FILE is the spreadsheet ``sprintplan export --csv`` writes, with its done columns filled in
(``planner.imports.results`` says how they read). The command prints, row by row, what will
be recorded and what is refused and why, then records the accepted sessions and saves PATH
once, atomically, keeping the previous version as PATH.bak. ``--dry-run`` only prints.

A refused row leaves PATH unchanged: the command exits 2 naming how many rows were refused,
so a script never records part of a sheet without being told; ``--skip-refused`` records the
accepted sessions all the same (a session with a refused row is never recorded in part).
Sessions after ``--today`` (default: the computer's date, or ``SPRINTPLAN_TODAY``) have not happened
and are refused; the days before it are kept as they were planned when the results are recorded.

Exit status: 0 when the sessions were recorded, there was nothing to record or it was a dry
run without refusals; 2 for bad input (missing or unreadable files, an invalid season, a file
that is not the export, is from another season or too large, refused rows).
"""

from __future__ import annotations

import argparse
from datetime import date

from planner.cli.common import CommandError, Subparsers, save_edited
from planner.document.edits import EditError
from planner.document.storage import load
from planner.document.text import plural
from planner.engine.freeze import run_date
from planner.imports.results import (
    MAX_FILE_MB,
    MAX_ROWS,
    ResultsPreview,
    ResultsSourceError,
    RowState,
    apply_results,
    preview_results_file,
)

__all__ = ["add_parser", "preview_text", "run"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write it as 2026-11-02)") from None


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "import-results",
        help="record what was done from a filled-in spreadsheet export (CSV)",
        description="Record what was done from the spreadsheet `export --csv` writes, with its done "
        "columns (done_status, done_reps, done_load, done_distance_m, effort, minutes, note) filled "
        "in. Prints what will be recorded and what is refused, row by row; a session with a refused "
        "row is never recorded in part, and any refused row leaves PATH unchanged unless "
        f"--skip-refused is given. A FILE larger than {MAX_FILE_MB} MB or with more than "
        f"{MAX_ROWS:,} rows is refused as a whole.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file to record the results in")
    parser.add_argument("file", metavar="FILE", help="the filled-in .csv file")
    parser.add_argument("--dry-run", action="store_true", help="only print what would be recorded")
    parser.add_argument(
        "--today",
        type=_day,
        default=None,
        metavar="DATE",
        help="the date the import runs on (default: today, or SPRINTPLAN_TODAY); later sessions are refused",
    )
    parser.add_argument(
        "--skip-refused",
        action="store_true",
        help="record the accepted sessions even when rows are refused",
    )
    parser.set_defaults(run=run)


_MARK = {RowState.RECORD: "record", RowState.UNCHANGED: "same", RowState.REFUSED: "REFUSED"}


def preview_text(preview: ResultsPreview) -> str:
    """The preview as the command prints it, ending with a newline."""
    refused = len(preview.refused)
    lines = [
        f"{preview.source_name}: {plural(len(preview.records), 'session')} to record "
        f"({plural(len(preview.recorded), 'row')}), {plural(len(preview.unchanged), 'row')} already recorded, "
        f"{plural(refused, 'row')} refused, {plural(preview.blank_rows, 'row')} not filled in"
    ]
    session = None
    for row in preview.rows:
        if row.session != session:
            session = row.session
            lines += ["", session]
        reason = f": {row.reason}" if row.reason else ""
        lines.append(f"  {row.source:<11} {_MARK[row.state]:<7}  {row.what}{reason}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    season = load(args.path)
    today = args.today or run_date()
    try:
        preview = preview_results_file(season, args.file, today=today)
    except ResultsSourceError as error:
        raise CommandError(str(error)) from None
    print(preview_text(preview), end="")
    refused = len(preview.refused)
    if refused and not args.skip_refused:
        raise CommandError(
            f"{args.path} not changed: {plural(refused, 'row')} of {args.file} refused (listed above); "
            "correct them, or add --skip-refused to record the accepted sessions"
        )
    if not preview.records:
        print(f"\nNothing to record; {args.path} is unchanged.")
        return 0
    count = plural(len(preview.records), "session")
    if args.dry_run:
        print(f"\nDry run: {count} would be recorded; {args.path} is unchanged.")
        return 0
    try:
        updated = apply_results(season, preview, today=today)
    except EditError as error:
        raise CommandError(f"{args.path} not changed: {error}") from None
    print()
    return save_edited(updated, args.path, f"Recorded {count} in {args.path}")
