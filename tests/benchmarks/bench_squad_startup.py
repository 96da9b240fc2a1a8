"""Benchmark: the window's first frame for a large squad.

A squad of 5 and of 60 athletes, 40 competitions in the season, everyone entered in all of
them. Measured in one process, offscreen, from building the window to the calendar's first
paint, and to the moment the squad week (every athlete's plan) is filled in; also how many
plans were generated before the first paint. The first frame needs only the selected
athlete's plan: the squad's plans are derived after it.

Prints the figures; run with ``make bench`` (no budget: it reports, it does not fail).
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from planner.document.demo import demo_season
from planner.document.model import Athlete, Competition, Priority, Season
from planner.engine import generator as engine
from planner.engine.plan import Plan

RUNS = 5
SQUADS = (5, 60)
COMPETITIONS = 40


def squad_season(athletes: int, competitions: int = COMPETITIONS) -> Season:
    """The demo season grown to ``athletes`` athletes and ``competitions`` one-day meets.

    The demo's own meets stay; C meets are added on Saturdays that no meet uses yet.
    """
    demo = demo_season()
    squad = list(demo.athletes)
    number = demo.next_athlete_number
    while len(squad) < athletes:
        template = demo.athletes[len(squad) % len(demo.athletes)]
        squad.append(template._replace(id=f"ath-{number}", name=f"{template.name} {number}"))
        number += 1
    meets = [c._replace(athletes=None) for c in demo.competitions]
    taken = {day for c in meets for day in c.dates()}
    saturday = demo.first_day + timedelta(days=(5 - demo.first_day.weekday()) % 7 + 14)
    next_number = demo.next_competition_number
    while len(meets) < competitions and saturday <= demo.last_day:
        if saturday not in taken:
            meets.append(Competition(f"comp-{next_number}", f"Club meet {next_number}", saturday, saturday,
                                     Priority.C, indoor=saturday.month in (12, 1, 2)))
            next_number += 1
        saturday += timedelta(days=7)
    return demo._replace(
        athletes=tuple(squad[:athletes]),
        competitions=tuple(sorted(meets, key=lambda c: c.start)),
        next_athlete_number=number,
        next_competition_number=next_number,
    )


class _Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.perf_counter()
        return False


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = 30.0) -> None:
    limit = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > limit:
            raise RuntimeError("timed out")
        app.processEvents()


def one_start(app: QApplication, season: Season, folder: Path) -> tuple[float, float, int]:
    """Milliseconds to the first paint and to the filled squad week; plans generated before the paint."""
    from ui.dialogs.qt_ask import QtDialogs
    from ui.main_window import MainWindow

    generated: list[str] = []
    real = engine._generate

    def counting(season: Season, athlete: Athlete) -> Plan:
        generated.append(athlete.id)
        return real(season, athlete)

    engine._generate = counting
    try:
        gc.collect()
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        window = MainWindow(season, None, settings=settings, dialogs=QtDialogs(), recovery_folder=folder / "recovery",
                            autosave_interval_ms=3_600_000)
        painted = _Painted()
        window.calendar.viewport().installEventFilter(painted)
        window.resize(1366, 768)
        window.show()
        _wait(app, lambda: painted.at is not None)
        assert painted.at is not None
        first_paint = painted.at - started
        before_paint = len(generated)
        table = window.squad_week.table
        _wait(app, lambda: table.columnCount() == len(season.athletes) and table.item(0, len(season.athletes) - 1)
              is not None and not getattr(window.squad_week, "stale", False))
        filled = time.perf_counter() - started
    finally:
        engine._generate = real
    window.autosave.stop()
    window.close()
    window.deleteLater()
    app.processEvents()
    return first_paint * 1000, filled * 1000, before_paint


def main() -> int:
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    folder = Path(tempfile.mkdtemp())
    print(f"window start, {COMPETITIONS} competitions, median of {RUNS} runs (offscreen, in one process):")
    for athletes in SQUADS:
        season = squad_season(athletes)
        one_start(app, season, folder)  # warm the rule book and the catalogue
        runs = [one_start(app, season, folder) for _ in range(RUNS)]
        paint = statistics.median(r[0] for r in runs)
        filled = statistics.median(r[1] for r in runs)
        before = max(r[2] for r in runs)
        print(f"  {athletes:3} athletes: first paint {paint:7.1f} ms   squad week filled {filled:7.1f} ms   "
              f"plans generated before the first paint: {before}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
