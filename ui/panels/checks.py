"""The plan checks panel: the engine's warnings, grouped by week, for one athlete or the squad,
and the max proposals of the same plans.

The panel shows; the engine decides. Every row is one ``PlanWarning`` of a generated plan,
with its rule id, its date and its sentence, unchanged; the panel adds nothing and drops
nothing. The rule's title and text from the rule book are the row's tooltip, so the coach can
read why without leaving the window. Clicking a row selects its athlete and day, which the
calendar, the chart and the inspector follow. The list is an item model over the plans
(``WarningsModel``): an edit updates the rows it touches, so the row the coach is on stays.

Above the list, each ``MaxProposal`` of the plans has Accept and Dismiss buttons (reached with
Tab, pressed with Space): accepting records the proposed max as an estimate dated the day of
the sets it rests on, dismissing keeps it from coming back; one undo step each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.document import edits
from planner.document.catalogue import lift_name
from planner.document.changes import Changes
from planner.document.edits import EditError
from planner.document.model import Athlete, Season
from planner.engine.plan import MaxProposal, Plan, PlanWarning
from planner.engine.proposals import evidence_text, proposal_text
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


def listed_plans(document: OpenSeason, athlete_id: str | None) -> list[tuple[Athlete, Plan]]:
    """The athletes listed, with their plans: one athlete's, or the squad's (None, its plans
    generated together), in the squad's order."""
    season = document.season
    if athlete_id is None:
        plans = document.plans()
        return [(a, plans[a.id]) for a in season.athletes]
    athlete = season.find_athlete(athlete_id)
    return [] if athlete is None else [(athlete, document.plan(athlete.id))]


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
        order = {a.id: i for i, a in enumerate(season.athletes)}
        listed = listed_plans(self.document, self._athlete_id)
        rows = [Row(a.id, a.name, w) for a, plan in listed for w in plan.warnings]
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


@dataclass(frozen=True, slots=True)
class Proposal:
    """One max proposal as listed: whose plan it belongs to and the proposal itself."""

    athlete_id: str
    athlete_name: str
    proposal: MaxProposal


class ProposalsBox(QWidget):
    """The max proposals of the listed plans, one line each with Accept and Dismiss; hidden
    when there are none."""

    def __init__(self, document: OpenSeason, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksProposals")
        self.document = document
        self._listed: list[Proposal] = []
        self._squad = False
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 4)
        self._grid.setColumnStretch(0, 1)
        self.heading = QLabel(self)
        self.heading.setObjectName("checksProposalsHeading")
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.message = QLabel(self)  # why an accept or dismiss was refused
        self.message.setObjectName("checksProposalsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self._lines: list[tuple[QLabel, QPushButton, QPushButton]] = []
        self.setVisible(False)

    def proposals(self) -> list[Proposal]:
        """The proposals listed, in the order shown."""
        return list(self._listed)

    def buttons(self, index: int) -> tuple[QPushButton, QPushButton]:
        """The Accept and Dismiss buttons of the ``index``-th proposal."""
        _label, accept, dismiss = self._lines[index]
        return accept, dismiss

    def label(self, index: int) -> QLabel:
        return self._lines[index][0]

    def show_proposals(self, listed: list[Proposal], *, squad: bool) -> None:
        if listed == self._listed and squad == self._squad and self._lines:
            return
        focus = self._focused_line()
        self._listed, self._squad = list(listed), squad
        for label, accept, dismiss in self._lines:
            for widget in (label, accept, dismiss):
                self._grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self._lines = []
        count = len(listed)
        self.heading.setText(f"Max proposals ({count})" if count != 1 else "Max proposal")
        self._grid.addWidget(self.heading, 0, 0, 1, 3)
        for row, item in enumerate(listed, start=1):
            self._lines.append(self._line(item, row, squad))
        self._grid.addWidget(self.message, count + 1, 0, 1, 3)
        self.setVisible(bool(listed))
        if focus is not None and self._lines:
            # The line acted on went away: the next one takes the keyboard, so a coach can
            # work down the list without the mouse.
            self._lines[min(focus, len(self._lines) - 1)][1].setFocus(Qt.FocusReason.OtherFocusReason)

    def _line(self, item: Proposal, row: int, squad: bool) -> tuple[QLabel, QPushButton, QPushButton]:
        sentence = proposal_text(item.proposal)
        text = f"{item.athlete_name} · {sentence}" if squad else sentence
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # it names the athlete
        label.setToolTip(f"From {evidence_text(item.proposal)}. Accepting records "
                         f"{item.proposal.proposed:g} {item.proposal.units} as an estimated max from that day on.")
        accept = QPushButton("Accept", self)
        accept.setObjectName("checksAcceptProposal")
        accept.setAccessibleName(f"Accept: {text}")
        accept.clicked.connect(lambda: self.accept(item))
        dismiss = QPushButton("Dismiss", self)
        dismiss.setObjectName("checksDismissProposal")
        dismiss.setAccessibleName(f"Dismiss: {text}")
        dismiss.clicked.connect(lambda: self.dismiss(item))
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(accept, row, 1)
        self._grid.addWidget(dismiss, row, 2)
        for widget in (label, accept, dismiss):
            widget.show()  # a child added to a shown widget stays hidden until told
        return label, accept, dismiss

    def _focused_line(self) -> int | None:
        for index, (_label, accept, dismiss) in enumerate(self._lines):
            if accept.hasFocus() or dismiss.hasFocus():
                return index
        return None

    def accept(self, item: Proposal) -> None:
        """Record the proposed max, an estimate dated the day of its sets: one undo step."""
        p = item.proposal

        def edit(season: Season) -> Season:
            return edits.record_max(season, item.athlete_id, lift=p.lift, day=p.evidence_date, value=p.proposed,
                                    tested=False)

        self._apply(f"Accept {item.athlete_name}'s {lift_name(p.lift)} max of {p.proposed:g} {p.units}", edit)

    def dismiss(self, item: Proposal) -> None:
        """Turn the proposal down; it does not come back: one undo step."""
        p = item.proposal

        def edit(season: Season) -> Season:
            return edits.dismiss_max_proposal(season, item.athlete_id, lift=p.lift, day=p.evidence_date,
                                              value=p.proposed)

        self._apply(f"Dismiss {item.athlete_name}'s {lift_name(p.lift)} max of {p.proposed:g} {p.units}", edit)

    def _apply(self, text: str, edit: Callable[[Season], Season]) -> None:
        try:
            self.document.apply(text, edit, self)
        except EditError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.message.hide()


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

        self.proposals = ProposalsBox(document, self)
        # A squad's proposals after a week of cards can be many: they scroll, the list stays.
        self.proposals_scroll = QScrollArea(self)
        self.proposals_scroll.setObjectName("checksProposalsScroll")
        self.proposals_scroll.setWidgetResizable(True)
        self.proposals_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.proposals_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.proposals_scroll.setWidget(self.proposals)
        layout.addWidget(self.proposals_scroll)

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
        listed = self._proposals()
        self.proposals.show_proposals(listed, squad=self.squad)
        self.proposals_scroll.setVisible(bool(listed))
        # Room for the heading and up to five proposals before they scroll.
        whole = self.proposals.sizeHint().height()
        self.proposals_scroll.setFixedHeight(whole if len(listed) <= 5 else whole * 6 // (len(listed) + 1))
        self._show_selected_day()

    # Internals -----------------------------------------------------------------------------

    def _proposals(self) -> list[Proposal]:
        listed = listed_plans(self.document, None if self.squad else self.selection.athlete_id)
        return [Proposal(a.id, a.name, p) for a, plan in listed for p in plan.proposals]

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
