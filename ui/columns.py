"""Where the calendar draws the season's week columns on screen, for a view that lines its own
time axis up under them (the load chart), without either view knowing the other.

The calendar is the *source*: it says where its first week's column starts and how wide a
column is, in global screen coordinates, and scrolls when the wheel turns over a view below.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QWheelEvent


class ColumnSource(Protocol):
    def column_span(self) -> tuple[float, float] | None:
        """The global x of the first week's left edge and a week column's width; None when
        the columns are not on screen."""
        ...

    def scroll_columns(self, event: QWheelEvent) -> None: ...


class WeekColumns(QObject):
    moved = Signal()  # resized, scrolled, or the season's dates changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: ColumnSource | None = None

    def set_source(self, source: ColumnSource) -> None:
        self._source = source
        self.moved.emit()

    def span(self) -> tuple[float, float] | None:
        return None if self._source is None else self._source.column_span()

    def scroll(self, event: QWheelEvent) -> None:
        if self._source is not None:
            self._source.scroll_columns(event)
