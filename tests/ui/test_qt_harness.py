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


def test_qt_calls_do_not_leak_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 dropped a reference to None on every call that returns nothing, and the
    # interpreter aborted after a few thousand calls; this catches any release that does it again.
    import sys

    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 100


def test_signal_emits_do_not_leak_references_to_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 also dropped a reference to True on every Signal.emit().
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(bool)

    emitter = Emitter()
    calls = [0]

    def count(value: bool) -> None:
        calls[0] += 1

    emitter.fired.connect(count)
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.fired.emit(True)
    assert calls[0] == 2000
    assert abs(sys.getrefcount(True) - before) < 100
