"""Dragging competitions: the palette's templates and the calendar's chips, the drops as undo
steps, and the live preview while a drag moves over the calendar.

Drags are driven with synthetic drag events sent to the calendar's viewport (``QDrag.exec``
runs a native loop that synthetic events cannot reach); the drag source is tested by
replacing ``QDrag.exec``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QCursor, QDrag, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Priority, Season
from planner.engine.plan import Plan
from tests.ui.conftest import FakeDialogs
from tests.ui.gestures import centre, drag_event, move_with_button_down, press
from ui.calendar import paint
from ui.calendar.widget import SeasonCalendar
from ui.document import OpenSeason
from ui.mime import (
    COMPETITION_MIME,
    TEMPLATE_MIME,
    TEMPLATES,
    CompetitionTemplate,
    DraggedCompetition,
    competition_mime,
    decode_competition,
    decode_template,
    encode_competition,
    encode_template,
    payload_from_mime,
)
from ui.panels.palette import CompetitionPalette
from ui.selection import Selection

NATIONALS = "comp-10"  # Fri 23 - Sun 25 July 2027, priority A, the whole squad
NATIONALS_DAY = date(2027, 7, 23)
MOVE = Qt.DropAction.MoveAction
COPY = Qt.DropAction.CopyAction


@pytest.fixture
def calendar(qtbot: QtBot, document: OpenSeason, selection: Selection, fake_dialogs: FakeDialogs) -> SeasonCalendar:
    calendar = SeasonCalendar(document, selection, fake_dialogs, today=date(2027, 3, 10))
    qtbot.addWidget(calendar)
    calendar.resize(1000, 330)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


@pytest.fixture
def palette(qtbot: QtBot) -> CompetitionPalette:
    palette = CompetitionPalette()
    qtbot.addWidget(palette)
    palette.show()
    qtbot.waitExposed(palette)
    return palette


@pytest.fixture
def previews(calendar: SeasonCalendar) -> list[Plan | None]:
    shown: list[Plan | None] = []
    calendar.preview.changed.connect(shown.append)
    return shown


# Synthetic drags ----------------------------------------------------------------------------

def send(target: QWidget, event: QEvent) -> bool:
    event.setAccepted(False)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def drag_over(target: QWidget, mime: QMimeData, *points: QPoint, action: Qt.DropAction = MOVE) -> bool:
    """Enter at the first point and move over every point; whether the target took the drag."""
    if not send(target, drag_event(QDragEnterEvent, points[0], mime, action)):
        return False
    # A list, not a generator: every move is sent, as Qt goes on sending them after a refusal.
    return all([send(target, drag_event(QDragMoveEvent, point, mime, action)) for point in points])


def drop_on(target: QWidget, mime: QMimeData, point: QPoint, action: Qt.DropAction = MOVE) -> bool:
    """A whole drag ending in a drop (orange-canvas-core's ``dragDrop``); whether it was taken."""
    if not drag_over(target, mime, point, action=action):
        QApplication.sendEvent(target, QDragLeaveEvent())
        return False
    return send(target, drag_event(QDropEvent, point, mime, action))




def taper_days(plan: Plan, competition_id: str) -> list[date]:
    return [day.date for day in plan.days if day.taper_for == competition_id]


# The mime payloads --------------------------------------------------------------------------


@given(st.sampled_from(list(Priority)), st.booleans())
def test_a_template_survives_encoding(priority: Priority, indoor: bool) -> None:
    template = CompetitionTemplate(priority, indoor)
    assert decode_template(encode_template(template)) == template


@given(st.text(min_size=1))
def test_a_competition_id_survives_encoding(competition_id: str) -> None:
    assert decode_competition(encode_competition(competition_id)) == competition_id


@pytest.mark.parametrize(
    "data", [b"", b"\xff\xfe", b"[]", b"{}", b'{"priority": "D", "indoor": true}', b'{"priority": "A"}',
             b'{"priority": "A", "indoor": "yes"}', b'{"id": ""}', b'{"id": 3}']
)
def test_malformed_payloads_are_refused(data: bytes) -> None:
    assert decode_template(data) is None
    assert decode_competition(data) is None


def test_mime_data_says_what_is_dragged() -> None:
    assert payload_from_mime(competition_mime(NATIONALS)) == DraggedCompetition(NATIONALS)
    plain = QMimeData()
    plain.setText("National Championships")
    assert payload_from_mime(plain) is None


# The palette --------------------------------------------------------------------------------


def test_the_palette_offers_six_labelled_templates(palette: CompetitionPalette) -> None:
    assert palette.objectName() == "competitionPalette"
    assert [item.template for item in palette.items] == list(TEMPLATES)
    assert [t.label for t in TEMPLATES] == [
        "A outdoor", "A indoor", "B outdoor", "B indoor", "C outdoor", "C indoor"]
    assert all(item.isVisible() and item.height() >= 24 for item in palette.items)
    tops = [item.geometry().top() for item in palette.items]
    assert tops == sorted(tops)  # a vertical list


def test_the_palettes_mime_data_carries_its_template(palette: CompetitionPalette) -> None:
    for template in TEMPLATES:
        mime = palette.mime_data(template)
        assert mime.hasFormat(TEMPLATE_MIME) and not mime.hasFormat(COMPETITION_MIME)
        assert payload_from_mime(mime) == template


def test_dragging_a_palette_item_starts_a_drag_with_its_template(
    qtbot: QtBot, palette: CompetitionPalette, monkeypatch: pytest.MonkeyPatch
) -> None:
    carried: list[object] = []

    def fake_exec(drag: QDrag, *args: object) -> Qt.DropAction:
        carried.append(payload_from_mime(drag.mimeData()))
        return COPY

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    item = palette.item(CompetitionTemplate(Priority.B, True))
    start = item.rect().center()
    press(item, start)
    far = start + QPoint(QApplication.startDragDistance() + 3, 0)
    move_with_button_down(item, far)
    assert carried == [CompetitionTemplate(Priority.B, True)]


# Adding a competition by a drop -------------------------------------------------------------


def test_dropping_a_template_on_a_day_adds_a_named_competition_in_one_undo_step(
    calendar: SeasonCalendar, palette: CompetitionPalette, document: OpenSeason, selection: Selection,
    fake_dialogs: FakeDialogs, demo: Season,
) -> None:
    day = date(2027, 4, 17)
    template = CompetitionTemplate(Priority.B, indoor=True)
    assert drop_on(calendar.viewport(), palette.mime_data(template), centre(calendar, day), COPY)

    assert fake_dialogs.asked == [("competition_name", ("Indoor meeting", day))]
    added = document.season.competitions[-1]
    assert added.id == "comp-12"
    assert (added.name, added.start, added.end) == ("Test Meet", day, day)
    assert (added.priority, added.indoor, added.athletes) == (Priority.B, True, None)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Add competition"
    assert (selection.day, selection.competition_id) == (day, "comp-12")
    assert calendar.competition_at(centre(calendar, day)) == "comp-12"

    document.undo_stack.undo()
    assert document.season == demo
    document.undo_stack.redo()
    assert document.season.find_competition("comp-12") == added


def test_cancelling_the_name_leaves_the_season_unchanged(
    calendar: SeasonCalendar, palette: CompetitionPalette, document: OpenSeason, fake_dialogs: FakeDialogs,
    demo: Season, previews: list[Plan | None],
) -> None:
    fake_dialogs.competition_name = None
    mime = palette.mime_data(CompetitionTemplate(Priority.A, indoor=False))
    assert not drop_on(calendar.viewport(), mime, centre(calendar, date(2027, 6, 12)), COPY)
    assert fake_dialogs.kinds() == ["competition_name"]
    assert document.season == demo
    assert document.undo_stack.count() == 0
    assert calendar.preview.plan() is None and previews[-1] is None


def test_a_drop_outside_the_days_or_of_foreign_data_is_refused(
    calendar: SeasonCalendar, palette: CompetitionPalette, document: OpenSeason, fake_dialogs: FakeDialogs,
    demo: Season,
) -> None:
    header = QPoint(centre(calendar, NATIONALS_DAY).x(), 4)
    assert not drop_on(calendar.viewport(), palette.mime_data(TEMPLATES[0]), header, COPY)
    text = QMimeData()
    text.setText("comp-10")
    assert not drop_on(calendar.viewport(), text, centre(calendar, NATIONALS_DAY))
    unknown = competition_mime("comp-99")
    assert not drop_on(calendar.viewport(), unknown, centre(calendar, NATIONALS_DAY))
    assert fake_dialogs.asked == []
    assert document.season == demo


# Moving a competition by a drop -------------------------------------------------------------


def test_dropping_a_competition_on_a_day_moves_it_in_one_undo_step(
    calendar: SeasonCalendar, document: OpenSeason, selection: Selection, demo: Season
) -> None:
    target = date(2027, 8, 6)
    assert drop_on(calendar.viewport(), competition_mime(NATIONALS), centre(calendar, target))
    moved = document.season.competition(NATIONALS)
    assert (moved.start, moved.end) == (target, target + timedelta(days=2))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Move competition"
    assert (selection.day, selection.competition_id) == (target, NATIONALS)
    document.undo_stack.undo()
    assert document.season == demo
    document.undo_stack.redo()
    assert document.season.competition(NATIONALS).start == target


def test_a_refused_move_is_explained_and_changes_nothing(
    calendar: SeasonCalendar, document: OpenSeason, fake_dialogs: FakeDialogs, demo: Season,
    previews: list[Plan | None],
) -> None:
    # Three days from 4 September would end after the season's last day, 5 September.
    point = centre(calendar, date(2027, 9, 4))
    assert not drop_on(calendar.viewport(), competition_mime(NATIONALS), point)
    # A drop that arrives all the same (the pointer said no) is refused and explained.
    assert drag_over(calendar.viewport(), competition_mime(NATIONALS), centre(calendar, date(2027, 8, 6)))
    assert not send(calendar.viewport(), drag_event(QDropEvent, point, competition_mime(NATIONALS), MOVE))
    errors = [text for kind, text in fake_dialogs.asked if kind == "error"]
    assert len(errors) == 1
    assert "2027-09-06" in errors[0] and "after the season's last day" in errors[0]
    assert document.season == demo
    assert document.undo_stack.count() == 0
    assert calendar.preview.plan() is None


def test_dragging_a_chip_carries_its_competition_and_moves_it_where_dropped(
    qtbot: QtBot, calendar: SeasonCalendar, document: OpenSeason, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = date(2027, 8, 13)
    viewport = calendar.viewport()
    carried: list[object] = []

    def fake_exec(drag: QDrag, *args: object) -> Qt.DropAction:
        # Stands in for the drag loop: the pointer goes over the calendar and lets go.
        carried.append(payload_from_mime(drag.mimeData()))
        assert drop_on(viewport, drag.mimeData(), centre(calendar, target))
        return MOVE

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    start = centre(calendar, NATIONALS_DAY)
    press(viewport, start)
    far = start + QPoint(QApplication.startDragDistance() + 3, 0)
    move_with_button_down(viewport, far)
    assert carried == [DraggedCompetition(NATIONALS)]
    assert document.season.competition(NATIONALS).start == target
    assert document.undo_stack.count() == 1


# The live preview ---------------------------------------------------------------------------


def test_moving_a_drag_over_a_day_previews_the_plan_for_that_day(
    calendar: SeasonCalendar, document: OpenSeason, demo: Season, previews: list[Plan | None]
) -> None:
    target = date(2027, 8, 13)
    assert drag_over(calendar.viewport(), competition_mime(NATIONALS), centre(calendar, target))

    preview = calendar.preview.plan()
    real = document.plan("ath-1")
    assert preview is not None and preview != real
    assert calendar.shown_plan() is preview
    assert previews == [preview]
    # The taper follows the championships to their new start.
    assert taper_days(real, NATIONALS)[-1] == NATIONALS_DAY - timedelta(days=1)
    assert taper_days(preview, NATIONALS)[-1] == target - timedelta(days=1)
    assert NATIONALS in preview.day(target).competitions  # type: ignore[union-attr]
    # The preview never touches the document or its undo stack.
    assert document.season == demo
    assert document.undo_stack.count() == 0


def test_the_preview_changes_only_when_the_hovered_day_changes(
    calendar: SeasonCalendar, previews: list[Plan | None]
) -> None:
    first, second = date(2027, 8, 13), date(2027, 8, 6)
    point = centre(calendar, first)
    nudged = point + QPoint(2, 1)  # the same day
    assert drag_over(calendar.viewport(), competition_mime(NATIONALS), point, nudged, nudged)
    assert len(previews) == 1
    assert drag_over(calendar.viewport(), competition_mime(NATIONALS), centre(calendar, second))
    assert len(previews) == 2 and previews[0] != previews[1]
    assert taper_days(previews[1], NATIONALS)[-1] == second - timedelta(days=1)  # type: ignore[arg-type]


def test_leaving_the_calendar_ends_the_preview(
    calendar: SeasonCalendar, document: OpenSeason, previews: list[Plan | None]
) -> None:
    assert drag_over(calendar.viewport(), competition_mime(NATIONALS), centre(calendar, date(2027, 8, 13)))
    QApplication.sendEvent(calendar.viewport(), QDragLeaveEvent())
    assert calendar.preview.plan() is None
    assert calendar.shown_plan() is document.plan("ath-1")
    assert len(previews) == 2 and isinstance(previews[0], Plan) and previews[1] is None
    assert document.undo_stack.count() == 0


def test_a_cancelled_chip_drag_ends_the_preview(
    qtbot: QtBot, calendar: SeasonCalendar, document: OpenSeason, monkeypatch: pytest.MonkeyPatch,
    previews: list[Plan | None], demo: Season,
) -> None:
    viewport = calendar.viewport()

    def escape_pressed(drag: QDrag, *args: object) -> Qt.DropAction:
        # The pointer went over a day, then the coach pressed Escape: no drop, no leave event.
        assert drag_over(viewport, drag.mimeData(), centre(calendar, date(2027, 8, 13)))
        assert calendar.preview.plan() is not None
        return Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", escape_pressed)
    start = centre(calendar, NATIONALS_DAY)
    press(viewport, start)
    far = start + QPoint(0, QApplication.startDragDistance() + 3)
    move_with_button_down(viewport, far)
    assert calendar.preview.plan() is None
    assert previews[-1] is None
    assert document.season == demo


def test_escape_during_a_drag_over_the_calendar_ends_the_preview(
    qtbot: QtBot, calendar: SeasonCalendar, previews: list[Plan | None]
) -> None:
    assert drag_over(calendar.viewport(), competition_mime(NATIONALS), centre(calendar, date(2027, 8, 13)))
    QTest.keyClick(calendar, Qt.Key.Key_Escape)
    assert calendar.preview.plan() is None and previews[-1] is None


def test_a_template_dragged_over_a_day_previews_a_taper_for_the_new_competition(
    calendar: SeasonCalendar, palette: CompetitionPalette, document: OpenSeason
) -> None:
    day = date(2027, 6, 12)
    mime = palette.mime_data(CompetitionTemplate(Priority.A, indoor=False))
    assert drag_over(calendar.viewport(), mime, centre(calendar, day), action=COPY)
    preview = calendar.preview.plan()
    assert preview is not None
    assert taper_days(preview, "comp-12")[-1] == day - timedelta(days=1)
    assert taper_days(document.plan("ath-1"), "comp-12") == []
    assert document.undo_stack.count() == 0


def test_a_day_where_the_move_would_be_refused_shows_the_real_plan_and_is_not_droppable(
    calendar: SeasonCalendar, previews: list[Plan | None]
) -> None:
    mime = competition_mime(NATIONALS)
    assert drag_over(calendar.viewport(), mime, centre(calendar, date(2027, 8, 13)))
    assert not drag_over(calendar.viewport(), mime, centre(calendar, date(2027, 9, 5)))
    assert "after the season's last day" in calendar.refusal()
    assert calendar.preview.plan() is None
    assert len(previews) == 2 and previews[1] is None


def test_an_empty_squad_previews_no_plan_but_still_adds_by_a_drop(
    qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs, palette: CompetitionPalette
) -> None:
    season = demo._replace(
        athletes=(), overrides=(), locked_weeks=(), notes=(),
        competitions=tuple(c._replace(athletes=None) for c in demo.competitions),
    )
    document = OpenSeason(season)
    calendar = SeasonCalendar(document, Selection("", NATIONALS_DAY), fake_dialogs)
    qtbot.addWidget(calendar)
    calendar.resize(1000, 330)
    calendar.show()
    day = date(2027, 6, 12)
    mime = palette.mime_data(CompetitionTemplate(Priority.C, indoor=False))
    assert drag_over(calendar.viewport(), mime, centre(calendar, day), action=COPY)
    assert calendar.preview.plan() is None
    assert calendar.competition_at(centre(calendar, day)) == "comp-12"  # the chip is previewed
    calendar.viewport().repaint()
    assert send(calendar.viewport(), drag_event(QDropEvent, centre(calendar, day), mime, COPY))
    assert document.season.competitions[-1].start == day


# Overlapping competitions ---------------------------------------------------------------------

MIDSUMMER = "comp-9"  # Sat 3 July 2027, C, Zoë and Jonáš only


def test_a_day_inside_a_meet_of_the_same_athletes_is_not_droppable_and_says_why(
    calendar: SeasonCalendar, palette: CompetitionPalette, document: OpenSeason, fake_dialogs: FakeDialogs,
    demo: Season, previews: list[Plan | None],
) -> None:
    inside = centre(calendar, NATIONALS_DAY + timedelta(days=1))
    template = palette.mime_data(CompetitionTemplate(Priority.A, indoor=False))
    assert not drag_over(calendar.viewport(), template, inside, action=COPY)
    assert "National Championships" in calendar.refusal()
    # No preview of a plan that cannot be: the chart and the calendar keep the real one.
    assert calendar.preview.plan() is None and previews == []
    # The reason is drawn in a box beside the day (left of it here, near the season's end).
    image = calendar.viewport().grab().toImage()
    cell = calendar.date_rect(NATIONALS_DAY + timedelta(days=1))
    y = round((cell.top() + 6) * image.devicePixelRatio())
    row = {image.pixelColor(x, y).name() for x in range(image.width())}
    assert paint.REFUSAL_FILL.name() in row
    # Dropped all the same: refused with the reason, and no name is asked for.
    assert not send(calendar.viewport(), drag_event(QDropEvent, inside, template, COPY))
    errors = [text for kind, text in fake_dialogs.asked if kind == "error"]
    assert len(errors) == 1 and "National Championships" in errors[0]
    assert "competition_name" not in fake_dialogs.kinds()
    assert document.season == demo and document.undo_stack.count() == 0


def test_a_chip_moved_onto_a_meet_of_the_same_athletes_is_refused(
    calendar: SeasonCalendar, document: OpenSeason, fake_dialogs: FakeDialogs, demo: Season
) -> None:
    assert not drag_over(calendar.viewport(), competition_mime(MIDSUMMER), centre(calendar, NATIONALS_DAY))
    assert "National Championships" in calendar.refusal()
    assert not drop_on(calendar.viewport(), competition_mime(MIDSUMMER), centre(calendar, NATIONALS_DAY))
    assert document.season == demo
    # Next to it, and on a day of a meet for other athletes only, it lands.
    grand_prix = date(2027, 6, 19)  # Summer Grand Prix: Łucja, Søren and Noël
    assert drop_on(calendar.viewport(), competition_mime(MIDSUMMER), centre(calendar, grand_prix))
    assert document.season.competition(MIDSUMMER).start == grand_prix


def test_meets_for_different_athletes_on_the_same_day_are_stacked_not_slivers(
    calendar: SeasonCalendar, document: OpenSeason
) -> None:
    grand_prix = date(2027, 6, 19)
    document.apply("Move", lambda s: edits.move_competition(s, MIDSUMMER, grand_prix))
    calendar.resize(780, 270)  # the calendar's share of a 1366 x 768 window
    cell = calendar.date_rect(grand_prix)
    parts: list[QRect] = []
    for competition_id in ("comp-8", MIDSUMMER):
        chip = calendar._real_shapes().chip(competition_id)
        assert chip is not None
        parts.extend(chip.segments)
    assert len(parts) == 2
    top, bottom = sorted(parts, key=lambda r: r.top())
    for part in parts:
        assert part.width() >= cell.width() - 3  # the whole column's width
        assert part.height() >= 9  # room for the priority letter
    assert top.bottom() < bottom.top()
    # Each half answers a click with its own competition.
    shift = calendar._origin_x()
    hits = {calendar.competition_at(QPoint(r.center().x() + shift, r.center().y())) for r in parts}
    assert hits == {"comp-8", MIDSUMMER}


def test_letting_go_over_a_refused_day_says_why_and_leaving_does_not(
    calendar: SeasonCalendar, document: OpenSeason, demo: Season
) -> None:
    said: list[str] = []
    calendar.drop_refused.connect(said.append)
    viewport = calendar.viewport()
    inside = centre(calendar, NATIONALS_DAY + timedelta(days=1))
    assert not drag_over(viewport, competition_mime(MIDSUMMER), inside)
    QCursor.setPos(viewport.mapToGlobal(inside))
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert len(said) == 1 and "National Championships" in said[0]
    # Dragged out of the calendar over the same day: nothing to say.
    assert not drag_over(viewport, competition_mime(MIDSUMMER), inside)
    QCursor.setPos(viewport.mapToGlobal(QPoint(-50, -50)))
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert len(said) == 1
    assert document.season == demo
