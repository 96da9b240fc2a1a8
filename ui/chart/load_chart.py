"""The load chart: the shape of the season under the calendar, week column for week column.

Three plots share the calendar's time axis, one question each, so that no plot needs more
than one scale beside the calendar's gutter:

* volume: volume-load per week as bars (tonnes; hatched in deload weeks) and the plyometric
  weighted contacts as a line (their scale inside the plot, on the right); in every week
  begun before today the planned bar is an outline with the volume-load done filled inside
  it, and the contacts done are a short stroke beside the planned line;
* intensity: the week's top set of each main lift, in % of max;
* load: fitness, fatigue and form, and the weekly planned load as faint bars (scale on the
  right). The planned load is an estimate (estimated session RPE x minutes, gym and
  plyometrics only) and the chart says so; a strip under the curves marks the days whose load
  is the recorded effort x minutes instead.

Behind the plots are the phases, the deload weeks and the tapers; in front, the
competitions the athlete is entered in. The squad view replaces the volume plot with every
athlete's weekly relative volume (reps x % of max), so heavier athletes do not dominate as
they would in volume-load.

The calendar owns the time axis: the chart never pans or zooms by itself. It follows the
week columns (``ui.columns``) whenever they move, so each week's values sit under that
week's column, and the wheel over the chart scrolls them. During a drag the chart shows the
previewed plan (``ui.preview``), with the plan before the drag as faint lines.
The preview runs on every hovered day, within the frame the calendar and the engine leave
(``tests/benchmarks/bench_preview_chart.py``): the items are made once and given new values,
only the series that changed are touched, the y scales are computed here rather than by
autoRange, and the data are drawn by lean items of ``ui.chart.parts``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QImageWriter,
    QPainter,
    QPixmap,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QMenu,
    QStyle,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.document.atomic import write_atomically
from planner.document.changes import Changes
from planner.document.model import Priority
from planner.engine.metrics import TRACKED_LIFTS
from planner.engine.plan import Plan
from ui import theme
from ui.chart.data import (
    DoneSeries,
    Floats,
    PlanSeries,
    TimeAxis,
    begun_weeks,
    done_series,
    finite_max,
    finite_min,
    plan_series,
    same_values,
)
from ui.chart.parts import (
    BAR_WIDTH,
    DONE_CONTACTS_COLOUR,
    DONE_PARTS,
    DONE_WIDTH,
    GHOST_ALPHA,
    GHOST_PREFIX,
    LINE_WIDTH,
    MONTH_AXIS_HEIGHT,
    MUTED_LINE,
    PHASE_BRUSHES,
    RECORDED_COLOUR,
    SELECTED_FILL,
    SERIES,
    SQUAD_COLOURS,
    SQUAD_PREFIX,
    STYLES,
    Backdrop,
    Bars,
    Chip,
    Curve,
    LegendBar,
    Level,
    Panel,
    Plot,
    QuietAxis,
    Rules,
    Scale,
    SeriesStyle,
    Shape,
    Ticks,
    chip_pixmap,
    hover_html,
    make_pen,
    percent,
    plain,
    style_axis,
    swatch,
    tonnes,
)
from ui.columns import WeekColumns
from ui.document import OpenSeason
from ui.preview import DragPreview
from ui.selection import Selection
from ui.session_text import literal_html, mnemonic_safe

EXPORT_SCALE = 2.0
_LIFT_KEYS = tuple(f"top_set:{lift}" for lift in TRACKED_LIFTS)
SQUAD_GHOST = "relative_volume"  # the selected athlete's squad line before the drag: before:relative_volume
# The faint planned-load bars get no pre-drag outline: it would hide the form line that the
# coach watches during a drag.
# What was done is the document's, not the plan's: a drag leaves it as it is.
_NO_GHOST = ("planned_load", "done")


class _ChartView(pg.GraphicsLayoutWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """The graphics view: the wheel scrolls the weeks, leaving ends the hover, right-click exports."""

    def __init__(self, chart: LoadChart) -> None:
        super().__init__(parent=chart)
        self._chart = chart

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._chart.columns.scroll(event)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._chart.end_hover()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._chart.context_menu().exec(event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        # Qt's scene redraws every widget item when the window is activated or deactivated, for
        # looks that follow the window's state. The chart's colours are its own, and the scene
        # marked its items changed after the window's first paint had drawn them, which drew
        # the whole chart a second time as the window first appeared. The scene is so never
        # active: it has no item that takes the keyboard focus or pops anything up.
        if event.type() in (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate):
            return False
        return bool(super().viewportEvent(event))


class LoadChart(QWidget):
    """Load curves of the selected athlete (or the squad's relative volume), under the calendar."""

    # "png" or "svg": the window asks the coach for a file and calls export_png or export_svg.
    export_requested = Signal(str)

    def __init__(self, document: OpenSeason, selection: Selection, preview: DragPreview, columns: WeekColumns,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadChart")
        self.setAccessibleName("Load chart")
        self.document = document
        self.selection = selection
        self.columns = columns
        self.axis = TimeAxis.of(document.season)
        self._real = PlanSeries.empty()
        self._shown = self._real
        self._peaks_of: tuple[PlanSeries, dict[str, float], dict[str, float]] | None = None
        self._done = DoneSeries.empty()
        self._preview: Plan | None = None
        self._squad = False
        self._legend_squad: tuple[tuple[str, str], ...] = ()
        self._hidden: set[str] = set()
        self._hover_day: date | None = None
        self._aligning = False
        self._exporting = False
        self._data: dict[str, tuple[NDArray[Any], ...]] = {}
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.0, self._font.pointSizeF() * 0.85))

        # The legend, which switches the series on and off; every entry stays on screen.
        self.toolbar = LegendBar(self._font, self)
        self.toolbar.setObjectName("loadChartToolbar")
        # Checked entries are the series on screen; unchecked ones fade, as in a legend.
        self.toolbar.setStyleSheet(
            "QToolButton { padding: 0px 3px; border: 1px solid transparent; border-radius: 3px; }"
            "QToolButton:checked { background: #EEF1F5; border-color: #CDD2D9; color: #202124; }"
            "QToolButton:!checked { color: #8A9099; }"
        )
        self.view = _ChartView(self)
        self.view.setObjectName("loadChartView")
        self.view.setBackground(theme.BACKGROUND)
        self.view.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)

        grid = self.view.ci
        grid.setContentsMargins(0, 3, 0, 0)
        grid.setSpacing(3)
        # Row 0 stays empty (no height) except while exporting, when it holds the title.
        self.month_axis = QuietAxis("bottom")
        self.volume = Panel(grid, 1, self._font, tonnes, plain, theme.PLYOMETRICS)
        self.intensity = Panel(grid, 2, self._font, percent)
        self.load = Panel(grid, 3, self._font, plain, plain, QColor("#7A818C"), bottom=self.month_axis)
        self.panels = (self.volume, self.intensity, self.load)
        assert self.volume.right is not None and self.load.right is not None
        self._volume_right: pg.ViewBox = self.volume.right
        self._load_right: pg.ViewBox = self.load.right
        for row, stretch in ((1, 5), (2, 3), (3, 5)):
            grid.layout.setRowStretchFactor(row, stretch)
        style_axis(self.month_axis, self._font, theme.HEADER_TEXT, tick_length=-4)
        self.month_axis.setHeight(MONTH_AXIS_HEIGHT)
        self._cache_axes(True)
        self._title = pg.LabelItem("", size="9pt", color=theme.HEADER_TEXT)

        self._items: dict[str, Curve | Bars | Ticks] = {}
        self._ghosts: dict[str, Curve] = {}
        self._squad_items: dict[str, Curve] = {}
        self._actions: dict[str, QAction] = {}
        self._build_background()
        self._build_series()
        self._build_actions()

        scene = self.view.scene()
        # Items change shape on every previewed day: a spatial index would be rebuilt each time.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        for panel in self.panels:
            panel.main.sigResized.connect(self._align)
        document.changed.connect(self._on_document_changed)
        selection.athlete_changed.connect(lambda _athlete: self.refresh())
        selection.day_changed.connect(lambda _day: self._show_selected_day())
        preview.changed.connect(self._show_preview)
        columns.moved.connect(self._align)
        self.refresh()

    # Building -----------------------------------------------------------------------------

    def _build_background(self) -> None:
        taper = QColor(theme.TAPER_TINT)
        taper.setAlpha(210)
        self._taper_brush = QBrush(taper)
        self._hatch_brush = QBrush(theme.DELOAD_HATCH, Qt.BrushStyle.BDiagPattern)
        self._week_brush = QBrush(SELECTED_FILL)
        day_fill = QColor(SELECTED_FILL)
        day_fill.setAlpha(70)
        self._day_brush = QBrush(day_fill)
        # One of each per plot, the first on the volume plot: the bands behind the data (phases,
        # deloads, tapers, the selected week and day), the competitions' lines and the hover line.
        self.backdrops: list[Backdrop] = []
        self.rules: list[Rules] = []
        self.hover_lines: list[Rules] = []
        self._hover_pen = make_pen(MUTED_LINE, 1.0, Qt.PenStyle.DotLine)
        for panel in self.panels:
            backdrop = Backdrop(make_pen(theme.SELECTED, 1.0, alpha=150))
            backdrop.setParentItem(panel.back)
            self.backdrops.append(backdrop)
            rules = Rules()
            rules.setParentItem(panel.front)
            self.rules.append(rules)
            line = Rules()
            line.setParentItem(panel.front)
            line.setVisible(False)
            self.hover_lines.append(line)
        self.load.main.addItem(Level(make_pen(theme.GRID.darker(140), 1.0)), ignoreBounds=True)
        self.chips: list[Chip] = []
        self._chip_pictures: dict[tuple[Priority, bool, float], QPixmap] = {}
        self._rule_pens = {priority: make_pen(theme.PRIORITY_FILL[priority], 1.5) for priority in Priority}

    def _panel(self, plot: Plot) -> Panel:
        return {Plot.VOLUME: self.volume, Plot.INTENSITY: self.intensity, Plot.LOAD: self.load}[plot]

    def _view(self, style: SeriesStyle) -> pg.ViewBox:
        """The view a series is drawn in: its plot's second scale when it has one, else the main one."""
        panel = self._panel(style.plot)
        return panel.main if style.scale is Scale.MAIN or panel.right is None else panel.right

    def _build_series(self) -> None:
        weights = QColor(theme.WEIGHTS)
        weights.setAlpha(200)
        self._bar_brush = QBrush(weights)
        self._deload_brush = QBrush(weights, Qt.BrushStyle.BDiagPattern)
        self._recorded_brush = QBrush(RECORDED_COLOUR)
        for style in SERIES:
            view = self._view(style)
            item: Curve | Bars | Ticks
            if style.key == "done":
                done = Bars(DONE_WIDTH, None, QBrush(QColor(style.colour)))
                _add(view, done, 1)  # in front of the outline of the plan's bar
                self._items["done_volume"] = done
                right = self._panel(style.plot).right
                assert right is not None
                ticks = Ticks(make_pen(DONE_CONTACTS_COLOUR, 2.5), BAR_WIDTH)
                _add(right, ticks, 10)
                self._items["done_contacts"] = ticks
                continue  # the recorded-load strip is drawn by the load plot's backdrop
            if style.key == "volume_load":
                item = self._volume_bars = Bars(BAR_WIDTH, make_pen(weights, 1.0), self._bar_brush, self._deload_brush)
            elif style.shape is Shape.BARS:
                item = Bars(BAR_WIDTH, None, QBrush(QColor(style.colour)))
            else:
                item = Curve(make_pen(style.colour, LINE_WIDTH))
            _add(view, item, 0 if style.shape is Shape.BARS else 10)
            self._items[style.key] = item

    def _made_ghosts(self) -> dict[str, Curve]:
        """The faint lines of the plan before a drag, made when first needed: no window shows
        them before its first drag."""
        # The volume-load bars always get one; the squad line's (``_squad_ghost``) is made apart.
        if "volume_load" in self._ghosts:
            return self._ghosts
        for style in SERIES:
            if style.key in _NO_GHOST:
                continue
            view = self._view(style)
            ghost_colour = theme.WEIGHTS.darker(110) if style.key == "volume_load" else QColor(style.colour)
            # Solid, not dashed: Qt strokes dashes several times slower, and the preview repaints
            # these lines on every hovered day.
            ghost = Curve(make_pen(ghost_colour, LINE_WIDTH, alpha=GHOST_ALPHA), step=style.key == "volume_load")
            ghost.setVisible(False)
            # Their depths, not when they are made, put them in front of the bars and behind
            # the lines; among themselves they are made in the order they always were.
            _add(view, ghost, 20 if style.shape is Shape.BARS else 5)
            self._ghosts[style.key] = ghost
        return self._ghosts

    def _build_actions(self) -> None:
        for style in SERIES:
            action = QAction(swatch(style.colour, style.shape), style.label, self)
            action.setIconText(style.button_text)
            action.setObjectName(f"loadChartSeries:{style.key}")
            action.setCheckable(True)
            action.setChecked(True)
            action.setToolTip(style.tip)
            action.toggled.connect(lambda on, key=style.key: self.set_series_visible(key, on))
            self._actions[style.key] = action
        self.squad_action = QAction("Squad", self)
        self.squad_action.setObjectName("loadChartSquad")
        self.squad_action.setCheckable(True)
        self.squad_action.setToolTip("Overlay every athlete's weekly relative volume (reps x % of max), so that "
                                     "heavier athletes do not dominate")
        self.squad_action.toggled.connect(self.set_squad)
        self.export_png_action = QAction("Export as PNG…", self)
        self.export_png_action.setObjectName("loadChartExportPng")
        self.export_png_action.triggered.connect(lambda: self.export_requested.emit("png"))
        self.export_svg_action = QAction("Export as SVG…", self)
        self.export_svg_action.setObjectName("loadChartExportSvg")
        self.export_svg_action.triggered.connect(lambda: self.export_requested.emit("svg"))
        self._export_menu = QMenu("Export", self)
        self._export_menu.addActions([self.export_png_action, self.export_svg_action])
        self._fill_toolbar()

    def _fill_toolbar(self) -> None:
        """The toolbar is the legend: one checkable entry per series (per athlete in the squad view)."""
        self._legend_squad = self._squad_legend()
        self.toolbar.clear()
        squad_button = self.toolbar.add_action(self.squad_action)
        # A switch between two views, not a series: never faded like a legend entry.
        squad_button.setStyleSheet("color: #202124;")
        self.toolbar.add_separator()
        if self._squad:
            for athlete in self.document.season.athletes:
                self.toolbar.add_action(self._athlete_action(athlete.id, athlete.name))
            self.toolbar.add_separator()
        for style in SERIES:
            if not (self._squad and style.plot is Plot.VOLUME):
                self.toolbar.add_action(self._actions[style.key])
        self.toolbar.add_separator()
        export = QToolButton(self.toolbar)
        export.setObjectName("loadChartExport")
        export.setText("Export")
        # An icon, so the legend keeps to one line on a laptop (Export is in the File menu too).
        export.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        export.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        export.setToolTip("Save the chart as a PNG picture or an SVG drawing")
        export.setMenu(self._export_menu)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export.setStyleSheet("color: #202124;")  # a command, not a series switched off
        self.toolbar.add_widget(export)

    def _squad_legend(self) -> tuple[tuple[str, str], ...]:
        """The athletes the squad view's legend lists (none outside the squad view)."""
        return tuple((a.id, a.name) for a in self.document.season.athletes) if self._squad else ()

    def _athlete_action(self, athlete_id: str, name: str) -> QAction:
        key = SQUAD_PREFIX + athlete_id
        colour, dash = self._squad_style(athlete_id)
        action = self._actions.get(key)
        if action is None:
            action = QAction(self)
            action.setObjectName(f"loadChartSeries:{key}")
            action.setCheckable(True)
            action.setChecked(key not in self._hidden)
            action.toggled.connect(lambda on, k=key: self.set_series_visible(k, on))
            self._actions[key] = action
        action.setText(mnemonic_safe(name))
        action.setIconText(mnemonic_safe(self._button_name(name)))
        action.setIcon(swatch(colour, Shape.LINE, dash))
        action.setToolTip(literal_html(f"{name}: weekly relative volume (reps x % of max)"))
        return action

    def _button_name(self, name: str) -> str:
        """The first name, which keeps the squad's legend within the chart's width, unless
        another athlete shares it."""
        first = name.split()[0] if name.split() else name
        firsts = [a.name.split()[0] for a in self.document.season.athletes if a.name.split()]
        return first if firsts.count(first) <= 1 else name

    def _squad_style(self, athlete_id: str) -> tuple[str, Qt.PenStyle]:
        ids = [a.id for a in self.document.season.athletes]
        index = ids.index(athlete_id) if athlete_id in ids else 0
        dash = Qt.PenStyle.SolidLine if index < len(SQUAD_COLOURS) else Qt.PenStyle.DashLine
        return SQUAD_COLOURS[index % len(SQUAD_COLOURS)], dash

    # Public API -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1000, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(theme.GUTTER + 300, 140)

    @property
    def squad(self) -> bool:
        return self._squad

    def item(self, name: str) -> Any:
        """The plot item drawing a series: ``name`` is a series key (``volume_load``, ``fitness``,
        ``top_set:back_squat``…), ``relative_volume:<athlete id>`` for a squad line, or
        ``before:<key>`` for the faint pre-drag line of a series (for bars, a step line whose x
        holds the n + 1 week edges; ``before:relative_volume`` is the selected athlete's squad
        line; ``done_volume`` and ``done_contacts`` for what was done in the weeks begun before
        today). Its ``values()`` are what it draws."""
        if name.startswith(GHOST_PREFIX):
            key = name.removeprefix(GHOST_PREFIX)
            return self._squad_ghost() if key == SQUAD_GHOST else self._made_ghosts()[key]
        if name.startswith(SQUAD_PREFIX):
            return self._squad_items[name.removeprefix(SQUAD_PREFIX)]
        return self._items[name]

    def set_series_visible(self, name: str, visible: bool) -> None:
        """Switch a series on or off; its legend entry in the toolbar follows."""
        if visible:
            self._hidden.discard(name)
        else:
            self._hidden.add(name)
        action = self._actions.get(name)
        if action is not None and action.isChecked() != visible:
            action.setChecked(visible)
        self._apply_visibility()

    def set_squad(self, on: bool) -> None:
        """The squad view: every athlete's weekly relative volume in place of the volume plot."""
        if on == self._squad:
            return
        self._squad = on
        if self.squad_action.isChecked() != on:
            self.squad_action.setChecked(on)
        self._fill_toolbar()
        self._update_squad()
        self._apply_visibility()

    def hover_text(self, day: date) -> str:
        """What hovering over ``day`` shows: the exact values of its week and its own, in the plan shown."""
        plan = self._shown_plan()
        if plan is None:
            return "<i>No athlete selected</i>"
        squad = list(self.document.plans().values()) if self._squad else []
        season = self.document.season
        week_start = season.week_of(day)
        # What was done is the document's, drawn already (``done_series``): a drag previews
        # only days to come.
        done = self._done.week(week_start)
        return hover_html(plan, day, season, squad, done, running=week_start + timedelta(days=7) > self.document.today)

    def context_menu(self) -> QMenu:
        return self._export_menu

    def export_png(self, path: Path) -> None:
        """The whole season's chart as a picture at twice its size on screen, so that it prints sharp."""
        def write(source: QRectF) -> None:
            image = QImage((source.size() * EXPORT_SCALE).toSize(), QImage.Format.Format_ARGB32_Premultiplied)
            # A pixel ratio rather than a scaled painter: the competition chips, which keep their
            # size on screen, then keep it in the picture too.
            image.setDevicePixelRatio(EXPORT_SCALE)
            image.fill(theme.BACKGROUND)
            self._render(QPainter(image), source)
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            QImageWriter(buffer, QByteArray(b"png")).write(image)
            # Written by Python, so a failure is an OSError that says why.
            write_atomically(path, bytes(buffer.data().data()))

        self._export(write)

    def export_svg(self, path: Path) -> None:
        """The whole season's chart as an SVG drawing.

        Drawn with Qt's SVG generator: pyqtgraph's SVG exporter fails on the paths this Qt
        writes (pyqtgraph issue 3485).
        """
        # Qt's SVG module loads only when a drawing is exported, so start-up stays light.
        from PySide6.QtSvg import QSvgGenerator

        def write(source: QRectF) -> None:
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            generator = QSvgGenerator()
            generator.setOutputDevice(buffer)
            # The screen's resolution, set before the size: Qt scales text by the generator's
            # resolution against the font's, and at its default 72 dpi the labels drift off
            # their ticks.
            generator.setResolution(round(self.logicalDpiX()))
            generator.setSize(source.size().toSize())
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(f"{self._export_who()} · {self.document.season.name}")
            generator.setDescription("SprintPlan load chart; the planned load is an estimate")
            painter = QPainter(generator)
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), theme.BACKGROUND)
            self._render(painter, source)
            write_atomically(path, bytes(buffer.data().data()))

        self._export(write, drawn_hatch=True)

    # Following the document, the selection and the preview -------------------------------

    def _on_document_changed(self, changes: Changes) -> None:
        if (changes.settings or changes.competitions or changes.roster or changes.plan_of(self.selection.athlete_id)
                or changes.records or (self._squad and changes.athletes)):
            self.refresh()

    def refresh(self) -> None:
        """Draw the selected athlete's plan (and the squad's) from the document as it is now."""
        axis = TimeAxis.of(self.document.season)
        if axis != self.axis:
            self.axis = axis
            self._align()
        self.month_axis.setTicks([self.axis.month_ticks(), []])
        plan = self._real_plan()
        self._real = PlanSeries.empty() if plan is None else plan_series(plan, self.axis)
        self._done = (DoneSeries.empty() if plan is None
                      else done_series(plan, self.document.season, self.axis, self.document.today))
        self._preview = None
        if self._squad_legend() != self._legend_squad:
            # Only a changed squad changes the legend; most edits leave it as it is.
            self._fill_toolbar()
        self._update_squad()
        self._draw_done()
        self._draw(self._real)  # the scales follow once, in _apply_visibility
        self._show_selected_day()
        self._apply_visibility()

    def _show_preview(self, plan: object) -> None:
        """The previewed plan while a competition is dragged; None restores the real plan."""
        if not isinstance(plan, Plan):
            if self._preview is not None:
                self._preview = None
                self._draw_with_squad_line(self._real)
                self._show_ghosts(False)
            return
        if self._preview is None:
            # The plan before the drag stays the same while the drag lasts: its lines are set once.
            self._set_ghosts(self._real)
        self._preview = plan
        self._draw_with_squad_line(plan_series(plan, self.axis))
        self._show_ghosts(True)

    def _draw_with_squad_line(self, series: PlanSeries) -> None:
        self._draw(series)
        self._update_squad_line(series)
        # The scales follow once, after the squad line too: in squad view it sets the volume plot's scale.
        self._fit_y()

    def end_hover(self) -> None:
        self._hover_day = None
        for line in self.hover_lines:
            line.setVisible(False)
        QToolTip.hideText()

    def _real_plan(self) -> Plan | None:
        return self.document.find_plan(self.selection.athlete_id)

    def _shown_plan(self) -> Plan | None:
        return self._preview if self._preview is not None else self._real_plan()

    # Drawing ------------------------------------------------------------------------------

    def _draw_done(self) -> None:
        """What was done in the weeks begun before today, and the days whose load was recorded."""
        done = self._done
        self._set_curve("done_volume", done.week_x, done.done_volume)
        self._set_curve("done_contacts", done.week_x, done.done_weighted_contacts)
        self._show_recorded()

    def _show_recorded(self) -> None:
        spans = ([(span.x0, span.x1, self._recorded_brush) for span in self._done.recorded_spans]
                 if self._wanted("load_recorded") else [])
        self.backdrops[self.panels.index(self.load)].set_spans("recorded", spans)

    def _draw(self, series: PlanSeries) -> None:
        """``series`` in the plots; the scales are fitted by the caller, once it has drawn all."""
        self._shown = series
        today = self.document.today
        # A week begun before today keeps its plan as an outline, with what was done inside it.
        begun = begun_weeks(series.week_starts, today)
        if not self._unchanged("volume_load", series.week_x, series.volume_load, series.deload, begun):
            self._volume_bars.set_values(series.week_x, series.volume_load, series.deload, begun)
        self._set_curve("weighted_contacts", series.week_x, series.weighted_contacts)
        for lift, key in zip(TRACKED_LIFTS, _LIFT_KEYS, strict=True):
            self._set_curve(key, series.week_x, series.top_set[lift])
        self._set_curve("planned_load", series.week_x, series.planned_load)
        self._set_curve("fitness", series.day_x, series.fitness)
        self._set_curve("fatigue", series.day_x, series.fatigue)
        self._set_curve("form", series.day_x, series.form)
        self._draw_background(series)

    def _unchanged(self, key: str, *arrays: NDArray[Any]) -> bool:
        """Whether the item already holds these values (then it is left alone and not repainted).

        A drag changes the plan around the moved competition only, and the view repaints just
        the items that changed; skipping the unchanged ones keeps the preview within a frame.
        """
        before = self._data.get(key)
        if before is not None and len(before) == len(arrays) and all(
            same_values(old, new) for old, new in zip(before, arrays, strict=True)
        ):
            return True
        self._data[key] = arrays
        return False

    def _set_curve(self, key: str, x: Floats, y: Floats) -> None:
        if not self._unchanged(key, x, y):
            self._items[key].set_values(x, y)

    def _set_ghosts(self, series: PlanSeries) -> None:
        ghosts = self._made_ghosts()
        if series.week_x.size:
            # The bars' outline: a step line over the week columns (x holds the n + 1 edges).
            edges = np.append(series.week_x - 0.5, series.week_x[-1] + 0.5)
            ghosts["volume_load"].set_values(edges, series.volume_load)
        else:
            ghosts["volume_load"].set_values(np.zeros(0), np.zeros(0))
        ghosts["weighted_contacts"].set_values(series.week_x, series.weighted_contacts)
        for lift, key in zip(TRACKED_LIFTS, _LIFT_KEYS, strict=True):
            ghosts[key].set_values(series.week_x, series.top_set[lift])
        ghosts["fitness"].set_values(series.day_x, series.fitness)
        ghosts["fatigue"].set_values(series.day_x, series.fatigue)
        ghosts["form"].set_values(series.day_x, series.form)

    def _show_ghosts(self, on: bool) -> None:
        for key, ghost in self._ghosts.items():
            if key == SQUAD_GHOST:
                ghost.setVisible(on and self._wanted(SQUAD_PREFIX + self.selection.athlete_id))
            else:
                ghost.setVisible(on and self._wanted(key))

    def _draw_background(self, series: PlanSeries) -> None:
        layers = {
            "phases": [(span.x0, span.x1, PHASE_BRUSHES[kind]) for kind, span in series.phases],
            "taper": [(span.x0, span.x1, self._taper_brush) for span in series.taper_spans],
            "deload": [(span.x0, span.x1, self._hatch_brush) for span in series.deload_spans],
        }
        first = self.backdrops[0]
        for layer, spans in layers.items():
            if spans != first.spans(layer):
                # The same rectangles for every plot: its layer's y runs 0..1 whatever its scale.
                fills = Backdrop.fills(layer, spans)
                for backdrop in self.backdrops:
                    backdrop.set_spans(layer, spans, fills)
        lines = [(marker.x, self._rule_pens[marker.priority]) for marker in series.markers]
        if lines != self.rules[0].lines():
            runs = Rules.runs_of(lines)
            for rules in self.rules:
                rules.set_lines(lines, runs)
        self._draw_chips(series)

    def _draw_chips(self, series: PlanSeries) -> None:
        """One chip per competition; during a drag only the moved one changes, so only it is touched."""
        while len(self.chips) < len(series.markers):
            chip = Chip()
            chip.setParentItem(self.volume.front)
            self.chips.append(chip)
        for i, chip in enumerate(self.chips):
            marker = series.markers[i] if i < len(series.markers) else None
            if marker == chip.shown:
                continue
            chip.shown = marker
            chip.setVisible(marker is not None)
            if marker is not None:
                chip.setPixmap(self._chip_picture(marker.priority, marker.indoor, self.devicePixelRatioF()))
                chip.setPos(marker.x, 1.0)
                chip.setToolTip(literal_html(f"{marker.priority.value}: {marker.name}"))

    def _chip_picture(self, priority: Priority, indoor: bool, ratio: float) -> QPixmap:
        picture = self._chip_pictures.get((priority, indoor, ratio))
        if picture is None:
            bold = QFont(self._font)
            bold.setBold(True)
            picture = self._chip_pictures[(priority, indoor, ratio)] = chip_pixmap(priority, indoor, bold, ratio)
        return picture

    def _sharpen_chips(self, ratio: float) -> None:
        for chip in self.chips:
            if chip.shown is not None:
                chip.setPixmap(self._chip_picture(chip.shown.priority, chip.shown.indoor, ratio))

    def _update_squad(self) -> None:
        if not self._squad:
            return
        season = self.document.season
        present = {a.id for a in season.athletes}
        for athlete_id in [i for i in self._squad_items if i not in present]:
            self.volume.main.removeItem(self._squad_items.pop(athlete_id))
        for athlete in season.athletes:
            item = self._squad_items.get(athlete.id)
            if item is None:
                item = self._squad_items[athlete.id] = Curve(make_pen(SQUAD_COLOURS[0], 1.0))
                _add(self.volume.main, item, 15)
            colour, dash = self._squad_style(athlete.id)
            selected = athlete.id == self.selection.athlete_id
            # The athlete whose plan the calendar shows stands out among the others.
            item.setPen(make_pen(colour, 2.6 if selected else 1.4, dash))
            series = self._real if selected else plan_series(self.document.plan(athlete.id), self.axis)
            item.set_values(series.week_x, series.relative_volume)
        self._squad_ghost().setVisible(False)

    def _squad_ghost(self) -> Curve:
        ghost = self._ghosts.get(SQUAD_GHOST)
        if ghost is None:
            ghost = Curve(make_pen(MUTED_LINE, 1.0, alpha=GHOST_ALPHA))
            ghost.setVisible(False)
            _add(self.volume.main, ghost, 14)
            self._ghosts[SQUAD_GHOST] = ghost
        return ghost

    def _update_squad_line(self, series: PlanSeries) -> None:
        """During a drag only the selected athlete's line moves: the calendar previews no one else's plan.

        The caller fits the scales afterwards (``_fit_y``), once for the plan and this line together."""
        item = self._squad_items.get(self.selection.athlete_id)
        if not self._squad or item is None:
            return
        if self._preview is not None:
            ghost = self._squad_ghost()
            if not ghost.isVisible():
                ghost.set_values(self._real.week_x, self._real.relative_volume)
        item.set_values(series.week_x, series.relative_volume)

    def _wanted(self, key: str) -> bool:
        """Whether a series belongs on screen in the current view with the current toggles."""
        if key.startswith(SQUAD_PREFIX):
            return self._squad and key not in self._hidden
        if key == "load_recorded":
            # Under the curves of the load plot, which the squad view keeps.
            return "done" not in self._hidden
        if key in DONE_PARTS:
            key = "done"
        style = STYLES[key]
        return key not in self._hidden and not (self._squad and style.plot is Plot.VOLUME)

    def _apply_visibility(self) -> None:
        for key, item in self._items.items():
            item.setVisible(self._wanted(key))
        for athlete_id, item in self._squad_items.items():
            item.setVisible(self._wanted(SQUAD_PREFIX + athlete_id))
        self._show_ghosts(self._preview is not None)
        self._show_recorded()
        for panel, key in ((self.volume, "weighted_contacts"), (self.load, "planned_load")):
            if panel.inner_axis is not None:
                panel.inner_axis.setVisible(self._wanted(key))
        # A plot with nothing switched on folds away, leaving its height to the others; the
        # load plot stays, as it carries the months.
        shown = {plot: any(self._wanted(style.key) for style in SERIES if style.plot is plot) for plot in Plot}
        shown[Plot.VOLUME] |= any(item.isVisible() for item in self._squad_items.values())
        self.volume.set_shown(shown[Plot.VOLUME])
        self.intensity.set_shown(shown[Plot.INTENSITY])
        self.volume.left_axis.set_formatter(plain if self._squad else tonnes)
        self._fit_y()

    def _fit_y(self) -> None:
        """Scales from the data shown and, during a drag, the plan before it, so neither leaves the plot.

        The plan before the drag stays the same while the drag lasts: its peaks (``_peaks``) are
        worked out once, and each previewed day looks only into its own arrays.
        """
        shown, real = self._shown, self._real
        top, bottom = self._peaks(real)
        if self._squad:
            lines = [_floats(item.values()[1]) for item in self._squad_items.values() if item.isVisible()]
            self.volume.set_y(self.volume.main, 0.0, _headroom(finite_max(*lines, real.relative_volume)))
        else:
            self.volume.set_y(self.volume.main, 0.0, _headroom(
                max(finite_max(shown.volume_load, self._done.done_volume), top["volume_load"])))
        self.volume.set_y(self._volume_right, 0.0, _headroom(
            max(finite_max(shown.weighted_contacts, self._done.done_weighted_contacts), top["weighted_contacts"])))
        keys = [(lift, key) for lift, key in zip(TRACKED_LIFTS, _LIFT_KEYS, strict=True) if self._wanted(key)]
        lows = [float(np.nanmin(a)) for a in (shown.top_set[lift] for lift, _key in keys) if np.isfinite(a).any()]
        lows += [bottom[key] for _lift, key in keys if key in bottom]
        lowest = min(lows, default=50.0)
        highest = max([finite_max(*(shown.top_set[lift] for lift, _key in keys)), *(top[key] for _lift, key in keys)])
        # Intensity reads best from just below the lightest top set up to 100 % of max.
        self.intensity.set_y(self.intensity.main, max(0.0, (lowest - 5) // 10 * 10), max(100.0, highest + 2))
        wanted = [key for key in ("fitness", "fatigue", "form") if self._wanted(key)]
        shown_curves = [getattr(shown, key) for key in wanted]
        self.load.set_y(self.load.main, min([finite_min(*shown_curves), *(bottom[key] for key in wanted)]) * 1.15,
                        _headroom(max([finite_max(*shown_curves), *(top[key] for key in wanted)])))
        self.load.set_y(self._load_right, 0.0, _headroom(max(finite_max(shown.planned_load), top["planned_load"])))

    def _peaks(self, series: PlanSeries) -> tuple[dict[str, float], dict[str, float]]:
        """The highest (``finite_max``) and lowest values of the series' arrays, by series key;
        lowest are the curves' ``finite_min`` and the lifts' smallest top set (none for a lift
        never done). Kept for the last series asked about: the plan before a drag."""
        if self._peaks_of is not None and self._peaks_of[0] is series:
            return self._peaks_of[1], self._peaks_of[2]
        arrays = {"volume_load": series.volume_load, "weighted_contacts": series.weighted_contacts,
                  "planned_load": series.planned_load, "fitness": series.fitness, "fatigue": series.fatigue,
                  "form": series.form}
        arrays.update((key, series.top_set[lift]) for lift, key in zip(TRACKED_LIFTS, _LIFT_KEYS, strict=True))
        top = {key: finite_max(values) for key, values in arrays.items()}
        bottom = {key: finite_min(getattr(series, key)) for key in ("fitness", "fatigue", "form")}
        bottom.update((key, float(np.nanmin(values))) for lift, key in zip(TRACKED_LIFTS, _LIFT_KEYS, strict=True)
                      if np.isfinite(values := series.top_set[lift]).any())
        self._peaks_of = (series, top, bottom)
        return top, bottom

    def _show_selected_day(self) -> None:
        day = self.selection.day
        week: list[tuple[float, float, QBrush]] = []
        one_day: list[tuple[float, float, QBrush]] = []
        if self.document.season.contains(day):
            start = self.axis.edge(self.axis.week_start(day))
            week = [(start, start + 1.0, self._week_brush)]
            one_day = [(self.axis.edge(day), self.axis.edge(day + timedelta(days=1)), self._day_brush)]
        for backdrop in self.backdrops:
            backdrop.set_spans("week", week)
            backdrop.set_spans("day", one_day)

    # Alignment with the week columns ----------------------------------------------------

    def _align(self, *_args: object) -> None:
        """Set every view's x range so that each week lands under its column.

        The columns say where the first week starts and how wide a week is on screen; with the
        edges of the chart's views taken to global coordinates too, that gives the x range that
        puts each week at the calendar's pixels whatever the widgets' places.
        """
        if self._aligning or self._exporting or not self.isVisible():
            return
        span = self.columns.span()
        if span is None:
            return
        origin, column = span  # the global x of the first week's left edge (chart x = 0), a week's width
        self._aligning = True
        try:
            transform = self.view.viewportTransform()
            viewport = self.view.viewport()
            for panel in self.panels:
                rect = panel.main.sceneBoundingRect()
                if rect.width() < 2:
                    continue
                left = viewport.mapToGlobal(transform.map(rect.topLeft())).x()
                right = viewport.mapToGlobal(transform.map(rect.topRight())).x()
                panel.set_x((left - origin) / column, (right - origin) / column)
        finally:
            self._aligning = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._align()

    # Mouse --------------------------------------------------------------------------------

    def _day_under(self, scene_pos: QPointF) -> date | None:
        for panel in self.panels:
            if panel.contains(scene_pos):
                return self.axis.day_at(float(panel.main.mapSceneToView(scene_pos).x()))
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        day = self._day_under(scene_pos)
        if day is None:
            self.end_hover()
            return
        x = self.axis.day_x(day)
        for line in self.hover_lines:
            line.set_lines([(x, self._hover_pen)])
            line.setVisible(True)
        if day != self._hover_day:
            self._hover_day = day
            point = self.view.viewport().mapToGlobal(self.view.viewportTransform().map(scene_pos).toPoint())
            QToolTip.showText(point, self.hover_text(day), self.view)

    def _on_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        day = self._day_under(event.scenePos())
        if day is not None:
            self.selection.set_day(day)

    # Export -------------------------------------------------------------------------------

    def _export(self, write: Callable[[QRectF], None], *, drawn_hatch: bool = False) -> None:
        """Export the whole season, with a title row naming the athlete and the season and saying
        what each colour is; the chart on screen is put back as it was afterwards."""
        self.end_hover()
        grid = self.view.ci
        self._title.setText(self._export_title())
        # Wrapped to the chart's width: a longer title would widen the plots.
        self._title.item.setTextWidth(max(100.0, grid.boundingRect().width() - 8))
        self._title.updateMin()
        self._exporting = True
        grid.addItem(self._title, row=0, col=0)
        # Drawn afresh at the export's scale and as vectors, not copied from the screen caches.
        self._cache_axes(False)
        self._sharpen_chips(max(EXPORT_SCALE, self.devicePixelRatioF()))
        hatched: list[Backdrop | Bars] = [*self.backdrops, self._volume_bars]
        for item in hatched:
            item.drawn_hatch = drawn_hatch
        for backdrop in self.backdrops:
            backdrop.exporting = True
        # The selected day is the coach's place on screen, not part of the season's picture.
        for backdrop in self.backdrops:
            backdrop.set_spans("week", [])
            backdrop.set_spans("day", [])
        try:
            grid.layout.activate()
            season = self.document.season
            for panel in self.panels:
                panel.set_x(self.axis.edge(season.first_day) - 0.3, self.axis.edge(season.last_day) + 1 / 7 + 0.3)
            write(grid.sceneBoundingRect())
        finally:
            for item in hatched:
                item.drawn_hatch = False
            for backdrop in self.backdrops:
                backdrop.exporting = False
            self._show_selected_day()
            self._cache_axes(True)
            self._sharpen_chips(self.devicePixelRatioF())
            grid.removeItem(self._title)
            grid.layout.activate()
            self._exporting = False
            self._align()

    def _render(self, painter: QPainter, source: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.view.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
        painter.end()

    def _axes(self) -> list[pg.AxisItem]:
        inner = [panel.inner_axis for panel in self.panels if panel.inner_axis is not None]
        return [self.month_axis, *(panel.left_axis for panel in self.panels), *inner]

    def _cache_axes(self, on: bool) -> None:
        # Axes change only with their range: cached, they are copied rather than redrawn with
        # their text on every previewed day.
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if on else QGraphicsItem.CacheMode.NoCache
        for axis in self._axes():
            axis.setCacheMode(mode)

    def _export_who(self) -> str:
        plan = self._real_plan()
        return "Squad" if self._squad else (plan.athlete.name if plan is not None else "No athlete")

    def _export_title(self) -> str:
        season = self.document.season
        parts = [f"<b>{escape(self._export_who())}</b> · {escape(season.name)}"]
        if self._squad:
            for athlete in season.athletes:
                if self._wanted(SQUAD_PREFIX + athlete.id):
                    colour, _dash = self._squad_style(athlete.id)
                    parts.append(f"<span style='color:{colour}'>━</span> {escape(athlete.name)}")
        for style in SERIES:
            if style.key == "done" and self._wanted("load_recorded") and self._done.week_starts:
                parts.append(f"<span style='color:{style.colour}'>■</span> Done (volume-load; "
                             f"<span style='color:{DONE_CONTACTS_COLOUR.name()}'>▬</span> contacts)")
                parts.append(f"<span style='color:{RECORDED_COLOUR.name()}'>▁</span> Recorded load")
            elif style.key != "done" and self._wanted(style.key):
                mark = "■" if style.shape is Shape.BARS else "━"
                parts.append(f"<span style='color:{style.colour}'>{mark}</span> {escape(style.label)}")
        return " &nbsp; ".join(parts)


def _floats(values: object) -> Floats:
    return np.zeros(0) if values is None else np.asarray(values, dtype=float)


def _add(view: pg.ViewBox, item: QGraphicsItem, z: float) -> None:
    """Add to a view at a depth among the view's own items (the view lifts items below its own depth)."""
    view.addItem(item, ignoreBounds=True)
    item.setZValue(view.zValue() + z)


def _headroom(top: float) -> float:
    # Room above the highest value for the competitions' priority letters.
    return top * 1.18 if top > 0 else 1.0
