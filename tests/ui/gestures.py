"""Mouse gestures and synthetic drag events the UI tests send, and the paints they cause, written once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QMouseEvent, QPaintEvent, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ui.calendar.widget import SeasonCalendar

_LEFT = (Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def centre(calendar: SeasonCalendar, day: date) -> QPoint:
    """The middle of a day's cell on the calendar's viewport."""
    return calendar.date_rect(day).center()


def press(widget: QWidget, point: QPoint) -> None:
    QTest.mousePress(widget, *_LEFT, point)


def move_with_button_down(widget: QWidget, point: QPoint) -> None:
    # QTest.mouseMove does not carry the held button; a drag needs it.
    QApplication.sendEvent(widget, QMouseEvent(QEvent.Type.MouseMove, point, widget.mapToGlobal(point),
                                               Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                                               Qt.KeyboardModifier.NoModifier))


def drag_event(
    kind: type[QDropEvent], point: QPoint, mime: QMimeData, action: Qt.DropAction = Qt.DropAction.MoveAction
) -> QDropEvent:
    # Qt 6.12 takes a QPointF for every drag event (the QPoint forms are deprecated); older
    # versions take a QPoint for enter and move.
    try:
        return kind(QPointF(point), action, mime, *_LEFT)
    except TypeError:
        return kind(point, action, mime, *_LEFT)


class PaintRegions(QObject):
    """The region of every paint event a widget receives."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.regions.append(QRegion(event.region()))
        return False
