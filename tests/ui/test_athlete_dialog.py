"""The athlete dialog: every field, the inline checks, units, maxes, substitutions and the
weekly rhythm, driven programmatically (never ``exec``) with the edits applied to the demo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import (
    Athlete,
    DayRhythm,
    Equipment,
    Event,
    Level,
    MaxEntry,
    Season,
    Sex,
    TrackDay,
    Units,
    default_rhythm,
)
from ui.dialogs import athlete as athlete_dialog
from ui.dialogs.athlete import EQUIPMENT, MAXES, PROFILE, AthleteDialog
from ui.dialogs.athlete_maxes import DATE, LIFT, TESTED, VALUE
from ui.dialogs.athlete_substitutions import AS_PLANNED
from ui.dialogs.form_checks import ERROR_COLOUR, MassSpinBox, qdate
from ui.document import OpenSeason

TODAY = date(2027, 3, 10)


@pytest.fixture
def make_dialog(qtbot: QtBot, demo: Season):  # type: ignore[no-untyped-def]
    def make(athlete_id: str | None, season: Season = demo) -> AthleteDialog:
        dialog = AthleteDialog(season, athlete_id, today=TODAY)
        qtbot.addWidget(dialog)
        return dialog

    return make


def _set_max(dialog: AthleteDialog, row: int, column: int, value: object) -> None:
    model = dialog.maxes.model
    assert model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole)


def _athlete_after(dialog: AthleteDialog, season: Season, athlete_id: str) -> Athlete:
    edit = dialog.result_edit()
    assert edit is not None, dialog.edit_error.text()
    return edit(season).athlete(athlete_id)


def _tab_is_red(dialog: AthleteDialog, tab: int) -> bool:
    return dialog.tabs.tabBar().tabTextColor(tab) == QColor(ERROR_COLOUR)


# Showing -----------------------------------------------------------------------------------


def test_the_dialog_shows_every_field_of_the_athlete(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    assert dialog.windowTitle() == "Athlete – Łucja Wiśniewska"
    fields = dialog.fields()
    lucja = dialog.season.athlete("ath-1")
    assert fields == {
        name: getattr(lucja, name) for name in Athlete._fields if name != "id"
    }
    assert dialog.body_mass_spin.text() == "61.5 kg"
    assert dialog.increment_spin.text() == "1.25 kg"
    assert dialog.age_label.text() == "27 years old on the season's first day."
    assert dialog.maxes.model.rowCount() == 2
    assert dialog.maxes.model.index(0, LIFT).data() == "Back squat"
    assert dialog.maxes.model.index(0, DATE).data() == "Tue 22 Sep 2026"
    assert dialog.maxes.model.index(0, VALUE).data() == "105 kg"
    assert dialog.maxes.model.index(0, TESTED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.ok_button.isEnabled()


def test_an_untouched_dialog_changes_nothing(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    for athlete_id in ("ath-1", "ath-3", "ath-4", "ath-5"):
        edit = make_dialog(athlete_id).result_edit()
        assert edit is not None
        assert edit(demo) == demo


def test_masses_with_three_decimals_are_shown_typed_and_kept(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    # Fractional plates come in 0.625 kg: a gym with them loads in steps of 0.625.
    lucja = demo.athlete("ath-1")
    maxes = (lucja.maxes[0]._replace(value=101.875), *lucja.maxes[1:])
    season = edits.change_athlete(
        demo, "ath-1", body_mass=61.125, equipment=lucja.equipment._replace(increment=0.625), maxes=maxes
    )
    dialog = make_dialog("ath-1", season)
    assert dialog.body_mass_spin.text() == "61.125 kg"
    assert dialog.increment_spin.text() == "0.625 kg"
    assert dialog.maxes.model.index(0, VALUE).data() == "101.875 kg"
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(season) == season

    # The max's editor opens at the max as it is, and leaving it keeps it.
    table, model = dialog.maxes.table, dialog.maxes.model
    delegate = table.itemDelegate()
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), model.index(0, VALUE))
    delegate.setEditorData(editor, model.index(0, VALUE))
    assert isinstance(editor, MassSpinBox) and editor.text() == "101.875 kg"
    delegate.setModelData(editor, model, model.index(0, VALUE))
    assert model.entries()[0].value == 101.875
    editor.deleteLater()

    dialog.increment_spin.lineEdit().setText("0.875 kg")
    dialog.increment_spin.interpretText()
    assert dialog.increment_spin.value() == 0.875
    assert _athlete_after(dialog, season, "ath-1").equipment.increment == 0.875


# Checks ------------------------------------------------------------------------------------


def test_an_empty_name_is_refused_and_its_tab_marked(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-2")
    dialog.name_edit.setText(" ")
    assert dialog.name_error.text() == "The name cannot be empty"
    assert not dialog.ok_button.isEnabled()
    assert _tab_is_red(dialog, PROFILE)
    assert dialog.result_edit() is None
    dialog.name_edit.setText("Søren Ødegaard")
    assert dialog.name_error.isHidden()
    assert not _tab_is_red(dialog, PROFILE)
    assert dialog.ok_button.isEnabled()


def test_a_new_athlete_waits_for_a_name_without_scolding(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(None)
    assert dialog.windowTitle() == "New athlete"
    assert dialog.name_error.isHidden()
    assert not _tab_is_red(dialog, PROFILE)
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.setText("Mia")
    assert dialog.ok_button.isEnabled()
    dialog.name_edit.setText("")
    assert dialog.name_error.text() == "The name cannot be empty"


@pytest.mark.parametrize(
    ("value", "message"),
    [(5.0, "Row 3: 5 kg refused: a max must be 10–400 kg"), (450.0, "Row 3: 450 kg refused: a max must be 10–400 kg")],
)
def test_maxes_outside_the_plausible_range_are_refused(make_dialog, value: float, message: str) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    row = dialog.maxes.add_row()
    assert row == 2
    assert dialog.maxes.error.text() == "Row 3: enter the back squat max"
    assert not dialog.ok_button.isEnabled()
    _set_max(dialog, row, VALUE, value)
    assert dialog.maxes.error.text() == message
    assert _tab_is_red(dialog, MAXES)
    assert not dialog.ok_button.isEnabled()
    assert dialog.result_edit() is None
    assert dialog.maxes.model.index(row, VALUE).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(ERROR_COLOUR)
    _set_max(dialog, row, VALUE, 120.0)
    assert dialog.maxes.error.isHidden()
    assert dialog.ok_button.isEnabled()


def test_maxes_of_an_athlete_in_pounds_are_checked_in_pounds(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-4")
    row = dialog.maxes.add_row()
    _set_max(dialog, row, VALUE, 15.0)
    assert dialog.maxes.error.text() == "Row 3: 15 lb refused: a max must be 23–881 lb"
    assert not dialog.ok_button.isEnabled()
    _set_max(dialog, row, VALUE, 100.0)
    assert dialog.maxes.error.isHidden()
    assert dialog.ok_button.isEnabled()
    noel = _athlete_after(dialog, demo, "ath-4")
    assert noel.maxes[-1] == MaxEntry("back_squat", TODAY, 100.0, True)


def test_two_maxes_for_one_lift_on_one_day_are_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    row = dialog.maxes.add_row()
    _set_max(dialog, row, LIFT, "back_squat")
    _set_max(dialog, row, DATE, qdate(date(2026, 9, 22)))
    _set_max(dialog, row, VALUE, 110.0)
    assert dialog.maxes.error.text() == "Row 3: a second back squat max on the same day as row 1"
    assert not dialog.ok_button.isEnabled()


def test_body_mass_and_equipment_outside_their_ranges_are_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    dialog.body_mass_spin.setValue(20.0)
    assert dialog.body_mass_error.text() == "Body mass must be 25–200 kg"
    dialog.bar_spin.setValue(35.0)
    assert dialog.bar_error.text() == "The bar must be 0–30 kg"
    dialog.increment_spin.setValue(0.1)
    assert dialog.increment_error.text() == "The smallest loading step must be 0.25–10 kg"
    dialog.dumbbell_spin.setValue(12.0)
    assert dialog.dumbbell_error.text() == "The dumbbell step must be 0.25–10 kg"
    assert _tab_is_red(dialog, PROFILE) and _tab_is_red(dialog, EQUIPMENT)
    assert not dialog.ok_button.isEnabled()
    dialog.body_mass_spin.setValue(60.0)
    dialog.bar_spin.setValue(15.0)
    dialog.increment_spin.setValue(0.5)
    dialog.dumbbell_spin.setValue(1.0)
    assert not any(label.problem for label in (dialog.body_mass_error, dialog.bar_error, dialog.increment_error))
    assert dialog.ok_button.isEnabled()


def test_body_mass_in_pounds_is_checked_in_pounds(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-4")
    dialog.body_mass_spin.setValue(50.0)
    assert dialog.body_mass_error.text() == "Body mass must be 56–440 lb"
    dialog.body_mass_spin.setValue(172.0)
    assert dialog.body_mass_error.isHidden()


def test_a_refusal_from_the_edit_keeps_the_dialog_open(make_dialog, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(season: Season, athlete_id: str, **fields: object) -> Season:
        raise edits.EditError("Łucja Wiśniewska: refused by the document")

    dialog = make_dialog("ath-1")
    monkeypatch.setattr(athlete_dialog, "change_athlete", refuse)
    dialog.priming_check.setChecked(False)
    assert dialog.edit_error.text() == "Łucja Wiśniewska: refused by the document"
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.edit is None


# Edits -------------------------------------------------------------------------------------


def test_a_new_athlete_is_added_with_every_field_as_one_undo_step(make_dialog, document: OpenSeason) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(None, document.season)
    dialog.name_edit.setText("  Mia Kovač ")
    dialog.birth_known.setChecked(True)
    dialog.birth_edit.setDate(qdate(date(2010, 4, 2)))
    dialog.event_box.setCurrentIndex(dialog.event_box.findData(Event.HURDLES_400))
    dialog.level_box.setCurrentIndex(dialog.level_box.findData(Level.BEGINNER))
    dialog.junior_check.setChecked(True)
    dialog.body_mass_spin.setValue(52.0)
    dialog.priming_check.setChecked(True)
    _set_max(dialog, dialog.maxes.add_row(), VALUE, 60.0)
    assert dialog.age_label.text() == "16 years old on the season's first day."
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.edit is not None

    document.apply("Add athlete", dialog.edit)
    assert document.undo_stack.count() == 1
    assert document.season.athletes[-1] == Athlete(
        id="ath-6",
        name="Mia Kovač",
        event=Event.HURDLES_400,
        sex=Sex.FEMALE,
        level=Level.BEGINNER,
        junior=True,
        body_mass=52.0,
        units=Units.KG,
        birth_date=date(2010, 4, 2),
        equipment=Equipment(),
        maxes=(MaxEntry("back_squat", TODAY, 60.0, True),),
        substitutions=(),
        rhythm=default_rhythm(),
        priming=True,
    )
    document.undo_stack.undo()
    assert len(document.season.athletes) == 5


def test_changing_an_athlete_is_one_change_athlete_edit(make_dialog, document: OpenSeason) -> None:  # type: ignore[no-untyped-def]
    before = document.season
    dialog = make_dialog("ath-2", before)
    dialog.name_edit.setText("Søren Ødegård")
    dialog.birth_known.setChecked(False)
    dialog.sex_box.setCurrentIndex(dialog.sex_box.findData(Sex.MALE))
    dialog.level_box.setCurrentIndex(dialog.level_box.findData(Level.INTERMEDIATE))
    dialog.body_mass_spin.setValue(80.5)
    dialog.increment_spin.setValue(1.25)
    dialog.priming_check.setChecked(False)
    edit = dialog.result_edit()
    assert edit is not None
    document.apply("Edit Søren", edit)
    assert document.season.athlete("ath-2") == (before.athlete("ath-2"))._replace(
        name="Søren Ødegård",
        birth_date=None,
        level=Level.INTERMEDIATE,
        body_mass=80.5,
        equipment=Equipment(bar_mass=20.0, increment=1.25, dumbbell_step=2.5),
        priming=False,
    )
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.season == before


# Units -------------------------------------------------------------------------------------


def test_switching_units_converts_as_convert_units_does(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    dialog.set_units(Units.LB)
    assert dialog.units is Units.LB
    assert dialog.body_mass_spin.text() == "135.6 lb"
    assert dialog.maxes.model.index(0, VALUE).data() == "231.5 lb"
    assert not dialog.units_bar.isHidden()
    assert dialog.units_note.text().startswith("Masses converted from kg to lb: body mass 61.5 kg is now 135.6 lb.")
    assert dialog.units_toggle.text() == "Keep the numbers as typed"
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo) == edits.convert_units(demo, "ath-1", Units.LB)


def test_switching_units_keeps_the_rep_max_a_tested_max_was_worked_out_from(  # type: ignore[no-untyped-def]
    make_dialog, demo: Season
) -> None:
    lucja = demo.athlete("ath-1")
    from_three = lucja.maxes[0]._replace(tested=True, from_reps=3)
    season = edits.change_athlete(demo, "ath-1", maxes=(from_three, *lucja.maxes[1:]))
    dialog = make_dialog("ath-1", season)
    dialog.set_units(Units.LB)
    converted = _athlete_after(dialog, season, "ath-1")
    assert (converted.maxes[0].from_reps, converted.maxes[0].tested) == (3, True)
    assert converted == edits.convert_units(season, "ath-1", Units.LB).athlete("ath-1")


def test_keeping_the_numbers_as_typed_relabels_them(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    dialog.set_units(Units.LB)
    dialog.units_toggle.click()
    assert dialog.units_note.text() == "Numbers kept as typed, now read as lb."
    assert dialog.units_toggle.text() == "Convert them to lb"
    assert dialog.body_mass_spin.text() == "61.5 lb"
    lucja = _athlete_after(dialog, demo, "ath-1")
    assert (lucja.units, lucja.body_mass, lucja.maxes[0].value) == (Units.LB, 61.5, 105.0)
    assert lucja.equipment == demo.athlete("ath-1").equipment

    dialog.units_toggle.click()
    assert dialog.body_mass_spin.text() == "135.6 lb"
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(demo) == edits.convert_units(demo, "ath-1", Units.LB)


@pytest.mark.parametrize("athlete_id", ["ath-1", "ath-5"])
def test_switching_units_and_back_gives_the_numbers_as_they_were(make_dialog, demo: Season, athlete_id: str) -> None:  # type: ignore[no-untyped-def]
    before = demo.athlete(athlete_id)
    assert before.equipment.increment == 1.25
    dialog = make_dialog(athlete_id)
    dialog.set_units(Units.LB)
    assert dialog.increment_spin.text() == "2.8 lb"
    dialog.set_units(Units.KG)
    assert dialog.increment_spin.text() == "1.25 kg"
    assert _athlete_after(dialog, demo, athlete_id) == before
    # The way back to the converted numbers is the same numbers.
    dialog.units_toggle.click()
    dialog.units_toggle.click()
    assert _athlete_after(dialog, demo, athlete_id) == before


def test_a_mass_changed_after_a_units_switch_is_converted_back(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    dialog.set_units(Units.LB)
    dialog.body_mass_spin.setValue(136.0)
    dialog.set_units(Units.KG)
    lucja = _athlete_after(dialog, demo, "ath-1")
    in_pounds = edits.change_athlete(edits.convert_units(demo, "ath-1", Units.LB), "ath-1", body_mass=136.0)
    assert lucja == edits.convert_units(in_pounds, "ath-1", Units.KG).athlete("ath-1")
    assert (lucja.body_mass, lucja.equipment.increment) == (61.7, 1.3)


def test_the_usual_equipment_becomes_the_usual_equipment_of_the_new_units(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-3")
    dialog.set_units(Units.LB)
    zoe = _athlete_after(dialog, demo, "ath-3")
    assert zoe.equipment == Equipment(bar_mass=45.0, increment=5.0, dumbbell_step=5.0)
    assert zoe.body_mass == 125.7
    assert [m.value for m in zoe.maxes] == [203.9, 126.8, 121.3]
    dialog.set_units(Units.KG)
    back = _athlete_after(dialog, demo, "ath-3")
    assert back.equipment == Equipment()
    assert back.body_mass == 57.0


def test_a_max_above_the_range_after_conversion_is_still_refused(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    _set_max(dialog, 0, VALUE, 450.0)
    assert dialog.maxes.error.text() == "Row 1: 450 kg refused: a max must be 10–400 kg"
    dialog.set_units(Units.LB)
    assert dialog.maxes.error.text() == "Row 1: 992.1 lb refused: a max must be 23–881 lb"


# Maxes table -------------------------------------------------------------------------------


def test_maxes_are_added_and_removed_in_the_table(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    assert not dialog.maxes.remove_button.isEnabled()
    row = dialog.maxes.add_row()
    assert dialog.maxes.remove_button.isEnabled()
    assert dialog.maxes.model.index(row, LIFT).data() == "Back squat"
    _set_max(dialog, row, VALUE, 110.0)
    # After a squat, the next row offers the clean: the two are usually tested together.
    assert dialog.maxes.model.index(dialog.maxes.add_row(), LIFT).data() == "Power clean"
    dialog.maxes.remove_selected()
    _set_max(dialog, row, LIFT, "hang_clean")
    _set_max(dialog, row, DATE, qdate(date(2027, 1, 4)))
    _set_max(dialog, row, VALUE, 62.5)
    model = dialog.maxes.model
    assert model.setData(model.index(row, TESTED), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(row, TESTED).data() == "estimate"

    dialog.maxes.table.selectRow(0)
    dialog.maxes.remove_button.click()
    lucja = _athlete_after(dialog, demo, "ath-1")
    assert lucja.maxes == (
        MaxEntry("power_clean", date(2026, 9, 24), 67.5, True),
        MaxEntry("hang_clean", date(2027, 1, 4), 62.5, False),
    )


def test_the_table_editors_offer_readable_lift_names_and_a_calendar(make_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-4")
    table = dialog.maxes.table
    delegate = table.itemDelegate()
    model = dialog.maxes.model
    option = QStyleOptionViewItem()

    lift_editor = delegate.createEditor(table.viewport(), option, model.index(1, LIFT))
    assert isinstance(lift_editor, QComboBox)
    assert [lift_editor.itemText(i) for i in range(lift_editor.count())] == [
        "Back squat", "Front squat", "Hang clean", "Hang power clean", "Power clean",
    ]
    delegate.setEditorData(lift_editor, model.index(1, LIFT))
    assert lift_editor.currentText() == "Power clean"
    lift_editor.setCurrentIndex(lift_editor.findData("hang_power_clean"))
    delegate.setModelData(lift_editor, model, model.index(1, LIFT))
    assert model.entries()[1].lift == "hang_power_clean"

    date_editor = delegate.createEditor(table.viewport(), option, model.index(1, DATE))
    assert isinstance(date_editor, QDateEdit) and date_editor.calendarPopup()
    delegate.setEditorData(date_editor, model.index(1, DATE))
    assert date_editor.date() == qdate(date(2026, 10, 1))
    date_editor.setDate(qdate(date(2026, 10, 3)))
    delegate.setModelData(date_editor, model, model.index(1, DATE))
    assert model.entries()[1].date == date(2026, 10, 3)

    value_editor = delegate.createEditor(table.viewport(), option, model.index(1, VALUE))
    assert isinstance(value_editor, MassSpinBox)
    assert value_editor.suffix() == " lb"
    delegate.setEditorData(value_editor, model.index(1, VALUE))
    value_editor.setValue(215.0)
    delegate.setModelData(value_editor, model, model.index(1, VALUE))
    assert model.entries()[1].value == 215.0
    for editor in (lift_editor, date_editor, value_editor):
        editor.deleteLater()


# Substitutions and rhythm ------------------------------------------------------------------


def test_substitutions_offer_the_catalogues_substitutes_for_each_main_lift(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-3")
    squat = dialog.substitutions.boxes["back_squat"]
    clean = dialog.substitutions.boxes["power_clean"]
    assert [squat.itemText(i) for i in range(squat.count())] == ["Back squat as planned", "Front squat instead"]
    assert [clean.itemText(i) for i in range(clean.count())] == [
        "Power clean as planned", "Hang clean instead", "Hang power clean instead",
    ]
    assert clean.currentText() == "Hang clean instead"
    assert dialog.substitutions.hints["power_clean"].isHidden()

    dialog.substitutions.choose("back_squat", "front_squat")
    hint = dialog.substitutions.hints["back_squat"]
    assert not hint.isHidden()
    assert hint.text() == (
        "No front squat max recorded yet: its loads use the back squat max until one is added under Training maxes."
    )
    dialog.substitutions.choose("power_clean", AS_PLANNED)
    zoe = _athlete_after(dialog, demo, "ath-3")
    assert zoe.substitutions == (("back_squat", "front_squat"),)

    row = dialog.maxes.add_row()
    _set_max(dialog, row, LIFT, "front_squat")
    assert hint.isHidden()


def test_substitutions_of_other_exercises_are_kept(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    season = edits.change_athlete(demo, "ath-1", substitutions=(("split_squat", "step_up"),))
    dialog = make_dialog("ath-1", season)
    dialog.substitutions.choose("power_clean", "hang_power_clean")
    lucja = _athlete_after(dialog, season, "ath-1")
    assert lucja.substitutions == (("power_clean", "hang_power_clean"), ("split_squat", "step_up"))


def test_the_weekly_rhythm_is_edited_day_by_day(make_dialog, demo: Season) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog("ath-1")
    rhythm = dialog.rhythm
    assert not rhythm.lifting_checks[2].isEnabled() and not rhythm.plyometrics_checks[2].isEnabled()
    rhythm.set_day(0, TrackDay.HARD, lifting=True, plyometrics=True)
    rhythm.set_day(1, TrackDay.REST, lifting=True, plyometrics=True)
    assert not rhythm.lifting_checks[1].isChecked() and not rhythm.lifting_checks[1].isEnabled()
    assert not rhythm.plyometrics_checks[1].isChecked() and not rhythm.plyometrics_checks[1].isEnabled()
    rhythm.set_day(2, TrackDay.EASY, lifting=True, plyometrics=False)
    assert rhythm.lifting_checks[2].isEnabled()
    dialog.rhythm.track_boxes[6].setCurrentIndex(dialog.rhythm.track_boxes[6].findData(TrackDay.HARD))
    dialog.rhythm.plyometrics_checks[6].setChecked(True)

    lucja = _athlete_after(dialog, demo, "ath-1")
    assert lucja.rhythm == (
        DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True),
        DayRhythm(TrackDay.REST, lifting=False, plyometrics=False),
        DayRhythm(TrackDay.EASY, lifting=True, plyometrics=False),
        DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True),
        DayRhythm(TrackDay.EASY, lifting=True, plyometrics=False),
        DayRhythm(TrackDay.HARD, lifting=True, plyometrics=True),
        DayRhythm(TrackDay.HARD, lifting=False, plyometrics=True),
    )
