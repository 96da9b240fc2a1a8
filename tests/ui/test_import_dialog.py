"""File > Import competitions: the preview dialog and the one undo step it applies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from planner.document.edits import change_season
from planner.document.model import Season
from planner.imports.competitions import preview_file
from tests.ui.conftest import FakeDialogs
from ui.dialogs.import_competitions import ImportPreviewDialog, import_competitions
from ui.document import OpenSeason

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
FEDERATION = FIXTURES / "federation.ics"


def cells(table: QTableWidget) -> list[list[str]]:
    rows = []
    for row in range(table.rowCount()):
        items = [table.item(row, column) for column in range(table.columnCount())]
        rows.append([item.text() if item is not None else "" for item in items])
    return rows


def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_dialog_lists_what_will_be_added_and_what_is_refused(qtbot: QtBot, demo: Season) -> None:
    dialog = ImportPreviewDialog(demo, preview_file(demo, FEDERATION))
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == "5 competitions will be added; 8 refused (see below)."
    accepted = cells(dialog.accepted_table)
    assert accepted[0] == [
        "20–21 February 2027", "Hallen-DM", "A", "indoor", "event 1 (UID 2027-001@federation.example)"
    ]
    assert accepted[2][:4] == ["15 May 2027", "Werfertage", "C", "outdoor"]
    assert len(accepted) == 5
    refused = cells(dialog.refused_table)
    assert ["event 9 (UID 2027-009@federation.example)", "the event is cancelled"] in refused
    assert len(refused) == 8
    assert dialog.ok_button is not None and dialog.ok_button.text() == "Add 5 competitions"
    assert dialog.edit is not None


def test_with_nothing_to_add_the_dialog_only_closes(qtbot: QtBot, demo: Season, tmp_path: Path) -> None:
    far = tmp_path / "far.csv"
    far.write_text("date,name\n2031-01-01,Far Away\n", encoding="utf-8")
    dialog = ImportPreviewDialog(demo, preview_file(demo, far))
    qtbot.addWidget(dialog)
    assert dialog.ok_button is None
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    assert dialog.edit is None
    assert dialog.summary_label.text() == "No competition can be added; 1 refused (see below)."


def test_ok_adds_the_competitions_as_one_undo_step(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    before = document.season
    shown: list[ImportPreviewDialog] = []

    def press_ok(dialog: ImportPreviewDialog) -> bool:
        shown.append(dialog)
        return True

    assert import_competitions(parent(qtbot), document, fake_dialogs, FEDERATION, confirm=press_ok)
    assert len(shown) == 1
    added = document.season.competitions[len(before.competitions):]
    assert [c.name for c in added] == ["Hallen-DM", "Landesmeisterschaften", "Werfertage", "Abendsportfest",
                                       "Winterwurf-Meeting"]
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Import competitions"
    document.undo_stack.undo()
    assert document.season == before
    document.undo_stack.redo()
    assert len(document.season.competitions) == len(before.competitions) + 5
    assert fake_dialogs.asked == []


def test_cancel_changes_nothing(qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs) -> None:
    before = document.season
    assert not import_competitions(parent(qtbot), document, fake_dialogs, FEDERATION, confirm=lambda _: False)
    assert document.season is before
    assert document.undo_stack.count() == 0


def test_an_unreadable_file_is_reported_without_a_dialog(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    def never(_: ImportPreviewDialog) -> bool:
        raise AssertionError("no preview for an unreadable file")

    bad = tmp_path / "meetings.csv"
    bad.write_text("when;what\n", encoding="utf-8")
    assert not import_competitions(parent(qtbot), document, fake_dialogs, bad, confirm=never)
    assert fake_dialogs.kinds() == ["error"]
    assert "the first line must name the columns" in fake_dialogs.asked[0][1]
    assert document.undo_stack.count() == 0


def test_an_empty_calendar_is_reported(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.ics"
    empty.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    assert not import_competitions(parent(qtbot), document, fake_dialogs, empty, confirm=lambda _: True)
    assert fake_dialogs.asked == [("information", "empty.ics holds no competitions.")]


def test_a_season_changed_while_the_dialog_was_open_is_reported(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    def shorten_then_ok(_: ImportPreviewDialog) -> bool:
        # Landesmeisterschaften (June) no longer fits once the season ends in May.
        def shorten(season: Season) -> Season:
            return change_season(season._replace(competitions=()), last_day=date(2027, 5, 31))

        document.apply("Season settings", shorten)
        return True

    assert not import_competitions(parent(qtbot), document, fake_dialogs, FEDERATION, confirm=shorten_then_ok)
    assert fake_dialogs.kinds() == ["error"]
    assert "Landesmeisterschaften" in fake_dialogs.asked[0][1]
    assert document.undo_stack.count() == 1  # only the season change


def test_names_cut_to_fit_are_said_in_the_summary_and_the_tooltip(
    qtbot: QtBot, demo: Season, tmp_path: Path
) -> None:
    long_name = "Internationales Hallenmeeting " * 10
    rows = tmp_path / "long.csv"
    rows.write_text(f"date,name\n2027-06-12,{long_name}\n2027-06-26,Short\n", encoding="utf-8")
    dialog = ImportPreviewDialog(demo, preview_file(demo, rows))
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == "2 competitions will be added (1 name cut to 80 characters)."
    kept = long_name[:79].rstrip() + "\u2026"
    assert [row[1] for row in cells(dialog.accepted_table)] == [kept, "Short"]
    name = dialog.accepted_table.item(0, 1)
    assert name is not None and name.toolTip() == f"Cut to fit from 299 characters: {kept}"
    short = dialog.accepted_table.item(1, 1)
    assert short is not None and short.toolTip() == "Short"


def test_a_file_past_the_bounds_is_one_error_and_changes_nothing(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    def never(_: ImportPreviewDialog) -> bool:
        raise AssertionError("no preview for a file past the bounds")

    bulk = tmp_path / "bulk.csv"
    bulk.write_text("date,name\n" + "2027-06-12,Meeting\n" * 2_001, encoding="utf-8")
    before = document.season
    assert not import_competitions(parent(qtbot), document, fake_dialogs, bulk, confirm=never)
    assert fake_dialogs.asked == [
        (
            "error",
            f"{bulk}: it holds more than 2,000 competitions; an import reads files of up to 5 MB with at most "
            "2,000 competitions",
        )
    ]
    assert document.season is before


def test_hostile_events_are_listed_as_refused(qtbot: QtBot, demo: Season) -> None:
    dialog = ImportPreviewDialog(demo, preview_file(demo, FIXTURES / "hostile.ics"))
    qtbot.addWidget(dialog)
    refused = dict((source, reason) for source, reason in cells(dialog.refused_table))
    assert refused["event 1 (UID long@hostile.example)"].startswith("'Long Meeting': DURATION of 69,999,993 days")
    assert len(refused) == 6
