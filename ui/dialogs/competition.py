"""The competition dialog (name, days, priority, indoor or outdoor, entered athletes) and the
small dialog that names a competition just dropped on the calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.edits import change_competition
from planner.document.model import Competition, Priority, Season
from planner.document.text import plural
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
from ui.session_text import day_title, short_day, span_text

PRIORITY_TEXT = {
    Priority.A: "A – season peak: full taper",
    Priority.B: "B – important race: mini-taper",
    Priority.C: "C – training race: no taper",
}
# How far outside the season the date fields go: far enough to type a wrong date and be told
# why it is refused, instead of the field silently snapping it to the season's edge.
_DATE_SLACK = timedelta(days=366)
_PAGE_DAYS = 6 * 7


def season_span(season: Season) -> str:
    return span_text(season.first_day, season.last_day)


def grey_outside_season(edit: QDateEdit, season: Season) -> None:
    """Grey the days outside the season in the field's calendar popup, page by page.

    Only the month on show is formatted (when it is shown): formatting every day the field
    allows would be a thousand calls per dialog for pages the coach rarely opens.
    """
    outside = QTextCharFormat()
    outside.setForeground(QBrush(edit.palette().color(QPalette.ColorRole.PlaceholderText)))
    calendar = edit.calendarWidget()

    def grey_page(year: int, month: int) -> None:
        first = date(year, month, 1)
        # A page shows six weeks around its month, starting up to a week before the 1st.
        for offset in range(-7, _PAGE_DAYS):
            day = first + timedelta(days=offset)
            if not season.contains(day):
                calendar.setDateTextFormat(qdate(day), outside)

    calendar.currentPageChanged.connect(grey_page)
    grey_page(calendar.yearShown(), calendar.monthShown())


def season_date_edit(
    day: date, season: Season, parent: QWidget, *, span: tuple[date, date] | None = None
) -> QDateEdit:
    """A date field showing ``day``, with the season's days marked in its calendar popup.

    ``span`` is the first and last day it allows: by default the season and a year either
    side, for what must lie in the season (a competition).
    """
    first, last = span or (season.first_day - _DATE_SLACK, season.last_day + _DATE_SLACK)
    edit = date_edit(day, parent, week_start=season.week_start)
    edit.setDateRange(qdate(first), qdate(last))
    grey_outside_season(edit, season)
    return edit


class CompetitionDialog(CheckedDialog):
    """Everything about one competition; OK gives one ``change_competition`` edit."""

    def __init__(self, season: Season, competition_id: str, parent: QWidget | None = None) -> None:
        super().__init__(season, parent)
        self.setObjectName("competitionDialog")
        competition = season.competition(competition_id)
        self.competition_id = competition_id
        self.setWindowTitle(f"Competition – {competition.name}")

        self.name_edit = QLineEdit(competition.name, self)
        self.name_edit.setObjectName("competitionName")
        self.name_edit.setPlaceholderText("e.g. Regional Championships")
        self.name_error = ErrorLabel("nameError", self)
        self.first_edit = season_date_edit(competition.start, season, self)
        self.first_edit.setObjectName("firstDay")
        self.first_error = ErrorLabel("firstDayError", self)
        self.last_edit = season_date_edit(competition.end, season, self)
        self.last_edit.setObjectName("lastDay")
        self.last_error = ErrorLabel("lastDayError", self)
        self.length_label = hint_label("", self, wrap=False)

        self.priority_box = QComboBox(self)
        self.priority_box.setObjectName("priority")
        for priority, text in PRIORITY_TEXT.items():
            self.priority_box.addItem(text, priority)
        self.priority_box.setCurrentIndex(self.priority_box.findData(competition.priority))

        self.indoor_radio = QRadioButton("Indoor", self)
        self.outdoor_radio = QRadioButton("Outdoor", self)
        venue = QButtonGroup(self)
        venue.addButton(self.indoor_radio)
        venue.addButton(self.outdoor_radio)
        (self.indoor_radio if competition.indoor else self.outdoor_radio).setChecked(True)

        self.all_check = QCheckBox("All athletes, including those added later", self)
        self.all_check.setObjectName("allAthletes")
        self.athlete_list = QListWidget(self)
        self.athlete_list.setObjectName("enteredAthletes")
        self.entries_label = hint_label("", self)
        self._stored_entries: tuple[str, ...] = competition.athletes or ()
        self._fill_entries(competition)

        self._lay_out(season)
        self._last_first = competition.start
        self.name_edit.textChanged.connect(self.revalidate)
        self.first_edit.dateChanged.connect(self._first_day_moved)
        self.last_edit.dateChanged.connect(self.revalidate)
        self.priority_box.currentIndexChanged.connect(self.revalidate)
        self.indoor_radio.toggled.connect(self.revalidate)
        self.all_check.toggled.connect(self._all_toggled)
        self.athlete_list.itemChanged.connect(self.revalidate)
        self.revalidate()

    def _lay_out(self, season: Season) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add_row(form, "&Name:", self.name_edit, self.name_error, buddy=self.name_edit)
        add_row(form, "&First day:", self.first_edit, self.first_error, buddy=self.first_edit)
        last_row = QHBoxLayout()
        last_row.addWidget(self.last_edit)
        last_row.addWidget(self.length_label)
        last_row.addStretch(1)
        add_row(form, "&Last day:", last_row, self.last_error, buddy=self.last_edit)
        form.addRow("&Priority:", self.priority_box)
        venue_row = QHBoxLayout()
        venue_row.addWidget(self.indoor_radio)
        venue_row.addWidget(self.outdoor_radio)
        venue_row.addStretch(1)
        add_row(form, "&Venue:", venue_row, buddy=self.indoor_radio)

        entries = QGroupBox("Entered athletes", self)
        entries_layout = QVBoxLayout(entries)
        entries_layout.addWidget(self.all_check)
        entries_layout.addWidget(self.athlete_list)
        entries_layout.addWidget(self.entries_label)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(entries, 1)
        layout.addWidget(hint_label(f"The season runs {season_span(season)}.", self))
        layout.addWidget(self.edit_error)
        layout.addWidget(self.buttons)
        self.athlete_list.setMinimumHeight(120)
        self.athlete_list.setSpacing(2)
        self.resize(440, 520)

    def _fill_entries(self, competition: Competition) -> None:
        for athlete in self.season.athletes:
            item = QListWidgetItem(f"{athlete.name}  ·  {athlete.event.value}", self.athlete_list)
            item.setData(Qt.ItemDataRole.UserRole, athlete.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entered = competition.athletes is None or athlete.id in competition.athletes
            item.setCheckState(Qt.CheckState.Checked if entered else Qt.CheckState.Unchecked)
        self.all_check.setChecked(competition.athletes is None)
        self.athlete_list.setEnabled(competition.athletes is not None)

    # Reactions -------------------------------------------------------------------------

    def _first_day_moved(self) -> None:
        # Moving the first day carries the last day along, as in any calendar: the competition
        # keeps its length, so a one-day meet stays one day.
        new_first = py_date(self.first_edit.date())
        shift = new_first - self._last_first
        self._last_first = new_first
        if shift:
            self.last_edit.setDate(qdate(py_date(self.last_edit.date()) + shift))
        self.revalidate()

    def _all_toggled(self, everyone: bool) -> None:
        self.athlete_list.setEnabled(not everyone)
        if everyone:
            self.athlete_list.blockSignals(True)
            for item in self._items():
                item.setCheckState(Qt.CheckState.Checked)
            self.athlete_list.blockSignals(False)
        self.revalidate()

    # Values ----------------------------------------------------------------------------

    def _items(self) -> list[QListWidgetItem]:
        return [self.athlete_list.item(row) for row in range(self.athlete_list.count())]

    def set_entered(self, athlete_ids: tuple[str, ...] | None) -> None:
        """Tick exactly these athletes (None: all athletes, including later ones)."""
        self.all_check.setChecked(athlete_ids is None)
        if athlete_ids is not None:
            for item in self._items():
                entered = item.data(Qt.ItemDataRole.UserRole) in athlete_ids
                item.setCheckState(Qt.CheckState.Checked if entered else Qt.CheckState.Unchecked)

    def entered(self) -> tuple[str, ...] | None:
        """The athletes ticked, in the squad's order; the competition's own order while the
        same athletes are ticked, so an unchanged entry list is no change to the season."""
        if self.all_check.isChecked():
            return None
        ticked = tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self._items()
            if item.checkState() is Qt.CheckState.Checked
        )
        return self._stored_entries if set(ticked) == set(self._stored_entries) else ticked

    def check(self) -> bool:
        season = self.season
        first, last = py_date(self.first_edit.date()), py_date(self.last_edit.date())
        self.name_error.show_problem(name_problem(self.name_edit.text(), "The name"))
        self.first_error.show_problem(_outside_problem(season, first, "Starts"))
        if last < first:
            self.last_error.show_problem(f"The last day is before the first day ({short_day(first)})")
        else:
            self.last_error.show_problem(_outside_problem(season, last, "Ends"))
        days = (last - first).days + 1
        self.length_label.setText(plural(days, "day") if days > 0 else "")
        entered = self.entered()
        if entered is None:
            self.entries_label.setText(f"Everyone is entered ({len(season.athletes)} athletes now).")
        elif not entered:
            self.entries_label.setText("Nobody is entered: the competition changes no athlete's plan.")
        else:
            self.entries_label.setText(f"{len(entered)} of {len(season.athletes)} athletes entered.")
        return not any(label.problem for label in (self.name_error, self.first_error, self.last_error))

    def build_edit(self) -> Edit:
        competition_id = self.competition_id
        name = self.name_edit.text().strip()
        start, end = py_date(self.first_edit.date()), py_date(self.last_edit.date())
        priority = Priority(self.priority_box.currentData())
        indoor = self.indoor_radio.isChecked()
        athletes = self.entered()

        def edit(season: Season) -> Season:
            return change_competition(
                season,
                competition_id,
                name=name,
                start=start,
                end=end,
                priority=priority,
                indoor=indoor,
                athletes=athletes,
            )

        return edit


def _outside_problem(season: Season, day: date, verb: str) -> str:
    if season.contains(day):
        return ""
    return f"{verb} on {short_day(day)} {day.year}, outside the season ({season_span(season)})"


class CompetitionNameDialog(QDialog):
    """Asks the name of the competition just dropped on ``day``; an empty name is refused."""

    def __init__(self, suggestion: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competitionNameDialog")
        self.setWindowTitle("New competition")
        self.name_edit = QLineEdit(suggestion, self)
        self.name_edit.setObjectName("competitionName")
        self.name_edit.selectAll()
        self.name_error = ErrorLabel("nameError", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        prompt = QLabel(f"Name of the competition on <b>{day_title(day)}</b>:", self)
        prompt.setBuddy(self.name_edit)
        layout.addWidget(prompt)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.name_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.name_edit.textChanged.connect(self._revalidate)
        self._revalidate()

    def _revalidate(self) -> None:
        problem = name_problem(self.name_edit.text(), "The name")
        self.name_error.show_problem(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def name(self) -> str | None:
        """The name typed, without surrounding spaces; None while it is empty."""
        return self.name_edit.text().strip() or None

    def accept(self) -> None:
        if self.name() is not None:
            super().accept()
