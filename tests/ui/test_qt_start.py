"""PySide's import hook is given the quick source search, and answers as before."""

from __future__ import annotations

import sys
import types

import planner.engine.plan
import ui.main_window
from ui.qt_start import quicken_pyside_imports


def test_the_quick_search_answers_as_the_original_did() -> None:
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside

    assert quicken_pyside_imports()
    quick = feature._mod_uses_pyside
    assert quicken_pyside_imports()
    assert feature._mod_uses_pyside is quick  # a second call changes nothing

    assert quick(ui.main_window) is True
    assert quick(planner.engine.plan) is False
    assert quick(types.ModuleType("no_file")) is False  # asked the original way: no source
    if not getattr(original, "_sprintplan_quick", False):
        assert original(ui.main_window) is True and original(planner.engine.plan) is False
