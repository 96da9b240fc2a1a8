"""Dialogs opened and accepted without a change give back the season as it was: no undo step,
nothing marked modified, and no entry or substitution reordered."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.model import Season
from ui.dialogs.athlete import AthleteDialog
from ui.dialogs.athlete_substitutions import AS_PLANNED, SubstitutionsEditor
from ui.dialogs.competition import CompetitionDialog
from ui.document import OpenSeason

TODAY = date(2027, 3, 10)
# Each lift stands in for the other: front squats for back squats, back squats for front squats.
CROSSED_SQUATS = (("front_squat", "back_squat"), ("back_squat", "front_squat"))


@pytest.mark.parametrize("competition_id", [c.id for c in demo_season().competitions])
def test_a_competition_accepted_unchanged_changes_nothing(
    qtbot: QtBot, document: OpenSeason, competition_id: str
) -> None:
    before = document.season
    dialog = CompetitionDialog(before, competition_id)
    qtbot.addWidget(dialog)
    edit = dialog.result_edit()
    assert edit is not None
    assert edit(before) == before
    document.apply("Edit competition", edit)
    assert document.season == before
    assert document.undo_stack.count() == 0


def test_entries_in_their_own_order_stay_in_it(qtbot: QtBot, demo: Season) -> None:
    assert demo.competition("comp-3").athletes == ("ath-2", "ath-1")
    dialog = CompetitionDialog(demo, "comp-3")
    qtbot.addWidget(dialog)
    assert dialog.entered() == ("ath-2", "ath-1")
    # Ticked off and on again is no change either.
    dialog.set_entered(("ath-2",))
    dialog.set_entered(("ath-1", "ath-2"))
    assert dialog.entered() == ("ath-2", "ath-1")
    dialog.set_entered(("ath-1", "ath-2", "ath-4"))
    assert dialog.entered() == ("ath-1", "ath-2", "ath-4")


def test_an_athlete_accepted_unchanged_keeps_the_order_of_their_substitutions(
    qtbot: QtBot, demo: Season
) -> None:
    season = edits.change_athlete(demo, "ath-1", substitutions=CROSSED_SQUATS)
    dialog = AthleteDialog(season, "ath-1", today=TODAY)
    qtbot.addWidget(dialog)
    edit = dialog.result_edit()
    assert edit is not None, dialog.edit_error.text()
    assert edit(season).athlete("ath-1").substitutions == CROSSED_SQUATS
    assert edit(season) == season


def test_the_substitutions_editor_gives_back_the_stored_order_until_a_choice_changes(qtbot: QtBot) -> None:
    stored = (*CROSSED_SQUATS, ("power_clean", "hang_clean"))
    editor = SubstitutionsEditor(stored)
    qtbot.addWidget(editor)
    assert editor.substitutions() == stored
    editor.choose("power_clean", AS_PLANNED)
    editor.choose("power_clean", "hang_clean")
    assert editor.substitutions() == stored
    editor.choose("power_clean", "hang_power_clean")
    assert dict(editor.substitutions()) == {
        "front_squat": "back_squat", "back_squat": "front_squat", "power_clean": "hang_power_clean",
    }
