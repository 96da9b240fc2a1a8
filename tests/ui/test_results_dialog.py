"""File > Import results: the row-by-row preview, Record as one undo step, Cancel and refusals."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from planner.document.edits import change_season
from planner.document.model import Season
from planner.document.records import DoneSet, RecordStatus
from planner.document.sessions import SessionKind
from planner.engine.generator import generate, generate_all
from planner.export.csv import csv_text
from planner.imports.results import RowState, preview_results_file
from tests.ui.conftest import FakeDialogs
from ui.dialogs import import_results as results_dialog
from ui.dialogs.import_results import ResultsPreviewDialog, import_results
from ui.document import OpenSeason
from ui.main_window import MainWindow

TODAY = date(2026, 12, 1)
W = SessionKind.WEIGHTS


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


def lifting_days(season: Season) -> list[date]:
    plan = generate(season, "ath-1")
    return [
        d.date for d in plan.days
        if date(2026, 11, 1) <= d.date < TODAY and any(s.kind is W and s.items[0].load for s in d.sessions)
    ]


def filled_sheet(season: Season, tmp_path: Path, *, bad: bool = False) -> tuple[Path, date, date]:
    """The season's export with one weights session typed in (the first set of its first
    exercise and the effort) and, with ``bad``, a second one with an effort of 11."""
    lines = list(csv.reader(io.StringIO(csv_text(season, generate_all(season)))))
    header = lines[0]
    col = {name: i for i, name in enumerate(header)}
    first, second = lifting_days(season)[:2]

    def rows_of(day: date) -> list[list[str]]:
        return [r for r in lines[1:] if r[col["athlete_id"]] == "ath-1" and r[col["date"]] == day.isoformat()
                and r[col["kind"]] == "weights"]

    for row in rows_of(first):
        row[col["done_status"]] = "partly done"
        row[col["effort"]] = "8"
    rows_of(first)[0][col["done_reps"]] = "3"
    rows_of(first)[0][col["done_load"]] = "40"
    if bad:
        rows_of(second)[0][col["done_status"]] = "done"
        rows_of(second)[0][col["effort"]] = "11"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    path = tmp_path / "filled.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return path, first, second


def test_the_dialog_lists_every_filled_row_with_what_it_records_or_why_it_is_refused(
    qtbot: QtBot, demo: Season, tmp_path: Path
) -> None:
    path, first, second = filled_sheet(demo, tmp_path, bad=True)
    preview = preview_results_file(demo, path, today=TODAY)
    dialog = ResultsPreviewDialog(demo, preview, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == f"1 session will be recorded; {len(preview.refused)} rows refused."
    rows = cells(dialog.table)
    assert len(rows) == len(preview.rows) > len(preview.refused) > 0
    recorded = [r for r in rows if r[3] == "Record"]
    assert recorded[0][1] == f"Łucja Wiśniewska, weights, {first.isoformat()}: partly done, effort 8"
    assert recorded[0][2] == "Power clean, set 1: 40 kg x 3"
    assert recorded[1][2] == "Power clean, set 2: not done"
    refused = [r for r in rows if r[3].startswith("Refused")]
    assert refused[0][1] == f"Łucja Wiśniewska, weights, {second.isoformat()}"
    assert refused[0][3] == "Refused: the effort must be 0 to 10, found 11"
    assert all(r[3].startswith("Refused: not recorded: line ") for r in refused[1:])
    assert dialog.record_button is not None and dialog.record_button.text() == "Record 1 session"
    dialog.refused_only.setChecked(True)
    shown = [row for row in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(row)]
    assert len(shown) == len(refused)
    dialog.refused_only.setChecked(False)
    assert not any(dialog.table.isRowHidden(row) for row in range(dialog.table.rowCount()))


def test_refused_rows_are_drawn_in_the_refusal_ink_and_the_others_in_the_table_s_own(
    qtbot: QtBot, demo: Season, tmp_path: Path
) -> None:
    path, _, _ = filled_sheet(demo, tmp_path, bad=True)
    preview = preview_results_file(demo, path, today=TODAY)
    dialog = ResultsPreviewDialog(demo, preview, TODAY)
    qtbot.addWidget(dialog)
    table = dialog.table
    for row, entry in enumerate(preview.rows):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            assert item is not None and item.toolTip() == item.text()
            refused_ink = item.foreground().color() == results_dialog._REFUSED_INK
            assert refused_ink is (entry.state is RowState.REFUSED), (row, column)


def test_record_is_one_undo_step_and_undo_restores_the_season(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    before = document.season
    path, first, _ = filled_sheet(before, tmp_path)
    shown: list[ResultsPreviewDialog] = []

    def press_record(dialog: ResultsPreviewDialog) -> bool:
        shown.append(dialog)
        return True

    assert import_results(parent(qtbot), document, fake_dialogs, path, TODAY, confirm=press_record)
    assert len(shown) == 1 and fake_dialogs.asked == []
    record = document.season.find_record(("ath-1", first, W))
    assert record is not None
    assert record.status is RecordStatus.PARTLY_DONE and record.effort == 8
    assert record.items[0].sets == (DoneSet(3, 40.0),)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Import results"
    document.undo_stack.undo()
    assert document.season.find_record(("ath-1", first, W)) is None
    assert document.season.records == before.records
    document.undo_stack.redo()
    assert document.season.find_record(("ath-1", first, W)) == record


def test_cancel_changes_nothing(qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    before = document.season
    path, _, _ = filled_sheet(before, tmp_path)
    assert not import_results(parent(qtbot), document, fake_dialogs, path, TODAY, confirm=lambda _: False)
    assert document.season is before
    assert document.undo_stack.count() == 0


def test_with_only_refused_rows_the_dialog_only_closes(qtbot: QtBot, demo: Season, tmp_path: Path) -> None:
    path, _, _ = filled_sheet(demo, tmp_path, bad=True)
    preview = preview_results_file(demo, path, today=lifting_days(demo)[0] - timedelta(days=1))
    dialog = ResultsPreviewDialog(demo, preview, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.record_button is None and dialog.edit is None
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    assert dialog.summary_label.text().startswith("No session will be recorded; ")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"when;what\n", "the first line must name the columns"),
        (b"\x00\x01binary", "holds binary data"),
    ],
)
def test_an_unreadable_file_is_reported_without_a_dialog(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path, content: bytes, message: str
) -> None:
    def never(_: ResultsPreviewDialog) -> bool:
        raise AssertionError("no preview for an unreadable file")

    bad = tmp_path / "results.csv"
    bad.write_bytes(content)
    assert not import_results(parent(qtbot), document, fake_dialogs, bad, TODAY, confirm=never)
    assert fake_dialogs.kinds() == ["error"]
    assert message in fake_dialogs.asked[0][1]
    assert document.undo_stack.count() == 0


def test_a_sheet_with_nothing_filled_in_is_reported(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text(csv_text(document.season, generate_all(document.season)), encoding="utf-8")
    assert not import_results(parent(qtbot), document, fake_dialogs, empty, TODAY, confirm=lambda _: True)
    assert fake_dialogs.kinds() == ["information"]
    assert fake_dialogs.asked[0][1].startswith("Nothing is filled in in empty.csv")


def test_a_season_changed_while_the_dialog_was_open_is_reported(
    qtbot: QtBot, document: OpenSeason, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path, first, _ = filled_sheet(document.season, tmp_path)

    def shorten_then_record(_: ResultsPreviewDialog) -> bool:
        def shorten(season: Season) -> Season:
            return change_season(season._replace(competitions=()), last_day=first - timedelta(days=1))

        document.apply("Season settings", shorten)
        return True

    assert not import_results(parent(qtbot), document, fake_dialogs, path, TODAY, confirm=shorten_then_record)
    assert fake_dialogs.kinds() == ["error"]
    assert "outside the season" in fake_dialogs.asked[0][1]
    assert document.undo_stack.count() == 1  # only the season change


def test_the_window_round_trip_export_fill_in_import_record_and_undo(
    qtbot: QtBot, demo: Season, fake_dialogs: FakeDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo, None, settings=settings, dialogs=fake_dialogs, recovery_folder=tmp_path / "recovery",
                        today=TODAY)
    qtbot.addWidget(window)
    sheet = tmp_path / "squad.csv"
    fake_dialogs.export_answer = sheet
    window.csv_action.trigger()
    lines = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    col = {name: i for i, name in enumerate(lines[0])}
    day = lifting_days(demo)[0]
    rows = [r for r in lines[1:] if r[col["athlete_id"]] == "ath-1" and r[col["date"]] == day.isoformat()
            and r[col["kind"]] == "weights"]
    for row in rows:
        row[col["done_status"]] = "done"
        row[col["effort"]] = "6.5"
        row[col["minutes"]] = "48"
    rows[0][col["done_reps"]], rows[0][col["done_load"]] = "5", "45"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    sheet.write_text(out.getvalue(), encoding="utf-8-sig")

    # The coach picks the file and presses Record (the dialog itself is tested above).
    monkeypatch.setattr(results_dialog, "choose_results_file", lambda *_: sheet)
    monkeypatch.setattr(results_dialog, "import_results", partial(import_results, confirm=lambda _: True))
    window.import_results_action.trigger()
    record = window.document.season.find_record(("ath-1", day, W))
    assert record is not None
    assert (record.status, record.effort, record.minutes) == (RecordStatus.DONE, 6.5, 48)
    assert record.items[0].sets[0] == DoneSet(5, 45.0)
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Import results"

    # Exported again, the sheet holds what was recorded.
    again = tmp_path / "again.csv"
    fake_dialogs.export_answer = again
    window.csv_action.trigger()
    back = [r for r in csv.reader(io.StringIO(again.read_text(encoding="utf-8-sig")))
            if r[col["athlete_id"]] == "ath-1" and r[col["date"]] == day.isoformat() and r[col["kind"]] == "weights"]
    assert (back[0][col["done_reps"]], back[0][col["done_load"]], back[0][col["effort"]]) == ("5", "45", "6.5")

    window.document.undo_stack.undo()
    assert window.document.season.find_record(("ath-1", day, W)) is None
