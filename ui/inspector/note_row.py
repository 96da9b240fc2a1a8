"""One note in the Day panel: who it is for, its text as typed, and Edit and Remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from planner.document.model import Note, Season
from ui.dialogs.form_checks import hint_label
from ui.notes import NOTE_FILL, note_for_text


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
