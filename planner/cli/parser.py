"""The command line's parser class, apart from ``planner.cli.common``: the desktop launcher
imports that module, and argparse is wanted only when a subcommand runs."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from planner.cli.common import ParserExit, UsageError

__all__ = ["Parser"]


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
