"""The print dialog (filled programmatically, never ``exec``) and the export helpers the File
menu calls, with the viewer, the file dialog and the message box stood in for."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from planner.document.model import Season
from planner.export.print_selection import Paper, PrintSelection
from ui.dialogs.printing import (
    PrintCardsDialog,
    cards_file_name,
    export_cards,
    export_season,
    season_file_name,
)

FRIDAY_WEEK_10 = date(2026, 12, 11)


def _recorder(opened: list[Path]) -> Callable[[Path], bool]:
    """A stand-in for the system's viewer: notes what it was asked to open."""

    def open_file(path: Path) -> bool:
        opened.append(path)
        return True

    return open_file


@pytest.fixture
def dialog(qtbot: QtBot, demo: Season) -> PrintCardsDialog:
    made = PrintCardsDialog(demo, FRIDAY_WEEK_10)
    qtbot.addWidget(made)
    made.set_paper(Paper.A4)
    return made


def test_the_default_is_the_whole_squad_for_next_week(dialog: PrintCardsDialog) -> None:
    assert dialog.selection() == PrintSelection(("ath-1", "ath-2", "ath-3", "ath-4", "ath-5"), 11, 11, Paper.A4)
    assert dialog.weeks_label.text() == "Week 11: 14–20 December 2026"
    assert dialog.summary_label.text() == "5 cards: 5 athletes × 1 week."
    assert dialog.ok_button.isEnabled()


def test_none_then_some_athletes(dialog: PrintCardsDialog) -> None:
    dialog.none_button.click()
    assert dialog.selection() is None
    assert not dialog.ok_button.isEnabled()
    assert dialog.athlete_error.problem == "Choose at least one athlete."
    dialog.athlete_list.item(3).setCheckState(Qt.CheckState.Checked)
    dialog.athlete_list.item(0).setCheckState(Qt.CheckState.Checked)
    selection = dialog.selection()
    assert selection is not None and selection.athlete_ids == ("ath-1", "ath-4")
    assert dialog.ok_button.isEnabled()
    dialog.all_button.click()
    assert dialog.athlete_ids() == ("ath-1", "ath-2", "ath-3", "ath-4", "ath-5")


def test_a_range_of_weeks_and_the_paper(dialog: PrintCardsDialog) -> None:
    dialog.set_weeks(2, 3)
    dialog.set_paper(Paper.A5)
    assert dialog.selection() == PrintSelection(("ath-1", "ath-2", "ath-3", "ath-4", "ath-5"), 2, 3, Paper.A5)
    assert dialog.weeks_label.text() == "Weeks 2–3: 12–25 October 2026"
    assert dialog.summary_label.text() == "A page for each training or competition day of 5 athletes over 2 weeks."


def test_the_range_never_turns_round(dialog: PrintCardsDialog) -> None:
    dialog.set_weeks(5, 8)
    dialog.first_week.setValue(12)
    assert (dialog.first_week.value(), dialog.last_week.value()) == (12, 12)
    dialog.last_week.setValue(3)
    assert (dialog.first_week.value(), dialog.last_week.value()) == (3, 3)
    assert dialog.first_week.maximum() == 48


def _type_weeks(spin: QSpinBox, text: str, end: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Select the number in ``spin`` and type ``text`` over it, then leave the field."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, text)
    QTest.keyClick(spin, end)


@pytest.fixture
def shown(qtbot: QtBot, dialog: PrintCardsDialog) -> PrintCardsDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_typing_a_week_past_the_other_end_moves_only_that_end(qtbot: QtBot, shown: PrintCardsDialog) -> None:
    shown.set_weeks(5, 10)
    # "28" passes through "2" as it is typed: the range follows the number typed, not its first digit.
    _type_weeks(shown.first_week, "28")
    assert (shown.first_week.value(), shown.last_week.value()) == (28, 28)
    assert shown.weeks_label.text().startswith("Week 28: ")
    shown.set_weeks(5, 10)
    _type_weeks(shown.last_week, "12")
    assert (shown.first_week.value(), shown.last_week.value()) == (5, 12)
    assert shown.weeks_label.text().startswith("Weeks 5–12: ")
    # Enter takes the number typed and presses "Create PDF": the selection is the typed one.
    _type_weeks(shown.last_week, "3", Qt.Key.Key_Return)
    assert shown.result() == QDialog.DialogCode.Accepted
    assert shown.selection() == PrintSelection(("ath-1", "ath-2", "ath-3", "ath-4", "ath-5"), 3, 3, Paper.A4)


def test_the_weeks_label_is_a_mnemonic_for_the_first_week(shown: PrintCardsDialog) -> None:
    title = shown.findChild(QLabel, "weeksTitle")
    assert isinstance(title, QLabel)
    assert title.text() == "&Weeks:" and title.buddy() is shown.first_week


def test_next_week_resets_the_range(dialog: PrintCardsDialog) -> None:
    dialog.set_weeks(20, 24)
    dialog.next_week_button.click()
    selection = dialog.selection()
    assert selection is not None and (selection.first_week, selection.last_week) == (11, 11)


def test_before_the_season_next_week_is_its_first(qtbot: QtBot, demo: Season) -> None:
    early = PrintCardsDialog(demo, date(2026, 6, 1))
    qtbot.addWidget(early)
    assert early.weeks_label.text() == "Week 1: 5–11 October 2026"


def test_file_names_are_safe_and_say_what_they_hold(demo: Season) -> None:
    selection = PrintSelection(("ath-1",), 2, 3)
    assert cards_file_name(demo, selection) == "Sprint squad 2026 27 - cards weeks 2-3.pdf"
    assert season_file_name(demo) == "Sprint squad 2026 27 - season plan.pdf"


def _answer(target: Path | None, suggested: list[Path]) -> Callable[[QWidget | None, Path], Path | None]:
    """A stand-in for the file dialog: notes the suggestion and answers ``target``."""

    def ask_path(parent: QWidget | None, suggestion: Path) -> Path | None:
        suggested.append(suggestion)
        return target

    return ask_path


Warnings = list[tuple[str, str]]


def _warner(warnings: Warnings) -> Callable[[QWidget | None, str, str, str], None]:
    def warn(parent: QWidget | None, title: str, text: str, detail: str) -> None:
        warnings.append((text, detail))

    return warn


def test_export_cards_asks_where_then_writes_the_pdf_and_opens_it(qtbot: QtBot, demo: Season, tmp_path: Path) -> None:
    opened: list[Path] = []
    suggested: list[Path] = []
    warnings: Warnings = []
    selection = PrintSelection(("ath-2", "ath-3"), 11, 11, Paper.A4)
    target = tmp_path / "chosen" / "cards.pdf"
    path = export_cards(
        None, demo, FRIDAY_WEEK_10,
        folder=tmp_path / "start",
        ask=lambda parent, season, today: selection,
        ask_path=_answer(target, suggested),
        opener=_recorder(opened),
        warn=_warner(warnings),
    )
    # The file dialog starts in the folder given, with a name saying which weeks: the PDF goes
    # where the coach says, never to a temporary folder unasked.
    assert suggested == [tmp_path / "start" / "Sprint squad 2026 27 - cards week 11.pdf"]
    assert path == target
    assert opened == [target]
    assert warnings == []
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    assert "Søren Ødegaard" in reader.pages[0].extract_text()


def test_cancelling_the_dialog_or_the_file_dialog_writes_nothing(demo: Season, tmp_path: Path) -> None:
    opened: list[Path] = []
    suggested: list[Path] = []
    assert export_cards(None, demo, FRIDAY_WEEK_10, folder=tmp_path, ask=lambda *_: None,
                        ask_path=_answer(tmp_path / "x.pdf", suggested), opener=_recorder(opened)) is None
    assert suggested == []
    assert export_cards(None, demo, FRIDAY_WEEK_10, folder=tmp_path, ask=lambda *_: PrintSelection(("ath-1",), 1, 1),
                        ask_path=_answer(None, suggested), opener=_recorder(opened)) is None
    assert len(suggested) == 1
    assert opened == []
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_written_is_reported(demo: Season, tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    warnings: Warnings = []
    result = export_cards(
        None, demo, FRIDAY_WEEK_10, folder=tmp_path, ask=lambda *_: PrintSelection(("ath-1",), 1, 1),
        ask_path=_answer(blocker / "cards.pdf", []), opener=lambda p: True, warn=_warner(warnings),
    )
    assert result is None
    ((text, detail),) = warnings
    assert text.startswith("The PDF was not saved: ")
    assert detail.startswith(f"File: {blocker / 'cards.pdf'}\n")


def test_no_viewer_is_reported_but_the_file_is_kept(demo: Season, tmp_path: Path) -> None:
    warnings: Warnings = []
    path = export_cards(
        None, demo, FRIDAY_WEEK_10, folder=tmp_path, ask=lambda *_: PrintSelection(("ath-1",), 1, 1),
        ask_path=_answer(tmp_path / "cards.pdf", []), opener=lambda p: False, warn=_warner(warnings),
    )
    assert path is not None and path.is_file()
    assert warnings == [(f"The PDF is saved as {path}, but no program to show PDFs could be opened for it.", "")]


def test_export_season_suggests_a_name_in_the_folder_given(qtbot: QtBot, demo: Season, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    suggested: list[Path] = []
    opened: list[Path] = []
    target = tmp_path / "plan.pdf"

    def ask_path(widget: QWidget | None, suggestion: Path) -> Path:
        assert widget is parent
        suggested.append(suggestion)
        return target

    path = export_season(parent, demo, folder=tmp_path, ask_path=ask_path, opener=_recorder(opened))
    assert suggested == [tmp_path / "Sprint squad 2026 27 - season plan.pdf"]
    assert path == target and opened == [target]
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert text.startswith("Sprint squad 2026/27 Season plan")
    assert export_season(parent, demo, folder=tmp_path, ask_path=lambda *_: None) is None


def test_the_print_module_does_not_load_reportlab_until_it_writes() -> None:
    code = "import sys, ui.dialogs.printing\nprint('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
