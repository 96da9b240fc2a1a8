"""The load chart's axes draw what pyqtgraph's axis would draw: the same axis line, ticks and
labels, for every axis of the chart at many ranges and sizes (``QuietAxis.generateDrawSpecs``
works them out without pyqtgraph's general machinery)."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QPainter, QPen, QPicture
from pytestqt.qtbot import QtBot

from ui.chart.load_chart import LoadChart
from ui.chart.parts import BOTTOM_CLEARANCE, QuietAxis, ValueAxis
from ui.columns import WeekColumns
from ui.document import OpenSeason
from ui.preview import DragPreview
from ui.selection import Selection


def pen_key(pen: QPen) -> tuple[object, ...]:
    return pen.color().rgba(), pen.widthF(), pen.isCosmetic(), pen.style()


def specs(axis: QuietAxis, generate: object) -> tuple[object, ...] | None:
    picture = QPicture()
    painter = QPainter(picture)
    try:
        drawn = generate(axis, painter)  # type: ignore[operator]
    finally:
        painter.end()
    if drawn is None:
        return None
    (axis_pen, start, end), ticks, texts = drawn
    return (
        (pen_key(axis_pen), start.x(), start.y(), end.x(), end.y()),
        [(pen_key(pen), a.x(), a.y(), b.x(), b.y()) for pen, a, b in ticks],
        [(rect.getRect(), int(flags), text) for rect, flags, text in texts],
    )


@pytest.fixture
def chart(qtbot: QtBot, document: OpenSeason, selection: Selection) -> LoadChart:
    chart = LoadChart(document, selection, DragPreview(document, selection), WeekColumns())
    qtbot.addWidget(chart)
    chart.resize(1000, 260)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


@pytest.mark.parametrize("height", [260, 150, 420])
def test_every_axis_draws_what_pyqtgraphs_axis_draws(qtbot: QtBot, chart: LoadChart, height: int) -> None:
    chart.resize(1000, height)
    qtbot.wait(5)
    ranges = [(0.0, 1.0), (0.0, 380.196), (-12.5, 87.3), (0.0, 14_235.0), (10.0, 102.0), (-0.3, 48.7),
              (3.0, 3.0000001), (-250.0, -10.0), (0.0, 1e-3)]
    drawn = 0
    for axis in chart._axes():
        for low, high in ranges:
            axis.setRange(low, high)
            ours = specs(axis, QuietAxis.generateDrawSpecs)
            theirs = specs(axis, pg.AxisItem.generateDrawSpecs)
            assert ours == theirs, (axis.orientation, low, high)
            drawn += bool(ours and ours[2])
    assert drawn > 20  # labels were drawn and compared, not only empty axes


def test_the_month_axis_draws_its_months_as_pyqtgraph_would(chart: LoadChart) -> None:
    axis = chart.month_axis
    for low, high in ((-0.3, 48.7), (10.0, 20.0), (-5.0, 3.0)):
        axis.setRange(low, high)
        ours = specs(axis, QuietAxis.generateDrawSpecs)
        assert ours == specs(axis, pg.AxisItem.generateDrawSpecs)
    assert ours is not None and ours[2]


def test_the_value_axes_tick_where_pyqtgraph_would_less_the_lowest_label(chart: LoadChart) -> None:
    axes = [axis for axis in chart._axes() if isinstance(axis, ValueAxis)]
    compared = 0
    for axis in axes:
        for low, high in ((0.0, 1.0), (0.0, 380.196), (-12.5, 87.3), (0.0, 14_235.0), (87.3, -12.5),
                          (3.0, 3.0000001), (-250.0, -10.0), (0.0, 1e-3), (10.0, 102.0)):
            for size in (0.0, 37.5, 55.9, 111.2, 300.0):
                floor = low + (high - low) * BOTTOM_CLEARANCE / size if size > 0 else low
                expected = [(spacing, [v for v in values if v >= floor])
                            for spacing, values in pg.AxisItem.tickValues(axis, low, high, size)]
                assert axis.tickValues(low, high, size) == expected, (low, high, size)
                compared += sum(len(values) for _spacing, values in expected)
    assert compared > 100


def test_an_axis_bounds_are_pyqtgraphs_after_resizes_and_style_changes(qtbot: QtBot, chart: LoadChart) -> None:
    for height, tick_length in ((260, None), (180, -7), (330, None), (330, 4)):
        chart.resize(1000 + height, height)
        qtbot.wait(5)
        for axis in chart._axes():
            if tick_length is not None:
                axis.setStyle(tickLength=tick_length)
            assert axis.boundingRect() == pg.AxisItem.boundingRect(axis), (axis.orientation, height)
