"""Crash recovery: the open season is written to a recovery file every minute while it has
unsaved changes, and removed when the window closes normally. A recovery file found at the
next start means the previous run ended without closing, and the coach is offered it back.

The copy is written even when the season cannot be saved (it breaks a rule of the file
format): unsaved work matters most exactly then. Such a copy may not load back; it is then
kept under another name and the coach is told why, rather than deleted.
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
import json
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer

from planner.document.atomic import write_atomically
from planner.document.model import Season
from planner.document.storage import DocumentError, dumps_unchecked, load
from ui.document import OpenSeason

RECOVERY_NAME = "recovery.sprintplan"
INFO_NAME = "recovery.json"
UNREADABLE_PREFIX = "unreadable-recovery-"
DEFAULT_INTERVAL_MS = 60_000
# Recovery copies hold athletes' personal data, like season files.
_PRIVATE = 0o600


class Recovered(NamedTuple):
    season: Season
    original: Path | None
    saved_at: str


class UnreadableRecovery(NamedTuple):
    """A recovery copy that does not load: ``reason`` says why, ``kept`` where its text is."""

    kept: Path
    reason: str
    original: Path | None


class Autosave(QObject):
    def __init__(
        self,
        document: OpenSeason,
        folder: Path,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self.folder = folder
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.write_now)
        self._timer.start()
        # Once the season is saved (clean), the recovery copy is stale: drop it.
        document.clean_changed.connect(self._on_clean_changed)

    @property
    def recovery_file(self) -> Path:
        return self.folder / RECOVERY_NAME

    @property
    def info_file(self) -> Path:
        return self.folder / INFO_NAME

    def write_now(self) -> bool:
        """Write the recovery copy if there is unsaved work; True when written."""
        if not self._document.modified:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Not storage.save: that refuses a season breaking a rule, which is when the
            # coach cannot save either and the copy is the only one.
            text = dumps_unchecked(self._document.season)
            write_atomically(self.recovery_file, text.encode("utf-8"), _PRIVATE)
            info = {
                "original": str(self._document.path) if self._document.path else None,
                "saved_at": datetime.now().isoformat(timespec="seconds"),
            }
            write_atomically(self.info_file, json.dumps(info).encode("utf-8"), _PRIVATE)
        except OSError:
            # A failed recovery copy must never interrupt the coach; the next tick tries again.
            return False
        return True

    def discard(self) -> None:
        for path in (self.recovery_file, self.info_file, self.recovery_file.with_name(RECOVERY_NAME + ".bak")):
            path.unlink(missing_ok=True)

    def stop(self) -> None:
        self._timer.stop()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()


def find_recovery(folder: Path) -> Recovered | UnreadableRecovery | None:
    """The season a previous run left behind, or None.

    A copy that does not load is renamed aside (so it is not found again) and reported.
    """
    recovery = folder / RECOVERY_NAME
    if not recovery.exists():
        return None
    original, saved_at = _info(folder)
    try:
        season = load(recovery)
    except DocumentError as error:
        kept = _keep_aside(recovery, saved_at)
        return UnreadableRecovery(kept, error.message, original)
    return Recovered(season, original, saved_at)


def _info(folder: Path) -> tuple[Path | None, str]:
    try:
        info = json.loads((folder / INFO_NAME).read_text(encoding="utf-8"))
        original = Path(info["original"]) if info.get("original") else None
        return original, str(info.get("saved_at", ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, ""


def _keep_aside(recovery: Path, saved_at: str) -> Path:
    stamp = "".join(c for c in saved_at if c.isdigit()) or datetime.now().strftime("%Y%m%d%H%M%S")
    kept = recovery.with_name(f"{UNREADABLE_PREFIX}{stamp}.sprintplan")
    try:
        recovery.replace(kept)
    except OSError:
        return recovery
    return kept
