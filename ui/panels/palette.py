"""The competition palette: six templates (A/B/C, outdoor/indoor) to drag onto the calendar,
and a key to the calendar's marks below them.

Each template is drawn like a calendar chip, so what the coach picks up is what lands on the
day. The drag carries ``ui.mime`` data only; the calendar asks for the name on the drop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QDrag, QEnterEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.document.model import Priority
from ui import theme
from ui.mime import TEMPLATES, CompetitionTemplate, template_mime

_MEANING = {
    Priority.A: "A: a season peak; the plan tapers for it",
    Priority.B: "B: an important race; a short mini-taper before it",
    Priority.C: "C: a training race; no taper",
}
_CHIP = QSize(16, 24)


class TemplateItem(QWidget):
    """One draggable template: the chip, its label and a hint."""

    def __init__(self, template: CompetitionTemplate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.setObjectName(f"template{template.priority.value}{'Indoor' if template.indoor else 'Outdoor'}")
        self.setAccessibleName(f"{template.label} competition")
        place = "an indoor" if template.indoor else "an outdoor"
        self.setToolTip(f"Drag onto a day of the calendar to add {place} competition.\n{_MEANING[template.priority]}")
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._press: QPoint | None = None
        self._hovered = False

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(_CHIP.width() + 16 + metrics.horizontalAdvance("drag onto a day") + 24,
                     max(_CHIP.height(), 2 * metrics.height()) + 4)

    def mime_data(self) -> QMimeData:
        return template_mime(self.template)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._paint(painter)
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        if self._hovered:
            hover = self.palette().highlight().color()
            hover.setAlpha(24)
            painter.fillRect(self.rect(), hover)
        chip = QRectF(8, (self.height() - _CHIP.height()) / 2, _CHIP.width(), _CHIP.height())
        bold = self.font()
        bold.setBold(True)
        theme.paint_chip(painter, chip, self.template.priority, self.template.indoor, bold)
        metrics = self.fontMetrics()
        text_left = round(chip.right()) + 10
        top = (self.height() - 2 * metrics.height()) // 2
        painter.setFont(bold)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRect(text_left, top, self.width() - text_left, metrics.height()),
                         Qt.AlignmentFlag.AlignVCenter, self.template.label)
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(theme.FAINT_TEXT)
        painter.drawText(QRect(text_left, top + metrics.height(), self.width() - text_left, metrics.height()),
                         Qt.AlignmentFlag.AlignVCenter, "drag onto a day")

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hovered = True
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = False
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance():
            self._press = None
            self.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None

    def start_drag(self) -> Qt.DropAction:
        drag = QDrag(self)
        drag.setMimeData(self.mime_data())
        drag.setPixmap(self._drag_pixmap())
        drag.setHotSpot(QPoint(_CHIP.width() // 2, _CHIP.height() // 2))
        return drag.exec(Qt.DropAction.CopyAction)

    def _drag_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = theme.new_pixmap(_CHIP.width() + 1, _CHIP.height() + 1, ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        bold = self.font()
        bold.setBold(True)
        theme.paint_chip(painter, QRectF(0, 0, _CHIP.width(), _CHIP.height()), self.template.priority,
                         self.template.indoor, bold)
        painter.end()
        return pixmap


class _Legend(QWidget):
    """What the calendar's marks mean, drawn with the calendar's own stamps and colours."""

    _MARKS = (
        (theme.MarkKind.HEAVY_WEIGHTS, "Weights, heavy"),
        (theme.MarkKind.LIGHT_WEIGHTS, "Weights"),
        (theme.MarkKind.TEST, "Strength test"),
        (theme.MarkKind.HEAVY_PLYOMETRICS, "Plyometrics, high intensity"),
        (theme.MarkKind.LIGHT_PLYOMETRICS, "Plyometrics"),
    )
    # How a past session went: the mark it takes in place of its plain one.
    _BANDS = tuple((band, look.key) for band, look in theme.BANDS.items())
    _TINTS = (
        ("taper", "Taper day"),
        ("deload", "Deload week"),
        ("today", "Today"),
        ("locked", "Locked week"),
        ("edited", "Changed by the coach"),
        ("note", "Note on the day"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarLegend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _line(self) -> int:
        return self.fontMetrics().height() + 1

    def _texts(self) -> list[str]:
        return [text for _, text in self._MARKS] + [text for _, text in self._BANDS] + [text for _, text in self._TINTS]

    def sizeHint(self) -> QSize:
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in self._texts())
        return QSize(34 + widest + 8, len(self._texts()) * self._line() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        line = self._line()
        bold = self.font()
        bold.setBold(True)
        for i, (kind, _) in enumerate(self._MARKS):
            stamp = theme.mark_stamp(kind, 8, bold, self.devicePixelRatioF())
            size = stamp.deviceIndependentSize()
            painter.drawPixmap(round(17 - size.width() / 2), round(2 + i * line + (line - size.height()) / 2), stamp)
        for i, (band, _) in enumerate(self._BANDS, start=len(self._MARKS)):
            stamp = theme.band_stamp(band, False, 8, self.devicePixelRatioF())
            size = stamp.deviceIndependentSize()
            painter.drawPixmap(round(17 - size.width() / 2), round(2 + i * line + (line - size.height()) / 2), stamp)
        for i, (tint, _) in enumerate(self._TINTS, start=len(self._MARKS) + len(self._BANDS)):
            self._paint_tint(painter, tint, QRectF(8, 2 + i * line + 1, 18, line - 2))
        painter.setPen(self.palette().windowText().color())
        painter.setFont(self.font())
        for i, text in enumerate(self._texts()):
            painter.drawText(QRect(34, 2 + i * line, self.width() - 34, line), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()

    def _paint_tint(self, painter: QPainter, kind: str, cell: QRectF) -> None:
        if kind in ("edited", "note"):
            painter.setPen(QPen(theme.GRID, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            painter.setPen(Qt.PenStyle.NoPen)
            corner = theme.paint_edited_corner if kind == "edited" else theme.paint_note_corner
            corner(painter, cell)
            return
        if kind == "locked":
            theme.paint_locked_frame(painter, cell.adjusted(-1, -1, 1, 1))
            return
        if kind == "today":
            painter.setPen(QPen(theme.TODAY, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(QPen(theme.GRID, 1))
            painter.setBrush(theme.TAPER_TINT if kind == "taper" else QBrush(theme.DELOAD_HATCH,
                                                                              Qt.BrushStyle.BDiagPattern))
        painter.drawRect(cell)


class CompetitionPalette(QWidget):
    """The six competition templates in a compact vertical list, for a side dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competitionPalette")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 6)
        layout.setSpacing(2)
        self.items = tuple(TemplateItem(template, self) for template in TEMPLATES)
        for item in self.items:
            layout.addWidget(item)
        key = QLabel("Calendar key", self)
        key.setObjectName("legendTitle")
        key.setContentsMargins(8, 10, 0, 2)
        font = key.font()
        font.setBold(True)
        key.setFont(font)
        layout.addWidget(key)
        layout.addWidget(_Legend(self))
        layout.addStretch(1)

    def item(self, template: CompetitionTemplate) -> TemplateItem:
        return next(item for item in self.items if item.template == template)

    def mime_data(self, template: CompetitionTemplate) -> QMimeData:
        """The drag data the palette gives ``template`` (what a drop on the calendar reads)."""
        return self.item(template).mime_data()
