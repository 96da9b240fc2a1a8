"""The season settings dialog, filled and accepted programmatically (never ``exec``)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Season
from ui.dialogs.form_checks import qdate
from ui.dialogs.season import SeasonDialog
from ui.document import OpenSeason


@pytest.fixture
def make_dialog(qtbot: QtBot, demo: Season):  # type: ignore[no-untyped-def]
    def make(season: Season = demo) -> SeasonDialog:
        dialog = SeasonDialog(season)
        qtbot.addWidget(dialog)
        return dialog

    return make


def test_the_dialog_shows_the_season(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog()
    assert dialog.name_edit.text() == "Sprint squad 2026/27"
    assert dialog.first_edit.date() == qdate(date(2026, 10, 5))
    assert dialog.last_edit.date() == qdate(date(2027, 9, 5))
    assert dialog.week_start_box.currentText() == "Monday"
    assert dialog.summary_label.text() == "48 planner weeks, each Monday to Sunday."
    assert dialog.ok_button.isEnabled()


def test_an_empty_name_is_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog()
    dialog.name_edit.setText("")
    assert dialog.name_error.text() == "The season's name cannot be empty"
    assert not dialog.ok_button.isEnabled()
    assert dialog.result_edit() is None


def test_a_last_day_before_the_first_is_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog()
    dialog.last_edit.setDate(qdate(date(2026, 10, 1)))
    assert dialog.last_error.text() == "The last day is before the first day (Mon 5 Oct 2026)"
    assert dialog.summary_label.text() == ""
    assert not dialog.ok_button.isEnabled()
    dialog.last_edit.setDate(qdate(date(2027, 9, 5)))
    assert dialog.last_error.isHidden()
    assert dialog.ok_button.isEnabled()


def test_the_summary_follows_the_first_weekday(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog()
    dialog.week_start_box.setCurrentIndex(6)
    assert dialog.summary_label.text() == "49 planner weeks, each Sunday to Saturday."


def test_the_edit_changes_name_dates_and_first_weekday_as_one_undo_step(make_dialog, document: OpenSeason) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(document.season)
    dialog.name_edit.setText(" Squad 2026/27 (outdoor) ")
    dialog.first_edit.setDate(qdate(date(2026, 9, 28)))
    dialog.last_edit.setDate(qdate(date(2027, 9, 12)))
    dialog.week_start_box.setCurrentIndex(6)
    edit = dialog.result_edit()
    assert edit is not None
    before = document.season
    document.apply("Season settings", edit)
    assert document.season == before._replace(
        name="Squad 2026/27 (outdoor)", first_day=date(2026, 9, 28), last_day=date(2027, 9, 12), week_start=6
    )
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.season == before


def test_shortening_past_a_competition_is_refused_with_the_edits_reason(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog()
    dialog.last_edit.setDate(qdate(date(2027, 8, 1)))
    assert dialog.last_error.isHidden()
    assert dialog.edit_error.text() == (
        "Competition 'Late Summer Meeting' (2027-08-21 to 2027-08-21) would be outside the season "
        "2026-10-05 to 2027-08-01; move or remove it first"
    )
    assert not dialog.ok_button.isEnabled()
    assert dialog.result_edit() is None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.edit is None


def test_a_new_first_weekday_with_locked_weeks_is_refused(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    locked = edits.lock_week(demo, "ath-1", date(2026, 10, 5), ())
    dialog = make_dialog(locked)
    dialog.week_start_box.setCurrentIndex(2)
    assert dialog.edit_error.text().startswith("Unlock the 1 locked week before weeks start on another day")
    assert not dialog.ok_button.isEnabled()
    dialog.week_start_box.setCurrentIndex(0)
    assert dialog.edit_error.isHidden()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.edit is not None
    assert dialog.edit(locked) == locked
