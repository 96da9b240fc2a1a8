"""Saving into a folder that fights back, through the real program: the season is saved, and
the coach reads one line about what could not be kept, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planner.document.demo import demo_season
from planner.document.storage import load, save

PROGRAM = Path(sys.executable).with_name("sprintplan")
SPREADSHEET = Path(__file__).parents[1] / "fixtures" / "import" / "competitions.csv"


def test_a_folder_named_like_the_backup_leaves_one_line_and_a_saved_season(tmp_path: Path) -> None:
    season_file = tmp_path / "squad.sprintplan"
    save(demo_season(), season_file)
    (tmp_path / "squad.sprintplan.bak").mkdir()

    result = subprocess.run(
        [str(PROGRAM), "import-competitions", str(season_file), str(SPREADSHEET), "--yes"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "sprintplan: saved, but the previous version could not be kept as squad.sprintplan.bak: "
        "a folder of that name is in the way"
    ]
    assert f"to {season_file}.\n" in result.stdout
    assert "kept as" not in result.stdout
    assert len(load(season_file).competitions) > len(demo_season().competitions)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["squad.sprintplan", "squad.sprintplan.bak"]


def test_the_real_program_names_a_picture_as_no_season_file(tmp_path: Path) -> None:
    picture = tmp_path / "team photo.sprintplan"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    result = subprocess.run(
        [str(PROGRAM), "check", str(picture)], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 2
    assert result.stderr == (
        f"sprintplan: {picture}: This is not a SprintPlan season file (it looks like a PNG picture)\n"
    )


_SAVER = """
import sys
from planner.document.storage import load, save
path = sys.argv[1]
season = load(path)
number = int(season.name.split()[-1])
print("ready", flush=True)
while True:
    number += 1
    save(season._replace(name=f"Version {number}"), path)
"""


def _version(path: Path) -> int:
    return int(load(path).name.split()[-1])


def test_saves_killed_at_random_leave_a_whole_file_a_recent_backup_and_no_litter(tmp_path: Path) -> None:
    import random
    import signal
    import time

    target = tmp_path / "squad.sprintplan"
    save(demo_season()._replace(name="Version 1"), target)
    save(demo_season()._replace(name="Version 2"), target)
    chance = random.Random(11)
    for _ in range(6):
        saver = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None and saver.stdout.readline() == "ready\n"
        time.sleep(chance.uniform(0.05, 0.4))
        saver.send_signal(signal.SIGKILL)
        saver.wait(timeout=30)
        saver.stdout.close()
        # Killed while saving, not stopped by an error of its own before the kill.
        assert saver.stderr is not None and saver.stderr.read() == ""
        saver.stderr.close()
        # Whatever the moment: the file and its backup load, and the backup is the version
        # before the file's or the same, never older.
        assert _version(target) - _version(target.with_name("squad.sprintplan.bak")) in (0, 1)

    save(demo_season()._replace(name="Version 999999"), target)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["squad.sprintplan", "squad.sprintplan.bak"]
