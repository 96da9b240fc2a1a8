"""Small helpers for the sentences and numbers the plan shows a coach.

The window and the print-outs both use these, so a load, a date or a rest reads the same on
the screen and on paper.
"""

from __future__ import annotations

from datetime import date

from planner.document.model import WEEKDAY_NAMES, Event, MaxEntry
from planner.document.sessions import Category, Item, SessionKind

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# What an item with no added load (``Item.body_weight``) shows in place of a load.
BODY_WEIGHT = "body weight"

EVENT_NAMES = {Event.FLAT_400: "400 m", Event.HURDLES_400: "400 m hurdles"}
KIND_NAMES = {SessionKind.WEIGHTS: "Weights", SessionKind.PLYOMETRICS: "Plyometrics"}


def plural(count: int, noun: str) -> str:
    """``1 day``, ``2 days``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def number(value: float) -> str:
    """A mass, percentage or distance as a coach writes it: 120, 87.5, 76.25, 0.625.

    Three decimals, because fractional plates come in 0.625 kg and 0.125 kg sizes and must not
    read 0.62; trailing zeros are dropped.
    """
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def rest_text(seconds: int) -> str:
    """Rest between sets as a stopwatch shows it: 90 -> "1:30"."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def short_day(day: date) -> str:
    """"Tue 12 Jan"."""
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"


def day_title(day: date) -> str:
    """"Tuesday 12 January 2027"."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_text(day: date) -> str:
    """"12 January 2027"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def span_text(first: date, last: date) -> str:
    """"11–17 January 2027", "29 March – 4 April 2027", "28 December 2026 – 3 January 2027"."""
    start, end = MONTH_NAMES[first.month - 1], MONTH_NAMES[last.month - 1]
    if first == last:
        return f"{first.day} {end} {first.year}"
    if first.year != last.year:
        return f"{first.day} {start} {first.year} – {last.day} {end} {last.year}"
    if first.month != last.month:
        return f"{first.day} {start} – {last.day} {end} {last.year}"
    return f"{first.day}–{last.day} {end} {last.year}"


def is_plyometric(item: Item) -> bool:
    return item.category is Category.PLYOMETRIC


def volume_text(item: Item, times: str = "x") -> str:
    """Sets by reps, or by distance for running drills: "3 x 3", "3 x 15 m", "2 x 3 x 10 m".

    ``times`` is the sign between the numbers (the cards print "×").
    """
    if item.distance_m is not None:
        reps = "" if item.reps == 1 else f"{item.reps} {times} "
        return f"{item.sets} {times} {reps}{number(item.distance_m)} m"
    return f"{item.sets} {times} {item.reps}"


def contacts_text(item: Item) -> str:
    """"24 contacts, moderate" for a plyometric drill; "" for anything else."""
    if not is_plyometric(item):
        return ""
    count = plural(item.contacts, "contact")
    return count if item.intensity is None else f"{count}, {item.intensity.value}"


def max_text(name: str, entry: MaxEntry) -> str:
    """"back squat 105", "power clean 67.5 est." (a max not tested but estimated)."""
    return f"{name} {number(entry.value)}{'' if entry.tested else ' est.'}"


def dumbbells_text(item: Item) -> str:
    """"two 10 kg dumbbells" for a load held below the bar; "" for any other."""
    if item.per_hand is None:
        return ""
    return f"two {number(item.per_hand)} {item.unit} dumbbells"


def plates_text(item: Item) -> str:
    """What goes on each side of the bar: "25 + 25", "empty bar", "two 10 kg dumbbells" or ""."""
    if item.load is None or is_plyometric(item) or item.body_weight:
        return ""
    if item.plates_per_side:
        return " + ".join(number(p) for p in item.plates_per_side)
    if item.per_hand is not None:
        return dumbbells_text(item)
    if item.max_value is not None or item.percent_max is not None:
        # A barbell load with no plates is the bar alone.
        return "empty bar"
    return ""


def below_bar_text(item: Item) -> str:
    """"Below the 20 kg bar: hold two 6 kg dumbbells or use a technique bar", or ""."""
    if item.below_bar is None or item.per_hand is None:
        return ""
    return f"Below the {number(item.below_bar)} {item.unit} bar: hold {dumbbells_text(item)} or use a technique bar"


def fractional_text(item: Item) -> str:
    """"plus 0.625 kg per side in fractional plates", or "" when the plates make the load."""
    if not item.fractional_per_side:
        return ""
    return f"plus {number(item.fractional_per_side)} {item.unit} per side in fractional plates"


def item_note(item: Item) -> str:
    """Everything a coach reads beside the item: how its load goes on, then its own note."""
    return "; ".join(part for part in (below_bar_text(item), fractional_text(item), item.note) if part)
