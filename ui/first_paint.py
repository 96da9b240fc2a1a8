"""Running something once a widget has been painted for the first time.

What is not on screen at start-up (the squad's plans, the squad week) is derived after the
first frame, so the window appears as soon as the selected athlete's calendar is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Calls ``callback`` once, after the first paint of the widget it filters has finished."""

    def __init__(self, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            watched.removeEventFilter(self)
            # After this paint has finished, not before it started; never once the widget
            # (and this filter, its child) is gone.
            QTimer.singleShot(0, self, self._callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> FirstPaint:
    """Call ``callback`` once ``widget`` has been painted (a scroll area: its viewport)."""
    watcher = FirstPaint(callback, widget)
    widget.installEventFilter(watcher)
    return watcher
