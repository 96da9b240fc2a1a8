"""The squad week shows every athlete's week side by side and selects what the coach clicks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner.document.edits import change_season, set_override
from planner.document.sessions import SessionKind
from ui.document import OpenSeason
from ui.inspector.widget import Inspector
from ui.panels.squad_week import COMPETITION_BACKGROUND, HEAVY_BACKGROUND, LIGHT_BACKGROUND, SquadWeek
from ui.selection import Selection
from ui.session_text import EDITED_MARK, number, session_summary, short_day


@pytest.fixture
def squad(qtbot: QtBot, document: OpenSeason, selection: Selection) -> SquadWeek:
    widget = SquadWeek(document, selection)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    # The table is filled just after the first frame.
    qtbot.waitUntil(lambda: not widget.stale)
    return widget


def cell_text(squad: SquadWeek, athlete_id: str, day: date) -> str:
    item = squad.cell(athlete_id, day)
    assert item is not None
    return item.text()


def test_every_athletes_sessions_of_the_week_are_shown_side_by_side(
    squad: SquadWeek, document: OpenSeason, selection: Selection
) -> None:
    selection.set_day(date(2027, 1, 13))
    season = document.season
    start = season.week_of(selection.day)
    days = [start + timedelta(days=k) for k in range(7)]

    table = squad.table
    assert table.columnCount() == len(season.athletes)
    columns = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    assert [c.text() if c is not None else None for c in columns] == [a.name for a in season.athletes]
    rows = [table.verticalHeaderItem(r) for r in range(7)]
    assert [r.text() if r is not None else None for r in rows] == [short_day(d) for d in days]
    assert squad.title.text() == f"Week {season.week_number(start)} · 11–17 January 2027"

    shown_sessions = 0
    for athlete in season.athletes:
        plan = document.plan(athlete.id)
        for day in days:
            plan_day = plan.day(day)
            assert plan_day is not None
            text = cell_text(squad, athlete.id, day)
            for session in plan_day.sessions:
                shown_sessions += 1
                assert session_summary(session, main_items=1) in text.splitlines()
                if session.kind is SessionKind.WEIGHTS:
                    assert session.title in text
                    top = max(
                        (i for i in session.items if i.load is not None), key=lambda i: i.percent_max or 0, default=None
                    )
                    if top is not None:
                        assert f"{top.name} {top.sets}x{top.reps}" in text
                        assert f"{number(top.load or 0)} {top.unit}" in text
                else:
                    assert f"Plyo: {sum(i.contacts for i in session.items)} contacts" in text
            for competition_id in plan_day.competitions:
                name = next(c.name for c in plan.competitions if c.id == competition_id)
                assert f"Competition: {name}" in text
    assert shown_sessions > 0


def test_cells_are_coloured_by_heavy_light_and_competition(
    squad: SquadWeek, document: OpenSeason, selection: Selection
) -> None:
    selection.set_day(date(2027, 1, 13))
    season = document.season
    start = season.week_of(selection.day)
    colours: set[str] = set()
    for athlete in season.athletes:
        plan = document.plan(athlete.id)
        for k in range(7):
            plan_day = plan.day(start + timedelta(days=k))
            assert plan_day is not None
            item = squad.cell(athlete.id, plan_day.date)
            assert item is not None
            colour = item.background().color()
            if plan_day.competitions:
                assert colour == COMPETITION_BACKGROUND
            elif any(s.heavy for s in plan_day.sessions):
                assert colour == HEAVY_BACKGROUND
            elif plan_day.sessions:
                assert colour == LIGHT_BACKGROUND
            colours.add(colour.name())
    assert {COMPETITION_BACKGROUND.name(), HEAVY_BACKGROUND.name(), LIGHT_BACKGROUND.name()} <= colours


def test_clicking_a_cell_selects_that_athlete_and_day(
    qtbot: QtBot, squad: SquadWeek, document: OpenSeason, selection: Selection
) -> None:
    selection.set_day(date(2027, 1, 13))
    target = squad.cell("ath-3", date(2027, 1, 14))
    assert target is not None
    rect = squad.table.visualItemRect(target)
    QTest.mouseClick(squad.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert (selection.athlete_id, selection.day) == ("ath-3", date(2027, 1, 14))
    assert squad.table.currentItem() is squad.cell("ath-3", date(2027, 1, 14))


def test_choosing_another_athletes_day_redraws_the_inspector_once(
    qtbot: QtBot, squad: SquadWeek, document: OpenSeason, selection: Selection, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspector = Inspector(document, selection)
    qtbot.addWidget(inspector)
    drawn: list[tuple[str, date]] = []
    real = inspector.header.show_day

    def counting(*args: Any) -> None:
        drawn.append((selection.athlete_id, selection.day))
        real(*args)

    monkeypatch.setattr(inspector.header, "show_day", counting)
    selection.set_day(date(2027, 1, 13))
    drawn.clear()
    target = squad.cell("ath-3", date(2027, 1, 14))
    assert target is not None
    rect = squad.table.visualItemRect(target)
    QTest.mouseClick(squad.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert drawn == [("ath-3", date(2027, 1, 14))]


def test_the_week_follows_the_selection_and_the_arrows_step_a_week(
    squad: SquadWeek, document: OpenSeason, selection: Selection
) -> None:
    selection.set_day(date(2027, 1, 13))
    selection.set_athlete("ath-2")
    assert squad.table.currentItem() is squad.cell("ath-2", date(2027, 1, 13))
    squad.next_button.click()
    assert selection.day == date(2027, 1, 20)
    assert squad.title.text().endswith("18–24 January 2027")
    assert squad.cell("ath-2", date(2027, 1, 20)) is squad.table.currentItem()
    squad.previous_button.click()
    squad.previous_button.click()
    assert selection.day == date(2027, 1, 6)


def test_days_outside_the_season_cannot_be_selected(
    squad: SquadWeek, document: OpenSeason, selection: Selection
) -> None:
    # A season ending on a Wednesday leaves the rest of its last week outside.
    document.apply("Shorter season", lambda season: change_season(season, last_day=date(2027, 9, 1)))
    selection.set_day(date(2027, 9, 1))
    assert squad.cell("ath-1", date(2027, 9, 1)) is not None
    assert squad.cell("ath-1", date(2027, 9, 2)) is None
    item = squad.table.item(4, 0)  # Thursday 2 September
    assert item is not None and item.text() == "outside the season"
    assert not item.flags() & Qt.ItemFlag.ItemIsSelectable
    assert not squad.next_button.isEnabled()


def test_edits_show_at_once_with_the_pencil_mark(squad: SquadWeek, document: OpenSeason, selection: Selection) -> None:
    selection.set_day(date(2027, 1, 13))
    plan_day = next(d for d in document.plan("ath-2").days if d.date >= date(2027, 1, 11) and d.sessions)
    session = plan_day.sessions[0]
    edited = session._replace(minutes=session.minutes + 5)
    document.apply(
        "Longer session",
        lambda season: set_override(
            season, athlete_id="ath-2", day=session.date, kind=session.kind, session=edited, replaced=session
        ),
    )
    # The day keeps the plan's order (jumps before lifting) after an edit.
    assert cell_text(squad, "ath-2", session.date).splitlines()[0] == session_summary(
        edited._replace(edited=True), main_items=1
    )
    assert cell_text(squad, "ath-2", session.date).startswith(f"{EDITED_MARK} ")
    document.undo_stack.undo()
    assert EDITED_MARK not in cell_text(squad, "ath-2", session.date)


def test_the_squads_plans_wait_for_the_first_frame_and_a_hidden_table_for_being_shown(
    qtbot: QtBot, document: OpenSeason, selection: Selection
) -> None:
    widget = SquadWeek(document, selection)
    qtbot.addWidget(widget)
    # Built, not yet painted: no plan derived, the title already there (it needs none).
    assert widget.stale and widget.table.columnCount() == 0
    assert document._plans == {}
    assert widget.title.text().startswith("Week 41 · ")
    widget.show()
    qtbot.waitUntil(lambda: not widget.stale)
    assert widget.table.columnCount() == len(document.season.athletes)
    assert set(document._plans) == {a.id for a in document.season.athletes}

    # Hidden behind another tab, an edit waits for the table to be shown again.
    widget.hide()
    document.apply("Shorter season", lambda season: change_season(season, last_day=date(2027, 9, 1)))
    assert widget.stale and document._plans == {}
    widget.show()
    assert not widget.stale
    assert set(document._plans) == {a.id for a in document.season.athletes}
