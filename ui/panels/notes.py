"""The notes list: every note of the season, with its day and athlete, and the buttons that add,
change and remove notes, each one undo step.

A click on a note with a day in the season selects that day (and the note's athlete), which
the calendar and the Day panel follow. Notes are kept by value (they have no id): the list
hands the edits the very note it shows, and a note changed meanwhile is refused, not guessed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.document.changes import Changes
from planner.document.model import Note
from ui.dialogs.ask import Edit
from ui.dialogs.form_checks import hint_label, panel_button
from ui.document import OpenSeason
from ui.notes import AskNote, apply_note_edit, ask_note, first_line, note_day_text, note_for_text, removal, undo_text
from ui.selection import Selection
from ui.session_text import literal_html

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
DAY, FOR, TEXT = range(3)


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
        document.changed.connect(self._on_document_changed)
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

    def _on_document_changed(self, changes: Changes) -> None:
        if changes.notes or changes.roster:  # a note names its athlete
            self.refresh()

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
        return apply_note_edit(self.document, text, edit, self._say, self)
