"""Benchmark: the calendar's live preview while a competition is dragged across the season.

Budget (issue: the season calendar): over 200 changes of the hovered day, the pure edit, the
engine and a synchronous repaint of the calendar take at most 16 ms median and 33 ms at the
95th percentile (one and two frames at 60 Hz). The drag goes through the calendar's own
drag-move handler: a synthetic ``QDragMoveEvent`` at the centre of each day, as Qt sends
them during a real drag. The demo season's National Championships are moved across
May-August, the calendar being 1000 x 330 pixels as on a 1366 x 768 screen. Prints the
figures and exits non-zero when over budget; run with ``make bench``.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from planner.document.demo import demo_season
from planner.document.model import Season
from planner.engine.plan import Plan
from ui.calendar.widget import SeasonCalendar
from ui.dialogs.ask import Dialogs
from ui.document import OpenSeason
from ui.mime import competition_mime
from ui.selection import Selection

MEDIAN_BUDGET_MS = 16.0
P95_BUDGET_MS = 33.0
CHANGES = 200
SIZE = (1000, 330)
MOVED = "comp-10"  # National Championships, three days
FIRST, LAST = date(2027, 5, 1), date(2027, 8, 31)


class NoDialogs:
    """The preview never asks anything; a drop would, and this benchmark never drops."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the preview asked the dialogs for {name}")


def hover_days(season: Season | None = None) -> list[date]:
    """Start days swept forth and back across May-August, each different from the one before.

    Days where the championships would overlap another meet of the same athletes are left
    out: the calendar refuses those without a preview, which is not what is timed here.
    """
    season = demo_season() if season is None else season
    moved = season.competition(MOVED)
    length = moved.end - moved.start
    allowed = [
        day
        for day in (FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1))
        if season.clashing_competition(moved._replace(start=day, end=day + length)) is None
    ]
    span = len(allowed) - 1
    days: list[date] = []
    step = 0
    while len(days) < CHANGES:
        offset = step % (2 * span)
        days.append(allowed[offset if offset <= span else 2 * span - offset])
        step += 1
    return days


def drag_event(kind: type[QDropEvent], point: QPoint, mime: QMimeData) -> QDropEvent:
    """A drag event as Qt sends it: Qt 6.12 takes a QPointF (the QPoint form is deprecated), older
    versions only a QPoint."""
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return kind(QPointF(point), *args)
    except TypeError:
        return kind(point, *args)


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    season = demo_season()
    document = OpenSeason(season)
    selection = Selection(season.athletes[0].id, date(2027, 7, 12))
    dialogs: Dialogs = NoDialogs()  # type: ignore[assignment]
    calendar = SeasonCalendar(document, selection, dialogs)
    calendar.resize(*SIZE)
    calendar.show()
    app.processEvents()
    viewport: QWidget = calendar.viewport()
    document.plan(selection.athlete_id)  # the window has the real plan before any drag
    viewport.repaint()

    previews: list[Plan | None] = []
    calendar.preview.changed.connect(previews.append)
    mime = competition_mime(MOVED)
    days = hover_days(season)
    QApplication.sendEvent(viewport, drag_event(QDragEnterEvent, calendar.date_rect(days[0]).center(), mime))

    times: list[float] = []
    gc.collect()
    for day in days[1:] + days[:1]:
        event = drag_event(QDragMoveEvent, calendar.date_rect(day).center(), mime)
        began = time.perf_counter()
        QApplication.sendEvent(viewport, event)
        viewport.repaint()
        times.append((time.perf_counter() - began) * 1000)
    QApplication.sendEvent(viewport, QDragLeaveEvent())

    shown = sum(plan is not None for plan in previews)
    if shown != len(times) + 1 or previews[-1] is not None or document.undo_stack.count() != 0:
        print(f"the preview did not follow the drag: {shown} previews for {len(times) + 1} days")
        return 1
    median, p95 = statistics.median(times), percentile(times, 0.95)
    ok = median <= MEDIAN_BUDGET_MS and p95 <= P95_BUDGET_MS
    print(f"calendar {SIZE[0]} x {SIZE[1]}, {season.week_count} weeks; {len(times)} hover-day changes")
    print(f"preview (edit + generate + repaint)  median {median:6.2f} ms  (budget {MEDIAN_BUDGET_MS:4.1f})   "
          f"p95 {p95:6.2f} ms  (budget {P95_BUDGET_MS:4.1f})   {'ok' if ok else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
