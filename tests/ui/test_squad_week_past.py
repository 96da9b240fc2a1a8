"""The squad week's past: muted days, and each session's sign of how it went, per athlete."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Season
from planner.engine.compliance import Band, day_compliance
from tests.ui.recorded import AS_PLANNED, LUCJA, PLYOMETRICS, TODAY, WEIGHTS, recorded_demo, session_of
from ui import theme
from ui.document import OpenSeason
from ui.panels.squad_week import BAND_ROLE, BAND_TEXT, PAST_BACKGROUND, SquadWeek
from ui.selection import Selection
from ui.session_text import session_summary

SOREN = "ath-2"
SOREN_DAY = date(2027, 3, 8)  # Søren's plyometrics and strength, the day before Łucja's AS_PLANNED


@pytest.fixture
def recorded(demo: Season) -> OpenSeason:
    return OpenSeason(recorded_demo(demo), today=TODAY)


@pytest.fixture
def squad(qtbot: QtBot, recorded: OpenSeason, selection: Selection) -> SquadWeek:
    selection.select(LUCJA, AS_PLANNED)
    widget = SquadWeek(recorded, selection)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.stale)
    return widget


def lines(squad: SquadWeek, athlete_id: str, day: date) -> list[str]:
    item = squad.cell(athlete_id, day)
    assert item is not None
    return item.text().splitlines()


def test_each_past_session_starts_with_the_sign_of_how_it_went(squad: SquadWeek, recorded: OpenSeason) -> None:
    season = recorded.season
    weights = session_summary(session_of(season, AS_PLANNED, WEIGHTS), main_items=1)
    jumps = session_summary(session_of(season, AS_PLANNED, PLYOMETRICS), main_items=1)
    shown = lines(squad, LUCJA, AS_PLANNED)
    assert f"✓ {weights}" in shown
    assert f"✗ {jumps}" in shown
    # Søren recorded nothing: his past sessions are still to record.
    plan_day = recorded.plan(SOREN).day(SOREN_DAY)
    assert plan_day is not None and len(plan_day.sessions) == 2
    assert [line[:2] for line in lines(squad, SOREN, SOREN_DAY)] == ["○ ", "○ "]


def test_a_past_day_is_muted_and_coloured_by_how_it_went(squad: SquadWeek, recorded: OpenSeason) -> None:
    item = squad.cell(LUCJA, AS_PLANNED)
    assert item is not None
    band = day_compliance(recorded.plan(LUCJA), recorded.season, AS_PLANNED, TODAY).band
    assert band is Band.MISSED  # done and missed: the missed session is what shows
    assert Band(item.data(BAND_ROLE)) is band
    assert item.foreground().color() == BAND_TEXT[band]
    assert item.background().color() == PAST_BACKGROUND
    soren = squad.cell(SOREN, SOREN_DAY)
    assert soren is not None and Band(soren.data(BAND_ROLE)) is Band.PENDING
    # A past day with nothing planned has no band.
    quiet = squad.cell(SOREN, AS_PLANNED)
    assert quiet is not None and Band(quiet.data(BAND_ROLE)) is Band.NONE


def test_days_from_today_on_show_the_plan_without_signs(squad: SquadWeek, recorded: OpenSeason) -> None:
    for day in (TODAY, TODAY + timedelta(days=1)):
        item = squad.cell(LUCJA, day)
        assert item is not None
        assert Band(item.data(BAND_ROLE)) is Band.NONE
        assert item.background().color() != PAST_BACKGROUND
        signs = {look.sign for look in theme.BANDS.values()}
        assert not any(line[:1] in signs for line in item.text().splitlines())


def test_the_tooltip_gives_the_figures_and_the_legend_the_signs(squad: SquadWeek) -> None:
    item = squad.cell(LUCJA, AS_PLANNED)
    assert item is not None
    assert "✓ done: 2740 of 2740 kg volume-load (100 %) (within ±20 % of the plan)" in item.toolTip()
    legend = squad.findChild(QLabel, "squadWeekLegend")
    assert legend is not None
    for look in theme.BANDS.values():
        assert f"{look.sign} {look.word}" in legend.text()
    assert "≈ near: 50-79 % or 121-150 % of the plan" in legend.toolTip()


def test_recording_a_session_updates_its_cell(squad: SquadWeek, recorded: OpenSeason) -> None:
    assert lines(squad, SOREN, SOREN_DAY)[0].startswith("○ ")
    plan_day = recorded.plan(SOREN).day(SOREN_DAY)
    assert plan_day is not None
    session = plan_day.sessions[0]
    recorded.apply("Missed", lambda s: edits.mark_missed(s, SOREN, SOREN_DAY, session.kind, session),
                   freeze=[(SOREN, SOREN_DAY)])
    assert lines(squad, SOREN, SOREN_DAY)[0] == f"✗ {session_summary(session, main_items=1)}"
