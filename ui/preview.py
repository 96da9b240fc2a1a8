"""The drag preview: the season as it would be if the competition being dragged were dropped on
the hovered day, shared by the calendar (which the drag is over) and the load chart.

The pure edit runs on the document as it is; the plan comes from the document's plan cache
(``OpenSeason.plan_in``), so the calendar and the chart draw the same plan, derived once per
hovered day. The undo stack is never touched: only a drop changes the document.
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from planner.document.edits import Edit, EditError, add_competition, move_competition
from planner.document.model import Season
from planner.engine.plan import Plan
from ui.document import OpenSeason
from ui.mime import CompetitionTemplate, DraggedCompetition, Payload
from ui.selection import Selection


class Preview(NamedTuple):
    """What a drag would do if dropped on ``day``; ``season`` None when the edit is refused,
    and ``refusal`` then says why. ``plan`` is the selected athlete's plan in ``season``."""

    payload: Payload
    day: date
    season: Season | None
    plan: Plan | None
    refusal: str = ""


def drop_edit(payload: Payload, day: date, name: str | None = None) -> Edit:
    """The edit a drop of ``payload`` on ``day`` makes (a new competition gets ``name``, by
    default the name the naming dialog suggests)."""
    if isinstance(payload, DraggedCompetition):
        competition_id = payload.competition_id

        def move(season: Season) -> Season:
            return move_competition(season, competition_id, day)

        return move
    template: CompetitionTemplate = payload
    chosen = template.suggested_name() if name is None else name

    def add(season: Season) -> Season:
        return add_competition(season, name=chosen, start=day, end=day, priority=template.priority,
                               indoor=template.indoor, athletes=None)

    return add


class DragPreview(QObject):
    """The preview of the drag in progress, if any."""

    # The previewed plan when one is shown (a new one on every hovered day), None when the
    # preview ends; a refused day shows no plan and says nothing here.
    changed = Signal(object)

    def __init__(self, document: OpenSeason, selection: Selection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self._current: Preview | None = None

    @property
    def current(self) -> Preview | None:
        return self._current

    def plan(self) -> Plan | None:
        """The previewed plan, None when no preview is shown (or the hovered day refuses the drop)."""
        return None if self._current is None else self._current.plan

    def hover(self, payload: Payload, day: date | None) -> Preview | None:
        """Preview ``payload`` dropped on ``day`` (None: off the season, no preview); the same
        payload and day again change nothing."""
        current = self._current
        if current is not None and (current.payload, current.day) == (payload, day):
            return current
        self._set(None if day is None else self._build(payload, day))
        return self._current

    def end(self) -> None:
        if self._current is not None:
            self._set(None)

    def _build(self, payload: Payload, day: date) -> Preview:
        try:
            season = drop_edit(payload, day)(self.document.settled)
        except EditError as error:
            return Preview(payload, day, None, None, refusal=str(error))
        return Preview(payload, day, season, self.document.plan_in(season, self.selection.athlete_id))

    def _set(self, preview: Preview | None) -> None:
        before = self.plan()
        self._current = preview
        after = self.plan()
        if after is not None:
            self.changed.emit(after)
        elif before is not None:
            self.changed.emit(None)
