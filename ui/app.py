"""Starting the desktop application."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import resources
from planner.document.demo import demo_season
from planner.document.model import Season
from planner.document.storage import DocumentError

DESKTOP_ID = "org.sprintplan.SprintPlan"
ORGANISATION = "SprintPlan"


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("SprintPlan")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("SprintPlan")
    app.setDesktopFileName(DESKTOP_ID)
    return app


def _give_icon(app: QApplication) -> None:
    """The application's icon: the installed theme icon, else the one shipped in resources/.

    Given just after the first paint: looking it up in the icon theme and handing every size
    to the window manager took about 7 ms of the start under X11, and the window's content does
    not show it.
    """
    app.setWindowIcon(QIcon.fromTheme(DESKTOP_ID, _bundled_icon()))


def _bundled_icon() -> QIcon:
    """The icon shipped in resources/, for desktops where it is not installed as a theme icon."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resources.locate(f"icons/hicolor/{size}x{size}/apps/{DESKTOP_ID}.png")))
    return icon


def _recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def _initial_season(
    path: Path | None, loaded: Season | None, problem: DocumentError | None
) -> tuple[Season, Path | None, DocumentError | None]:
    if path is not None and loaded is not None:
        return loaded, path, None
    # No file, or one that could not be read (``problem`` says why): the demo season.
    return demo_season(), None, problem


def _collect_from_now_on() -> None:
    """Turn the garbage collector back on (the launcher pauses it while the window is built).

    Everything built so far lives as long as the window: frozen, the collector no longer
    walks it on every full collection, which would otherwise stall a drag now and then.
    """
    gc.freeze()
    gc.enable()


def run(
    path: Path | None,
    *,
    season: Season | None = None,
    problem: DocumentError | None = None,
    smoke_test: bool = False,
    report_first_paint: bool = False,
) -> int:
    """Open the window on ``season``, loaded from ``path``; return the exit status.

    The launcher reads the file (once, before any window exists). Without a season the demo
    season is shown, with ``problem`` in a message box when the file could not be read.
    ``smoke_test`` paints the window once and exits 0 (packaging and start-up checks).
    """
    app = _application()
    document, opened, problem = _initial_season(path, season, problem)
    if not (smoke_test or report_first_paint):
        return _show(app, document, opened, problem, QSettings())
    # A smoke test must not adopt the user's settings or leave recovery files behind: it starts
    # as a window opened for the first time (every panel shown) and keeps nothing. Qt's test
    # mode alone would keep the window's state in one shared place from one run to the next,
    # so the next check would start with whatever the last one left.
    QStandardPaths.setTestModeEnabled(True)
    with tempfile.TemporaryDirectory(prefix="sprintplan-check-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        status = _show(app, document, opened, None, settings, check=True, report_first_paint=report_first_paint)
        settings.sync()  # written now, into the folder about to go, not after it has gone
        return status


def _show(
    app: QApplication,
    document: Season,
    opened: Path | None,
    problem: DocumentError | None,
    settings: QSettings,
    *,
    check: bool = False,
    report_first_paint: bool = False,
) -> int:
    """Build the window and run the event loop; a ``check`` quits after the first paint."""
    # The window module pulls in the widgets; import it here so `sprintplan plan ...` stays light.
    from ui.dialogs.qt_ask import QtDialogs
    from ui.files import document_problem
    from ui.first_paint import after_first_paint
    from ui.main_window import MainWindow

    window = MainWindow(document, opened, settings=settings, dialogs=QtDialogs(), recovery_folder=_recovery_folder())
    after_first_paint(window.calendar.viewport(), lambda: _give_icon(app))
    if check:
        started = time.perf_counter()

        def painted() -> None:
            if report_first_paint:
                print(f"first-paint {time.perf_counter() - started:.4f}", flush=True)
            window.autosave.stop()
            window.document.undo_stack.setClean()
            window.close()
            app.quit()

        # The calendar is a scroll area: its days are painted on the viewport.
        after_first_paint(window.calendar.viewport(), painted)
    window.resize(1366, 768)
    window.show()
    _collect_from_now_on()
    if check:
        return app.exec()
    if problem is not None:
        reason, detail = document_problem(problem)
        name = Path(problem.path).name
        window.dialogs.error(
            window,
            "Season not opened",
            f"SprintPlan could not open “{name}”. {reason} The demo season is shown instead.",
            detail,
        )
    else:
        window.offer_recovery()
    return app.exec()
