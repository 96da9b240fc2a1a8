"""Benchmark: start-up time to the calendar's first paint.

Budget (issue 13, speed): the median of 15 alternating runs from process start to the
calendar's first paint with the demo season at most 1.2 times that of a bare QMainWindow
holding a pyqtgraph PlotWidget (1.5 times before); reportlab is not imported at start-up.
Both run on the Qt platform QT_QPA_PLATFORM names (offscreen when unset); the issue asks for
the figure on a display as well (``xcb`` under Xvfb).

The budgeted start opens the demo season from a file (so it includes
reading and validating the file); the start on the built-in demo season (``sprintplan``
without a file) is measured as well and printed for comparison. The window opens on today, and
today's sessions fill the day panel: every start runs as of one fixed day of the demo season
(``SPRINTPLAN_TODAY``), so the figure does not depend on the date the benchmark runs. The budget
is held on an ordinary training day (one weights session and its record card); a day with two
sessions to record (plyometrics and the heavy squat day), the panel's fullest, and a rest day are
printed beside it. SprintPlan's own modules are compiled to bytecode first, as an installed copy has them:
where PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile them from source, which
no installed app does (the libraries on both sides are installed with their bytecode).
Prints the figures; run with ``make bench``.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planner.engine.freeze import TODAY_VARIABLE

RUNS = 15
BUDGET_RATIO = 1.2
# Thursday of the demo's ninth week: Romanian deadlifts 3 x 8 and four more exercises.
TRAINING_DAY = "2026-12-03"
# Tuesday of the first pre-competition week: 76 contacts of plyometrics and the heavy squat day.
TWO_SESSIONS_DAY = "2027-03-09"
# The Wednesday after it: a rest day, nothing to show or record.
REST_DAY = "2027-03-10"

BASELINE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg

class FirstPaint(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: (print("first-paint", flush=True), app.quit()))
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
plot = pg.PlotWidget()
window.setCentralWidget(plot)
watcher = FirstPaint()
plot.viewport().installEventFilter(watcher)
window.resize(1366, 768)
window.show()
app.exec()
"""

CHECK_REPORTLAB = (
    "import sys, runpy; sys.argv = ['sprintplan', '--report-first-paint', sys.argv[1]]\n"
    "from ui.launcher import main\n"
    "status = main(sys.argv[1:])\n"
    "print('reportlab-imported' if 'reportlab' in sys.modules else 'reportlab-not-imported')\n"
)


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("first-paint"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"no first paint from {command}")
    process.wait(timeout=30)
    return elapsed * 1000


ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    for package in ("planner", "ui", "resources"):
        compileall.compile_dir(ROOT / package, quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           TODAY_VARIABLE: TRAINING_DAY}
    two_sessions_env = {**env, TODAY_VARIABLE: TWO_SESSIONS_DAY}
    rest_env = {**env, TODAY_VARIABLE: REST_DAY}
    folder = Path(tempfile.mkdtemp())
    demo = folder / "demo.sprintplan"
    subprocess.run([sys.executable, "-m", "planner", "demo", str(demo)], check=True, capture_output=True)
    baseline_script = folder / "baseline.py"
    baseline_script.write_text(BASELINE, encoding="utf-8")
    app_command = [sys.executable, "-m", "ui.launcher", "--report-first-paint", str(demo)]
    built_in_command = [sys.executable, "-m", "ui.launcher", "--report-first-paint"]
    baseline_command = [sys.executable, str(baseline_script)]
    starts = (
        (app_command, env), (built_in_command, env), (app_command, two_sessions_env), (app_command, rest_env),
        (baseline_command, env),
    )
    for command, start_env in starts:
        timed(command, start_env)  # warm the file cache for each
    times: list[list[float]] = [[] for _ in starts]
    for _ in range(RUNS):
        for (command, start_env), runs in zip(starts, times, strict=True):
            runs.append(timed(command, start_env))
    app_median, built_in_median, two_sessions_median, rest_median, baseline_median = (
        statistics.median(runs) for runs in times
    )
    ratio = app_median / baseline_median
    check = subprocess.run(
        [sys.executable, "-c", CHECK_REPORTLAB, str(demo)], capture_output=True, text=True, env=env, check=False
    )
    reportlab_free = "reportlab-not-imported" in check.stdout
    print(f"start-up to first paint, median of {RUNS} alternating runs ({env['QT_QPA_PLATFORM']}), "
          f"as of {TRAINING_DAY} (two sessions: {TWO_SESSIONS_DAY}, rest day: {REST_DAY}):")
    print(f"  SprintPlan, demo season file     {app_median:7.1f} ms")
    print(f"  SprintPlan, built-in demo        {built_in_median:7.1f} ms   "
          f"(ratio {built_in_median / baseline_median:.2f}, for comparison)")
    print(f"  SprintPlan, two sessions today   {two_sessions_median:7.1f} ms   "
          f"(ratio {two_sessions_median / baseline_median:.2f}, for comparison)")
    print(f"  SprintPlan, a rest day today     {rest_median:7.1f} ms   "
          f"(ratio {rest_median / baseline_median:.2f}, for comparison)")
    print(f"  bare QMainWindow + PlotWidget    {baseline_median:7.1f} ms")
    print(f"  ratio {ratio:.2f} (budget {BUDGET_RATIO})   {'ok' if ratio <= BUDGET_RATIO else 'OVER'}")
    print(f"  reportlab at start-up: {'not imported (ok)' if reportlab_free else 'IMPORTED'}")
    return 0 if ratio <= BUDGET_RATIO and reportlab_free else 1


if __name__ == "__main__":
    sys.exit(main())
