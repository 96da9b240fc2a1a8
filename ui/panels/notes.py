"""The notes list: every note of the season, with its day and athlete, and the buttons that add,
change and remove notes, each one undo step.

A click on a note with a day in the season selects that day (and the note's athlete), which
the calendar and the Day panel follow. Notes are kept by value (they have no id): the list
hands the edits the very note it shows, and a note changed meanwhile is refused, not guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.document.edits import EditError, remove_note
from planner.document.model import Note, Season
from ui.dialogs.ask import Edit
from ui.dialogs.form_checks import hint_label, panel_button
from ui.document import OpenSeason
from ui.selection import Selection
from ui.session_text import literal_html, short_day

# (parent, season, the note to change or None to add one, day and athlete a new note starts with)
AskNote = Callable[[QWidget, Season, Note | None, date | None, str | None], Edit | None]
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
DAY, FOR, TEXT = range(3)
FIRST_LINE_CHARS = 120
NOTE_FILL = "#FFF6DB"  # the calendar's note mark is the same amber


def ask_note(
    parent: QWidget, season: Season, note: Note | None, day: date | None, athlete_id: str | None
) -> Edit | None:
    """Show the note dialog modally; the edit its OK gives, None when cancelled."""
    # The dialog loads when first opened: the window does not need it to start.
    from ui.dialogs.note import NoteDialog

    dialog = NoteDialog(season, note, day=day, athlete_id=athlete_id, parent=parent)
    try:
        return dialog.edit if dialog.exec() == NoteDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def note_day_text(note: Note) -> str:
    """"Mon 5 Apr 2027", or "Whole season" for a note without a day."""
    return "Whole season" if note.date is None else f"{short_day(note.date)} {note.date.year}"


def note_for_text(season: Season, note: Note) -> str:
    if note.athlete_id is None:
        return "Squad"
    athlete = season.find_athlete(note.athlete_id)
    return note.athlete_id if athlete is None else athlete.name


def first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    more = line != text.strip()
    if len(line) > FIRST_LINE_CHARS:
        line, more = line[: FIRST_LINE_CHARS - 1].rstrip(), True
    return line + "…" if more else line


def notes_on(season: Season, day: date, athlete_id: str) -> list[Note]:
    """The notes about ``day`` for the athlete: their own and the squad's, in the season's order."""
    return [n for n in season.notes if n.date == day and n.athlete_id in (None, athlete_id)]


def undo_text(verb: str, note: Note) -> str:
    return f"{verb} note ({short_day(note.date)})" if note.date is not None else f"{verb} season note"


def apply_note_edit(document: OpenSeason, text: str, edit: Edit | None, say: Callable[[str], None]) -> bool:
    """Apply a note edit as one undo step; True when it changed the season.

    ``say`` shows the refusal beside the notes ("" clears it): a note is small enough that a
    message box would be out of proportion.
    """
    if edit is None:
        return False
    before = document.season
    try:
        document.apply(text, edit)
    except EditError as error:
        say(str(error))
        return False
    say("")
    return document.season != before


def removal(note: Note) -> Edit:
    def edit(season: Season) -> Season:
        return remove_note(season, note)

    return edit


class NotesPanel(QWidget):
    """Every note of the season in one list, by day (notes without a day first)."""

    def __init__(
        self,
        document: OpenSeason,
        selection: Selection,
        parent: QWidget | None = None,
        *,
        ask: AskNote = ask_note,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.document = document
        self.selection = selection
        self.ask = ask

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("notesList")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Day", "For", "Note"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(DAY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FOR, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = panel_button(self, "&Add note…", "addNote", "A note about the season, a day or one athlete")
        self.edit_button = panel_button(self, "&Edit…", "editNote", "Change the selected note's text, day or athlete")
        self.remove_button = panel_button(
            self, "&Remove", "removeNote", "Remove the selected note (Undo brings it back)"
        )
        self.status = hint_label("", self)
        self.status.setObjectName("notesStatus")
        self.status.hide()

        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.tree, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top, 1)
        layout.addWidget(self.status)

        self.add_button.clicked.connect(lambda: self.add_note())
        self.edit_button.clicked.connect(lambda: self.edit_note())
        self.remove_button.clicked.connect(lambda: self.remove_note())
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.edit_note(self.note_of(item)))
        self.tree.itemClicked.connect(lambda item, _column: self._go_to(self.note_of(item)))
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._enable_buttons())
        document.changed.connect(self.refresh)
        self.refresh()

    # What is listed --------------------------------------------------------------------

    def notes(self) -> list[Note]:
        """The notes listed, in the order shown."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [note for item in items if (note := self.note_of(item)) is not None]

    def note_of(self, item: QTreeWidgetItem | None) -> Note | None:
        note = None if item is None else item.data(DAY, NOTE_ROLE)
        return note if isinstance(note, Note) else None

    def selected_note(self) -> Note | None:
        return self.note_of(self.tree.currentItem())

    def select_note(self, note: Note) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and self.note_of(item) == note:
                self.tree.setCurrentItem(item)
                return

    def refresh(self) -> None:
        season = self.document.season
        selected = self.selected_note()
        self.tree.clear()
        # Whole-season notes first, then by day; the season's own order within a day.
        ordered = sorted(season.notes, key=lambda n: (n.date is not None, n.date or date.min))
        for note in ordered:
            item = QTreeWidgetItem(self.tree, [note_day_text(note), note_for_text(season, note), first_line(note.text)])
            item.setData(DAY, NOTE_ROLE, note)
            item.setToolTip(TEXT, literal_html(note.text))
        if selected is not None:
            self.select_note(selected)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        chosen = self.selected_note() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _go_to(self, note: Note | None) -> None:
        if note is None or note.date is None or not self.document.season.contains(note.date):
            return
        self.selection.select(note.athlete_id or self.selection.athlete_id, note.date)

    # Changes ---------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def add_note(self) -> bool:
        """A new note, on the selected day for the selected athlete unless the coach changes that."""
        season = self.document.season
        day = self.selection.day if season.contains(self.selection.day) else None
        edit = self.ask(self, season, None, day, None)
        return self._apply("Add note", edit)

    def edit_note(self, note: Note | None = None) -> bool:
        note = note or self.selected_note()
        if note is None:
            return False
        return self._apply(undo_text("Change", note), self.ask(self, self.document.season, note, None, None))

    def remove_note(self, note: Note | None = None) -> bool:
        note = note or self.selected_note()
        if note is None:
            return False
        return self._apply(undo_text("Remove", note), removal(note))

    def _apply(self, text: str, edit: Edit | None) -> bool:
        return apply_note_edit(self.document, text, edit, self._say)


class NoteRow(QFrame):
    """One note in the Day panel: who it is for, its text as typed, and Edit and Remove."""

    edit_requested = Signal()
    remove_requested = Signal()

    def __init__(self, season: Season, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteRow")
        self.note = note
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#noteRow {{ background: {NOTE_FILL}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        top = QHBoxLayout()
        scope = "Squad note" if note.athlete_id is None else f"Note for {note_for_text(season, note)}"
        self.scope_label = hint_label(scope, self, wrap=True)
        top.addWidget(self.scope_label, 1)
        self.edit_button = QToolButton(self)
        self.edit_button.setObjectName("editNoteButton")
        self.edit_button.setText("Edit…")
        self.edit_button.setToolTip("Change the note's text, day or athlete")
        self.edit_button.clicked.connect(self.edit_requested)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("removeNoteButton")
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove the note (Undo brings it back)")
        self.remove_button.clicked.connect(self.remove_requested)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("noteText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setText(note.text)
        layout.addWidget(self.text_label)
