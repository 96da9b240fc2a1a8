"""``sprintplan check PATH``: tell whether a season file can be opened."""

from __future__ import annotations

import argparse

from planner.cli.common import Subparsers
from planner.document.storage import load


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check that a season file is valid",
        description="Check a season file; print 'ok', or the first problem and exit with 2.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file to check")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # load() runs the schema and every semantic rule and raises DocumentError naming the
    # first problem; main() prints that on one line.
    load(args.path)
    print("ok")
    return 0
