"""User preferences kept between runs (window geometry, recent files, the export folder).

Seasons are documents, never settings. The QSettings object is injected so tests use a
throwaway file instead of the coach's real preferences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_KEY = "files/recent"
EXPORT_FOLDER_KEY = "files/exportFolder"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
MAX_RECENT = 8


class AppSettings:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_files(self) -> list[Path]:
        value = self._settings.value(RECENT_KEY, [])
        # QSettings returns a lone string for a one-item list, and anything for a damaged file.
        values: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        paths = [Path(v) for v in values if isinstance(v, str) and v]
        return paths[:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        resolved = path.resolve()
        paths = [resolved] + [p for p in self.recent_files() if p != resolved]
        self._settings.setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        paths = [p for p in self.recent_files() if p != path]
        self._settings.setValue(RECENT_KEY, [str(p) for p in paths])

    def export_folder(self) -> Path | None:
        """The folder the last export went to, while it still exists."""
        value = self._settings.value(EXPORT_FOLDER_KEY)
        if not isinstance(value, str) or not value:
            return None
        folder = Path(value)
        return folder if folder.is_dir() else None

    def set_export_folder(self, folder: Path) -> None:
        self._settings.setValue(EXPORT_FOLDER_KEY, str(folder.resolve()))

    def geometry(self) -> QByteArray | None:
        value = self._settings.value(GEOMETRY_KEY)
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value(STATE_KEY)
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue(GEOMETRY_KEY, geometry)
        self._settings.setValue(STATE_KEY, state)

    def sync(self) -> None:
        self._settings.sync()
