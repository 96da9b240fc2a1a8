"""The desktop entry point as a user or a packaging check runs it: a real process, offscreen."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.document.demo import demo_season
from planner.document.storage import DocumentError, save
from ui import app, launcher

SIZE_HINTS_NOTICE = "This plugin does not support propagateSizeHints()"


def _run(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "ui.launcher", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("launcher") / "demo.sprintplan"
    save(demo_season(), path)
    return path


def test_smoke_test_paints_once_and_exits_cleanly(demo_file: Path) -> None:
    result = _run("--smoke-test", str(demo_file))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line != SIZE_HINTS_NOTICE] == []


def test_smoke_test_refuses_a_bad_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sprintplan"
    bad.write_text("{", encoding="utf-8")
    result = _run("--smoke-test", str(bad))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "bad.sprintplan" in result.stderr and "line 1" in result.stderr


def test_smoke_test_needs_a_file() -> None:
    result = _run("--smoke-test")
    assert result.returncode == 2
    assert "needs exactly one season file" in result.stderr


# Libraries and modules only some commands need: a window start must not pay for them.
NOT_AT_START_UP = (
    "reportlab",
    "icalendar",
    "planner.cli.entry",
    "planner.imports.competitions",
    "ui.dialogs.printing",
    "ui.dialogs.athlete",
)


@pytest.mark.parametrize("with_file", [True, False], ids=["season file", "demo season"])
def test_start_up_leaves_out_what_only_other_commands_need(demo_file: Path, with_file: bool) -> None:
    # Schema validation is for files: the demo season needs none.
    unwanted = NOT_AT_START_UP if with_file else (*NOT_AT_START_UP, "jsonschema_rs")
    code = (
        "import sys\n"
        "from ui.launcher import main\n"
        "status = main(['--report-first-paint', *sys.argv[1:-1]])\n"
        "unwanted = sys.argv[-1].split(',')\n"
        "import gc\n"
        "print('status', status, [name for name in unwanted if name in sys.modules])\n"
        "print('collector', gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "print('icon given', not QApplication.instance().windowIcon().isNull())\n"
    )
    args = [demo_file.as_posix()] if with_file else []
    result = _run(*args, ",".join(unwanted), code=code)
    assert "first-paint" in result.stdout, result.stderr
    assert "status 0 []" in result.stdout
    # Paused while the window is built, on again (with the start-up heap frozen) once it is.
    assert "collector True True" in result.stdout
    # Given just after the first paint (the theme's icon, else the ones shipped in resources/).
    assert "icon given True" in result.stdout


def test_a_subcommand_still_runs_through_the_launcher(demo_file: Path) -> None:
    result = _run("check", str(demo_file))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip().endswith("ok")


def test_a_mistyped_subcommand_is_reported_not_opened() -> None:
    result = _run("chek")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_bad_file_opened_in_the_window_is_explained_in_it_not_only_on_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sprintplan"
    bad.write_text("{", encoding="utf-8")
    calls: list[dict[str, object]] = []

    def fake_run(path: Path | None, **options: object) -> int:
        calls.append({"path": path, **options})
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    try:
        assert launcher.main([str(bad)]) == 0
    finally:
        gc.enable()  # the launcher pauses the collector until the (here faked) window is built
    (call,) = calls
    assert call["path"] == bad and call["season"] is None
    problem = call["problem"]
    assert isinstance(problem, DocumentError) and problem.line == 1 and problem.path == str(bad)
    assert capsys.readouterr().err.count("\n") == 1


def test_the_collector_is_off_from_the_first_import_to_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def fake_open_window(path: str | None, **_options: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(launcher, "_open_window", fake_open_window)
    assert gc.isenabled()
    assert launcher.main([]) == 0
    assert seen == [False]
    assert gc.isenabled()  # as it was: the real window turns it on itself


def test_a_subcommand_and_a_refused_command_line_leave_the_collector_on(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--smoke-test"]) == 2
    assert gc.isenabled()
    assert launcher.main(["check", str(demo_file)]) == 0
    assert gc.isenabled()
    capsys.readouterr()
    code = (
        "import gc, sys\n"
        "from planner.cli import entry\n"
        "real = entry.main\n"
        "entry.main = lambda *a, **k: (print('collecting', gc.isenabled()), real(*a, **k))[1]\n"
        "from ui.launcher import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = _run("check", str(demo_file), code=code)
    assert result.returncode == 0, result.stderr
    assert "collecting True" in result.stdout


ROOT = Path(__file__).resolve().parents[2]


def test_make_run_opens_the_demo_untitled_and_writes_no_season_file() -> None:
    # `make run` once rewrote a demo file with --force on every run, wiping what the coach had
    # saved into it: the recipe now starts the window alone, which opens the built-in demo.
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", ".venv/.installed", "run"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )
    commands = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert commands == [".venv/bin/sprintplan"]
    assert "--force" not in result.stdout and "demo" not in result.stdout


def test_a_smoke_test_starts_as_a_first_window_and_keeps_no_settings(demo_file: Path, tmp_path: Path) -> None:
    # Qt's test mode keeps settings under ~/.qttest: a check that left the window's state
    # there (its panels closed, say) would have the next check start from it. Each run closes
    # the bottom panel once it has looked, so a second run that started from the first's state
    # would find that panel closed.
    code = (
        "import sys\n"
        "from ui import main_window\n"
        "shown = []\n"
        "original = main_window.MainWindow.show\n"
        "def show(self):\n"
        "    original(self)\n"
        "    docks = (self.palette_dock, self.inspector_dock, self.bottom_dock)\n"
        "    shown.append([dock.isVisible() for dock in docks])\n"
        "    self.bottom_dock.hide()\n"
        "main_window.MainWindow.show = show\n"
        "from ui.launcher import main\n"
        "print('status', main(['--smoke-test', sys.argv[1]]), 'docks', shown)\n"
    )
    # Every place a run could write to is under tmp_path, its own temporary folder too.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", code, str(demo_file)], capture_output=True, text=True,
                                env=env, timeout=120, check=False)
        assert "status 0 docks [[True, True, True]]" in result.stdout, result.stderr
    assert not [path for path in tmp_path.rglob("*") if path.suffix in (".conf", ".ini")]
    assert not list((tmp_path / "tmp").iterdir())
