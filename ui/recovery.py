"""Crash recovery: the open season is written to a recovery file every minute while it has
unsaved changes, and removed when the window closes normally. A recovery file found at the
next start means the previous run ended without closing, and the coach is offered it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from planner.model import Season
from planner.storage import DocumentError, load, save
from ui.document import OpenSeason

RECOVERY_NAME = "recovery.sprintplan"
INFO_NAME = "recovery.json"
DEFAULT_INTERVAL_MS = 60_000


@dataclass(frozen=True)
class Recovered:
    season: Season
    original: Path | None
    saved_at: str


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
            save(self._document.season, self.recovery_file)
            info = {
                "original": str(self._document.path) if self._document.path else None,
                "saved_at": datetime.now().isoformat(timespec="seconds"),
            }
            temporary = self.info_file.with_suffix(".tmp")
            temporary.write_text(json.dumps(info), encoding="utf-8")
            temporary.replace(self.info_file)
        except (OSError, DocumentError):
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


def find_recovery(folder: Path) -> Recovered | None:
    """The season a previous run left behind, or None (a damaged copy is removed)."""
    recovery = folder / RECOVERY_NAME
    if not recovery.exists():
        return None
    try:
        season = load(recovery)
    except DocumentError:
        recovery.unlink(missing_ok=True)
        return None
    original: Path | None = None
    saved_at = ""
    try:
        info = json.loads((folder / INFO_NAME).read_text(encoding="utf-8"))
        original = Path(info["original"]) if info.get("original") else None
        saved_at = str(info.get("saved_at", ""))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return Recovered(season, original, saved_at)
