"""The calendar during a drag draws each previewed plan over the last one: only the days, chips,
phases and names that change are drawn again, and only they are repainted on screen. These
tests hold that picture against one drawn from nothing."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from numpy.typing import NDArray
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QImage,
    QPainter,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.demo import demo_season
from planner.document.model import Priority, Season
from planner.engine.compliance import Band
from tests.ui.conftest import FakeDialogs
from tests.ui.gestures import PaintRegions, centre, drag_event
from ui.calendar import paint
from ui.calendar.layout import CalendarLayout, CompetitionShapes, competition_shapes
from ui.calendar.widget import SeasonCalendar
from ui.document import OpenSeason
from ui.mime import DraggedCompetition, competition_mime
from ui.selection import Selection
from ui.theme import MarkKind, band_stamp, mark_stamp

TODAY = date(2027, 3, 10)
NATIONALS = "comp-10"  # National Championships, Fri 23 - Sun 25 July 2027, priority A, everyone


def make_calendar(qtbot: QtBot, document: OpenSeason, selection: Selection) -> SeasonCalendar:
    calendar = SeasonCalendar(document, selection, FakeDialogs(), today=TODAY)
    # The selected day is drawn stronger with the focus: every calendar here goes without.
    calendar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    qtbot.addWidget(calendar)
    calendar.resize(1000, 330)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def pixels(image: QImage) -> NDArray[np.uint32]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return rows[:, : image.width()].copy()


def sweep_days(season: Season) -> list[date]:
    """Hover days for the Nationals: a day at a time forth and back, jumps, days that refuse the
    drop (another meet of the same athletes) and days off the season."""
    forth = [date(2027, 6, 20) + timedelta(days=n) for n in range(12)]
    # Across today too, and over the season's first days, kept as they were prescribed once
    # today is past them.
    jumps = [date(2027, 8, 20), date(2027, 5, 2), TODAY - timedelta(days=8), TODAY - timedelta(days=1), TODAY,
             TODAY + timedelta(days=1), date(2027, 7, 2), season.last_day, season.first_day + timedelta(days=7),
             season.first_day, season.first_day + timedelta(days=1)]
    refused = [c.start for c in season.competitions if c.id != NATIONALS and c.start > date(2027, 4, 1)][:2]
    return [*forth, *reversed(forth[:-1]), *jumps, *refused, date(2027, 7, 10), date(2027, 7, 11)]


def in_region(region: QRegion, height: int, width: int) -> NDArray[np.bool_]:
    """The pixels inside ``region``, filled through it as a clip."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.setClipRegion(region)
    painter.fillRect(0, 0, width, height, QColor("white"))
    painter.end()
    inside: NDArray[np.bool_] = pixels(image) != np.uint32(0xFF000000)
    return inside


def mark_the_sweep(document: OpenSeason, athlete_id: str) -> None:
    """A day the coach changed and a locked week among the days the sweep changes."""
    plan = document.plan(athlete_id)
    day = next(d for d in plan.days if d.sessions and d.date >= date(2027, 6, 24))
    session = day.sessions[0]
    changed = document.apply("Remove", lambda s: edits.set_override(
        s, athlete_id=athlete_id, day=day.date, kind=session.kind, session=None, replaced=session))
    document.apply("Lock", lambda s: edits.lock_week(s, athlete_id, changed.week_of(date(2027, 6, 29)), ()))


def demo_calendar(
    qtbot: QtBot, selection: Selection, marked: bool
) -> tuple[OpenSeason, SeasonCalendar, CalendarLayout, QPixmap]:
    """The demo season's calendar (its sweep marked or not), its layout and its base picture.

    The document runs as of the calendar's today: its past is kept as prescribed once edited."""
    document = OpenSeason(demo_season(), today=TODAY)
    if marked:
        mark_the_sweep(document, selection.athlete_id)
    calendar = make_calendar(qtbot, document, selection)
    layout = calendar._ensure_layout()
    return document, calendar, layout, paint.render_base(layout, calendar._fonts, 1.0)


@pytest.mark.parametrize("marked", [False, True])
def test_a_preview_scene_drawn_over_the_last_one_is_the_scene_drawn_whole(
    qtbot: QtBot, selection: Selection, marked: bool
) -> None:
    document, calendar, layout, base = demo_calendar(qtbot, selection, marked)
    look = paint.Look.build(layout, calendar._fonts, 1.0)
    marks, past = calendar.day_marks(), calendar.record_marks()
    assert bool(marks.locked_weeks and marks.edited_days and past.frozen_days) == marked
    scene = None
    before = None
    drawn_over = 0
    for day in sweep_days(document.season):
        preview = calendar.preview.hover(DraggedCompetition(NATIONALS), day)
        if preview is None or preview.season is None or preview.plan is None:
            continue
        shapes = competition_shapes(preview.season, layout, selection.athlete_id, calendar._fonts.small_metrics)
        whole = paint.render_scene(base, layout, preview.plan, shapes, look, marks, past)
        if scene is not None and before is not None:
            dirty = paint.scene_changes(layout, before[0], before[1], preview.plan, shapes)
            assert dirty is not None
            scene = paint.render_scene(base, layout, preview.plan, shapes, look, marks, past, onto=scene, dirty=dirty)
            assert np.array_equal(pixels(scene.toImage()), pixels(whole.toImage())), day
            drawn_over += 1
        else:
            scene = whole
        before = (preview.plan, shapes)
    calendar.preview.end()
    assert drawn_over > 20


def test_nothing_changes_where_the_scene_changes_say_nothing_changed(
    qtbot: QtBot, document: OpenSeason, selection: Selection
) -> None:
    calendar = make_calendar(qtbot, document, selection)
    layout = calendar._ensure_layout()
    metrics = calendar._fonts.small_metrics
    plans = []
    for day in (date(2027, 6, 20), date(2027, 6, 21), date(2027, 6, 20)):
        preview = calendar.preview.hover(DraggedCompetition(NATIONALS), day)
        assert preview is not None and preview.season is not None and preview.plan is not None
        plans.append((preview.plan, competition_shapes(preview.season, layout, selection.athlete_id, metrics)))
    calendar.preview.end()
    moved = paint.scene_changes(layout, *plans[0], *plans[1])
    back = paint.scene_changes(layout, *plans[0], *plans[2])
    assert moved is not None
    # The phases around the Nationals move with them, in the band above the grid.
    assert any(rect.top() == layout.bands.phase_top for rect in moved)
    # The moved chip's blocks, where it was and where it is.
    assert any(rect.contains(layout.cell(date(2027, 6, 21)).center()) for rect in moved)
    assert back == []


@pytest.mark.parametrize("selected", [None, NATIONALS])
def test_the_calendar_repaints_only_what_a_hover_changes_and_shows_what_a_fresh_calendar_shows(
    qtbot: QtBot, document: OpenSeason, selection: Selection, selected: str | None
) -> None:
    selection.set_competition(selected)
    calendar = make_calendar(qtbot, document, selection)
    viewport = calendar.viewport()
    regions = PaintRegions(viewport)
    mime = competition_mime(NATIONALS)
    days = sweep_days(document.season)
    QApplication.sendEvent(viewport, drag_event(QDragEnterEvent, centre(calendar, days[0]), mime))
    QApplication.processEvents()
    shown = pixels(viewport.grab().toImage())
    partial = 0
    pictures: list[tuple[QPoint, NDArray[np.uint32]]] = []
    for day in days[1:]:
        point = centre(calendar, day) if document.season.contains(day) else QPoint(2, 2)
        regions.regions.clear()
        QApplication.sendEvent(viewport, drag_event(QDragMoveEvent, point, mime))
        QApplication.processEvents()
        assert len(regions.regions) == 1, day  # it really repaints, once
        painted = regions.regions[0]
        after = pixels(viewport.grab().toImage())
        # What the partial repaint left on screen is the picture drawn whole.
        assert np.array_equal(on_screen(calendar), after), day
        changed = after != shown
        # Every pixel that differs from the picture before lies in the painted region.
        assert not (changed & ~in_region(painted, *after.shape)).any(), day
        partial += painted.boundingRect() != viewport.rect()
        pictures.append((point, after))
        shown = after
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert partial > 20
    # And each picture is the one a calendar that never saw the earlier days draws.
    for point, picture in pictures:
        assert np.array_equal(fresh_picture(qtbot, selection, point), picture), point


def on_screen(calendar: SeasonCalendar) -> NDArray[np.uint32]:
    """The viewport's pixels as the window shows them (``grab`` paints the widget afresh)."""
    viewport = calendar.viewport()
    screen = QApplication.primaryScreen()
    return pixels(screen.grabWindow(calendar.winId(), viewport.x(), viewport.y(), viewport.width(),
                                    viewport.height()).toImage())


def fresh_picture(qtbot: QtBot, selection: Selection, point: QPoint) -> NDArray[np.uint32]:
    """What a calendar on its own document shows when the Nationals are first dragged in at ``point``."""
    calendar = make_calendar(qtbot, OpenSeason(demo_season()), Selection(selection.athlete_id, selection.day))
    calendar.selection.set_competition(selection.competition_id)
    viewport = calendar.viewport()
    mime = competition_mime(NATIONALS)  # kept alive: the event holds only a pointer to it
    QApplication.sendEvent(viewport, drag_event(QDragEnterEvent, point, mime))
    QApplication.processEvents()
    picture = pixels(viewport.grab().toImage())
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    calendar.close()
    return picture


def test_two_hovers_before_one_paint_draw_both_changes(
    qtbot: QtBot, document: OpenSeason, selection: Selection
) -> None:
    calendar = make_calendar(qtbot, document, selection)
    viewport = calendar.viewport()
    mime = competition_mime(NATIONALS)
    QApplication.sendEvent(viewport, drag_event(QDragEnterEvent, centre(calendar, date(2027, 6, 20)), mime))
    QApplication.processEvents()
    for day in (date(2027, 6, 27), date(2027, 5, 30), date(2027, 5, 31)):
        QApplication.sendEvent(viewport, drag_event(QDragMoveEvent, centre(calendar, day), mime))
    QApplication.processEvents()
    after = pixels(viewport.grab().toImage())
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert np.array_equal(fresh_picture(qtbot, selection, centre(calendar, date(2027, 5, 31))), after)


def rect_key(rect: QRect) -> tuple[int, int, int, int]:
    return rect.x(), rect.y(), rect.width(), rect.height()


def shape_keys(shapes: CompetitionShapes) -> list[tuple[object, ...]]:
    chips = [(c.competition, c.entered, [rect_key(r) for r in c.segments]) for c in shapes.chips]
    labels = [(lb.competition, lb.entered, lb.text, rect_key(lb.marker), rect_key(lb.text_rect))
              for lb in shapes.labels]
    return [*chips, *labels]


def test_competitions_laid_out_by_a_layout_that_kept_earlier_ones_are_laid_out_as_by_a_new_one(
    qtbot: QtBot, document: OpenSeason, selection: Selection
) -> None:
    calendar = make_calendar(qtbot, document, selection)
    metrics = calendar._fonts.small_metrics
    size = calendar.viewport().size()
    kept = CalendarLayout.build(document.season, size.width(), size.height(), metrics)
    # Two meets for different athletes, the second dragged across the first: stacked blocks.
    athletes = [a.id for a in document.season.athletes]
    first = edits.new_competition_id(document.season)
    two = edits.add_competition(document.season, name="Club A", start=date(2027, 4, 14), end=date(2027, 4, 16),
                                priority=Priority.C, indoor=False, athletes=athletes[1:2])
    second = edits.new_competition_id(two)
    two = edits.add_competition(two, name="Club B", start=date(2027, 4, 5), end=date(2027, 4, 5),
                                priority=Priority.B, indoor=True, athletes=athletes[2:3])
    moves = [(NATIONALS, document.season, day) for day in sweep_days(document.season)]
    moves += [(second, two, date(2027, 4, 10) + timedelta(days=n)) for n in range(10)]
    moves += [(first, two, date(2027, 4, 3) + timedelta(days=n)) for n in range(5)]
    laid_out = 0
    for moved, before, day in moves:
        try:
            season = edits.move_competition(before, moved, day)
        except edits.EditError:
            continue
        new = CalendarLayout.build(season, size.width(), size.height(), metrics)
        for athlete_id in (selection.athlete_id, ""):
            assert shape_keys(competition_shapes(season, kept, athlete_id, metrics)) == shape_keys(
                competition_shapes(season, new, athlete_id, metrics)), day
        laid_out += 1
    assert laid_out > 30 and kept.blocks and kept.widths
    stacked = competition_shapes(edits.move_competition(two, second, date(2027, 4, 15)), kept, "", metrics)
    assert any(len(chip.segments) > 1 for chip in stacked.chips)


@pytest.mark.parametrize("marked", [False, True])
def test_a_scene_drawn_with_its_base_in_place_is_the_scene_drawn_over_the_base_picture(
    qtbot: QtBot, selection: Selection, marked: bool
) -> None:
    # A layout's first scene (the window's first frame) draws the base layer into itself.
    document, calendar, layout, base = demo_calendar(qtbot, selection, marked)
    metrics = calendar._fonts.small_metrics
    for athlete_id in [*(a.id for a in document.season.athletes), ""]:
        plan = document.find_plan(athlete_id)
        assert (plan is None) == (athlete_id == "")
        shapes = competition_shapes(document.season, layout, athlete_id, metrics)
        calendar.selection.set_athlete(athlete_id)
        marks, past = calendar.day_marks(), calendar.record_marks()
        in_place = paint.render_scene(None, layout, plan, shapes, paint.Look.build(layout, calendar._fonts, 1.0),
                                      marks, past)
        copied = paint.render_scene(base, layout, plan, shapes, paint.Look.build(layout, calendar._fonts, 1.0),
                                    marks, past)
        assert np.array_equal(pixels(in_place.toImage()), pixels(copied.toImage())), athlete_id


def test_the_scenes_after_the_first_copy_the_base_picture_and_show_what_a_fresh_calendar_shows(
    qtbot: QtBot, selection: Selection
) -> None:
    document = OpenSeason(demo_season(), today=TODAY)
    calendar = make_calendar(qtbot, document, selection)
    before = pixels(calendar.viewport().grab().toImage())
    assert calendar._scenes_drawn and calendar._base is None  # the first frame drew the base in place
    document.apply("Move", lambda s: edits.move_competition(s, NATIONALS, date(2027, 7, 9)))
    QApplication.processEvents()
    after = pixels(calendar.viewport().grab().toImage())
    assert calendar._base is not None and not np.array_equal(before, after)
    fresh = make_calendar(qtbot, document, Selection(selection.athlete_id, selection.day))
    assert fresh._base is None
    assert np.array_equal(pixels(fresh.viewport().grab().toImage()), after)


@pytest.mark.parametrize("size", [(1000, 330), (700, 300), (1366, 420), (420, 250)])
def test_a_look_puts_the_marks_where_each_cell_says_and_draws_its_stamps_when_first_used(
    qtbot: QtBot, document: OpenSeason, selection: Selection, size: tuple[int, int]
) -> None:
    calendar = make_calendar(qtbot, document, selection)
    calendar.resize(*size)
    layout = calendar._ensure_layout()
    look = paint.Look.build(layout, calendar._fonts, 1.0)
    mark = paint.mark_size(layout)
    gap = max(2, round(mark * 0.3))
    for index, cell in enumerate(layout.cells):
        centre = cell.left() + cell.width() // 2
        y = cell.top() + round(cell.height() * 0.72 - mark / 2) - 3
        assert look.mark_origins[index] == (centre - gap // 2 - mark - 2, centre + (gap - gap // 2) - 2, y)
    assert not look.stamps and not look.band_stamps
    for kind in MarkKind:
        expected = pixels(mark_stamp(kind, mark, calendar._fonts.bold_small, 1.0).toImage())
        assert np.array_equal(pixels(look.mark(kind).toImage()), expected)
        assert look.mark(kind) is look.mark(kind)
    for band in (b for b in Band if b is not Band.NONE):
        for plyometrics in (False, True):
            expected = pixels(band_stamp(band, plyometrics, mark, 1.0).toImage())
            assert np.array_equal(pixels(look.band(band, plyometrics).toImage()), expected)
