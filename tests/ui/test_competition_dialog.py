"""The competition dialog and the name asked for a dropped competition: filled, checked and
accepted programmatically (never ``exec``), with the edits applied to the demo season."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Priority, Season
from ui.dialogs.competition import CompetitionDialog, CompetitionNameDialog
from ui.dialogs.form_checks import qdate
from ui.document import OpenSeason

SEASON_SPAN = "5 October 2026 – 5 September 2027"


@pytest.fixture
def make_dialog(qtbot: QtBot, demo: Season):  # type: ignore[no-untyped-def]
    def make(competition_id: str, season: Season = demo) -> CompetitionDialog:
        dialog = CompetitionDialog(season, competition_id)
        qtbot.addWidget(dialog)
        return dialog

    return make


def _set_days(dialog: CompetitionDialog, first: date, last: date) -> None:
    dialog.first_edit.setDate(qdate(first))
    dialog.last_edit.setDate(qdate(last))


def test_the_dialog_shows_the_competition(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-2")
    assert dialog.windowTitle() == "Competition – New Year Indoor Meeting"
    assert dialog.name_edit.text() == "New Year Indoor Meeting"
    assert dialog.first_edit.date() == qdate(date(2027, 1, 23))
    assert dialog.last_edit.date() == qdate(date(2027, 1, 23))
    assert dialog.priority_box.currentData() == Priority.B
    assert dialog.indoor_radio.isChecked() and not dialog.outdoor_radio.isChecked()
    assert not dialog.all_check.isChecked()
    assert dialog.athlete_list.isEnabled()
    assert dialog.entered() == ("ath-1", "ath-3", "ath-4")
    assert dialog.entries_label.text() == "3 of 5 athletes entered."
    assert dialog.length_label.text() == "1 day"
    assert dialog.ok_button.isEnabled()


def test_a_competition_for_everyone_shows_all_athletes_ticked_and_the_list_disabled(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-10")
    assert dialog.all_check.isChecked()
    assert not dialog.athlete_list.isEnabled()
    assert dialog.entered() is None
    assert dialog.entries_label.text() == "Everyone is entered (5 athletes now)."
    assert dialog.length_label.text() == "3 days"


def test_an_empty_name_is_refused_beside_the_field(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-2")
    dialog.name_edit.setText("   ")
    assert dialog.name_error.text() == "The name cannot be empty"
    assert not dialog.name_error.isHidden()
    assert not dialog.ok_button.isEnabled()
    assert dialog.result_edit() is None
    dialog.name_edit.setText("Indoor Meeting")
    assert dialog.name_error.isHidden()
    assert dialog.ok_button.isEnabled()


def test_a_last_day_before_the_first_is_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-6")
    dialog.last_edit.setDate(qdate(date(2027, 5, 6)))
    assert dialog.last_error.text() == "The last day is before the first day (Sat 8 May)"
    assert dialog.first_error.text() == ""
    assert not dialog.ok_button.isEnabled()
    assert dialog.result_edit() is None


def test_days_outside_the_season_are_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-1")
    _set_days(dialog, date(2026, 9, 30), date(2026, 9, 30))
    assert dialog.first_error.text() == f"Starts on Wed 30 Sep 2026, outside the season ({SEASON_SPAN})"
    assert dialog.last_error.text() == f"Ends on Wed 30 Sep 2026, outside the season ({SEASON_SPAN})"
    assert not dialog.ok_button.isEnabled()

    late = make_dialog("comp-11")
    late.last_edit.setDate(qdate(date(2027, 9, 6)))
    assert late.first_error.text() == ""
    assert late.last_error.text() == f"Ends on Mon 6 Sep 2027, outside the season ({SEASON_SPAN})"
    assert late.result_edit() is None


def test_the_calendar_popup_greys_the_days_outside_the_season(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-1")
    calendar = dialog.first_edit.calendarWidget()
    grey = dialog.first_edit.palette().color(QPalette.ColorRole.PlaceholderText)
    calendar.setCurrentPage(2026, 10)
    assert calendar.dateTextFormat(qdate(date(2026, 10, 4))).foreground().color() == grey
    assert calendar.dateTextFormat(qdate(date(2026, 10, 5))).foreground().style() == Qt.BrushStyle.NoBrush
    calendar.setCurrentPage(2027, 9)
    assert calendar.dateTextFormat(qdate(date(2027, 9, 6))).foreground().color() == grey
    assert calendar.dateTextFormat(qdate(date(2027, 9, 5))).foreground().style() == Qt.BrushStyle.NoBrush


def test_the_date_fields_reach_a_year_either_side_of_the_season(make_dialog) -> None:  # type: ignore[no-untyped-def]
    # A competition must lie in the season: a year either side is enough to type a wrong day
    # and be told why it is refused.
    dialog = make_dialog("comp-1")
    for edit in (dialog.first_edit, dialog.last_edit):
        assert (edit.minimumDate(), edit.maximumDate()) == (qdate(date(2025, 10, 4)), qdate(date(2028, 9, 5)))


def test_moving_the_first_day_keeps_the_length(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-10")
    dialog.first_edit.setDate(qdate(date(2027, 7, 30)))
    assert dialog.last_edit.date() == qdate(date(2027, 8, 1))
    assert dialog.length_label.text() == "3 days"


def test_the_edit_changes_every_field_as_one_undo_step(make_dialog, document: OpenSeason) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-2", document.season)
    dialog.name_edit.setText("  Winter Classic ")
    _set_days(dialog, date(2027, 1, 30), date(2027, 1, 31))
    dialog.priority_box.setCurrentIndex(dialog.priority_box.findData(Priority.A))
    dialog.outdoor_radio.setChecked(True)
    dialog.set_entered(("ath-2", "ath-5"))
    assert dialog.entries_label.text() == "2 of 5 athletes entered."
    edit = dialog.result_edit()
    assert edit is not None

    before = document.season
    document.apply("Edit competition", edit)
    changed = document.season.competition("comp-2")
    assert changed == (before.competition("comp-2"))._replace(
        name="Winter Classic",
        start=date(2027, 1, 30),
        end=date(2027, 1, 31),
        priority=Priority.A,
        indoor=False,
        athletes=("ath-2", "ath-5"),
    )
    assert [c for c in document.season.competitions if c.id != "comp-2"] == [
        c for c in before.competitions if c.id != "comp-2"
    ]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.season == before


def test_all_athletes_means_none_and_no_ticks_means_nobody(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("comp-5")
    dialog.all_check.setChecked(True)
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo).competition("comp-5").athletes is None

    dialog.all_check.setChecked(False)
    assert dialog.entered() == ("ath-1", "ath-2", "ath-3", "ath-4", "ath-5")
    dialog.set_entered(())
    assert dialog.entries_label.text() == "Nobody is entered: the competition changes no athlete's plan."
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo).competition("comp-5").athletes == ()


def test_an_untouched_dialog_changes_nothing(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    edit = make_dialog("comp-7").result_edit()
    assert edit is not None
    assert edit(demo) == demo


def test_a_refusal_from_the_edit_shows_in_the_dialog_and_keeps_it_open(make_dialog) -> None:  # type: ignore[no-untyped-def]
    # Only the document's rules know that a competition lasts 14 days at the most.
    dialog = make_dialog("comp-6")
    _set_days(dialog, date(2027, 5, 1), date(2027, 5, 20))
    assert dialog.first_error.text() == "" and dialog.last_error.text() == ""
    assert dialog.edit_error.text() == "'Spring Open' lasts more than 14 days"
    assert not dialog.edit_error.isHidden()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.edit is None
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.last_edit.setDate(qdate(date(2027, 5, 2)))
    assert dialog.edit_error.isHidden()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.edit is not None


def test_the_name_of_a_dropped_competition(qtbot: QtBot) -> None:
    dialog = CompetitionNameDialog("Club meet", date(2027, 5, 8))
    qtbot.addWidget(dialog)
    assert dialog.name_edit.selectedText() == "Club meet"
    assert dialog.name() == "Club meet"
    dialog.name_edit.setText("  ")
    assert dialog.name_error.text() == "The name cannot be empty"
    assert dialog.name() is None
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.name_edit.setText(" Regional Open ")
    assert dialog.name_error.isHidden()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.name() == "Regional Open"


def test_the_name_dialog_says_which_day(qtbot: QtBot) -> None:
    dialog = CompetitionNameDialog("Meet", date(2027, 5, 8))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Name of the competition on <b>Saturday 8 May 2027</b>:" in texts


def test_the_edit_refuses_what_the_document_would(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    # A season changed behind the dialog's back: the edit still checks what it is given.
    dialog = make_dialog("comp-9")
    dialog.set_entered(("ath-5",))
    edit = dialog.result_edit()
    assert edit is not None
    without_jonas = edits.remove_athlete(demo, "ath-5")
    with pytest.raises(edits.EditError):
        edit(without_jonas)


def test_dates_that_overlap_a_meet_of_the_same_athletes_are_refused_with_its_name(make_dialog) -> None:  # type: ignore[no-untyped-def]
    # Midsummer Meeting (Zoë and Jonáš) moved inside the National Championships, which everyone enters.
    dialog = make_dialog("comp-9")
    _set_days(dialog, date(2027, 7, 24), date(2027, 7, 24))
    assert not dialog.ok_button.isEnabled()
    assert "National Championships" in dialog.edit_error.text()
    _set_days(dialog, date(2027, 7, 27), date(2027, 7, 27))
    assert dialog.ok_button.isEnabled()
    assert dialog.edit_error.text() == ""
