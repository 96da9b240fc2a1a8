"""The ``sprintplan`` entry point: the desktop window, or a command-line subcommand.

``sprintplan`` opens the window on the demo season, ``sprintplan PATH`` on a season file,
``sprintplan --smoke-test PATH`` paints the window once and exits 0 (packaging and start-up
checks); anything else is a subcommand of ``planner.cli.entry``. Qt is imported only when a window
is wanted, so the subcommands start fast; the subcommands (and what they import, such as
iCalendar) only when one is run, so the window starts fast.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

SMOKE_TEST = "--smoke-test"
# Used by the start-up benchmark: print "first-paint" once the calendar has painted, then quit.
# Without a PATH the window opens on the demo season, as `sprintplan` alone does.
REPORT_FIRST_PAINT = "--report-first-paint"


def _open_window(path: str | None, *, smoke_test: bool = False, report_first_paint: bool = False) -> int:
    # Start-up builds a large heap that lives as long as the window (Qt's and pyqtgraph's
    # modules, numpy, the plans): collecting it again and again while it grows frees nothing
    # and cost a tenth of the start-up. ``ui.app.run`` turns the collector back on once the
    # window is built, with that heap frozen.
    gc.disable()
    from planner.cli.common import PROG, tolerant_streams
    from planner.document.storage import DocumentError, load

    tolerant_streams()
    season = None
    problem = None
    if path is not None:
        try:
            season = load(path)
        except DocumentError as error:
            print(f"{PROG}: {error}", file=sys.stderr)
            if smoke_test:
                return 2
            # Opened from a file manager there is no terminal to read: the window says it too.
            problem = error
    from ui.qt_start import quicken_pyside_imports

    quicken_pyside_imports()
    from ui.app import run

    return run(
        Path(path) if path else None,
        season=season,
        problem=problem,
        smoke_test=smoke_test,
        report_first_paint=report_first_paint,
    )


def _checked_path(flag: str, rest: list[str], *, optional: bool = False) -> str | int | None:
    from planner.cli.common import PROG

    if optional and not rest:
        return None
    if len(rest) != 1 or rest[0].startswith("-"):
        wanted = "at most one season file" if optional else "exactly one season file"
        usage = f"{PROG} {flag} [PATH]" if optional else f"{PROG} {flag} PATH"
        print(f"{PROG}: {flag} needs {wanted}: {usage}", file=sys.stderr)
        return 2
    return rest[0]


def main(argv: Sequence[str] | None = None) -> int:
    collecting = gc.isenabled()
    # Off from the first import on, not only once the window is being built: the objects the
    # imports make live as long as the process, and a collection turned back on later scans
    # every object made while it was off. The window turns it back on with its heap frozen
    # (``ui.app.run``); a subcommand at once.
    gc.disable()
    try:
        return _run(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _run(argv: Sequence[str] | None, collecting: bool) -> int:
    from planner.cli.common import desktop_path

    arguments = list(sys.argv[1:] if argv is None else argv)
    for flag in (SMOKE_TEST, REPORT_FIRST_PAINT):
        if arguments and arguments[0] == flag:
            checked = _checked_path(flag, arguments[1:], optional=flag == REPORT_FIRST_PAINT)
            if isinstance(checked, int):
                return checked
            return _open_window(checked, smoke_test=True, report_first_paint=flag == REPORT_FIRST_PAINT)
    if not arguments:
        return _open_window(None)
    path = desktop_path(arguments)
    if path is not None:
        return _open_window(path)
    if collecting:
        gc.enable()
    from planner.cli import entry as cli

    return cli.main(arguments, open_window=_open_window)


if __name__ == "__main__":
    sys.exit(main())
