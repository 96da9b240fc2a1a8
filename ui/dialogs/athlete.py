"""The athlete dialog: every field of an athlete on five tabs (profile, equipment, training
maxes, substitutions, weekly rhythm). OK gives one edit, ``add_athlete`` or ``change_athlete``
with every field, so one dialog is one undo step.

Numbers are in the athlete's units. Switching units converts them as ``convert_units`` does
(same masses, rounded to 0.1), with a one-click way back for a value typed in the wrong units;
switching back before any of them is changed gives the numbers as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# add_athlete's own idea of the usual gym for each units, so a new athlete and a units switch agree.
from planner.document.edits import add_athlete, change_athlete, default_equipment
from planner.document.model import (
    Athlete,
    Equipment,
    Event,
    Level,
    MaxEntry,
    Season,
    Sex,
    Units,
    default_rhythm,
)
from planner.document.text import EVENT_NAMES
from planner.document.text import number as number_text
from planner.document.validation import BAR_RANGE_KG, BODY_MASS_RANGE_KG, INCREMENT_RANGE_KG
from ui.dialogs.ask import Edit
from ui.dialogs.athlete_maxes import MaxesEditor
from ui.dialogs.athlete_rhythm import RhythmEditor
from ui.dialogs.athlete_substitutions import SubstitutionsEditor
from ui.dialogs.form_checks import (
    ERROR_COLOUR,
    CheckedDialog,
    ErrorLabel,
    MassSpinBox,
    add_row,
    date_edit,
    hint_label,
    mass_problem,
    name_problem,
    py_date,
    qdate,
)

SEX_TEXT = {Sex.FEMALE: "Female", Sex.MALE: "Male"}
LEVEL_TEXT = {Level.BEGINNER: "Beginner", Level.INTERMEDIATE: "Intermediate", Level.ADVANCED: "Advanced"}
UNITS_TEXT = {Units.KG: "kg", Units.LB: "lb"}
PROFILE, EQUIPMENT, MAXES, SUBSTITUTIONS, RHYTHM = range(5)
# A new athlete's starting values; the coach changes them, nothing depends on them.
_NEW_BODY_MASS_KG = 65.0
_NEW_BIRTH_DATE = date(2005, 1, 1)
_EARLIEST_BIRTH = date(1900, 1, 1)
_COMBO_WIDTH = 170


@dataclass(frozen=True, slots=True)
class Masses:
    """Every number of the form that is a mass in the athlete's units."""

    body_mass: float
    equipment: Equipment
    maxes: tuple[MaxEntry, ...]

    def converted(self, old: Units, new: Units) -> Masses:
        """The same masses in ``new`` units, rounded to 0.1 as ``planner.document.edits.convert_units`` does.

        Equipment still at the usual values for the old units becomes the usual equipment for
        the new ones: a gym in pounds has a 45 lb bar, not a 44.1 lb one.
        """

        def convert(value: float) -> float:
            return round(new.from_kg(old.to_kg(value)), 1)

        eq = self.equipment
        equipment = (
            default_equipment(new)
            if eq == default_equipment(old)
            else Equipment(convert(eq.bar_mass), convert(eq.increment), convert(eq.dumbbell_step))
        )
        maxes = tuple(m._replace(value=convert(m.value)) for m in self.maxes)
        return Masses(convert(self.body_mass), equipment, maxes)


def _new_athlete() -> Athlete:
    return Athlete(
        id="",
        name="",
        event=Event.FLAT_400,
        sex=Sex.FEMALE,
        level=Level.INTERMEDIATE,
        junior=False,
        body_mass=_NEW_BODY_MASS_KG,
        rhythm=default_rhythm(),
    )


def _combo(parent: QWidget, name: str, choices: dict[Any, str], current: object) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for value, text in choices.items():
        box.addItem(text, value)
    box.setCurrentIndex(box.findData(current))
    box.setMinimumWidth(_COMBO_WIDTH)
    return box


def _mass_spin(parent: QWidget, name: str, value: float, units: Units, step: float) -> MassSpinBox:
    spin = MassSpinBox(value, units, parent, step=step)
    spin.setObjectName(name)
    return spin


class AthleteDialog(CheckedDialog):
    """Adds an athlete (``athlete_id`` None) or changes one; OK gives exactly one edit."""

    def __init__(
        self, season: Season, athlete_id: str | None, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(season, parent)
        self.setObjectName("athleteDialog")
        self.athlete_id = athlete_id
        athlete = _new_athlete() if athlete_id is None else season.athlete(athlete_id)
        self.setWindowTitle("New athlete" if athlete_id is None else f"Athlete – {athlete.name}")
        self._units = athlete.units
        # Masses as they were before the last units switch, for "keep the numbers as typed".
        self._before_switch: tuple[Units, Masses] | None = None
        # The converted masses the last switch showed, as the fields hold them.
        self._after_switch: Masses | None = None
        self._converted = False
        self._name_touched = athlete_id is not None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("athleteTabs")
        self._build_profile(athlete)
        self._build_equipment(athlete)
        self.maxes = MaxesEditor(athlete.maxes, athlete.units, today or date.today(), self)
        self.tabs.addTab(self.maxes, "Training &maxes")
        self.substitutions = SubstitutionsEditor(athlete.substitutions, self)
        self.tabs.addTab(self.substitutions, "&Substitutions")
        self.rhythm = RhythmEditor(athlete.rhythm, self)
        self.tabs.addTab(self.rhythm, "Weekly &rhythm")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.edit_error)
        layout.addWidget(self.buttons)
        self.resize(580, 520)

        self._show_units(athlete.units)
        self._connect()
        self.revalidate()

    # Tabs ------------------------------------------------------------------------------

    def _build_profile(self, athlete: Athlete) -> None:
        page = QWidget(self)
        self.name_edit = QLineEdit(athlete.name, page)
        self.name_edit.setObjectName("athleteName")
        self.name_edit.setPlaceholderText("First name and surname")
        self.name_error = ErrorLabel("nameError", page)

        self.birth_known = QCheckBox("Known", page)
        self.birth_known.setObjectName("birthDateKnown")
        self.birth_known.setChecked(athlete.birth_date is not None)
        self.birth_edit = date_edit(athlete.birth_date or _NEW_BIRTH_DATE, page)
        self.birth_edit.setObjectName("birthDate")
        self.birth_edit.setDateRange(qdate(_EARLIEST_BIRTH), qdate(self.season.last_day))
        self.birth_edit.setEnabled(athlete.birth_date is not None)
        self.age_label = hint_label("", page, wrap=False)
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_known)
        birth_row.addWidget(self.birth_edit)
        birth_row.addStretch(1)

        self.event_box = _combo(page, "event", EVENT_NAMES, athlete.event)
        self.sex_box = _combo(page, "sex", SEX_TEXT, athlete.sex)
        self.level_box = _combo(page, "level", LEVEL_TEXT, athlete.level)
        self.junior_check = QCheckBox("Junior: shorter load waves and gentler plyometrics", page)
        self.junior_check.setObjectName("junior")
        self.junior_check.setChecked(athlete.junior)

        self.units_box = _combo(page, "units", UNITS_TEXT, athlete.units)
        self.units_bar = QFrame(page)
        self.units_bar.setObjectName("unitsBar")
        self.units_bar.setStyleSheet(
            "QFrame#unitsBar { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
        )
        self.units_note = QLabel(self.units_bar)
        self.units_note.setWordWrap(True)
        self.units_toggle = QPushButton(self.units_bar)
        self.units_toggle.setObjectName("unitsToggle")
        bar_layout = QHBoxLayout(self.units_bar)
        bar_layout.setContentsMargins(8, 4, 4, 4)
        bar_layout.addWidget(self.units_note, 1)
        bar_layout.addWidget(self.units_toggle)
        self.units_bar.setHidden(True)

        self.body_mass_spin = _mass_spin(page, "bodyMass", athlete.body_mass, athlete.units, 0.5)
        self.body_mass_error = ErrorLabel("bodyMassError", page)
        self.priming_check = QCheckBox("Priming session one or two days before a tapered competition", page)
        self.priming_check.setObjectName("priming")
        self.priming_check.setChecked(athlete.priming)
        self.priming_check.setToolTip("At most 10 reps at 80-85 % or 2-3 x 3 squat jumps, on D-1 or D-2.")

        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add_row(form, "&Name:", self.name_edit, self.name_error, buddy=self.name_edit)
        add_row(form, "&Birth date:", birth_row, buddy=self.birth_known)
        form.addRow("", self.age_label)
        form.addRow("&Event:", self.event_box)
        form.addRow("Se&x:", self.sex_box)
        form.addRow("&Level:", self.level_box)
        form.addRow("", self.junior_check)
        form.addRow("&Units:", self.units_box)
        form.addRow("", self.units_bar)
        add_row(form, "Body m&ass:", self.body_mass_spin, self.body_mass_error, buddy=self.body_mass_spin)
        form.addRow("", self.priming_check)
        self.tabs.addTab(page, "&Profile")

    def _build_equipment(self, athlete: Athlete) -> None:
        page = QWidget(self)
        eq = athlete.equipment
        self.bar_spin = _mass_spin(page, "barMass", eq.bar_mass, athlete.units, 2.5)
        self.bar_error = ErrorLabel("barMassError", page)
        self.increment_spin = _mass_spin(page, "increment", eq.increment, athlete.units, 0.25)
        self.increment_error = ErrorLabel("incrementError", page)
        self.dumbbell_spin = _mass_spin(page, "dumbbellStep", eq.dumbbell_step, athlete.units, 0.5)
        self.dumbbell_error = ErrorLabel("dumbbellStepError", page)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add_row(form, "B&ar:", self.bar_spin, self.bar_error, buddy=self.bar_spin)
        add_row(form, "Smallest &loading step:", self.increment_spin, self.increment_error, buddy=self.increment_spin)
        add_row(form, "&Dumbbell step:", self.dumbbell_spin, self.dumbbell_error, buddy=self.dumbbell_spin)
        layout = QVBoxLayout(page)
        layout.addWidget(
            hint_label(
                "Loads are rounded to what this gym can load: the bar plus steps of the smallest "
                "loading step (both sides together). Below the empty bar the athlete holds two "
                "dumbbells, in steps of the dumbbell step.",
                page,
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self.tabs.addTab(page, "E&quipment")

    def _connect(self) -> None:
        self.name_edit.textChanged.connect(self._name_changed)
        self.birth_known.toggled.connect(self._birth_known_toggled)
        self.birth_edit.dateChanged.connect(self.revalidate)
        # Every field reruns the trial edit: only the document knows every rule.
        for box in (self.event_box, self.sex_box, self.level_box):
            box.currentIndexChanged.connect(self.revalidate)
        for check in (self.junior_check, self.priming_check):
            check.toggled.connect(self.revalidate)
        self.units_box.currentIndexChanged.connect(self._units_chosen)
        self.units_toggle.clicked.connect(self._toggle_conversion)
        for spin in (self.body_mass_spin, self.bar_spin, self.increment_spin, self.dumbbell_spin):
            spin.valueChanged.connect(self.revalidate)
        self.maxes.changed.connect(self.revalidate)
        self.substitutions.changed.connect(self.revalidate)
        self.rhythm.changed.connect(self.revalidate)

    # Reactions -------------------------------------------------------------------------

    def _name_changed(self) -> None:
        self._name_touched = True
        self.revalidate()

    def _birth_known_toggled(self, known: bool) -> None:
        self.birth_edit.setEnabled(known)
        self.revalidate()

    def _units_chosen(self) -> None:
        new = Units(self.units_box.currentData())
        old = self._units
        if new is old:
            return
        before = self.masses()
        converted = before.converted(old, new)
        if self._before_switch is not None and self._before_switch[0] is new and before == self._after_switch:
            # Back to the units of the last switch with its numbers untouched: the numbers as they
            # were, since converting them again would round twice (1.25 kg -> 2.8 lb -> 1.3 kg).
            converted = self._before_switch[1]
        self._before_switch = (old, before)
        self._units = new
        self._show_units(new)
        self.set_masses(converted)
        self._after_switch = self.masses()
        self._converted = True
        self._show_units_note()

    def _toggle_conversion(self) -> None:
        """Between the converted numbers and the numbers as typed, now read in the new units."""
        if self._before_switch is None or self._after_switch is None:
            return
        _old, typed = self._before_switch
        self.set_masses(self._after_switch if not self._converted else typed)
        self._converted = not self._converted
        self._show_units_note()

    def keep_typed_numbers(self) -> None:
        """After a units switch: the numbers as they were typed, read in the new units."""
        if self._converted:
            self._toggle_conversion()

    def _show_units_note(self) -> None:
        if self._before_switch is None:
            return
        old, typed = self._before_switch
        new = self._units.value
        if self._converted:
            now = self.masses().body_mass
            self.units_note.setText(
                f"Masses converted from {old.value} to {new}: body mass {number_text(typed.body_mass)} "
                f"{old.value} is now {number_text(now)} {new}. Check the equipment."
            )
            self.units_toggle.setText("Keep the numbers as typed")
        else:
            self.units_note.setText(f"Numbers kept as typed, now read as {new}.")
            self.units_toggle.setText(f"Convert them to {new}")
        self.units_bar.setHidden(False)

    def _show_units(self, units: Units) -> None:
        for spin in (self.body_mass_spin, self.bar_spin, self.increment_spin, self.dumbbell_spin):
            spin.set_units(units)
        self.maxes.model.set_units(units)

    # Values ----------------------------------------------------------------------------

    @property
    def units(self) -> Units:
        return self._units

    def set_units(self, units: Units) -> None:
        """Switch units as the coach would; the masses are converted (see ``keep_typed_numbers``)."""
        self.units_box.setCurrentIndex(self.units_box.findData(units))

    def masses(self) -> Masses:
        equipment = Equipment(self.bar_spin.value(), self.increment_spin.value(), self.dumbbell_spin.value())
        return Masses(self.body_mass_spin.value(), equipment, self.maxes.entries())

    def set_masses(self, masses: Masses) -> None:
        self.body_mass_spin.setValue(masses.body_mass)
        self.bar_spin.setValue(masses.equipment.bar_mass)
        self.increment_spin.setValue(masses.equipment.increment)
        self.dumbbell_spin.setValue(masses.equipment.dumbbell_step)
        self.maxes.model.set_entries(masses.maxes)

    def birth_date(self) -> date | None:
        return py_date(self.birth_edit.date()) if self.birth_known.isChecked() else None

    def fields(self) -> dict[str, Any]:
        """Every athlete field as the form holds it, ready for ``add_athlete``/``change_athlete``."""
        masses = self.masses()
        return {
            "name": self.name_edit.text().strip(),
            "event": Event(self.event_box.currentData()),
            "sex": Sex(self.sex_box.currentData()),
            "level": Level(self.level_box.currentData()),
            "junior": self.junior_check.isChecked(),
            "body_mass": masses.body_mass,
            "units": self._units,
            "birth_date": self.birth_date(),
            "equipment": masses.equipment,
            "maxes": masses.maxes,
            "substitutions": self.substitutions.substitutions(),
            "rhythm": self.rhythm.rhythm(),
            "priming": self.priming_check.isChecked(),
        }

    # Checks ----------------------------------------------------------------------------

    def check(self) -> bool:
        units = self._units
        name = name_problem(self.name_edit.text(), "The name")
        self.name_error.show_problem(name if self._name_touched else "")
        self.body_mass_error.show_problem(
            mass_problem(self.body_mass_spin.value(), units, BODY_MASS_RANGE_KG, "Body mass")
        )
        self.bar_error.show_problem(mass_problem(self.bar_spin.value(), units, BAR_RANGE_KG, "The bar"))
        self.increment_error.show_problem(
            mass_problem(self.increment_spin.value(), units, INCREMENT_RANGE_KG, "The smallest loading step")
        )
        self.dumbbell_error.show_problem(
            mass_problem(self.dumbbell_spin.value(), units, INCREMENT_RANGE_KG, "The dumbbell step")
        )
        maxes = self.maxes.problem_text()
        self.substitutions.set_recorded_lifts({entry.lift for entry in self.maxes.entries()})
        self._show_age()

        troubled = {
            PROFILE: bool(self.name_error.problem or self.body_mass_error.problem),
            EQUIPMENT: any(label.problem for label in (self.bar_error, self.increment_error, self.dumbbell_error)),
            MAXES: bool(maxes),
        }
        for tab in range(self.tabs.count()):
            bad = troubled.get(tab, False)
            self.tabs.tabBar().setTabTextColor(tab, QColor(ERROR_COLOUR) if bad else QColor())
            self.tabs.setTabToolTip(tab, "Something on this tab needs correcting" if bad else "")
        return not (name or any(troubled.values()))

    def _show_age(self) -> None:
        birth = self.birth_date()
        if birth is None:
            self.age_label.setText("Without a birth date, the plan cannot check age limits.")
            return
        first = self.season.first_day
        years = first.year - birth.year - ((first.month, first.day) < (birth.month, birth.day))
        self.age_label.setText(f"{years} years old on the season's first day.")

    def build_edit(self) -> Edit:
        fields = self.fields()
        athlete_id = self.athlete_id
        if athlete_id is None:

            def add(season: Season) -> Season:
                return add_athlete(season, **fields)

            return add

        def change(season: Season) -> Season:
            return change_athlete(season, athlete_id, **fields)

        return change
