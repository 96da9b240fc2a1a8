"""How SprintPlan shows a plan, on screen and on paper: one table of colours and names.

The window (``ui.theme``) and the PDF writers (``planner.export.pdf``) both read these, so a
phase or a priority looks and reads the same everywhere. Colours are hex strings; each side
turns them into its own colour objects.
"""

from __future__ import annotations

from planner.document.model import Priority
from planner.engine.plan import PHASE_NAMES, PhaseKind

__all__ = [
    "INK", "LIFT_SHORT", "PHASE_ABBREVIATION", "PHASE_FILL", "PHASE_NAMES", "PHASE_SHORT", "PHASE_TINY",
    "PLYOMETRICS", "PRIORITY_FILL", "PRIORITY_INK", "WEIGHTS",
]

# Phase colours follow the season's course from cool (building) to warm (racing); the taper
# is set apart. The competition chip colours are told apart by brightness too, and the letter
# inside every chip says the same for anyone who cannot tell the colours apart.
PHASE_FILL: dict[PhaseKind, str] = {
    PhaseKind.TRANSITION: "#E3E3E3",
    PhaseKind.GENERAL_PREPARATION: "#CFE2F3",
    PhaseKind.SPECIFIC_PREPARATION: "#C6E6D8",
    PhaseKind.PRE_COMPETITION: "#F4E7AE",
    PhaseKind.COMPETITION: "#F6D2BF",
    PhaseKind.TAPER: "#E8CBE0",
}
PRIORITY_FILL: dict[Priority, str] = {Priority.A: "#C84B0C", Priority.B: "#E69F00", Priority.C: "#7489A0"}
PRIORITY_INK: dict[Priority, str] = {Priority.A: "#FFFFFF", Priority.B: "#3B2600", Priority.C: "#FFFFFF"}
WEIGHTS = "#0067A5"
PLYOMETRICS = "#00876A"
INK = "#1F2328"

# A phase's name (in full: PHASE_NAMES, from the engine), shortened for a table column,
# abbreviated for a narrow band, and tiny for a phase of a week or two on a laptop screen (an
# abbreviation, never a cut word).
PHASE_SHORT: dict[PhaseKind, str] = {
    PhaseKind.TRANSITION: "Transition",
    PhaseKind.GENERAL_PREPARATION: "General prep",
    PhaseKind.SPECIFIC_PREPARATION: "Specific prep",
    PhaseKind.PRE_COMPETITION: "Pre-comp",
    PhaseKind.COMPETITION: "Competition",
    PhaseKind.TAPER: "Taper",
}
PHASE_ABBREVIATION: dict[PhaseKind, str] = {
    PhaseKind.TRANSITION: "Trans.",
    PhaseKind.GENERAL_PREPARATION: "GPP",
    PhaseKind.SPECIFIC_PREPARATION: "SPP",
    PhaseKind.PRE_COMPETITION: "Pre-comp.",
    PhaseKind.COMPETITION: "Comp.",
    PhaseKind.TAPER: "Taper",
}
PHASE_TINY: dict[PhaseKind, str] = {
    PhaseKind.TRANSITION: "Tr.",
    PhaseKind.GENERAL_PREPARATION: "GP",
    PhaseKind.SPECIFIC_PREPARATION: "SP",
    PhaseKind.PRE_COMPETITION: "PC",
    PhaseKind.COMPETITION: "C.",
    PhaseKind.TAPER: "Tp.",
}

# Short names of the barbell lifts, as in "SQ 3x3@87.5".
LIFT_SHORT: dict[str, str] = {
    "back_squat": "SQ",
    "front_squat": "FSQ",
    "power_clean": "PC",
    "hang_clean": "HC",
    "hang_power_clean": "HPC",
    "squat_jump": "SJ",
    "romanian_deadlift": "RDL",
}

# On paper only: the chrome of the cards and the season plan (rules, shading, tints), chosen
# to stay apart in greyscale.
FAINT = "#6A7079"
DETAIL = "#5A6069"
GRID = "#9AA1AB"
LIGHT_GRID = "#C9CED6"
SHADE = "#F1F3F6"
WEIGHTS_TINT = "#DCEBF5"
PLYOMETRICS_TINT = "#D9EFE8"
NOTE_TINT = "#FFF6D6"
NOTE_BAR = "#E0B400"
WARNING_INK = "#8A4B00"
DELOAD_FILL = "#FFFFFF"
DELOAD_HATCH = "#8A929C"
