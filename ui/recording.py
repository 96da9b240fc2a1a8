"""What the Day panel's card and the squad entry share: the edit that keeps a typed record and
how a recorded session reads beside its plan ("partly done · 78 % of plan")."""

from __future__ import annotations

from planner.document.edits import Edit
from planner.document.model import Season
from planner.document.records import SessionRecord
from planner.engine.compliance import Band, session_compliance
from planner.engine.results import record_result

# The compliance bands' colours: green within ±20 % of the plan, yellow near, red off or missed.
BAND_COLOURS = {
    Band.GREEN: "#d4ecd4",
    Band.YELLOW: "#fbe7a6",
    Band.RED: "#f6d5d1",
    Band.MISSED: "#f6d5d1",
}
BAND_WORDS = {
    Band.GREEN: "within 20 % of the plan",
    Band.YELLOW: "50-79 % or 121-150 % of the plan",
    Band.RED: "below half or over one and a half times the plan",
    Band.MISSED: "missed",
}


def record_edit(record: SessionRecord) -> Edit:
    """Keep ``record`` as what was done in its session (replacing an earlier record of it)."""

    def edit(season: Season) -> Season:
        return record_result(season, record)

    return edit


def status_words(record: SessionRecord) -> str:
    """"done", "partly done", "missed"."""
    return record.status.value.replace("_", " ")


def recorded_text(record: SessionRecord) -> str:
    """The status and how much of the plan was done: "partly done · 78 % of plan"."""
    compliance = session_compliance(record)
    if compliance.band is Band.MISSED or compliance.ratio is None:
        return status_words(record)
    return f"{status_words(record)} · {round(compliance.ratio * 100)} % of plan"


def recorded_tip(record: SessionRecord) -> str:
    """What the share of the plan was measured on, and its band."""
    c = session_compliance(record)
    if c.band is Band.MISSED:
        return "Missed"
    if c.planned_contacts:
        measure = f"{c.done_contacts:.0f} of {c.planned_contacts} contacts"
    elif c.planned_volume_kg:
        measure = f"{c.done_volume_kg:,.0f} of {c.planned_volume_kg:,.0f} kg volume-load"
    else:
        measure = f"{c.done_reps} of {c.planned_reps} reps"
    return f"{measure}: {BAND_WORDS.get(c.band, c.band.value)}"


def band_colour(record: SessionRecord) -> str:
    return BAND_COLOURS.get(session_compliance(record).band, BAND_COLOURS[Band.GREEN])
