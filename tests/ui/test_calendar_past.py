"""The calendar's past: muted days, each past session's compliance band, kept days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Priority, Season
from planner.document.records import DoneSet
from planner.engine.compliance import Band
from tests.ui.conftest import FakeDialogs
from tests.ui.recorded import (
    AS_PLANNED,
    LUCJA,
    NEAR,
    OFF,
    PLYOMETRICS,
    TO_RECORD,
    TODAY,
    WEIGHTS,
    partly,
    recorded_demo,
)
from ui import theme
from ui.calendar import paint
from ui.calendar.widget import SeasonCalendar
from ui.document import OpenSeason
from ui.selection import Selection


@pytest.fixture
def recorded(demo: Season) -> OpenSeason:
    return OpenSeason(recorded_demo(demo), today=TODAY)


@pytest.fixture
def calendar(qtbot: QtBot, recorded: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs) -> SeasonCalendar:
    selection.select(LUCJA, TODAY)
    calendar = SeasonCalendar(recorded, selection, fake_dialogs, today=TODAY)
    qtbot.addWidget(calendar)
    calendar.resize(1000, 330)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def colours_in(image: QImage, rect: QRect) -> set[str]:
    return {image.pixelColor(QPoint(x, y)).name() for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())}


def left_half(rect: QRect) -> QRect:
    return QRect(rect.left(), rect.top(), rect.width() // 2, rect.height())


def right_half(rect: QRect) -> QRect:
    return QRect(rect.center().x(), rect.top(), rect.width() // 2, rect.height())


def test_each_past_session_has_its_band_and_sessions_to_come_have_none(calendar: SeasonCalendar) -> None:
    marks = calendar.record_marks()
    assert marks.band_of(AS_PLANNED, WEIGHTS) is Band.GREEN
    assert marks.band_of(AS_PLANNED, PLYOMETRICS) is Band.MISSED
    assert marks.band_of(NEAR, WEIGHTS) is Band.YELLOW
    assert marks.band_of(OFF, WEIGHTS) is Band.RED
    assert marks.band_of(TO_RECORD, WEIGHTS) is Band.PENDING
    plan = calendar.shown_plan()
    assert plan is not None
    # Every past day with sessions shows them; no day from today on does (nothing recorded there).
    past_days = {d.date for d in plan.days if d.sessions and d.date < TODAY}
    assert set(marks.sessions) == past_days
    assert all(mark.band is not Band.NONE for day in past_days for mark in marks.sessions[day])


def test_the_figures_behind_a_band_are_the_ones_worked_out_by_hand(calendar: SeasonCalendar) -> None:
    marks = calendar.record_marks()
    near = next(m for m in marks.sessions[NEAR] if m.session.kind is WEIGHTS)
    assert near.compliance is not None
    assert near.compliance.planned_volume_kg == pytest.approx(885.0)
    assert near.compliance.done_volume_kg == pytest.approx(480.0)
    assert theme.band_summary(near.band, near.compliance, plyometrics=False) == (
        "≈ near: 480 of 885 kg volume-load (54 %)"
    )
    off = next(m for m in marks.sessions[OFF] if m.session.kind is WEIGHTS)
    assert off.compliance is not None
    assert off.compliance.done_volume_kg == pytest.approx(363.75)
    assert theme.band_summary(off.band, off.compliance, plyometrics=False) == (
        "! off: 363.8 of 1245 kg volume-load (29 %)"
    )


def test_a_band_is_painted_in_its_colour_where_the_sessions_plain_mark_was(calendar: SeasonCalendar) -> None:
    image = calendar.viewport().grab().toImage()
    # Weights sit left of the cell's centre, plyometrics right of it.
    assert theme.BANDS[Band.GREEN].colour.name() in colours_in(image, left_half(calendar.date_rect(AS_PLANNED)))
    assert theme.BANDS[Band.MISSED].colour.name() in colours_in(image, right_half(calendar.date_rect(AS_PLANNED)))
    assert theme.BANDS[Band.YELLOW].colour.name() in colours_in(image, left_half(calendar.date_rect(NEAR)))
    assert theme.BANDS[Band.RED].colour.name() in colours_in(image, left_half(calendar.date_rect(OFF)))
    to_record = colours_in(image, left_half(calendar.date_rect(TO_RECORD)))
    assert theme.BANDS[Band.PENDING].colour.name() in to_record
    # The plain mark is gone from the past: its weights colour shows only on days to come.
    assert theme.WEIGHTS.name() not in to_record


def test_every_band_has_its_own_sign_not_only_its_colour(qtbot: QtBot) -> None:
    """Two bands' stamps differ even with the colour taken away (as a colour-blind coach sees them)."""
    def shape(band: Band) -> list[bool]:
        image = theme.band_stamp(band, False, 9, 1.0).toImage()
        return [image.pixelColor(x, y).alpha() > 0 and image.pixelColor(x, y).lightness() < 200
                for x in range(image.width()) for y in range(image.height())]

    bands = [Band.GREEN, Band.YELLOW, Band.RED, Band.MISSED, Band.PENDING]
    shapes = [shape(band) for band in bands]
    assert all(shapes[i] != shapes[j] for i in range(len(bands)) for j in range(i + 1, len(bands)))
    assert len({theme.BANDS[band].sign for band in bands}) == len(bands)


def test_past_days_are_muted_up_to_yesterday(calendar: SeasonCalendar) -> None:
    layout = calendar._ensure_layout()
    rects = paint.past_rects(layout, TODAY)
    season = calendar.document.season

    def covered(day: date) -> bool:
        centre = layout.cell(day).center()
        return any(rect.contains(centre) for rect in rects)

    assert covered(season.first_day) and covered(TODAY - timedelta(days=1))
    assert not covered(TODAY) and not covered(TODAY + timedelta(days=10))
    # One rectangle per week column holding past days.
    assert len(rects) == layout.week_index(TODAY - timedelta(days=1)) + 1
    # Painted: a past day's background is lighter than the same kind of day to come.
    image = calendar.viewport().grab().toImage()
    past = calendar.date_rect(date(2027, 2, 17)).topLeft() + QPoint(3, 3)  # February: shaded month
    future = calendar.date_rect(date(2027, 4, 14)).topLeft() + QPoint(3, 3)  # April: shaded month
    assert image.pixelColor(past).lightness() > image.pixelColor(future).lightness()


def test_the_tooltip_says_how_each_past_session_went_and_what_the_signs_mean(calendar: SeasonCalendar) -> None:
    text = calendar.tooltip_text(NEAR)
    assert "≈</b></span> near: 480 of 885 kg volume-load (54 %)" in text
    assert "(50-79 % or 121-150 % of the plan)" in text
    assert "effort 6 · 40 min" in text
    assert "Bands on volume-load for weights, contacts for plyometrics" in text
    assert "✗</b></span> missed" in calendar.tooltip_text(AS_PLANNED)
    assert "○</b></span> to record" in calendar.tooltip_text(TO_RECORD)
    assert "to record" not in calendar.tooltip_text(TODAY + timedelta(days=1))


def test_recording_a_session_repaints_its_day(calendar: SeasonCalendar, recorded: OpenSeason) -> None:
    assert calendar.record_marks().band_of(TO_RECORD, WEIGHTS) is Band.PENDING
    record = partly(recorded.season, TO_RECORD, {"back_squat": (DoneSet(6, 86.25),) * 2,
                                                 "power_clean": (DoneSet(2, 52.5),) * 2})
    recorded.apply("Record", lambda s: edits.record_session(s, LUCJA, TO_RECORD, WEIGHTS, record))
    assert calendar.record_marks().band_of(TO_RECORD, WEIGHTS) is Band.GREEN
    image = calendar.viewport().grab().toImage()
    assert theme.BANDS[Band.GREEN].colour.name() in colours_in(image, left_half(calendar.date_rect(TO_RECORD)))
    recorded.undo_stack.undo()
    assert calendar.record_marks().band_of(TO_RECORD, WEIGHTS) is Band.PENDING


def test_another_athlete_has_no_records_so_every_past_session_is_to_record(
    calendar: SeasonCalendar, selection: Selection
) -> None:
    selection.set_athlete("ath-2")
    marks = calendar.record_marks()
    assert marks.sessions
    assert {mark.band for day in marks.sessions.values() for mark in day} == {Band.PENDING}


def test_a_session_recorded_ahead_of_its_day_shows_its_band(calendar: SeasonCalendar, recorded: OpenSeason) -> None:
    plan = calendar.shown_plan()
    assert plan is not None
    ahead = next(d for d in plan.days if d.date > TODAY and any(s.kind is WEIGHTS for s in d.sessions))
    session = next(s for s in ahead.sessions if s.kind is WEIGHTS)
    recorded.apply("Missed", lambda s: edits.mark_missed(s, LUCJA, ahead.date, WEIGHTS, session))
    assert calendar.record_marks().band_of(ahead.date, WEIGHTS) is Band.MISSED


def test_kept_days_are_marked_and_a_kept_day_the_plan_would_now_change_stands_out(
    calendar: SeasonCalendar, recorded: OpenSeason
) -> None:
    # Nothing is kept in the file until the first edit keeps the past.
    assert calendar.record_marks().frozen_days == frozenset()
    wednesday, thursday = date(2026, 11, 25), date(2026, 11, 26)
    recorded.apply("Add competition", lambda s: edits.add_competition(
        s, name="Club meet", start=wednesday, end=wednesday, priority=Priority.C, indoor=True))
    marks = calendar.record_marks()
    season = recorded.season
    past = {season.first_day + timedelta(days=n) for n in range((TODAY - season.first_day).days)}
    assert marks.frozen_days == past
    # The meet on Wednesday would have added plyometrics to Thursday: Thursday is held.
    assert thursday in marks.held_days
    assert marks.held_days <= marks.frozen_days
    assert "the plan would now prescribe it differently" in calendar.tooltip_text(thursday)
    assert "Kept as it was prescribed" in calendar.tooltip_text(date(2026, 11, 2))
    assert "Kept" not in calendar.tooltip_text(TODAY)
    # Painted: the kept edge along the bottom of a past day, none on a day to come.
    image = calendar.viewport().grab().toImage()
    frozen, held = theme.FROZEN_EDGE.name(), theme.FROZEN.name()

    def bottom_colours(day: date) -> set[str]:
        cell = calendar.date_rect(day)
        return colours_in(image, QRect(cell.left() + 4, cell.bottom() - 3, cell.width() - 8, 5))

    assert frozen in bottom_colours(date(2026, 11, 2))
    assert frozen not in bottom_colours(TODAY + timedelta(days=1))
    # The held corner sits in the bottom-left, where a day only kept has none.
    def corner(day: date) -> set[str]:
        cell = calendar.date_rect(day)
        return colours_in(image, QRect(cell.left() + 1, cell.bottom() - 5, 2, 2))

    assert held in corner(thursday)
    assert held not in corner(date(2026, 11, 2))


def test_another_athletes_record_leaves_the_calendar_as_it_was(calendar: SeasonCalendar, recorded: OpenSeason) -> None:
    other = next(a.id for a in recorded.season.athletes if a.id != LUCJA)
    first, second = [d for d in recorded.plan(other).days if d.sessions and d.date < TODAY][:2]
    # The first edit of the day keeps every athlete's past as planned, Łucja's too.
    recorded.apply("Missed", lambda s: edits.mark_missed(s, other, first.date, first.sessions[0].kind,
                                                         first.sessions[0]))
    marks = calendar.record_marks()

    recorded.apply("Missed", lambda s: edits.mark_missed(s, other, second.date, second.sessions[0].kind,
                                                         second.sessions[0]))
    assert calendar.record_marks() is marks

    mine = next(d for d in recorded.plan(LUCJA).days if d.sessions and d.date < TODAY
                and recorded.season.find_record((LUCJA, d.date, d.sessions[0].kind)) is None)
    session = mine.sessions[0]
    recorded.apply("Missed", lambda s: edits.mark_missed(s, LUCJA, mine.date, session.kind, session))
    assert calendar.record_marks() is not marks
