"""Substitutions in the athlete dialog: for each main lift, the lift as planned or one of the
substitutes the exercise catalogue allows ("Hang clean instead")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from planner.document.catalogue import MAIN_LIFTS, exercise
from ui.dialogs.form_checks import hint_label

AS_PLANNED = ""


class SubstitutionsEditor(QWidget):
    """One choice per main lift; substitutions of other exercises are kept as they are."""

    changed = Signal()

    def __init__(self, substitutions: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = substitutions
        chosen = dict(substitutions)
        # Swaps of accessory exercises are not offered here, but must survive the dialog's OK.
        self._kept = tuple((original, sub) for original, sub in substitutions if original not in MAIN_LIFTS)
        self.boxes: dict[str, QComboBox] = {}
        self.hints: dict[str, QLabel] = {}
        self._recorded: set[str] = set()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for lift in MAIN_LIFTS:
            main = exercise(lift)
            box = QComboBox(self)
            box.setObjectName(f"substitute_{lift}")
            box.addItem(f"{main.name} as planned", AS_PLANNED)
            for substitute in main.substitutes:
                box.addItem(f"{exercise(substitute).name} instead", substitute)
            box.setCurrentIndex(max(0, box.findData(chosen.get(lift, AS_PLANNED))))
            hint = hint_label("", self)
            hint.setHidden(True)
            cell = QWidget(self)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(box)
            cell_layout.addWidget(hint)
            form.addRow(f"{main.name}:", cell)
            self.boxes[lift] = box
            self.hints[lift] = hint
            box.currentIndexChanged.connect(self._on_choice)

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                "For an injury, a missing platform or a technique the athlete is not ready for: "
                "the plan prescribes the substitute wherever it would prescribe the main lift.",
                self,
            )
        )
        layout.addLayout(form)
        if self._kept:
            kept = ", ".join(
                f"{exercise(sub).name} for {exercise(original).name.lower()}" for original, sub in self._kept
            )
            layout.addWidget(hint_label(f"Also kept: {kept}.", self))
        layout.addStretch(1)
        self._update_hints()

    def choose(self, lift: str, substitute: str) -> None:
        """Use ``substitute`` for ``lift`` (``AS_PLANNED`` for none)."""
        box = self.boxes[lift]
        box.setCurrentIndex(box.findData(substitute))

    def substitutions(self) -> tuple[tuple[str, str], ...]:
        """The main lifts' choices, then the other exercises' swaps; the athlete's own order
        while the choices are the ones stored, so an unchanged tab is no change to the season."""
        chosen = tuple(
            (lift, str(box.currentData())) for lift, box in self.boxes.items() if box.currentData() != AS_PLANNED
        )
        given = chosen + self._kept
        return self._stored if dict(given) == dict(self._stored) else given

    def set_recorded_lifts(self, lifts: set[str]) -> None:
        """The lifts with a max in the table, so a substitute without one can be pointed out."""
        self._recorded = lifts
        self._update_hints()

    def _on_choice(self) -> None:
        self._update_hints()
        self.changed.emit()

    def _update_hints(self) -> None:
        for lift, box in self.boxes.items():
            substitute = str(box.currentData())
            hint = self.hints[lift]
            max_lift = exercise(substitute).max_from if substitute != AS_PLANNED else None
            if max_lift is None or max_lift in self._recorded:
                hint.setHidden(True)
                continue
            hint.setText(
                f"No {exercise(max_lift).name.lower()} max recorded yet: its loads use the "
                f"{exercise(lift).name.lower()} max until one is added under Training maxes."
            )
            hint.setHidden(False)
