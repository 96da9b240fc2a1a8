"""The pieces the inspector is built from: a block per session (draggable to another day),
a block for a session the coach removed, badges and warning rows."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.document.sessions import Category, Session, SessionKind
from planner.engine.plan import PlanWarning
from planner.engine.rules import rule_book
from planner.engine.session_edits import Choices, SessionRef, addable_by_category
from ui.inspector.table import EDITED_COLOUR, ItemsModel, ItemsTable
from ui.mime import session_mime
from ui.session_text import EDITED_MARK, KIND_NAMES, item_details, session_facts

MUTED_COLOUR = "#5f6368"
CATEGORY_NAMES = {
    Category.POWER: "Power",
    Category.STRENGTH: "Strength",
    Category.ACCESSORY: "Accessories",
    Category.PLYOMETRIC: "Plyometric drills",
}


# ---------------------------------------------------------------------------------------------
# Small pieces


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` as typed: names and notes are never read as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def small_label(text: str, parent: QWidget | None = None, *, colour: str = MUTED_COLOUR, wrap: bool = True) -> QLabel:
    """A muted line in the smaller font; ``wrap`` False for a word or two (a cell's unit, "Set 2"),
    which Qt then lays out without working out a height for each width the layout tries."""
    label = plain_label(text, parent)
    label.setWordWrap(wrap)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    label.setFont(font)
    # The label's own palette, not a style sheet: the same text colour in every state, without
    # giving each of the day's many small labels the style sheet machinery (about a tenth of
    # a millisecond each to build and more to lay out and paint).
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


def badge(text: str, background: str, parent: QWidget | None = None, *, tooltip: str = "") -> QLabel:
    label = plain_label(text, parent)
    label.setObjectName("inspectorBadge")
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: #202124; border-radius: 8px; padding: 1px 8px; }}"
    )
    label.setToolTip(tooltip)
    return label


def rule_titles(rule_ids: Sequence[str]) -> str:
    """One line per rule id with its title, for tooltips."""
    book = rule_book()
    return "\n".join(f"{rule_id}: {book[rule_id].title}" if rule_id in book else rule_id for rule_id in rule_ids)


def rules_label(rule_ids: Sequence[str], parent: QWidget | None = None) -> QLabel:
    label = small_label("Rules: " + " · ".join(rule_ids), parent)
    label.setObjectName("sessionRules")
    label.setToolTip(rule_titles(rule_ids))
    return label


class WarningRow(QWidget):
    """A plan warning: icon, rule id and the sentence."""

    def __init__(self, warning: PlanWarning, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorWarning")
        self.warning = warning
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16))
        icon.setFixedSize(18, 18)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(f"<b>{warning.rule_id}</b>  {escape(warning.message, quote=False)}", self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setToolTip(rule_titles([warning.rule_id]))
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)

    def text(self) -> str:
        return f"{self.warning.rule_id} {self.warning.message}"


# ---------------------------------------------------------------------------------------------
# Session blocks


class SessionBlock(QFrame):
    """One session: title, facts, the reason it looks as it does, its items and the buttons
    that change it. Dragging the block (outside the table and buttons) asks for a drag of the
    session; the inspector runs it, because a drop may redraw the inspector and so replace
    this block while the drag is still going."""

    item_edited = Signal(int, int, object)  # row, column (inspector_table.Column), new value
    drag_requested = Signal()
    add_requested = Signal(str)  # exercise id
    remove_requested = Signal(int)  # row
    reset_requested = Signal()

    def __init__(
        self,
        ref: SessionRef,
        session: Session,
        *,
        choices: Sequence[Choices],
        loads: Sequence[tuple[float, ...]],
        resettable: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionBlock")
        self.ref = ref
        self.session = session
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._press: QPoint | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)

        top = QHBoxLayout()
        top.setSpacing(6)
        handle = QLabel("⠿", self)
        handle.setToolTip("Drag to another day in the calendar to move this session")
        handle.setCursor(Qt.CursorShape.OpenHandCursor)
        top.addWidget(handle)
        self.title = plain_label(session.title, self)
        self.title.setObjectName("sessionTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setItalic(session.edited)
        self.title.setFont(font)
        self.title.setToolTip(f"{KIND_NAMES[session.kind]} session")
        # A long title wraps rather than widen the panel past its edge.
        self.title.setWordWrap(True)
        top.addWidget(self.title)
        if session.heavy:
            tip = "Lower-body work at 85 % or more, or high-intensity jumps"
            top.addWidget(badge("heavy", "#f6d5d1", self, tooltip=tip), 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        self.reset_button: QPushButton | None = None
        if resettable:
            self.reset_button = QPushButton("Reset to generated", self)
            self.reset_button.setObjectName("resetSessionButton")
            self.reset_button.setToolTip("Drop the coach's changes and use the session the planner made")
            self.reset_button.clicked.connect(self.reset_requested)
            top.addWidget(self.reset_button)
        layout.addLayout(top)

        self.facts = small_label(session_facts(session), self)
        self.facts.setObjectName("sessionFacts")
        layout.addWidget(self.facts)
        if session.edited:
            edited = small_label(f"{EDITED_MARK} changed by the coach", self, colour=EDITED_COLOUR.name())
            edited.setObjectName("sessionEdited")
            layout.addWidget(edited)
        self.reason = plain_label(session.reason, self)
        self.reason.setObjectName("sessionReason")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        if session.rule_ids:
            layout.addWidget(rules_label(session.rule_ids, self))
        for note in session.notes:
            layout.addWidget(small_label(note, self))

        self.model = ItemsModel(
            session.items, choices=choices, loads=loads, on_edit=self._on_edit, parent=self
        )
        self.table = ItemsTable(self.model, self)
        layout.addWidget(self.table)
        self.details = small_label("\n".join(item_details(item) for item in session.items), self)
        self.details.setObjectName("sessionDetails")
        self.details.setVisible(bool(session.items))
        layout.addWidget(self.details)

        buttons = QHBoxLayout()
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addItemButton")
        self.add_button.setText("Add exercise")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(self._add_menu(session.kind))
        buttons.addWidget(self.add_button)
        self.remove_button = QPushButton("Remove exercise", self)
        self.remove_button.setObjectName("removeItemButton")
        self.remove_button.setToolTip("Remove the selected exercise from this session")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._remove_selected)
        self.table.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self.remove_button.setEnabled(self.table.selected_row() is not None)
        )
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_entry(self, card: QWidget, *, instead_of_items: bool) -> None:
        """Put the card of what was done under the session; on a past day it stands in for the
        prescription's table, since the card shows each set as planned beside what was done."""
        if instead_of_items:
            for part in (self.table, self.details, self.add_button, self.remove_button):
                part.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(card)

    def detach(self) -> None:
        """Ignore further edits: this block shows a plan that is being replaced."""
        self.model.detach()

    def _on_edit(self, row: int, column: object, value: object) -> None:
        self.item_edited.emit(row, int(column), value)  # type: ignore[call-overload]

    def _add_menu(self, kind: SessionKind) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("addItemMenu")
        # The catalogue's exercises (some forty actions) are put in when the coach opens the
        # menu, not for every session shown.
        menu.aboutToShow.connect(lambda: self._fill_add_menu(menu, kind))
        menu.triggered.connect(lambda action: self.add_requested.emit(action.data()))
        return menu

    @staticmethod
    def _fill_add_menu(menu: QMenu, kind: SessionKind) -> None:
        if menu.actions():
            return
        for category, exercises in addable_by_category(kind):
            menu.addSection(CATEGORY_NAMES[category])
            for exercise in exercises:
                action = menu.addAction(exercise.name)
                action.setData(exercise.id)

    def _remove_selected(self) -> None:
        row = self.table.selected_row()
        if row is not None:
            self.remove_requested.emit(row)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press
        moved = start is not None and (event.position().toPoint() - start).manhattanLength()
        if start is None or not moved or moved < QApplication.startDragDistance():
            super().mouseMoveEvent(event)
            return
        self._press = None
        self.drag_requested.emit()

    def start_drag(self, source: QWidget) -> Qt.DropAction:
        """Drag this session (athlete, day and kind, see ``ui.mime``) with ``source`` owning the drag."""
        ref = self.ref
        drag = QDrag(source)
        text = f"{KIND_NAMES[ref.kind]} session, {ref.day.isoformat()}"
        drag.setMimeData(session_mime(ref, text))
        drag.setPixmap(self.title.grab())
        return drag.exec(Qt.DropAction.MoveAction)


class RemovedBlock(QFrame):
    """A session the coach removed (or moved away): says so and offers the reset."""

    reset_requested = Signal()

    def __init__(self, ref: SessionRef, replaced: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removedSessionBlock")
        self.ref = ref
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        what = KIND_NAMES[ref.kind].lower()
        was = f" (was: {replaced.title}, {replaced.minutes} min)" if replaced is not None else ""
        self.label = plain_label(f"{EDITED_MARK} No {what} session: removed or moved away by the coach{was}", self)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setItalic(True)
        self.label.setFont(font)
        self.label.setStyleSheet(f"color: {EDITED_COLOUR.name()};")
        layout.addWidget(self.label, 1)
        self.reset_button = QPushButton("Reset to generated", self)
        self.reset_button.setObjectName("resetSessionButton")
        self.reset_button.clicked.connect(self.reset_requested)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignTop)
