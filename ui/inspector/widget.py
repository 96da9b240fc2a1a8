"""The inspector: the selected athlete's selected day in full, and where a coach changes it.

It shows what the plan holds for the day (sessions, items, why they look as they do, the
day's warnings) and turns every change into one edit of the document through
``OpenSeason.apply``: item changes become an override of the session, and a moved session,
a reset and a locked week are the matching ``planner.document.edits`` functions. The plan is never
patched; the inspector redraws from the new plan when the document says it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.catalogue import exercise
from planner.document.changes import Changes
from planner.document.edits import Edit, EditError, mark_done_as_planned, mark_missed, remove_record
from planner.document.model import Athlete, Note, Season
from planner.document.sessions import Item, Session, SessionKind
from planner.engine.compliance import records_on
from planner.engine.plan import Day, Plan
from planner.engine.record_entry import EntryError
from planner.engine.session_edits import (
    SessionRef,
    allowed_loads,
    exercise_choices,
    find_override,
    is_week_locked,
    lock_edit,
    move_edit,
    new_item,
    original_session,
    override_edit,
    remove_session_edit,
    reset_edit,
    shown_session,
    unlock_edit,
    with_distance,
    with_exercise,
    with_load,
    with_percent,
    with_reps,
    with_sets,
)
from ui.document import OpenSeason
from ui.inspector.blocks import (
    MUTED_COLOUR,
    RemovedBlock,
    SessionBlock,
    WarningRow,
    plain_label,
)
from ui.inspector.header import DayHeader, empty_day_reason
from ui.inspector.note_row import NoteRow
from ui.inspector.table import Column
from ui.notes import AskNote, apply_note_edit, ask_note, notes_on, removal, undo_text
from ui.recording import record_edit, record_undo_text
from ui.selection import Selection
from ui.session_text import KIND_NAMES, date_text, short_day

if TYPE_CHECKING:
    from ui.inspector.record_card import RecordCard

__all__ = ["Inspector", "SessionRef"]

# New items of a session from the athlete and its current items.
ItemsChange = Callable[[Athlete, tuple[Item, ...]], list[Item]]
MESSAGE_STYLE = "QLabel { background: #fdecea; color: #8c1d18; border-radius: 4px; padding: 4px 6px; }"


def _day_of(card: RecordCard) -> tuple[tuple[str, date], ...]:
    # A day with something recorded on it keeps its prescription from then on.
    return ((card.ref.athlete_id, card.ref.day),)


def _tab_after_own_widgets(block: QWidget, card: QWidget) -> None:
    """Put ``card``'s widgets in the tab order right after the rest of ``block``'s, where a card
    built with its block has them: a widget made later joins the window's tab order at its end.
    """
    before = [w for w in _chain_within(block) if not card.isAncestorOf(w)]
    last = before[-1] if before else None
    for widget in _chain_within(card):
        if last is not None:
            QWidget.setTabOrder(last, widget)
        last = widget


def _chain_within(parent: QWidget) -> list[QWidget]:
    """The widgets inside ``parent`` that take focus, in tab order from ``parent`` on, up to the
    first widget of the chain that is not inside it."""
    found = []
    widget = parent.nextInFocusChain()
    while widget is not None and parent.isAncestorOf(widget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a number was expected, not {value!r}")
    return float(value)


class Inspector(QWidget):
    """The selected day of the selected athlete, editable; sized for a ~360 px side dock."""

    def __init__(
        self, document: OpenSeason, selection: Selection, parent: QWidget | None = None, *, cards_later: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.document = document
        self.selection = selection
        self._blocks: list[SessionBlock] = []
        self._cards: list[RecordCard] = []
        # ``cards_later``: the window opens on today, whose record cards sit under the sessions
        # they record, below what the panel shows at first. They are built when asked for
        # (``add_pending_cards``; the window asks just after its first paint), not with the day.
        self._cards_later = cards_later
        self._pending_cards: list[tuple[Athlete, Session, SessionBlock]] = []
        self._removed: list[RemovedBlock] = []
        self._warnings: list[WarningRow] = []
        self._notes: list[NoteRow] = []
        # How a note is asked for (the note dialog); tests answer instead.
        self.ask_note: AskNote = ask_note
        # What the inspector last drew: the athlete id and day.
        self._shown: tuple[str, date] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        content = QWidget(scroll)
        scroll.setWidget(content)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(8)

        self.header = DayHeader(content)
        self.header.lock_button.clicked.connect(self._lock_clicked)
        self._layout.addWidget(self.header)
        # The header's parts, for the main window and the tests.
        self.date_label = self.header.date_label
        self.details_label = self.header.details_label
        self.competitions_label = self.header.competitions_label
        self.badges_label = self.header.badges_label
        self.lock_button = self.header.lock_button

        self.message_label = plain_label("", content)
        self.message_label.setObjectName("inspectorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()  # styled when first shown: most of the time there is nothing to say
        self._layout.addWidget(self.message_label)

        self._body = QWidget(content)
        self._layout.addWidget(self._body)
        self._layout.addStretch(1)

        document.changed.connect(self._document_changed)
        selection.athlete_changed.connect(self._selection_changed)
        selection.day_changed.connect(self._selection_changed)
        self.refresh()

    # -----------------------------------------------------------------------------------------
    # What is shown

    def _athlete(self) -> Athlete | None:
        return self.document.season.find_athlete(self.selection.athlete_id)

    def _plan(self) -> Plan | None:
        return self.document.find_plan(self.selection.athlete_id)

    def _day(self) -> Day | None:
        plan = self._plan()
        return None if plan is None else plan.day(self.selection.day)

    def session_blocks(self) -> list[SessionBlock]:
        return list(self._blocks)

    def block(self, kind: SessionKind) -> SessionBlock | None:
        return next((b for b in self._blocks if b.ref.kind is kind), None)

    @property
    def today(self) -> date:
        """The window's date: days up to it take what was done; later days show the plan only."""
        return self.document.today

    def record_cards(self) -> list[RecordCard]:
        self.add_pending_cards()
        return list(self._cards)

    def record_card(self, kind: SessionKind) -> RecordCard | None:
        self.add_pending_cards()
        return next((c for c in self._cards if c.ref.kind is kind), None)

    def add_pending_cards(self) -> None:
        """Build the record cards the first day shown left for later (see ``cards_later``)."""
        self._cards_later = False
        if not self._pending_cards:
            return
        season = self.document.season
        pending, self._pending_cards = self._pending_cards, []
        cards = []
        for athlete, session, block in pending:
            card = self._record_card(season, athlete, session, block)
            block.show_entry(card, instead_of_items=False)
            _tab_after_own_widgets(block, card)
            cards.append(card)
        # In the order a day built at once has them: the sessions' cards, then moved sessions'.
        self._cards = cards + self._cards

    def removed_blocks(self) -> list[RemovedBlock]:
        return list(self._removed)

    def warning_rows(self) -> list[WarningRow]:
        return list(self._warnings)

    def note_rows(self) -> list[NoteRow]:
        return list(self._notes)

    def message(self) -> str:
        """The refusal shown to the coach ("" when there is none)."""
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def empty_text(self) -> str:
        label = self._body.findChild(QLabel, "inspectorEmpty")
        return label.text() if label is not None else ""

    def _document_changed(self, changes: Changes) -> None:
        self._show_message("")
        if changes.plan_of(self.selection.athlete_id) or changes.on(self.selection.day):
            self.refresh()

    def _selection_changed(self, _value: object) -> None:
        # Athlete and day chosen together arrive as two signals; the second has nothing new.
        if self._shown == (self.selection.athlete_id, self.selection.day):
            return
        self._show_message("")
        self.refresh()

    def refresh(self) -> None:
        season = self.document.season
        athlete = self._athlete()
        day = self.selection.day
        self._shown = (self.selection.athlete_id, day)
        plan = self._plan()
        plan_day = self._day()
        self.header.show_day(season, athlete, plan, plan_day, day)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        blocks: list[SessionBlock] = []
        cards: list[RecordCard] = []
        pending: list[tuple[Athlete, Session, SessionBlock]] = []
        removed: list[RemovedBlock] = []
        warnings: list[WarningRow] = []
        notes: list[NoteRow] = []
        if athlete is None or plan is None:
            layout.addWidget(self._empty_label("No athlete selected. Add an athlete to see their days."))
        elif plan_day is None:
            layout.addWidget(
                self._empty_label(
                    f"Outside the season ({date_text(season.first_day)} to {date_text(season.last_day)})."
                )
            )
        else:
            entry = day <= self.today
            # A past day's cards stand in for the sessions' tables: never left for later.
            later = self._cards_later and day == self.today
            for session in plan_day.sessions:
                block = self._session_block(season, plan, athlete, session)
                blocks.append(block)
                layout.addWidget(block)
                if later:
                    pending.append((athlete, session, block))
                elif entry:
                    card = self._record_card(season, athlete, session, block)
                    cards.append(card)
                    block.show_entry(card, instead_of_items=day < self.today)
            shown_kinds = {s.kind for s in plan_day.sessions}
            if entry:
                # A session recorded and later moved away keeps its card, with the plan it had.
                for kind, record in records_on(season, athlete.id, day).items():
                    if kind not in shown_kinds:
                        card = self._record_card(season, athlete, record.planned, body)
                        cards.append(card)
                        layout.addWidget(card)
            for override in season.overrides:
                if (
                    override.athlete_id == athlete.id
                    and override.date == day
                    and override.session is None
                    and override.kind not in shown_kinds
                ):
                    ref = SessionRef(athlete.id, day, override.kind)
                    gone = RemovedBlock(ref, override.replaced, body)
                    gone.reset_requested.connect(lambda ref=ref: self.reset_session(ref.kind))
                    removed.append(gone)
                    layout.addWidget(gone)
            if not plan_day.sessions and not cards:
                layout.addWidget(self._empty_label(empty_day_reason(plan, athlete, plan_day)))
            day_warnings = [w for w in plan.warnings if w.date == day]
            if day_warnings:
                layout.addWidget(self._warnings_heading(len(day_warnings)))
                for warning in day_warnings:
                    row = WarningRow(warning, body)
                    warnings.append(row)
                    layout.addWidget(row)
            notes = self._note_rows(season, athlete, body)
            for note_row in notes:
                layout.addWidget(note_row)
            layout.addWidget(self._add_note_button(body), 0, Qt.AlignmentFlag.AlignLeft)

        old = self._body
        for old_block in self._blocks:
            old_block.detach()
        self._layout.replaceWidget(old, body)
        # Later, not now: this may run from inside a table editor's commit in the old body.
        old.hide()
        old.deleteLater()
        self._body = body
        self._blocks, self._removed, self._warnings, self._notes = blocks, removed, warnings, notes
        self._cards = cards
        self._pending_cards = pending

    def _empty_label(self, text: str) -> QLabel:
        label = plain_label(text)
        label.setObjectName("inspectorEmpty")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(f"QLabel {{ color: {MUTED_COLOUR}; padding: 16px; }}")
        return label

    def _note_rows(self, season: Season, athlete: Athlete, body: QWidget) -> list[NoteRow]:
        rows = []
        for note in notes_on(season, self.selection.day, athlete.id):
            row = NoteRow(season, note, body)
            row.edit_requested.connect(lambda note=note: self.edit_note(note))
            row.remove_requested.connect(lambda note=note: self.remove_note(note))
            rows.append(row)
        return rows

    def _add_note_button(self, body: QWidget) -> QToolButton:
        button = QToolButton(body)
        button.setObjectName("addNoteButton")
        button.setText("Add note…")
        button.setToolTip("A note about this day, for this athlete or the whole squad")
        button.clicked.connect(lambda: self.add_note())
        return button

    def _warnings_heading(self, count: int) -> QLabel:
        label = QLabel(f"Warnings ({count})")
        label.setObjectName("inspectorWarningsHeading")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _session_block(self, season: Season, plan: Plan, athlete: Athlete, session: Session) -> SessionBlock:
        ref = SessionRef(athlete.id, session.date, session.kind)
        original = original_session(season, plan, ref)
        generated_ids: list[str | None] = []
        for row, item in enumerate(session.items):
            source = original.items[row] if original is not None and row < len(original.items) else None
            same_kind = source is not None and source.category is item.category
            generated_ids.append(source.exercise_id if same_kind and source is not None else None)
        block = SessionBlock(
            ref,
            session,
            choices=[exercise_choices(i, g) for i, g in zip(session.items, generated_ids, strict=True)],
            loads=[allowed_loads(i, athlete) for i in session.items],
            resettable=find_override(season, ref) is not None,
        )
        # The edit runs after the table's editor has closed: applying it redraws the inspector,
        # which replaces the table the editor belongs to.
        block.item_edited.connect(
            lambda row, column, value, ref=ref, shown=session: QTimer.singleShot(
                0, lambda: self._edit_if_current(ref, shown, row, Column(column), value)
            )
        )
        block.add_requested.connect(lambda exercise_id, kind=session.kind: self.add_item(kind, exercise_id))
        block.remove_requested.connect(lambda row, kind=session.kind: self.remove_item(kind, row))
        block.reset_requested.connect(lambda kind=session.kind: self.reset_session(kind))
        # From the event loop, not from inside the block's mouse handler: a drop redraws the
        # inspector, and the block may go while the drag runs, but no handler of it is running.
        block.drag_requested.connect(lambda block=block: QTimer.singleShot(0, lambda: self._drag(block)))
        return block

    def _record_card(self, season: Season, athlete: Athlete, session: Session, parent: QWidget) -> RecordCard:
        ref = SessionRef(athlete.id, session.date, session.kind)
        record = season.find_record((ref.athlete_id, ref.day, ref.kind))
        # The session as it was when it was recorded, whatever the plan says now.
        planned = session if record is None else record.planned
        # Imported with the first card: at start-up the cards come after the first paint.
        from ui.inspector.record_card import RecordCard

        card = RecordCard(ref, athlete, planned, record, parent)
        # Like the table's edits, a record runs from the event loop: it redraws the inspector,
        # and with it the card whose key press or click asked for it.
        later = QTimer.singleShot
        card.accept_requested.connect(lambda kind=ref.kind: later(0, lambda: self.accept_record(kind)))
        card.done_as_planned_requested.connect(lambda kind=ref.kind: later(0, lambda: self.done_as_planned(kind)))
        card.missed_requested.connect(lambda kind=ref.kind: later(0, lambda: self.mark_missed(kind)))
        card.clear_requested.connect(lambda kind=ref.kind: later(0, lambda: self.clear_record(kind)))
        return card

    def _drag(self, block: SessionBlock) -> None:
        if block in self._blocks:  # not redrawn away before the event loop came round
            block.start_drag(self)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        if text and not self.message_label.styleSheet():
            self.message_label.setStyleSheet(MESSAGE_STYLE)
        self.message_label.setVisible(bool(text))

    # -----------------------------------------------------------------------------------------
    # Changes

    def _apply(self, text: str, make_edit: Callable[[], Edit], freeze: tuple[tuple[str, date], ...] = ()) -> bool:
        """One undo step; a refusal is shown in the message line instead of raised. The days
        in ``freeze`` (a recorded session's) are kept as planned in the same step."""
        try:
            self.document.apply(text, make_edit(), initiator=self, freeze=freeze)
        except EditError as error:
            self._show_message(str(error))
            return False
        self._show_message("")
        return True

    def _current(self, kind: SessionKind) -> tuple[Athlete, Plan, SessionRef, Session] | None:
        athlete = self._athlete()
        plan = self._plan()
        if athlete is None or plan is None:
            return None
        session = shown_session(plan, self.selection.day, kind)
        if session is None:
            return None
        return athlete, plan, SessionRef(athlete.id, self.selection.day, kind), session

    def _undo_text(self, text: str, athlete: Athlete, day: date) -> str:
        return f"{text} ({athlete.name}, {short_day(day)})"

    def _change_items(self, kind: SessionKind, text: str, change: ItemsChange) -> bool:
        current = self._current(kind)
        if current is None:
            self._show_message(f"No {KIND_NAMES[kind].lower()} session on this day")
            return False
        athlete, plan, ref, session = current
        original = original_session(self.document.season, plan, ref)
        return self._apply(
            self._undo_text(text, athlete, ref.day),
            lambda: override_edit(ref, session, change(athlete, session.items), original),
        )

    def _edit_if_current(self, ref: SessionRef, shown: Session, row: int, column: Column, value: object) -> None:
        current = self._current(ref.kind)
        # The table the value was typed in may be gone (another edit, undo, new selection).
        if current is not None and current[2] == ref and current[3] == shown:
            self.edit_item(ref.kind, row, column, value)

    def edit_item(self, kind: SessionKind, row: int, column: Column, value: object) -> bool:
        """Change one value of one item (the table's editors end here); one undo step."""
        current = self._current(kind)
        if current is None or not 0 <= row < len(current[3].items):
            return False
        athlete, _plan, ref, session = current
        item = session.items[row]
        match column:
            case Column.SETS:
                changed, what = with_sets(item, round(_number(value)), athlete), "sets"
            case Column.REPS:
                changed, what = with_reps(item, round(_number(value)), athlete), "reps"
            case Column.PERCENT:
                changed, what = with_percent(item, _number(value), athlete), "% of max"
            case Column.LOAD:
                changed, what = with_load(item, _number(value), athlete), "load"
            case Column.DISTANCE:
                changed, what = with_distance(item, _number(value), athlete), "distance"
            case Column.EXERCISE:
                changed, what = with_exercise(item, str(value), athlete, ref.day), "exercise"
            case _:
                return False
        if changed == item:
            return False

        def change(_athlete: Athlete, items: tuple[Item, ...]) -> list[Item]:
            return [changed if i == row else other for i, other in enumerate(items)]

        return self._change_items(kind, f"Change {what} of {item.name}", change)

    def add_item(self, kind: SessionKind, exercise_id: str) -> bool:
        """Add an exercise (with sensible defaults) at the end of the session; one undo step."""
        day = self.selection.day

        def change(athlete: Athlete, items: tuple[Item, ...]) -> list[Item]:
            return [*items, new_item(exercise_id, athlete, day)]

        return self._change_items(kind, f"Add {exercise(exercise_id).name}", change)

    def remove_item(self, kind: SessionKind, row: int) -> bool:
        """Remove one exercise; removing the last one removes the session (reset brings it back)."""
        current = self._current(kind)
        if current is None or not 0 <= row < len(current[3].items):
            return False
        athlete, plan, ref, session = current
        name = session.items[row].name
        if len(session.items) == 1:
            original = original_session(self.document.season, plan, ref)
            text = self._undo_text(f"Remove {name} and the session", athlete, ref.day)
            return self._apply(text, lambda: remove_session_edit(ref, original))

        def change(_athlete: Athlete, items: tuple[Item, ...]) -> list[Item]:
            return [other for i, other in enumerate(items) if i != row]

        return self._change_items(kind, f"Remove {name}", change)

    def reset_session(self, kind: SessionKind) -> bool:
        """Back to the session the planner generated; one undo step."""
        athlete = self._athlete()
        if athlete is None:
            return False
        ref = SessionRef(athlete.id, self.selection.day, kind)
        text = self._undo_text(f"Reset {KIND_NAMES[kind].lower()} session", athlete, ref.day)
        return self._apply(text, lambda: reset_edit(ref))

    # What was done ----------------------------------------------------------------------------

    def _entry_card(self, kind: SessionKind | None) -> RecordCard | None:
        """The card an entry acts on: ``kind``'s, else the one being typed in, else the first
        session not recorded yet, else the first."""
        if kind is not None:
            return self.record_card(kind)
        self.add_pending_cards()
        focused = next((c for c in self._cards if c.isAncestorOf(self.focusWidget() or self)), None)
        if focused is not None:
            return focused
        return next((c for c in self._cards if c.recorded is None), self._cards[0] if self._cards else None)

    def _no_entry(self) -> bool:
        if self.selection.day > self.today:
            self._show_message(f"{date_text(self.selection.day)} is after today: what was done is entered "
                               "on the day or later")
        else:
            self._show_message("No session on this day to record")
        return False

    def _entry_refused(self, card: RecordCard, error: EntryError) -> bool:
        what = KIND_NAMES[card.ref.kind].lower()
        self._show_message(f"{card.athlete.name}'s {what} session on {card.ref.day.isoformat()}: {error}; "
                           "nothing was recorded")
        card.show_problem(self.document.season, error)
        return False

    def _record_text(self, text: str, card: RecordCard) -> str:
        return self._undo_text(f"{text}: {KIND_NAMES[card.ref.kind].lower()} session", card.athlete, card.ref.day)

    def accept_record(self, kind: SessionKind | None = None) -> bool:
        """Record what the card shows (Enter): "done as planned" when nothing was changed on a
        session not recorded yet. One undo step; a refusal is shown and nothing is recorded."""
        card = self._entry_card(kind)
        if card is None or card not in self._cards:
            return self._no_entry()
        if card.recorded is None and not card.is_changed():
            return self.done_as_planned(card.ref.kind)
        try:
            record = card.record()
        except EntryError as error:
            return self._entry_refused(card, error)
        if record == card.recorded:
            return False
        if self._apply(self._record_text(record_undo_text(record), card), lambda: record_edit(record), _day_of(card)):
            return True
        card.show_problem(self.document.season)
        return False

    def done_as_planned(self, kind: SessionKind | None = None) -> bool:
        """Every set as prescribed, in one step; an effort or note typed on the card is kept."""
        card = self._entry_card(kind)
        if card is None:
            return self._no_entry()
        ref, planned = card.ref, card.planned
        if card.extras_changed():
            # The effort, minutes or note just typed go with it.
            try:
                record = card.done_as_planned_record()
            except EntryError as error:
                return self._entry_refused(card, error)
            return self._apply(self._record_text("Done as planned", card), lambda: record_edit(record), _day_of(card))
        return self._apply(
            self._record_text("Done as planned", card),
            lambda: lambda season: mark_done_as_planned(season, ref.athlete_id, ref.day, ref.kind, planned),
            _day_of(card),
        )

    def mark_missed(self, kind: SessionKind | None = None) -> bool:
        card = self._entry_card(kind)
        if card is None:
            return self._no_entry()
        ref, planned = card.ref, card.planned
        return self._apply(
            self._record_text("Missed", card),
            lambda: lambda season: mark_missed(season, ref.athlete_id, ref.day, ref.kind, planned),
            _day_of(card),
        )

    def clear_record(self, kind: SessionKind | None = None) -> bool:
        card = self._entry_card(kind)
        if card is None or card.recorded is None:
            return self._no_entry() if card is None else False
        ref = card.ref
        return self._apply(
            self._record_text("Clear record", card),
            lambda: lambda season: remove_record(season, ref.athlete_id, ref.day, ref.kind),
        )

    # Notes ----------------------------------------------------------------------------------

    def add_note(self) -> bool:
        """A note on the selected day, for the selected athlete unless the coach changes that."""
        season = self.document.season
        edit = self.ask_note(self, season, None, self.selection.day, self.selection.athlete_id or None)
        return self._apply_note("Add note", edit)

    def edit_note(self, note: Note) -> bool:
        return self._apply_note(undo_text("Change", note), self.ask_note(self, self.document.season, note, None, None))

    def remove_note(self, note: Note) -> bool:
        return self._apply_note(undo_text("Remove", note), removal(note))

    def _apply_note(self, text: str, edit: Edit | None) -> bool:
        return apply_note_edit(self.document, text, edit, self._show_message, self)

    def move_session(self, ref: SessionRef, day: date) -> bool:
        """Move any athlete's session (what a session dropped on a calendar day asks); refusals are shown."""
        season = self.document.season
        athlete = season.find_athlete(ref.athlete_id)
        if athlete is None:
            self._show_message(f"No athlete with id {ref.athlete_id!r}")
            return False
        plan = self.document.plan(ref.athlete_id)
        text = self._undo_text(
            f"Move {KIND_NAMES[ref.kind].lower()} session to {short_day(day)}", athlete, ref.day
        )
        return self._apply(text, lambda: move_edit(season, plan, ref, day))

    def set_week_locked(self, locked: bool) -> bool:
        """Lock (freeze as shown now) or unlock the week holding the selected day."""
        athlete = self._athlete()
        plan = self._plan()
        if athlete is None or plan is None:
            return False
        season = self.document.season
        day = self.selection.day
        start = season.week_of(day)
        if locked == is_week_locked(season, athlete.id, day):
            return False
        if locked:
            return self._apply(
                self._undo_text(f"Lock week {season.week_number(day)}", athlete, start),
                lambda: lock_edit(season, plan, athlete.id, day),
            )
        return self._apply(
            self._undo_text(f"Unlock week {season.week_number(day)}", athlete, start),
            lambda: unlock_edit(season, athlete.id, day),
        )

    def _lock_clicked(self, checked: bool) -> None:
        if not self.set_week_locked(checked):
            # Refused or nothing to do: the button shows the document again.
            self.refresh()
