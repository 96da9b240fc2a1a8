"""Dialogs opened and accepted without a change give back the season as it was: no undo step,
nothing marked modified, and no entry or substitution reordered."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from planner.document.demo import demo_season
from planner.document.model import Season
from ui.dialogs.competition import CompetitionDialog
from ui.document import OpenSeason


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
