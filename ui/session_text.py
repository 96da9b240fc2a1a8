"""How prescribed items and sessions read as text, shared by the inspector, the squad week and
the calendar's tooltips.

Pure functions of the plan's values (no Qt), so every view words the same prescription the
same way: "Back squat 3 x 3 @ 87.5 % = 120 kg (25 + 25 per side)", "Alternate-leg bounding
3 x 15 m (24 contacts, moderate)", "Calf raise 3 x 12, 2 in reserve". Loads are shown in the
unit each item carries (the athlete's), never converted.
"""

from __future__ import annotations

from html import escape

from planner.document.sessions import Intent, Item, Session, SessionKind
from planner.document.text import (
    BODY_WEIGHT,
    KIND_NAMES,
    MONTH_NAMES,
    contacts_text,
    date_text,
    day_title,
    is_plyometric,
    item_note,
    number,
    plates_text,
    plural,
    rest_text,
    short_day,
    span_text,
    volume_text,
)

# Shared with the print-outs (planner.document.text); re-exported so the window has one import place.
__all__ = [
    "KIND_NAMES",
    "MONTH_NAMES",
    "contacts_text",
    "date_text",
    "day_title",
    "is_plyometric",
    "item_note",
    "number",
    "plates_text",
    "rest_text",
    "short_day",
    "span_text",
    "volume_text",
]

SHORT_KIND_NAMES = {SessionKind.WEIGHTS: "Weights", SessionKind.PLYOMETRICS: "Plyo"}
INTENT_NAMES = {Intent.EXPLOSIVE: "explosive", Intent.CONTROLLED: "controlled"}
EDITED_MARK = "✎"


def literal_html(text: str) -> str:
    """``text`` as rich text that shows exactly what was typed, line breaks kept.

    Qt guesses whether a tooltip (or an automatic label) is rich text, and a name such as
    "Zlote Kolce <B> & Co" looks like markup; escaped and marked as rich text it cannot.
    Text without "<" or "&" cannot look like markup and is returned as it is.
    """
    if "<" not in text and "&" not in text:
        return text
    return "<qt>" + escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def mnemonic_safe(text: str) -> str:
    """``text`` for a button, action or tab label, where "&" would mark a shortcut letter."""
    return text.replace("&", "&&")


def percent_text(item: Item) -> str:
    return "" if item.percent_max is None or item.body_weight else f"{number(item.percent_max)} %"


def load_text(item: Item) -> str:
    if item.body_weight:
        return BODY_WEIGHT
    return "" if item.load is None else f"{number(item.load)} {item.unit}"


def distance_contacts_text(item: Item) -> str:
    """The inspector's "Distance / contacts" column: "15 m · 24 (moderate)", "40 (low)"."""
    if not is_plyometric(item):
        return ""
    contacts = str(item.contacts) if item.intensity is None else f"{item.contacts} ({item.intensity.value})"
    if item.distance_m is None:
        return contacts
    return f"{number(item.distance_m)} m · {contacts}"


def reserve_text(item: Item) -> str:
    return "" if item.reps_in_reserve is None else f"{item.reps_in_reserve} in reserve"


def intent_text(item: Item) -> str:
    return INTENT_NAMES[item.intent]


def item_text(item: Item) -> str:
    """One full line for an item, as a coach would write it on a session card."""
    text = f"{item.name} {volume_text(item)}"
    if is_plyometric(item):
        contacts = contacts_text(item)
        return f"{text} ({contacts})" if contacts else text
    if item.body_weight:
        return f"{text}, {BODY_WEIGHT}"
    if item.percent_max is not None:
        text += f" @ {percent_text(item)}"
    if item.load is not None:
        text += f" = {load_text(item)}"
        plates = plates_text(item)
        if plates and item.plates_per_side:
            text += f" ({plates} per side)"
        elif plates:
            text += f" ({plates})"
    reserve = reserve_text(item)
    return f"{text}, {reserve}" if reserve else text


def item_details(item: Item) -> str:
    """What the Day panel's table leaves out, on one line a narrow panel can wrap:
    "Back squat: 25 + 25 per side · rest 3:00 · controlled — note"."""
    parts = []
    plates = plates_text(item)
    if plates:
        parts.append(f"{plates} per side" if item.plates_per_side else plates)
    if item.rest_s:
        parts.append(f"rest {rest_text(item.rest_s)}")
    parts.append(intent_text(item))
    text = f"{item.name}: " + " · ".join(parts)
    note = item_note(item)
    return f"{text} — {note}" if note else text


def item_short(item: Item) -> str:
    """A compact form for crowded cells: "Back squat 3x3 @ 87.5 % 120 kg"."""
    text = f"{item.name} {volume_text(item).replace(' x ', 'x')}"
    if item.body_weight:
        return f"{text} {BODY_WEIGHT}"
    if item.percent_max is not None:
        text += f" @ {percent_text(item)}"
    if item.load is not None:
        text += f" {load_text(item)}"
    return text


def effort_text(effort: float) -> str:
    return f"effort {number(effort)}/10"


def session_contacts(session: Session) -> int:
    return sum(item.contacts for item in session.items if is_plyometric(item))


def session_facts(session: Session) -> str:
    """"45 min · effort 7/10 · 5 exercises" (contacts instead of exercises for plyometrics)."""
    parts = [f"{session.minutes} min", effort_text(session.effort)]
    if session.kind is SessionKind.PLYOMETRICS:
        parts.append(f"{session_contacts(session)} contacts")
    else:
        count = len(session.items)
        parts.append(plural(count, "exercise"))
    return " · ".join(parts)


def session_summary(session: Session, *, main_items: int = 2) -> str:
    """One compact line per session: "Heavy strength: Back squat 3x3 @ 87.5 % 142.5 kg",
    "Plyo: 42 contacts"."""
    mark = f"{EDITED_MARK} " if session.edited else ""
    if session.kind is SessionKind.PLYOMETRICS:
        high = " (high intensity)" if session.heavy else ""
        return f"{mark}{SHORT_KIND_NAMES[session.kind]}: {session_contacts(session)} contacts{high}"
    # The heaviest loaded lifts carry the session; accessories are only counted.
    loaded = sorted(
        (i for i in session.items if i.percent_max is not None or i.load is not None),
        key=lambda i: -(i.percent_max or 0.0),
    )
    shown = [item_short(i) for i in loaded[:main_items]]
    others = len(session.items) - len(shown)
    if others:
        shown.append(f"+{others} more" if shown else plural(others, "exercise"))
    return f"{mark}{session.title}: " + ", ".join(shown)


def session_lines(session: Session) -> list[str]:
    """A session as a heading line, its facts, then one line per item (for tooltips and copies)."""
    mark = f" {EDITED_MARK} edited" if session.edited else ""
    lines = [f"{session.title} ({KIND_NAMES[session.kind].lower()}){mark}", session_facts(session)]
    for item in session.items:
        note = item_note(item)
        lines.append(f"• {item_text(item)} — {note}" if note else f"• {item_text(item)}")
    return lines


def session_tooltip(session: Session) -> str:
    return "\n".join(session_lines(session))
