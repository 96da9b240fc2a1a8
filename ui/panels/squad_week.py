"""The squad week: every athlete's sessions for the week of the selected day, side by side.

Athletes are columns and the seven days rows (in the season's week order), so a coach sees
at a glance who lifts heavy on which day of a shared track week. Clicking a cell selects
that athlete and day for the other views. Days before the date the window runs on are shown
muted, each session with the sign of how it went (done, near, off, missed, to record), in
the text so that it reads without colour too; a session recorded ahead of its day shows its
sign as well.

The squad week needs every athlete's plan, which for a large squad takes longer than the rest
of the window: it is filled in after the window's first frame, and while it is hidden (another
tab in front) it waits until it is shown again.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.changes import Changes
from planner.document.model import Athlete, Season, TrackDay
from planner.document.sessions import Session, SessionKind
from planner.engine.compliance import Band, SessionCompliance, day_compliance
from planner.engine.plan import Day, Plan
from planner.engine.session_edits import is_week_locked
from ui import theme
from ui.document import OpenSeason
from ui.first_paint import after_first_paint
from ui.selection import Selection
from ui.session_text import day_title, literal_html, session_summary, session_tooltip, short_day, span_text

HEAVY_BACKGROUND = QColor("#f8d7d2")
LIGHT_BACKGROUND = QColor("#dcefdc")
COMPETITION_BACKGROUND = QColor("#fbe7a6")
OUTSIDE_BACKGROUND = QColor("#eeeeee")
PAST_BACKGROUND = QColor("#f4f5f7")
TEXT_COLOUR = QColor("#202124")
MUTED_TEXT = QColor("#6b6b6b")
_Rows = list[tuple[Session, Band, SessionCompliance | None]]
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # (athlete id, date) of a cell
BAND_ROLE = Qt.ItemDataRole.UserRole + 2  # how the day went: a planner.engine.compliance.Band value
# A past day's text in its band's colour, darkened to read on the light cell.
BAND_TEXT = {band: look.colour.darker(135) for band, look in theme.BANDS.items()}


class SquadWeek(QWidget):
    """All athletes' sessions for one week; the week is the one holding the selected day."""

    def __init__(self, document: OpenSeason, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("squadWeek")
        self.document = document
        self.selection = selection
        self._updating = False
        # Until the first frame is on screen the table stays empty: see the module's note.
        self._first_frame_shown = False
        self.stale = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("squadWeekPrevious")
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip("Previous week")
        self.previous_button.clicked.connect(lambda: self._step_week(-1))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("squadWeekNext")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip("Next week")
        self.next_button.clicked.connect(lambda: self._step_week(1))
        self.title = QLabel(self)
        self.title.setObjectName("squadWeekTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.previous_button)
        top.addWidget(self.title)
        top.addWidget(self.next_button)
        top.addStretch(1)
        legend = QLabel(
            f"<span style='background:{HEAVY_BACKGROUND.name()}'>&nbsp;heavy&nbsp;</span> "
            f"<span style='background:{LIGHT_BACKGROUND.name()}'>&nbsp;light&nbsp;</span> "
            f"<span style='background:{COMPETITION_BACKGROUND.name()}'>&nbsp;competition&nbsp;</span> "
            "&nbsp;✎ changed by the coach &nbsp;"
            + " ".join(f"<span style='color:{BAND_TEXT[band].name()}'>{look.sign} {look.word}</span>"
                       for band, look in theme.BANDS.items()),
            self,
        )
        legend.setObjectName("squadWeekLegend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setToolTip(f"How a past session went ({theme.BAND_BASIS}):\n{theme.band_key()}")
        top.addWidget(legend)
        layout.addLayout(top)

        self.table = QTableWidget(self)
        self.table.setObjectName("squadWeekTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(140)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.currentCellChanged.connect(self._current_cell_changed)
        self.table.cellClicked.connect(self._cell_clicked)
        layout.addWidget(self.table)

        document.changed.connect(self._on_document_changed)
        selection.athlete_changed.connect(lambda _athlete: self._follow_selection())
        selection.day_changed.connect(lambda _day: self._day_changed())
        self._shown_week: date | None = None
        self._show_title(self.week_days())
        after_first_paint(self.table.viewport(), self._after_first_frame)

    def week_days(self) -> tuple[date, ...]:
        start = self.document.season.week_of(self.selection.day)
        return tuple(start + timedelta(days=k) for k in range(7))

    def cell(self, athlete_id: str, day: date) -> QTableWidgetItem | None:
        """The table cell of one athlete and day of the shown week."""
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(CELL_ROLE) == (athlete_id, day):
                    return item
        return None

    def _show_title(self, days: tuple[date, ...]) -> None:
        season = self.document.season
        self.title.setText(f"Week {season.week_number(days[0])} · {span_text(days[0], days[-1])}")
        self.previous_button.setEnabled(days[0] > season.first_day)
        self.next_button.setEnabled(days[-1] < season.last_day)

    def _after_first_frame(self) -> None:
        self._first_frame_shown = True
        if self.stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale and self._first_frame_shown:
            self.refresh()

    def _on_document_changed(self, changes: Changes) -> None:
        if changes.athletes or changes.roster or changes.competitions or changes.settings or changes.records:
            self._rebuild_when_seen()

    def _rebuild_when_seen(self) -> None:
        """Rebuild now if the table is on screen; otherwise when it is next shown."""
        self.stale = True
        if self._first_frame_shown and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        season = self.document.season
        days = self.week_days()
        athletes = season.athletes
        self._show_title(days)
        self.stale = False
        self._updating = True
        try:
            self.table.clear()
            self.table.setRowCount(len(days))
            self.table.setColumnCount(len(athletes))
            self.table.setVerticalHeaderLabels([short_day(d) for d in days])
            for row, day in enumerate(days):
                header = self.table.verticalHeaderItem(row)
                if header is not None:
                    header.setToolTip(day_title(day))
            plans = self.document.plans()
            for column, athlete in enumerate(athletes):
                plan = plans[athlete.id]
                locked = is_week_locked(season, athlete.id, days[0])
                header_item = QTableWidgetItem(athlete.name + ("\nweek locked" if locked else ""))
                header_item.setToolTip(literal_html(f"{athlete.name}: {athlete.event.value}, {athlete.level.value}"))
                self.table.setHorizontalHeaderItem(column, header_item)
                for row, day in enumerate(days):
                    self.table.setItem(row, column, self._cell_item(season, athlete, plan, day))
            self._select_current()
        finally:
            self._updating = False
        self.table.resizeRowsToContents()
        self._shown_week = days[0]

    def _cell_item(self, season: Season, athlete: Athlete, plan: Plan, day: date) -> QTableWidgetItem:
        item = QTableWidgetItem()
        plan_day = plan.day(day)
        if plan_day is None:
            item.setText("outside the season")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setBackground(QBrush(OUTSIDE_BACKGROUND))
            item.setForeground(QBrush(MUTED_TEXT))
            return item
        item.setData(CELL_ROLE, (athlete.id, day))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        past = day < self.document.today
        bands, day_band = self._bands(season, plan, plan_day)
        lines = [_with_sign(session_summary(s, main_items=1), band) for s, band, _c in bands]
        tips = [_with_band(session_tooltip(s), s, band, compliance) for s, band, compliance in bands]
        names = plan.competition_names(plan_day)
        if names:
            lines.insert(0, f"Competition: {names}")
            tips.insert(0, f"Competition: {names}")
        if plan_day.locked:
            tips.append("Locked week")
        item.setData(BAND_ROLE, day_band.value)
        if not lines:
            lines.append(_quiet_day(athlete, day))
            item.setForeground(QBrush(MUTED_TEXT))
        else:
            item.setForeground(QBrush(BAND_TEXT.get(day_band, TEXT_COLOUR)))
        item.setText("\n".join(lines))
        item.setToolTip(literal_html(f"{athlete.name}, {day_title(day)}\n\n" + "\n\n".join(tips or lines)))
        if past:
            # The past reads as done with; what stands out in it is the signs.
            item.setBackground(QBrush(PAST_BACKGROUND))
        elif names:
            item.setBackground(QBrush(COMPETITION_BACKGROUND))
        elif any(s.heavy for s in plan_day.sessions):
            item.setBackground(QBrush(HEAVY_BACKGROUND))
        elif plan_day.sessions:
            item.setBackground(QBrush(LIGHT_BACKGROUND))
        return item

    def _bands(self, season: Season, plan: Plan, plan_day: Day) -> tuple[_Rows, Band]:
        """Each session of the day with how it went (NONE for a session still to come and not
        recorded), and how the day went."""
        today = self.document.today
        recorded = any(season.find_record((plan.athlete.id, plan_day.date, kind)) is not None for kind in SessionKind)
        if not plan_day.sessions or (plan_day.date >= today and not recorded):
            return [(session, Band.NONE, None) for session in plan_day.sessions], Band.NONE
        compliance = day_compliance(plan, season, plan_day.date, today)
        rows = [
            (session, c.band if c is not None else Band.PENDING if plan_day.date < today else Band.NONE, c)
            for session, _record, c in compliance.sessions
        ]
        return rows, compliance.band

    def _select_current(self) -> None:
        item = self.cell(self.selection.athlete_id, self.selection.day)
        if item is None:
            self.table.clearSelection()
            return
        self.table.setCurrentItem(item)

    def _day_changed(self) -> None:
        # Within the shown week only the highlighted cell moves; rebuilding the table here could
        # pull the cells from under a click that is still being handled.
        if self.document.season.week_of(self.selection.day) == self._shown_week:
            self._follow_selection()
        else:
            self._rebuild_when_seen()

    def _follow_selection(self) -> None:
        self._updating = True
        try:
            self._select_current()
        finally:
            self._updating = False

    def _select_cell(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        target = item.data(CELL_ROLE) if item is not None else None
        if target is None:
            return
        athlete_id, day = target
        self.selection.select(athlete_id, day)

    def _cell_clicked(self, row: int, column: int) -> None:
        self._select_cell(row, column)

    def _current_cell_changed(self, row: int, column: int, _previous_row: int, _previous_column: int) -> None:
        # Keyboard moves select too, but not the table's own moves while it is rebuilt.
        if not self._updating and row >= 0 and column >= 0:
            self._select_cell(row, column)

    def _step_week(self, weeks: int) -> None:
        season = self.document.season
        day = self.selection.day + timedelta(days=7 * weeks)
        self.selection.set_day(min(max(day, season.first_day), season.last_day))


def _with_sign(line: str, band: Band) -> str:
    look = theme.BANDS.get(band)
    return line if look is None else f"{look.sign} {line}"


def _with_band(tip: str, session: Session, band: Band, compliance: SessionCompliance | None) -> str:
    summary = theme.band_summary(band, compliance, session.kind is SessionKind.PLYOMETRICS)
    return tip if not summary else f"{tip}\n{summary} ({theme.BANDS[band].meaning})"


def _quiet_day(athlete: Athlete, day: date) -> str:
    track = athlete.rhythm[day.weekday()].track
    return {TrackDay.REST: "rest day", TrackDay.EASY: "easy day"}.get(track, "no session")
