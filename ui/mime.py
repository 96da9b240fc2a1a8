"""What a drag inside the window carries: a competition template, an existing competition or
a session of the plan.

Each travels as a small JSON payload under the application's own mime type, so a drag can come
from the palette, from a chip in the calendar, from a session in the inspector or from a test
that builds the ``QMimeData`` itself: the payload says what is dragged, never
``QDropEvent.source()`` (a synthetic event has no source). The byte-level functions are pure
so they can be tested without Qt events. This is the only place that knows the encoding.
"""

# No ``from __future__ import annotations``: this module defines named tuples (see planner/__init__.py).
import json
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QMimeData

from planner.document.model import Priority
from planner.document.sessions import SessionKind
from planner.engine.session_edits import SessionRef

TEMPLATE_MIME = "application/x-sprintplan-competition-template"
COMPETITION_MIME = "application/x-sprintplan-competition"
SESSION_MIME = "application/x-sprintplan-session"

# A suggested name per priority; the coach names the competition when it is dropped.
_SUGGESTIONS = {Priority.A: "Championships", Priority.B: "Meeting", Priority.C: "Open meeting"}


class CompetitionTemplate(NamedTuple):
    """A new competition waiting for a day and a name."""

    priority: Priority
    indoor: bool

    @property
    def label(self) -> str:
        """"A outdoor", "C indoor"."""
        return f"{self.priority.value} {'indoor' if self.indoor else 'outdoor'}"

    def suggested_name(self) -> str:
        """What the naming dialog offers: "Indoor championships", "Meeting"."""
        name = _SUGGESTIONS[self.priority]
        return f"Indoor {name.lower()}" if self.indoor else name


# The palette's order: by priority, outdoor first (the main season is outdoors).
TEMPLATES = tuple(
    CompetitionTemplate(priority, indoor) for priority in Priority for indoor in (False, True)
)


class DraggedCompetition(NamedTuple):
    """An existing competition being moved, named by its id."""

    competition_id: str


# What the calendar takes as a competition; a dragged session is handed on to the window.
Payload = CompetitionTemplate | DraggedCompetition


def encode_template(template: CompetitionTemplate) -> bytes:
    return json.dumps({"priority": template.priority.value, "indoor": template.indoor}).encode()


def decode_template(data: bytes) -> CompetitionTemplate | None:
    """The template in ``data``, or None for anything malformed (drags can come from anywhere)."""
    fields = _json_object(data)
    if fields is None:
        return None
    priority, indoor = fields.get("priority"), fields.get("indoor")
    if priority not in {p.value for p in Priority} or not isinstance(indoor, bool):
        return None
    return CompetitionTemplate(Priority(priority), indoor)


def encode_competition(competition_id: str) -> bytes:
    return json.dumps({"id": competition_id}).encode()


def decode_competition(data: bytes) -> str | None:
    fields = _json_object(data)
    if fields is None:
        return None
    competition_id = fields.get("id")
    return competition_id if isinstance(competition_id, str) and competition_id else None


def encode_session(session: SessionRef) -> bytes:
    return json.dumps(
        {"athlete_id": session.athlete_id, "date": session.day.isoformat(), "kind": session.kind.value}
    ).encode()


def decode_session(data: bytes) -> SessionRef | None:
    fields = _json_object(data)
    if fields is None:
        return None
    athlete_id, day, kind = fields.get("athlete_id"), fields.get("date"), fields.get("kind")
    if not isinstance(athlete_id, str) or not isinstance(day, str) or kind not in {k.value for k in SessionKind}:
        return None
    try:
        return SessionRef(athlete_id, date.fromisoformat(day), SessionKind(kind))
    except ValueError:
        return None


def template_mime(template: CompetitionTemplate) -> QMimeData:
    mime = QMimeData()
    mime.setData(TEMPLATE_MIME, encode_template(template))
    return mime


def competition_mime(competition_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(COMPETITION_MIME, encode_competition(competition_id))
    return mime


def session_mime(session: SessionRef, text: str) -> QMimeData:
    """``text`` is what another application gets when the session is dropped on it."""
    mime = QMimeData()
    mime.setData(SESSION_MIME, encode_session(session))
    mime.setText(text)
    return mime


def session_from_mime(mime: QMimeData) -> SessionRef | None:
    """The session a drop carries, or None when the data is not a well-formed dragged session."""
    if not mime.hasFormat(SESSION_MIME):
        return None
    return decode_session(bytes(mime.data(SESSION_MIME).data()))


def payload_from_mime(mime: QMimeData) -> Payload | None:
    """What ``mime`` carries, or None when it is nothing the calendar accepts."""
    if mime.hasFormat(COMPETITION_MIME):
        competition_id = decode_competition(bytes(mime.data(COMPETITION_MIME).data()))
        return None if competition_id is None else DraggedCompetition(competition_id)
    if mime.hasFormat(TEMPLATE_MIME):
        return decode_template(bytes(mime.data(TEMPLATE_MIME).data()))
    return None


def _json_object(data: bytes) -> dict[str, object] | None:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None
