"""How the season calendar draws itself: its two cached layers and the overlay.

Painting is split by how often things change, so a repaint during a drag preview costs a
pixmap copy of what changed plus the plan layer where it changed:

* the *base* (``render_base``): background, month shading, grid, month names and week
  numbers; it depends on the season's dates and the widget size only (a layout's first
  scene draws it in place; the picture of it is made when a second scene needs it);
* the *scene* (``render_scene``): the base plus one plan and one set of competitions (phase
  band, taper tint, deload hatching, competition chips and names, session marks) and the
  past (muted days, each past session's compliance band in place of its plain mark, kept
  days); rendered once per plan, with the repeated pictures (marks, hatching) copied from
  stamps made once per layout (``Look``). During a drag each previewed plan is drawn over
  the last one's scene, only where the two differ (``scene_changes``: the cells whose tint
  or marks change, the phases and chips that move, the names when they move), and the
  widget repaints only those places;
* the overlay (today, the selection, the drop target) is painted by the widget on every
  paint, where the paint reaches.

Colours, fonts, the chip and the session marks are the window's shared look (``ui.theme``);
deload weeks are hatched, so they too read without colour.
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import count, takewhile
from operator import attrgetter, is_, ne, truth

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPen,
    QPixmap,
    QRegion,
)

from planner.document.model import Competition, Priority
from planner.document.sessions import Session, SessionKind
from planner.engine.compliance import Band
from planner.engine.plan import Phase, PhaseKind, Plan
from planner.export.look import PHASE_ABBREVIATION, PHASE_TINY
from ui.calendar.layout import CalendarLayout, Chip, CompetitionShapes, DayMarks, text_width
from ui.calendar.record_marks import RecordMarks
from ui.session_text import MONTH_NAMES
from ui.theme import (
    BACKGROUND,
    DELOAD_HATCH,
    FAINT_TEXT,
    GRID,
    GUTTER,
    HEADER_TEXT,
    ODD_MONTH,
    OUTSIDE,
    PAST_WASH,
    PHASE_FILL,
    PHASE_TEXT,
    REFUSED,
    SELECTED,
    TAPER_TINT,
    TODAY,
    Fonts,
    MarkKind,
    band_stamp,
    mark_stamp,
    new_pixmap,
    paint_chip,
    paint_edited_corner,
    paint_frozen_edge,
    paint_held_corner,
    paint_locked_frame,
    paint_note_corner,
    stamp_size,
)

# The base layer -------------------------------------------------------------------------


def render_base(layout: CalendarLayout, fonts: Fonts, ratio: float) -> QPixmap:
    pixmap = new_pixmap(layout.content_width, layout.height, ratio)
    pixmap.fill(BACKGROUND)
    painter = QPainter(pixmap)
    paint_base(painter, layout, fonts)
    painter.end()
    return pixmap


def paint_base(painter: QPainter, layout: CalendarLayout, fonts: Fonts) -> None:
    """The base layer, onto a picture filled with the background (the painter is left as it was)."""
    painter.save()
    _paint_day_backgrounds(painter, layout)
    _paint_grid(painter, layout)
    _paint_months(painter, layout, fonts)
    _paint_week_numbers(painter, layout, fonts)
    painter.restore()


def _paint_day_backgrounds(painter: QPainter, layout: CalendarLayout) -> None:
    # Every other month shaded, a month's days at a time; the days of the first and last
    # weeks outside the season greyed.
    cells = layout.cells
    shaded: list[QRect] = []
    starts = _month_starts(layout)
    ends = [*starts[1:], layout.last_day + timedelta(days=1)]
    for start, end in zip(starts, ends, strict=True):
        if start.month % 2 == 0:
            shaded.extend(cells[(start - layout.first_day).days:(end - layout.first_day).days])
    outside: list[QRect] = []
    day = layout.first_week_start
    while day < layout.first_day:
        outside.append(layout.cell(day))
        day += timedelta(days=1)
    day = layout.last_day + timedelta(days=1)
    while day < layout.week_first_day(layout.weeks):
        outside.append(layout.cell(day))
        day += timedelta(days=1)
    painter.setPen(Qt.PenStyle.NoPen)
    for colour, rects in ((ODD_MONTH, shaded), (OUTSIDE, outside)):
        painter.setBrush(colour)
        painter.drawRects(rects)


def _paint_grid(painter: QPainter, layout: CalendarLayout) -> None:
    bands = layout.bands
    painter.setPen(QPen(GRID, 1))
    right = layout.column_left(layout.weeks)
    for week in range(layout.weeks + 1):
        x = layout.column_left(week)
        painter.drawLine(x, bands.grid_top, x, bands.grid_bottom)
    for row in range(8):
        y = layout.row_top(row)
        painter.drawLine(0, y, right, y)


def _month_starts(layout: CalendarLayout) -> list[date]:
    starts = [layout.first_day]
    month = date(layout.first_day.year, layout.first_day.month, 1)
    while True:
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if month > layout.last_day:
            return starts
        starts.append(month)


def _paint_months(painter: QPainter, layout: CalendarLayout, fonts: Fonts) -> None:
    bands = layout.bands
    starts = _month_starts(layout)
    metrics = QFontMetrics(fonts.normal)
    for i, start in enumerate(starts):
        x = layout.column_left(layout.week_index(start))
        end_x = layout.column_left(layout.week_index(starts[i + 1])) if i + 1 < len(starts) else layout.content_width
        painter.setPen(QPen(GRID.darker(115), 1))
        painter.drawLine(x, bands.month_top, x, bands.phase_top - 1)
        name = MONTH_NAMES[start.month - 1]
        options = [name, name[:3]]
        if start.month == 1 or i == 0:
            options.insert(0, f"{name} {start.year}")
            options.insert(2, f"{name[:3]} {start.year % 100:02d}")
        room = end_x - x - 6
        text = next((t for t in options if metrics.horizontalAdvance(t) <= room), "")
        painter.setFont(fonts.normal)
        painter.setPen(HEADER_TEXT)
        painter.drawText(QRect(x + 3, bands.month_top, max(0, room + 3), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _paint_week_numbers(painter: QPainter, layout: CalendarLayout, fonts: Fonts) -> None:
    bands = layout.bands
    metrics = fonts.small_metrics
    widest = metrics.horizontalAdvance(str(layout.weeks))
    # Every week number when they fit, else every other one (odd weeks, so week 1 shows).
    step = 1 if widest + 2 <= layout.column else 2
    painter.setFont(fonts.small)
    painter.setPen(FAINT_TEXT)
    for week in range(0, layout.weeks, step):
        left, right = layout.column_left(week), layout.column_left(week + 1)
        centre = (left + right) / 2
        rect = QRect(round(centre - layout.column * step / 2), bands.week_top, round(layout.column * step),
                     metrics.height())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(week + 1))


# The overlay: drawn by the widget on every paint, over the scene ---------------------------

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def paint_today(painter: QPainter, cell: QRect) -> None:
    painter.setPen(QPen(TODAY, 1.5, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(cell).adjusted(1.5, 1.5, -1.5, -1.5))


def paint_selected_day(painter: QPainter, cell: QRect, *, focused: bool) -> None:
    colour = QColor(SELECTED if focused else SELECTED.lighter(140))
    fill = QColor(colour)
    fill.setAlpha(40)
    painter.setPen(QPen(colour, 2.0))
    painter.setBrush(fill)
    painter.drawRect(QRectF(cell).adjusted(1, 1, -1, -1))


def paint_selected_competition(painter: QPainter, chip: Chip, shapes: CompetitionShapes) -> None:
    painter.setPen(QPen(TODAY, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for segment in chip.segments:
        painter.drawRoundedRect(QRectF(segment).adjusted(-1, -1, 1, 1), 4, 4)
    for label in shapes.labels:
        if label.competition.id == chip.competition.id:
            bottom = label.text_rect.bottom() - 1
            painter.drawLine(label.text_rect.left(), bottom, label.text_rect.right(), bottom)


def paint_drop_target(painter: QPainter, cells: list[QRect], *, refused: bool) -> None:
    """The days a dragged competition would take; grey where the drop would be refused."""
    painter.setPen(QPen(REFUSED if refused else TODAY, 2.0, Qt.PenStyle.DotLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for cell in cells:
        painter.drawRect(QRectF(cell).adjusted(1, 1, -1, -1))


REFUSAL_WIDTH = 280
REFUSAL_FILL = QColor("#FFF8F6")
REFUSAL_TEXT = QColor("#8C1D18")


def paint_refusal(painter: QPainter, cell: QRect, text: str, fonts: Fonts, visible: tuple[int, int]) -> None:
    """Why a drop on ``cell`` is refused, in a box beside it, kept within the ``visible`` x range."""
    metrics = fonts.small_metrics
    width = min(REFUSAL_WIDTH, max(80, visible[1] - visible[0] - 8))
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    bounds = metrics.boundingRect(QRect(0, 0, width - 10, 10_000), flags, text)
    box = QRect(0, 0, width, bounds.height() + 8)
    # Right of the day when there is room, else left of it; level with its top.
    left = cell.right() + 6 if cell.right() + 6 + width <= visible[1] else cell.left() - 6 - width
    box.moveTo(max(visible[0] + 2, left), max(0, cell.top() - 2))
    painter.save()
    painter.setPen(QPen(REFUSED.darker(130), 1.0))
    painter.setBrush(REFUSAL_FILL)
    painter.drawRect(box)
    painter.setFont(fonts.small)
    painter.setPen(REFUSAL_TEXT)
    painter.drawText(box.adjusted(5, 4, -5, -4), flags, text)
    painter.restore()


def paint_gutter(painter: QPainter, layout: CalendarLayout, fonts: Fonts, week_start: int, height: int,
                 region: QRegion) -> None:
    """The weekday names left of the grid, which stay in place when the weeks scroll (within
    ``region`` only: a paint reaches no further)."""
    painter.fillRect(QRect(0, 0, GUTTER, height), BACKGROUND)
    painter.setFont(fonts.small)
    painter.setPen(FAINT_TEXT)
    bands = layout.bands
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    week = QRect(4, bands.week_top, GUTTER - 4, bands.phase_top - bands.week_top)
    if region.intersects(week):
        painter.drawText(week, left, "Wk")
    painter.setPen(HEADER_TEXT)
    for row, (top, height) in enumerate(layout.rows):
        rect = QRect(4, top, GUTTER - 6, height)
        if region.intersects(rect):
            painter.drawText(rect, left, _WEEKDAYS[(week_start + row) % 7])


def drag_pixmap(competition: Competition, fonts: Fonts, ratio: float) -> QPixmap:
    """What follows the pointer while a chip is dragged: the chip and the competition's name."""
    metrics = fonts.small_metrics
    width = 22 + metrics.horizontalAdvance(competition.name) + 6
    height = max(20, metrics.height() + 6)
    pixmap = new_pixmap(width, height, ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_chip(painter, QRectF(0, 0, 18, height), competition.priority, competition.indoor, fonts.bold_small)
    painter.setFont(fonts.small)
    painter.setPen(HEADER_TEXT)
    painter.drawText(QRect(22, 0, width - 22, height), Qt.AlignmentFlag.AlignVCenter, competition.name)
    painter.end()
    return pixmap


# Stamps: the small repeated pictures, drawn once per layout --------------------------------


def mark_size(layout: CalendarLayout) -> int:
    row = (layout.bands.grid_bottom - layout.bands.grid_top) / 7
    return round(max(5.0, min(9.0, layout.column * 0.34, row * 0.3)))


def _hatch_column(width: int, height: int, ratio: float) -> QPixmap:
    """Diagonal hatching for a whole week column; deload runs copy the rows they need."""
    pixmap = new_pixmap(width, height, ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(DELOAD_HATCH, 1))
    for x in range(-height, width + 6, 6):
        painter.drawLine(x, height, x + height, 0)
    painter.end()
    return pixmap


@dataclass(frozen=True, slots=True)
class Look:
    """Everything drawing needs that follows from the layout, computed when the layout is.

    The pictures are drawn when first used: a season shows a few of the session marks and
    compliance bands and a chip for each size its competitions take.
    """

    fonts: Fonts
    ratio: float
    mark_size: int
    hatch: QPixmap
    # Per season day: where the weights and the plyometrics stamps go (x, x, y).
    mark_origins: tuple[tuple[int, int, int], ...]
    # Session marks by kind, and a past session's mark by its band and whether it is
    # plyometrics (round) or weights.
    stamps: dict[MarkKind, QPixmap] = field(default_factory=dict)
    band_stamps: dict[tuple[Band, bool], QPixmap] = field(default_factory=dict)
    # Chips by (priority, indoor, faded, letter, width, height): most chips are one cell.
    chips: dict[tuple[Priority, bool, bool, bool, int, int], QPixmap] = field(default_factory=dict)
    # What each preview draws again, worked out once: the phase names that fit a width, and
    # the past's wash by today.
    _phase_labels: dict[tuple[PhaseKind, str, float], str] = field(default_factory=dict)
    _past: dict[date, list[tuple[int, QRect]]] = field(default_factory=dict)

    def phase_label(self, kind: PhaseKind, name: str, width: float) -> str:
        key = (kind, name, width)
        text = self._phase_labels.get(key)
        if text is None:
            text = self._phase_labels[key] = phase_label(kind, name, width, self.fonts.small_metrics)
        return text

    def past_rects(self, layout: CalendarLayout, today: date) -> list[tuple[int, QRect]]:
        """``past_rects`` of this look's layout, each with its week column."""
        rects = self._past.get(today)
        if rects is None:
            rects = self._past[today] = [(layout.week_at(rect.left()) or 0, rect) for rect in past_rects(layout, today)]
        return rects

    def mark(self, kind: MarkKind) -> QPixmap:
        stamp = self.stamps.get(kind)
        if stamp is None:
            stamp = self.stamps[kind] = mark_stamp(kind, self.mark_size, self.fonts.bold_small, self.ratio)
        return stamp

    def band(self, band: Band, plyometrics: bool) -> QPixmap:
        stamp = self.band_stamps.get((band, plyometrics))
        if stamp is None:
            stamp = self.band_stamps[(band, plyometrics)] = band_stamp(band, plyometrics, self.mark_size, self.ratio)
        return stamp

    def chip(self, rect: QRect, priority: Priority, indoor: bool, *, faded: bool, letter: bool) -> QPixmap:
        key = (priority, indoor, faded, letter, rect.width(), rect.height())
        stamp = self.chips.get(key)
        if stamp is None:
            stamp = self.chips[key] = new_pixmap(rect.width(), rect.height(), self.ratio)
            stamp.fill(Qt.GlobalColor.transparent)
            painter = QPainter(stamp)
            paint_chip(painter, QRectF(0, 0, rect.width(), rect.height()), priority, indoor, self.fonts.bold_small,
                       faded=faded, letter=letter, letter_on_top=True)
            painter.end()
        return stamp

    @classmethod
    def build(cls, layout: CalendarLayout, fonts: Fonts, ratio: float) -> Look:
        size = mark_size(layout)
        hatch = _hatch_column(math.ceil(layout.column) + 1, layout.bands.grid_bottom - layout.bands.grid_top, ratio)
        gap = max(2, round(size * 0.3))
        # A cell's marks sit by its column's centre, at a height its row sets: worked out once
        # for each column and each row (the layout's) rather than for each of the season's cells.
        xs = []
        for left, width in layout.columns:
            centre = left + width // 2
            xs.append((centre - gap // 2 - size - 2, centre + (gap - gap // 2) - 2))
        ys = [top + round(height * 0.72 - size / 2) - 3 for top, height in layout.rows]
        first = layout.row_of(layout.first_day)
        origins = [(*xs[(i + first) // 7], ys[(i + first) % 7]) for i in range(len(layout.cells))]
        return cls(fonts, ratio, size, hatch, tuple(origins))


# The scene layer ------------------------------------------------------------------------


def render_scene(
    base: QPixmap | None, layout: CalendarLayout, plan: Plan | None, shapes: CompetitionShapes, look: Look,
    marks: DayMarks | None = None, past: RecordMarks | None = None, *,
    onto: QPixmap | None = None, dirty: Sequence[QRect] = (),
) -> QPixmap:
    """The base with one plan, one set of competitions, the coach's marks and the past drawn on it.

    With ``onto``, the scene of another plan of the same season at the same layout, with the
    same past and marks, that differs from this one only inside the ``dirty`` rectangles
    (``scene_changes``): only those are drawn again, onto it. The picture is the one drawn
    from nothing, for a fraction of the work: a drag changes a few days of the season.

    Without a ``base`` picture (a layout's first scene: the window's first frame, a resize)
    the base layer is drawn into the scene itself, the same picture as copying it in.
    """
    clip: QRegion | None = None
    if onto is None:
        pixmap = new_pixmap(layout.content_width, layout.height, look.ratio)
        if base is None:
            pixmap.fill(BACKGROUND)
    else:
        if base is None:
            raise ValueError("a scene is drawn onto another one from the base picture")
        pixmap = onto
        clip = QRegion()
        for rect in dirty:
            clip = clip.united(rect)
    painter = QPainter(pixmap)
    # The week columns whose days are drawn: all (None), or those the dirty rectangles reach.
    weeks: Container[int] | None = None
    if clip is not None:
        painter.setClipRegion(clip)
        weeks = _weeks_within(layout, dirty)
    if base is None:
        paint_base(painter, layout, look.fonts)
    else:
        painter.drawPixmap(0, 0, base)
    days = [] if plan is None else (range(len(plan.days)) if weeks is None else _days_of(layout, plan, weeks))
    if plan is not None:
        _paint_day_tints(painter, layout, plan, look, days)
        _paint_phases(painter, layout, plan, look, clip)
    else:
        _paint_no_plan(painter, layout, look.fonts)
    _paint_chips(painter, layout, shapes, look, weeks)
    if past is not None:
        # Under the session marks, so that what was done stands out of the muted days.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PAST_WASH)
        washed = look.past_rects(layout, past.today)
        painter.drawRects([rect for week, rect in washed if weeks is None or week in weeks])
    if clip is None or clip.intersects(label_strip(layout)):
        _paint_labels(painter, shapes, look)
    if plan is not None:
        _paint_sessions(painter, layout, plan, look, past, days, clip)
    if marks is not None:
        paint_marks(painter, layout, marks, weeks)
    if past is not None:
        paint_kept(painter, layout, past, weeks)
    painter.end()
    return pixmap


def phase_rect(layout: CalendarLayout, phase: Phase) -> QRect:
    """The pixels a phase's part of the band may take: its share of the columns, rounded
    outwards, and one more on each side and below for its separating line."""
    bands = layout.bands
    left = layout.time_x(phase.start)
    right = layout.time_x(phase.end + timedelta(days=1))
    return QRectF(left, bands.phase_top, right - left, bands.phase_height).toAlignedRect().adjusted(-1, 0, 1, 1)


def label_strip(layout: CalendarLayout) -> QRect:
    """Where the competitions' names are drawn, below the grid (clear of the locked weeks'
    frames, which reach a pixel below it)."""
    top = layout.bands.label_top - 1
    return QRect(0, top, layout.content_width, layout.height - top)


def _weeks_within(layout: CalendarLayout, dirty: Sequence[QRect]) -> set[int]:
    """The week columns whose days' layers may reach into ``dirty``: the columns under it and
    one either side (in the narrowest columns a session mark, and a locked week's frame,
    reach a pixel past the column's edge)."""
    bands = layout.bands
    weeks: set[int] = set()
    for rect in dirty:
        if rect.bottom() < bands.grid_top - 1 or rect.top() > bands.grid_bottom + 2:
            continue  # the phase band or the names: no day is drawn there
        first = layout.week_at(max(0, rect.left()))
        last = layout.week_at(rect.right())
        first = 0 if first is None else max(0, first - 1)
        last = layout.weeks - 1 if last is None else min(layout.weeks - 1, last + 1)
        weeks.update(range(first, last + 1))
    return weeks


def _days_of(layout: CalendarLayout, plan: Plan, weeks: Container[int]) -> list[int]:
    """The indexes in ``plan.days`` of the days of ``weeks``, in order."""
    if not plan.days:
        return []
    start = plan.days[0].date
    total = len(plan.days)
    indexes: list[int] = []
    for week in range(layout.weeks):
        if week not in weeks:
            continue
        first_index = (layout.week_first_day(week) - start).days
        indexes.extend(range(max(0, first_index), min(total, first_index + 7)))
    return indexes


def _session_marks(sessions: tuple[Session, ...]) -> tuple[tuple[SessionKind, MarkKind], ...]:
    return tuple((session.kind, session_mark(session)) for session in sessions)


def scene_changes(
    layout: CalendarLayout, before: Plan, before_shapes: CompetitionShapes, after: Plan,
    after_shapes: CompetitionShapes,
) -> list[QRect] | None:
    """Where the scenes of two plans of one season differ, with the same past and marks (None
    when the plans do not cover the same days): the cells whose tint, hatching or session
    marks change, the chips that move, and the phase band and the names strip when they change.

    A past session's band follows its date and kind, which the same past keeps, so the
    session's kind and plain mark say all that its stamp shows.
    """
    days_before, days_after = before.days, after.days
    if len(days_before) != len(days_after):
        return None
    if not days_before:
        offset = 0
    elif days_before[0].date != days_after[0].date:
        return None
    else:
        offset = (days_before[0].date - layout.first_day).days
    cells = layout.cells
    if offset < 0 or offset + len(days_before) > len(cells):
        return None
    rects: list[QRect] = []
    # The engine hands on the days before the first week a change reaches as the same
    # objects: they are drawn alike, and only the days from the first other one are looked at.
    same = sum(1 for _ in takewhile(truth, map(is_, days_before, days_after)))
    if same:
        days_before, days_after = days_before[same:], days_after[same:]
    # Plans derived one after another share most sessions: the same objects need no looking
    # into. The days are walked through attribute getters, the tints compared as tuples (a
    # taper for another competition counts as a change: drawn again, never left stale).
    for i, tints_differ, old, new in zip(
        count(offset + same), map(ne, map(_TINTS, days_before), map(_TINTS, days_after)),
        map(_SESSIONS, days_before), map(_SESSIONS, days_after),
    ):
        if tints_differ or (
            old is not new and (len(old) != len(new) or not all(map(is_, old, new)))
            and _session_marks(old) != _session_marks(new)
        ):
            rects.append(QRect(cells[i]))
    old_phases, new_phases = _phase_keys(before), _phase_keys(after)
    for key in old_phases.keys() ^ new_phases.keys():
        rects.append(phase_rect(layout, old_phases.get(key) or new_phases[key]))
    old_chips, new_chips = _chips_by_id(before_shapes), _chips_by_id(after_shapes)
    for competition_id in old_chips.keys() | new_chips.keys():
        old_chip, new_chip = old_chips.get(competition_id), new_chips.get(competition_id)
        if old_chip is not None and new_chip is not None and _same_chip(old_chip, new_chip):
            continue
        for chip in (old_chip, new_chip):
            if chip is not None:
                rects.extend(QRect(segment) for segment in chip.segments)
    if _labels_differ(before_shapes, after_shapes):
        rects.append(label_strip(layout))
    return rects


_TINTS = attrgetter("deload", "taper_for")
_SESSIONS = attrgetter("sessions")


def _phase_keys(plan: Plan) -> dict[tuple[object, ...], Phase]:
    return {(phase.kind, phase.name, phase.start, phase.end): phase for phase in plan.phases}


def _chips_by_id(shapes: CompetitionShapes) -> dict[str, Chip]:
    return {chip.competition.id: chip for chip in shapes.chips}


def _same_chip(old: Chip, new: Chip) -> bool:
    """Whether two chips of one competition are drawn alike (its stamps follow from these)."""
    a, b = old.competition, new.competition
    return (old.entered == new.entered and a.priority == b.priority and a.indoor == b.indoor
            and old.segments == new.segments)


def _labels_differ(before: CompetitionShapes, after: CompetitionShapes) -> bool:
    """Whether the names strip is drawn otherwise: a name, its place, its marker or its look."""
    if len(before.labels) != len(after.labels):
        return True
    return any(
        old.competition.id != new.competition.id or old.text != new.text or old.entered != new.entered
        or old.marker != new.marker or old.text_rect != new.text_rect
        or old.competition.priority != new.competition.priority or old.competition.indoor != new.competition.indoor
        for old, new in zip(before.labels, after.labels, strict=True)
    )


def past_rects(layout: CalendarLayout, today: date) -> list[QRect]:
    """The season's days before ``today``, one rectangle per week column (inside the grid lines)."""
    last = min(today - timedelta(days=1), layout.last_day)
    rects: list[QRect] = []
    first = layout.first_day
    while first <= last:
        week_end = first + timedelta(days=6 - layout.row_of(first))
        end = min(week_end, last)
        rects.append(layout.cell(first).united(layout.cell(end)).adjusted(1, 1, 0, 0))
        first = end + timedelta(days=1)
    return rects


def paint_kept(painter: QPainter, layout: CalendarLayout, past: RecordMarks,
               weeks: Container[int] | None = None) -> None:
    """Days kept as prescribed, and among them those the plan would now prescribe differently
    (in ``weeks`` only, when given)."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for day in past.frozen_days:
        if layout.first_day <= day <= layout.last_day and (weeks is None or layout.week_index(day) in weeks):
            paint_frozen_edge(painter, QRectF(layout.cell(day)))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for day in past.held_days:
        if layout.first_day <= day <= layout.last_day and (weeks is None or layout.week_index(day) in weeks):
            paint_held_corner(painter, QRectF(layout.cell(day)))
    painter.restore()


def paint_marks(painter: QPainter, layout: CalendarLayout, marks: DayMarks,
                weeks: Container[int] | None = None) -> None:
    """The locked weeks, coach-edited days and days with notes (in ``weeks`` only, when given)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    bands = layout.bands
    for week_start in marks.locked_weeks:
        week = layout.week_index(week_start)
        if 0 <= week < layout.weeks and (weeks is None or week in weeks):
            left, right = layout.column_left(week), layout.column_left(week + 1)
            height = bands.grid_bottom - bands.grid_top + 1
            paint_locked_frame(painter, QRectF(left, bands.grid_top, right - left + 1, height))
    painter.setPen(Qt.PenStyle.NoPen)
    for day in marks.edited_days:
        if layout.first_day <= day <= layout.last_day and (weeks is None or layout.week_index(day) in weeks):
            paint_edited_corner(painter, QRectF(layout.cell(day)))
    for day in marks.note_days:
        if layout.first_day <= day <= layout.last_day and (weeks is None or layout.week_index(day) in weeks):
            paint_note_corner(painter, QRectF(layout.cell(day)))
    painter.restore()


def _paint_day_tints(
    painter: QPainter, layout: CalendarLayout, plan: Plan, look: Look, indexes: Iterable[int]
) -> None:
    """Taper tints and deload hatching of the days at ``indexes`` in ``plan.days`` (whole weeks, in order)."""
    taper: list[QRect] = []
    deload: list[QRect] = []
    run_start: int | None = None
    cells = layout.cells
    days = plan.days
    offset = (days[0].date - layout.first_day).days if days else 0
    last = len(days) - 1
    for i in indexes:
        day = days[i]
        index = i + offset
        if day.taper_for is not None:
            taper.append(cells[index])
        # Deload days are hatched as one block per week column, not cell by cell.
        if day.deload and run_start is None:
            run_start = index
        week_ends = not day.deload or layout.row_of(day.date) == 6 or i == last
        if run_start is not None and week_ends:
            end = index if day.deload else index - 1
            deload.append(cells[run_start].united(cells[end]))
            run_start = None
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TAPER_TINT)
    # Inset by the grid line so the tint does not erase the grid.
    painter.drawRects([r.adjusted(1, 1, 0, 0) for r in taper])
    ratio = look.ratio
    for rect in deload:
        source = QRectF(0, (rect.top() - layout.bands.grid_top) * ratio, rect.width() * ratio, rect.height() * ratio)
        painter.drawPixmap(QRectF(rect), look.hatch, source)


def _paint_phases(painter: QPainter, layout: CalendarLayout, plan: Plan, look: Look,
                  clip: QRegion | None = None) -> None:
    """The phase band; under a ``clip``, only the phases that reach into it."""
    bands = layout.bands
    fonts = look.fonts
    painter.setFont(fonts.small)
    for phase in plan.phases:
        if clip is not None and not clip.intersects(phase_rect(layout, phase)):
            continue
        left = layout.time_x(phase.start)
        right = layout.time_x(phase.end + timedelta(days=1))
        rect = QRectF(left, bands.phase_top, right - left, bands.phase_height)
        painter.fillRect(rect, PHASE_FILL[phase.kind])
        painter.setPen(QPen(BACKGROUND, 1))
        painter.drawLine(QPointF(left, bands.phase_top), QPointF(left, bands.phase_top + bands.phase_height))
        text = look.phase_label(phase.kind, phase.name, rect.width())
        # A phase beside one that changed is drawn again for the pixel or two they share;
        # its name, centred well clear of them, is left as it is.
        if text and (clip is None or clip.intersects(
                _centred_text_box(rect, text_width(layout, fonts.small_metrics, text)))):
            painter.setPen(PHASE_TEXT)
            painter.drawText(rect.adjusted(1, 0, -1, 0), Qt.AlignmentFlag.AlignCenter, text)


def _centred_text_box(rect: QRectF, width: int) -> QRect:
    """Where text of ``width`` centred in ``rect`` may draw, with room for its glyphs' edges."""
    return QRectF(rect.center().x() - width / 2 - 3, rect.top(), width + 6, rect.height()).toAlignedRect()


def phase_label(kind: PhaseKind, name: str, width: float, metrics: QFontMetrics) -> str:
    """The longest of the phase's name, short name and abbreviation that fits ``width`` whole
    ("" when none does)."""
    room = math.floor(width) - 2
    names = (name, PHASE_ABBREVIATION[kind], PHASE_TINY[kind])
    return next((t for t in names if metrics.horizontalAdvance(t) <= room), "")


def _paint_no_plan(painter: QPainter, layout: CalendarLayout, fonts: Fonts) -> None:
    # Where the phases would be, say why there are none rather than leave a blank band.
    bands = layout.bands
    painter.setFont(fonts.small)
    painter.setPen(FAINT_TEXT)
    painter.drawText(QRect(0, bands.phase_top, layout.content_width, bands.phase_height),
                     Qt.AlignmentFlag.AlignCenter, "No athlete selected: add an athlete to see a plan")


def _paint_chips(painter: QPainter, layout: CalendarLayout, shapes: CompetitionShapes, look: Look,
                 weeks: Container[int] | None = None) -> None:
    """The competitions' chips; with ``weeks``, only those in these columns."""
    for chip in shapes.chips:
        competition = chip.competition
        for i, segment in enumerate(chip.segments):
            if weeks is not None and layout.week_at(segment.center().x()) not in weeks:
                continue
            stamp = look.chip(segment, competition.priority, competition.indoor, faded=not chip.entered, letter=i == 0)
            painter.drawPixmap(segment.topLeft(), stamp)


def _paint_labels(painter: QPainter, shapes: CompetitionShapes, look: Look) -> None:
    painter.setFont(look.fonts.small)
    for label in shapes.labels:
        competition = label.competition
        stamp = look.chip(label.marker, competition.priority, competition.indoor, faded=not label.entered,
                          letter=False)
        painter.drawPixmap(label.marker.topLeft(), stamp)
        painter.setPen(HEADER_TEXT if label.entered else FAINT_TEXT)
        painter.drawText(label.text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label.text)


def session_mark(session: Session) -> MarkKind:
    if session.kind is SessionKind.PLYOMETRICS:
        return MarkKind.HEAVY_PLYOMETRICS if session.heavy else MarkKind.LIGHT_PLYOMETRICS
    if "test" in session.tags:
        return MarkKind.TEST
    return MarkKind.HEAVY_WEIGHTS if session.heavy else MarkKind.LIGHT_WEIGHTS


def _paint_sessions(painter: QPainter, layout: CalendarLayout, plan: Plan, look: Look,
                    past: RecordMarks | None = None, indexes: Iterable[int] | None = None,
                    clip: QRegion | None = None) -> None:
    """The session marks of the days at ``indexes`` (all days when None); under a ``clip``,
    only those whose marks reach into it."""
    plain_stamp, band_stamp_of = look.mark, look.band
    origins = look.mark_origins
    days = plan.days
    offset = (days[0].date - layout.first_day).days if days else 0
    banded = past.sessions if past is not None else {}
    # Both marks of a day lie in this box right of the weights mark's origin.
    stamp_width, reach_y = stamp_size(look.mark_size)
    reach_x = stamp_width + (origins[0][1] - origins[0][0] if origins else 0)
    for i in range(len(days)) if indexes is None else indexes:
        day = days[i]
        if not day.sessions:
            continue
        weights_x, plyometrics_x, y = origins[i + offset]
        if clip is not None and not clip.intersects(QRect(weights_x, y, reach_x, reach_y)):
            continue
        bands = {mark.session.kind: mark.band for mark in banded.get(day.date, ())}
        for session in day.sessions:
            # Weights on the left of the cell, plyometrics on the right, always in the same place.
            plyometrics = session.kind is SessionKind.PLYOMETRICS
            x = plyometrics_x if plyometrics else weights_x
            band = bands.get(session.kind, Band.NONE)
            stamp = plain_stamp(session_mark(session)) if band is Band.NONE else band_stamp_of(band, plyometrics)
            painter.drawPixmap(x, y, stamp)
