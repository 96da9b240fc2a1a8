"""Printing from the window: File > Print cards and File > Export season PDF.

``PrintCardsDialog`` asks which athletes, which weeks (next week by default) and which paper;
``export_cards`` runs it, asks where to save the PDF, writes the cards and opens them in the
system's viewer, from which the coach prints. ``export_season`` asks where to save the season
plan, writes it and opens it. The PDF writers import reportlab, so they are imported when a PDF is written, never
when the window starts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.document.atomic import write_problem
from planner.document.model import Season
from planner.document.text import plural
from planner.engine.plan import Plan
from planner.export.print_selection import Paper, PrintSelection, next_week, week_start
from ui.dialogs.form_checks import ErrorLabel, hint_label
from ui.dialogs.qt_ask import show_message
from ui.files import safe_file_stem, write_detail
from ui.session_text import span_text

__all__ = [
    "PAPER_NAMES",
    "PrintCardsDialog",
    "ask_pdf_path",
    "cards_file_name",
    "default_paper",
    "export_cards",
    "export_season",
    "open_in_viewer",
    "season_file_name",
    "write_cards_pdf",
    "write_season_pdf",
]

PAPER_NAMES = {
    Paper.A4: "A4: a page per athlete and week",
    Paper.A5: "A5: a page per training day",
    Paper.LETTER: "US Letter: a page per athlete and week",
}
PDF_FILTER = "PDF (*.pdf)"

CARDS_TITLE = "Print session cards"
SEASON_TITLE = "Export season PDF"

Warn = Callable[[QWidget | None, str, str, str], object]  # parent, title, text, detail
Opener = Callable[[Path], bool]
AskPath = Callable[[QWidget | None, Path], Path | None]


def default_paper() -> Paper:
    """US Letter where the system's measurements are American, A4 elsewhere."""
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return Paper.A4


class PrintCardsDialog(QDialog):
    """Athletes (all or some), a range of weeks and the paper for the session cards.

    ``selection()`` is what the filled form stands for, or None while it is incomplete (OK
    is then disabled and the reason shown); tests fill the fields and call it without exec().
    """

    def __init__(self, season: Season, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.season = season
        self.today = today
        self.setObjectName("printCardsDialog")
        self.setWindowTitle("Print session cards")

        self.athlete_list = QListWidget(self)
        self.athlete_list.setObjectName("printAthletes")
        for athlete in season.athletes:
            item = QListWidgetItem(athlete.name, self.athlete_list)
            item.setData(Qt.ItemDataRole.UserRole, athlete.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.athlete_list.setMinimumHeight(120)
        self.all_button = QPushButton("&All", self)
        self.none_button = QPushButton("&None", self)
        self.athlete_error = ErrorLabel("athleteError", self)

        self.first_week = QSpinBox(self)
        self.first_week.setObjectName("firstWeek")
        self.last_week = QSpinBox(self)
        self.last_week.setObjectName("lastWeek")
        for spin in (self.first_week, self.last_week):
            spin.setRange(1, max(season.week_count, 1))
            spin.setPrefix("week ")
            # A number is reconciled with the other end once typed, not at every key: typing
            # 28 passes through 2, and "to" would otherwise drag "from" down to week 2.
            spin.setKeyboardTracking(False)
        self.next_week_button = QPushButton("Ne&xt week", self)
        self.weeks_label = hint_label("", self, wrap=False)
        self.weeks_label.setObjectName("weeksSpan")

        self.paper_box = QComboBox(self)
        self.paper_box.setObjectName("paper")
        for paper, name in PAPER_NAMES.items():
            self.paper_box.addItem(name, paper.value)
        self.set_paper(default_paper())
        self.summary_label = hint_label("", self)
        self.summary_label.setObjectName("printSummary")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button.setText("Create PDF")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        pick = QHBoxLayout()
        pick.addWidget(self.all_button)
        pick.addWidget(self.none_button)
        pick.addStretch(1)
        athletes = QVBoxLayout()
        athletes.addWidget(self.athlete_list)
        athletes.addLayout(pick)
        athletes.addWidget(self.athlete_error)
        weeks = QHBoxLayout()
        weeks.addWidget(self.first_week)
        weeks.addWidget(QLabel("to", self))
        weeks.addWidget(self.last_week)
        weeks.addWidget(self.next_week_button)
        weeks.addStretch(1)
        form = QFormLayout()
        form.addRow("Athletes:", athletes)
        # A label given as text to a row holding a layout gets no buddy and shows its "&".
        weeks_title = QLabel("&Weeks:", self)
        weeks_title.setObjectName("weeksTitle")
        weeks_title.setBuddy(self.first_week)
        form.addRow(weeks_title, weeks)
        form.addRow("", self.weeks_label)
        form.addRow("&Paper:", self.paper_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.next_week_button.clicked.connect(self.choose_next_week)
        self.athlete_list.itemChanged.connect(self.revalidate)
        self.first_week.valueChanged.connect(self._first_changed)
        self.last_week.valueChanged.connect(self._last_changed)
        self.paper_box.currentIndexChanged.connect(self.revalidate)
        self.choose_next_week()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def set_paper(self, paper: Paper) -> None:
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper.value))

    def paper(self) -> Paper:
        return Paper(self.paper_box.currentData())

    def choose_next_week(self) -> None:
        week = next_week(self.season, self.today) if self.season.week_count else 1
        self.set_weeks(week, week)

    def set_weeks(self, first: int, last: int) -> None:
        self.last_week.setValue(last)
        self.first_week.setValue(first)
        self.last_week.setValue(last)
        self.revalidate()

    def athlete_ids(self) -> tuple[str, ...]:
        """The checked athletes, in the squad's order."""
        chosen = []
        for row in range(self.athlete_list.count()):
            item = self.athlete_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(chosen)

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.athlete_list.count()):
            self.athlete_list.item(row).setCheckState(state)

    # The range never turns round: moving one end past the other takes the other along.
    def _first_changed(self, value: int) -> None:
        if self.last_week.value() < value:
            self.last_week.setValue(value)
        self.revalidate()

    def _last_changed(self, value: int) -> None:
        if self.first_week.value() > value:
            self.first_week.setValue(value)
        self.revalidate()

    def revalidate(self) -> bool:
        first, last = self.first_week.value(), self.last_week.value()
        start = max(week_start(self.season, first), self.season.first_day)
        end = min(week_start(self.season, last) + timedelta(days=6), self.season.last_day)
        weeks = f"Week {first}" if first == last else f"Weeks {first}–{last}"
        self.weeks_label.setText(f"{weeks}: {span_text(start, end)}")
        count = len(self.athlete_ids())
        self.athlete_error.show_problem("" if count else "Choose at least one athlete.")
        athletes, weeks_text = plural(count, "athlete"), plural(last - first + 1, "week")
        if self.paper() is Paper.A5:
            summary = f"A page for each training or competition day of {athletes} over {weeks_text}."
        else:
            summary = f"{plural(count * (last - first + 1), 'card')}: {athletes} × {weeks_text}."
        self.summary_label.setText(summary if count else "")
        valid = count > 0
        self.ok_button.setEnabled(valid)
        return valid

    def selection(self) -> PrintSelection | None:
        if not self.revalidate():
            return None
        return PrintSelection(self.athlete_ids(), self.first_week.value(), self.last_week.value(), self.paper())


def cards_file_name(season: Season, selection: PrintSelection) -> str:
    """"Sprint squad 2026-27 - cards week 11.pdf": a name the viewer shows and a coach finds again."""
    first, last = selection.first_week, selection.last_week
    weeks = f"week {first}" if first == last else f"weeks {first}-{last}"
    return f"{safe_file_stem(season.name)} - cards {weeks}.pdf"


def season_file_name(season: Season) -> str:
    return f"{safe_file_stem(season.name)} - season plan.pdf"


def write_cards_pdf(
    season: Season, selection: PrintSelection, path: Path, plans: Mapping[str, Plan] | None = None
) -> int:
    """Write the cards to ``path``; return the page count."""
    from planner.export.pdf.cards import write_cards

    return write_cards(season, selection, path, plans=plans)


def write_season_pdf(
    season: Season, path: Path, *, paper: Paper | None = None, plans: Mapping[str, Plan] | None = None
) -> int:
    """Write the season plan of the whole squad to ``path``; return the page count."""
    from planner.export.pdf.season import write_season

    chosen = default_paper() if paper is None else paper
    return write_season(season, path, plans=plans, paper=Paper.A4 if chosen is Paper.A5 else chosen)


def open_in_viewer(path: Path) -> bool:
    """Open ``path`` in the system's PDF viewer; False when nothing could open it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _ask_selection(parent: QWidget | None, season: Season, today: date) -> PrintSelection | None:
    dialog = PrintCardsDialog(season, today, parent)
    try:
        return dialog.selection() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_pdf_path(title: str) -> AskPath:
    """A file dialog titled ``title`` that asks where to save a PDF, starting at the suggestion."""

    def ask(parent: QWidget | None, suggestion: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), PDF_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    return ask


def _write_and_open(
    parent: QWidget | None, title: str, path: Path, write: Callable[[], int], opener: Opener, warn: Warn
) -> Path | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write()
    except OSError as error:
        warn(parent, title, f"The PDF was not saved: {write_problem(error, path)}.", write_detail(error, path))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if not opener(path):
        warn(parent, title, f"The PDF is saved as {path}, but no program to show PDFs could be opened for it.", "")
    return path


def _warn_box(parent: QWidget | None, title: str, text: str, detail: str) -> None:
    show_message(QMessageBox.Icon.Warning, parent, title, text, detail)


def export_cards(
    parent: QWidget | None,
    season: Season,
    today: date,
    *,
    folder: Path,
    plans: Mapping[str, Plan] | None = None,
    ask: Callable[[QWidget | None, Season, date], PrintSelection | None] | None = None,
    ask_path: AskPath | None = None,
    opener: Opener | None = None,
    warn: Warn = _warn_box,
) -> Path | None:
    """File > Print session cards: ask what to print and where to save it, write the PDF and
    open it to print.

    The file dialog starts in ``folder`` with a name saying which weeks the cards hold.
    Returns the PDF's path, or None when the coach cancelled or it could not be written (the
    reason is shown). ``ask``, ``ask_path``, ``opener`` and ``warn`` stand in for the print
    dialog, the file dialog, the viewer and the message box in tests.
    """
    selection = (ask or _ask_selection)(parent, season, today)
    if selection is None:
        return None
    path = (ask_path or ask_pdf_path(CARDS_TITLE))(parent, folder / cards_file_name(season, selection))
    if path is None:
        return None
    return _write_and_open(parent, CARDS_TITLE, path, lambda: write_cards_pdf(season, selection, path, plans),
                           opener or open_in_viewer, warn)


def export_season(
    parent: QWidget | None,
    season: Season,
    *,
    folder: Path,
    plans: Mapping[str, Plan] | None = None,
    ask_path: AskPath | None = None,
    opener: Opener | None = None,
    warn: Warn = _warn_box,
) -> Path | None:
    """File > Export season PDF: ask where to save the season plan, write it and open it.

    The file dialog starts in ``folder`` with a name made from the season's.
    """
    path = (ask_path or ask_pdf_path(SEASON_TITLE))(parent, folder / season_file_name(season))
    if path is None:
        return None
    return _write_and_open(parent, SEASON_TITLE, path, lambda: write_season_pdf(season, path, plans=plans),
                           opener or open_in_viewer, warn)
