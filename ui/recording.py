"""What the Day panel's card and the squad entry share: the edit that keeps a typed record and
how a recorded session reads beside its plan ("partly done · 78 % of plan")."""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner.document.edits import Edit
from planner.document.model import Season
from planner.document.records import SessionRecord
from planner.document.sessions import SessionKind
from planner.engine.compliance import Band, session_compliance
from planner.engine.record_entry import is_as_planned
from planner.engine.results import record_result
from ui.theme import BAND_BASIS, BANDS, band_summary


def record_edit(record: SessionRecord) -> Edit:
    """Keep ``record`` as what was done in its session (replacing an earlier record of it)."""

    def edit(season: Season) -> Season:
        return record_result(season, record)

    return edit


def status_words(record: SessionRecord) -> str:
    """"done", "partly done", "missed"."""
    return record.status.words


def record_undo_text(record: SessionRecord) -> str:
    """How recording ``record`` starts its undo text: "Done as planned", "Record partly done"."""
    return "Done as planned" if is_as_planned(record) else f"Record {status_words(record)}"


def recorded_text(record: SessionRecord) -> str:
    """The status and how much of the plan was done: "partly done · 78 % of plan". The band's
    sign stays in the tooltip: "✓ partly done" would read as a contradiction."""
    compliance = session_compliance(record)
    if compliance.band is Band.MISSED or compliance.ratio is None:
        return status_words(record)
    return f"{status_words(record)} · {round(compliance.ratio * 100)} % of plan"


def recorded_tip(record: SessionRecord) -> str:
    """The band with the figures it rests on, and what the bands are measured on."""
    compliance = session_compliance(record)
    summary = band_summary(compliance.band, compliance, record.kind is SessionKind.PLYOMETRICS)
    return f"{summary}\nBands on {BAND_BASIS}" if summary else ""


def band_tint(record: SessionRecord) -> str:
    """A pale wash of the band's colour, for a background dark text stays readable on."""
    band = session_compliance(record).band
    colour = BANDS[band].colour if band in BANDS else QColor("#FFFFFF")
    wash = 0.25  # the share of the band's colour over white
    red, green, blue = (round(255 - (255 - c) * wash) for c in (colour.red(), colour.green(), colour.blue()))
    return QColor(red, green, blue).name()
