"""What the load chart draws, read from its plot items: the values the tests assert on."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QAction, QColor, QPen

from ui.chart.load_chart import LoadChart
from ui.chart.parts import Curve

Floats = NDArray[np.float64]


def series_data(chart: LoadChart, name: str) -> tuple[Floats, Floats]:
    """(x, y) of a series, or (x, height) for bars; see ``LoadChart.item`` for the names."""
    x, y = chart.item(name).values()
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def is_series_visible(chart: LoadChart, name: str) -> bool:
    return bool(chart.item(name).isVisible())


def series_pen(chart: LoadChart, name: str) -> QPen:
    item = chart.item(name)
    assert isinstance(item, Curve), f"{name} is not drawn as a line"
    return QPen(item.pen())


def series_action(chart: LoadChart, name: str) -> QAction:
    """The legend entry that switches a series (or, in the squad view, an athlete) on and off."""
    action = chart.findChild(QAction, f"loadChartSeries:{name}")
    assert action is not None, name
    return action


def spans(chart: LoadChart, kind: str) -> list[tuple[float, float]]:
    return [(x0, x1) for x0, x1, _brush in chart.backdrops[0].spans(kind)]


def phase_bands(chart: LoadChart) -> list[tuple[float, float, QColor]]:
    return [(x0, x1, brush.color()) for x0, x1, brush in chart.backdrops[0].spans("phases")]


def hatched_weeks(chart: LoadChart) -> list[float]:
    """The x of every volume-load bar drawn hatched (the deload weeks)."""
    marked: list[float] = chart.item("volume_load").marked()
    return marked


def competition_markers(chart: LoadChart) -> list[tuple[float, QColor, str]]:
    """The competitions shown, as their lines and chips hold them: (x, line colour, chip tooltip)."""
    lines = chart.rules[0].lines()
    chips = [chip for chip in chart.chips if chip.isVisible()]
    return [(x, pen.color(), chip.toolTip()) for (x, pen), chip in zip(lines, chips, strict=True)]


def hover_x(chart: LoadChart) -> float | None:
    line = chart.hover_lines[0]
    return line.lines()[0][0] if line.isVisible() and line.lines() else None


def highlighted_week(chart: LoadChart) -> tuple[float, float] | None:
    week = spans(chart, "week")
    return week[0] if week else None


