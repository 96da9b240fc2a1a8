"""``sprintplan import-competitions PATH FILE [--yes]``: competitions from a CSV or iCalendar file.

Prints what would be added and what is refused (with the line or event and the reason) and
changes the season file only when the coach agrees: ``--yes``, or "y" at the prompt when
standard input is a terminal. Without a terminal and without ``--yes`` (a script, a pipe) it
refuses to change the file, because an unattended import should be asked for explicitly.
The file is saved once, atomically, keeping the previous version as PATH.bak. A FILE over
5 MB or with more than 2,000 competitions is refused as a whole (``planner.imports.competitions.LIMITS``).

Exit status: 0 when the competitions were added or there was nothing to add, 1 when the
coach answered no, 2 for bad input (missing or unreadable files, an invalid season, no
--yes without a terminal).
"""

from __future__ import annotations

import argparse
import sys

from planner.cli.common import CommandError, Subparsers, save_edited
from planner.document.edits import EditError
from planner.document.limits import MAX_NAME_LENGTH
from planner.document.storage import load
from planner.document.text import plural
from planner.engine.freeze import run_date, settle
from planner.imports.competitions import (
    MAX_COMPETITIONS,
    MAX_FILE_MB,
    ImportPreview,
    ImportSourceError,
    apply_import,
    preview_file,
)

__all__ = ["add_parser", "preview_text", "run"]

DECLINED = 1


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "import-competitions",
        help="add competitions from a CSV or iCalendar (.ics) file",
        description="Add competitions from a CSV file (columns date, name, priority, indoor, and "
        "optionally end) or an iCalendar file such as a federation calendar. Shows what will be "
        "added and what is refused, then asks before changing PATH. Imported competitions "
        f"enter the whole squad; names longer than {MAX_NAME_LENGTH} characters are cut to fit. "
        f"A FILE larger than {MAX_FILE_MB} MB or with more than {MAX_COMPETITIONS:,} competitions "
        "is refused as a whole.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file to add the competitions to")
    parser.add_argument("file", metavar="FILE", help="the .csv or .ics file to read them from")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="add them without asking (needed when standard input is not a terminal)",
    )
    parser.set_defaults(run=run)


def _dates(start_text: str, end_text: str) -> str:
    return start_text if start_text == end_text else f"{start_text} to {end_text}"


def preview_text(preview: ImportPreview) -> str:
    """The preview as the command prints it, ending with a newline."""
    lines = [
        f"{preview.source_name}: {plural(len(preview.accepted), 'competition')} to add, "
        f"{len(preview.refused)} refused"
    ]
    if preview.accepted:
        lines += ["", "To add (entering the whole squad):"]
        for entry in preview.accepted:
            c = entry.competition
            place = "indoor" if c.indoor else "outdoor"
            dates = _dates(c.start.isoformat(), c.end.isoformat())
            cut = "" if entry.name_cut_from is None else f" (name cut from {entry.name_cut_from:,} characters)"
            lines.append(f"  {dates:<24} {c.priority.value}  {place:<7}  {c.name}  [{entry.source}]{cut}")
    if preview.refused:
        lines += ["", "Refused:"]
        lines.extend(f"  {entry.source}: {entry.reason}" for entry in preview.refused)
    return "\n".join(lines) + "\n"


def _interactive() -> bool:
    stdin = sys.stdin
    return stdin is not None and stdin.isatty()


def _confirmed(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        print()
        return False
    return answer.strip().casefold() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    season = load(args.path)
    try:
        preview = preview_file(season, args.file)
    except ImportSourceError as error:
        raise CommandError(str(error)) from None
    print(preview_text(preview), end="")
    if not preview.accepted:
        print(f"\nNothing to add; {args.path} is unchanged.")
        return 0
    count = plural(len(preview.accepted), "competition")
    if not args.yes:
        if not _interactive():
            raise CommandError(f"{args.path} not changed: add --yes to add the {count} without being asked")
        if not _confirmed(f"\nAdd {count} to {args.path}? [y/N] "):
            print(f"Nothing added; {args.path} is unchanged.")
            return DECLINED
    try:
        # As in the window, the days before today keep what they were prescribed.
        updated = apply_import(settle(season, run_date()), preview)
    except EditError as error:
        raise CommandError(f"{args.path} not changed: {error}") from None
    return save_edited(updated, args.path, f"Added {count} to {args.path}")
