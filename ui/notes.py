"""Season notes as the calendar, the Day panel and the notes list show and change them: the
first line of a note, the notes about a day, the note dialog and the one-step note edits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from planner.document.edits import EditError, remove_note
from planner.document.model import Note, Season
from ui.dialogs.ask import Edit
from ui.document import OpenSeason
from ui.session_text import short_day

# (parent, season, the note to change or None to add one, day and athlete a new note starts with)
AskNote = Callable[[QWidget, Season, Note | None, date | None, str | None], Edit | None]
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


def apply_note_edit(
    document: OpenSeason, text: str, edit: Edit | None, say: Callable[[str], None], initiator: object = None
) -> bool:
    """Apply a note edit as one undo step; True when it changed the season.

    ``say`` shows the refusal beside the notes ("" clears it): a note is small enough that a
    message box would be out of proportion.
    """
    if edit is None:
        return False
    before = document.season
    try:
        document.apply(text, edit, initiator)
    except EditError as error:
        say(str(error))
        return False
    say("")
    return document.season != before


def removal(note: Note) -> Edit:
    def edit(season: Season) -> Season:
        return remove_note(season, note)

    return edit
