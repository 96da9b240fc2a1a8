"""Names and notes with "<", ">" or "&" show in the window exactly as the coach typed them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import Qt, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from planner.document.model import Season
from tests.ui.chart_reading import competition_markers, series_action
from ui.calendar.widget import SeasonCalendar
from ui.chart.load_chart import LoadChart
from ui.dialogs.form_checks import hint_label
from ui.dialogs.qt_ask import QtDialogs
from ui.document import OpenSeason
from ui.inspector.widget import Inspector
from ui.panels.athletes import AthletesPanel
from ui.panels.checks import ChecksPanel
from ui.panels.squad_week import SquadWeek
from ui.selection import Selection
from ui.session_text import literal_html, mnemonic_safe

from .conftest import FakeDialogs

MEET = "Zlote Kolce <B> & Co"
ATHLETE = "Ann <i>Lee</i> & Co"
MEET_DAY = date(2027, 7, 23)  # the demo's National Championships, which everyone enters


def hostile(season: Season) -> Season:
    athletes = (season.athletes[0]._replace(name=ATHLETE), *season.athletes[1:])
    competitions = tuple(
        c._replace(name=MEET) if c.start == MEET_DAY else c for c in season.competitions
    )
    return season._replace(athletes=athletes, competitions=competitions)


def shown_label(label: QLabel) -> str:
    """What a label puts on screen, as Qt decides between plain and rich text."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


def shown_tip(tip: str) -> str:
    """What a tooltip shows (tooltips guess rich text the way automatic labels do)."""
    return QTextDocumentFragment.fromHtml(tip).toPlainText() if Qt.mightBeRichText(tip) else tip


def label_texts(widget: QWidget) -> list[str]:
    return [shown_label(label) for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


@pytest.fixture
def hostile_document(demo: Season) -> OpenSeason:
    return OpenSeason(hostile(demo))


def test_helpers_keep_text_literal() -> None:
    assert shown_tip(literal_html(MEET)) == MEET
    assert shown_tip(literal_html("two\nlines <b>")) == "two\nlines <b>"
    assert mnemonic_safe(MEET) == "Zlote Kolce <B> && Co"


def test_day_panel_shows_names_literally(qtbot: QtBot, hostile_document: OpenSeason) -> None:
    selection = Selection("ath-1", MEET_DAY)
    inspector = Inspector(hostile_document, selection)
    qtbot.addWidget(inspector)
    inspector.resize(360, 700)
    inspector.show()
    texts = label_texts(inspector)
    assert shown_label(inspector.competitions_label) == f"Competition: {MEET} (A)"
    assert shown_label(inspector.details_label).startswith(f"{ATHLETE} · ")
    assert inspector.empty_text() == f"Competition day: {MEET}"
    assert all("Zlote Kolce  Co" not in text and "Ann Lee" not in text for text in texts)
    # The days before: the taper badge names the meet too.
    selection.set_day(date(2027, 7, 20))
    assert any(f"Taper for {MEET} (A)" in text for text in label_texts(inspector))


def test_plan_checks_header_and_tooltips_show_names_literally(
    qtbot: QtBot, hostile_document: OpenSeason
) -> None:
    panel = ChecksPanel(hostile_document, Selection("ath-1", MEET_DAY))
    qtbot.addWidget(panel)
    assert shown_label(panel.count_label).endswith(f"for {ATHLETE}")
    panel.set_squad(True)
    indexes = [index.siblingAtColumn(2) for index in panel.warning_indexes()]
    tips = [shown_tip(str(index.data(Qt.ItemDataRole.ToolTipRole))) for index in indexes]
    assert tips == [index.data() for index in indexes]
    assert any(tip.startswith(f"{ATHLETE} · ") for tip in tips)


def test_chart_chips_and_squad_legend_show_names_literally(
    qtbot: QtBot, hostile_document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    selection = Selection("ath-1", MEET_DAY)
    calendar = SeasonCalendar(hostile_document, selection, fake_dialogs)
    chart = LoadChart(hostile_document, selection, calendar.preview, calendar.columns)
    qtbot.addWidget(calendar)
    qtbot.addWidget(chart)
    tips = [shown_tip(tip) for _x, _colour, tip in competition_markers(chart)]
    assert f"A: {MEET}" in tips
    chart.set_squad(True)
    action = series_action(chart, "relative_volume:ath-1")
    button = chart.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    # Buttons and menus draw "&&" as "&"; a lone "&" would underline the next letter and vanish.
    assert action.text() == "Ann <i>Lee</i> && Co"
    assert button.text() == "Ann"  # the first name, unique in the squad
    assert shown_tip(action.toolTip()).startswith(f"{ATHLETE}: ")


def test_squad_lists_tooltips_and_status_show_names_literally(
    qtbot: QtBot, hostile_document: OpenSeason, fake_dialogs: FakeDialogs
) -> None:
    panel = AthletesPanel(hostile_document, Selection("ath-1", MEET_DAY), fake_dialogs)
    qtbot.addWidget(panel)
    model = panel.competitions.model()
    entries = [shown_tip(str(model.index(i, 4).data(Qt.ItemDataRole.ToolTipRole))) for i in range(model.rowCount())]
    assert any(ATHLETE in tip for tip in entries)
    status = hint_label(f"Changed {ATHLETE}.")
    qtbot.addWidget(status)
    assert shown_label(status) == f"Changed {ATHLETE}."


def test_refusal_messages_show_names_as_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[Qt.TextFormat, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    parent = QWidget()
    qtbot.addWidget(parent)
    QtDialogs().error(parent, "Add competition", f"Competition {MEET!r} would overlap")
    assert shown == [(Qt.TextFormat.PlainText, f"Competition {MEET!r} would overlap")]


def test_squad_week_header_and_cell_tooltips_show_names_literally(
    qtbot: QtBot, hostile_document: OpenSeason
) -> None:
    week = SquadWeek(hostile_document, Selection("ath-1", MEET_DAY))
    qtbot.addWidget(week)
    week.refresh()
    header = week.table.horizontalHeaderItem(0)
    assert header is not None
    assert shown_tip(header.toolTip()).startswith(f"{ATHLETE}: ")
    cell = week.table.item(0, 0)
    assert cell is not None
    assert shown_tip(cell.toolTip()).startswith(f"{ATHLETE}, ")
