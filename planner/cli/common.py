"""The subcommands of ``sprintplan``, one small module each.

A subcommand module provides ``add_parser(subparsers)``, which adds its parser and sets
``run`` as the parser's default, and ``run(args) -> int``, which does the work and returns
the exit status. ``planner.cli.entry.COMMANDS`` lists the modules; adding a subcommand is a new
module here, one entry there and its name in ``NAMES``.

A subcommand reports a failure the user can fix by raising ``CommandError`` (or letting a
``planner.document.storage.DocumentError`` through); ``planner.cli.entry.main`` prints it as one line.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, Protocol, TypeAlias

from planner.document.model import Season
from planner.document.storage import backup_path, save

__all__ = [
    "NAMES",
    "PROG",
    "Command",
    "CommandError",
    "Parser",
    "ParserExit",
    "Subparsers",
    "UsageError",
    "desktop_path",
    "tolerant_streams",
]

PROG = "sprintplan"

# The subcommand names, as ``planner.cli.entry.COMMANDS`` registers them (a test keeps the two in
# step). Kept here, apart from the modules, so the desktop launcher can tell ``sprintplan
# PATH`` from a subcommand without importing every subcommand and what they need.
NAMES = ("demo", "check", "show", "plan", "export", "import-competitions", "import-results")


def desktop_path(arguments: Sequence[str]) -> str | None:
    """The PATH of ``sprintplan PATH``, or None when the arguments are something else.

    A lone word that is neither a subcommand, a season file name nor an existing file is
    most likely a mistyped subcommand, and is reported as one.
    """
    if len(arguments) != 1 or arguments[0].startswith("-") or arguments[0] in NAMES:
        return None
    candidate = arguments[0]
    if candidate.endswith(".sprintplan") or Path(candidate).is_file():
        return candidate
    return None


def tolerant_streams() -> None:
    """Let stdout and stderr replace what the console cannot show instead of failing."""
    # Names such as "Łucja" cannot be written to a console in a legacy code page; a
    # replaced character is better than a traceback halfway through a summary.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


class CommandError(Exception):
    """A failure to report on one line, without a traceback; the message says what to do."""


class UsageError(Exception):
    """The command line itself is wrong: unknown option or subcommand, missing argument."""


class ParserExit(Exception):
    """The parser has finished (after --help or --version) and the program should end."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so ``main`` keeps control.

    Subparsers are made with the parent's class, so every subcommand reports this way too.
    """

    def error(self, message: str) -> NoReturn:
        # argparse would print the whole usage block and exit; one line is easier to read
        # in a terminal full of output, and the hint says where the usage is.
        raise UsageError(f"{message}; see '{self.prog} --help'")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # Reached after --help and --version, whose text is already printed.
        if message:
            sys.stderr.write(message)
        raise ParserExit(status)


# A string: the class is only generic for type checkers, not at run time.
Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"


class Command(Protocol):
    """What a subcommand module provides (modules satisfy this protocol structurally)."""

    def add_parser(self, subparsers: Subparsers) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def save_edited(season: Season, path: str, done: str) -> int:
    """Save ``season`` (an import's result) to ``path`` and say ``done`` ("Added 3 competitions
    to PATH"), naming the backup kept, or why none could be; the exit status, 0."""
    backup_problem = save(season, path)
    if backup_problem is not None:
        print(f"{done}.")
        print(f"{PROG}: {backup_problem}", file=sys.stderr)
        return 0
    print(f"{done} (the previous version is kept as {backup_path(path).name}).")
    return 0
