"""PySide's import hook is given the quick source search, and answers as before."""

from __future__ import annotations

import sys
import types
from importlib.machinery import EXTENSION_SUFFIXES

import planner.engine.plan
import ui.main_window
from ui.qt_start import ORIGINAL, quicken_pyside_imports


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


def test_every_module_the_window_imports_gets_the_original_answer() -> None:
    assert quicken_pyside_imports()
    quick = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    original = getattr(quick, ORIGINAL)
    modules = [module for module in list(sys.modules.values()) if isinstance(module, types.ModuleType)]
    extensions = [m for m in modules if str(getattr(m, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))]
    sources = [m for m in modules if str(getattr(m, "__file__", "")).endswith(".py")]
    assert len(extensions) > 10 and len(sources) > 300
    assert any(original(m) for m in sources) and not all(original(m) for m in sources)
    assert [quick(m) for m in modules] == [original(m) for m in modules]
