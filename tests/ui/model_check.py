"""pytest-qt's model tester, typed for the window's tests."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from pytestqt.modeltest import ModelTester


def check_model(tester: ModelTester, model: QAbstractItemModel) -> None:
    """Every structural rule of a Qt item model, checked now and on every later change of ``model``."""
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]  # pytest-qt is untyped
