"""The main window: the season calendar in the middle, the competition palette on the left,
the inspector on the right, the squad week and the athletes below; menus, toolbar, files.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from planner.document.atomic import write_atomically, write_problem
from planner.document.changes import Changes
from planner.document.model import Season
from planner.engine.freeze import run_date
from planner.engine.freeze_text import kept_days_notice
from planner.engine.plan import Plan
from ui.calendar.widget import SeasonCalendar
from ui.chart.load_chart import LoadChart
from ui.columns import WeekColumns
from ui.dialogs.ask import Dialogs, Edit, apply_edit
from ui.document import OpenSeason
from ui.files import SUFFIX, FileController, documents_folder, safe_file_stem, write_detail
from ui.first_paint import after_first_paint
from ui.inspector.widget import Inspector
from ui.mime import session_from_mime
from ui.panels.athletes import AthletesPanel
from ui.panels.palette import CompetitionPalette
from ui.panels.squad_week import SquadWeek
from ui.preview import DragPreview
from ui.recovery import DEFAULT_INTERVAL_MS, Autosave, UnreadableRecovery, find_recovery
from ui.selection import Selection
from ui.session_text import mnemonic_safe
from ui.settings import AppSettings

if TYPE_CHECKING:
    # Imported when first opened: the window's start does not wait for it.
    from ui.dialogs.squad_entry import SquadEntry

    # Imported when the tabs behind the squad week are built, just after the first paint.
    from ui.panels.checks import ChecksPanel
    from ui.panels.notes import NotesPanel

APP_NAME = "SprintPlan"
STATUS_MS = 8000  # how long a status message stays
LATER_TAB_TITLES = ("Athletes and competitions", "Plan checks", "Notes")


class _InspectorSessionDrops:
    """Sessions dragged out of the inspector and dropped on a calendar day move there."""

    def __init__(self, inspector: Inspector) -> None:
        self._inspector = inspector

    def accepts(self, mime: QMimeData) -> bool:
        return session_from_mime(mime) is not None

    def drop(self, mime: QMimeData, day: date) -> bool:
        dragged = session_from_mime(mime)
        return dragged is not None and self._inspector.move_session(dragged, day)


class MainWindow(QMainWindow):
    def __init__(
        self,
        season: Season,
        path: Path | None = None,
        *,
        settings: QSettings,
        dialogs: Dialogs,
        recovery_folder: Path,
        autosave_interval_ms: int = DEFAULT_INTERVAL_MS,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.today = today or run_date()
        self.dialogs = dialogs
        self.app_settings = AppSettings(settings)
        self.document = OpenSeason(season, path, self, today=self.today)
        first = season.athletes[0].id if season.athletes else ""
        self.selection = Selection(first, self._start_day(season), self)
        self.files = FileController(self, self.document, dialogs, self.app_settings)
        self.autosave = Autosave(self.document, recovery_folder, autosave_interval_ms, self)

        # The drag preview and the week columns are shared by the calendar and the chart below it.
        self.preview = DragPreview(self.document, self.selection, self)
        self.columns = WeekColumns(self)
        self.calendar = SeasonCalendar(self.document, self.selection, dialogs, self, preview=self.preview,
                                       columns=self.columns, today=self.today)
        self.competition_palette = CompetitionPalette(self)
        # Today's record cards, under its sessions, come just after the first paint.
        self.inspector = Inspector(self.document, self.selection, self, cards_later=True)
        self.calendar.session_drops = _InspectorSessionDrops(self.inspector)
        self.calendar.drop_refused.connect(lambda reason: self.statusBar().showMessage(reason, 15000))
        self.squad_week = SquadWeek(self.document, self.selection, self)
        self.squad_entry: SquadEntry | None = None
        # Its lists are filled with the tabs behind the squad week (``_build_later_tabs``).
        self._athletes_panel = AthletesPanel(self.document, self.selection, dialogs, self, filled=False)
        self.load_chart = LoadChart(self.document, self.selection, self.preview, self.columns, self)
        self.load_chart.export_requested.connect(self.export_chart)
        self.athlete_box = QComboBox(self)
        self.athlete_box.setObjectName("athleteSelector")
        self.athlete_box.setMinimumContentsLength(18)
        self.athlete_box.setToolTip("Whose plan the calendar and the inspector show")

        self._build_layout()
        self._build_actions()
        self.setAcceptDrops(True)

        self.document.changed.connect(self._on_document_changed)
        self.document.path_changed.connect(self._update_title)
        self.document.clean_changed.connect(self._update_title)
        self.selection.athlete_changed.connect(self._show_selected_athlete)
        self.athlete_box.activated.connect(self._on_athlete_chosen)
        self._refresh_athletes()
        self._update_title()
        self._restore_geometry()

    # Layout ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.addTab(self.squad_week, "Squad week")
        self.bottom_tabs.addTab(self._athletes_panel, LATER_TAB_TITLES[0])
        # The tabs behind the squad week are not on screen at start-up: the athletes panel is
        # there without its rows (it is the tallest of them, and the dock takes its room from
        # it), the checks and notes panels are empty pages until just after the first paint,
        # or until a tab is chosen or a panel asked for.
        self._later_tabs: tuple[ChecksPanel, NotesPanel] | None = None
        for title in LATER_TAB_TITLES[1:]:
            self.bottom_tabs.addTab(QWidget(), title)
        self.bottom_tabs.currentChanged.connect(lambda _index: self._build_later_tabs())
        after_first_paint(self.calendar.viewport(), self._build_later_tabs)
        after_first_paint(self.calendar.viewport(), self.inspector.add_pending_cards)
        # The chart sits under the calendar and shares its week columns (ui.columns).
        self.centre = QSplitter(Qt.Orientation.Vertical, self)
        self.centre.setObjectName("centreSplitter")
        self.centre.setChildrenCollapsible(False)
        self.centre.addWidget(self.calendar)
        self.centre.addWidget(self.load_chart)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 2)
        self.centre.setSizes([270, 210])
        self.setCentralWidget(self.centre)

        area = Qt.DockWidgetArea
        self.palette_dock = self._dock("Competitions", "paletteDock", self.competition_palette, area.LeftDockWidgetArea)
        self.inspector_dock = self._dock("Day", "inspectorDock", self.inspector, area.RightDockWidgetArea)
        self.bottom_dock = self._dock(
            "Squad", "bottomDock", self.bottom_tabs, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.resizeDocks([self.inspector_dock], [360], Qt.Orientation.Horizontal)
        self.resizeDocks([self.bottom_dock], [210], Qt.Orientation.Vertical)

    def _later_panels(self) -> tuple[ChecksPanel, NotesPanel]:
        self._build_later_tabs()
        assert self._later_tabs is not None
        return self._later_tabs

    def _build_later_tabs(self) -> None:
        """Fill the athletes panel and build the checks and notes panels into their tabs, once."""
        if self._later_tabs is not None:
            return
        from ui.panels.checks import ChecksPanel
        from ui.panels.notes import NotesPanel

        self._athletes_panel.fill()
        panels = (ChecksPanel(self.document, self.selection, self), NotesPanel(self.document, self.selection, self))
        self._later_tabs = panels
        tabs = self.bottom_tabs
        current = tabs.currentIndex()
        # Swapped quietly: the tab shown stays the one shown, and no view hears of a change.
        tabs.blockSignals(True)
        for index, (panel, title) in enumerate(zip(panels, LATER_TAB_TITLES[1:], strict=True), start=2):
            placeholder = tabs.widget(index)
            tabs.removeTab(index)
            tabs.insertTab(index, panel, title)
            if placeholder is not None:
                placeholder.deleteLater()
        tabs.setCurrentIndex(current)
        tabs.blockSignals(False)

    @property
    def athletes_panel(self) -> AthletesPanel:
        self._build_later_tabs()
        return self._athletes_panel

    @property
    def checks_panel(self) -> ChecksPanel:
        return self._later_panels()[0]

    @property
    def notes_panel(self) -> NotesPanel:
        return self._later_panels()[1]

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    # Actions --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("&New season", self.new_season, key.New, "Start an empty season")
        self.open_action = self._action("&Open…", self.files.open_dialog, key.Open, "Open a season file")
        self.save_action = self._action("&Save", self.files.save, key.Save, "Save the season")
        self.save_as_action = self._action("Save &as…", self.files.save_as, key.SaveAs, "Save under a new name")
        self.quit_action = self._action("&Quit", self.close, key.Quit)
        self.undo_action = self.document.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(key.Undo)
        # Connected after the stack's own slot: by then the step is undone and can be named.
        self.undo_action.triggered.connect(self._report_undone)
        self.redo_action = self.document.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(key.Redo), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self._report_redone)
        self.delete_action = self._action("&Delete competition", self.delete_selected, key.Delete,
                                          "Remove the selected competition")
        # Delete acts on the calendar's competition only while the calendar has the focus, so
        # the key keeps its meaning in the inspector's table and the dialogs' fields.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.calendar.addAction(self.delete_action)
        self.season_action = self._action("Season &settings…", self.edit_season, None,
                                          "Season name, dates and first day of the week")
        self.add_athlete_action = self._action("&Add athlete…", self.add_athlete, "Ctrl+Shift+A")
        self.import_action = self._action("&Import competitions…", self.import_competitions, None,
                                          "Add competitions from a CSV or iCalendar file")
        self.import_results_action = self._action("Import res&ults…", self.import_results, None,
                                                  "Record what was done from a filled-in spreadsheet export")
        self.print_action = self._action("&Print session cards…", self.print_cards, key.Print,
                                         "Weekly session cards for the athletes and weeks you choose (PDF)")
        self.season_pdf_action = self._action("Export season &PDF…", self.export_season_pdf, None,
                                              "The whole season plan as a PDF")
        self.ics_action = self._action("Export &calendar (iCalendar)…", self.export_ics, None,
                                       "Sessions and competitions for calendar programs")
        self.csv_action = self._action("Export &spreadsheet (CSV)…", self.export_csv, None,
                                       "One row per prescribed set, with columns for what was done")
        # Through lambdas: a triggered action passes "checked", which these would read as a session kind.
        self.done_action = self._action("Record &done as planned", lambda: self.inspector.done_as_planned(),
                                        "Ctrl+D", "The selected day's session, every set as prescribed")
        self.missed_action = self._action("Record &missed", lambda: self.inspector.mark_missed(), "Ctrl+M",
                                          "The selected day's session was not done")
        self.squad_entry_action = self._action("&Enter the squad's sessions…", self.show_squad_entry, "Ctrl+E",
                                               "Type in what every athlete did on a day or in a week")
        self.today_action = self._action("Go to &today", self.go_to_today, "Ctrl+T")
        self.shortcuts_action = self._action("&Keyboard shortcuts", self.show_shortcuts, "F1")
        self.about_action = self._action("&About SprintPlan", self.show_about)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.import_results_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.season_pdf_action, self.ics_action, self.csv_action])
        file_menu.addActions([self.load_chart.export_png_action, self.load_chart.export_svg_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.add_athlete_action, self.season_action])

        session_menu = menu.addMenu("Se&ssion")
        session_menu.addActions([self.done_action, self.missed_action])
        session_menu.addSeparator()
        session_menu.addAction(self.squad_entry_action)

        view_menu = menu.addMenu("&View")
        view_menu.addAction(self.today_action)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.inspector_dock, self.bottom_dock):
            view_menu.addAction(dock.toggleViewAction())

        help_menu = menu.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions(self._short_undo_actions())
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Athlete: ", self))
        toolbar.addWidget(self.athlete_box)
        self.addToolBar(toolbar)
        self.statusBar().showMessage("Drag a competition from the left onto a day to add it.", STATUS_MS)

    def _short_undo_actions(self) -> list[QAction]:
        """Toolbar Undo and Redo with short labels; what they undo is in the tooltip, so the
        athlete selector beside them does not jump about as the command names change."""
        stack = self.document.undo_stack
        undo = self._action("Undo", self.undo)
        redo = self._action("Redo", self.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: undo.setToolTip(f"Undo {text}" if text else "Undo"))
        stack.redoTextChanged.connect(lambda text: redo.setToolTip(f"Redo {text}" if text else "Redo"))
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        return [undo, redo]

    def undo(self) -> None:
        self.document.undo_stack.undo()
        self._report_undone()

    def redo(self) -> None:
        self.document.undo_stack.redo()
        self._report_redone()

    # The document's change has already cleared the status bar; it now says what changed.
    def _report_undone(self) -> None:
        text = self.document.undo_stack.redoText()
        if text:
            self.statusBar().showMessage(f"Undone: {text}", STATUS_MS)

    def _report_redone(self) -> None:
        text = self.document.undo_stack.undoText()
        if text:
            self.statusBar().showMessage(f"Redone: {text}", STATUS_MS)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.app_settings.recent_files()
        if not recent:
            empty = self.recent_menu.addAction("No recent seasons")
            empty.setEnabled(False)
            return
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {mnemonic_safe(path.name)}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open(p))

    # Commands -------------------------------------------------------------------------

    def _plans(self) -> dict[str, Plan]:
        return self.document.plans()

    def _export_folder(self) -> Path:
        """Where the file dialog of an export starts: the folder the last export went to; the
        first time, the season file's folder, or the documents folder for a season not saved."""
        remembered = self.app_settings.export_folder()
        if remembered is not None:
            return remembered
        return self.document.path.parent if self.document.path else documents_folder()

    def _export_suggestion(self, ending: str) -> Path:
        """A file in the export folder named after the season file (or the season)."""
        path = self.document.path
        stem = path.stem if path is not None else safe_file_stem(self.document.season.name)
        return self._export_folder() / f"{stem}{ending}"

    def _exported(self, path: Path, what: str) -> None:
        self.app_settings.set_export_folder(path.parent)
        self.statusBar().showMessage(f"{what} saved as {path}", STATUS_MS)

    def _ask_pdf_path(self, title: str) -> Callable[[QWidget | None, Path], Path | None]:
        return lambda parent, suggestion: self.dialogs.export_path(self, title, suggestion, ".pdf")

    def _warn(self, _parent: QWidget | None, title: str, text: str, detail: str) -> None:
        self.dialogs.error(self, title, text, detail)

    def _not_written(self, title: str, what: str, path: Path, error: OSError) -> None:
        self.dialogs.error(self, title, f"The {what} was not saved: {write_problem(error, path)}.",
                           write_detail(error, path))

    def print_cards(self) -> None:
        # The print dialogs (and the PDF writers behind them) load when first used.
        from ui.dialogs.printing import CARDS_TITLE, export_cards

        path = export_cards(self, self.document.season, self.today, folder=self._export_folder(),
                            plans=self._plans(), ask_path=self._ask_pdf_path(CARDS_TITLE), warn=self._warn)
        if path is not None:
            self._exported(path, "Session cards")

    def export_season_pdf(self) -> None:
        from ui.dialogs.printing import SEASON_TITLE, export_season

        path = export_season(self, self.document.season, folder=self._export_folder(), plans=self._plans(),
                             ask_path=self._ask_pdf_path(SEASON_TITLE), warn=self._warn)
        if path is not None:
            self._exported(path, "Season plan")

    def export_ics(self) -> None:
        # The exporters load their libraries only when used, so start-up stays light.
        from planner.export.ics import ics_bytes

        self._export(".ics", "Export calendar", "calendar", lambda plans: ics_bytes(self.document.season, plans))

    def export_csv(self) -> None:
        from planner.export.csv import csv_bytes

        self._export(".csv", "Export spreadsheet", "spreadsheet", lambda plans: csv_bytes(self.document.season, plans))

    def _export(self, suffix: str, title: str, what: str, encode: Callable[[list[Plan]], bytes]) -> None:
        path = self.dialogs.export_path(self, title, self._export_suggestion(suffix), suffix)
        if path is None:
            return
        try:
            write_atomically(path, encode(list(self._plans().values())))
        except OSError as error:
            self._not_written(title, what, path, error)
            return
        self._exported(path, what.capitalize())

    def export_chart(self, kind: str) -> None:
        """The load chart as a picture: PNG for documents, SVG for print quality."""
        suffix = f".{kind}"
        title = "Export load chart"
        path = self.dialogs.export_path(self, title, self._export_suggestion(f" - load chart{suffix}"), suffix)
        if path is None:
            return
        try:
            if kind == "svg":
                self.load_chart.export_svg(path)
            else:
                self.load_chart.export_png(path)
        except OSError as error:
            self._not_written(title, "load chart", path, error)
            return
        self._exported(path, "Load chart")

    def import_competitions(self) -> None:
        # The import parsers (iCalendar) load only when an import runs, keeping start-up light.
        from ui.dialogs import import_competitions as import_dialog

        folder = self.document.path.parent if self.document.path else None
        path = self.dialogs.import_path(self, folder)
        if path is not None:
            import_dialog.import_competitions(self, self.document, self.dialogs, path)

    def import_results(self) -> None:
        from ui.dialogs import import_results as results_dialog

        folder = self.document.path.parent if self.document.path else None
        path = results_dialog.choose_results_file(self, folder)
        if path is not None:
            results_dialog.import_results(self, self.document, self.dialogs, path, self.today)

    def new_season(self) -> None:
        if self.files.new(self.today):
            self.edit_season()

    def apply_edit(self, text: str, edit: Edit | None) -> bool:
        return apply_edit(self.document, self.dialogs, self, text, edit) is not None

    def edit_season(self) -> None:
        self.apply_edit("Season settings", self.dialogs.edit_season(self, self.document.season))

    def add_athlete(self) -> None:
        if self.apply_edit("Add athlete", self.dialogs.edit_athlete(self, self.document.season, None)):
            self.selection.set_athlete(self.document.season.athletes[-1].id)

    def delete_selected(self) -> None:
        if not self.calendar.delete_selected():
            self.statusBar().showMessage("Select a competition in the calendar first.", 5000)

    def go_to_today(self) -> None:
        season = self.document.season
        self.selection.set_day(min(max(self.today, season.first_day), season.last_day))

    def show_squad_entry(self) -> None:
        """The squad's sessions of the selected day (or today, for a day still to come)."""
        if self.squad_entry is None:
            from ui.dialogs.squad_entry import SquadEntry

            self.squad_entry = SquadEntry(self.document, self.selection, self)
        self.squad_entry.show_day(min(self.selection.day, self.today))

    def show_shortcuts(self) -> None:
        from ui.shortcuts import SHORTCUTS_HTML

        self.dialogs.information(self, "Keyboard shortcuts", SHORTCUTS_HTML)

    def show_about(self) -> None:
        self.dialogs.information(
            self,
            "About SprintPlan",
            "<b>SprintPlan</b><br>Season planner for 400 m and 400 m hurdles coaches: weights and "
            "plyometrics around the competitions, with the rule behind every session.",
        )

    def open_path(self, path: Path) -> bool:
        return self.files.open(path)

    def offer_recovery(self) -> bool:
        """After a crash, offer the unsaved work the previous run left; True if restored."""
        found = find_recovery(self.autosave.folder)
        if found is None:
            return False
        name = found.original.name if found.original else "an unsaved season"
        if isinstance(found, UnreadableRecovery):
            self.dialogs.error(
                self,
                "Unsaved work cannot be restored",
                f"The unsaved work for {name} cannot be opened ({found.reason}). Its text is kept in {found.kept}.",
            )
            return False
        if not self.dialogs.restore_recovery(self, found.saved_at, name):
            self.autosave.discard()
            return False
        self.document.replace(found.season, found.original)
        # The restored work is not on disk yet: keep it marked unsaved.
        self.document.undo_stack.resetClean()  # the title follows through clean_changed
        return True

    # Window events --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_close():
            event.ignore()
            return
        self.autosave.stop()
        self.autosave.discard()
        self.app_settings.save_window(self.saveGeometry(), self.saveState())
        self.app_settings.sync()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_season(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_season(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files.open(path)

    @staticmethod
    def _dropped_season(urls: list[QUrl]) -> Path | None:
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().endswith(SUFFIX):
                return Path(url.toLocalFile())
        return None

    # Sync -----------------------------------------------------------------------------

    def _start_day(self, season: Season) -> date:
        return self.today if season.contains(self.today) else season.first_day

    def _on_document_changed(self, changes: Changes) -> None:
        # A message may speak of the document as it was (a change since undone, an export of
        # the season before): it goes with the change.
        self.statusBar().clearMessage()
        season = self.document.season
        if changes.held:
            # Said while the coach still looks at the change: the past did not follow it.
            self.statusBar().showMessage(kept_days_notice(season, changes.held, self.today), 2 * STATUS_MS)
        if changes.settings:
            if not season.contains(self.selection.day):
                self.selection.set_day(self._start_day(season))
            self._update_title()
        if changes.roster:
            if season.find_athlete(self.selection.athlete_id) is None:
                self.selection.set_athlete(season.athletes[0].id if season.athletes else "")
            self._refresh_athletes()

    def _refresh_athletes(self) -> None:
        self.athlete_box.blockSignals(True)
        self.athlete_box.clear()
        for athlete in self.document.season.athletes:
            self.athlete_box.addItem(athlete.name, athlete.id)
        self.athlete_box.setEnabled(bool(self.document.season.athletes))
        self.athlete_box.blockSignals(False)
        self._show_selected_athlete(self.selection.athlete_id)

    def _show_selected_athlete(self, athlete_id: str) -> None:
        index = self.athlete_box.findData(athlete_id)
        if index >= 0:
            self.athlete_box.setCurrentIndex(index)

    def _on_athlete_chosen(self, index: int) -> None:
        self.selection.set_athlete(str(self.athlete_box.itemData(index)))

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.title_name()}[*] — {self.document.season.name} — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _restore_geometry(self) -> None:
        geometry = self.app_settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.app_settings.window_state()
        if state is not None:
            self.restoreState(state)
