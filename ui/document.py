"""The open season: the document, its undo stack and the plans derived from it.

Every change goes through ``apply``: a pure edit from ``planner.document.edits`` gives the new
document, and one undo command keeps the documents before and after (they are immutable, so
keeping both costs nothing). Views never change the document or a plan themselves; they
listen to ``changed``, which carries what changed (``planner.document.changes.Changes``: which
athletes' plans, which days, competitions, settings, notes, and who started the edit), redraw
only what it flags and ask for the plans again, which are derived once per document. The
drag preview asks here too (``plan_in``) for the plan of the season a drop would make.

The window runs on a date (``today``). Before every edit the days before it are kept as they
are planned (``planner.engine.freeze.settle``), within the same undo step, so an edit changes
only the days to come; the past days it would have changed are named in its change set
(``Changes.held``) for the window to say so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.document.changes import Changes, changes_between, everything
from planner.document.model import Season
from planner.engine.freeze import run_date, settle
from planner.engine.generator import forget, generate, generate_all
from planner.engine.plan import Plan


class SnapshotCommand(QUndoCommand):
    """One undo step: the document before and after a coach's gesture."""

    def __init__(
        self,
        document: OpenSeason,
        text: str,
        before: Season,
        after: Season,
        initiator: object,
        held: tuple[tuple[str, date], ...] = (),
        plans: dict[str, Plan] | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self.before = before
        self.after = after
        # Who made the edit, and what it would have changed in the past, are told once, when
        # it is made; undo and redo are nobody's gesture.
        self._initiator = initiator
        self._held = held
        # The plans of ``after`` derived to find what was held, handed over once rather than
        # derived again by the views (and not kept for the life of the undo stack).
        self._plans = plans

    def redo(self) -> None:
        initiator, self._initiator = self._initiator, None
        held, self._held = self._held, ()
        plans, self._plans = self._plans, None
        self._document._set(self.after, initiator, held=held, plans=plans)

    def undo(self) -> None:
        self._document._set(self.before, None)


class OpenSeason(QObject):
    """The season being edited in a window."""

    changed = Signal(object)  # the document changed (edit, undo, redo, open): its Changes
    path_changed = Signal()
    clean_changed = Signal(bool)

    def __init__(
        self, season: Season, path: Path | None = None, parent: QObject | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today or run_date()
        self._season = season
        self._settled: Season | None = None
        self._path = path
        self._plans: dict[str, Plan] = {}
        self._what_if: tuple[Season, dict[str, Plan]] | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)

    @property
    def season(self) -> Season:
        return self._season

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_changed.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def settled(self) -> Season:
        """The document with its past kept as planned: what an edit starts from (the drag
        preview too, so it shows the past as the drop will leave it)."""
        if self._settled is None:
            self._settled = settle(self._season, self.today)
        return self._settled

    def apply(
        self,
        text: str,
        edit: Callable[[Season], Season],
        initiator: object = None,
        freeze: Iterable[tuple[str, date]] = (),
    ) -> Season:
        """Run a pure edit and push it as one undo step; ``EditError`` passes through.
        ``initiator`` (the view the coach made the change in) travels with the change set.
        The past, and the (athlete id, day) pairs in ``freeze`` (the day a record is made on),
        are kept as planned first, in the same step."""
        before = self._season
        freeze = tuple(freeze)
        settled = settle(self.settled, self.today, freeze) if freeze else self.settled
        after = edit(settled)
        if after == settled:
            return before
        held, plans = self._held(settled, after)
        # A day kept because something is recorded on it is the coach's own doing (a test
        # result's max dated its day): not news worth telling.
        held = tuple(pair for pair in held if pair not in freeze)
        self.undo_stack.push(SnapshotCommand(self, text, before, after, initiator, held, plans))
        return after

    def _held(self, settled: Season, after: Season) -> tuple[tuple[tuple[str, date], ...], dict[str, Plan]]:
        """The kept days the edit would have changed (held after it, not before), and the
        plans of ``after`` derived to find them."""
        held: list[tuple[str, date]] = []
        plans: dict[str, Plan] = {}
        for athlete_id in sorted(changes_between(settled, after).athletes):
            if after.find_athlete(athlete_id) is None or not after.frozen_spans(athlete_id):
                continue
            # Settling keeps days exactly as they are planned, so the document's own plan
            # holds the same days as the settled one's.
            earlier = self._plans.get(athlete_id)
            if earlier is None and settled.find_athlete(athlete_id) is not None:
                earlier = generate(settled, athlete_id)
            before_held = set(earlier.held) if earlier is not None else set()
            plan = plans[athlete_id] = generate(after, athlete_id)
            held += [(athlete_id, day) for day in plan.held if day not in before_held]
        return tuple(held), plans

    def replace(self, season: Season, path: Path | None) -> None:
        """A different document (New, Open, Restore): a fresh undo history."""
        self.undo_stack.clear()
        self._path = path
        # What the engine kept for the plans of the document before is of no use to this one.
        forget()
        self._set(season, None, everything(self._season, season))
        self.undo_stack.setClean()
        self.path_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self.undo_stack.setClean()
        self.set_path(path)

    def plan(self, athlete_id: str) -> Plan:
        """The plan the engine derives for the current document (computed once per document)."""
        plan = self._plans.get(athlete_id)
        if plan is None:
            plan = self._plans[athlete_id] = generate(self._season, athlete_id)
        return plan

    def find_plan(self, athlete_id: str) -> Plan | None:
        """The plan of ``athlete_id``, or None when the season has no such athlete."""
        return None if self._season.find_athlete(athlete_id) is None else self.plan(athlete_id)

    def plan_in(self, season: Season, athlete_id: str) -> Plan | None:
        """The athlete's plan in ``season``: the document's own when ``season`` is the document,
        else the plan of a season an edit would make (the drag preview), kept while that season
        is the last one asked about, so every view showing it shares one derivation."""
        if season is self._season:
            return self.find_plan(athlete_id)
        if season.find_athlete(athlete_id) is None:
            return None
        if self._what_if is None or self._what_if[0] is not season:
            self._what_if = (season, {})
        plans = self._what_if[1]
        plan = plans.get(athlete_id)
        if plan is None:
            plan = plans[athlete_id] = generate(season, athlete_id)
        return plan

    def plans(self) -> dict[str, Plan]:
        """Every athlete's plan, by athlete id (the squad generated together shares work)."""
        missing = {a.id for a in self._season.athletes} - self._plans.keys()
        if missing:
            for plan in generate_all(self._season, missing):
                self._plans[plan.athlete.id] = plan
        return {a.id: self._plans[a.id] for a in self._season.athletes}

    def _set(
        self,
        season: Season,
        initiator: object,
        changes: Changes | None = None,
        held: tuple[tuple[str, date], ...] = (),
        plans: dict[str, Plan] | None = None,
    ) -> None:
        before = self._season
        if changes is None:
            changes = changes_between(before, season, initiator)
        if held:
            changes = changes._replace(held=held)
        self._season = season
        self._settled = None
        # Only the plans the change may touch are derived again.
        self._plans = {} if changes.settings else {
            athlete_id: plan for athlete_id, plan in self._plans.items() if not changes.plan_of(athlete_id)
        }
        if plans:
            self._plans.update(plans)
        self._what_if = None
        self.changed.emit(changes)
