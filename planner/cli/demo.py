"""``sprintplan demo PATH [--force]``: write the demo season, e.g. to try the program."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import CommandError, Subparsers
from planner.document.demo import demo_season
from planner.document.storage import backup_path, save


def add_parser(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="write a demo season to a file",
        description="Write an example season with five athletes and eleven competitions.",
    )
    parser.add_argument("path", metavar="PATH", help="the .sprintplan file to write")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace PATH if it exists (the old file is kept as PATH.bak)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    # A coach's season must never be lost to a mistyped file name, so replacing a file
    # takes an explicit --force (and save() still keeps the old one as a backup).
    if not args.force and (path.exists() or path.is_symlink()):
        raise CommandError(
            f"{path}: the file already exists; add --force to replace it "
            f"(the old file is then kept as {backup_path(path).name})"
        )
    save(demo_season(), path)
    print(f"wrote the demo season to {path}")
    return 0
