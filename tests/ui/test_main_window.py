"""The main window: files, undo, title, recovery, athlete selector and dropped files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.document import edits
from planner.document.model import Athlete, Priority, Season
from planner.document.sessions import SessionKind
from planner.document.storage import load, save
from planner.engine import generator as engine
from planner.engine.plan import Plan
from planner.engine.session_edits import SessionRef
from planner.export.print_selection import Paper, PrintSelection
from tests.ui.conftest import FakeDialogs
from ui import document as document_module
from ui.dialogs import import_competitions as import_dialog
from ui.dialogs.ask import Unsaved
from ui.dialogs.import_competitions import import_competitions
from ui.files import documents_folder
from ui.first_paint import after_first_paint
from ui.inspector.record_card import RecordCard
from ui.main_window import MainWindow
from ui.mime import session_mime
from ui.panels.athletes import AthletesPanel


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: QSettings, fake_dialogs: FakeDialogs, tmp_path: Path
) -> Iterator[MakeWindow]:
    # Held until the test's widgets are closed: a window collected while the events after
    # its first paint are still being handled would be deleted under them.
    made: list[MainWindow] = []

    def make(
        season: Season, path: Path | None = None, interval_ms: int = 60_000, today: date = date(2027, 3, 10)
    ) -> MainWindow:
        window = MainWindow(
            season,
            path,
            settings=settings,
            dialogs=fake_dialogs,
            recovery_folder=tmp_path / "recovery",
            autosave_interval_ms=interval_ms,
            today=today,
        )
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make


def _add_meet(window: MainWindow, day: date = date(2027, 5, 1)) -> None:
    window.document.apply(
        "Add competition",
        lambda s: edits.add_competition(s, name="Club Meet", start=day, end=day, priority=Priority.C, indoor=False),
    )


def test_key_widgets_are_there_with_their_object_names(make_window: MakeWindow, demo: Season, qtbot: QtBot) -> None:
    window = make_window(demo)
    for name in ("seasonCalendar", "competitionPalette", "inspector", "squadWeek", "athletesPanel", "athleteSelector"):
        assert window.findChild(QWidget, name) is not None, name
    # The checks and notes panels are built just after the first paint.
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: _later_panels_built(window))
    for name in ("checksPanel", "notesPanel"):
        assert window.findChild(QWidget, name) is not None, name


def _later_panels_built(window: MainWindow) -> bool:
    athletes = window.findChild(AthletesPanel, "athletesPanel")
    return (
        athletes is not None
        and athletes.filled
        and all(window.findChild(QWidget, name) is not None for name in ("checksPanel", "notesPanel"))
    )


def test_the_tabs_behind_the_squad_week_are_built_after_the_first_paint(
    make_window: MakeWindow, demo: Season, qtbot: QtBot
) -> None:
    window = make_window(demo)
    window.resize(1366, 768)
    painted: list[tuple[bool, int]] = []

    class CalendarPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                athletes = window.findChild(AthletesPanel, "athletesPanel")
                assert athletes is not None
                painted.append((_later_panels_built(window), athletes.squad_model.rowCount()))
            return False

    watcher = CalendarPaint(window)
    window.calendar.viewport().installEventFilter(watcher)
    window.show()
    qtbot.waitUntil(lambda: _later_panels_built(window))
    assert painted == [(False, 0)]
    tabs = window.bottom_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Squad week", "Athletes and competitions", "Plan checks", "Notes"
    ]
    assert tabs.currentWidget() is window.squad_week
    assert [tabs.widget(i) for i in range(1, 4)] == [window.athletes_panel, window.checks_panel, window.notes_panel]
    assert window.athletes_panel.squad_model.rowCount() == len(demo.athletes)


def _geometries(window: MainWindow) -> dict[str, tuple[int, int, int, int]]:
    names = ("centre", "palette_dock", "inspector_dock", "bottom_dock", "bottom_tabs", "calendar", "load_chart")
    return {name: getattr(window, name).geometry().getRect() for name in names}


def _note_geometries(
    noted: dict[str, dict[str, tuple[int, int, int, int]]], name: str, window: MainWindow
) -> None:
    noted[name] = _geometries(window)


@pytest.mark.parametrize("size", [(1366, 768), (900, 560)], ids=["laptop", "cramped"])
def test_the_window_is_laid_out_at_its_first_paint_as_once_every_tab_is_built(
    make_window: MakeWindow, demo: Season, qtbot: QtBot, size: tuple[int, int]
) -> None:
    # A window too small for every dock's minimum keeps each at it: a tab built after the first
    # paint must not need more room than the first frame gave it.
    late = make_window(demo)
    at_once = make_window(demo)
    at_once.notes_panel  # noqa: B018  (asking for a panel builds every tab, before the window is shown)
    assert _later_panels_built(at_once)
    at_paint: dict[str, dict[str, tuple[int, int, int, int]]] = {}
    for name, window in (("late", late), ("at once", at_once)):
        after_first_paint(window.calendar.viewport(), partial(_note_geometries, at_paint, name, window))
        window.resize(*size)
        window.show()
    qtbot.waitUntil(lambda: len(at_paint) == 2 and _later_panels_built(late))
    qtbot.wait(20)
    assert at_paint["late"] == at_paint["at once"] == _geometries(late) == _geometries(at_once)


def test_todays_record_cards_are_built_after_the_first_paint_and_move_nothing(
    make_window: MakeWindow, demo: Season, qtbot: QtBot
) -> None:
    # The demo's heavy squat day with plyometrics: two sessions to record, under their cards.
    today = date(2027, 3, 9)
    late = make_window(demo, today=today)
    at_once = make_window(demo, today=today)
    kinds = [card.ref.kind for card in at_once.inspector.record_cards()]  # asking builds them
    assert set(kinds) == {SessionKind.WEIGHTS, SessionKind.PLYOMETRICS}
    cards_at_paint: list[int] = []
    at_paint: dict[str, dict[str, tuple[int, int, int, int]]] = {}

    def note(name: str, window: MainWindow) -> None:
        if name == "late":
            cards_at_paint.append(len(late.inspector.findChildren(RecordCard)))
        _note_geometries(at_paint, name, window)

    for name, window in (("late", late), ("at once", at_once)):
        # Noted before the window's own call after the first paint, which builds the cards.
        after_first_paint(window.calendar.viewport(), partial(note, name, window))
        window.resize(1366, 768)
        window.show()
    qtbot.waitUntil(lambda: len(at_paint) == 2 and len(late.inspector.findChildren(RecordCard)) == 2)
    qtbot.wait(20)
    assert cards_at_paint == [0]
    assert [card.ref.kind for card in late.inspector.record_cards()] == kinds
    assert [block.isAncestorOf(card) for block, card in
            zip(late.inspector.session_blocks(), late.inspector.record_cards(), strict=True)] == [True, True]
    assert at_paint["late"] == at_paint["at once"] == _geometries(late) == _geometries(at_once)
    # Tab goes from each session's own widgets to its card and on to the next session, as in a
    # day built at once, not round the window to the cards last.
    order = _tab_widgets(late.inspector)
    blocks, cards = late.inspector.session_blocks(), late.inspector.record_cards()
    add_note_button = late.inspector.findChild(QWidget, "addNoteButton")
    assert add_note_button is not None
    add_note = order.index(add_note_button)
    for n, (block, card) in enumerate(zip(blocks, cards, strict=True)):
        own = [i for i, w in enumerate(order) if block.isAncestorOf(w) and not card.isAncestorOf(w)]
        in_card = [i for i, w in enumerate(order) if card.isAncestorOf(w)]
        after = blocks[n + 1] if n + 1 < len(blocks) else None
        next_block = (i for i, w in enumerate(order) if after is not None and after.isAncestorOf(w))
        next_stop = min(next_block, default=add_note)
        assert own and in_card and max(own) < min(in_card) and max(in_card) < next_stop


def _tab_widgets(inside: QWidget) -> list[QWidget]:
    """The widgets inside ``inside`` that Tab reaches, in order, up to the first outside it."""
    found = []
    widget = inside.nextInFocusChain()
    while widget is not None and inside.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def test_a_day_other_than_today_shows_its_record_cards_at_once(make_window: MakeWindow, demo: Season) -> None:
    window = make_window(demo, today=date(2027, 3, 10))
    window.selection.set_day(date(2027, 3, 9))
    assert len(window.inspector.findChildren(RecordCard)) == 2


def _rows(model: QAbstractItemModel) -> list[tuple[object, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_a_panel_built_late_shows_what_one_built_at_once_shows(
    make_window: MakeWindow, demo: Season, qtbot: QtBot
) -> None:
    at_once = make_window(demo)
    at_once.notes_panel  # noqa: B018  (asking for a panel builds every tab at once)
    late = make_window(demo)
    # Edits and a new selection before the panels exist: built afterwards, they show them.
    unfilled = late.findChild(AthletesPanel, "athletesPanel")
    assert unfilled is not None and unfilled.squad_model.rowCount() == 0
    for window in (at_once, late):
        _add_meet(window)
        window.selection.set_athlete(demo.athletes[2].id)
        window.selection.set_day(date(2027, 4, 12))
    assert not _later_panels_built(late)
    for window in (at_once, late):
        window.resize(1366, 768)
        window.show()
    qtbot.waitUntil(lambda: _later_panels_built(late))
    # The panel on screen from the first frame is filled in place, not replaced.
    assert late.athletes_panel is unfilled and unfilled.filled
    assert late.checks_panel.count_label.text() == at_once.checks_panel.count_label.text()
    assert late.checks_panel.model.rowCount() == at_once.checks_panel.model.rowCount() > 0
    for a, b in ((late.athletes_panel.squad_model, at_once.athletes_panel.squad_model),
                 (late.athletes_panel.competition_model, at_once.athletes_panel.competition_model),
                 (late.checks_panel.model, at_once.checks_panel.model)):
        assert _rows(a) == _rows(b)
    assert any("Club Meet" in row for row in _rows(late.athletes_panel.competition_model))
    assert late.athletes_panel.squad.currentIndex().row() == at_once.athletes_panel.squad.currentIndex().row() == 2
    assert late.notes_panel.tree.topLevelItemCount() == at_once.notes_panel.tree.topLevelItemCount()


def test_choosing_a_tab_before_the_first_paint_builds_its_panel(make_window: MakeWindow, demo: Season) -> None:
    window = make_window(demo)
    window.bottom_tabs.setCurrentIndex(2)
    assert _later_panels_built(window)
    assert window.bottom_tabs.currentIndex() == 2
    assert window.bottom_tabs.currentWidget() is window.checks_panel


def test_title_shows_the_file_name_and_the_unsaved_marker_from_the_undo_stack(
    make_window: MakeWindow, demo: Season, tmp_path: Path
) -> None:
    path = tmp_path / "spring.sprintplan"
    save(demo, path)
    window = make_window(demo, path)
    assert window.windowTitle().startswith("spring.sprintplan[*]")
    assert not window.isWindowModified()
    _add_meet(window)
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert window.isWindowModified()
    assert window.document.season.competitions[-1].name == "Club Meet"


def test_save_and_reopen_give_the_same_document(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    _add_meet(window)
    target = tmp_path / "saved"
    fake_dialogs.save_answer = target
    assert window.files.save()
    saved = target.with_name("saved.sprintplan")
    assert window.document.path == saved
    assert not window.isWindowModified()
    other = make_window(load(saved), saved)
    assert other.document.season == window.document.season
    assert window.app_settings.recent_files()[0] == saved.resolve()


def test_an_invalid_file_shows_the_reason_and_leaves_the_open_season_untouched(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    bad = tmp_path / "broken.sprintplan"
    bad.write_text('{"schema_version": 2, "name": ', encoding="utf-8")
    window = make_window(demo)
    _add_meet(window)
    before = window.document.season
    assert not window.files.open(bad)
    assert window.document.season is before
    assert window.isWindowModified()
    kind, text = fake_dialogs.asked[-1]
    assert kind == "error"
    # What and where for the coach; the place in the file for whoever repairs it, below.
    assert text.startswith("SprintPlan could not open “broken.sprintplan”. ")
    detail = fake_dialogs.error_details[-1]
    assert detail.startswith(f"File: {bad}\nline 1, column ")


def test_unsaved_changes_prompt_on_new_open_and_quit(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    _add_meet(window)
    fake_dialogs.unsaved = Unsaved.CANCEL
    assert not window.files.new(date(2027, 1, 1))
    assert window.document.season.competitions[-1].name == "Club Meet"
    other = tmp_path / "other.sprintplan"
    save(demo, other)
    assert not window.files.open(other)
    window.show()
    window.close()
    assert window.isVisible()
    assert fake_dialogs.kinds().count("unsaved_changes") == 3
    fake_dialogs.unsaved = Unsaved.DISCARD
    assert window.files.open(other)
    assert window.document.season == demo
    assert not window.isWindowModified()


def test_save_from_the_prompt_writes_before_closing(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    path = tmp_path / "season.sprintplan"
    save(demo, path)
    window = make_window(demo, path)
    _add_meet(window)
    fake_dialogs.unsaved = Unsaved.SAVE
    window.show()
    window.close()
    assert not window.isVisible()
    assert load(path).competitions[-1].name == "Club Meet"


def test_autosave_writes_a_recovery_file_and_the_next_start_offers_it(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    path = tmp_path / "season.sprintplan"
    save(demo, path)
    crashed = make_window(demo, path, interval_ms=50)
    _add_meet(crashed)
    recovery = tmp_path / "recovery" / "recovery.sprintplan"
    qtbot.waitUntil(recovery.exists, timeout=3000)
    crashed.autosave.stop()  # the process "dies" here: no close, the file stays

    restarted = make_window(demo, path)
    fake_dialogs.restore = True
    assert restarted.offer_recovery()
    assert restarted.document.season.competitions[-1].name == "Club Meet"
    assert restarted.document.path == path
    assert restarted.isWindowModified()
    assert "restore_recovery" in fake_dialogs.kinds()


def test_declining_recovery_removes_the_file_and_saving_cleans_it_up(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    _add_meet(window)
    assert window.autosave.write_now()
    recovery = window.autosave.recovery_file
    assert recovery.exists()
    fake_dialogs.save_answer = tmp_path / "kept.sprintplan"
    assert window.files.save()
    assert not recovery.exists()
    _add_meet(window, date(2027, 5, 15))
    assert window.autosave.write_now()
    other = make_window(demo)
    fake_dialogs.restore = False
    assert not other.offer_recovery()
    assert not recovery.exists()


def test_athlete_selector_follows_the_selection_and_the_squad(make_window: MakeWindow, demo: Season) -> None:
    window = make_window(demo)
    box = window.athlete_box
    assert [box.itemText(i) for i in range(box.count())] == [a.name for a in demo.athletes]
    box.activated.emit(2)
    assert window.selection.athlete_id == demo.athletes[2].id
    window.selection.set_athlete(demo.athletes[4].id)
    assert box.currentData() == demo.athletes[4].id
    window.document.apply("Remove athlete", lambda s: edits.remove_athlete(s, demo.athletes[4].id))
    assert box.count() == len(demo.athletes) - 1
    assert window.selection.athlete_id == demo.athletes[0].id


def test_a_dropped_season_file_opens(make_window: MakeWindow, demo: Season, tmp_path: Path) -> None:
    path = tmp_path / "dropped.sprintplan"
    renamed = edits.change_season(demo, name="Dropped season")
    save(renamed, path)
    window = make_window(demo)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    # Qt only routes synthetic drag events during a real drag; call the handlers directly.
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers))
    assert window.document.season.name == "Dropped season"
    assert window.document.path == path


def test_recent_files_menu_lists_saved_seasons(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    for name in ("one", "Track & Field"):
        fake_dialogs.save_answer = tmp_path / f"{name}.sprintplan"
        assert window.files.save_as()
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    # "&&" is how a menu shows one "&" rather than underlining the next letter.
    assert texts == ["&1 Track && Field.sprintplan", "&2 one.sprintplan"]


def test_season_settings_and_add_athlete_apply_the_dialogs_edit_as_one_step(
    make_window: MakeWindow, demo: Season, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    fake_dialogs.season_edit = lambda s: edits.change_season(s, name="Renamed")
    window.edit_season()
    assert window.document.season.name == "Renamed"
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert window.document.season.name == demo.name


def test_a_session_dragged_from_the_inspector_onto_a_calendar_day_moves_there(
    make_window: MakeWindow, demo: Season
) -> None:
    window = make_window(demo)
    athlete = demo.athletes[0].id
    plan = window.document.plan(athlete)
    source = next(d for d in plan.days if any(s.kind is SessionKind.WEIGHTS for s in d.sessions) and d.date.month == 4)
    target = source.date + timedelta(days=1)
    while any(s.kind is SessionKind.WEIGHTS for s in plan.day(target).sessions) or plan.day(target).competitions:  # type: ignore[union-attr]
        target += timedelta(days=1)
    mime = session_mime(SessionRef(athlete, source.date, SessionKind.WEIGHTS), "")
    calendar = window.calendar
    point = calendar.date_rect(target).center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, modifiers)
    calendar.dragEnterEvent(enter)
    assert enter.isAccepted()
    calendar.dropEvent(QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, buttons, modifiers))
    moved = window.document.plan(athlete)
    assert not [s for s in moved.day(source.date).sessions if s.kind is SessionKind.WEIGHTS]  # type: ignore[union-attr]
    landed = [s for s in moved.day(target).sessions if s.kind is SessionKind.WEIGHTS]  # type: ignore[union-attr]
    assert len(landed) == 1 and landed[0].edited
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert window.document.plan(athlete).day(source.date).sessions == source.sessions  # type: ignore[union-attr]


def test_file_menu_exports_calendar_and_spreadsheet(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    fake_dialogs.export_answer = tmp_path / "season.ics"
    window.ics_action.trigger()
    text = (tmp_path / "season.ics").read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") > 100
    fake_dialogs.export_answer = tmp_path / "season.csv"
    window.csv_action.trigger()
    rows = (tmp_path / "season.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("date,athlete,session,exercise")
    assert len(rows) > 500
    assert [kind for kind, _ in fake_dialogs.asked].count("export_path") == 2


def test_file_menu_imports_competitions_as_one_step(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "meets.csv"
    source.write_text(
        "date,name,priority,indoor\n2027-05-15,Club Meet,C,no\n1999-01-01,Old Meet,B,no\n", encoding="utf-8"
    )
    fake_dialogs.import_answer = source
    window = make_window(demo)
    # The coach presses OK in the preview (the dialog itself is tested on its own).
    monkeypatch.setattr(import_dialog, "import_competitions", partial(import_competitions, confirm=lambda _: True))
    window.import_action.trigger()
    names = [c.name for c in window.document.season.competitions]
    assert "Club Meet" in names and "Old Meet" not in names
    assert window.document.undo_stack.count() == 1


def test_the_chart_sits_under_the_calendar_and_exports_from_the_file_menu(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    window = make_window(demo)
    assert window.centre.widget(0) is window.calendar
    assert window.centre.widget(1) is window.load_chart
    checks = window.checks_panel
    assert window.bottom_tabs.widget(2) is checks
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    fake_dialogs.export_answer = tmp_path / "chart.svg"
    window.load_chart.export_svg_action.trigger()
    assert "<svg" in (tmp_path / "chart.svg").read_text(encoding="utf-8")


def test_opening_the_window_derives_each_athletes_plan_once(
    make_window: MakeWindow, demo: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived: list[str] = []
    real = engine._generate

    def counting(season: Season, athlete: Athlete) -> Plan:
        derived.append(athlete.id)
        return real(season, athlete)

    monkeypatch.setattr(engine, "_generate", counting)
    window = make_window(demo)
    window.document.plans()
    assert sorted(derived) == sorted(a.id for a in demo.athletes)


def test_the_squads_plans_come_from_one_generate_all(demo: Season, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, tuple[str, ...]]] = []
    real_one, real_all = engine.generate, engine.generate_all

    def one(season: Season, athlete_id: str) -> Plan:
        calls.append(("generate", (athlete_id,)))
        return real_one(season, athlete_id)

    def squad(season: Season, athlete_ids: Any = None) -> tuple[Plan, ...]:
        calls.append(("generate_all", tuple(sorted(athlete_ids))))
        return real_all(season, athlete_ids)

    monkeypatch.setattr(document_module, "generate", one)
    monkeypatch.setattr(document_module, "generate_all", squad)
    document = document_module.OpenSeason(demo)
    plans = document.plans()
    assert list(plans) == [a.id for a in demo.athletes]
    assert calls == [("generate_all", tuple(sorted(a.id for a in demo.athletes)))]
    # Asked again, one athlete or all: the same plans, nothing generated again.
    assert all(plans[a.id] is document.plan(a.id) for a in demo.athletes)
    assert document.plans() == plans
    assert len(calls) == 1


class _CountAtFirstPaint(QObject):
    """Notes how many plans were derived when the calendar's first paint starts."""

    def __init__(self, derived: list[str]) -> None:
        super().__init__()
        self._derived = derived
        self.at_first_paint: list[str] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at_first_paint is None and event.type() == QEvent.Type.Paint:
            self.at_first_paint = list(self._derived)
        return False


def test_the_first_frame_needs_only_the_selected_athletes_plan(
    make_window: MakeWindow, qtbot: QtBot, demo: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived: list[str] = []
    real = engine._generate

    def counting(season: Season, athlete: Athlete) -> Plan:
        derived.append(athlete.id)
        return real(season, athlete)

    monkeypatch.setattr(engine, "_generate", counting)
    window = make_window(demo)
    counter = _CountAtFirstPaint(derived)
    window.calendar.viewport().installEventFilter(counter)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: counter.at_first_paint is not None)
    assert counter.at_first_paint == [window.selection.athlete_id]
    # The squad week follows right after, each plan derived once.
    qtbot.waitUntil(lambda: not window.squad_week.stale)
    assert sorted(derived) == sorted(a.id for a in demo.athletes)
    assert window.squad_week.table.columnCount() == len(demo.athletes)


def test_the_demo_opens_untitled_and_its_first_save_asks_where_in_the_documents_folder(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    assert window.document.path is None
    assert window.windowTitle() == "Demo season (not saved)[*] — Sprint squad 2026/27 — SprintPlan"
    _add_meet(window)
    fake_dialogs.save_answer = None  # the coach cancels: nothing written, still unsaved
    assert not window.files.save()
    documents = documents_folder()
    # The season's name holds a slash: the suggestion is a file in the documents folder, not a subfolder.
    assert fake_dialogs.asked[-1] == ("save_path", documents / "Sprint squad 2026 27.sprintplan")
    assert window.document.path is None and window.isWindowModified()
    fake_dialogs.save_answer = tmp_path / "my squad.sprintplan"
    assert window.files.save()
    assert window.windowTitle() == "my squad.sprintplan[*] — Sprint squad 2026/27 — SprintPlan"
    assert load(tmp_path / "my squad.sprintplan").competitions[-1].name == "Club Meet"


def test_a_new_season_is_untitled_and_not_saved(make_window: MakeWindow, demo: Season) -> None:
    window = make_window(demo)
    assert window.files.new(date(2027, 1, 1))
    assert window.windowTitle() == "Untitled (not saved)[*] — New season — SprintPlan"


def test_every_export_asks_where_starting_in_the_folder_used_last(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import printing as print_dialog

    opened: list[Path] = []

    def viewer(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(print_dialog, "_ask_selection", lambda *_: PrintSelection(("ath-1",), 11, 11, Paper.A4))
    monkeypatch.setattr(print_dialog, "open_in_viewer", viewer)
    window = make_window(demo)
    documents = documents_folder()
    chosen = tmp_path / "printouts"
    chosen.mkdir()

    # The first time (a season in no file yet): the documents folder.
    fake_dialogs.export_answer = chosen / "cards.pdf"
    window.print_action.trigger()
    assert fake_dialogs.asked[-1] == ("export_path", ("Print session cards", ".pdf"))
    assert fake_dialogs.export_suggestions[-1] == documents / "Sprint squad 2026 27 - cards week 11.pdf"
    assert opened == [chosen / "cards.pdf"] and (chosen / "cards.pdf").is_file()
    assert window.statusBar().currentMessage() == f"Session cards saved as {chosen / 'cards.pdf'}"

    # From then on, every export starts where the last one went.
    fake_dialogs.export_answer = None  # cancelled: nothing written, nothing remembered
    for action, name in (
        (window.season_pdf_action, "Sprint squad 2026 27 - season plan.pdf"),
        (window.ics_action, "Sprint squad 2026 27.ics"),
        (window.csv_action, "Sprint squad 2026 27.csv"),
        (window.load_chart.export_png_action, "Sprint squad 2026 27 - load chart.png"),
        (window.load_chart.export_svg_action, "Sprint squad 2026 27 - load chart.svg"),
    ):
        action.trigger()
        assert fake_dialogs.export_suggestions[-1] == chosen.resolve() / name
    assert len(fake_dialogs.export_suggestions) == 6
    assert sorted(p.name for p in chosen.iterdir()) == ["cards.pdf"]


def test_the_first_export_of_a_saved_season_starts_beside_its_file(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    path = tmp_path / "club" / "spring.sprintplan"
    path.parent.mkdir()
    save(demo, path)
    window = make_window(demo, path)
    window.csv_action.trigger()
    assert fake_dialogs.export_suggestions == [path.parent / "spring.csv"]


def test_an_export_that_cannot_be_written_says_why_in_a_coachs_words(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    target = tmp_path / "gone" / "season.csv"
    fake_dialogs.export_answer = target
    window.csv_action.trigger()
    reason = f"The spreadsheet was not saved: the folder {target.parent} does not exist."
    assert fake_dialogs.asked[-1] == ("error", reason)
    assert fake_dialogs.error_details[-1].startswith(f"File: {target}\nFileNotFoundError: ")
    assert window.app_settings.export_folder() is None


def test_a_refused_edit_is_explained_as_a_sentence_and_changes_nothing(
    make_window: MakeWindow, demo: Season, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    fake_dialogs.season_edit = lambda s: edits.change_season(s, name="   ")
    window.edit_season()
    kind, text = fake_dialogs.asked[-1]
    assert kind == "error"
    assert text[0].isupper() and text.endswith(". Nothing was changed.")
    assert window.document.season == demo and window.document.undo_stack.count() == 0


def test_the_status_bar_drops_messages_about_the_document_as_it_was_on_undo_and_redo(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    window = make_window(demo)
    status = window.statusBar()
    _add_meet(window)
    fake_dialogs.export_answer = tmp_path / "season.csv"
    window.csv_action.trigger()
    assert status.currentMessage() == f"Spreadsheet saved as {tmp_path / 'season.csv'}"
    window.undo_action.trigger()
    assert status.currentMessage() == "Undone: Add competition"
    toolbar_redo = next(a for a in window.findChildren(QAction) if a.text() == "Redo")
    toolbar_redo.trigger()
    assert status.currentMessage() == "Redone: Add competition"
    _add_meet(window, date(2027, 5, 15))
    assert status.currentMessage() == ""


def test_the_documents_folder_is_the_systems_where_it_exists_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(location))
    assert documents_folder() == Path.home()
    location.mkdir()
    assert documents_folder() == location


def test_a_save_that_cannot_keep_the_backup_saves_and_says_why(
    make_window: MakeWindow, demo: Season, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    path = tmp_path / "squad.sprintplan"
    save(demo, path)
    (tmp_path / "squad.sprintplan.bak").mkdir()
    window = make_window(demo, path)
    _add_meet(window)
    assert window.files.save()
    assert load(path).competitions[-1].name == "Club Meet"
    [(_kind, text)] = [entry for entry in fake_dialogs.asked if entry[0] == "information"]
    assert text.startswith("Saved, but the previous version could not be kept as squad.sprintplan.bak")
    assert not window.isWindowModified()


# Past days kept as planned ---------------------------------------------------------------------


def _club_meet(day: date, athletes: tuple[str, ...] | None) -> edits.Edit:
    return lambda s: edits.add_competition(s, name="Club meet", start=day, end=day, priority=Priority.C,
                                           indoor=True, athletes=athletes)


def test_a_meet_on_a_trained_day_says_which_past_days_were_kept(make_window: MakeWindow, demo: Season) -> None:
    window = make_window(demo)  # runs on Wed 10 March 2027
    # Łucja's C meet on Wed 25 Nov would have changed the Tuesday, Thursday and Saturday around it.
    window.document.apply("Add competition", _club_meet(date(2026, 11, 25), ("ath-1",)))
    assert window.statusBar().currentMessage() == (
        "Kept 3 past days of Łucja Wiśniewska as planned (24 Nov, 26 Nov, 28 Nov); "
        "the change applies from today on."
    )
    # Undone, the status bar speaks of the undo, not of the days kept.
    window.undo()
    assert window.statusBar().currentMessage() == "Undone: Add competition"


def test_an_edit_of_days_to_come_says_nothing_of_the_past(make_window: MakeWindow, demo: Season) -> None:
    window = make_window(demo)
    window.document.apply("Add competition", _club_meet(date(2027, 5, 5), ("ath-1",)))
    assert window.statusBar().currentMessage() == ""
