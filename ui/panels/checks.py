"""The plan checks panel: the engine's warnings, grouped by week, for one athlete or the squad.

The panel shows; the engine decides. Every row is one ``PlanWarning`` of a generated plan,
with its rule id, its date and its sentence, unchanged; the panel adds nothing and drops
nothing. The rule's title and text from the rule book are the row's tooltip, so the coach can
read why without leaving the window. Clicking a row selects its athlete and day, which the
calendar, the chart and the inspector follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.document.changes import Changes
from planner.document.model import Season
from planner.engine.plan import PlanWarning
from planner.engine.rules import rule_book
from ui.document import OpenSeason
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


class ChecksPanel(QWidget):
    """The warnings of the selected athlete's plan, or of every athlete's, by week."""

    def __init__(self, document: OpenSeason, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.document = document
        self.selection = selection
        self._squad = False
        self._rows: list[Row] = []

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

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checksTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Rule", "Date", "Warning"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(RULE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._on_item_chosen)
        self.tree.itemActivated.connect(self._on_item_chosen)
        layout.addWidget(self.tree, 1)

        document.changed.connect(self._on_document_changed)
        selection.athlete_changed.connect(self._on_athlete_changed)
        selection.day_changed.connect(lambda _day: self._show_selected_day())
        self.refresh()

    # Public API -------------------------------------------------------------------------

    @property
    def squad(self) -> bool:
        return self._squad

    def set_squad(self, on: bool) -> None:
        """List the whole squad's warnings (True) or the selected athlete's (False)."""
        if on != self.squad_button.isChecked():
            (self.squad_button if on else self.athlete_button).setChecked(True)
        if on != self._squad:
            self._squad = on
            self.refresh()

    def rows(self) -> list[Row]:
        """The warnings listed, in the order shown."""
        return list(self._rows)

    def row_of(self, item: QTreeWidgetItem | None) -> Row | None:
        """The warning a tree item lists (None for a week heading)."""
        row = None if item is None else item.data(RULE, WARNING_ROLE)
        return row if isinstance(row, Row) else None

    def warning_items(self) -> list[QTreeWidgetItem]:
        """The rows' tree items, in the order shown (week headings left out)."""
        items: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None:
                items.extend(child for j in range(group.childCount()) if (child := group.child(j)) is not None)
        return items

    def _on_document_changed(self, changes: Changes) -> None:
        # Week labels follow the season's dates, athlete names the roster.
        mine = changes.athletes if self._squad else changes.plan_of(self.selection.athlete_id)
        if mine or changes.roster or changes.settings:
            self.refresh()

    def refresh(self) -> None:
        season = self.document.season
        self._rows = self._collect(season)
        self.tree.clear()
        groups: dict[date, QTreeWidgetItem] = {}
        book = rule_book()
        for row in self._rows:
            week = season.week_of(row.warning.date)
            group = groups.get(week)
            if group is None:
                group = groups[week] = QTreeWidgetItem(self.tree, [week_label(week, season)])
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = QFont(group.font(RULE))
                font.setBold(True)
                group.setFont(RULE, font)
            warning = row.warning
            message = f"{row.athlete_name} · {warning.message}" if self._squad else warning.message
            item = QTreeWidgetItem(group, [warning.rule_id, short_day(warning.date), message])
            item.setData(RULE, WARNING_ROLE, row)
            if warning.rule_id in book:
                rule = book[warning.rule_id]
                item.setToolTip(RULE, f"<b>{escape(rule.title)}</b><br>{escape(rule.text)}")
            item.setToolTip(MESSAGE, literal_html(message))
        self.tree.expandAll()
        self.count_label.setText(self._count_text(season))
        self._show_selected_day()

    # Internals -----------------------------------------------------------------------------

    def _collect(self, season: Season) -> list[Row]:
        if self._squad:
            athletes = list(season.athletes)
        else:
            athlete = season.find_athlete(self.selection.athlete_id)
            athletes = [athlete] if athlete is not None else []
        order = {a.id: i for i, a in enumerate(season.athletes)}
        plans = self.document.plans() if self._squad else {a.id: self.document.plan(a.id) for a in athletes}
        rows = [Row(a.id, a.name, w) for a in athletes for w in plans[a.id].warnings]
        # By date, then in the squad's order, keeping each plan's own order within a day.
        return sorted(rows, key=lambda r: (r.warning.date, order[r.athlete_id]))

    def _count_text(self, season: Season) -> str:
        count = len(self._rows)
        noun = "warning" if count == 1 else "warnings"
        if self._squad:
            athletes = len({r.athlete_id for r in self._rows})
            if not count:
                return "No warnings in the squad's plans"
            return f"{count} {noun} for {athletes} of {len(season.athletes)} athletes"
        athlete = season.find_athlete(self.selection.athlete_id)
        if athlete is None:
            return "No athlete selected"
        return f"{count} {noun} for {athlete.name}" if count else f"No warnings for {athlete.name}"

    def _on_athlete_changed(self, _athlete_id: str) -> None:
        # The squad's list does not depend on who is selected: only the marked row changes.
        if self._squad:
            self._show_selected_day()
        else:
            self.refresh()

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        row = self.row_of(item)
        if row is None:
            return
        self.selection.select(row.athlete_id, row.warning.date)

    def _show_selected_day(self) -> None:
        """Mark the first warning of the selected athlete on the selected day, if there is one."""
        wanted = (self.selection.athlete_id, self.selection.day)
        for item in self.warning_items():
            row = self.row_of(item)
            if row is not None and (row.athlete_id, row.warning.date) == wanted:
                self.tree.setCurrentItem(item)
                return
        self.tree.setCurrentIndex(QModelIndex())
