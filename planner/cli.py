"""The ``sprintplan`` command line: ``main`` parses the arguments and runs a subcommand.

Whatever goes wrong with the user's input (a missing file, an invalid document, an unknown
option or subcommand, a missing argument) ends as one line on stderr, prefixed
``sprintplan:``, and exit status 2; never a traceback or a multi-line usage dump.

Running ``sprintplan`` with no arguments prints the help and exits 0: nothing was asked
that could fail, and once ``open_desktop`` opens the window that same command line will
succeed, so scripts see the same status before and after.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from planner.commands import (
    Command,
    CommandError,
    Parser,
    ParserExit,
    UsageError,
    check,
    demo,
    plan,
    show,
)
from planner.storage import DocumentError

__all__ = ["COMMANDS", "PROG", "build_parser", "main", "open_desktop"]

PROG = "sprintplan"
USAGE_ERROR = 2

# The subcommands, in the order the help lists them.
COMMANDS: tuple[Command, ...] = (demo, check, show, plan)


def open_desktop(path: str | None) -> int | None:
    """Hook for the desktop window: ``sprintplan`` alone, or ``sprintplan PATH``, calls it.

    Return the window's exit status, or None while there is no window to open; ``main``
    then prints the help (no arguments) or reports PATH as an unknown subcommand. Import
    the user interface inside this function, so that ``planner`` itself stays free of Qt.
    """
    return None


def _version() -> str:
    try:
        return version("sprintplan")
    except PackageNotFoundError:
        return "(version unknown: not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, with every subcommand of ``COMMANDS``."""
    return _build()[0]


def _build() -> tuple[argparse.ArgumentParser, set[str]]:
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
    return parser, set(subparsers.choices)


def _desktop_path(arguments: Sequence[str], commands: set[str]) -> str | None:
    """The PATH of ``sprintplan PATH``, or None when the arguments are something else."""
    if len(arguments) == 1 and not arguments[0].startswith("-") and arguments[0] not in commands:
        return arguments[0]
    return None


def _fail(message: str, status: int = USAGE_ERROR) -> int:
    # One line, whatever the message holds: scripts and log readers rely on it.
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return status


def _tolerant_streams() -> None:
    # Names such as "Łucja" cannot be written to a console in a legacy code page; a
    # replaced character is better than a traceback halfway through a summary.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sprintplan`` with ``argv`` (default: the process arguments); return the status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    parser, command_names = _build()
    try:
        if not arguments:
            status = open_desktop(None)
            if status is not None:
                return status
            parser.print_help()
            return 0
        path = _desktop_path(arguments, command_names)
        if path is not None:
            status = open_desktop(path)
            if status is not None:
                return status
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.error("a COMMAND is required")
        result: int = args.run(args)
        return result
    except ParserExit as done:
        return done.status
    except UsageError as error:
        return _fail(str(error))
    except (CommandError, DocumentError) as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped reading; that is its choice, not an error to
        # report. Pointing stdout at devnull stops Python failing again when it flushes.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
