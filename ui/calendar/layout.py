"""Where everything sits in the season calendar: pure geometry, no painting and no widgets.

The calendar is a grid with one column per week and one row per weekday (rows start on the
season's first weekday). Above the grid are the month names, the week numbers and the phase
band; below it, the competition names in a few lanes. Everything here is in *content*
coordinates: x = 0 is the left edge of the first week's column, y = 0 the top of the widget.
The widget adds its weekday gutter and horizontal scroll offset to get viewport coordinates.

Cell edges are whole pixels (rounded from a fractional column width) so that grid lines and
tints are crisp and a cell's rectangle maps back to exactly its own day.
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from planner.document.model import Competition, Season
from planner.engine.plan import Plan
from ui.theme import GUTTER

MIN_COLUMN = 15  # narrower than this and week numbers and session marks stop being legible
MAX_COLUMN = 64
MIN_ROW = 18
LABEL_LANES = 3
MORE_LANES = 4  # when the height allows: a cluster of meets otherwise shortens names
COMFORTABLE_ROW = 22  # the row height the extra lane may not push below
RIGHT_MARGIN = 4
_DAY = timedelta(days=1)


class Bands(NamedTuple):
    """The vertical extent of each part of the calendar, from the font in use."""

    month_top: int
    week_top: int
    phase_top: int
    phase_height: int
    grid_top: int
    grid_bottom: int
    label_top: int
    lane_height: int
    lanes: int


def lanes_for(height: int, metrics: QFontMetrics) -> int:
    """How many lanes of names fit under the grid: one more when the rows stay comfortable."""
    bands = bands_for(height, metrics, MORE_LANES)
    return MORE_LANES if bands.grid_bottom - bands.grid_top >= 7 * COMFORTABLE_ROW else LABEL_LANES


def bands_for(height: int, metrics: QFontMetrics, lanes: int = LABEL_LANES) -> Bands:
    text = metrics.height()
    month_top = 2
    week_top = month_top + text + 2
    phase_top = week_top + text + 1
    phase_height = text + 5
    grid_top = phase_top + phase_height + 3
    lane_height = text + 3
    label_top_from_bottom = lanes * lane_height + 6
    grid_bottom = max(grid_top + 7 * MIN_ROW, height - label_top_from_bottom)
    return Bands(month_top, week_top, phase_top, phase_height, grid_top, grid_bottom, grid_bottom + 4,
                 lane_height, lanes)


@dataclass(frozen=True, slots=True)
class CalendarLayout:
    """The grid for one season at one viewport size."""

    first_day: date
    last_day: date
    first_week_start: date
    week_start: int
    weeks: int
    column: float  # column width in pixels (fractional; edges are rounded)
    bands: Bands
    viewport_width: int
    cells: tuple[QRect, ...] = ()  # every season day's cell, by days since the first day
    # Each week column's (left, width) and each weekday row's (top, height), worked out once for
    # the cells and kept for what else is placed by column and row (the marks' origins).
    columns: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    rows: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    # Worked out once per layout rather than on every previewed day of a drag, where only the
    # dragged competition moves: names' widths in the small font, and each competition's
    # blocks by the identity of it and the competitions it overlaps (immutable, held here).
    widths: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    blocks: dict[tuple[int, ...], tuple[tuple[Competition, ...], tuple[QRect, ...]]] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, season: Season, width: int, height: int, metrics: QFontMetrics) -> "CalendarLayout":
        weeks = max(1, season.week_count)
        # The last column's right grid line is one pixel past its edge.
        available = max(1, width - GUTTER - RIGHT_MARGIN - 1)
        column = min(MAX_COLUMN, max(MIN_COLUMN, available / weeks))
        layout = cls(season.first_day, season.last_day, season.first_week_start, season.week_start, weeks,
                     column, bands_for(height, metrics, lanes_for(height, metrics)), width)
        days = (season.last_day - season.first_day).days + 1
        # Painting a plan looks up every day's cell; computing them once keeps that a list index.
        # A cell is its week's column and its weekday's row, each worked out once.
        lefts = [layout.column_left(week) for week in range(weeks + 1)]
        tops = [layout.row_top(row) for row in range(8)]
        columns = tuple((left, right - left) for left, right in pairwise(lefts))
        rows = tuple((top, bottom - top) for top, bottom in pairwise(tops))
        first = (season.first_day - season.first_week_start).days
        cells = []
        for i in range(first, first + max(0, days)):
            left, width = columns[i // 7]
            top, height = rows[i % 7]
            cells.append(QRect(left, top, width, height))
        return replace(layout, cells=tuple(cells), columns=columns, rows=rows)

    # Sizes -----------------------------------------------------------------------------

    @property
    def content_width(self) -> int:
        return self.column_left(self.weeks) + 1

    @property
    def height(self) -> int:
        return self.bands.label_top + self.bands.lanes * self.bands.lane_height + 2

    @property
    def scroll_range(self) -> int:
        """How far the grid scrolls when the season does not fit in the viewport."""
        return max(0, GUTTER + self.content_width + RIGHT_MARGIN - self.viewport_width)

    # Days to pixels --------------------------------------------------------------------

    def column_left(self, week: int) -> int:
        return round(week * self.column)

    def row_top(self, row: int) -> int:
        grid = self.bands.grid_bottom - self.bands.grid_top
        return self.bands.grid_top + round(row * grid / 7)

    def week_index(self, day: date) -> int:
        return (day - self.first_week_start).days // 7

    def row_of(self, day: date) -> int:
        return (day.weekday() - self.week_start) % 7

    def week_first_day(self, week: int) -> date:
        return self.first_week_start + timedelta(days=7 * week)

    def cell(self, day: date) -> QRect:
        index = (day - self.first_day).days
        if 0 <= index < len(self.cells):
            return QRect(self.cells[index])
        return self._compute_cell(day)

    def _compute_cell(self, day: date) -> QRect:
        week, row = self.week_index(day), self.row_of(day)
        left, top = self.column_left(week), self.row_top(row)
        return QRect(left, top, self.column_left(week + 1) - left, self.row_top(row + 1) - top)

    def column_centre(self, day: date) -> float:
        week = self.week_index(day)
        return (self.column_left(week) + self.column_left(week + 1)) / 2

    def time_x(self, day: date) -> float:
        """A continuous x for a day boundary: the week's column split in seven.

        Used for the phase band, whose phases start on any weekday, so that two phases that
        share a week share its column in proportion.
        """
        week = self.week_index(day)
        left, right = self.column_left(week), self.column_left(week + 1)
        return left + (right - left) * self.row_of(day) / 7

    # Pixels to days --------------------------------------------------------------------

    def week_at(self, x: float) -> int | None:
        if x < 0:
            return None
        week = int(x / self.column)
        # Rounded edges can put x one column either side of the plain division.
        if x < self.column_left(week):
            week -= 1
        elif x >= self.column_left(week + 1):
            week += 1
        return week if 0 <= week < self.weeks else None

    def row_at(self, y: float) -> int | None:
        if not self.bands.grid_top <= y < self.bands.grid_bottom:
            return None
        row = min(6, int((y - self.bands.grid_top) * 7 / (self.bands.grid_bottom - self.bands.grid_top)))
        if y < self.row_top(row):
            row -= 1
        elif y >= self.row_top(row + 1):
            row += 1
        return row

    def day_at(self, x: float, y: float) -> date | None:
        """The season day whose cell holds the content point, or None."""
        week, row = self.week_at(x), self.row_at(y)
        if week is None or row is None:
            return None
        day = self.week_first_day(week) + timedelta(days=row)
        return day if self.first_day <= day <= self.last_day else None


# Competitions ------------------------------------------------------------------------


class Chip(NamedTuple):
    """One competition on the grid: a rounded block per week column it touches."""

    competition: Competition
    segments: tuple[QRect, ...]
    entered: bool  # the athlete shown takes part (others are drawn faded)


class Label(NamedTuple):
    """A competition's name in the strip below the grid, anchored at its first column."""

    competition: Competition
    marker: QRect
    text_rect: QRect
    text: str
    entered: bool


class CompetitionShapes(NamedTuple):
    """Where the competitions of one season are drawn, for painting and for hit tests."""

    chips: tuple[Chip, ...]
    labels: tuple[Label, ...]

    def at(self, x: float, y: float) -> Competition | None:
        """The competition whose chip or name is under the content point (the last drawn wins)."""
        for chip in reversed(self.chips):
            if any(_contains(segment, x, y) for segment in chip.segments):
                return chip.competition
        for label in reversed(self.labels):
            if _contains(label.marker.united(label.text_rect), x, y):
                return label.competition
        return None

    def chip(self, competition_id: str) -> Chip | None:
        return next((c for c in self.chips if c.competition.id == competition_id), None)


def _contains(rect: QRect, x: float, y: float) -> bool:
    return rect.left() <= x < rect.left() + rect.width() and rect.top() <= y < rect.top() + rect.height()


def competition_shapes(
    season: Season, layout: CalendarLayout, athlete_id: str, metrics: QFontMetrics
) -> CompetitionShapes:
    competitions = sorted(season.competitions, key=lambda c: (c.start, c.end, c.id))
    chips = tuple(Chip(c, _kept_segments(c, layout, competitions), _entered(c, athlete_id)) for c in competitions)
    return CompetitionShapes(chips, _labels(competitions, layout, athlete_id, metrics))


def _kept_segments(
    competition: Competition, layout: CalendarLayout, competitions: list[Competition]
) -> tuple[QRect, ...]:
    """``_segments``, kept on the layout: a competition's blocks follow from its days and those
    of the competitions that overlap it, in the season's order."""
    first, last = max(competition.start, layout.first_day), min(competition.end, layout.last_day)
    overlapping = tuple(c for c in competitions if c.start <= last and c.end >= first)
    key = (id(competition), *map(id, overlapping))
    kept = layout.blocks.get(key)
    if kept is None:
        if len(layout.blocks) >= 512:
            layout.blocks.clear()
        kept = layout.blocks[key] = ((competition, *overlapping), _segments(competition, layout, competitions))
    return tuple(QRect(segment) for segment in kept[1])


def text_width(layout: CalendarLayout, metrics: QFontMetrics, text: str) -> int:
    """The width of ``text`` in the small font (``metrics``), kept with the layout."""
    width = layout.widths.get(text)
    if width is None:
        if len(layout.widths) >= 1024:
            layout.widths.clear()
        width = layout.widths[text] = metrics.horizontalAdvance(text)
    return width


def _entered(competition: Competition, athlete_id: str) -> bool:
    # With nobody selected (an empty squad) every competition is shown at full strength.
    return not athlete_id or competition.enters(athlete_id)


def _segments(competition: Competition, layout: CalendarLayout, competitions: list[Competition]) -> tuple[QRect, ...]:
    """The chip's blocks: one per week column for the days it has to itself, and one per day it
    shares with other competitions (meets for different athletes on the same days).

    A shared day is split into stacked parts, one per competition, in the season's order: a
    week column is only about 15 pixels wide on a laptop, too narrow to split side by side,
    while a stacked part keeps the column's width and room for the priority letter.
    """
    first = max(competition.start, layout.first_day)
    last = min(competition.end, layout.last_day)
    overlapping = [c for c in competitions if c.start <= last and c.end >= first]
    segments: list[QRect] = []
    run_start: date | None = None
    day = first
    while day <= last:
        sharing = [c for c in overlapping if c.start <= day <= c.end]
        if len(sharing) > 1:
            if run_start is not None:
                segments.append(_block(layout, run_start, day - _DAY))
                run_start = None
            part = _stacked_part(_inset(layout.cell(day)), sharing.index(competition), len(sharing))
            segments.append(part)
        else:
            run_start = run_start or day
            if layout.row_of(day) == 6 or day == last:
                segments.append(_block(layout, run_start, day))
                run_start = None
        day += _DAY
    return tuple(segments)


def _inset(rect: QRect) -> QRect:
    # Clear of the grid lines, so neighbouring chips never touch.
    return rect.adjusted(2, 2, -1, -1)


def _block(layout: CalendarLayout, first: date, last: date) -> QRect:
    """Consecutive days of one week column as one rectangle."""
    top, bottom = layout.cell(first), layout.cell(last)
    return _inset(QRect(top.left(), top.top(), top.width(), bottom.bottom() - top.top() + 1))


def _stacked_part(rect: QRect, index: int, count: int) -> QRect:
    height = rect.height() / count
    top = rect.top() + round(index * height)
    return QRect(rect.left(), top, rect.width(), max(1, round((index + 1) * height) - round(index * height) - 1))


def _labels(
    competitions: list[Competition], layout: CalendarLayout, athlete_id: str, metrics: QFontMetrics
) -> tuple[Label, ...]:
    """Names in lanes under the grid, each at its competition's column.

    The competitions of the athlete shown are placed first, so theirs are the names that get
    the room; then the others, in what room is left. A name goes right of its marker in the
    first lane with room for all of it, else left of it (near the season's end). Failing
    both, the athlete's own competition's name is shortened where the most room is, while
    another competition shows its marker only (its tooltip, and the chip's, name it); a
    marker with no room at all is left out.
    """
    lanes = _Lanes(layout.bands.lanes, layout.content_width)
    order = sorted(competitions, key=lambda c: (not _entered(c, athlete_id), c.start, c.end, c.id))
    labels = []
    for competition in order:
        label = _place_label(competition, layout, lanes, _entered(competition, athlete_id), metrics)
        if label is not None:
            labels.append(label)
    return tuple(labels)


_GAP = 6  # pixels between two names in a lane


class _Lanes:
    """The x spans already taken in each lane of the names strip."""

    def __init__(self, count: int, width: int) -> None:
        self.taken: list[list[tuple[int, int]]] = [[] for _ in range(count)]
        self.width = width

    def free(self, lane: int, left: int, right: int) -> bool:
        if left < 0 or right > self.width:
            return False
        return all(right + _GAP <= a or b + _GAP <= left for a, b in self.taken[lane])

    def room_right(self, lane: int, left: int) -> int:
        """Where the next taken span (or the strip's end) begins, right of ``left``."""
        ahead = [a - _GAP for a, _b in self.taken[lane] if a >= left]
        return min([self.width, *ahead])

    def take(self, lane: int, left: int, right: int) -> None:
        self.taken[lane].append((left, right))


def _place_label(
    competition: Competition, layout: CalendarLayout, lanes: _Lanes, entered: bool, metrics: QFontMetrics
) -> Label | None:
    bands = layout.bands
    size = bands.lane_height - 4
    x = layout.column_left(layout.week_index(max(competition.start, layout.first_day))) + 1
    name = competition.name
    width = text_width(layout, metrics, name)

    def label(lane: int, text_left: int, text: str) -> Label:
        top = bands.label_top + lane * bands.lane_height
        marker = QRect(x, top + 2, size, size)
        text_rect = QRect(text_left, top, text_width(layout, metrics, text), bands.lane_height)
        left, right = min(x, text_left), max(marker.right(), text_rect.right())
        lanes.take(lane, left, right)
        return Label(competition, marker, text_rect, text, entered)

    count = len(lanes.taken)
    for lane in range(count):
        if lanes.free(lane, x, x + size + 3 + width):
            return label(lane, x + size + 3, name)
    for lane in range(count):
        if lanes.free(lane, x - 3 - width, x + size):
            return label(lane, x - 3 - width, name)
    open_lanes = [lane for lane in range(count) if lanes.free(lane, x, x + size)]
    if not open_lanes:
        return None
    lane = max(open_lanes, key=lambda i: lanes.room_right(i, x))
    room = lanes.room_right(lane, x) - (x + size + 3)
    text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(0, room)) if entered else ""
    if len(text) < min(5, len(name)):
        # A letter and an ellipsis say nothing; the marker alone (with its tooltip) is cleaner.
        text = ""
    return label(lane, x + size + 3, text)


# The coach's own marks -------------------------------------------------------------------


class DayMarks(NamedTuple):
    """What the calendar marks besides the plan: the coach's changes and notes, for one athlete."""

    locked_weeks: frozenset[date] = frozenset()  # the first days of the locked weeks
    edited_days: frozenset[date] = frozenset()  # a session changed, added, moved or removed by the coach
    note_days: frozenset[date] = frozenset()  # a note about the day, for the athlete or the squad


def day_marks(season: Season, plan: Plan | None, athlete_id: str) -> DayMarks:
    locked = frozenset(w.week_start for w in season.locked_weeks if w.athlete_id == athlete_id)
    edited = {o.date for o in season.overrides if o.athlete_id == athlete_id}
    if plan is not None:
        # Inside a locked week the snapshot keeps the edited flags of the sessions it froze.
        edited.update(d.date for d in plan.days if any(s.edited for s in d.sessions))
    notes = frozenset(
        n.date for n in season.notes if n.date is not None and (n.athlete_id is None or n.athlete_id == athlete_id)
    )
    return DayMarks(locked, frozenset(d for d in edited if season.contains(d)), notes)
