"""The athlete's usual week in the athlete dialog: for each weekday, hard, easy or rest on the
track, and whether lifting and plyometrics may go on that day."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from planner.document.model import WEEKDAY_NAMES, DayRhythm, TrackDay
from ui.dialogs.form_checks import hint_label

TRACK_TEXT = {TrackDay.HARD: "Hard", TrackDay.EASY: "Easy", TrackDay.REST: "Rest"}


class RhythmEditor(QWidget):
    """Seven rows, Monday first, as the document keeps them (whatever day weeks start on)."""

    changed = Signal()

    def __init__(self, rhythm: tuple[DayRhythm, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.track_boxes: list[QComboBox] = []
        self.lifting_checks: list[QCheckBox] = []
        self.plyometrics_checks: list[QCheckBox] = []

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.addWidget(QLabel("<b>Day</b>", self), 0, 0)
        grid.addWidget(QLabel("<b>Track</b>", self), 0, 1)
        grid.addWidget(QLabel("<b>Sessions allowed</b>", self), 0, 2, 1, 2)
        for day, name in enumerate(WEEKDAY_NAMES):
            track = QComboBox(self)
            track.setObjectName(f"track{name}")
            for kind, text in TRACK_TEXT.items():
                track.addItem(text, kind)
            lifting = QCheckBox("Lifting", self)
            lifting.setObjectName(f"lifting{name}")
            plyometrics = QCheckBox("Plyometrics", self)
            plyometrics.setObjectName(f"plyometrics{name}")
            label = QLabel(name, self)
            label.setBuddy(track)
            grid.addWidget(label, day + 1, 0)
            grid.addWidget(track, day + 1, 1)
            grid.addWidget(lifting, day + 1, 2)
            grid.addWidget(plyometrics, day + 1, 3)
            self.track_boxes.append(track)
            self.lifting_checks.append(lifting)
            self.plyometrics_checks.append(plyometrics)
            track.currentIndexChanged.connect(lambda _=0, d=day: self._track_changed(d))
            lifting.toggled.connect(self.changed)
            plyometrics.toggled.connect(self.changed)
        grid.setColumnStretch(4, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                "Weights go on hard track days that allow lifting, plyometrics on hard days that "
                "allow them; easy days get at most upper-body and accessory work.",
                self,
            )
        )
        layout.addLayout(grid)
        layout.addStretch(1)
        self.set_rhythm(rhythm)

    def set_rhythm(self, rhythm: tuple[DayRhythm, ...]) -> None:
        for day, entry in enumerate(rhythm):
            self.track_boxes[day].setCurrentIndex(self.track_boxes[day].findData(entry.track))
            self.lifting_checks[day].setChecked(entry.lifting)
            self.plyometrics_checks[day].setChecked(entry.plyometrics)
            self._track_changed(day)

    def set_day(self, day: int, track: TrackDay, *, lifting: bool, plyometrics: bool) -> None:
        """Set one weekday (0 = Monday) as the coach would with the mouse."""
        self.track_boxes[day].setCurrentIndex(self.track_boxes[day].findData(track))
        if track is not TrackDay.REST:
            self.lifting_checks[day].setChecked(lifting)
            self.plyometrics_checks[day].setChecked(plyometrics)

    def rhythm(self) -> tuple[DayRhythm, ...]:
        return tuple(
            DayRhythm(
                track=TrackDay(self.track_boxes[day].currentData()),
                lifting=self.lifting_checks[day].isChecked(),
                plyometrics=self.plyometrics_checks[day].isChecked(),
            )
            for day in range(len(WEEKDAY_NAMES))
        )

    def _track_changed(self, day: int) -> None:
        # A rest day has neither: unticking them keeps the document from saying otherwise.
        rest = self.track_boxes[day].currentData() == TrackDay.REST
        for check in (self.lifting_checks[day], self.plyometrics_checks[day]):
            if rest:
                check.setChecked(False)
            check.setEnabled(not rest)
        self.changed.emit()

