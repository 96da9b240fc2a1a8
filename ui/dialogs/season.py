"""The season settings dialog: name, first and last day, and the weekday weeks start on."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from planner.document.edits import change_season
from planner.document.model import WEEKDAY_NAMES, Season
from ui.dialogs.ask import Edit
from ui.dialogs.form_checks import (
    CheckedDialog,
    ErrorLabel,
    add_row,
    date_edit,
    hint_label,
    name_problem,
    py_date,
    qdate,
)
from ui.session_text import short_day

# Any season a coach plans today falls well inside these; they only stop a stray keystroke
# from producing the year 7000.
_EARLIEST = date(2000, 1, 1)
_LATEST = date(2099, 12, 31)


class SeasonDialog(CheckedDialog):
    """OK gives one ``change_season`` edit."""

    def __init__(self, season: Season, parent: QWidget | None = None) -> None:
        super().__init__(season, parent)
        self.setObjectName("seasonDialog")
        self.setWindowTitle("Season settings")

        self.name_edit = QLineEdit(season.name, self)
        self.name_edit.setObjectName("seasonName")
        self.name_edit.setPlaceholderText("e.g. Sprint squad 2026/27")
        self.name_error = ErrorLabel("nameError", self)
        self.first_edit = date_edit(season.first_day, self, week_start=season.week_start)
        self.first_edit.setObjectName("firstDay")
        self.last_edit = date_edit(season.last_day, self, week_start=season.week_start)
        self.last_edit.setObjectName("lastDay")
        self.last_error = ErrorLabel("lastDayError", self)
        for edit in (self.first_edit, self.last_edit):
            edit.setDateRange(qdate(_EARLIEST), qdate(_LATEST))
        self.week_start_box = QComboBox(self)
        self.week_start_box.setObjectName("weekStart")
        self.week_start_box.addItems(list(WEEKDAY_NAMES))
        self.week_start_box.setCurrentIndex(season.week_start)
        self.summary_label = hint_label("", self)
        self.summary_label.setObjectName("seasonSummary")
        self.summary_label.setWordWrap(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add_row(form, "&Name:", self.name_edit, self.name_error, buddy=self.name_edit)
        form.addRow("&First day:", self.first_edit)
        add_row(form, "&Last day:", self.last_edit, self.last_error, buddy=self.last_edit)
        form.addRow("&Weeks start on:", self.week_start_box)
        form.addRow("", self.summary_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                "Competitions, changed sessions and locked weeks must stay inside the season: "
                "move or remove them before shortening it.",
                self,
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.edit_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

        self.name_edit.textChanged.connect(self.revalidate)
        self.first_edit.dateChanged.connect(self.revalidate)
        self.last_edit.dateChanged.connect(self.revalidate)
        self.week_start_box.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    def _values(self) -> tuple[str, date, date, int]:
        first, last = py_date(self.first_edit.date()), py_date(self.last_edit.date())
        return self.name_edit.text().strip(), first, last, self.week_start_box.currentIndex()

    def check(self) -> bool:
        name, first, last, week_start = self._values()
        self.name_error.show_problem(name_problem(name, "The season's name"))
        if last < first:
            self.last_error.show_problem(f"The last day is before the first day ({short_day(first)} {first.year})")
            self.summary_label.setText("")
        else:
            self.last_error.show_problem("")
            weeks = self.season._replace(first_day=first, last_day=last, week_start=week_start).week_count
            last_weekday = WEEKDAY_NAMES[(week_start + 6) % 7]
            self.summary_label.setText(
                f"{weeks} planner weeks, each {WEEKDAY_NAMES[week_start]} to {last_weekday}."
            )
        return not (self.name_error.problem or self.last_error.problem)

    def build_edit(self) -> Edit:
        name, first, last, week_start = self._values()

        def edit(season: Season) -> Season:
            return change_season(season, name=name, first_day=first, last_day=last, week_start=week_start)

        return edit
