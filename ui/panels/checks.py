"""The plan checks panel: the engine's warnings, grouped by week, for one athlete or the squad.

The panel shows; the engine decides. Every row is one ``PlanWarning`` of a generated plan,
with its rule id, its date and its sentence, unchanged; the panel adds nothing and drops
nothing. The rule's title and text from the rule book are the row's tooltip, so the coach can
read why without leaving the window. Clicking a row selects its athlete and day, which the
calendar, the chart and the inspector follow. The list is an item model over the plans
(``WarningsModel``): an edit updates the rows it touches, so the row the coach is on stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.document.changes import Changes
from planner.document.model import Season
from planner.engine.plan import PlanWarning
from planner.engine.rules import rule_book
from ui.document import OpenSeason
from ui.models import Entry, RecordModel
from ui.selection import Selection
from ui.session_text import literal_html, short_day
from ui.weeks import week_label

WARNING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Row
RULE, DATE, MESSAGE = range(3)


@dataclass(frozen=True, slots=True)
class Row:
    """One warning as listed: whose plan it belongs to and the warning itself."""

    athlete_id: str
    athlete_name: str
    warning: PlanWarning


@dataclass(frozen=True, slots=True)
class Week:
    """A week heading over its warnings."""

    start: date
    label: str


class WarningsModel(RecordModel[Row | Week]):
    """The warnings of one athlete's plan (``athlete_id``) or of the squad's (None), under their weeks."""

    def __init__(self, document: OpenSeason, athlete_id: str | None, parent: QObject | None = None) -> None:
        super().__init__(("Rule", "Date", "Warning"), parent)
        self.document = document
        self._athlete_id = athlete_id
        self._heading_font = QFont()
        self._heading_font.setBold(True)
        document.changed.connect(self._on_document_changed)
        self.refresh()

    @property
    def athlete_id(self) -> str | None:
        return self._athlete_id

    def set_athlete(self, athlete_id: str | None) -> None:
        """Whose warnings: an athlete's, or the squad's (None)."""
        if athlete_id != self._athlete_id:
            self._athlete_id = athlete_id
            self.refresh()

    def rows(self) -> list[Row]:
        return [record for record in self.records() if isinstance(record, Row)]

    def _on_document_changed(self, changes: Changes) -> None:
        # Week labels follow the season's dates, athlete names the roster.
        mine = changes.plan_of(self._athlete_id) if self._athlete_id is not None else bool(changes.athletes)
        if mine or changes.roster or changes.settings:
            self.refresh()

    def refresh(self) -> None:
        season = self.document.season
        rows = self._collect(season)
        weeks: dict[date, list[Entry[Row | Week]]] = {}
        seen: Counter[Hashable] = Counter()
        for row in rows:
            warning = row.warning
            key = (row.athlete_id, warning.date, warning.rule_id, warning.message)
            seen[key] += 1  # the same warning twice on a day stays two rows
            weeks.setdefault(season.week_of(warning.date), []).append(Entry((key, seen[key]), row))
        self.set_entries([
            Entry(start, Week(start, week_label(start, season)), children) for start, children in weeks.items()
        ])

    def _collect(self, season: Season) -> list[Row]:
        if self._athlete_id is None:
            athletes = list(season.athletes)
            plans = self.document.plans()
        else:
            athlete = season.find_athlete(self._athlete_id)
            athletes = [athlete] if athlete is not None else []
            plans = {a.id: self.document.plan(a.id) for a in athletes}
        order = {a.id: i for i, a in enumerate(season.athletes)}
        rows = [Row(a.id, a.name, w) for a in athletes for w in plans[a.id].warnings]
        # By date, then in the squad's order, keeping each plan's own order within a day.
        return sorted(rows, key=lambda r: (r.warning.date, order[r.athlete_id]))

    def selectable(self, record: Row | Week, *, grouped: bool) -> bool:
        return isinstance(record, Row)

    def cell(self, record: Row | Week, column: int, role: int, *, grouped: bool) -> Any:
        if isinstance(record, Week):
            if column == RULE and role == Qt.ItemDataRole.DisplayRole:
                return record.label
            return self._heading_font if role == Qt.ItemDataRole.FontRole else None
        if role == WARNING_ROLE:
            return record
        warning = record.warning
        message = f"{record.athlete_name} · {warning.message}" if self._athlete_id is None else warning.message
        if role == Qt.ItemDataRole.DisplayRole:
            return (warning.rule_id, short_day(warning.date), message)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            book = rule_book()
            if column == RULE and warning.rule_id in book:
                rule = book[warning.rule_id]
                return f"<b>{escape(rule.title)}</b><br>{escape(rule.text)}"
            if column == MESSAGE:
                return literal_html(message)
        return None


class ChecksPanel(QWidget):
    """The warnings of the selected athlete's plan, or of every athlete's, by week."""

    def __init__(self, document: OpenSeason, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.document = document
        self.selection = selection
        self.model = WarningsModel(document, selection.athlete_id, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # it names the athlete
        self.count_label.setObjectName("checksCount")
        bold = QFont(self.count_label.font())
        bold.setBold(True)
        self.count_label.setFont(bold)
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.athlete_button = QRadioButton("Selected athlete", self)
        self.athlete_button.setObjectName("checksSelectedAthlete")
        self.athlete_button.setChecked(True)
        self.squad_button = QRadioButton("Whole squad", self)
        self.squad_button.setObjectName("checksWholeSquad")
        self._scope = QButtonGroup(self)
        self._scope.addButton(self.athlete_button)
        self._scope.addButton(self.squad_button)
        self.squad_button.toggled.connect(self.set_squad)
        top.addWidget(self.athlete_button)
        top.addWidget(self.squad_button)
        layout.addLayout(top)

        self.tree = QTreeView(self)
        self.tree.setObjectName("checksTree")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(RULE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(self._on_item_chosen)
        self.tree.activated.connect(self._on_item_chosen)
        layout.addWidget(self.tree, 1)

        document.changed.connect(self._on_document_changed)
        selection.athlete_changed.connect(self._on_athlete_changed)
        selection.day_changed.connect(lambda _day: self._show_selected_day())
        self.refresh()

    # Public API -------------------------------------------------------------------------

    @property
    def squad(self) -> bool:
        """Whether the list holds the whole squad's warnings rather than one athlete's."""
        return self.model.athlete_id is None

    def set_squad(self, on: bool) -> None:
        """List the whole squad's warnings (True) or the selected athlete's (False)."""
        if on != self.squad_button.isChecked():
            (self.squad_button if on else self.athlete_button).setChecked(True)
        if on != self.squad:
            self.model.set_athlete(None if on else self.selection.athlete_id)
            self.refresh()

    def rows(self) -> list[Row]:
        """The warnings listed, in the order shown."""
        return self.model.rows()

    def row_of(self, index: QModelIndex) -> Row | None:
        """The warning a row lists (None for a week heading)."""
        row = index.siblingAtColumn(RULE).data(WARNING_ROLE) if index.isValid() else None
        return row if isinstance(row, Row) else None

    def warning_indexes(self) -> list[QModelIndex]:
        """The rows' indexes (first column), in the order shown (week headings left out)."""
        model = self.model
        weeks = (model.index(i, 0) for i in range(model.rowCount()))
        return [model.index(j, 0, week) for week in weeks for j in range(model.rowCount(week))]

    def _on_document_changed(self, changes: Changes) -> None:
        if changes.athletes or changes.roster or changes.settings:
            self.refresh()

    def refresh(self) -> None:
        """What goes with the rows the model keeps: headings spanned and open, the count, the mark."""
        model = self.model
        for i in range(model.rowCount()):
            self.tree.setFirstColumnSpanned(i, QModelIndex(), True)
        self.tree.expandAll()
        self.count_label.setText(self._count_text(self.document.season))
        self._show_selected_day()

    # Internals -----------------------------------------------------------------------------

    def _count_text(self, season: Season) -> str:
        rows = self.rows()
        count = len(rows)
        noun = "warning" if count == 1 else "warnings"
        if self.squad:
            athletes = len({r.athlete_id for r in rows})
            if not count:
                return "No warnings in the squad's plans"
            return f"{count} {noun} for {athletes} of {len(season.athletes)} athletes"
        athlete = season.find_athlete(self.selection.athlete_id)
        if athlete is None:
            return "No athlete selected"
        return f"{count} {noun} for {athlete.name}" if count else f"No warnings for {athlete.name}"

    def _on_athlete_changed(self, athlete_id: str) -> None:
        # The squad's list does not depend on who is selected: only the marked row changes.
        if not self.squad:
            self.model.set_athlete(athlete_id)
        self.refresh()

    def _on_item_chosen(self, index: QModelIndex) -> None:
        row = self.row_of(index)
        if row is None:
            return
        self.selection.select(row.athlete_id, row.warning.date)

    def _show_selected_day(self) -> None:
        """Mark the first warning of the selected athlete on the selected day, if there is one."""
        wanted = (self.selection.athlete_id, self.selection.day)
        for index in self.warning_indexes():
            row = self.row_of(index)
            if row is not None and (row.athlete_id, row.warning.date) == wanted:
                self.tree.setCurrentIndex(index)
                return
        self.tree.setCurrentIndex(QModelIndex())
