"""Season notes in the window: listed in the Notes tab, shown on their day in the Day panel,
marked in the calendar, and added, changed and removed as single undo steps."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.limits import FIRST_YEAR, LAST_YEAR
from planner.document.model import Note, Season
from tests.ui.conftest import FakeDialogs
from ui.calendar.widget import SeasonCalendar
from ui.dialogs.ask import Edit
from ui.dialogs.form_checks import qdate
from ui.dialogs.note import NoteDialog
from ui.document import OpenSeason
from ui.inspector.widget import Inspector
from ui.notes import first_line
from ui.panels.notes import NotesPanel
from ui.selection import Selection

CAMP = date(2027, 4, 5)  # the demo's squad note: a training camp in Greek
EXAMS = date(2027, 6, 7)  # the demo's note for Jonáš (ath-5) only


class FakeAsk:
    """Answers the note question with the edit the test put in; records what was asked."""

    def __init__(self) -> None:
        self.answer: Edit | None = None
        self.asked: list[tuple[Note | None, date | None, str | None]] = []

    def __call__(
        self, parent: QWidget, season: Season, note: Note | None, day: date | None, athlete_id: str | None
    ) -> Edit | None:
        self.asked.append((note, day, athlete_id))
        return self.answer


@pytest.fixture
def ask() -> FakeAsk:
    return FakeAsk()


@pytest.fixture
def panel(qtbot: QtBot, document: OpenSeason, ask: FakeAsk) -> NotesPanel:
    panel = NotesPanel(document, Selection("ath-1", CAMP), ask=ask)
    qtbot.addWidget(panel)
    return panel


def test_the_notes_tab_lists_every_note_whole_season_notes_first(panel: NotesPanel, demo: Season) -> None:
    assert sorted(panel.notes(), key=demo.notes.index) == list(demo.notes)
    assert [n.date for n in panel.notes()] == [None, CAMP, EXAMS]
    first = panel.tree.topLevelItem(0)
    exams = panel.tree.topLevelItem(2)
    assert first is not None and exams is not None
    assert first.text(0) == "Whole season" and first.text(1) == "Squad"
    assert exams.text(0) == "Mon 7 Jun 2027" and exams.text(1) == "Jonáš Dvořák"
    assert exams.text(2) == "School exams this week: keep sessions under 45 minutes."


def test_adding_changing_and_removing_a_note_are_one_undo_step_each(
    panel: NotesPanel, document: OpenSeason, ask: FakeAsk, demo: Season
) -> None:
    ask.answer = lambda s: edits.add_note(s, text="Hill sprints <b>& bounds</b>", day=CAMP, athlete_id="ath-2")
    assert panel.add_note()
    assert ask.asked == [(None, CAMP, None)]
    added = Note("Hill sprints <b>& bounds</b>", CAMP, "ath-2")
    assert document.season.notes[-1] == added
    assert added in panel.notes()
    assert document.undo_stack.undoText() == "Add note"

    panel.select_note(added)
    changed = Note("Hill sprints", CAMP, "ath-2")
    ask.answer = lambda s: edits.change_note(s, added, text="Hill sprints")
    assert panel.edit_note()
    assert ask.asked[-1] == (added, None, None)
    assert document.season.notes[-1] == changed

    panel.select_note(changed)
    assert panel.remove_note()
    assert document.season.notes == demo.notes
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert document.season.notes[-1] == changed
    for _ in range(2):
        document.undo_stack.undo()
    assert document.season == demo


def test_a_cancelled_or_refused_note_changes_nothing_and_says_why(
    panel: NotesPanel, document: OpenSeason, ask: FakeAsk, demo: Season
) -> None:
    assert not panel.add_note()
    gone = Note("not in the season")
    ask.answer = lambda s: edits.change_note(s, gone, text="x")
    assert not panel.edit_note(gone)
    assert "No note 'not in the season'" in panel.status.text()
    assert document.season == demo and document.undo_stack.count() == 0


def test_clicking_a_dated_note_selects_its_day_and_athlete(panel: NotesPanel) -> None:
    exams = panel.tree.topLevelItem(2)
    panel.tree.itemClicked.emit(exams, 0)
    assert (panel.selection.athlete_id, panel.selection.day) == ("ath-5", EXAMS)


def test_the_day_panel_shows_the_days_notes_for_the_athlete_with_edit_and_remove(
    qtbot: QtBot, document: OpenSeason, ask: FakeAsk, demo: Season
) -> None:
    selection = Selection("ath-1", CAMP)
    inspector = Inspector(document, selection)
    inspector.ask_note = ask
    qtbot.addWidget(inspector)
    rows = inspector.note_rows()
    assert [row.note for row in rows] == [demo.notes[1]]
    assert rows[0].text_label.text() == demo.notes[1].text
    assert rows[0].scope_label.text() == "Squad note"
    # Jonáš's exam note shows for him only.
    selection.set_day(EXAMS)
    assert inspector.note_rows() == []
    selection.set_athlete("ath-5")
    assert [row.note.text for row in inspector.note_rows()] == [demo.notes[2].text]

    exam_note = demo.notes[2]
    ask.answer = lambda s: edits.change_note(s, exam_note, text="Exams: short sessions")
    inspector.note_rows()[0].edit_button.click()
    assert ask.asked == [(exam_note, None, None)]
    assert [row.note.text for row in inspector.note_rows()] == ["Exams: short sessions"]
    inspector.note_rows()[0].remove_button.click()
    assert inspector.note_rows() == []
    assert len(document.season.notes) == 2
    assert document.undo_stack.count() == 2

    ask.answer = lambda s: edits.add_note(s, text="Felt strong", day=EXAMS, athlete_id="ath-5")
    assert inspector.add_note()
    assert ask.asked[-1] == (None, EXAMS, "ath-5")
    assert [row.note.text for row in inspector.note_rows()] == ["Felt strong"]


def test_the_calendar_marks_days_with_notes_for_the_athlete_shown(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    selection = Selection("ath-1", CAMP)
    calendar = SeasonCalendar(document, selection, fake_dialogs)
    qtbot.addWidget(calendar)
    assert calendar.day_marks().note_days == {CAMP}
    selection.set_athlete("ath-5")
    assert calendar.day_marks().note_days == {CAMP, EXAMS}
    assert "Note: Προπονητικό καμπ" in calendar.tooltip_text(CAMP)
    document.apply("Add note", lambda s: edits.add_note(s, text="Rain", day=date(2027, 5, 1)))
    assert date(2027, 5, 1) in calendar.day_marks().note_days


def test_the_note_dialog_checks_the_text_and_gives_the_edit(qtbot: QtBot, demo: Season) -> None:
    dialog = NoteDialog(demo, None, day=CAMP, athlete_id="ath-3")
    qtbot.addWidget(dialog)
    assert dialog.day() == CAMP and dialog.athlete_id() == "ath-3"
    assert not dialog.ok_button.isEnabled()
    assert dialog.text_error.text() == "The note cannot be empty"
    dialog.text_edit.setPlainText("a" * 2_001)
    assert not dialog.ok_button.isEnabled()
    assert "2,001 characters" in dialog.text_error.text()
    dialog.text_edit.setPlainText("Bring spikes\nand tape")
    dialog.day_check.setChecked(False)
    dialog.athlete_box.setCurrentIndex(0)
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo).notes[-1] == Note("Bring spikes\nand tape", None, None)

    changed = NoteDialog(demo, demo.notes[2])
    qtbot.addWidget(changed)
    assert (changed.text(), changed.day(), changed.athlete_id()) == (demo.notes[2].text, EXAMS, "ath-5")
    changed.athlete_box.setCurrentIndex(0)
    edit = changed.result_edit()
    assert edit is not None
    assert edit(demo).notes[2] == demo.notes[2]._replace(athlete_id=None)


def test_a_long_note_shows_its_first_line_in_the_list() -> None:
    assert first_line("Line one\nline two") == "Line one…"
    assert first_line("x" * 300) == "x" * 119 + "…"
    assert first_line("short") == "short"


@pytest.mark.parametrize(
    "text",
    [
        "Squat 100\u00a0kg, no more",  # a non-breaking space keeps "100 kg" on one line
        "Camp schedule:\u2028mornings track, afternoons gym",  # a line separator from a word processor
        "First paragraph\u2029second paragraph",  # a paragraph separator, which validation allows
        "Week 1\n\tdouble sessions\n\n\u00a0– rest Sunday",
        "  Spaces around the note  \n",  # a note from a file may keep them: validation allows it
    ],
)
def test_a_note_opened_and_accepted_unchanged_keeps_its_text(qtbot: QtBot, demo: Season, text: str) -> None:
    note = Note(text, CAMP, None)
    season = demo._replace(notes=(*demo.notes, note))
    assert _accepted_unchanged(qtbot, season, note) == season


def _accepted_unchanged(qtbot: QtBot, season: Season, note: Note) -> Season:
    """The season after ``note``'s dialog is opened and accepted without a change."""
    dialog = NoteDialog(season, note)
    qtbot.addWidget(dialog)
    edit = dialog.result_edit()
    assert edit is not None
    return edit(season)


def test_typed_text_keeps_its_non_breaking_spaces_and_line_separators(qtbot: QtBot, demo: Season) -> None:
    dialog = NoteDialog(demo, None, day=CAMP)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("  100\u00a0kg\u2028then\nrest \n")
    assert dialog.text() == "100\u00a0kg\u2028then\nrest"
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo).notes[-1] == Note("100\u00a0kg\u2028then\nrest", CAMP, None)


@pytest.mark.parametrize("day", [date(2025, 6, 1), date(1950, 1, 1), date(2150, 12, 31), date(2029, 2, 28)])
def test_a_note_dated_outside_the_season_keeps_its_date(qtbot: QtBot, demo: Season, day: date) -> None:
    # The document keeps a note about what happened before or after the season, on any day
    # of the years it can use: the day field must not pull it towards the season.
    season = edits.add_note(demo, text="Test day before the season", day=day, athlete_id="ath-2")
    note = season.notes[-1]
    assert _accepted_unchanged(qtbot, season, note) == season


def test_the_note_day_field_offers_every_day_the_document_accepts(qtbot: QtBot, demo: Season) -> None:
    dialog = NoteDialog(demo, None, day=CAMP)
    qtbot.addWidget(dialog)
    assert (dialog.day_edit.minimumDate(), dialog.day_edit.maximumDate()) == (
        qdate(date(FIRST_YEAR, 1, 1)),
        qdate(date(LAST_YEAR, 12, 31)),
    )
    dialog.text_edit.setPlainText("Ankle sprain in the summer before")
    dialog.set_day(date(2025, 6, 1))
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo).notes[-1].date == date(2025, 6, 1)
