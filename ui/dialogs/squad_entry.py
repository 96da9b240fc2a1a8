"""The squad entry: every athlete's sessions of one day or one week, typed in from a pile of
cards after practice without changing the window's selection.

A session is a row (athlete, session, what was planned, the status, effort, minutes, note) with
a row under it per prescribed exercise, whose "Done" cell holds its sets on one line
("5x120, 5x120, 3x120"), prefilled with the plan or with what was recorded. Tab goes from cell
to cell that takes typing; Enter records the session the current row belongs to (one undo
step) and goes on to the next athlete's. "Record the rest as planned" records every session
not recorded yet and not typed in, in one step. What is typed waits in the model until its
session is recorded; the document changes only through ``OpenSeason.apply``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.changes import Changes
from planner.document.edits import EditError, mark_done_as_planned
from planner.document.model import Athlete, Season, Units
from planner.document.records import RecordStatus, SessionRecord
from planner.document.sessions import Session
from planner.document.text import number
from planner.document.validation import record_problems
from planner.engine.compliance import day_compliance
from planner.engine.plan import Plan
from planner.engine.record_entry import (
    EntryError,
    entry_record,
    entry_units,
    is_as_planned,
    item_lines,
    items_from_lines,
)
from ui.document import OpenSeason
from ui.models import Entry, RecordModel
from ui.recording import band_tint, record_edit, record_undo_text, recorded_text, recorded_tip, status_words
from ui.selection import Selection
from ui.session_text import KIND_NAMES, day_title, item_text, session_facts, short_day, span_text

AnyIndex = QModelIndex | QPersistentModelIndex
RowKey = tuple[str, date, str, int | None]  # a session's athlete, day and kind; the exercise's row


class Column:
    ATHLETE = 0
    SESSION = 1
    PLANNED = 2
    DONE = 3
    EFFORT = 4
    MINUTES = 5
    NOTE = 6


HEADERS = ("Athlete", "Session", "Planned", "Done", "Effort", "Minutes", "Note")
SESSION_EDITABLE = (Column.DONE, Column.EFFORT, Column.MINUTES, Column.NOTE)
# What the status cell offers; "" reads the status from the sets.
STATUS_CHOICES = ("", "done", "partly done", "missed")
STATUS_OF = {status.words: status for status in RecordStatus}
SESSION_BACKGROUND = QColor("#eef1f5")
TYPED_COLOUR = QColor("#1f4e99")
MUTED_COLOUR = QColor("#5f6368")
MESSAGE_STYLE = "QLabel { background: #fdecea; color: #8c1d18; border-radius: 4px; padding: 4px 6px; }"


@dataclass(frozen=True, slots=True)
class EntryRow:
    """A session (``item`` None) or one of its prescribed exercises, with the session as planned
    (the record's own plan when it is recorded) and its record."""

    athlete: Athlete
    planned: Session
    record: SessionRecord | None
    item: int | None = None

    @property
    def session_key(self) -> tuple[str, date, str]:
        return (self.athlete.id, self.planned.date, self.planned.kind.value)

    @property
    def units(self) -> Units:
        """The units the loads are shown and typed in: the record's own, as on the record card."""
        return entry_units(self.athlete, self.record)


def entry_rows(season: Season, plans: dict[str, Plan], days: Sequence[date], today: date) -> list[EntryRow]:
    """Every athlete's sessions of ``days``, day by day, athlete by athlete: those the plan
    has, and a session recorded and later moved away, each with the plan it had when recorded
    (``planner.engine.compliance.day_compliance``'s sessions)."""
    rows = []
    for day in days:
        for athlete in season.athletes:
            for planned, record, _compliance in day_compliance(plans[athlete.id], season, day, today).sessions:
                rows.append(EntryRow(athlete, planned, record))
                rows += [EntryRow(athlete, planned, record, i) for i in range(len(planned.items))]
    return rows


class SquadEntryModel(RecordModel[EntryRow]):
    """The rows of the squad entry and what is typed in them, until it is recorded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._typed: dict[tuple[RowKey, int], str] = {}

    @staticmethod
    def row_key(row: EntryRow) -> RowKey:
        return (*row.session_key, row.item)

    def show(self, rows: Sequence[EntryRow]) -> None:
        self.set_entries([Entry(self.row_key(row), row) for row in rows])
        keys = {self.row_key(row) for row in rows}
        self._typed = {k: v for k, v in self._typed.items() if k[0] in keys}

    # What a cell holds ---------------------------------------------------------------------

    def shown_value(self, row: EntryRow, column: int) -> str:
        """What the cell held before anything was typed in it."""
        record = row.record
        if row.item is not None:
            return item_lines(record, row.planned, row.units)[row.item] if column == Column.DONE else ""
        if record is None:
            return ""
        if column == Column.DONE:
            return status_words(record)
        if column == Column.EFFORT:
            return "" if record.effort is None else number(record.effort)
        if column == Column.MINUTES:
            return "" if record.minutes is None else str(record.minutes)
        if column == Column.NOTE:
            return record.note
        return ""

    def value(self, row: EntryRow, column: int) -> str:
        return self._typed.get((self.row_key(row), column), self.shown_value(row, column))

    def typed_in(self, session_key: tuple[str, date, str]) -> bool:
        return any(key[0][:3] == session_key for key in self._typed)

    def forget_typed(self, session_key: tuple[str, date, str]) -> None:
        self._typed = {k: v for k, v in self._typed.items() if k[0][:3] != session_key}
        self._redraw(session_key)

    def session_rows(self, session_key: tuple[str, date, str]) -> list[EntryRow]:
        return [r for r in self.records() if r.session_key == session_key]

    def _redraw(self, session_key: tuple[str, date, str]) -> None:
        for position, row in enumerate(self.records()):
            if row.session_key == session_key:
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(HEADERS) - 1))

    def editable(self, row: EntryRow, column: int) -> bool:
        if row.item is not None:
            return column == Column.DONE
        return column in SESSION_EDITABLE

    def cell(self, record: EntryRow, column: int, role: int, *, grouped: bool) -> Any:
        row = record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if self.editable(row, column):
                if role == Qt.ItemDataRole.DisplayRole and row.item is None and column == Column.DONE:
                    return self._status_text(row)
                return self.value(row, column)
            return self._fixed_text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (self.row_key(row), column) in self._typed:
                return QBrush(TYPED_COLOUR)
            if row.item is None and column == Column.DONE and row.record is None:
                return QBrush(MUTED_COLOUR)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if row.item is None and column in (Column.ATHLETE, Column.SESSION):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.item is None:
            # A session's row stands out from its exercises; once recorded, in its status' colour.
            return QBrush(SESSION_BACKGROUND if row.record is None else QColor(band_tint(row.record)))
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.item is not None and column == Column.DONE:
                unit = "metres" if row.planned.items[row.item].distance_m is not None else row.units.value
                return f"Sets done, separated by commas: reps x {unit} (empty: not done)"
            if row.item is None and column == Column.DONE:
                recorded = "" if row.record is None else recorded_tip(row.record) + "\n"
                return recorded + "done, partly done or missed; left empty, it is read from the sets. " \
                    "Enter records the session"
        return None

    def _status_text(self, row: EntryRow) -> str:
        typed = self._typed.get((self.row_key(row), Column.DONE))
        if typed is not None:
            return typed or "(from the sets)"
        record = row.record
        if record is None:
            return "not recorded" if not self.typed_in(row.session_key) else "(from the sets)"
        if record.status is RecordStatus.DONE and is_as_planned(record):
            return "done as planned"
        return recorded_text(record)

    def _fixed_text(self, row: EntryRow, column: int) -> str:
        planned = row.planned
        if row.item is not None:
            item = planned.items[row.item]
            if column == Column.SESSION:
                return f"    {item.name}"
            return item_text(item).removeprefix(item.name).strip() if column == Column.PLANNED else ""
        if column == Column.ATHLETE:
            return row.athlete.name
        if column == Column.SESSION:
            return f"{short_day(planned.date)} · {KIND_NAMES[planned.kind]}: {planned.title}"
        if column == Column.PLANNED:
            return session_facts(planned)
        return ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        row = self.record(index)
        if row is not None and self.editable(row, index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.record(index)
        if row is None or role != Qt.ItemDataRole.EditRole or not self.editable(row, index.column()):
            return False
        text = str(value).strip()
        key = (self.row_key(row), index.column())
        if text == self.shown_value(row, index.column()):
            self._typed.pop(key, None)
        else:
            self._typed[key] = text
        self._redraw(row.session_key)
        return True

    # What the typing makes -------------------------------------------------------------------

    def record_of(self, session_key: tuple[str, date, str]) -> SessionRecord:
        """The record a session's typed cells make; EntryError when a cell is not a value."""
        rows = self.session_rows(session_key)
        head = rows[0]
        lines = [self.value(row, Column.DONE) for row in rows[1:]]
        items = items_from_lines(head.planned, lines)
        choice = self._typed.get((self.row_key(head), Column.DONE))
        if choice is None:
            # Not chosen: read from the sets, unless nothing about them changed since the record.
            sets_typed = any((self.row_key(row), Column.DONE) in self._typed for row in rows[1:])
            kept = head.record is not None and not sets_typed
            choice = status_words(head.record) if kept and head.record is not None else ""
        if choice and choice not in STATUS_OF:
            raise EntryError(f"Status: {choice!r} is not done, partly done or missed")
        return entry_record(
            head.athlete, head.planned.date, head.planned, items,
            effort=self.value(head, Column.EFFORT), minutes=self.value(head, Column.MINUTES),
            note=self.value(head, Column.NOTE), status=STATUS_OF.get(choice), units=head.units,
        )


class _StatusDelegate(QStyledItemDelegate):
    """A choice for a session's status cell, text for the others; Enter in an editor also asks
    for the session to be recorded."""

    enter_pressed = Signal()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        model = index.model()
        row = model.record(index) if isinstance(model, SquadEntryModel) else None
        if row is not None and row.item is None and index.column() == Column.DONE:
            box = QComboBox(parent)
            box.setObjectName("statusEditor")
            for choice in STATUS_CHOICES:
                box.addItem(choice or "(from the sets)", choice)
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: Any) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress and isinstance(editor, QWidget) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class EntryTable(QTableView):
    """Tab and Shift+Tab go only to the cells that take typing; Enter records."""

    enter_pressed = Signal()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        step = {QAbstractItemView.CursorAction.MoveNext: 1, QAbstractItemView.CursorAction.MovePrevious: -1}.get(action)
        model = self.model()
        if step is None or not isinstance(model, SquadEntryModel):
            return super().moveCursor(action, modifiers)
        columns = model.columnCount()
        current = self.currentIndex()
        position = current.row() * columns + current.column() if current.isValid() else -1
        for _ in range(model.rowCount() * columns):
            position = (position + step) % (model.rowCount() * columns)
            index = model.index(position // columns, position % columns)
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                return index
        return current

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class SquadEntry(QDialog):
    """The squad's sessions of a day or a week up to the window's date, for typing in what was done."""

    def __init__(self, document: OpenSeason, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("squadEntry")
        self.setWindowTitle("Enter the squad's sessions")
        self.document = document
        self.selection = selection
        self.today = document.today
        self.day = min(selection.day, self.today)
        self.resize(980, 560)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip("Earlier")
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip("Later (up to today)")
        self.next_button.clicked.connect(lambda: self._step(1))
        self.title = QLabel(self)
        self.title.setObjectName("squadEntryTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.span_box = QComboBox(self)
        self.span_box.setObjectName("squadEntrySpan")
        self.span_box.addItem("One day", "day")
        self.span_box.addItem("The week", "week")
        self.span_box.currentIndexChanged.connect(lambda _index: self.refresh())
        top.addWidget(self.previous_button)
        top.addWidget(self.title)
        top.addWidget(self.next_button)
        top.addWidget(self.span_box)
        top.addStretch(1)
        hint = QLabel("Tab: next cell · Enter: record the session · sets as 5x120, 5x120", self)
        hint.setStyleSheet(f"color: {MUTED_COLOUR.name()};")
        top.addWidget(hint)
        layout.addLayout(top)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("squadEntryMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(MESSAGE_STYLE)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.model = SquadEntryModel(self)
        self.model.dataChanged.connect(lambda *_args: self._count())
        self.table = EntryTable(self)
        self.table.setObjectName("squadEntryTable")
        self.table.setModel(self.model)
        self.delegate = _StatusDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.ATHLETE, 140), (Column.SESSION, 230), (Column.PLANNED, 200),
                              (Column.DONE, 190), (Column.EFFORT, 56), (Column.MINUTES, 64)):
            self.table.setColumnWidth(column, width)
        self.table.enter_pressed.connect(self.record_current)
        self.delegate.enter_pressed.connect(self.record_current)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("squadEntrySummary")
        bottom.addWidget(self.summary_label)
        bottom.addStretch(1)
        self.record_button = QPushButton("Record session", self)
        self.record_button.setObjectName("recordSessionButton")
        self.record_button.setToolTip("Record the session of the current row (Enter)")
        self.record_button.clicked.connect(self.record_current)
        self.rest_button = QPushButton("Record the rest as planned", self)
        self.rest_button.setObjectName("recordRestButton")
        self.rest_button.setToolTip("Every session not recorded yet and not typed in: done as planned, in one step")
        self.rest_button.clicked.connect(self.record_rest_as_planned)
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        for button in (self.record_button, self.rest_button, close):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        layout.addLayout(bottom)

        # Undo and redo work here too: this window has the focus while the coach types.
        undo = document.undo_stack.createUndoAction(self, "Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = document.undo_stack.createRedoAction(self, "Redo")
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])

        document.changed.connect(self._document_changed)
        self.refresh()

    # What is shown --------------------------------------------------------------------------

    def show_day(self, day: date) -> None:
        self.day = min(day, self.today)
        self.refresh()
        self.show()
        self.activateWindow()
        self.table.setFocus()

    def days(self) -> tuple[date, ...]:
        season = self.document.season
        if self.span_box.currentData() == "week":
            start = season.week_of(self.day)
            candidates = [start + timedelta(days=k) for k in range(7)]
        else:
            candidates = [self.day]
        return tuple(d for d in candidates if season.contains(d) and d <= self.today)

    def refresh(self) -> None:
        season = self.document.season
        days = self.days()
        if self.span_box.currentData() == "week":
            start = season.week_of(self.day)
            self.title.setText(f"Week {season.week_number(self.day)} · {span_text(start, start + timedelta(days=6))}")
        else:
            self.title.setText(day_title(self.day))
        self.model.show(entry_rows(season, self.document.plans(), days, self.today))
        self.previous_button.setEnabled(self.day > season.first_day)
        self.next_button.setEnabled(self.day < min(self.today, season.last_day))
        self._count()
        heads = [r for r in self.model.records() if r.item is None]
        if not self.table.currentIndex().isValid() and heads:
            self._go_to(heads[0].session_key)

    def _count(self) -> None:
        heads = [r for r in self.model.records() if r.item is None]
        left = [r for r in heads if r.record is None and not self.model.typed_in(r.session_key)]
        recorded = sum(1 for r in heads if r.record is not None)
        self.summary_label.setText(
            f"{recorded} of {len(heads)} sessions recorded" if heads else "No sessions planned here"
        )
        self.rest_button.setText(f"Record the rest as planned ({len(left)})")
        self.rest_button.setEnabled(bool(left))

    def _document_changed(self, changes: Changes) -> None:
        # Closed, it needs no plans worked out: ``show_day`` draws it again when it is opened.
        if self.isVisible():
            self.refresh()

    def _step(self, direction: int) -> None:
        days = 7 if self.span_box.currentData() == "week" else 1
        season = self.document.season
        self.day = min(max(self.day + timedelta(days=direction * days), season.first_day), self.today,
                       season.last_day)
        self._show_message("")
        self.refresh()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def _go_to(self, session_key: tuple[str, date, str]) -> None:
        for position, row in enumerate(self.model.records()):
            if row.item is None and row.session_key == session_key:
                self.table.setCurrentIndex(self.model.index(position, Column.DONE))
                return

    def _go_to_place(self, session_key: tuple[str, date, str], place: tuple[int | str, ...]) -> None:
        """The cell a refusal is about: the exercise's row for a set, the session's row for the
        effort, minutes or note; the session's status when the place is not known."""
        column = {"effort": Column.EFFORT, "minutes": Column.MINUTES, "note": Column.NOTE}.get(
            place[0] if place and isinstance(place[0], str) else "", Column.DONE
        )
        item = place[0] if place and isinstance(place[0], int) else None
        for position, row in enumerate(self.model.records()):
            if row.session_key == session_key and row.item == item:
                self.table.setCurrentIndex(self.model.index(position, column))
                return

    # Recording ------------------------------------------------------------------------------

    def _current_session(self) -> EntryRow | None:
        index = self.table.currentIndex()
        row = self.model.record(index) if index.isValid() else None
        return None if row is None else self.model.session_rows(row.session_key)[0]

    def record_current(self) -> bool:
        """Record the session of the current row (one undo step) and go to the next session."""
        head = self._current_session()
        if head is None:
            return False
        key = head.session_key
        heads = [r.session_key for r in self.model.records() if r.item is None]
        following = heads[heads.index(key) + 1] if heads.index(key) + 1 < len(heads) else None
        name = f"{head.athlete.name}, {short_day(head.planned.date)}"
        kind = KIND_NAMES[head.planned.kind].lower()
        try:
            record = self.model.record_of(key)
        except EntryError as error:
            self._show_message(f"{head.athlete.name}'s {kind} session on {head.planned.date.isoformat()}: {error}; "
                               "nothing was recorded")
            self._go_to_place(key, error.place)
            return False
        if record == head.record:
            self.model.forget_typed(key)
            self._after_record(following)
            return False
        try:
            self.document.apply(f"{record_undo_text(record)}: {kind} session ({name})", record_edit(record),
                                initiator=self, freeze=((record.athlete_id, record.date),))
        except EditError as error:
            self._show_message(str(error))
            problems = record_problems(self.document.season, record, "record")
            self._go_to_place(key, _problem_row(problems[0].path) if problems else ())
            return False
        self.model.forget_typed(key)
        self._show_message("")
        self._after_record(following)
        return True

    def _after_record(self, following: tuple[str, date, str] | None) -> None:
        if following is not None:
            self._go_to(following)

    def record_rest_as_planned(self) -> bool:
        """Every session shown that is neither recorded nor typed in: done as planned, one step."""
        rest = [r for r in self.model.records()
                if r.item is None and r.record is None and not self.model.typed_in(r.session_key)]
        if not rest:
            return False

        def edit(season: Season) -> Season:
            for row in rest:
                planned = row.planned
                season = mark_done_as_planned(season, row.athlete.id, planned.date, planned.kind, planned)
            return season

        days = sorted({r.planned.date for r in rest})
        when = short_day(days[0]) if len(days) == 1 else f"{short_day(days[0])} to {short_day(days[-1])}"
        try:
            self.document.apply(f"Done as planned: {len(rest)} sessions ({when})", edit, initiator=self,
                                freeze=tuple({(r.athlete.id, r.planned.date) for r in rest}))
        except EditError as error:
            self._show_message(str(error))
            return False
        self._show_message("")
        return True


_ITEM_PATH = re.compile(r"^record\.items\[(\d+)\]")
_SESSION_PATH = re.compile(r"^record\.(effort|minutes|note)")


def _problem_row(path: str) -> tuple[int | str, ...]:
    """Where a record problem is in the squad entry: an exercise's row (its sets are typed on
    one line) or the session's effort, minutes or note."""
    if (item := _ITEM_PATH.match(path)) is not None:
        return (int(item.group(1)),)
    if (field := _SESSION_PATH.match(path)) is not None:
        return (field.group(1),)
    return ()
