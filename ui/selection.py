"""What the coach is looking at: the athlete, the day and the competition selected.

One object shared by the calendar, the inspector, the squad view and the panels, so that
selecting in one view shows in every other without the views knowing each other.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    athlete_changed = Signal(str)  # athlete id ("" when the squad is empty)
    day_changed = Signal(object)  # datetime.date
    competition_changed = Signal(object)  # competition id or None

    def __init__(self, athlete_id: str, day: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._athlete_id = athlete_id
        self._day = day
        self._competition_id: str | None = None

    @property
    def athlete_id(self) -> str:
        return self._athlete_id

    @property
    def day(self) -> date:
        return self._day

    @property
    def competition_id(self) -> str | None:
        return self._competition_id

    def set_athlete(self, athlete_id: str) -> None:
        if athlete_id != self._athlete_id:
            self._athlete_id = athlete_id
            self.athlete_changed.emit(athlete_id)

    def set_day(self, day: date) -> None:
        if day != self._day:
            self._day = day
            self.day_changed.emit(day)

    def select(self, athlete_id: str, day: date) -> None:
        """Athlete and day at once: a view answering either signal already sees both."""
        athlete_changed, day_changed = athlete_id != self._athlete_id, day != self._day
        self._athlete_id, self._day = athlete_id, day
        if athlete_changed:
            self.athlete_changed.emit(athlete_id)
        if day_changed:
            self.day_changed.emit(day)

    def set_competition(self, competition_id: str | None) -> None:
        if competition_id != self._competition_id:
            self._competition_id = competition_id
            self.competition_changed.emit(competition_id)
