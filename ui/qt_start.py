"""Importing Qt for the window, without reading every module's source twice.

PySide6 (since 6.4, PYSIDE-2029) hooks every import to decide whether a module uses PySide:
``shibokensupport.feature._mod_uses_pyside`` asks ``inspect.getsource`` for the module's whole
source and looks for "PySide6" in it. Through ``inspect`` and ``linecache`` that costs a
tenth of a millisecond or more a module, and the window imports about 900 (numpy, pyqtgraph,
its own): about a sixth of the time to a first paint. The question is the same asked of the
file's bytes, so the hook is given that. An extension module has no source, which the original
answers with False after a failed search through ``inspect`` (over half a millisecond each):
the quick search answers it at once. Any other module without a source file (a frozen bundle, a
namespace package) is still asked the original way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib.machinery import EXTENSION_SUFFIXES
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_QUICK = "_sprintplan_quick"
# The quick search keeps the hook it replaced here, so that it can be compared with it.
ORIGINAL = "_sprintplan_original"
_EXTENSIONS = tuple(EXTENSION_SUFFIXES)


def quicken_pyside_imports() -> bool:
    """Import Qt and give PySide's import hook the quick source search; True when it was given
    (or already was), False when this PySide has no such hook and nothing was changed."""
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    feature = sys.modules.get(_FEATURE_MODULE)
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or not callable(original):
        return False
    if getattr(original, _QUICK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str):
            if path.endswith(".py"):
                try:
                    return b"PySide6" in _read(path)
                except OSError:
                    pass
            elif path.endswith(_EXTENSIONS):
                return False
        return original(module)

    setattr(uses_pyside, _QUICK, True)
    setattr(uses_pyside, ORIGINAL, original)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


def _read(path: str) -> bytes:
    # Without pathlib's and io's layers: this runs for every module the window imports.
    descriptor = os.open(path, os.O_RDONLY)
    try:
        return os.read(descriptor, os.fstat(descriptor).st_size)
    finally:
        os.close(descriptor)
