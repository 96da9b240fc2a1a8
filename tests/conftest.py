"""Test setup shared by every test: Qt offscreen and the golden files (``pytest --update-golden``
rewrites them from the code's output)."""

from __future__ import annotations

import os

import pytest

from tests.golden import Golden

# Before any Qt import: tests must run on machines without a display (CI, containers).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["pytester"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files in tests/fixtures/golden from the code's output (review with git diff)",
    )


_GOLDEN = pytest.StashKey[Golden]()


@pytest.fixture(scope="session")
def golden(pytestconfig: pytest.Config) -> Golden:
    return pytestconfig.stash.setdefault(_GOLDEN, Golden(update=bool(pytestconfig.getoption("--update-golden"))))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    found = config.stash.get(_GOLDEN, None)
    if found is None or not found.update:
        return
    if found.rewritten:
        names = ", ".join(sorted(found.rewritten))
        terminalreporter.write_line(f"golden files rewritten: {names}; review them with git diff tests/fixtures/golden")
    else:
        terminalreporter.write_line("golden files: all match the code's output, none rewritten")
