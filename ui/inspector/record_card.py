"""The session card's grid: what was planned beside what was done, typed in from the keyboard.

One card per session of a day up to today. Each prescribed set is a row: the set as planned
("5 x 120 kg"), then the reps and the load (a drill: the metres) done, prefilled with the plan,
or with the record when there is one. Tab goes from set to set, then to the effort, minutes and
note; Enter asks for the card to be recorded; Escape puts back what the card showed. The card
reads nothing itself: it hands its text to ``planner.engine.record_entry`` and the inspector
turns the result into one edit.
"""

# Annotations are evaluated here: typing compiles a string annotation per named-tuple field when the class is made.
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.model import Athlete, Season
from planner.document.records import DoneItem, RecordStatus, SessionRecord
from planner.document.sessions import Session
from planner.document.validation import record_problems
from planner.engine.record_entry import (
    EntryError,
    Place,
    SetCells,
    as_planned_items,
    derived_status,
    entry_record,
    entry_units,
    planned_lines,
    problem_place,
    record_cells,
    sets_from_cells,
)
from planner.engine.session_edits import SessionRef
from ui.inspector.blocks import MUTED_COLOUR, plain_label, small_label
from ui.recording import band_tint, recorded_text, recorded_tip
from ui.session_text import KIND_NAMES, item_text, number

STATUS_NAMES = {status: status.words.capitalize() for status in RecordStatus}
CHANGED_STYLE = "QLineEdit { color: #1f4e99; font-weight: bold; }"
CELL_WIDTH = 52


class SetRow(NamedTuple):
    """The two cells of one set (the load cell is a drill's distance; None: body weight)."""

    reps: QLineEdit
    amount: QLineEdit | None


class _Cell(QLineEdit):
    """A card cell: Escape goes up to the card (which reverts) instead of stopping here."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)


class RecordCard(QFrame):
    """One session's record, as the coach types it in."""

    accept_requested = Signal()
    done_as_planned_requested = Signal()
    missed_requested = Signal()
    clear_requested = Signal()

    def __init__(
        self,
        ref: SessionRef,
        athlete: Athlete,
        planned: Session,
        record: SessionRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ref = ref
        self.athlete = athlete
        self.planned = planned
        self.recorded = record
        # A recorded session is shown, edited and kept in the units it was recorded in: read in
        # units the athlete switched to later, its numbers would be other masses.
        self.units = entry_units(athlete, record)
        self._status_by_hand = False
        self._prefill = record_cells(record, planned, self.units)
        self._as_planned = record_cells(None, planned, self.units)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        heading = plain_label(f"{KIND_NAMES[planned.kind]}: what was done", self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addStretch(1)
        layout.addLayout(top)
        # On its own line: beside the heading it would widen the card past the panel's edge.
        self.recorded_label = plain_label("", self)
        self.recorded_label.setObjectName("recordedStatus")
        layout.addWidget(self.recorded_label, 0, Qt.AlignmentFlag.AlignLeft)
        self._buttons_row = QHBoxLayout()
        layout.addLayout(self._buttons_row)

        # Built in the order Tab visits them: the sets, then effort, minutes and note. The
        # buttons come last so Tab never stops on them between two sets.
        self.rows: list[list[SetRow]] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        line = 0
        if planned.items:
            grid.addWidget(small_label("Planned", self, wrap=False), line, 1)
            done = small_label("Done", self, wrap=False)
            done.setToolTip("Reps done, and the load lifted (a drill: the metres per rep); empty reps: not done")
            grid.addWidget(done, line, 2, 1, 3)
            line += 1
        lines = planned_lines(planned, self.units)
        for i, item in enumerate(planned.items):
            name = plain_label(item_text(item), self)
            name.setObjectName("recordItem")
            name.setWordWrap(True)
            grid.addWidget(name, line, 0, 1, 5)
            line += 1
            item_rows: list[SetRow] = []
            for k, typed in enumerate(self._prefill[i]):
                planned_set = next((s for s in lines if s.item_index == i and s.set_index == k), None)
                grid.addWidget(small_label(f"Set {k + 1}", self, wrap=False), line, 0)
                shown = "extra set" if planned_set is None else _planned_text(
                    planned_set.reps, planned_set.load, planned_set.distance_m, self.units.value
                )
                grid.addWidget(small_label(shown, self, wrap=False), line, 1)
                reps = self._cell(typed.reps, f"{item.name}, set {k + 1}: reps done (empty: not done)")
                grid.addWidget(reps, line, 2)
                amount: QLineEdit | None = None
                plyometric = planned_set.plyometric if planned_set is not None else item.distance_m is not None
                # A lift takes a load even when none was prescribed (the dumbbells an
                # accessory was done with); a jump in place has no distance to type.
                has_amount = not plyometric or typed.amount != "" or item.distance_m is not None
                if has_amount:
                    grid.addWidget(small_label("x", self, wrap=False), line, 3)
                    unit = "m" if plyometric else self.units.value
                    what = "metres per rep" if plyometric else "load"
                    amount = self._cell(typed.amount, f"{item.name}, set {k + 1}: {what} ({unit})")
                    box = QHBoxLayout()
                    box.setSpacing(2)
                    box.addWidget(amount)
                    box.addWidget(small_label(unit, self, wrap=False))
                    grid.addLayout(box, line, 4)
                item_rows.append(SetRow(reps, amount))
                line += 1
            self.rows.append(item_rows)
        layout.addLayout(grid)
        if not planned.items:
            layout.addWidget(small_label("Nothing was prescribed: record how the session went.", self))

        facts = QHBoxLayout()
        facts.setSpacing(4)
        effort, minutes, note = _extras(record)
        self.effort = self._cell(effort, "Session effort the athlete reported, 0 (rest) to 10 (maximal)")
        self.effort.setObjectName("recordEffort")
        self.effort.setPlaceholderText(number(planned.effort))
        self.minutes = self._cell(minutes, "How long the session took, in minutes")
        self.minutes.setObjectName("recordMinutes")
        self.minutes.setPlaceholderText(str(planned.minutes))
        facts.addWidget(small_label("Effort", self, wrap=False))
        facts.addWidget(self.effort)
        facts.addWidget(small_label("/10  Minutes", self, wrap=False))
        facts.addWidget(self.minutes)
        facts.addStretch(1)
        layout.addLayout(facts)
        self.note = _Cell(note, self)
        self.note.setObjectName("recordNote")
        self.note.setPlaceholderText("Note (how it went, why it was cut short)")
        self.note.returnPressed.connect(self.accept_requested)
        self.note.textEdited.connect(lambda _text: self._typed())
        layout.addWidget(self.note)

        bottom = QHBoxLayout()
        bottom.addWidget(small_label("Status", self, wrap=False))
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("recordStatusBox")
        self.status_box.setToolTip("Read from the sets as they are typed; choose to say otherwise")
        for status, status_name in STATUS_NAMES.items():
            self.status_box.addItem(status_name, status)
        self.status_box.activated.connect(self._status_chosen)
        bottom.addWidget(self.status_box)
        bottom.addStretch(1)
        self.record_button = QPushButton("Record", self)
        self.record_button.setObjectName("recordButton")
        self.record_button.setToolTip("Keep what the card shows (Enter)")
        self.record_button.clicked.connect(self.accept_requested)
        bottom.addWidget(self.record_button)
        self.revert_button = QPushButton("Revert", self)
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setToolTip("Put back what the card showed (Esc)")
        self.revert_button.clicked.connect(self.revert)
        bottom.addWidget(self.revert_button)
        layout.addLayout(bottom)

        self.done_button = QPushButton("Done as planned", self)
        self.done_button.setObjectName("doneAsPlannedButton")
        self.done_button.setToolTip("Every set as prescribed, in one click (Ctrl+D)")
        self.done_button.clicked.connect(self.done_as_planned_requested)
        self.missed_button = QPushButton("Missed", self)
        self.missed_button.setObjectName("missedButton")
        self.missed_button.setToolTip("The athlete did not do this session (Ctrl+M)")
        self.missed_button.clicked.connect(self.missed_requested)
        self._buttons_row.addWidget(self.done_button)
        self._buttons_row.addWidget(self.missed_button)
        self.clear_button: QPushButton | None = None
        if record is not None:
            self.clear_button = QPushButton("Clear", self)
            self.clear_button.setObjectName("clearRecordButton")
            self.clear_button.setToolTip("Forget what was recorded for this session")
            self.clear_button.clicked.connect(self.clear_requested)
            self._buttons_row.addWidget(self.clear_button)
        self._buttons_row.addStretch(1)
        for button in (self.record_button, self.revert_button, self.done_button, self.missed_button,
                       self.clear_button):
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self._show_recorded()
        self._show_status(self._status_unchosen())
        self._mark_changed()

    # Cells ---------------------------------------------------------------------------------

    def _cell(self, text: str, tip: str) -> QLineEdit:
        cell = _Cell(text, self)
        cell.setObjectName("recordCell")
        cell.setToolTip(tip)
        cell.setFixedWidth(CELL_WIDTH)
        cell.setAlignment(Qt.AlignmentFlag.AlignRight)
        cell.returnPressed.connect(self.accept_requested)
        cell.textEdited.connect(lambda _text: self._typed())
        return cell

    def cells(self) -> tuple[tuple[SetCells, ...], ...]:
        """What is typed in the sets now."""
        return tuple(
            tuple(SetCells(row.reps.text(), "" if row.amount is None else row.amount.text()) for row in item_rows)
            for item_rows in self.rows
        )

    def first_cell(self) -> QLineEdit:
        return self.rows[0][0].reps if self.rows and self.rows[0] else self.effort

    def extras_changed(self) -> bool:
        """Whether the effort, minutes or note differ from what the card showed."""
        return (self.effort.text(), self.minutes.text(), self.note.text()) != _extras(self.recorded)

    def is_changed(self) -> bool:
        """Whether anything differs from what the card showed when it was drawn."""
        return self.cells() != self._prefill or self._status_by_hand or self.extras_changed()

    def record(self) -> SessionRecord:
        """The record the card's values make; EntryError when something typed is not a value."""
        items = sets_from_cells(self.planned, self.cells())
        status = self.status() if self._status_by_hand else self._kept_status()
        return entry_record(
            self.athlete, self.ref.day, self.planned, items, effort=self.effort.text(),
            minutes=self.minutes.text(), note=self.note.text(), status=status, units=self.units,
        )

    def done_as_planned_record(self) -> SessionRecord:
        """Every set as prescribed, with the effort, minutes and note on the card."""
        return entry_record(
            self.athlete, self.ref.day, self.planned, as_planned_items(self.planned, self.athlete.units),
            effort=self.effort.text(), minutes=self.minutes.text(), note=self.note.text(), status=RecordStatus.DONE,
        )

    def cell_at(self, place: Place) -> QLineEdit | None:
        """The cell at ``place`` (``planner.engine.record_entry.Place``)."""
        named = {"effort": self.effort, "minutes": self.minutes, "note": self.note}
        if len(place) == 1 and isinstance(place[0], str):
            return named.get(place[0])
        if len(place) == 3 and isinstance(place[0], int) and isinstance(place[1], int):
            i, k = place[0], place[1]
            if i < len(self.rows) and k < len(self.rows[i]):
                row = self.rows[i][k]
                return row.reps if place[2] == "reps" else row.amount
        return None

    def show_problem(self, season: Season, error: EntryError | None = None) -> None:
        """Put the cursor in the cell a refusal is about, its text selected to be typed over:
        the cell of a value that is not a number, or of the record's first problem."""
        place: Place = ()
        if error is not None:
            place = error.place
        else:
            try:
                record = self.record()
            except EntryError as unreadable:
                place = unreadable.place
            else:
                problems = record_problems(season, record, "record")
                if problems:
                    place = problem_place(problems[0].path, record.items, self.cells())
        cell = self.cell_at(place)
        if cell is not None:
            cell.setFocus(Qt.FocusReason.OtherFocusReason)
            cell.selectAll()

    def status(self) -> RecordStatus:
        value = self.status_box.currentData()
        return value if isinstance(value, RecordStatus) else RecordStatus(str(value))

    def revert(self) -> None:
        """Back to what the card showed when it was drawn."""
        for item_rows, item_cells in zip(self.rows, self._prefill, strict=True):
            for row, typed in zip(item_rows, item_cells, strict=True):
                row.reps.setText(typed.reps)
                if row.amount is not None:
                    row.amount.setText(typed.amount)
        earlier = self.recorded
        effort, minutes, note = _extras(earlier)
        self.effort.setText(effort)
        self.minutes.setText(minutes)
        self.note.setText(note)
        self._status_by_hand = False
        self._show_status(self._status_unchosen())
        self._mark_changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.revert()
            event.accept()
            return
        super().keyPressEvent(event)

    # What the card says ----------------------------------------------------------------------

    def _typed(self) -> None:
        if not self._status_by_hand:
            self._show_status(self._status_unchosen())
        self._mark_changed()

    def _kept_status(self) -> RecordStatus | None:
        """The recorded status while the sets are as recorded (the coach may have said "partly
        done" of sets that read as done); None once a set is changed: it is read from them."""
        if self.recorded is not None and self.cells() == self._prefill:
            return self.recorded.status
        return None

    def _status_unchosen(self) -> RecordStatus:
        """The status the card shows while the coach has not chosen one."""
        kept = self._kept_status()
        return kept if kept is not None else self._status_from_sets()

    def _status_from_sets(self) -> RecordStatus:
        try:
            items: tuple[DoneItem, ...] = sets_from_cells(self.planned, self.cells())
        except EntryError:
            return self.status()
        if not self.planned.items:
            return RecordStatus.DONE
        return derived_status(self.planned, items)

    def _status_chosen(self, _index: int) -> None:
        self._status_by_hand = True
        self._mark_changed()

    def _show_status(self, status: RecordStatus) -> None:
        self.status_box.setCurrentIndex(self.status_box.findData(status))

    def _show_recorded(self) -> None:
        record = self.recorded
        if record is None:
            self.recorded_label.setText("not recorded yet")
            self.recorded_label.setStyleSheet(f"QLabel {{ color: {MUTED_COLOUR}; }}")
            return
        self.recorded_label.setText(f"recorded: {recorded_text(record)}")
        self.recorded_label.setToolTip(recorded_tip(record))
        self.recorded_label.setStyleSheet(
            f"QLabel {{ background: {band_tint(record)}; color: #202124; border-radius: 8px; padding: 1px 8px; }}"
        )

    def _mark_changed(self) -> None:
        """A cell that differs from the plan is shown in the coach's colour."""
        for item_rows, planned_cells in zip(self.rows, self._as_planned, strict=True):
            for k, row in enumerate(item_rows):
                plan = planned_cells[k] if k < len(planned_cells) else SetCells("", "")
                _restyle(row.reps, CHANGED_STYLE if row.reps.text() != plan.reps else "")
                if row.amount is not None:
                    _restyle(row.amount, CHANGED_STYLE if row.amount.text() != plan.amount else "")
        self.revert_button.setEnabled(self.is_changed())


def _restyle(widget: QWidget, style: str) -> None:
    # Only when it changes: setting the style sheet a cell already has makes Qt restyle it.
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def _extras(record: SessionRecord | None) -> tuple[str, str, str]:
    """The effort, minutes and note cells as a record (or no record yet) fills them."""
    if record is None:
        return "", "", ""
    effort = "" if record.effort is None else number(record.effort)
    return effort, "" if record.minutes is None else str(record.minutes), record.note


def _planned_text(reps: int, load: float | None, distance_m: float | None, unit: str) -> str:
    if distance_m is not None:
        return f"{reps} x {number(distance_m)} m"
    if load is not None:
        return f"{reps} x {number(load)} {unit}"
    return str(reps)
