"""The training-max history of the athlete dialog: a table of lift, date, value and whether
the max was tested or estimated, with rows added and removed by the coach.

Values are in the athlete's units; the range check uses ``planner.document.validation.MAX_RANGE_KG``
converted to those units, so the table refuses what the document would refuse.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.document.catalogue import exercise, lifts_with_maxes
from planner.document.model import MaxEntry, Units
from planner.document.text import number as number_text
from planner.document.validation import MAX_RANGE_KG
from ui.dialogs.form_checks import (
    ERROR_COLOUR,
    ErrorLabel,
    MassSpinBox,
    date_edit,
    hint_label,
    mass_problem,
    py_date,
    qdate,
)
from ui.session_text import short_day

LIFT, DATE, VALUE, TESTED = range(4)
HEADERS = ("Lift", "Date", "Max", "Tested")
_MAX_SHOWN_PROBLEMS = 3
_WIDEST_DATE = "Wed 30 Sep 2026"
_WIDEST_VALUE = "881.85 lb"
# Cell margins plus the editor's arrows.
_CELL_PADDING = 40

AnyIndex = QModelIndex | QPersistentModelIndex


def lift_name(lift: str) -> str:
    return exercise(lift).name


class MaxesModel(QAbstractTableModel):
    """The athlete's maxes as rows, in document order (so an untouched table changes nothing)."""

    def __init__(self, maxes: tuple[MaxEntry, ...], units: Units, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(maxes)
        self._units = units

    @property
    def units(self) -> Units:
        return self._units

    def set_units(self, units: Units) -> None:
        self._units = units
        self._all_changed()

    def entries(self) -> tuple[MaxEntry, ...]:
        return tuple(self._rows)

    def set_entries(self, entries: tuple[MaxEntry, ...]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def add(self, entry: MaxEntry) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(entry)
        self.endInsertRows()
        return row

    def remove(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def problems(self) -> dict[int, str]:
        """Each refused row and why, in the athlete's current units."""
        found: dict[int, str] = {}
        seen: dict[tuple[str, date], int] = {}
        for row, entry in enumerate(self._rows):
            name = lift_name(entry.lift)
            if entry.value <= 0:
                found[row] = f"enter the {name.lower()} max"
            else:
                problem = mass_problem(entry.value, self._units, MAX_RANGE_KG, "a max")
                if problem:
                    found[row] = f"{number_text(entry.value)} {self._units.value} refused: {problem}"
            key = (entry.lift, entry.date)
            if key in seen and row not in found:
                found[row] = f"a second {name.lower()} max on the same day as row {seen[key] + 1}"
            seen.setdefault(key, row)
        return found

    # Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TESTED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.EditRole:
            return (entry.lift, qdate(entry.date), entry.value, entry.tested)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == TESTED:
            return Qt.CheckState.Checked if entry.tested else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VALUE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        problem = self.problems().get(index.row()) if column == VALUE else None
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or ("Tested" if entry.tested else "Estimated, not tested")
        return None

    def _display(self, entry: MaxEntry, column: int) -> str:
        if column == LIFT:
            return lift_name(entry.lift)
        if column == DATE:
            return f"{short_day(entry.date)} {entry.date.year}"
        if column == VALUE:
            return f"{number_text(entry.value)} {self._units.value}" if entry.value > 0 else "–"
        return "tested" if entry.tested else "estimate"

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        entry = self._rows[row]
        if column == TESTED and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            self._rows[row] = entry._replace(tested=checked)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == LIFT and isinstance(value, str) and value in lifts_with_maxes():
            self._rows[row] = entry._replace(lift=value)
        elif column == DATE and isinstance(value, QDate | date):
            day = py_date(value) if isinstance(value, QDate) else value
            self._rows[row] = entry._replace(date=day)
        elif column == VALUE and isinstance(value, int | float):
            self._rows[row] = entry._replace(value=float(value))
        elif column == TESTED and isinstance(value, bool):
            self._rows[row] = entry._replace(tested=value)
        else:
            return False
        # A change in one row can clear or raise a duplicate elsewhere: repaint every row.
        self._all_changed()
        return True

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))


class MaxesDelegate(QStyledItemDelegate):
    """Editors that speak the table's language: lift names, a calendar, the athlete's units."""

    def __init__(self, model: MaxesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        column = index.column()
        if column == LIFT:
            combo = QComboBox(parent)
            for lift in lifts_with_maxes():
                combo.addItem(lift_name(lift), lift)
            return combo
        if column == DATE:
            return date_edit(date.today(), parent)
        step = 2.5 if self._model.units is Units.KG else 5.0
        spin = MassSpinBox(0.0, self._model.units, parent, step=step)
        spin.setMinimumWidth(0)
        spin.setSpecialValueText("–")
        return spin

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDoubleSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)


class MaxesEditor(QWidget):
    """The table with Add and Remove, and the refused rows listed under it."""

    changed = Signal()

    def __init__(
        self, maxes: tuple[MaxEntry, ...], units: Units, new_day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._new_day = new_day
        self.model = MaxesModel(maxes, units, self)
        self.table = QTableView(self)
        self.table.setObjectName("maxesTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(MaxesDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LIFT, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the widest text each column shows, so a new row never elides.
        metrics = self.table.fontMetrics()
        for column, widest in ((DATE, _WIDEST_DATE), (VALUE, _WIDEST_VALUE)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(widest) + _CELL_PADDING)
        header.setSectionResizeMode(TESTED, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton("&Add max", self)
        self.add_button.setObjectName("addMax")
        self.remove_button = QPushButton("R&emove", self)
        self.remove_button.setObjectName("removeMax")
        self.error = ErrorLabel("maxesError", self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                "Every max ever recorded; the plan uses the latest one on or before each day. "
                "Untick Tested for an estimate: heavy sets are capped until a tested max is recorded.",
                self,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.dataChanged.connect(self._on_changed)
        self.model.rowsInserted.connect(self._on_changed)
        self.model.rowsRemoved.connect(self._on_changed)
        self.model.modelReset.connect(self._on_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def entries(self) -> tuple[MaxEntry, ...]:
        return self.model.entries()

    def problem_text(self) -> str:
        """The refused rows as the label under the table shows them ("" when all are fine)."""
        problems = self.model.problems()
        lines = [f"Row {row + 1}: {text}" for row, text in list(problems.items())[:_MAX_SHOWN_PROBLEMS]]
        if len(problems) > _MAX_SHOWN_PROBLEMS:
            lines.append(f"… and {len(problems) - _MAX_SHOWN_PROBLEMS} more")
        return "\n".join(lines)

    def add_row(self) -> int:
        """A new row for the coach to fill, starting the value editor; returns its row."""
        entries = self.model.entries()
        # The next max is most often the other main lift tested the same day as the last one.
        lift = "back_squat"
        if entries and entries[-1].lift == "back_squat":
            lift = "power_clean"
        row = self.model.add(MaxEntry(lift=lift, date=self._new_day, value=0.0, tested=True))
        index = self.model.index(row, VALUE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if self.table.isVisible():
            self.table.edit(index)
        return row

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        self.model.remove(rows)

    def _on_changed(self) -> None:
        self.error.show_problem(self.problem_text())
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())
