"""The note dialog: a season note's text, its day (or none) and its athlete (or the squad).

OK gives one ``add_note`` or ``change_note`` edit, tried on the season first like every
``CheckedDialog``. ``ui.notes.ask_note`` runs it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from planner.document.edits import UNCHANGED, Unchanged, add_note, change_note
from planner.document.limits import FIRST_YEAR, LAST_YEAR, MAX_NOTE_LENGTH, text_problem
from planner.document.model import Note, Season
from ui.dialogs.ask import Edit
from ui.dialogs.competition import season_date_edit
from ui.dialogs.form_checks import CheckedDialog, ErrorLabel, add_row, hint_label, py_date, qdate

SQUAD_TEXT = "The whole squad"
# A note may be about any day the document can hold, before or after the season (a test day,
# an injury): its day field offers all of them, not just the season and a year either side.
NOTE_DAYS = (date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))
# How Qt's text document separates the paragraphs that a note's line breaks start.
_PARAGRAPH_SEPARATOR = "\u2029"


def note_problem(text: str) -> str:
    """Why ``text`` cannot be a note, in the dialog's words ("" when it can)."""
    if not text.strip():
        return "The note cannot be empty"
    problem = text_problem(text, max_length=MAX_NOTE_LENGTH, multiline=True)
    return "" if problem is None else f"The note cannot be kept: {problem}"


class NoteDialog(CheckedDialog):
    """A note's text, day and athlete; OK gives one edit of the season."""

    def __init__(
        self,
        season: Season,
        note: Note | None,
        *,
        day: date | None = None,
        athlete_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(season, parent)
        self.setObjectName("noteDialog")
        self.note = note
        self.setWindowTitle("New note" if note is None else "Note")
        if note is not None:
            day, athlete_id = note.date, note.athlete_id

        self.text_edit = QPlainTextEdit(note.text if note is not None else "", self)
        self.text_edit.setObjectName("noteText")
        self.text_edit.setPlaceholderText("e.g. Training camp: double sessions all week")
        self.text_edit.setTabChangesFocus(True)
        # A stored note can hold what the text field cannot give back as it was (a paragraph
        # separator reads as a line break, white space around it is trimmed): while the field
        # still shows it as loaded, OK keeps the stored text.
        self._loaded_text = self._field_text()
        self.text_error = ErrorLabel("noteTextError", self)
        self.day_check = QCheckBox("On a day:", self)
        self.day_check.setObjectName("noteOnDay")
        self.day_check.setChecked(day is not None)
        self.day_edit = season_date_edit(day or season.first_day, season, self, span=NOTE_DAYS)
        self.day_edit.setObjectName("noteDay")
        self.day_edit.setEnabled(day is not None)
        self.athlete_box = QComboBox(self)
        self.athlete_box.setObjectName("noteAthlete")
        self.athlete_box.addItem(SQUAD_TEXT, None)
        for athlete in season.athletes:
            self.athlete_box.addItem(athlete.name, athlete.id)
        self.athlete_box.setCurrentIndex(max(0, self.athlete_box.findData(athlete_id)) if athlete_id else 0)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add_row(form, "&Note:", self.text_edit, self.text_error, buddy=self.text_edit)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_check)
        day_row.addWidget(self.day_edit)
        day_row.addStretch(1)
        add_row(form, "&Day:", day_row, buddy=self.day_check)
        add_row(form, "&For:", self.athlete_box, buddy=self.athlete_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(hint_label("A note without a day is about the whole season. Notes print in the PDFs.", self))
        layout.addWidget(self.edit_error)
        layout.addWidget(self.buttons)
        self.resize(460, 320)

        self.text_edit.textChanged.connect(self.revalidate)
        self.day_check.toggled.connect(self._day_toggled)
        self.day_edit.dateChanged.connect(self.revalidate)
        self.athlete_box.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    def _day_toggled(self, on: bool) -> None:
        self.day_edit.setEnabled(on)
        self.revalidate()

    def set_day(self, day: date | None) -> None:
        self.day_check.setChecked(day is not None)
        if day is not None:
            self.day_edit.setDate(qdate(day))

    def _field_text(self) -> str:
        # toPlainText() would turn non-breaking spaces into spaces and line separators (U+2028)
        # into line breaks; the raw text keeps every character the coach typed or the note held.
        return self.text_edit.document().toRawText().replace(_PARAGRAPH_SEPARATOR, "\n")

    def text(self) -> str:
        return self._field_text().strip()

    def _text_unchanged(self) -> bool:
        return self.note is not None and self._field_text() == self._loaded_text

    def day(self) -> date | None:
        return py_date(self.day_edit.date()) if self.day_check.isChecked() else None

    def athlete_id(self) -> str | None:
        data = self.athlete_box.currentData()
        return None if data is None else str(data)

    def check(self) -> bool:
        problem = note_problem(self.text())
        self.text_error.show_problem(problem)
        return not problem

    def build_edit(self) -> Edit:
        note, text, day, athlete_id = self.note, self.text(), self.day(), self.athlete_id()
        kept_text: str | Unchanged = UNCHANGED if self._text_unchanged() else text

        def edit(season: Season) -> Season:
            if note is None:
                return add_note(season, text=text, day=day, athlete_id=athlete_id)
            return change_note(season, note, text=kept_text, day=day, athlete_id=athlete_id)

        return edit
