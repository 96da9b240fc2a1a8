"""The load chart's pieces: the series and their looks, one plot with its layers, the hover text.

``ui.chart.load_chart`` puts them together and keeps them in step with the document, the
selection and the calendar.
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
import math
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from enum import Enum
from html import escape
from typing import ClassVar, NamedTuple

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsGridLayout,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsWidget,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyleOptionGraphicsItem,
    QToolButton,
    QWidget,
)

from planner.document.model import Priority, Season
from planner.engine.compliance import WeekCompliance
from planner.engine.metrics import TRACKED_LIFTS
from planner.engine.plan import PhaseKind, Plan
from ui import theme
from ui.chart.data import LIFT_NAMES, Floats, Marker, same_values
from ui.session_text import number, short_day
from ui.weeks import week_label

INNER_AXIS_WIDTH = 34
TICK_PITCH = 16  # pixels between two value labels, at least
BOTTOM_CLEARANCE = 6  # pixels above a plot's bottom edge without a value label
MONTH_AXIS_HEIGHT = 16
BAR_WIDTH = 0.62  # of a week column: the gaps keep neighbouring weeks apart
DONE_WIDTH = 0.36  # the done bar inside the outline of the planned one
RECORDED_STRIP = 0.06  # of the load plot's height: the strip under the days with recorded load
PHASE_ALPHA = 110  # phase bands stay behind the data, as in the calendar's band but fainter
GHOST_ALPHA = 170
# One pixel: Qt strokes wider lines several times slower, and a drag repaints every line on
# every hovered day.
LINE_WIDTH = 1.0
SELECTED_FILL = QColor(theme.SELECTED.red(), theme.SELECTED.green(), theme.SELECTED.blue(), 34)
PLANNED_LOAD_COLOUR = QColor("#DCDFE4")
DONE_VOLUME_COLOUR = theme.WEIGHTS.darker(135)
DONE_CONTACTS_COLOUR = theme.PLYOMETRICS.darker(130)
RECORDED_COLOUR = QColor("#CC79A7")
MUTED_LINE = QColor("#6B7280")
# Okabe-Ito hues, one per athlete in the squad view; past eight they repeat, dashed.
SQUAD_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
SQUAD_PREFIX = "relative_volume:"
GHOST_PREFIX = "before:"


class Plot(Enum):
    VOLUME = "volume"
    INTENSITY = "intensity"
    LOAD = "load"


class Scale(Enum):
    MAIN = "main"  # the left axis, in the calendar's gutter
    RIGHT = "right"  # an axis drawn inside the plot at its right edge


class Shape(Enum):
    BARS = "bars"
    LINE = "line"
    DONE = "done"  # what was done: bars inside the plan's outlines, strokes and a strip


class SeriesStyle(NamedTuple):
    key: str
    label: str
    tip: str
    colour: str
    shape: Shape
    plot: Plot
    scale: Scale
    short: str = ""  # the legend button's text, so every entry fits a laptop's width

    @property
    def button_text(self) -> str:
        return self.short or self.label


_LIFT_COLOURS = {"back_squat": "#CC79A7", "power_clean": "#8F6A00", "squat_jump": "#56B4E9"}
_LIFT_LABELS = {"back_squat": "Squat %", "power_clean": "Clean %", "squat_jump": "Jump %"}

SERIES: tuple[SeriesStyle, ...] = (
    SeriesStyle("volume_load", "Volume-load", "Weekly volume-load (reps x load), in tonnes; hatched in deload "
                "weeks", theme.WEIGHTS.name(), Shape.BARS, Plot.VOLUME, Scale.MAIN, "Volume"),
    SeriesStyle("done", "Done", "What was done in every week begun before today: the volume-load done filled "
                "inside the outline of the week's plan as it was; the contacts done as a stroke beside the planned "
                "line (on its weighted scale: at the line, as planned); and a strip under fitness, fatigue and form "
                "on the days whose load is the recorded effort x minutes (elsewhere the load is the plan's "
                "estimate)", DONE_VOLUME_COLOUR.name(), Shape.DONE, Plot.VOLUME, Scale.MAIN),
    SeriesStyle("weighted_contacts", "Weighted contacts", "Weekly plyometric contacts weighted by intensity "
                "(scale on the right)", theme.PLYOMETRICS.name(), Shape.LINE, Plot.VOLUME, Scale.RIGHT, "Contacts"),
    *(
        SeriesStyle(f"top_set:{lift}", _LIFT_LABELS[lift], f"The week's top set of {LIFT_NAMES[lift].lower()} "
                    "and its variants, in % of max", _LIFT_COLOURS[lift], Shape.LINE, Plot.INTENSITY, Scale.MAIN,
                    _LIFT_LABELS[lift].removesuffix(" %"))
        for lift in TRACKED_LIFTS
    ),
    SeriesStyle("planned_load", "Planned load (estimate)", "Weekly planned load, an estimate: estimated session "
                "RPE x minutes, gym and plyometrics only (scale on the right)", PLANNED_LOAD_COLOUR.name(),
                Shape.BARS, Plot.LOAD, Scale.RIGHT, "Load (est.)"),
    SeriesStyle("fitness", "Fitness", "Daily planned load averaged over 42 days: it describes the plan and "
                "predicts nothing", "#0072B2", Shape.LINE, Plot.LOAD, Scale.MAIN),
    SeriesStyle("fatigue", "Fatigue", "Daily planned load averaged over 7 days: it describes the plan and "
                "predicts nothing", "#D55E00", Shape.LINE, Plot.LOAD, Scale.MAIN),
    SeriesStyle("form", "Form", "Yesterday's fitness minus yesterday's fatigue: it rises as a taper sheds "
                "fatigue", "#1F2328", Shape.LINE, Plot.LOAD, Scale.MAIN),
)
STYLES = {style.key: style for style in SERIES}
# The items that draw what was done, all switched with the one "done" legend entry.
DONE_PARTS = ("done_volume", "done_contacts", "load_recorded")


def make_pen(colour: str | QColor, width: float, dash: Qt.PenStyle = Qt.PenStyle.SolidLine,
             alpha: int = 255) -> QPen:
    pen_colour = QColor(colour)
    pen_colour.setAlpha(alpha)
    # Cosmetic: the width is in pixels whatever the view's scale. One pixel is written as
    # width 0, which Qt draws as one pixel too but bounds without outlining the whole path.
    pen = QPen(pen_colour, 0.0 if width == 1 else width, dash)
    pen.setCosmetic(True)
    return pen


def _phase_brush(kind: PhaseKind) -> QBrush:
    colour = QColor(theme.PHASE_FILL[kind])
    colour.setAlpha(PHASE_ALPHA)
    return QBrush(colour)


PHASE_BRUSHES = {kind: _phase_brush(kind) for kind in PhaseKind}


def swatch(colour: str, shape: Shape, dash: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QIcon:
    """The legend mark of a series: a block for bars, a stroke for lines; grey while switched off."""
    icon = QIcon()
    for state, ink in ((QIcon.State.On, QColor(colour)), (QIcon.State.Off, QColor("#C4C8CE"))):
        pixmap = QPixmap(16, 10)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        if shape is Shape.BARS:
            painter.fillRect(QRectF(3, 1, 10, 8), ink)
        elif shape is Shape.DONE:
            # The plan's outline with the done bar in it, over the recorded-load strip.
            strip = RECORDED_COLOUR if state is QIcon.State.On else ink
            painter.setPen(QPen(theme.WEIGHTS if state is QIcon.State.On else ink, 1.0))
            painter.drawRect(QRectF(2.5, 0.5, 11, 7))
            painter.fillRect(QRectF(5, 3, 6, 5), ink)
            painter.fillRect(QRectF(1, 8.5, 14, 1.5), strip)
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(ink, 2.0, dash))
            painter.drawLine(QPointF(1, 5), QPointF(15, 5))
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon


# Axes and plots -----------------------------------------------------------------------------


class QuietAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """An axis without a title.

    pyqtgraph works out an SI prefix for an axis's title, and typesets the title as HTML, on
    every change of the axis's range, shown or not: for the chart's six untitled axes that was
    a good part of building the chart, and of every y range a preview changes. Without a title
    there is no prefix to put in it, so the prefix is off and the values keep their scale of 1.
    """

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)


class ValueAxis(QuietAxis):
    """A y axis whose tick labels carry their unit compactly ("5 t", "80%")."""

    def __init__(self, orientation: str, formatter: Callable[[float], str]) -> None:
        super().__init__(orientation)
        self.formatter = formatter

    def set_formatter(self, formatter: Callable[[float], str]) -> None:
        if formatter is not self.formatter:
            self.formatter = formatter
            self.picture = None  # pyqtgraph caches the drawn axis until the range changes
            self.update()

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        """Round steps, and no more labels than fit: the plots are only a few dozen pixels tall."""
        span = maxVal - minVal
        if span <= 0 or size <= 0:
            return []
        most = max(1, int(size // TICK_PITCH))
        raw = span / most
        power = 10 ** math.floor(math.log10(raw))
        step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
        return [(step, 0.0)]

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        # A label at the very bottom would run into the top label of the plot underneath.
        floor = minVal + (maxVal - minVal) * BOTTOM_CLEARANCE / size if size > 0 else minVal
        levels = super().tickValues(minVal, maxVal, size)
        return [(spacing, [v for v in values if v >= floor]) for spacing, values in levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self.formatter(value * scale) for value in values]


def tonnes(kg: float) -> str:
    return f"{number(kg / 1000)} t"


def plain(value: float) -> str:
    return number(value)


def percent(value: float) -> str:
    return f"{number(value)}%"


def style_axis(axis: pg.AxisItem, font: QFont, text: QColor, tick_length: int = -3) -> None:
    axis.setTickFont(font)
    axis.setStyle(tickTextOffset=2, tickLength=tick_length)
    axis.setTextPen(text)
    axis.setPen(theme.GRID.darker(120))


class Panel:
    """One plot: its main view (left axis), a view for a second scale, and two layers.

    ``right`` is a second view for the series whose scale is drawn inside the plot at its
    right edge (plots without such series have none). ``back`` and ``front`` are plain item
    groups whose y runs 0..1 over the plot's height (a transform follows the y range): behind
    the data, the phases, tapers, deloads and the selected week; over everything, the
    competitions and the hover line. Groups rather than pyqtgraph views: the view is repainted
    on every previewed day, and each pyqtgraph view costs calls into Python to theme.
    """

    def __init__(self, grid: pg.GraphicsLayout, row: int, font: QFont, left: Callable[[float], str],
                 right: Callable[[float], str] | None = None, right_colour: QColor | None = None,
                 bottom: pg.AxisItem | None = None) -> None:
        self.left_axis = ValueAxis("left", left)
        # A plain layout of axis and view rather than a pyqtgraph PlotItem: the chart uses none
        # of a PlotItem's menus, buttons or spare axes, and building three of them was a good
        # part of the window's start-up. A Qt grid rather than a pyqtgraph GraphicsLayout too,
        # which lays itself out again after every item added and answers Qt's calls for its
        # bounds in Python on every paint.
        self.plot = plot = QGraphicsWidget()
        plot.setSizePolicy(QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding))
        cells = QGraphicsGridLayout(plot)
        cells.setContentsMargins(0, 0, 0, 0)
        cells.setSpacing(0)
        self.main = pg.ViewBox(enableMenu=False)
        self.main.setMouseEnabled(x=False, y=False)
        cells.addItem(self.left_axis, 0, 0)
        cells.addItem(self.main, 0, 1)
        cells.setColumnStretchFactor(1, 100)
        self.left_axis.linkToView(self.main)
        if bottom is not None:
            cells.addItem(bottom, 1, 1)
            bottom.linkToView(self.main)
        grid.addItem(plot, row=row, col=0)
        self.main.disableAutoRange()
        # The left axis takes exactly the calendar's weekday gutter, so the plot starts where
        # the calendar's first column does.
        self.left_axis.setWidth(theme.GUTTER)
        style_axis(self.left_axis, font, theme.HEADER_TEXT)

        self.right: pg.ViewBox | None = None
        self.inner_axis: ValueAxis | None = None
        if right is not None:
            self.right = pg.ViewBox(enableMenu=False)
            self.right.setParentItem(self.main)
            self.right.setZValue(50)
            self.right.setMouseEnabled(x=False, y=False)
            self.right.disableAutoRange()
            self.inner_axis = ValueAxis("left", right)
            self.inner_axis.setParentItem(self.main)
            self.inner_axis.setZValue(110)
            self.inner_axis.linkToView(self.right)
            style_axis(self.inner_axis, font, right_colour or theme.HEADER_TEXT)
            self.inner_axis.setStyle(autoExpandTextSpace=False)
            self.main.sigResized.connect(self._fit)
        self.back = self._layer(self.main, -100)
        self.front = self._layer(self.right or self.main, 100)
        self._y_ranges: dict[int, tuple[float, float]] = {}

    @staticmethod
    def _layer(view: pg.ViewBox, z: float) -> QGraphicsRectItem:
        layer = QGraphicsRectItem()
        layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        layer.setParentItem(view.childGroup)
        layer.setZValue(z)
        return layer

    def views(self) -> tuple[pg.ViewBox, ...]:
        return (self.main,) if self.right is None else (self.main, self.right)

    def set_shown(self, shown: bool) -> None:
        """Show the plot, or fold it away so that the other plots share its height."""
        if shown == self.plot.isVisible():
            return
        self.plot.setVisible(shown)
        # A hidden item keeps its space in a graphics layout unless its height is pinned to
        # nothing; -1 gives the layout back its own sizes.
        self.plot.setMinimumHeight(-1 if shown else 0)
        self.plot.setMaximumHeight(-1 if shown else 0)

    def _fit(self, *_args: object) -> None:
        rect = self.main.rect()
        if self.right is not None and self.inner_axis is not None:
            self.right.setGeometry(rect)
            self.inner_axis.setGeometry(QRectF(rect.right() - INNER_AXIS_WIDTH, rect.top(), INNER_AXIS_WIDTH,
                                               rect.height()))

    def set_y(self, view: pg.ViewBox, low: float, high: float) -> None:
        """Only when it changes: a new range redraws the axes, which a preview should not pay for."""
        if high <= low:
            high = low + 1.0
        key = id(view)
        if self._y_ranges.get(key) == (low, high):
            return
        self._y_ranges[key] = (low, high)
        view.setYRange(low, high, padding=0)
        # The layers' 0..1 spans the view's height.
        unit = QTransform(1.0, 0.0, 0.0, high - low, 0.0, low)
        for layer in (self.back, self.front):
            if layer.parentItem() is view.childGroup:
                layer.setTransform(unit)
        view.updateMatrix()

    def set_x(self, low: float, high: float) -> None:
        for view in self.views():
            view.setXRange(low, high, padding=0)
            # Now rather than when the view paints, as pyqtgraph would: set during a paint, the
            # new transform marks every item changed and the chart paints a second time.
            view.updateMatrix()

    def contains(self, scene_pos: QPointF) -> bool:
        return self.plot.isVisible() and bool(self.main.sceneBoundingRect().contains(scene_pos))


def hatch(painter: QPainter, rect: QRectF, colour: QColor, spacing: float = 6.0) -> None:
    """The calendar's hatching as lines, for devices without pattern brushes (SVG).

    The lines rise at 45 degrees on the device, ``spacing`` pixels apart, and are cut to the
    rectangle here rather than by a clip, which SVG generators do not all keep.
    """
    area = painter.transform().mapRect(rect)
    left, right, top, bottom = area.left(), area.right(), area.top(), area.bottom()
    height = bottom - top
    if height <= 0 or right <= left:
        return
    lines: list[QLineF] = []
    start = left - height
    while start < right:
        # The line from (start, bottom) to (start + height, top), cut to left <= x <= right.
        first, last = max(0.0, left - start), min(height, right - start)
        if first < last:
            lines.append(QLineF(start + first, bottom - first, start + last, bottom - last))
        start += spacing
    painter.save()
    painter.resetTransform()
    painter.setPen(QPen(colour, 1.0))
    painter.drawLines(lines)
    painter.restore()


# Data items ---------------------------------------------------------------------------------


def _padded(rect: QRectF) -> QRectF:
    # A flat line has a rectangle of no height, which the view would skip as empty.
    pad = max(rect.height() * 0.01, 1e-6)
    return rect.adjusted(0, -pad, 0, pad)


class Curve(QGraphicsPathItem):
    """A line through (x, y) with gaps where y is NaN, in a pyqtgraph view.

    What ``PlotCurveItem`` draws, without its per-repaint bookkeeping: the preview repaints
    every curve on every hovered day, so the path is made once per ``set_values`` and Qt
    draws and bounds it without calling back into Python. ``step`` draws a step line over
    bars, x holding the n + 1 edges. (``set_values`` and ``values`` rather than pyqtgraph's
    ``setData``, a name ``QGraphicsItem`` already has.)
    """

    def __init__(self, pen: QPen, *, step: bool = False) -> None:
        super().__init__()
        self.setPen(pen)
        self._step = step
        self._x: Floats = np.zeros(0)
        self._y: Floats = np.zeros(0)

    def set_values(self, x: Floats, y: Floats) -> None:
        self._x, self._y = x, y
        if not y.size:
            self.setPath(QPainterPath())
            return
        px, py = (np.repeat(x, 2)[1:-1], np.repeat(y, 2)) if self._step else (x, y)
        # Gaps only where there are NaN (weeks without a lift); the plain form is quicker.
        finite = bool(np.isfinite(py).all())
        path: QPainterPath = pg.arrayToQPath(px, py, connect="all" if finite else "finite", finiteCheck=not finite)
        # A flat line has bounds of no height, which the view skips as empty: a final move
        # (which draws nothing) just above it gives them some.
        bounds = path.controlPointRect()
        path.moveTo(bounds.left(), bounds.bottom() + max(bounds.height() * 0.01, 1e-6))
        self.setPath(path)

    def values(self) -> tuple[Floats, Floats]:
        return self._x, self._y


class Level(Curve):
    """A level line through a whole plot at y = 0 (the plot clips it to its width).

    pyqtgraph's InfiniteLine works out its ends and bounds from the view in Python on every
    paint, and changed its bounds during the chart's first paint, which painted it twice.
    """

    # Wider than any season, whichever week the calendar has scrolled to.
    EXTENT = 1e4

    def __init__(self, pen: QPen) -> None:
        super().__init__(pen)
        self.set_values(np.array([-self.EXTENT, self.EXTENT]), np.zeros(2))


class Ticks(QGraphicsPathItem):
    """A short level stroke per x, ``width`` wide, at each finite y (none where y is NaN)."""

    def __init__(self, pen: QPen, width: float) -> None:
        super().__init__()
        self.setPen(pen)
        self._width = width
        self._x: Floats = np.zeros(0)
        self._y: Floats = np.zeros(0)

    def set_values(self, x: Floats, y: Floats) -> None:
        self._x, self._y = x, y
        path = QPainterPath()
        half = self._width / 2
        for centre, level in zip(x.tolist(), y.tolist(), strict=True):
            if math.isfinite(level):
                path.moveTo(centre - half, level)
                path.lineTo(centre + half, level)
        self.setPath(path)

    def values(self) -> tuple[Floats, Floats]:
        return self._x, self._y


class Bars(QGraphicsItem):
    """Bars centred on x, from 0 up to each height; the marked ones (deload weeks) hatched, the
    hollow ones (the plan of a week already begun, with what was done inside it) outlined."""

    def __init__(self, width: float, pen: QPen | None, brush: QBrush, marked_brush: QBrush | None = None) -> None:
        super().__init__()
        self._width = width
        self._pen = pen
        self._brush = brush
        self._marked_brush = marked_brush or brush
        self._x: Floats = np.zeros(0)
        self._heights: Floats = np.zeros(0)
        self._rects: list[QRectF] = []  # one a bar, in the order of x
        self._flags: tuple[NDArray[np.bool_], NDArray[np.bool_]] = (np.zeros(0, dtype=bool), np.zeros(0, dtype=bool))
        self._plain: list[QRectF] = []
        self._marked: list[QRectF] = []
        self._hollow: list[QRectF] = []
        self._bounds = QRectF()
        self.drawn_hatch = False  # hatching as lines (for SVG, which has no pattern brushes)

    def set_values(self, x: Floats, heights: Floats, marked: NDArray[np.bool_] | None = None,
                   hollow: NDArray[np.bool_] | None = None) -> None:
        width = self._width
        marked = np.zeros(x.size, dtype=bool) if marked is None else marked
        hollow = np.zeros(x.size, dtype=bool) if hollow is None else hollow
        if (self._rects and same_values(x, self._x) and same_values(marked, self._flags[0])
                and same_values(hollow, self._flags[1])):
            # The same weeks drawn the same way: a drag changes the heights of the weeks after
            # the moved competition only, and only those rectangles change.
            changed = np.flatnonzero(heights != self._heights)
            rects = self._rects
            for i, height in zip(changed.tolist(), heights[changed].tolist(), strict=True):
                rects[i].setHeight(height)
        else:
            flags, outlined = marked.tolist(), hollow.tolist()
            # Rectangles drawn with drawRects: Qt fills them far faster than the same bars as a path.
            self._rects = rects = [QRectF(left, 0.0, width, height) for left, height in
                                   zip((x - width / 2).tolist(), heights.tolist(), strict=True)]
            # A hatched bar is light already: hatched it stays, begun or not. The lists share
            # the rectangles, so a changed height reaches them all.
            self._plain = [r for r, flag, out in zip(rects, flags, outlined, strict=True) if not flag and not out]
            self._hollow = [r for r, flag, out in zip(rects, flags, outlined, strict=True) if not flag and out]
            self._marked = [rect for rect, flag in zip(rects, flags, strict=True) if flag]
            self._flags = (marked, hollow)
        self._x, self._heights = x, heights
        bounds = QRectF()
        if x.size:
            bounds = _padded(QRectF(float(x.min()) - width / 2, 0.0, float(x.max() - x.min()) + width,
                                    float(heights.max())))
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def values(self) -> tuple[Floats, Floats]:
        return self._x, self._heights

    def marked(self) -> list[float]:
        """The x of every hatched bar."""
        return [rect.center().x() for rect in self._marked]

    def hollow(self) -> list[float]:
        """The x of every outlined bar."""
        return [rect.center().x() for rect in self._hollow]

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self._pen if self._pen is not None else Qt.PenStyle.NoPen)
        painter.setBrush(self._brush)
        painter.drawRects(self._plain)
        if self._hollow:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._hollow)
        if self.drawn_hatch and self._marked_brush.style() == Qt.BrushStyle.BDiagPattern:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._marked)
            for rect in self._marked:
                hatch(painter, rect, self._marked_brush.color())
        else:
            painter.setBrush(self._marked_brush)
            painter.drawRects(self._marked)


# Behind and in front of the data -----------------------------------------------------------


Fills = list[tuple[QBrush, list[QRectF]]]


class Backdrop(QGraphicsItem):
    """Everything behind one plot's data, drawn by one item in a layer whose y runs 0..1.

    Phases, tapers, deload weeks and the selected week are a few dozen rectangles; as
    pyqtgraph items they cost more to bound and to walk through than to draw, and the preview
    redraws them on every hovered day.
    """

    LAYERS = ("phases", "taper", "deload", "week", "day", "recorded")
    # Layers drawn as a strip along the bottom of the plot, by their share of its height.
    STRIPS: ClassVar[dict[str, float]] = {"recorded": RECORDED_STRIP}

    def __init__(self, outline: QPen) -> None:
        super().__init__()
        self._spans: dict[str, list[tuple[float, float, QBrush]]] = {name: [] for name in self.LAYERS}
        # The rectangles each layer fills, by brush, made when its spans change rather than on
        # every paint.
        self._fills: dict[str, Fills] = {name: [] for name in self.LAYERS}
        self._extents: dict[str, tuple[float, float]] = {}  # the lowest and highest x of each layer
        self._outline = outline
        self._bounds = QRectF()
        self.drawn_hatch = False  # hatching as lines (for SVG, which has no pattern brushes)
        # An export draws smoothed: span by span, in order (see ``paint``).
        self.exporting = False

    def spans(self, layer: str) -> list[tuple[float, float, QBrush]]:
        return list(self._spans[layer])

    @classmethod
    def fills(cls, layer: str, spans: list[tuple[float, float, QBrush]]) -> Fills:
        """The rectangles of a layer's spans, grouped by brush: the spans of a layer never
        overlap, so one drawRects call a brush paints what one fillRect a span did. The three
        plots' backdrops can share them (``set_spans``)."""
        height = cls.STRIPS.get(layer, 1.0)
        groups: dict[int, tuple[QBrush, list[QRectF]]] = {}
        for x0, x1, brush in spans:
            groups.setdefault(id(brush), (brush, []))[1].append(QRectF(x0, 0.0, x1 - x0, height))
        return list(groups.values())

    def set_spans(self, layer: str, spans: list[tuple[float, float, QBrush]], fills: Fills | None = None) -> None:
        """``fills`` are ``Backdrop.fills(layer, spans)`` when the caller has them already, and
        has found the spans changed."""
        if fills is None and spans == self._spans[layer]:
            return
        self._spans[layer] = spans
        self._fills[layer] = self.fills(layer, spans) if fills is None else fills
        if spans:
            edges = [x for x0, x1, _brush in spans for x in (x0, x1)]
            self._extents[layer] = (min(edges), max(edges))
        else:
            self._extents.pop(layer, None)
        extents = self._extents.values()
        if extents:
            low, high = min(low for low, _high in extents), max(high for _low, high in extents)
            bounds = QRectF(low, 0.0, high - low, 1.0)
        else:
            bounds = QRectF()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.exporting:
            # Smoothed (the exports), two neighbouring spans share the pixel at their edge, and
            # its shade depends on which is drawn first: span by span, in order.
            for layer in self.LAYERS:
                height = self.STRIPS.get(layer, 1.0)
                for x0, x1, brush in self._spans[layer]:
                    rect = QRectF(x0, 0.0, x1 - x0, height)
                    if self.drawn_hatch and brush.style() == Qt.BrushStyle.BDiagPattern:
                        hatch(painter, rect, brush.color())
                    else:
                        painter.fillRect(rect, brush)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            for layer in self.LAYERS:
                for brush, rects in self._fills[layer]:
                    painter.setBrush(brush)
                    painter.drawRects(rects)
        for x0, x1, _brush in self._spans["week"]:
            painter.setPen(self._outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x0, 0.0, x1 - x0, 1.0))


class Rules(QGraphicsItem):
    """Vertical lines through a plot (the competitions, the hover line), one item in a 0..1 layer."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[tuple[float, QPen]] = []
        self._runs: list[tuple[QPen, list[QLineF]]] = []
        self._bounds = QRectF()

    def lines(self) -> list[tuple[float, QPen]]:
        return list(self._lines)

    @staticmethod
    def runs_of(lines: list[tuple[float, QPen]]) -> list[tuple[QPen, list[QLineF]]]:
        """Lines drawn with the same pen one after another, to go in one call, in the same order."""
        runs: list[tuple[QPen, list[QLineF]]] = []
        for x, pen in lines:
            if not runs or runs[-1][0] is not pen:
                runs.append((pen, []))
            runs[-1][1].append(QLineF(x, 0.0, x, 1.0))
        return runs

    def set_lines(self, lines: list[tuple[float, QPen]], runs: list[tuple[QPen, list[QLineF]]] | None = None) -> None:
        """``runs`` are ``Rules.runs_of(lines)`` when the caller has them already, and has found
        the lines changed (the three plots' competition lines are the same)."""
        if runs is None and lines == self._lines:
            return
        xs = [x for x, _pen in lines]
        bounds = QRectF(min(xs), 0.0, max(xs) - min(xs), 1.0) if xs else QRectF()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._lines = lines
        self._runs = self.runs_of(lines) if runs is None else runs
        self.update()

    def boundingRect(self) -> QRectF:
        # A zero-width rectangle would hold a single line but paint nothing: widen it a little.
        return QRectF(self._bounds).adjusted(-0.05, 0, 0.05, 0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for pen, lines in self._runs:
            painter.setPen(pen)
            painter.drawLines(lines)


CHIP_SIZE = (13, 15)


def chip_pixmap(priority: Priority, indoor: bool, font: QFont, ratio: float) -> QPixmap:
    """The calendar's competition chip (priority colour, letter, a roof when indoor), small."""
    width, height = CHIP_SIZE
    pixmap = theme.new_pixmap(width, height, ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    theme.paint_chip(painter, QRectF(0, 0, width, height), priority, indoor, font)
    painter.end()
    return pixmap


class Chip(QGraphicsPixmapItem):
    """A competition's chip at the top of a plot: a picture that keeps its size whatever the scale."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setOffset(-CHIP_SIZE[0] / 2, 1)
        self.shown: Marker | None = None


# Hover text ---------------------------------------------------------------------------------


# Form is computed before the day's load is added (planner.engine.metrics), so it is not the
# difference of the fitness and fatigue printed beside it: say so where the numbers stand.
FORM_MEANING = "fitness − fatigue as of the day before"


def hover_html(plan: Plan, day: date, season: Season, squad: Iterable[Plan] = (),
               done: WeekCompliance | None = None, *, running: bool = False) -> str:
    """The exact values of the week and the day under the mouse, as the engine computed them,
    and for a week begun before today, what was done in it (``done``)."""
    week_start = season.week_of(day)
    week = next((w for w in plan.weeks if w.start == week_start), None)
    record = plan.day(day)
    heading = f"<b>{escape(week_label(week_start, season))}</b>"
    phase = plan.phase_on(day)
    if phase is not None:
        heading += f" · {escape(phase.name)}"
    if week is not None and week.deload:
        heading += " · deload week"
    lines = [heading]
    for other in squad:
        other_week = next((w for w in other.weeks if w.start == week_start), None)
        if other_week is not None:
            lines.append(f"{escape(other.athlete.name)}: relative volume {number(other_week.relative_volume)}")
    if week is not None:
        lines.append(f"Volume-load {number(week.volume_load_kg)} kg · relative volume "
                     f"{number(week.relative_volume)} · weighted contacts {number(week.weighted_contacts)} "
                     f"({week.contacts} contacts)")
        if week.top_set_pct:
            tops = ", ".join(f"{LIFT_NAMES.get(lift, lift).lower()} {number(pct)} %"
                             for lift, pct in sorted(week.top_set_pct.items()))
            lines.append(f"Top sets: {escape(tops)}")
        lines.append(f"Planned load {number(week.planned_load)} for the week (an estimate)")
    if done is not None:
        lines.append(done_html(done, running=running))
    if record is not None:
        m = record.metrics
        load = "recorded load" if m.load_recorded else "planned load"
        lines.append(f"<b>{escape(short_day(day))}</b>: {load} {number(m.planned_load)} · fitness "
                     f"{number(m.fitness)} · fatigue {number(m.fatigue)} · form {number(m.form)} ({FORM_MEANING})"
                     + (" · taper" if record.taper_for is not None else ""))
    week_end = week_start + timedelta(days=6)
    for competition in plan.competitions:
        if competition.start <= week_end and competition.end >= week_start:
            lines.append(f"{competition.priority.value}: {escape(competition.name)} "
                         f"({escape(short_day(competition.start))})")
    return "<br>".join(lines)


def done_html(done: WeekCompliance, *, running: bool = False) -> str:
    """"Done: 2740 of 3345 kg volume-load (82 %) · 0 of 76 contacts · sessions: 1 done, …";
    "Done so far" in the ``running`` week, the one holding today."""
    look = theme.BANDS.get(done.band)
    sign = f"<span style='color:{look.colour.name()}'><b>{escape(look.sign)}</b></span> " if look else ""
    parts = [f"{number(round(done.done_volume_kg, 1))} of {number(round(done.planned_volume_kg, 1))} kg "
             f"volume-load{_share(done.done_volume_kg, done.planned_volume_kg)}"]
    if done.planned_contacts or done.done_contacts:
        parts.append(f"{number(round(done.done_contacts, 1))} of {done.planned_contacts} contacts"
                     f"{_share(done.done_contacts, done.planned_contacts)}")
    sessions = [f"{done.sessions_done} done"]
    if done.sessions_partly:
        sessions.append(f"{done.sessions_partly} partly")
    if done.sessions_missed:
        sessions.append(f"{done.sessions_missed} missed")
    parts.append(f"sessions: {', '.join(sessions)} of {done.sessions_planned}")
    word = f" ({escape(look.word)}: {escape(look.meaning)})" if look else ""
    return f"{sign}{'Done so far' if running else 'Done'}: {' · '.join(parts)}{word}"


def _share(done: float, planned: float) -> str:
    return f" ({round(done / planned * 100)} %)" if planned > 0 else ""


# The legend ---------------------------------------------------------------------------------


class _FlowLayout(QLayout):
    """Items left to right, wrapping to a new line only when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class _LegendButton(QToolButton):
    """A legend entry: its swatch and short name, no wider than they need."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        text = self.fontMetrics().horizontalAdvance(self.text())
        icon = self.iconSize().width() + 5 if not self.icon().isNull() else 0
        return QSize(min(hint.width(), text + icon + 10), hint.height())


class LegendBar(QWidget):
    """The chart's legend: one checkable button per series, wrapping onto a second line when
    the chart is too narrow for one (a toolbar would hide the last entries in an overflow menu)."""

    def __init__(self, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(font)
        self._flow = _FlowLayout(self)
        self._buttons: dict[int, QToolButton] = {}
        self._icon_size = QSize(16, 10)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def clear(self) -> None:
        for action in self.actions():
            self.removeAction(action)
            if action.isSeparator() and action.parent() is self:
                action.deleteLater()
        while (item := self._flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._buttons.clear()

    def add_action(self, action: QAction) -> QToolButton:
        button = _LegendButton(self)
        button.setDefaultAction(action)
        button.setIconSize(self._icon_size)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        self.addAction(action)
        self._buttons[id(action)] = button
        self.add_widget(button)
        return button

    def add_separator(self) -> None:
        # A separator action too, as a toolbar has: ``actions()`` lists what the legend shows.
        separator = QAction(self)
        separator.setSeparator(True)
        self.addAction(separator)
        gap = QWidget(self)
        gap.setFixedSize(6, 4)
        self.add_widget(gap)

    def add_widget(self, widget: QWidget) -> None:
        self._flow.addWidget(widget)
        widget.show()

    def widgetForAction(self, action: QAction) -> QToolButton | None:
        return self._buttons.get(id(action))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._flow.heightForWidth(width)

    def sizeHint(self) -> QSize:
        return QSize(self.width() or 600, self.heightForWidth(self.width() or 600))
