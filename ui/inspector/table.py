"""The inspector's table of a session's items: a model over the plan's items and the editors
that let a coach change them without being able to type an impossible value.

The model never changes an item itself: an accepted value goes to the ``on_edit`` callback,
which turns it into one document edit; the inspector then rebuilds the table from the new
plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent, QStandardItem, QStandardItemModel, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planner.document.sessions import Item
from planner.engine.session_edits import DISTANCE_RANGE, DISTANCE_STEP, PERCENT_RANGE, REPS_RANGE, SETS_RANGE, Choices
from ui.session_text import (
    EDITED_MARK,
    distance_contacts_text,
    intent_text,
    is_plyometric,
    item_note,
    item_text,
    literal_html,
    load_text,
    number,
    percent_text,
    plates_text,
    reserve_text,
    rest_text,
)

ModelIndex = QModelIndex | QPersistentModelIndex
EditCallback = Callable[[int, "Column", object], None]

EDITED_COLOUR = QColor("#1f4e99")
MUTED_COLOUR = QColor("#5f6368")
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # (preferred, rest) exercises, for the exercise editor
LOADS_ROLE = Qt.ItemDataRole.UserRole + 2  # every load the athlete can lift for the item, in the load cell
UNIT_ROLE = Qt.ItemDataRole.UserRole + 3  # the item's mass unit, in the load cell
EDIT_VALUE_ROLE = Qt.ItemDataRole.UserRole + 4  # the value an editor starts from (a number, an exercise id)
# The value an editor held when it opened (see ``ItemDelegate.setModelData``).
_OPENED_PROPERTY = "openedValue"
NOTE_CHARS = 40
EXERCISE_MIN_WIDTH = 96
DISTANCE_MIN_WIDTH = 64  # "15 m · 24" on one line, "(moderate)" wrapped below


class Column(IntEnum):
    EXERCISE = 0
    SETS = 1
    REPS = 2
    PERCENT = 3
    LOAD = 4
    PLATES = 5
    REST = 6
    INTENT = 7
    DISTANCE = 8
    NOTE = 9


# The numbers a coach reads first; the exercise column gives way to keep them in view.
KEY_COLUMNS = (Column.SETS, Column.REPS, Column.PERCENT, Column.LOAD, Column.DISTANCE)
# Shown as a wrapped line per item under the table (``session_text.item_details``), not as
# columns: a side panel on a laptop has room for the key numbers only, and a table that
# scrolls sideways hides whatever is off to the right.
DETAIL_COLUMNS = (Column.PLATES, Column.REST, Column.INTENT, Column.NOTE)
# Right-aligned, as numbers are.
NUMBER_COLUMNS = (Column.SETS, Column.REPS, Column.PERCENT, Column.LOAD, Column.REST)

HEADERS = {
    Column.EXERCISE: "Exercise",
    Column.SETS: "Sets",
    Column.REPS: "Reps",
    Column.PERCENT: "% max",
    Column.LOAD: "Load",
    Column.PLATES: "Plates per side",
    Column.REST: "Rest",
    Column.INTENT: "Intent",
    Column.DISTANCE: "Distance /\ncontacts",
    Column.NOTE: "Note",
}
HEADER_TIPS = {
    Column.PERCENT: "Percentage of the athlete's training max",
    Column.LOAD: "Load in the athlete's units, rounded to the plates the gym has",
    Column.PLATES: "Plates on each side of the bar",
    Column.REST: "Rest between sets (minutes:seconds)",
    Column.DISTANCE: "Distance per repetition and foot contacts for the whole drill (intensity)",
}


_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SHOWN | Qt.ItemFlag.ItemIsEditable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ItemsModel(QStandardItemModel):
    """The items of one session, one row each.

    A session's items never change while its table is shown (an edit redraws the inspector
    with a new table), so every cell's values are worked out once, here, and kept by Qt: the
    table asks for them hundreds of times while it sizes its columns and rows and paints,
    and each question answered in Python cost a few microseconds (most of a table's build).
    Qt keeps an item's edit value as its display value, so the value an editor starts from
    is under ``EDIT_VALUE_ROLE``.
    """

    def __init__(
        self,
        items: Sequence[Item],
        *,
        choices: Sequence[Choices],
        loads: Sequence[tuple[float, ...]],
        on_edit: EditCallback | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(len(items), len(Column), parent)
        self.items = tuple(items)
        self._choices = tuple(choices)
        self._loads = tuple(loads)
        self._on_edit = on_edit
        for column in Column:
            header = QStandardItem(HEADERS[column])
            tip = HEADER_TIPS.get(column)
            if tip is not None:
                header.setToolTip(tip)
            self.setHorizontalHeaderItem(column, header)
        edited_font: QFont | None = None
        for row, item in enumerate(self.items):
            # Rows have no header text (the vertical header is hidden; Qt would number them).
            self.setVerticalHeaderItem(row, QStandardItem())
            if item.edited and edited_font is None:
                edited_font = QFont()
                edited_font.setItalic(True)
            for column in Column:
                self.setItem(row, column, self._cell(row, item, column, edited_font))

    def _cell(self, row: int, item: Item, column: Column, edited_font: QFont | None) -> QStandardItem:
        cell = QStandardItem(self._display(item, column))
        cell.setData(self._edit_value(item, column), EDIT_VALUE_ROLE)
        tip = self._tooltip(item, column)
        if tip is not None:
            cell.setToolTip(literal_html(tip))
        if item.edited and edited_font is not None:
            cell.setFont(edited_font)
            cell.setForeground(QBrush(EDITED_COLOUR))
        elif column is Column.LOAD and item.load is None:
            cell.setForeground(QBrush(MUTED_COLOUR))
        if column in NUMBER_COLUMNS:
            cell.setTextAlignment(_RIGHT)
        # What the editors offer: the exercise editor's choices, the load editor's loads.
        if column is Column.EXERCISE:
            cell.setData(self._choices[row], CHOICES_ROLE)
        elif column is Column.LOAD:
            cell.setData(self._loads[row], LOADS_ROLE)
            cell.setData(item.unit, UNIT_ROLE)
        cell.setFlags(_EDITABLE if self._on_edit is not None and self.editable(row, column) else _SHOWN)
        return cell

    def detach(self) -> None:
        """Stop passing edits on: the table is about to be replaced by one for the new plan."""
        self._on_edit = None
        # Quietly, as flags asked of the model change: the table is on its way out.
        blocked = self.blockSignals(True)
        try:
            for row in range(len(self.items)):
                for column in Column:
                    cell = self.item(row, column)
                    if cell is not None and cell.isEditable():
                        cell.setEditable(False)
        finally:
            self.blockSignals(blocked)

    def editable(self, row: int, column: Column) -> bool:
        item = self.items[row]
        plyo = is_plyometric(item)
        if column in (Column.EXERCISE, Column.SETS):
            return True
        if column is Column.REPS:
            # A running drill is counted in runs (sets) of a distance; its reps stay 1.
            return item.distance_m is None
        if column is Column.PERCENT:
            return not plyo and item.max_value is not None
        if column is Column.LOAD:
            return not plyo and bool(self._loads[row])
        if column is Column.DISTANCE:
            return item.distance_m is not None
        return False

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        # A value typed in is not kept here: it becomes one edit of the document, and the
        # inspector then shows a new table.
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._on_edit is None:
            return False
        column = Column(index.column())
        if not self.editable(index.row(), column) or value == self._edit_value(self.items[index.row()], column):
            return False
        self._on_edit(index.row(), column, value)
        return True

    @staticmethod
    def _display(item: Item, column: Column) -> str:
        match column:
            case Column.EXERCISE:
                return f"{EDITED_MARK} {item.name}" if item.edited else item.name
            case Column.SETS:
                return str(item.sets)
            case Column.REPS:
                return str(item.reps)
            case Column.PERCENT:
                return percent_text(item)
            case Column.LOAD:
                # Rep-range work has no load to prescribe, only how hard the sets should be.
                return load_text(item) or reserve_text(item)
            case Column.PLATES:
                return plates_text(item)
            case Column.REST:
                return rest_text(item.rest_s)
            case Column.INTENT:
                return intent_text(item)
            case Column.DISTANCE:
                return distance_contacts_text(item)
            case Column.NOTE:
                # Notes run long: one short line keeps the rows short; the tooltip has it all.
                note = item_note(item)
                return note if len(note) <= NOTE_CHARS else note[: NOTE_CHARS - 1].rstrip() + "…"

    @staticmethod
    def _edit_value(item: Item, column: Column) -> object:
        match column:
            case Column.EXERCISE:
                return item.exercise_id
            case Column.SETS:
                return item.sets
            case Column.REPS:
                return item.reps
            case Column.PERCENT:
                return item.percent_max
            case Column.LOAD:
                return item.load
            case Column.DISTANCE:
                return item.distance_m
            case _:
                return ItemsModel._display(item, column)

    @staticmethod
    def _tooltip(item: Item, column: Column) -> str | None:
        if column is Column.EXERCISE:
            lines = [item_text(item)]
            if item.edited:
                lines.append(f"{EDITED_MARK} changed by the coach")
            if item.rule_ids:
                lines.append("Rules: " + ", ".join(item.rule_ids))
            return "\n".join(lines)
        if column is Column.NOTE:
            return item_note(item) or None
        if column is Column.PLATES and item.plates_per_side:
            return f"{plates_text(item)} {item.unit} on each side"
        if column is Column.PERCENT and item.max_value is not None:
            return f"of a max of {number(item.max_value)} {item.unit}"
        return None


class LoadSpinBox(QDoubleSpinBox):
    """A load editor that only ever holds a load the athlete can lift (``allowed`` values).

    Arrows step through the allowed loads; a typed value between two of them is completed to
    the nearest one when the edit is confirmed.
    """

    def __init__(self, allowed: Sequence[float], unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allowed = tuple(sorted(allowed))
        # Fractional plates make loads like 64.375: as many decimals as ``number`` writes.
        self.setDecimals(3)
        self.setRange(self.allowed[0], self.allowed[-1])
        self.setSuffix(f" {unit}")
        self.setKeyboardTracking(False)

    def nearest(self, value: float) -> float:
        return min(self.allowed, key=lambda v: (abs(v - value), v))

    def _index(self) -> int:
        return self.allowed.index(self.nearest(self.value()))

    def stepBy(self, steps: int) -> None:
        index = max(0, min(len(self.allowed) - 1, self._index() + steps))
        self.setValue(self.allowed[index])

    def textFromValue(self, value: float) -> str:
        return number(value)

    def _parse(self, text: str) -> float | None:
        core = text.removesuffix(self.suffix()).strip().replace(",", ".")
        try:
            return float(core)
        except ValueError:
            return None

    def valueFromText(self, text: str) -> float:
        value = self._parse(text)
        return self.nearest(self.value() if value is None else value)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        core = text.removesuffix(self.suffix()).strip()
        if core == "" or (all(c in "0123456789.," for c in core) and self._parse(text) is None):
            return QValidator.State.Intermediate, text, pos
        value = self._parse(text)
        if value is None:
            return QValidator.State.Invalid, text, pos
        if abs(self.nearest(value) - value) < 1e-6:
            return QValidator.State.Acceptable, text, pos
        if value <= self.allowed[-1] * 10:
            # Probably half-typed ("8" on the way to "83.75") or between two loads: completed on confirm.
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        value = self._parse(text)
        return self.textFromValue(self.nearest(self.value() if value is None else value)) + self.suffix()


class ItemDelegate(QStyledItemDelegate):
    """Editors with ranges that make an impossible value impossible to enter."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        column = Column(index.column())
        if column is Column.EXERCISE:
            combo = QComboBox(parent)
            preferred, rest = index.data(CHOICES_ROLE)
            for exercise in preferred:
                combo.addItem(exercise.name, exercise.id)
            if rest:
                combo.insertSeparator(combo.count())
                for exercise in rest:
                    combo.addItem(exercise.name, exercise.id)
            # A pick is the whole gesture: commit it at once rather than on focus loss.
            combo.activated.connect(lambda _index: self._commit(combo))
            return combo
        if column is Column.LOAD:
            return LoadSpinBox(index.data(LOADS_ROLE), index.data(UNIT_ROLE), parent)
        if column is Column.PERCENT:
            percent = QDoubleSpinBox(parent)
            # A body-weight item is at 0 %, below the usual floor. Its editor reaches down to the
            # item's own value, so it opens showing what the item is rather than 5 %: a coach may
            # still load the jumps by typing a percentage, but opening the cell must not do it.
            value = index.data(EDIT_VALUE_ROLE)
            low = min(PERCENT_RANGE[0], float(value)) if isinstance(value, int | float) else PERCENT_RANGE[0]
            percent.setRange(low, PERCENT_RANGE[1])
            percent.setDecimals(1)
            percent.setSingleStep(2.5)
            percent.setSuffix(" %")
            return percent
        spin = QSpinBox(parent)
        if column is Column.SETS:
            spin.setRange(*SETS_RANGE)
        elif column is Column.REPS:
            spin.setRange(*REPS_RANGE)
        else:
            spin.setRange(*DISTANCE_RANGE)
            spin.setSingleStep(DISTANCE_STEP)
            spin.setSuffix(" m")
        return spin

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(EDIT_VALUE_ROLE)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, LoadSpinBox):
            editor.setValue(editor.nearest(value if value is not None else editor.allowed[0]))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value) if value is not None else editor.minimum())
        elif isinstance(editor, QSpinBox):
            editor.setValue(round(value) if value is not None else editor.minimum())
        editor.setProperty(_OPENED_PROPERTY, self._editor_value(editor))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        value = self._editor_value(editor)
        # An editor left as it opened is no change. Where it cannot hold the cell's value (an
        # item without a load or a percentage) it opens at its lowest value, and committing
        # that would give the item a load the coach never typed.
        if value is None or value == editor.property(_OPENED_PROPERTY):
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    @staticmethod
    def _editor_value(editor: QWidget) -> object:
        """The value ``editor`` would commit, as the model takes it."""
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, LoadSpinBox):
            editor.interpretText()
            return editor.nearest(editor.value())
        if isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            return round(editor.value(), 1)
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            return editor.value()
        return None


class ItemsTable(QTableView):
    """A table as tall as its rows (the inspector scrolls, not the table), hiding the columns
    no item of the session uses and the details shown under it."""

    def __init__(self, model: ItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # What the columns were last fitted to: the viewport's width and the key numbers'
        # widths (see ``_fit_columns``).
        self._fitted: tuple[int, ...] | None = None
        # Everything that does not depend on the items is set before the model, and the columns
        # are hidden and moved before they are sized to their contents: each of these, once
        # the columns fit their contents, had Qt measure every cell again.
        self.setItemDelegate(ItemDelegate(self))
        self.setObjectName("inspectorItems")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setModel(model)
        for column in Column:
            used = any(model.data(model.index(r, column)) for r in range(model.rowCount()))
            self.setColumnHidden(column, column in DETAIL_COLUMNS or (not used and column is not Column.EXERCISE))
        # Drills have no % or load: their distance and contacts take that place on screen.
        header.moveSection(header.visualIndex(Column.DISTANCE), header.visualIndex(Column.PERCENT))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.EXERCISE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.DISTANCE, QHeaderView.ResizeMode.Fixed)
        self.horizontalScrollBar().rangeChanged.connect(lambda _low, _high: self.updateGeometry())
        # The exercise and distance columns are fitted to the viewport's width when the table
        # gets its size, which Qt gives it before it is first shown (``resizeEvent``).

    def _fit_columns(self) -> None:
        """Give the exercise names what the key numbers leave of the width (wrapping if need
        be), so sets, reps, % and load are visible even in a narrow dock.

        The fit follows from the viewport's width and the widths of the key numbers alone
        (the items, and so the cells' sizes, do not change in a table's life; Qt measures
        every row for a column however few are in view): the layout resizes the table a few
        times while it settles, mostly only in height, and the same width is not fitted again.
        """
        shown = [c for c in KEY_COLUMNS if c is not Column.DISTANCE and not self.isColumnHidden(c)]
        widths = [self.columnWidth(c) for c in shown]
        fitted = (self.viewport().width(), *widths)
        if fitted == self._fitted:
            return
        header = self.horizontalHeader()
        distance = max(self.sizeHintForColumn(Column.DISTANCE), header.sectionSizeHint(Column.DISTANCE))
        others = sum(widths)
        # Drill cells wrap rather than push the table wider than the panel.
        spare = self.viewport().width() - others - EXERCISE_MIN_WIDTH
        self.setColumnWidth(Column.DISTANCE, max(DISTANCE_MIN_WIDTH, min(distance, spare)))
        key = others + (0 if self.isColumnHidden(Column.DISTANCE) else self.columnWidth(Column.DISTANCE))
        natural = self.sizeHintForColumn(Column.EXERCISE)
        natural = max(natural, self.horizontalHeader().sectionSizeHint(Column.EXERCISE))
        room = self.viewport().width() - key
        self.setColumnWidth(Column.EXERCISE, max(EXERCISE_MIN_WIDTH, min(natural, room)))
        self.resizeRowsToContents()
        self.updateGeometry()
        self._fitted = fitted

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The cells measure otherwise: fitted again at the next size, whatever its width.
            self._fitted = None

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _content_height(self) -> int:
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        bar = self.horizontalScrollBar()
        if bar.maximum() > 0:
            height += bar.sizeHint().height()
        return height

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._content_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._content_height())
