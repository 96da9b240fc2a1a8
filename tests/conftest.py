"""Test setup shared by every test: Qt offscreen, the hypothesis profiles, the `gui` marker and
the golden files (``pytest --update-golden`` rewrites them from the code's output)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.golden import Golden
from tests.profiles import load_profile, use_profile_on

# Before any Qt import: tests must run on machines without a display (CI, containers).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window and the command line keep the days before the date they run on as planned. Tests
# must not depend on the calendar: they run on a day before the demo season starts, and a
# test about the past names its own day.
os.environ["SPRINTPLAN_TODAY"] = "2026-09-01"

# Before the test modules are imported: a `@settings(...)` decorator takes what it does not name
# from the profile loaded when it runs.
load_profile()

pytest_plugins = ["pytester"]

TESTS = Path(__file__).resolve().parent
UI_TESTS = TESTS / "ui"
# A test asking for one of these needs a QApplication, wherever its file lives.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester"})


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files in tests/fixtures/golden from the code's output (review with git diff)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(UI_TESTS) or QT_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
        use_profile_on(item)


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
