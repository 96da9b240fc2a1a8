"""The ``sprintplan`` command line: ``main`` parses the arguments and runs a subcommand.

Whatever goes wrong with the user's input (a missing file, an invalid document, an unknown
option or subcommand, a missing argument) ends as one line on stderr, prefixed
``sprintplan:``, and exit status 2; never a traceback or a multi-line usage dump.

Without a window opener (``python -m planner``), running with no arguments prints the help
and exits 0. The desktop launcher (``ui.launcher``) passes an opener, so that
``sprintplan`` alone or ``sprintplan PATH`` opens the window.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version

from planner.cli import check, demo, export, import_competitions, import_results, plan, show
from planner.cli.common import (
    PROG,
    Command,
    CommandError,
    Parser,
    ParserExit,
    UsageError,
    desktop_path,
    tolerant_streams,
)
from planner.document.storage import DocumentError

__all__ = ["COMMANDS", "PROG", "WindowOpener", "build_parser", "main"]

USAGE_ERROR = 2

# The subcommands, in the order the help lists them.
COMMANDS: tuple[Command, ...] = (demo, check, show, plan, export, import_competitions, import_results)

# Opens the desktop window on a season file (None: the demo season) and returns its exit
# status. The desktop launcher passes one; ``planner`` itself never imports the window.
WindowOpener = Callable[[str | None], int]


def _version() -> str:
    try:
        return version("sprintplan")
    except PackageNotFoundError:
        return "(version unknown: not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, with every subcommand of ``COMMANDS``."""
    parser = Parser(
        prog=PROG,
        description="Season planner for 400 m and 400 m hurdles coaches.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    # Not required=True: argparse would then report a missing COMMAND before an unknown
    # option such as `sprintplan --frce`, hiding the actual typo; main() checks instead.
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def _fail(message: str, status: int = USAGE_ERROR) -> int:
    # One line, whatever the message holds: scripts and log readers rely on it.
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None, *, open_window: WindowOpener | None = None) -> int:
    """Run ``sprintplan`` with ``argv`` (default: the process arguments); return the status.

    With ``open_window``, no arguments or a lone PATH open the desktop window instead.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    tolerant_streams()
    parser = build_parser()
    try:
        if not arguments:
            if open_window is not None:
                return open_window(None)
            parser.print_help()
            return 0
        path = desktop_path(arguments)
        if path is not None and open_window is not None:
            return open_window(path)
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.error("a COMMAND is required")
        result: int = args.run(args)
        return result
    except ParserExit as done:
        return done.status
    except (UsageError, CommandError, DocumentError) as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped reading; that is its choice, not an error to
        # report. Pointing stdout at devnull stops Python failing again when it flushes.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
