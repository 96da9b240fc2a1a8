"""The Qt test harness itself: offscreen by default, and a Qt warning fails a test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_qt_runs_offscreen_by_default() -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_a_qt_warning_fails_a_test_but_the_offscreen_size_hint_notice_does_not(pytester: pytest.Pytester) -> None:
    pytester.makepyprojecttoml((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytester.makepyfile(
        test_inner="""
        from PySide6.QtCore import qWarning

        def test_warns(qtbot):
            qWarning("something went wrong in Qt")

        def test_size_hints(qtbot):
            qWarning("This plugin does not support propagateSizeHints()")

        def test_quiet(qtbot):
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-o", "addopts=", "-o", "testpaths=.")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*test_warns*", "*QtWarningMsg: something went wrong in Qt*"])
