"""Inline checks shared by the dialogs: the red reason beside a field, the wording of mass
ranges, and a dialog base whose OK stays disabled while anything is invalid.

The numbers come from ``planner.document.validation`` so a form refuses exactly what the document
would refuse; the form only says it earlier, next to the field, in a coach's words.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.document.edits import EditError
from planner.document.model import Season, Units
from planner.document.text import number as number_text
from planner.document.validation import in_kg_range
from ui.dialogs.ask import Edit

ERROR_COLOUR = "#c62828"
DATE_FORMAT = "ddd d MMM yyyy"
# Far above any mass a coach types: the range checks, not the field, refuse a value.
SPIN_LIMIT = 9999.0
_QT_WEEKDAYS = (
    Qt.DayOfWeek.Monday, Qt.DayOfWeek.Tuesday, Qt.DayOfWeek.Wednesday, Qt.DayOfWeek.Thursday,
    Qt.DayOfWeek.Friday, Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday,
)
_BANNER_STYLE = (
    f"QLabel {{ color: {ERROR_COLOUR}; background: #fdecea; border: 1px solid #f4c7c3;"
    " border-radius: 4px; padding: 6px 8px; }"
)


class ErrorLabel(QLabel):
    """Why the field next to it is refused; hidden while the field is fine."""

    def __init__(self, object_name: str, parent: QWidget | None = None, *, banner: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(_BANNER_STYLE if banner else f"QLabel {{ color: {ERROR_COLOUR}; }}")
        self.setHidden(True)

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.setHidden(not text)

    @property
    def problem(self) -> str:
        return self.text()


def with_error(field: QWidget | QLayout, error: ErrorLabel) -> QWidget:
    """``field`` (a widget or a row of widgets) with its error label right under it, as one
    form cell as wide as the form, so a long reason wraps at the form's width, not the field's."""
    cell = QWidget()
    cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(field, QLayout):
        layout.addLayout(field)
    elif field.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal:
        layout.addWidget(field)
    else:
        # Spin boxes and date fields keep their natural width instead of spanning the form.
        layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(error)
    return cell


def add_row(
    form: QFormLayout, text: str, field: QWidget | QLayout, error: ErrorLabel | None = None, *, buddy: QWidget
) -> None:
    """A form row whose label's shortcut (the ``&`` letter) focuses ``buddy``, even when the
    field is wrapped with its error label or laid out with other widgets."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field if error is None else with_error(field, error))


def hint_label(text: str, parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A quiet explanation under a field (not a problem); shown as typed, never as markup,
    because hints and status lines name athletes and competitions."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    quiet = label.palette()
    quiet.setColor(QPalette.ColorRole.WindowText, quiet.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(quiet)
    return label


class MassSpinBox(QDoubleSpinBox):
    """A mass field that reads like the rest of the app ("20 kg", "1.25 kg", not "20.00 kg").

    Its range is wide on purpose: the message beside the field explains a refusal, where a
    spin box that silently stops at its limit would not.
    """

    def __init__(self, value: float, units: Units, parent: QWidget | None = None, *, step: float = 0.5) -> None:
        super().__init__(parent)
        self.setRange(0.0, SPIN_LIMIT)
        # As many decimals as ``number_text`` writes: fractional plates come in 0.625 kg, and a
        # field holding two would keep 0.63 for it on an OK pressed without any change.
        self.setDecimals(3)
        self.setSingleStep(step)
        self.setValue(value)
        self.set_units(units)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(110)

    def set_units(self, units: Units) -> None:
        self.setSuffix(f" {units.value}")

    def textFromValue(self, value: float) -> str:
        return number_text(value)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def py_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(day: date, parent: QWidget | None = None, *, week_start: int = 0) -> QDateEdit:
    """A date field with a calendar popup, in the same format in every dialog.

    ``week_start`` is the season's first weekday (0 = Monday), so the popup's weeks are the
    season's weeks.
    """
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.calendarWidget().setFirstDayOfWeek(_QT_WEEKDAYS[week_start])
    return edit


def range_text(units: Units, bounds_kg: tuple[float, float]) -> str:
    """A kg range from ``planner.document.validation`` in the athlete's units: "10–400 kg", "23–881 lb".

    Pounds are rounded inwards, so every whole number shown is one the document accepts.
    """
    low, high = (units.from_kg(bound) for bound in bounds_kg)
    if units is Units.KG:
        return f"{number_text(low)}–{number_text(high)} kg"
    low_text = number_text(math.ceil(low * 100 - 1e-6) / 100) if low < 1 else str(math.ceil(low - 1e-9))
    return f"{low_text}–{math.floor(high + 1e-9)} lb"


def mass_problem(value: float, units: Units, bounds_kg: tuple[float, float], what: str) -> str:
    """"" when ``value`` (in ``units``) is inside the kg bounds, else the reason in words."""
    if in_kg_range(value, units, bounds_kg):
        return ""
    return f"{what} must be {range_text(units, bounds_kg)}"


def name_problem(text: str, what: str) -> str:
    return "" if text.strip() else f"{what} cannot be empty"


class CheckedDialog(QDialog):
    """A dialog whose OK gives an edit of ``season``, tried on the season before it is given.

    Subclasses lay out their fields with ``edit_error`` and ``buttons`` at the bottom, call
    ``revalidate`` whenever a field changes, and provide ``check`` (update the error labels;
    True when every field is valid) and ``build_edit``. Tests fill the fields and call
    ``result_edit`` instead of ``exec``.
    """

    def __init__(self, season: Season, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.season = season
        self.edit: Edit | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The edit's own refusal (something only the whole season can tell) shows above the buttons.
        self.edit_error = ErrorLabel("editError", self, banner=True)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def check(self) -> bool:
        """Show each field's problem beside it; True when the form may be accepted."""
        raise NotImplementedError

    def build_edit(self) -> Edit:
        """The edit the filled form stands for (only called when ``check`` passed)."""
        raise NotImplementedError

    def revalidate(self) -> bool:
        """Check the fields, then try the edit on the season; OK is enabled only when both pass.

        Trying the edit on every change costs one validation of the document, and it shows
        what only the whole season can refuse (a competition outside new season dates) while
        the coach is still looking at the field that caused it.
        """
        valid = self.check()
        refusal = self._refusal() if valid else ""
        self.edit_error.show_problem(refusal)
        accepted = valid and not refusal
        self.ok_button.setEnabled(accepted)
        self._grow_to_fit()
        return accepted

    def _grow_to_fit(self) -> None:
        # Reasons appear and wrap while the dialog is open; a window's minimum size ignores
        # wrapped text, so without this a long reason would be squeezed over its neighbours.
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._grow_to_fit()

    def _refusal(self) -> str:
        try:
            self.build_edit()(self.season)
        except EditError as error:
            return str(error)
        return ""

    def result_edit(self) -> Edit | None:
        """The edit, or None (with the reason shown) when the form or the edit refuses it."""
        return self.build_edit() if self.revalidate() else None

    def accept(self) -> None:
        edit = self.result_edit()
        if edit is None:
            return
        self.edit = edit
        super().accept()


def panel_button(parent: QWidget, text: str, name: str, tip: str) -> QPushButton:
    """A panel's command button: named for tests, explained by its tooltip, and never the
    default button (Enter in a list beside it must not press it)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    return button


def import_buttons(dialog: QDialog, action: str | None) -> QDialogButtonBox:
    """An import preview's buttons: ``action`` ("Add 3 competitions") and Cancel, or only
    Close when there is nothing to import (``action`` None)."""
    buttons = QDialogButtonBox(dialog)
    if action is not None:
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
    else:
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def preview_table(
    object_name: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], parent: QWidget
) -> QTableWidget:
    """An import preview's table of text: read only, selected by rows, without row numbers;
    a long cell is cut at the column edge and its tooltip shows it whole."""
    table = QTableWidget(len(rows), len(headers), parent)
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)
    return table
