"""How the window looks, wherever it draws: colours, fonts, the competition chip and the small
marks the calendar, its key in the palette, the athletes list and the load chart all share.

The colours of phases, priorities and session kinds come from ``planner.export.look``, the one
table the PDFs read too, so a phase or a competition looks the same on screen and on paper.
The palette is colour-blind safe (Okabe-Ito hues), and no meaning rests on colour alone:
chips carry their priority letter, weights are squares and plyometrics dots, heavy sessions
are filled and light ones outlined, tests are a "T". How a past session went (its compliance
band) is a colour and a sign: a tick within the plan, a bar near it, "!" off it, a cross
when missed, an open mark with a dot still to record.
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
from enum import Enum
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QPolygonF

from planner.document.model import Priority
from planner.document.text import number
from planner.engine.compliance import Band, SessionCompliance
from planner.export import look

# The calendar's weekday labels, left of its grid; the load chart keeps the same margin so
# that its weeks stand under the calendar's columns.
GUTTER = 34

PRIORITY_FILL = {priority: QColor(colour) for priority, colour in look.PRIORITY_FILL.items()}
PRIORITY_TEXT = {priority: QColor(colour) for priority, colour in look.PRIORITY_INK.items()}
PHASE_FILL = {kind: QColor(colour) for kind, colour in look.PHASE_FILL.items()}

BACKGROUND = QColor("#FFFFFF")
ODD_MONTH = QColor("#F4F5F7")  # every other month is shaded so months read as blocks
OUTSIDE = QColor("#E6E6E6")
GRID = QColor("#DADDE2")
HEADER_TEXT = QColor("#4A4F57")
FAINT_TEXT = QColor("#8A9099")
PHASE_TEXT = QColor("#2E3238")
TAPER_TINT = QColor("#F2DDEB")
DELOAD_HATCH = QColor("#A7AEB8")
WEIGHTS = QColor(look.WEIGHTS)
PLYOMETRICS = QColor(look.PLYOMETRICS)
TODAY = QColor(look.INK)
SELECTED = QColor("#0072B2")
REFUSED = QColor("#9A9A9A")
LOCKED = QColor("#3C4043")
EDITED = QColor("#1F4E99")  # the Day panel's colour for the coach's changes
NOTE = QColor("#C98A00")
PAST_WASH = QColor(255, 255, 255, 120)  # over the days before today: they read as done with
FROZEN = QColor("#56606B")  # a kept day the plan would now prescribe differently
FROZEN_EDGE = QColor("#AEB5BF")  # a day kept as it was prescribed: faint, as most past days are


class BandLook(NamedTuple):
    """How one compliance band shows: its colour, the sign that says it without colour, the
    word and what it means (the calendar's tooltip, the squad week and the chart's legend)."""

    colour: QColor
    sign: str
    word: str
    meaning: str
    key: str  # the calendar key's line: short enough for the side panel


BANDS: dict[Band, BandLook] = {
    Band.GREEN: BandLook(QColor("#009E73"), "✓", "done", "within ±20 % of the plan", "Done, within ±20 %"),
    Band.YELLOW: BandLook(QColor("#E69F00"), "≈", "near", "50-79 % or 121-150 % of the plan",
                          "Near, 50-79 / 121-150 %"),
    Band.RED: BandLook(QColor("#D55E00"), "!", "off", "under 50 % or over 150 % of the plan", "Off the plan"),
    Band.MISSED: BandLook(QColor("#3C4043"), "✗", "missed", "not done", "Missed"),
    Band.PENDING: BandLook(QColor("#8A9099"), "○", "to record", "past, nothing recorded yet", "Past, to record"),
}
# Bands on volume-load (weights, kg) or contacts (plyometrics), the ratio done / planned.
BAND_BASIS = "volume-load for weights, contacts for plyometrics"


def band_summary(band: Band, compliance: SessionCompliance | None, plyometrics: bool) -> str:
    """"✓ done: 2450 of 3060 kg volume-load (80 %)": a session's band with the figures it rests on."""
    look = BANDS.get(band)
    if look is None:
        return ""
    text = f"{look.sign} {look.word}"
    if compliance is None or band in (Band.MISSED, Band.PENDING):
        return text
    if plyometrics:
        done, planned, unit = float(compliance.done_contacts), float(compliance.planned_contacts), "contacts"
    else:
        done, planned, unit = compliance.done_volume_kg, compliance.planned_volume_kg, "kg volume-load"
    if planned <= 0:
        return text
    share = f" ({round(compliance.ratio * 100)} %)" if compliance.ratio is not None else ""
    return f"{text}: {number(round(done, 1))} of {number(round(planned, 1))} {unit}{share}"


def band_key() -> str:
    """One line per band: the key to the signs, for tooltips and legends."""
    return "\n".join(f"{look.sign} {look.word}: {look.meaning}" for look in BANDS.values())


class Fonts(NamedTuple):
    """The calendar's fonts, derived once from the widget font."""

    normal: QFont
    small: QFont
    bold_small: QFont
    small_metrics: QFontMetrics

    @classmethod
    def from_font(cls, font: QFont) -> "Fonts":
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        bold = QFont(small)
        bold.setBold(True)
        return cls(QFont(font), small, bold, QFontMetrics(small))


def new_pixmap(width: int, height: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


# The chip -------------------------------------------------------------------------------


def paint_chip(
    painter: QPainter, rect: QRectF, priority: Priority, indoor: bool, font: QFont, *, faded: bool = False,
    letter: bool = True, letter_on_top: bool = False,
) -> None:
    """A competition as the calendar and the palette draw it: a rounded block in the priority
    colour with its letter, and a roof over the letter for an indoor competition.

    ``letter_on_top`` keeps the letter in the top of the block, clear of the session marks
    that a competition the athlete does not enter leaves visible lower in the cell.
    """
    colour = PRIORITY_FILL[priority]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if faded:
        # Competitions the athlete shown is not entered in stay visible but recede.
        fill = QColor(colour)
        fill.setAlpha(60)
        painter.setBrush(fill)
        painter.setPen(QPen(colour, 1.0, Qt.PenStyle.DashLine))
        ink = colour.darker(130)
    else:
        painter.setBrush(colour)
        painter.setPen(QPen(colour.darker(125), 1.0))
        ink = PRIORITY_TEXT[priority]
    radius = min(4.0, rect.width() / 3, rect.height() / 3)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    if letter and rect.height() >= 9 and rect.width() >= 7:
        metrics = QFontMetrics(font)
        roof = _roof_height(metrics) if indoor else 0.0
        box = QRectF(rect)
        if letter_on_top:
            box.setHeight(min(rect.height(), metrics.capHeight() + roof + 6))
        _chip_letter(painter, box, priority, indoor, font, metrics, ink)
    painter.restore()


def _roof_height(metrics: QFontMetrics) -> float:
    return max(3.0, metrics.capHeight() * 0.45)


def _chip_letter(
    painter: QPainter, box: QRectF, priority: Priority, indoor: bool, font: QFont, metrics: QFontMetrics, ink: QColor
) -> None:
    cap = metrics.capHeight()
    roof = _roof_height(metrics) if indoor else 0.0
    centre_y = box.center().y() + roof / 2
    painter.setFont(font)
    painter.setPen(ink)
    width = metrics.horizontalAdvance(priority.value)
    painter.drawText(QPointF(box.center().x() - width / 2, centre_y + cap / 2), priority.value)
    if indoor:
        apex = centre_y - cap / 2 - roof - 1.5
        half = max(3.0, min(box.width() / 2 - 2.0, cap * 0.75))
        pen = QPen(ink, 1.4)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        cx = box.center().x()
        roof_line = [QPointF(cx - half, apex + roof), QPointF(cx, apex), QPointF(cx + half, apex + roof)]
        painter.drawPolyline(QPolygonF(roof_line))


# Session marks and day corners ------------------------------------------------------------


class MarkKind(Enum):
    HEAVY_WEIGHTS = "heavy weights"
    LIGHT_WEIGHTS = "light weights"
    HEAVY_PLYOMETRICS = "high-intensity plyometrics"
    LIGHT_PLYOMETRICS = "plyometrics"
    TEST = "test"


def stamp_size(size: int) -> tuple[int, int]:
    """The width and height of a session mark's picture whose symbol is ``size`` across: room
    for its outline and for the band drawn under it."""
    return size + 4, size + 6


def mark_stamp(kind: MarkKind, size: int, font: QFont, ratio: float) -> QPixmap:
    """One session mark as a small transparent picture (also drawn by the palette's key).

    Antialiased dots are costly to draw one by one; a stamp is drawn once and then copied,
    which keeps a whole plan's marks well under a millisecond.
    """
    pixmap = new_pixmap(*stamp_size(size), ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    box = QRectF(2, 3, size, size)
    weights = kind in (MarkKind.HEAVY_WEIGHTS, MarkKind.LIGHT_WEIGHTS, MarkKind.TEST)
    colour = WEIGHTS if weights else PLYOMETRICS
    heavy = kind in (MarkKind.HEAVY_WEIGHTS, MarkKind.HEAVY_PLYOMETRICS)
    if kind is MarkKind.TEST:
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(0, 0, size + 4, size + 6), Qt.AlignmentFlag.AlignCenter, "T")
    else:
        painter.setPen(Qt.PenStyle.NoPen if heavy else QPen(colour, 1.2))
        painter.setBrush(colour if heavy else BACKGROUND)
        inner = box if heavy else box.adjusted(0.6, 0.6, -0.6, -0.6)
        if weights:
            painter.drawRect(inner)
        else:
            painter.drawEllipse(inner)
    painter.end()
    return pixmap


def band_stamp(band: Band, plyometrics: bool, size: int, ratio: float) -> QPixmap:
    """A past session's mark: the session's shape (square weights, round plyometrics) in its
    band's colour, with the band's sign drawn in lines so it reads at a few pixels and
    without colour. The same canvas as ``mark_stamp``, so the two swap in place."""
    pixmap = new_pixmap(*stamp_size(size), ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    box = QRectF(2, 3, size, size)
    colour = BANDS[band].colour
    hollow = band in (Band.MISSED, Band.PENDING)
    if hollow:
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(BACKGROUND)
        inner = box.adjusted(0.6, 0.6, -0.6, -0.6)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        inner = box
    if plyometrics:
        painter.drawEllipse(inner)
    else:
        painter.drawRect(inner)
    _band_sign(painter, band, box, BACKGROUND if not hollow else colour)
    painter.end()
    return pixmap


def _band_sign(painter: QPainter, band: Band, box: QRectF, ink: QColor) -> None:
    def at(fx: float, fy: float) -> QPointF:
        return QPointF(box.left() + fx * box.width(), box.top() + fy * box.height())

    pen = QPen(ink, max(1.2, box.width() / 6))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if band is Band.GREEN:
        painter.drawPolyline(QPolygonF([at(0.2, 0.52), at(0.42, 0.74), at(0.8, 0.28)]))
    elif band is Band.YELLOW:
        painter.drawLine(at(0.24, 0.5), at(0.76, 0.5))
    elif band is Band.RED:
        painter.drawLine(at(0.5, 0.18), at(0.5, 0.56))
        painter.drawPoint(at(0.5, 0.8))
    elif band is Band.MISSED:
        # Corner to corner, past the outline: a cross reads where a colour does not.
        painter.drawLine(at(-0.05, -0.05), at(1.05, 1.05))
        painter.drawLine(at(-0.05, 1.05), at(1.05, -0.05))
    elif band is Band.PENDING:
        painter.drawPoint(at(0.5, 0.5))


def corner_size(cell: QRect) -> float:
    return max(4.0, min(7.0, cell.width() * 0.4, cell.height() * 0.35))


def paint_edited_corner(painter: QPainter, cell: QRectF) -> None:
    """The coach changed a session here: a small triangle in the top-left corner."""
    size = corner_size(cell.toRect())
    left, top = cell.left() + 1, cell.top() + 1
    painter.setBrush(EDITED)
    painter.drawPolygon(QPolygonF([QPointF(left, top), QPointF(left + size, top), QPointF(left, top + size)]))


def paint_note_corner(painter: QPainter, cell: QRectF) -> None:
    """A note about the day: a folded top-right corner."""
    size = corner_size(cell.toRect())
    right, top = cell.right(), cell.top() + 1
    painter.setBrush(NOTE)
    painter.drawPolygon(QPolygonF([QPointF(right - size, top), QPointF(right, top), QPointF(right, top + size)]))


def paint_frozen_edge(painter: QPainter, cell: QRectF) -> None:
    """A day kept as it was prescribed: a thin bar along the bottom of its cell."""
    painter.fillRect(QRectF(cell.left() + 2, cell.bottom() - 2, cell.width() - 3, 1.5), FROZEN_EDGE)


def paint_held_corner(painter: QPainter, cell: QRectF) -> None:
    """A kept day the plan would now prescribe differently: a bottom-left corner."""
    size = corner_size(cell.toRect())
    left, bottom = cell.left() + 1, cell.bottom()
    painter.setBrush(FROZEN)
    painter.drawPolygon(QPolygonF([QPointF(left, bottom), QPointF(left + size, bottom),
                                   QPointF(left, bottom - size)]))


def paint_locked_frame(painter: QPainter, rect: QRectF) -> None:
    """A locked week: a solid frame around its column."""
    painter.setPen(QPen(LOCKED, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(1, 1, -1, -1))
