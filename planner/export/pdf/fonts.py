"""The font every SprintPlan PDF is set in: DejaVu Sans, shipped in ``resources/fonts``.

reportlab's built-in fonts only cover Latin-1, so "Łucja", "Ελένη" or "Анна" would print as
black boxes. DejaVu Sans covers Latin, Greek and Cyrillic, and embedding the file we ship
(not a system font) keeps the printout the same on every machine and in the frozen app.
Its licence is ``resources/fonts/LICENSE-DejaVu.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

__all__ = ["FONT_FILES", "FontFamily", "register_fonts"]

FAMILY = "SprintPlanSans"
FONT_FILES = {
    "regular": "fonts/DejaVuSans.ttf",
    "bold": "fonts/DejaVuSans-Bold.ttf",
    "italic": "fonts/DejaVuSans-Oblique.ttf",
}


@dataclass(frozen=True, slots=True)
class FontFamily:
    """The registered reportlab font names of the family."""

    regular: str
    bold: str
    italic: str


@cache
def register_fonts() -> FontFamily:
    """Register the family with reportlab once per process and return its font names.

    Paragraph markup ``<b>`` and ``<i>`` then picks the bold and oblique faces; there is no
    bold oblique file, so bold italic text is set in bold.
    """
    names = FontFamily(regular=FAMILY, bold=f"{FAMILY}-Bold", italic=f"{FAMILY}-Italic")
    for name, key in ((names.regular, "regular"), (names.bold, "bold"), (names.italic, "italic")):
        pdfmetrics.registerFont(TTFont(name, str(resources.locate(FONT_FILES[key]))))
    addMapping(FAMILY, 0, 0, names.regular)
    addMapping(FAMILY, 1, 0, names.bold)
    addMapping(FAMILY, 0, 1, names.italic)
    addMapping(FAMILY, 1, 1, names.bold)
    return names
