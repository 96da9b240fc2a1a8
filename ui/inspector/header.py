"""The top of the inspector: the day, the athlete's phase and track day, the competitions,
the day's marks (deload, taper, locked week, kept as planned) and the button that locks the week."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.document.model import Athlete, Season, TrackDay
from planner.engine.plan import Day, PhaseKind, Plan
from planner.engine.session_edits import is_week_locked
from ui.inspector.blocks import plain_label, small_label
from ui.session_text import day_title

COMPETITION_STYLE = "QLabel { background: #fbe7a6; color: #202124; border-radius: 4px; padding: 4px 6px; }"
TRACK_DAY_TEXT = {TrackDay.HARD: "hard track day", TrackDay.EASY: "easy track day", TrackDay.REST: "rest day"}
DELOAD_COLOUR = "#d7e8f7"
TAPER_COLOUR = "#fbe7a6"
LOCKED_COLOUR = "#e3e3e3"
KEPT_COLOUR = "#e6e0f3"
HELD_COLOUR = "#f3e0ea"


def competition_name(plan: Plan, competition_id: str) -> str:
    """"National Championships (A)"."""
    competition = next((c for c in plan.competitions if c.id == competition_id), None)
    if competition is None:
        return competition_id
    return f"{competition.name} ({competition.priority.value})"


def empty_day_reason(plan: Plan, athlete: Athlete, plan_day: Day) -> str:
    """Why a day has no session, in the words a coach would use."""
    if plan_day.competitions:
        return f"Competition day: {plan.competition_names(plan_day)}"
    track = athlete.rhythm[plan_day.date.weekday()].track
    if track is TrackDay.REST:
        return "Rest day"
    if track is TrackDay.EASY:
        return "No session planned (easy day)"
    phase = plan.phase_on(plan_day.date)
    if phase is not None and plan_day.phase is PhaseKind.TRANSITION:
        return f"No session planned ({phase.name.lower()}: recovery between seasons)"
    return "No session planned (hard track day; this week's sessions are on other days)"


class DayHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorHeader")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.date_label = plain_label("", self)
        self.date_label.setObjectName("inspectorDate")
        font = self.date_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.date_label.setFont(font)
        self.date_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.date_label, 1)
        self.lock_button = QPushButton("Lock week", self)
        self.lock_button.setObjectName("lockWeekButton")
        self.lock_button.setCheckable(True)
        top.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.details_label = small_label("", self)
        self.details_label.setObjectName("inspectorDetails")
        layout.addWidget(self.details_label)

        self.competitions_label = plain_label("", self)
        self.competitions_label.setObjectName("inspectorCompetitions")
        self.competitions_label.setWordWrap(True)
        # Styled when first shown: most days have no competition.
        self.competitions_label.hide()
        layout.addWidget(self.competitions_label)

        # One wrapping rich-text line rather than a row of widgets: a narrow dock wraps it.
        self.badges_label = QLabel(self)
        self.badges_label.setObjectName("inspectorBadges")
        self.badges_label.setWordWrap(True)
        self.badges_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.badges_label)

    def show_day(
        self, season: Season, athlete: Athlete | None, plan: Plan | None, plan_day: Day | None, day: date
    ) -> None:
        self.date_label.setText(day_title(day))
        self.lock_button.setEnabled(athlete is not None and plan_day is not None)
        locked = athlete is not None and is_week_locked(season, athlete.id, day)
        self.lock_button.setChecked(locked)
        self.lock_button.setText("Week locked" if locked else "Lock week")
        self.lock_button.setToolTip(
            "Unlock: the planner fills this week again from the rules"
            if locked
            else "Freeze this week as it is now: later changes to the season do not re-plan it"
        )
        if athlete is None or plan is None or plan_day is None:
            self.details_label.setText("")
            self.competitions_label.hide()
            self._show_badges([])
            return
        phase = plan.phase_on(day)
        track = TRACK_DAY_TEXT[athlete.rhythm[day.weekday()].track]
        phase_name = phase.name if phase is not None else plan_day.phase.value
        self.details_label.setText(" · ".join([athlete.name, phase_name, f"week {season.week_number(day)}", track]))
        names = [competition_name(plan, c) for c in plan_day.competitions]
        self.competitions_label.setText("Competition: " + ", ".join(names) if names else "")
        if names and not self.competitions_label.styleSheet():
            self.competitions_label.setStyleSheet(COMPETITION_STYLE)
        self.competitions_label.setVisible(bool(names))
        badges: list[tuple[str, str, str]] = []
        if plan_day.deload:
            badges.append(("Deload week", DELOAD_COLOUR, "Deload week: the lighter week of the load wave"))
        if plan_day.taper_for is not None:
            name = competition_name(plan, plan_day.taper_for)
            badges.append((f"Taper for {name}", TAPER_COLOUR, "Taper: less volume, intensity kept"))
        if plan_day.locked:
            badges.append(("Locked week", LOCKED_COLOUR, "Locked week: the planner keeps the week as it was locked"))
        if plan_day.frozen:
            badges.append(("Kept as planned", KEPT_COLOUR,
                           "A day gone by, or with something recorded on it: its prescription stays as it was "
                           "planned, whatever changes later"))
            if day in plan.held:
                badges.append(("The plan has moved on", HELD_COLOUR,
                               "Worked out again today this day would look different (a competition, max or "
                               "rhythm changed since); it keeps what was prescribed then"))
        self._show_badges(badges)

    def _show_badges(self, badges: list[tuple[str, str, str]]) -> None:
        spans = [
            f"<span style='background-color:{bg};'>&nbsp;{escape(text, quote=False)}&nbsp;</span>"
            for text, bg, _ in badges
        ]
        self.badges_label.setText(" ".join(spans))
        self.badges_label.setToolTip("\n".join(tip for _, _, tip in badges))
        self.badges_label.setVisible(bool(badges))
