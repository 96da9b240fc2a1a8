"""The subcommands of ``sprintplan``, one small module each.

A subcommand module provides ``add_parser(subparsers)``, which adds its parser and sets
``run`` as the parser's default, and ``run(args) -> int``, which does the work and returns
the exit status. ``planner.cli.COMMANDS`` lists the modules; adding a subcommand is a new
module here and one entry there.

A subcommand reports a failure the user can fix by raising ``CommandError`` (or letting a
``planner.storage.DocumentError`` through); ``planner.cli.main`` prints it as one line.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, Protocol, TypeAlias

__all__ = ["Command", "CommandError", "Parser", "ParserExit", "Subparsers", "UsageError"]


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
