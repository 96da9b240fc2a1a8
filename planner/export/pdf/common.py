"""What the printed cards and the season plan share: the font, paragraph styles, colours,
escaping of the coach's text, number and date wording, and writing the finished file.

Colours are reportlab's of the one table in ``planner.export.look``, which the window uses
too, so a phase or a priority looks the same on paper as on screen.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from planner.document.atomic import write_atomically
from planner.document.text import MONTH_NAMES, day_title, number, rest_text, short_day, span_text
from planner.export import look
from planner.export.pdf.fonts import FontFamily, register_fonts
from planner.export.print_selection import Paper

__all__ = [
    "MONTH_NAMES",
    "PAGE_SIZES",
    "PHASE_COLOURS",
    "PRIORITY_COLOURS",
    "CachedTable",
    "Label",
    "Run",
    "Styles",
    "Target",
    "day_title",
    "fit_text",
    "markup",
    "number",
    "para",
    "pieces_of",
    "rest_text",
    "short_day",
    "span_text",
    "styled",
    "styles",
    "write_pdf",
]

# Where a PDF goes: a file path, or an open binary stream (tests, the window's preview).
Target = str | os.PathLike[str] | BinaryIO

PAGE_SIZES: dict[Paper, tuple[float, float]] = {Paper.A4: A4, Paper.A5: A5, Paper.LETTER: letter}
MARGIN = 10 * mm

PHASE_COLOURS = {phase: colors.HexColor(fill) for phase, fill in look.PHASE_FILL.items()}
PRIORITY_COLOURS = {priority: colors.HexColor(fill) for priority, fill in look.PRIORITY_FILL.items()}
PRIORITY_INK = {priority: colors.HexColor(ink) for priority, ink in look.PRIORITY_INK.items()}
INK = colors.HexColor(look.INK)
FAINT = colors.HexColor(look.FAINT)
DETAIL = colors.HexColor(look.DETAIL)
GRID = colors.HexColor(look.GRID)
LIGHT_GRID = colors.HexColor(look.LIGHT_GRID)
SHADE = colors.HexColor(look.SHADE)
WEIGHTS = colors.HexColor(look.WEIGHTS)
WEIGHTS_TINT = colors.HexColor(look.WEIGHTS_TINT)
PLYOMETRICS = colors.HexColor(look.PLYOMETRICS)
PLYOMETRICS_TINT = colors.HexColor(look.PLYOMETRICS_TINT)
NOTE_TINT = colors.HexColor(look.NOTE_TINT)
NOTE_BAR = colors.HexColor(look.NOTE_BAR)
WARNING_INK = colors.HexColor(look.WARNING_INK)
DELOAD_FILL = colors.HexColor(look.DELOAD_FILL)
DELOAD_HATCH = colors.HexColor(look.DELOAD_HATCH)
# What was done, printed over the plan: the recorded figures, and a missed session's mark.
DONE_INK = colors.HexColor("#0B3D91")
MISSED_INK = colors.HexColor("#B3261E")
# The compliance bands: fill behind the band's word and the word's ink. The word says the
# same for anyone who cannot tell the colours apart, and they stay apart in grey.
BAND_FILL = {
    "within": colors.HexColor("#CDEBD3"),
    "near": colors.HexColor("#F7E3A1"),
    "off": colors.HexColor("#F4C7C3"),
    "missed": colors.HexColor("#B3261E"),
    "pending": colors.HexColor("#EEEEEE"),
    "none": colors.white,
}
BAND_INK = {
    "within": colors.HexColor("#1E5A2B"),
    "near": colors.HexColor("#5C4300"),
    "off": colors.HexColor("#8C1D18"),
    "missed": colors.white,
    "pending": colors.HexColor("#5F6368"),
    "none": colors.HexColor("#5F6368"),
}


@dataclass(frozen=True, slots=True)
class Styles:
    """The registered fonts and the paragraph styles of the season plan (and the odd card line)."""

    fonts: FontFamily
    base: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cover_title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle


@cache
def styles() -> Styles:
    fonts = register_fonts()
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=8.5, leading=10.2, textColor=INK)
    return Styles(
        fonts=fonts,
        base=base,
        small=ParagraphStyle("small", parent=base, fontSize=7, leading=8.4, textColor=FAINT),
        cell=ParagraphStyle("cell", parent=base, fontSize=8, leading=9.6),
        cell_bold=ParagraphStyle("cellBold", parent=base, fontName=fonts.bold, fontSize=8, leading=9.6),
        cover_title=ParagraphStyle("coverTitle", parent=base, fontName=fonts.bold, fontSize=24, leading=29,
                                   spaceAfter=2),
        heading=ParagraphStyle("heading", parent=base, fontName=fonts.bold, fontSize=12, leading=15,
                               spaceBefore=4, spaceAfter=4),
        subheading=ParagraphStyle("subheading", parent=base, fontName=fonts.bold, fontSize=9.5, leading=12,
                                  spaceBefore=3, spaceAfter=2),
    )


class CachedTable(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A Table that lays itself out once for a given width.

    A table's size depends only on the width it gets, but reportlab works it out again on
    every wrap; a card is measured once to see whether it fits its page and again when it is
    placed, so the second layout is the first one kept.
    """

    _laid_out_for = -1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # A frame's width and the same width worked out elsewhere can differ in the last bit.
        if abs(self._laid_out_for - available_width) > 1e-6:
            super().wrap(available_width, available_height)
            self._laid_out_for = available_width
        self.availWidth = available_width
        return self._width, self._height


def styled(table: Table, commands: Sequence[tuple[Any, ...]]) -> Table:
    """``table`` with ``commands`` applied, every cell first set in the embedded font.

    A cell left to reportlab's default would be set in Helvetica, which has no Greek or
    Cyrillic letters and would be the one font of the file not embedded.
    """
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles().fonts.regular), *commands]))
    return table


def markup(text: str) -> str:
    """The coach's text as Paragraph markup that prints exactly as typed.

    Paragraph reads its text as XML-like markup, so "<b>" would turn bold and a lone "&"
    would fail the build; escaping makes both print literally. Line breaks stay line breaks.
    """
    return escape(text).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain (user) text: escaped, never read as markup."""
    return Paragraph(markup(text), style)


def write_pdf(target: Target, build: Callable[[BinaryIO], None]) -> None:
    """Run ``build`` into memory, then write the bytes to ``target``.

    Building in memory first means a failed build never leaves half a PDF behind, and the
    atomic write means a full disk never truncates the coach's previous printout.
    """
    buffer = io.BytesIO()
    build(buffer)
    if isinstance(target, str | os.PathLike):
        write_atomically(target, buffer.getvalue())
    else:
        target.write(buffer.getvalue())


# A run of text in one face: (text, font name, size, colour).
Run = tuple[str, str, float, colors.Color]
# A run placed on a line: (x, text, font name, size, colour).
_Segment = tuple[float, str, str, float, colors.Color]


@lru_cache(maxsize=8192)
def _width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


def _hard_breaks(lines: Sequence[Sequence[Run]]) -> list[list[Run]]:
    """``lines`` with every line break typed inside a run starting a new line of its own."""
    result: list[list[Run]] = []
    for runs in lines:
        current: list[Run] = []
        for text, font, size, colour in runs:
            pieces = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    result.append(current)
                    current = []
                current.append((piece, font, size, colour))
        result.append(current)
    return result


def _word_pieces(word: str, font: str, size: float, width: float) -> list[str]:
    """``word``, or the pieces of a word wider than ``width`` (a long unbroken name or web
    address), each as long as fits: such a word breaks where the line ends."""
    if width <= 0 or _width(word, font, size) <= width:
        return [word]
    pieces: list[str] = []
    current, used = "", 0.0
    for character in word:
        character_width = _width(character, font, size)
        if current and used + character_width > width:
            pieces.append(current)
            current, used = "", 0.0
        current += character
        used += character_width
    pieces.append(current)
    return pieces


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width``, shortened with "…" when it is too long."""
    if _width(text, font, size) <= width:
        return text
    while text and _width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def pieces_of(flowable: Flowable, width: float, height: float) -> list[Flowable]:
    """``flowable`` split into parts no taller than ``height`` where it can split (a long
    note in a table cell: a table breaks between rows, never inside a cell)."""
    pieces: list[Flowable] = []
    rest = flowable
    while True:
        if rest.wrap(width, height)[1] <= height:
            break
        parts = rest.split(width, height)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        rest = parts[1]
    pieces.append(rest)
    return pieces


class Label(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Short text in a few faces, wrapped at spaces: a cheap Paragraph for table cells.

    A card has a few hundred small cells; Paragraph parses markup and runs its general line
    breaker for each of them on every build, which made it most of the time a card took.
    A Label draws its text as given (never read as markup), so "<b>" and "&" print as typed.
    Each item of ``lines`` starts a new line.
    """

    def __init__(
        self,
        lines: Sequence[Sequence[Run]],
        *,
        align_right: bool = False,
        centred: bool = False,
        leading: float = 1.2,
        indent: float = 0.0,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.lines = _hard_breaks(lines)
        self.align_right = align_right
        self.centred = centred
        self.indent = indent
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.leading = leading
        self._laid_out_for = -1.0
        self._layout: list[tuple[float, float, list[_Segment]]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if abs(available_width - self._laid_out_for) > 1e-6:
            self._layout = self._lay_out(available_width - self.indent)
            self._laid_out_for = available_width
        self.width = available_width
        self.height = sum(height for height, _width_, _segments in self._layout)
        return self.width, self.height

    def _lay_out(self, width: float) -> list[tuple[float, float, list[_Segment]]]:
        laid_out: list[tuple[float, float, list[_Segment]]] = []
        for runs in self.lines:
            line: list[_Segment] = []
            x = tallest = 0.0
            spaces = 0
            for text, font, size, colour in runs:
                space = _width(" ", font, size)
                for index, whole in enumerate(text.split(" ")):
                    spaces += index > 0
                    if not whole:
                        continue
                    for piece, word in enumerate(_word_pieces(whole, font, size, width)):
                        word_width = _width(word, font, size)
                        gap = spaces * space if line else 0.0
                        if line and (piece or x + gap + word_width > width):
                            laid_out.append((tallest * self.leading, x, line))
                            line, x, tallest, gap = [], 0.0, 0.0, 0.0
                        last = line[-1] if line else None
                        if last is not None and last[2:] == (font, size, colour):
                            # One string per face and line: reportlab's cost is per drawString call.
                            line[-1] = (last[0], last[1] + " " * spaces + word, font, size, colour)
                        else:
                            line.append((x + gap, word, font, size, colour))
                        x += gap + word_width
                        tallest = max(tallest, size)
                        spaces = 0
            if line:
                laid_out.append((tallest * self.leading, x, line))
        return laid_out

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        for height, line_width, segments in self._layout:
            # Where a table cell puts a plain string's baseline, so a Label lines up with
            # the strings beside it: the font size below the top of the line.
            baseline = top - height / self.leading
            top -= height
            shift = self.indent
            if self.align_right:
                shift = self.width - line_width
            elif self.centred:
                shift = (self.width + self.indent - line_width) / 2
            for x, word, font, size, colour in segments:
                canvas.setFont(font, size)
                canvas.setFillColor(colour)
                canvas.drawString(shift + x, baseline, word)
