"""The plan checks panel: exactly the engine's warnings, grouped by week, for the selected
athlete or the whole squad; a click selects the warning's athlete and day."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Season
from planner.document.records import DoneItem, DoneSet, RecordStatus, SessionRecord
from planner.engine.generator import generate
from planner.engine.plan import PlanWarning
from planner.engine.rules import rule_book
from tests.ui.model_check import check_model
from ui.document import OpenSeason
from ui.panels.checks import DATE, MESSAGE, RULE, ChecksPanel, Proposal
from ui.selection import Selection
from ui.session_text import short_day


@pytest.fixture
def panel(qtbot: QtBot, document: OpenSeason, selection: Selection) -> ChecksPanel:
    panel = ChecksPanel(document, selection)
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def listed(panel: ChecksPanel) -> list[PlanWarning]:
    return [row.warning for row in panel.rows()]


def text(index: QModelIndex, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> str:
    return str(index.siblingAtColumn(column).data(role) or "")


def click(panel: ChecksPanel, index: QModelIndex) -> None:
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def test_the_panel_lists_exactly_the_selected_athletes_warnings(panel: ChecksPanel, document: OpenSeason,
                                                               selection: Selection) -> None:
    assert panel.objectName() == "checksPanel"
    warnings = document.plan(selection.athlete_id).warnings
    assert warnings
    assert listed(panel) == list(warnings)
    items = panel.warning_indexes()
    assert [(text(i, RULE), text(i, DATE), text(i, MESSAGE)) for i in items] == [
        (w.rule_id, short_day(w.date), w.message) for w in warnings
    ]
    assert panel.count_label.text() == "1 warning for Łucja Wiśniewska"


def test_every_athletes_list_is_that_athletes_plan(panel: ChecksPanel, document: OpenSeason,
                                                  selection: Selection, demo: Season) -> None:
    for athlete in demo.athletes:
        selection.set_athlete(athlete.id)
        warnings = list(document.plan(athlete.id).warnings)
        assert listed(panel) == warnings
        noun = "warning" if len(warnings) == 1 else "warnings"
        count = f"{len(warnings)} {noun}" if warnings else "No warnings"
        assert panel.count_label.text() == f"{count} for {athlete.name}"


def test_warnings_are_grouped_under_their_weeks(panel: ChecksPanel, selection: Selection, demo: Season) -> None:
    selection.set_athlete("ath-3")  # four warnings in three weeks
    model = panel.model
    groups = [model.index(i, 0) for i in range(model.rowCount())]
    assert [text(g, 0) for g in groups] == [
        "Week 1 · 5–11 Oct", "Week 13 · 28 Dec – 3 Jan", "Week 23 · 8–14 Mar", "Week 27 · 5–11 Apr",
    ]
    for group in groups:
        assert panel.tree.isExpanded(group) and panel.tree.isFirstColumnSpanned(group.row(), QModelIndex())
        for j in range(model.rowCount(group)):
            row = panel.row_of(model.index(j, 0, group))
            assert row is not None
            assert text(group, 0).startswith(f"Week {demo.week_number(row.warning.date)} ·")
        assert panel.row_of(group) is None


def test_the_whole_squad_lists_every_athletes_warnings_with_their_names(
    panel: ChecksPanel, document: OpenSeason, demo: Season
) -> None:
    panel.squad_button.click()
    assert panel.squad
    expected = [(a.id, w) for a in demo.athletes for w in document.plan(a.id).warnings]
    assert Counter((row.athlete_id, row.warning) for row in panel.rows()) == Counter(expected)
    assert [row.warning.date for row in panel.rows()] == sorted(row.warning.date for row in panel.rows())
    for index, row in zip(panel.warning_indexes(), panel.rows(), strict=True):
        assert text(index, MESSAGE) == f"{row.athlete_name} · {row.warning.message}"
    warned = len({athlete_id for athlete_id, _ in expected})
    assert panel.count_label.text() == f"{len(expected)} warnings for {warned} of 5 athletes"
    panel.athlete_button.click()
    assert not panel.squad and len(panel.rows()) == 1


def test_clicking_a_warning_selects_its_athlete_and_day(panel: ChecksPanel, selection: Selection,
                                                        document: OpenSeason) -> None:
    panel.set_squad(True)
    row_index = next(i for i, row in enumerate(panel.rows()) if row.athlete_id == "ath-2")
    row = panel.rows()[row_index]
    click(panel, panel.warning_indexes()[row_index])
    assert selection.athlete_id == "ath-2"
    assert selection.day == row.warning.date
    # The squad's list stays as it was; the clicked warning stays marked.
    assert panel.rows()[row_index] == row
    assert panel.tree.currentIndex() == panel.warning_indexes()[row_index]


def test_clicking_a_week_heading_selects_nothing(panel: ChecksPanel, selection: Selection) -> None:
    before = (selection.athlete_id, selection.day)
    heading = panel.model.index(0, 0)
    assert heading.isValid()
    click(panel, heading)
    assert (selection.athlete_id, selection.day) == before


def test_the_selected_days_warning_is_marked(panel: ChecksPanel, selection: Selection, document: OpenSeason) -> None:
    warning = document.plan(selection.athlete_id).warnings[0]
    selection.set_day(warning.date)
    assert panel.tree.currentIndex() == panel.warning_indexes()[0]
    selection.set_day(date(2027, 1, 5))
    assert not panel.tree.currentIndex().isValid()


def test_a_rule_tooltip_gives_the_rules_title_and_text(panel: ChecksPanel) -> None:
    index = panel.warning_indexes()[0]
    rule = rule_book()[text(index, RULE)]
    assert rule.title in text(index, RULE, Qt.ItemDataRole.ToolTipRole)
    assert rule.text in text(index, RULE, Qt.ItemDataRole.ToolTipRole)


def test_the_list_follows_the_document(panel: ChecksPanel, document: OpenSeason, selection: Selection) -> None:
    # A freshly tested back squat max answers the only warning of the first athlete's plan.
    document.apply("Record max", lambda s: edits.record_max(s, selection.athlete_id, lift="back_squat",
                                                            day=date(2027, 3, 30), value=110.0))
    assert document.plan(selection.athlete_id).warnings == ()
    assert panel.rows() == []
    assert panel.model.rowCount() == 0
    assert panel.count_label.text() == "No warnings for Łucja Wiśniewska"
    document.undo_stack.undo()
    assert listed(panel) == list(document.plan(selection.athlete_id).warnings)


def test_an_empty_squad_lists_nothing(qtbot: QtBot, demo: Season) -> None:
    empty = demo._replace(
        athletes=(), overrides=(), locked_weeks=(), notes=(),
        competitions=tuple(c._replace(athletes=None) for c in demo.competitions),
    )
    panel = ChecksPanel(OpenSeason(empty), Selection("", demo.first_day))
    qtbot.addWidget(panel)
    assert panel.rows() == []
    assert panel.count_label.text() == "No athlete selected"
    panel.set_squad(True)
    assert panel.count_label.text() == "No warnings in the squad's plans"


def test_the_warnings_are_a_sound_item_model_and_a_marked_row_stays_through_edits(
    qtmodeltester: ModelTester, panel: ChecksPanel, document: OpenSeason, selection: Selection
) -> None:
    check_model(qtmodeltester, panel.model)
    panel.set_squad(True)
    row_index = next(i for i, row in enumerate(panel.rows()) if row.athlete_id == "ath-3")
    row = panel.rows()[row_index]
    click(panel, panel.warning_indexes()[row_index])
    resets: list[object] = []
    panel.model.modelReset.connect(lambda: resets.append(None))
    # Another athlete's plan changes: the squad's list updates around the marked row.
    document.apply("Record max", lambda s: edits.record_max(s, "ath-1", lift="back_squat",
                                                            day=date(2027, 3, 30), value=110.0))
    assert resets == [] and row in panel.rows()
    assert panel.row_of(panel.tree.currentIndex()) == row
    document.undo_stack.undo()
    panel.set_squad(False)
    # Back on the athlete's own list, the mark is on their warning of the day chosen above.
    marked = panel.row_of(panel.tree.currentIndex())
    assert marked is not None and marked in panel.rows()
    assert (marked.athlete_id, marked.warning.date) == (row.athlete_id, row.warning.date)


# Max proposals ---------------------------------------------------------------------------------


def heavier_squats(season: Season, athlete_id: str = "ath-1", lifts: tuple[str, ...] = ("back_squat",)) -> Season:
    """``season`` with the athlete's first squat session at 75 % or more recorded with its
    ``lifts`` 15 % heavier than prescribed: a max 15 % over the one in force (105 kg for
    Łucja's squat: 120 after rounding)."""
    planned = next(s for d in generate(season, athlete_id).days for s in d.sessions
                   if "test" not in s.tags and any(i.exercise_id == "back_squat" and (i.percent_max or 0) >= 75
                                                   for i in s.items))
    items = tuple(
        DoneItem(i.exercise_id, tuple(DoneSet(i.reps, round(i.load * (1.15 if i.exercise_id in lifts else 1), 2)
                                              if i.load else None)
                                      for _ in range(i.sets)))
        for i in planned.items
    )
    record = SessionRecord(athlete_id, planned.date, planned.kind, RecordStatus.DONE, planned, items=items)
    return edits.record_session(season, athlete_id, planned.date, planned.kind, record)


@pytest.fixture
def proposing(qtbot: QtBot, demo: Season, selection: Selection) -> tuple[ChecksPanel, OpenSeason]:
    document = OpenSeason(heavier_squats(demo))
    panel = ChecksPanel(document, selection)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, document


def test_no_proposals_no_box(panel: ChecksPanel) -> None:
    assert panel.proposals.proposals() == []
    assert not panel.proposals.isVisible()


def test_a_proposal_is_listed_with_its_sentence_and_evidence(proposing: tuple[ChecksPanel, OpenSeason]) -> None:
    panel, document = proposing
    [proposal] = document.plan("ath-1").proposals
    assert [p.proposal for p in panel.proposals.proposals()] == [proposal]
    assert panel.proposals.isVisible()
    assert panel.proposals.heading.text() == "Max proposal"
    label = panel.proposals.label(0)
    assert label.text() == f"Back squat looks like {proposal.proposed:g} kg, not 105: update?"
    assert proposal.proposed > 105 * 1.05
    assert label.toolTip().startswith(f"From {proposal.reps} x {proposal.load:g} kg on ")
    accept, dismiss = panel.proposals.buttons(0)
    assert (accept.text(), dismiss.text()) == ("Accept", "Dismiss")
    # Another athlete has none; the whole squad lists Łucja's, with her name.
    panel.selection.set_athlete("ath-2")
    assert panel.proposals.proposals() == [] and not panel.proposals.isVisible()
    panel.set_squad(True)
    assert panel.proposals.label(0).text().startswith("Łucja Wiśniewska · Back squat looks like")


def test_accepting_records_the_estimate_in_one_undo_step(qtbot: QtBot,
                                                         proposing: tuple[ChecksPanel, OpenSeason]) -> None:
    panel, document = proposing
    before = document.season
    [proposal] = document.plan("ath-1").proposals
    accept, _dismiss = panel.proposals.buttons(0)
    QTest.mouseClick(accept, Qt.MouseButton.LeftButton)
    entry = document.season.athlete("ath-1").max_on("back_squat", proposal.evidence_date)
    assert entry is not None and (entry.value, entry.tested, entry.date) == (
        proposal.proposed, False, proposal.evidence_date)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == f"Accept Łucja Wiśniewska's back squat max of {proposal.proposed:g} kg"
    assert panel.proposals.proposals() == [] and not panel.proposals.isVisible()
    document.undo_stack.undo()
    assert document.season == before
    assert [p.proposal for p in panel.proposals.proposals()] == [proposal]


def test_dismissing_with_the_keyboard_keeps_it_away(qtbot: QtBot, proposing: tuple[ChecksPanel, OpenSeason]) -> None:
    panel, document = proposing
    before = document.season
    [proposal] = document.plan("ath-1").proposals
    accept, dismiss = panel.proposals.buttons(0)
    # Tab reaches the buttons, Space presses the one with the focus.
    accept.setFocus()
    qtbot.waitUntil(accept.hasFocus)
    QTest.keyClick(accept, Qt.Key.Key_Tab)
    assert dismiss.hasFocus()
    QTest.keyClick(dismiss, Qt.Key.Key_Space)
    assert document.season.dismissed and document.season.dismissed[0].value == proposal.proposed
    assert document.season.athlete("ath-1").maxes == before.athlete("ath-1").maxes
    assert document.plan("ath-1").proposals == ()
    assert panel.proposals.proposals() == []
    assert document.undo_stack.undoText().startswith("Dismiss Łucja Wiśniewska's back squat max of ")


def test_after_one_of_two_the_other_stays_and_takes_the_keyboard(qtbot: QtBot, demo: Season,
                                                                  selection: Selection) -> None:
    document = OpenSeason(heavier_squats(demo, lifts=("back_squat", "power_clean")))
    panel = ChecksPanel(document, selection)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert [p.proposal.lift for p in panel.proposals.proposals()] == ["back_squat", "power_clean"]
    assert panel.proposals.heading.text() == "Max proposals (2)"
    accept, _dismiss = panel.proposals.buttons(0)
    accept.setFocus()
    qtbot.waitUntil(accept.hasFocus)
    QTest.keyClick(accept, Qt.Key.Key_Space)
    [left] = panel.proposals.proposals()
    assert left.proposal.lift == "power_clean"
    label = panel.proposals.label(0)
    next_accept, _ = panel.proposals.buttons(0)
    assert label.isVisible() and next_accept.isVisible()
    assert label.text().startswith("Power clean looks like 77.5 kg, not 67.5")
    assert next_accept.hasFocus()


def test_a_refused_accept_says_why_beside_the_proposals(proposing: tuple[ChecksPanel, OpenSeason]) -> None:
    panel, document = proposing
    before = document.season
    [listed] = panel.proposals.proposals()
    # A proposal the document cannot take (a max past what any athlete lifts): refused, said.
    impossible = Proposal(listed.athlete_id, listed.athlete_name,
                          listed.proposal._replace(proposed=999.0))
    panel.proposals.accept(impossible)
    assert document.season == before and document.undo_stack.count() == 0
    message = panel.proposals.message
    assert message.isVisible()
    assert message.text() == "Łucja Wiśniewska: a max of 999 kg for back_squat is outside 10-400 kg"
    # The next edit that goes through clears it.
    accept, _ = panel.proposals.buttons(0)
    QTest.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == 1 and message.isHidden()
