"""The squad and the competitions as lists: add, edit and remove athletes, enter athletes in
competitions, and open the season settings.

Every change is an edit from a dialog (or ``remove_athlete``) applied through
``OpenSeason.apply``, so each is one undo step. The lists are item models over the document
(``ui.models``): an edit updates the rows it touches, so the row the coach is on stays
selected, and the lists follow the shared selection both ways.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.document.catalogue import MAIN_LIFTS, exercise
from planner.document.changes import Changes
from planner.document.edits import remove_athlete
from planner.document.model import Athlete, Competition, Priority, Season
from planner.document.text import number as number_text
from ui import theme
from ui.dialogs.ask import Dialogs, Edit, apply_edit
from ui.dialogs.form_checks import hint_label, panel_button
from ui.document import OpenSeason
from ui.models import Entry, RecordModel
from ui.selection import Selection
from ui.session_text import MONTH_NAMES, literal_html, short_day

ID_ROLE = Qt.ItemDataRole.UserRole
# The competition's priority and indoor flag, for the chip the calendar draws too.
CHIP_ROLE = Qt.ItemDataRole.UserRole + 1
# The text of a small badge drawn in a cell ("Junior").
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2

NAME, EVENT, LEVEL, SQUAT, CLEAN = range(5)
SQUAD_HEADERS = ("Athlete", "Event", "Level", "Squat max", "Clean max")
PRIORITY, COMPETITION, DATES, VENUE, ENTERED = range(5)
COMPETITION_HEADERS = ("", "Competition", "Dates", "Venue", "Entered")
BADGE_FILL = QColor("#009E73")  # Okabe-Ito green: apart from every priority colour
_CHIP_SIZE = (16, 20)
# Room for the chip with a little air: the lists are read at a glance from across the desk.
ROW_HEIGHT = 24

AnyIndex = QModelIndex | QPersistentModelIndex


# Cells ----------------------------------------------------------------------------------


class ChipDelegate(QStyledItemDelegate):
    """Paints a competition's priority chip (as the calendar draws it) in place of the cell's
    text, and a badge after an athlete's name; the texts stay in the model for tests and
    screen readers."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), ROW_HEIGHT))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        chip = index.data(CHIP_ROLE)
        badge = index.data(BADGE_ROLE)
        if not chip and not badge:
            super().paint(painter, option, index)
            return
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = full.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection and focus first, then what replaces or follows the text.
        plain = QStyleOptionViewItem(full)
        plain.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        rect = QRectF(full.rect)
        if chip:
            priority, indoor = chip
            width, height = _CHIP_SIZE
            box = QRectF(rect.left() + 6, rect.center().y() - height / 2, width, height)
            bold = QFont(full.font)
            bold.setBold(True)
            theme.paint_chip(painter, box, Priority(priority), bool(indoor), bold)
            return
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, full, widget)
        _paint_text_and_badge(painter, full, QRectF(text_rect), str(badge))


def _badge_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    small.setBold(True)
    return small


def _paint_text_and_badge(painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, badge: str) -> None:
    badge_metrics = QFontMetrics(_badge_font(option.font))
    badge_width = badge_metrics.horizontalAdvance(badge) + 10
    badge_height = badge_metrics.height() + 2
    metrics = QFontMetrics(option.font)
    # The name gives way (elides) before the badge does.
    text = metrics.elidedText(option.text, Qt.TextElideMode.ElideRight, max(0, int(rect.width() - badge_width - 8)))
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(option.font)
    painter.setPen(option.palette.color(role))
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    left = rect.left() + metrics.horizontalAdvance(text) + 8
    box = QRectF(left, rect.center().y() - badge_height / 2, badge_width, badge_height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BADGE_FILL)
    painter.drawRoundedRect(box, badge_height / 2, badge_height / 2)
    painter.setFont(_badge_font(option.font))
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
    painter.restore()


def latest_max_text(athlete: Athlete, main_lift: str) -> tuple[str, str]:
    """The latest max the plan uses for ``main_lift`` (its substitute's when it has one), as
    the cell's text and tooltip: ("55 kg hang clean, est.", "Hang clean 55 kg, estimated on ...")."""
    used = exercise(athlete.substitute_for(main_lift))
    lift = used.max_from or used.id
    entry = athlete.max_on(lift, date.max) or athlete.max_on(main_lift, date.max)
    if entry is None:
        return "–", f"No {exercise(main_lift).name.lower()} max recorded"
    unit = athlete.units.value
    text = f"{number_text(entry.value)} {unit}"
    if entry.lift != main_lift:
        text += f" {exercise(entry.lift).name.lower()}"
    if not entry.tested:
        text += ", est."
    how = "tested" if entry.tested else "estimated"
    when = f"{short_day(entry.date)} {entry.date.year}"
    tip = f"{exercise(entry.lift).name} {number_text(entry.value)} {unit}, {how} on {when}"
    return text, tip


def entered_text(competition: Competition, season: Season) -> str:
    squad = len(season.athletes)
    if competition.athletes is None:
        return f"All ({squad})"
    if not competition.athletes:
        return "Nobody"
    return f"{len(competition.athletes)} of {squad}"


def dates_text(competition: Competition) -> str:
    """"Sat 16 Jan 2027", "23–25 Jul 2027", "27 Feb – 1 Mar 2027", "30 Dec 2026 – 2 Jan 2027"."""
    start, end = competition.start, competition.end
    if start == end:
        return f"{short_day(start)} {start.year}"
    month = MONTH_NAMES[end.month - 1][:3]
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {month} {end.year}"
    first = f"{start.day} {MONTH_NAMES[start.month - 1][:3]}"
    if start.year != end.year:
        first += f" {start.year}"
    return f"{first} – {end.day} {month} {end.year}"


class SquadModel(RecordModel[Athlete]):
    """The squad, one athlete a row, in the season's order."""

    def __init__(self, document: OpenSeason, parent: QObject | None = None, *, filled: bool = True) -> None:
        super().__init__(SQUAD_HEADERS, parent)
        self.document = document
        document.changed.connect(self._on_document_changed)
        if filled:
            self.refresh()

    def _on_document_changed(self, changes: Changes) -> None:
        if changes.roster:
            self.refresh()

    def refresh(self) -> None:
        self.set_entries([Entry(athlete.id, athlete) for athlete in self.document.season.athletes])

    def cell(self, record: Athlete, column: int, role: int, *, grouped: bool) -> Any:
        if role == ID_ROLE:
            return record.id
        if column == NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return record.name
            if role == BADGE_ROLE and record.junior:
                return "Junior"
            if role == Qt.ItemDataRole.ToolTipRole and record.junior:
                return literal_html(f"{record.name} is a junior: shorter load waves and gentler plyometrics")
            return None
        if column in (SQUAT, CLEAN):
            text, tip = latest_max_text(record, MAIN_LIFTS[0 if column == SQUAT else 1])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return {Qt.ItemDataRole.DisplayRole: text, Qt.ItemDataRole.ToolTipRole: tip}.get(Qt.ItemDataRole(role))
        if role == Qt.ItemDataRole.DisplayRole:
            return record.event.value if column == EVENT else record.level.value.capitalize()
        return None


class CompetitionModel(RecordModel[Competition]):
    """The season's competitions by date, one a row."""

    def __init__(self, document: OpenSeason, parent: QObject | None = None, *, filled: bool = True) -> None:
        super().__init__(COMPETITION_HEADERS, parent)
        self.document = document
        document.changed.connect(self._on_document_changed)
        if filled:
            self.refresh()

    def _on_document_changed(self, changes: Changes) -> None:
        # "Entered" counts the squad and names its athletes.
        if changes.competitions or changes.roster:
            self.refresh()

    def refresh(self) -> None:
        ordered = sorted(self.document.season.competitions, key=lambda c: (c.start, c.end, c.id))
        self.set_entries([Entry(competition.id, competition) for competition in ordered])

    def cell(self, record: Competition, column: int, role: int, *, grouped: bool) -> Any:
        if role == ID_ROLE:
            return record.id
        season = self.document.season
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                record.priority.value,
                record.name,
                dates_text(record),
                "Indoor" if record.indoor else "Outdoor",
                entered_text(record, season),
            )[column]
        if column == PRIORITY:
            if role == CHIP_ROLE:
                return (record.priority.value, record.indoor)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Priority {record.priority.value}"
        if column == ENTERED and role == Qt.ItemDataRole.ToolTipRole:
            if record.athletes is None:
                return literal_html("Everyone in the squad")
            names = [season.athlete(a).name for a in record.athletes if season.find_athlete(a)]
            return literal_html(", ".join(names))
        return None


def _list_view(parent: QWidget, name: str, model: RecordModel[Any]) -> QTreeView:
    view = QTreeView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setItemDelegate(ChipDelegate(view))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return view


def _section_header(title: QLabel, buttons: list[QPushButton]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(title)
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


# The panel ------------------------------------------------------------------------------


class AthletesPanel(QWidget):
    def __init__(
        self,
        document: OpenSeason,
        selection: Selection,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        filled: bool = True,
    ) -> None:
        """``filled=False`` leaves the lists empty until ``fill``: the main window builds the
        panel before its first paint, so that the tab takes its room from the start, and fills
        it just after (the rows change neither its size nor its minimum)."""
        super().__init__(parent)
        self.setObjectName("athletesPanel")
        self.document = document
        self.selection = selection
        self.dialogs = dialogs
        self.filled = filled

        self.squad_model = SquadModel(document, self, filled=filled)
        self.competition_model = CompetitionModel(document, self, filled=filled)
        self.squad = _list_view(self, "squadList", self.squad_model)
        self.squad_title = QLabel(self)
        self.add_button = panel_button(self, "&Add…", "addAthlete", "Add an athlete to the squad")
        self.edit_button = panel_button(self, "Ed&it…", "editAthlete", "Everything about the selected athlete")
        self.remove_button = panel_button(self,
            "&Remove", "removeAthlete", "Remove the selected athlete (Undo brings them back)"
        )
        self.competitions = _list_view(self, "competitionList", self.competition_model)
        self.competitions_title = QLabel(self)
        self.entries_button = panel_button(self,
            "E&ntries…", "editEntries", "Who is entered in the selected competition, its dates and priority"
        )
        self.season_button = panel_button(self,
            "Season &settings…", "seasonSettings", "Season name, dates and first day of the week"
        )
        self.status = hint_label("", self)
        self.status.setObjectName("athletesStatus")

        self._lay_out()
        self._add_context_actions()
        self._configure_columns()

        self.add_button.clicked.connect(self.add_athlete)
        self.edit_button.clicked.connect(lambda: self.edit_athlete())
        self.remove_button.clicked.connect(lambda: self.remove_athlete())
        self.entries_button.clicked.connect(lambda: self.edit_entries())
        self.season_button.clicked.connect(self.edit_season)
        self.squad.doubleClicked.connect(lambda index: self.edit_athlete(self._id(index)))
        self.competitions.doubleClicked.connect(lambda index: self.edit_entries(self._id(index)))
        self.squad.selectionModel().currentChanged.connect(self._squad_current_changed)
        self.competitions.selectionModel().currentChanged.connect(self._competition_current_changed)
        self.document.changed.connect(self._on_document_changed)
        # A message about the document as it was ("Removed Anna") is stale once anything changes
        # it again, an undo above all; the panel's own edits say their line after this runs.
        self.document.changed.connect(lambda: self._say(""))
        self.selection.athlete_changed.connect(self._show_athlete)
        self.selection.competition_changed.connect(self._show_competition)
        self.refresh()

    def _lay_out(self) -> None:
        for title in (self.squad_title, self.competitions_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        squad_side = QWidget(self)
        squad_layout = QVBoxLayout(squad_side)
        squad_layout.setContentsMargins(0, 0, 4, 0)
        squad_layout.addLayout(
            _section_header(self.squad_title, [self.add_button, self.edit_button, self.remove_button])
        )
        squad_layout.addWidget(self.squad)
        competition_side = QWidget(self)
        competition_layout = QVBoxLayout(competition_side)
        competition_layout.setContentsMargins(4, 0, 0, 0)
        competition_layout.addLayout(
            _section_header(self.competitions_title, [self.entries_button, self.season_button])
        )
        competition_layout.addWidget(self.competitions)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(squad_side)
        splitter.addWidget(competition_side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter, 1)
        # The dock is short: the status line only takes room once there is something to say.
        self.status.setHidden(True)
        layout.addWidget(self.status)

    def _add_context_actions(self) -> None:
        for tree, actions in (
            (self.squad, [("Edit…", lambda: self.edit_athlete()), ("Remove", lambda: self.remove_athlete())]),
            (self.competitions, [("Entries…", lambda: self.edit_entries())]),
        ):
            for text, slot in actions:
                action = QAction(text, tree)
                action.triggered.connect(slot)
                tree.addAction(action)

    def _configure_columns(self) -> None:
        header = self.squad.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (EVENT, LEVEL, SQUAT, CLEAN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header = self.competitions.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PRIORITY, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PRIORITY, _CHIP_SIZE[0] + 14)
        header.setSectionResizeMode(COMPETITION, QHeaderView.ResizeMode.Stretch)
        for column in (DATES, VENUE, ENTERED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # Lists -----------------------------------------------------------------------------

    def _on_document_changed(self, changes: Changes) -> None:
        if changes.roster or changes.competitions:
            self.refresh()

    def fill(self) -> None:
        """The lists' rows, for a panel built without them; nothing for one that has them."""
        if self.filled:
            return
        self.filled = True
        self.squad_model.refresh()
        self.competition_model.refresh()
        self.refresh()

    def refresh(self) -> None:
        """The titles and buttons, and the rows that follow the shared selection; the models
        update their own rows."""
        season = self.document.season
        self.squad_title.setText(f"Squad ({len(season.athletes)})")
        self.competitions_title.setText(f"Competitions ({len(season.competitions)})")
        self._show_athlete(self.selection.athlete_id)
        self._show_competition(self.selection.competition_id)

    @staticmethod
    def _id(index: QModelIndex) -> str | None:
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def selected_athlete(self) -> str | None:
        return self._id(self.squad.currentIndex())

    def selected_competition(self) -> str | None:
        return self._id(self.competitions.currentIndex())

    # Selection -------------------------------------------------------------------------

    def _squad_current_changed(self, current: QModelIndex) -> None:
        if self.squad_model.updating:
            return
        athlete_id = self._id(current)
        if athlete_id is not None:
            self.selection.set_athlete(athlete_id)
        self._update_buttons()

    def _competition_current_changed(self, current: QModelIndex) -> None:
        if self.competition_model.updating:
            return
        competition_id = self._id(current)
        if competition_id is not None:
            self.selection.set_competition(competition_id)
        self._update_buttons()

    def _show_athlete(self, athlete_id: str) -> None:
        self._select(self.squad, self.squad_model, athlete_id)

    def _show_competition(self, competition_id: object) -> None:
        chosen = competition_id if isinstance(competition_id, str) else None
        self._select(self.competitions, self.competition_model, chosen)

    def _select(self, view: QTreeView, model: RecordModel[Any], key: str | None) -> None:
        # Following the shared selection must not echo back into it.
        selection = view.selectionModel()
        selection.blockSignals(True)
        match = model.find(key) if key is not None else QModelIndex()
        if not match.isValid():
            selection.clear()
        elif view.currentIndex().siblingAtColumn(0) != match:
            rows = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
            selection.setCurrentIndex(match, rows)
            view.scrollTo(match)
        selection.blockSignals(False)
        view.viewport().update()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_athlete = self.selected_athlete() is not None
        self.edit_button.setEnabled(has_athlete)
        self.remove_button.setEnabled(has_athlete)
        self.entries_button.setEnabled(self.selected_competition() is not None)

    # Commands --------------------------------------------------------------------------

    def add_athlete(self) -> bool:
        season = self.document.season
        if not self._apply("Add athlete", self.dialogs.edit_athlete(self, season, None)):
            return False
        added = self.document.season.athletes[-1]
        self.selection.set_athlete(added.id)
        self._say(f"Added {added.name} to the squad.")
        return True

    def edit_athlete(self, athlete_id: str | None = None) -> bool:
        athlete_id = athlete_id or self.selected_athlete()
        if athlete_id is None:
            return False
        season = self.document.season
        name = season.athlete(athlete_id).name
        if not self._apply(f"Edit {name}", self.dialogs.edit_athlete(self, season, athlete_id)):
            return False
        self._say(f"Changed {self.document.season.athlete(athlete_id).name}.")
        return True

    def remove_athlete(self, athlete_id: str | None = None) -> bool:
        """Remove without asking: the removal is one undo step, and the status says so."""
        athlete_id = athlete_id or self.selected_athlete()
        if athlete_id is None:
            return False
        name = self.document.season.athlete(athlete_id).name

        def edit(season: Season) -> Season:
            return remove_athlete(season, athlete_id)

        if not self._apply(f"Remove {name}", edit):
            return False
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        self._say(f"Removed {name}. Undo ({undo}) brings {name} back with their entries and changes.")
        return True

    def edit_entries(self, competition_id: str | None = None) -> bool:
        competition_id = competition_id or self.selected_competition()
        if competition_id is None:
            return False
        season = self.document.season
        name = season.competition(competition_id).name
        if not self._apply(f"Edit {name}", self.dialogs.edit_competition(self, season, competition_id)):
            return False
        self._say(f"Changed {self.document.season.competition(competition_id).name}.")
        return True

    def edit_season(self) -> bool:
        if not self._apply("Season settings", self.dialogs.edit_season(self, self.document.season)):
            return False
        self._say("Season settings changed.")
        return True

    def _apply(self, text: str, edit: Edit | None) -> bool:
        """Apply ``edit`` as one undo step; False when cancelled, refused or changing nothing."""
        before = self.document.season
        after = apply_edit(self.document, self.dialogs, self, text, edit)
        if after is None:
            return False
        if after == before:
            self._say("Nothing changed.")
            return False
        return True

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setHidden(not text)
