"""The season calendar: the coach's main view of the whole season, and where competitions are
added, moved, edited and removed.

Weeks are columns and weekdays rows, so a 48-week season fits a laptop screen at a glance.
The calendar shows ``document.plan(selection.athlete_id)``; while a competition is dragged
over it, it shows the plan the engine would derive if the competition were dropped on the
hovered day (``ui.preview``, shared with the load chart; the undo stack is never touched).
Geometry lives in ``ui.calendar.layout``, drawing in ``ui.calendar.paint``; this module
handles events and the edits, and publishes where its week columns are (``ui.columns``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Protocol

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QCursor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame, QToolTip, QWidget

from planner.document.changes import Changes
from planner.document.edits import Edit, EditError, new_competition_id, remove_competition
from planner.document.model import Competition
from planner.engine.plan import Phase, Plan
from ui import theme
from ui.calendar import paint
from ui.calendar.layout import (
    MIN_ROW,
    CalendarLayout,
    CompetitionShapes,
    DayMarks,
    competition_shapes,
    day_marks,
)
from ui.calendar.record_marks import RecordMarks, SessionBand, record_marks
from ui.columns import WeekColumns
from ui.dialogs.ask import Dialogs, apply_edit
from ui.document import OpenSeason
from ui.mime import CompetitionTemplate, DraggedCompetition, Payload, competition_mime, payload_from_mime
from ui.notes import first_line, notes_on
from ui.preview import DragPreview, Preview, drop_edit
from ui.selection import Selection
from ui.session_text import day_title, session_lines, span_text
from ui.theme import GUTTER


@dataclass(slots=True)
class _PreviewPicture:
    """How the calendar draws one preview: its competitions laid out, and its scene once painted.

    Until it is painted, ``earlier`` may hold the scene of an earlier preview at the same
    ``layout``, which differs from this one's only inside ``dirty`` (content coordinates):
    drawing those rectangles again onto it gives this preview's scene.
    """

    preview: Preview
    shapes: CompetitionShapes | None
    layout: CalendarLayout
    scene: QPixmap | None = None
    earlier: QPixmap | None = None
    dirty: list[QRect] = field(default_factory=list)


class SessionDrops(Protocol):
    """Where a session dragged out of the inspector lands: the window wires the inspector in."""

    def accepts(self, mime: QMimeData) -> bool: ...

    def drop(self, mime: QMimeData, day: date) -> bool: ...


class SeasonCalendar(QAbstractScrollArea):
    """The season grid for the selected athlete.

    Coordinates: ``date_rect`` and ``date_at`` use the *viewport*'s coordinates (where mouse
    and drag events arrive); ``x_for_date`` uses the calendar widget's own coordinates. The
    columns' place on screen goes to ``columns`` whenever it moves (resize, scroll, dates).
    """

    # Why a competition let go over a day that cannot take it was not added or moved; the
    # window shows it in the status bar (the drop itself never arrives: the day said no).
    drop_refused = Signal(str)

    def __init__(
        self,
        document: OpenSeason,
        selection: Selection,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        preview: DragPreview | None = None,
        columns: WeekColumns | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("seasonCalendar")
        self.document = document
        self.selection = selection
        self.dialogs = dialogs
        self._today = today or document.today
        self._layout: CalendarLayout | None = None
        self._fonts = theme.Fonts.from_font(self.font())
        self._base: QPixmap | None = None
        # Whether a scene was drawn at this layout (the next one copies the base's picture).
        self._scenes_drawn = False
        self._look: paint.Look | None = None
        self._shapes: CompetitionShapes | None = None
        self._marks: DayMarks | None = None
        self._record: RecordMarks | None = None
        self._scene: QPixmap | None = None
        self._drag: Payload | None = None
        self.session_drops: SessionDrops | None = None
        self._session_drag = False
        self.preview = preview or DragPreview(document, selection, self)
        self._preview: _PreviewPicture | None = None
        self.columns = columns or WeekColumns(self)
        self._press: tuple[QPoint, str] | None = None
        self._highlighted_day: date = selection.day

        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName("Season calendar")

        document.changed.connect(self._on_document_changed)
        selection.athlete_changed.connect(self._on_athlete_changed)
        selection.day_changed.connect(self._on_day_changed)
        selection.competition_changed.connect(self._refresh)
        self.columns.set_source(self)

    # Public API ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1000, 330)

    def minimumSizeHint(self) -> QSize:
        return QSize(GUTTER + 300, 7 * MIN_ROW + 110)

    def date_rect(self, day: date) -> QRect:
        """The day's cell in viewport coordinates (an empty rect outside the season)."""
        if not self.document.season.contains(day):
            return QRect()
        return self._ensure_layout().cell(day).translated(self._origin_x(), 0)

    def date_at(self, point: QPoint) -> date | None:
        """The season day under a viewport point, or None (header, gutter, outside the season)."""
        if point.x() < GUTTER:
            return None
        return self._ensure_layout().day_at(point.x() - self._origin_x(), point.y())

    def x_for_date(self, day: date) -> float:
        """The x of the day's week column centre, in this widget's coordinates (not the viewport's).

        Days of the same week share a column, so they share an x; the value grows with the date.
        """
        return self.viewport().x() + self._origin_x() + self._ensure_layout().column_centre(day)

    def competition_at(self, point: QPoint) -> str | None:
        """The id of the competition chip or name under a viewport point."""
        if point.x() < GUTTER:
            return None
        competition = self._shown_shapes().at(point.x() - self._origin_x(), point.y())
        return None if competition is None else competition.id

    def column_span(self) -> tuple[float, float] | None:
        """The global x of the first week's left edge and a week column's width (see ``ui.columns``)."""
        if not self.isVisible():
            return None
        season = self.document.season
        first = self.mapToGlobal(QPointF(self.x_for_date(season.first_day), 0)).x()
        if season.week_count > 1:
            last = self.mapToGlobal(QPointF(self.x_for_date(season.last_day), 0)).x()
            column = (last - first) / (season.week_count - 1)
        else:
            column = float(self.date_rect(season.first_day).width())
        return None if column <= 0 else (first - column / 2, column)

    def scroll_columns(self, event: QWheelEvent) -> None:
        """The wheel over a view lined up under the columns scrolls the season here."""
        QApplication.sendEvent(self.horizontalScrollBar(), event)

    def refusal(self) -> str:
        """Why the competition dragged over the calendar cannot land on the hovered day ("" if it can)."""
        return "" if self._preview is None else self._preview.preview.refusal

    def phase_at(self, point: QPoint) -> Phase | None:
        """The phase whose band is under a viewport point, in the plan on screen."""
        plan = self.shown_plan()
        if plan is None or point.x() < GUTTER:
            return None
        layout = self._ensure_layout()
        bands = layout.bands
        if not bands.phase_top <= point.y() < bands.phase_top + bands.phase_height:
            return None
        x = point.x() - self._origin_x()
        return next(
            (p for p in plan.phases if layout.time_x(p.start) <= x < layout.time_x(p.end + timedelta(days=1))), None
        )

    def shown_plan(self) -> Plan | None:
        """The plan on screen: the preview during a drag, else the selected athlete's plan."""
        preview = self.preview.plan()
        return preview if preview is not None else self._real_plan()

    def delete_selected(self) -> bool:
        """Remove the selected competition as one undo step; False when none is selected."""
        competition_id = self.selection.competition_id
        if competition_id is None or self.document.season.find_competition(competition_id) is None:
            return False
        if not self._apply("Remove competition", lambda s: remove_competition(s, competition_id)):
            return False
        self.selection.set_competition(None)
        return True

    def tooltip_text(self, day: date) -> str:
        """What hovering over ``day`` tells the coach: date, phase, competitions, sessions."""
        season = self.document.season
        plan = self._real_plan()
        record = plan.day(day) if plan is not None else None
        lines = [f"<b>{escape(day_title(day))}</b> · week {season.week_number(day)}"]
        phase = plan.phase_on(day) if plan is not None else None
        if phase is not None:
            extra = " · deload week" if record is not None and record.deload else ""
            lines.append(f"{escape(phase.name)}{extra}")
        for competition in season.competitions:
            if competition.start <= day <= competition.end:
                lines.append(self._competition_line(competition))
        marks = self.day_marks()
        if season.week_of(day) in marks.locked_weeks:
            lines.append("<i>Week locked: the planner keeps it as it was locked</i>")
        if day in marks.edited_days:
            lines.append("<i>Changed by the coach</i>")
        for note in notes_on(season, day, self.selection.athlete_id):
            lines.append(f"<span style='color:{theme.NOTE.name()}'>■</span> Note: {escape(first_line(note.text))}")
        past = self.record_marks()
        if day in past.held_days:
            lines.append("<i>Kept as it was prescribed: the plan would now prescribe it differently</i>")
        elif day in past.frozen_days:
            lines.append("<i>Kept as it was prescribed</i>")
        if plan is None:
            lines.append("<i>No athlete selected</i>")
        elif record is None or not record.sessions:
            lines.append(f"<i>No weights or plyometrics for {escape(plan.athlete.name)}</i>")
        else:
            bands = {mark.session.kind: mark for mark in past.sessions.get(day, ())}
            for session in record.sessions:
                lines.append(_session_html(session_lines(session)))
                mark = bands.get(session.kind)
                if mark is not None:
                    lines.append(_band_html(mark))
            if bands:
                lines.append(f"<span style='color:#666'>Bands on {theme.BAND_BASIS}</span>")
        return "<br>".join(lines)

    # Geometry --------------------------------------------------------------------------

    def _origin_x(self) -> int:
        return GUTTER - self.horizontalScrollBar().value()

    def _ensure_layout(self) -> CalendarLayout:
        if self._layout is None:
            size = self.viewport().size()
            self._layout = CalendarLayout.build(self.document.season, size.width(), size.height(),
                                                self._fonts.small_metrics)
            bar = self.horizontalScrollBar()
            bar.setRange(0, self._layout.scroll_range)
            bar.setPageStep(max(1, size.width() - GUTTER))
            bar.setSingleStep(max(1, round(self._layout.column)))
        return self._layout

    def _invalidate_layout(self) -> None:
        self._layout = None
        self._base = None
        self._scenes_drawn = False
        self._look = None
        self._invalidate_scene()
        self.columns.moved.emit()

    def _invalidate_scene(self) -> None:
        self._shapes = None
        self._marks = None
        self._record = None
        self._scene = None
        if self._preview is not None:
            # Drawn with the marks and the past as they were.
            self._preview.scene = self._preview.earlier = None
            self._preview.dirty = []

    def _real_plan(self) -> Plan | None:
        return self.document.find_plan(self.selection.athlete_id)

    def _real_shapes(self) -> CompetitionShapes:
        if self._shapes is None:
            self._shapes = competition_shapes(self.document.season, self._ensure_layout(),
                                              self.selection.athlete_id, self._fonts.small_metrics)
        return self._shapes

    def day_marks(self) -> DayMarks:
        """The locked weeks, coach-edited days and days with notes the calendar marks."""
        if self._marks is None:
            self._marks = day_marks(self.document.season, self._real_plan(), self.selection.athlete_id)
        return self._marks

    def record_marks(self) -> RecordMarks:
        """The past of the plan shown: muted days, each session's compliance band, kept days."""
        if self._record is None:
            self._record = record_marks(self.document.season, self._real_plan(), self._today)
        return self._record

    def _shown_shapes(self) -> CompetitionShapes:
        if self._preview is not None and self._preview.shapes is not None:
            return self._preview.shapes
        return self._real_shapes()

    # Reacting to the document and the selection ----------------------------------------

    def _on_document_changed(self, changes: Changes) -> None:
        if changes.settings:
            self._invalidate_layout()
        elif changes.plan_of(self.selection.athlete_id) or changes.competitions or changes.notes:
            # A record names its athlete among those whose plan changed: another athlete's
            # record leaves this calendar as it is.
            self._invalidate_scene()
        else:
            return  # another athlete's plan: nothing on screen changed
        # A competition removed by an edit or an undo can no longer be the selected one.
        selected = self.selection.competition_id
        if selected is not None and self.document.season.find_competition(selected) is None:
            self.selection.set_competition(None)
        self.viewport().update()

    def _on_athlete_changed(self, _athlete_id: str) -> None:
        self._invalidate_scene()
        self.viewport().update()

    def _on_day_changed(self, day: object) -> None:
        # Only the two cells change; repainting just them keeps arrow-key moves instant.
        for changed in (self._highlighted_day, day):
            if isinstance(changed, date):
                self.viewport().update(self.date_rect(changed).adjusted(-2, -2, 2, 2))
        if isinstance(day, date):
            self._highlighted_day = day
            self._scroll_to(day)

    def _refresh(self, *_args: object) -> None:
        self.viewport().update()

    def _scroll_to(self, day: date) -> None:
        rect = self.date_rect(day)
        if rect.isNull():
            return
        bar = self.horizontalScrollBar()
        if rect.left() < GUTTER:
            bar.setValue(bar.value() - (GUTTER - rect.left()) - rect.width())
        elif rect.right() > self.viewport().width():
            bar.setValue(bar.value() + rect.right() - self.viewport().width() + rect.width())

    # Qt events: size, scroll, paint, tooltips ------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._invalidate_layout()
        # At once, not at the next paint: the scroll bar's range comes from the layout.
        self._ensure_layout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fonts = theme.Fonts.from_font(self.font())
            self._invalidate_layout()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the selected day is drawn stronger with the focus

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()
        self.columns.moved.emit()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        day = self.date_at(event.pos())
        competition_id = self.competition_at(event.pos())
        if day is not None:
            QToolTip.showText(event.globalPos(), self.tooltip_text(day), self.viewport(), self.date_rect(day))
        elif competition_id is not None:
            competition = self.document.season.competition(competition_id)
            QToolTip.showText(event.globalPos(), self._competition_line(competition), self.viewport())
        elif (phase := self.phase_at(event.pos())) is not None:
            text = f"<b>{escape(phase.name)}</b> ({escape(span_text(phase.start, phase.end))})"
            QToolTip.showText(event.globalPos(), text, self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self._ensure_layout()
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), theme.BACKGROUND)
        painter.drawPixmap(self._origin_x(), 0, self._current_scene(layout))
        painter.translate(self._origin_x(), 0)
        self._paint_overlay(painter, layout, event.region().translated(-self._origin_x(), 0))
        painter.translate(-self._origin_x(), 0)
        height = self.viewport().height()
        # A preview repaints only the cells it changes: the weekday names stay as they are.
        if event.region().intersects(QRect(0, 0, GUTTER, height)):
            paint.paint_gutter(painter, layout, self._fonts, self.document.season.week_start, height, event.region())
        painter.end()

    def _current_scene(self, layout: CalendarLayout) -> QPixmap:
        look = self._look
        if look is not None and look.ratio != self.devicePixelRatioF():
            # Moved to a screen of another density: redraw sharp rather than scale.
            self._invalidate_layout()
            layout = self._ensure_layout()
            look = None
        if look is None:
            look = self._look = paint.Look.build(layout, self._fonts, self.devicePixelRatioF())
        preview = self._preview
        if preview is not None and preview.shapes is not None:
            if preview.scene is None:
                earlier = preview.earlier if preview.layout is layout else None
                # Past days are kept as they were, so the past on screen is the document's.
                preview.scene = paint.render_scene(
                    self._base_picture(layout), layout, preview.preview.plan, preview.shapes, look,
                    self.day_marks(), self.record_marks(), onto=earlier, dirty=preview.dirty,
                )
                preview.earlier, preview.dirty = None, []
            return preview.scene
        if self._scene is None:
            # A layout's first scene draws the base in place (the window's first frame); the
            # base's own picture is made for the scenes after it, which copy it.
            base = self._base_picture(layout) if self._scenes_drawn else None
            self._scene = paint.render_scene(
                base, layout, self._real_plan(), self._real_shapes(), look, self.day_marks(), self.record_marks(),
            )
            self._scenes_drawn = True
        return self._scene

    def _base_picture(self, layout: CalendarLayout) -> QPixmap:
        if self._base is None:
            self._base = paint.render_base(layout, self._fonts, self.devicePixelRatioF())
        return self._base

    def _paint_overlay(self, painter: QPainter, layout: CalendarLayout, region: QRegion) -> None:
        """The overlay, within ``region`` (content coordinates): a preview repaints only the
        cells it changes, and today's dashed frame, slow to stroke, is left alone elsewhere."""
        season = self.document.season
        if season.contains(self._today) and region.intersects(layout.cell(self._today).adjusted(-2, -2, 2, 2)):
            paint.paint_today(painter, layout.cell(self._today))
        shapes = self._shown_shapes()
        selected = self.selection.competition_id
        chip = None if selected is None else shapes.chip(selected)
        if chip is not None:
            paint.paint_selected_competition(painter, chip, shapes)
        if season.contains(self.selection.day) and region.intersects(
                layout.cell(self.selection.day).adjusted(-2, -2, 2, 2)):
            paint.paint_selected_day(painter, layout.cell(self.selection.day), focused=self.hasFocus())
        preview = None if self._preview is None else self._preview.preview
        if preview is not None:
            cells = self._drop_cells(preview, layout)
            paint.paint_drop_target(painter, cells, refused=preview.season is None)
            if preview.refusal and cells:
                # Said where the coach is looking, while there is still time to choose another day.
                paint.paint_refusal(painter, cells[0], preview.refusal, self._fonts, self._visible_x())

    def _drop_cells(self, preview: Preview, layout: CalendarLayout) -> list[QRect]:
        """The cells of the days the dragged competition would take (content coordinates)."""
        season = self.document.season
        days = (preview.day + timedelta(days=i) for i in range(self._payload_days(preview.payload)))
        return [layout.cell(day) for day in days if season.contains(day)]

    def _visible_x(self) -> tuple[int, int]:
        """The content x range the viewport shows right of the gutter."""
        return -self.horizontalScrollBar().value(), self.viewport().width() - self._origin_x()

    # Mouse and keyboard ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        day = self.date_at(point)
        competition_id = self.competition_at(point)
        if day is None and competition_id is not None:
            # A name in the strip below the grid stands for its competition's first day.
            day = self.document.season.competition(competition_id).start
        if day is not None:
            self.selection.set_day(day)
            self.selection.set_competition(competition_id)
        self._press = (point, competition_id) if competition_id is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton:
            # An open hand over a chip says it can be picked up and moved.
            over_chip = self.competition_at(event.position().toPoint()) is not None
            shape = Qt.CursorShape.OpenHandCursor if over_chip else Qt.CursorShape.ArrowCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)
            return
        if self._press is None:
            return
        start, competition_id = self._press
        if (event.position().toPoint() - start).manhattanLength() >= QApplication.startDragDistance():
            self._press = None
            self._start_drag(competition_id)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        competition_id = self.competition_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and competition_id is not None:
            self.edit_competition(competition_id)

    def edit_competition(self, competition_id: str) -> bool:
        """Ask the dialogs for a new version of the competition and apply it as one undo step."""
        edit = self.dialogs.edit_competition(self, self.document.season, competition_id)
        return edit is not None and self._apply("Edit competition", edit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Left: -7, Qt.Key.Key_Right: 7, Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if key in steps:
            self._move_selection(steps[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selection.competition_id is not None:
            self.edit_competition(self.selection.competition_id)
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._end_drag()
        else:
            super().keyPressEvent(event)

    def _move_selection(self, days: int) -> None:
        season = self.document.season
        day = min(max(self.selection.day + timedelta(days=days), season.first_day), season.last_day)
        self.selection.set_day(day)
        on_day = [c for c in season.competitions if c.start <= day <= c.end]
        self.selection.set_competition(on_day[0].id if on_day else None)

    # Dragging a chip out ---------------------------------------------------------------

    def _start_drag(self, competition_id: str) -> None:
        competition = self.document.season.find_competition(competition_id)
        if competition is None:
            return
        drag = QDrag(self)
        drag.setMimeData(competition_mime(competition_id))
        drag.setPixmap(paint.drag_pixmap(competition, self._fonts, self.devicePixelRatioF()))
        drag.setHotSpot(QPoint(8, 8))
        drag.exec(Qt.DropAction.MoveAction)
        # Whatever happened (dropped elsewhere, Escape), the preview must not outlive the drag.
        self._end_drag()

    # Dropping onto the calendar --------------------------------------------------------

    def _payload(self, mime: QMimeData) -> Payload | None:
        payload = payload_from_mime(mime)
        if isinstance(payload, DraggedCompetition) and self.document.season.find_competition(
            payload.competition_id
        ) is None:
            return None
        return payload

    def _accept(self, event: QDropEvent, payload: Payload) -> None:
        moving = isinstance(payload, DraggedCompetition)
        event.setDropAction(Qt.DropAction.MoveAction if moving else Qt.DropAction.CopyAction)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        payload = self._payload(event.mimeData())
        if payload is None:
            self._session_drag = self.session_drops is not None and self.session_drops.accepts(event.mimeData())
            if self._session_drag:
                event.acceptProposedAction()
            else:
                event.ignore()
            return
        self._drag = payload
        # Entering is always accepted, so the moves that follow arrive and each says whether its day takes the drop.
        self._accept(event, payload)
        self._hover_point(event.position().toPoint())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._session_drag:
            if self.date_at(event.position().toPoint()) is None:
                event.ignore()
            else:
                event.acceptProposedAction()
            return
        if self._drag is None:
            event.ignore()
            return
        day = self._hover_point(event.position().toPoint())
        if day is None or self.refusal():
            # Not droppable: the pointer says so, and the overlay says why.
            event.ignore()
        else:
            self._accept(event, self._drag)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._session_drag = False
        refusal = self.refusal()
        # Let go over the calendar (not dragged out of it): say why nothing happened.
        if refusal and self.viewport().rect().contains(self.viewport().mapFromGlobal(QCursor.pos())):
            self.drop_refused.emit(refusal)
        self._end_drag()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._session_drag or (self._drag is None and self._payload(event.mimeData()) is None):
            self._drop_session(event)
            return
        payload = self._drag or self._payload(event.mimeData())
        day = self.date_at(event.position().toPoint())
        self._end_drag()
        if payload is None or day is None:
            event.ignore()
            return
        if isinstance(payload, CompetitionTemplate):
            done = self._add_from_template(payload, day)
        else:
            done = self._move_to(payload.competition_id, day)
        if done:
            self._accept(event, payload)
        else:
            event.ignore()

    def _drop_session(self, event: QDropEvent) -> None:
        """A session from the inspector moved to the day under the drop (one undo step)."""
        self._session_drag = False
        day = self.date_at(event.position().toPoint())
        drops = self.session_drops
        if day is None or drops is None or not drops.accepts(event.mimeData()):
            event.ignore()
            return
        if drops.drop(event.mimeData(), day):
            self.selection.set_day(day)
            event.acceptProposedAction()
        else:
            event.ignore()

    def _add_from_template(self, template: CompetitionTemplate, day: date) -> bool:
        try:
            # Refused whatever the name (dates, overlaps): say so before asking for a name.
            drop_edit(template, day)(self.document.season)
        except EditError as error:
            self.dialogs.error(self, "Add competition", str(error))
            return False
        name = self.dialogs.ask_competition_name(self, template.suggested_name(), day)
        if name is None:
            return False
        new_id = new_competition_id(self.document.season)
        if not self._apply("Add competition", drop_edit(template, day, name)):
            return False
        self.selection.set_day(day)
        self.selection.set_competition(new_id)
        return True

    def _move_to(self, competition_id: str, day: date) -> bool:
        if not self._apply("Move competition", drop_edit(DraggedCompetition(competition_id), day)):
            return False
        self.selection.set_day(day)
        self.selection.set_competition(competition_id)
        return True

    def _apply(self, text: str, edit: Edit) -> bool:
        """One undo step; a refused edit is explained to the coach and changes nothing."""
        return apply_edit(self.document, self.dialogs, self, text, edit) is not None

    # The preview -----------------------------------------------------------------------

    def _payload_days(self, payload: Payload) -> int:
        if isinstance(payload, DraggedCompetition):
            competition = self.document.season.find_competition(payload.competition_id)
            return 1 if competition is None else competition.days
        return 1

    def _hover_point(self, point: QPoint) -> date | None:
        day = self.date_at(point)
        self._hover(day)
        return day

    def _hover(self, day: date | None) -> None:
        """Show what dropping the dragged competition on ``day`` would plan (once per day)."""
        if self._drag is None:
            return
        preview = self.preview.hover(self._drag, day)
        shown = self._preview
        if shown is not None and shown.preview is preview:
            return
        if preview is None:
            self._preview = None
            self.viewport().update()
            return
        layout = self._ensure_layout()
        shapes = None if preview.season is None else competition_shapes(
            preview.season, layout, self.selection.athlete_id, self._fonts.small_metrics
        )
        picture = _PreviewPicture(preview, shapes, layout)
        changed = None if shown is None else self._carry_over(shown, picture)
        self._preview = picture
        if shown is None or changed is None:
            self.viewport().update()
            return
        # Only what differs from the picture on screen is painted again: the days, chips,
        # phases and names the move changes, and the drop target where it was and where it is.
        region = QRegion()
        origin = self._origin_x()
        for rect in (*changed, *self._overlay_rects(shown), *self._overlay_rects(picture)):
            region = region.united(rect.translated(origin, 0))
        self.viewport().update(region)

    def _carry_over(self, shown: _PreviewPicture, picture: _PreviewPicture) -> list[QRect] | None:
        """Hand the scene of the preview on screen to the next one, with where they differ
        (content coordinates); None when the next one must be drawn whole."""
        before, after = shown.preview.plan, picture.preview.plan
        if (before is None or after is None or shown.shapes is None or picture.shapes is None
                or shown.layout is not picture.layout):
            return None
        if shown.scene is not None:
            earlier, dirty = shown.scene, []
        elif shown.earlier is not None:
            # Not painted yet (two hovers before one paint): its own changes still to draw.
            earlier, dirty = shown.earlier, shown.dirty
        else:
            return None
        changed = paint.scene_changes(picture.layout, before, shown.shapes, after, picture.shapes)
        if changed is None:
            return None
        picture.earlier, picture.dirty = earlier, dirty + changed
        shown.scene, shown.earlier, shown.dirty = None, None, []
        return changed

    def _overlay_rects(self, picture: _PreviewPicture) -> list[QRect]:
        """Where the overlay of a preview draws what follows the drag (content coordinates):
        the drop target and the selected competition's chip and name. (A refused day, with
        its refusal beside it, is always painted whole.)"""
        layout = picture.layout
        rects = [cell.adjusted(-2, -2, 2, 2) for cell in self._drop_cells(picture.preview, layout)]
        selected = self.selection.competition_id
        shapes = picture.shapes or self._real_shapes()
        chip = None if selected is None else shapes.chip(selected)
        if chip is not None:
            rects.extend(segment.adjusted(-3, -3, 3, 3) for segment in chip.segments)
            rects.extend(label.text_rect.adjusted(-2, -2, 2, 2) for label in shapes.labels
                         if label.competition.id == selected)
        return rects

    def _end_drag(self) -> None:
        self._drag = None
        self.preview.end()
        if self._preview is not None:
            self._preview = None
            self.viewport().update()

    def _competition_line(self, competition: Competition) -> str:
        where = "indoor" if competition.indoor else "outdoor"
        athlete_id = self.selection.athlete_id
        entered = "" if not athlete_id or competition.enters(athlete_id) else " · not entered"
        colour = theme.PRIORITY_FILL[competition.priority].name()
        return (
            f"<span style='color:{colour}'>■</span> <b>{competition.priority.value}</b> "
            f"{escape(competition.name)} ({where}, {escape(span_text(competition.start, competition.end))})"
            f"{entered}"
        )


def _band_html(mark: SessionBand) -> str:
    """How the session went, in its band's colour and sign, with what was recorded beside it."""
    summary = theme.band_summary(mark.band, mark.compliance, mark.plyometrics)
    if not summary:
        return ""
    look = theme.BANDS[mark.band]
    sign, _space, rest = summary.partition(" ")
    extra = []
    record = mark.record
    if record is not None:
        if record.effort is not None:
            extra.append(f"effort {record.effort:g}")
        if record.minutes is not None:
            extra.append(f"{record.minutes} min")
        if record.note:
            extra.append(first_line(record.note))
    tail = f" · {escape(' · '.join(extra))}" if extra else ""
    return (f"&nbsp;&nbsp;<span style='color:{look.colour.name()}'><b>{escape(sign)}</b></span> "
            f"{escape(rest)} <span style='color:#666'>({escape(look.meaning)})</span>{tail}")


def _session_html(lines: list[str]) -> str:
    heading, facts, *items = lines
    body = "".join(f"<br>&nbsp;&nbsp;{escape(item)}" for item in items)
    return f"<b>{escape(heading)}</b> <span style='color:#666'>{escape(facts)}</span>{body}"
