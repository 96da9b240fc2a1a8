"""The season plan as a PDF: what a coach files, shows the club or hands an assistant.

Landscape pages: a cover (season, squad, competitions and their priorities, the coach's
notes); the periodisation overview (each athlete's phases on one timeline, with month ticks
and the competitions); each athlete's weekly load chart (volume-load bars coloured by phase,
weighted plyometric contacts as a line) drawn as vector graphics with ``reportlab.graphics``;
each athlete's week-by-week table; planned against done for every week that has begun (the
sessions done, partly done, missed and not yet recorded, volume-load and contacts planned and
done, and the compliance band of ``planner.engine.compliance``); the plan's warnings; and an
appendix with every rule and its source.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, BinaryIO

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.document.catalogue import catalogue, lift_name
from planner.document.model import Athlete, Competition, Season, Sex
from planner.document.sessions import Item, SessionKind
from planner.document.text import EVENT_NAMES, max_text
from planner.engine.compliance import Band, WeekCompliance, week_compliance
from planner.engine.freeze import run_date
from planner.engine.generator import generate
from planner.engine.plan import Phase, PhaseKind, Plan, Week
from planner.engine.rules import rule_book
from planner.export.look import LIFT_SHORT, PHASE_NAMES, PHASE_SHORT
from planner.export.pdf.common import (
    BAND_FILL,
    BAND_INK,
    DELOAD_FILL,
    DELOAD_HATCH,
    FAINT,
    GRID,
    INK,
    LIGHT_GRID,
    MONTH_NAMES,
    NOTE_TINT,
    PAGE_SIZES,
    PHASE_COLOURS,
    PLYOMETRICS,
    PRIORITY_COLOURS,
    PRIORITY_INK,
    SHADE,
    WARNING_INK,
    WEIGHTS,
    Styles,
    Target,
    fit_text,
    markup,
    number,
    para,
    pieces_of,
    short_day,
    span_text,
    styles,
    write_pdf,
)
from planner.export.print_selection import Paper, check_athletes, week_start

__all__ = ["main_sets", "write_season"]

_MARGIN = 12 * mm
# The padding either side of a table cell's text.
_CELL_PADDING = 4.0
# The phase names on the overview bars.
_LABEL_SIZE = 7.0
_CONTACTS_LINE = PLYOMETRICS


@dataclass
class _Pages:
    season_name: str
    section: str = ""


class _Section(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """An invisible mark: names the section in the page footer and in the PDF's outline."""

    def __init__(self, pages: _Pages, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.pages = pages
        self.title = title
        self.key = key
        self.level = level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        if self.level == 0:
            self.pages.section = self.title
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level == 0)


class _SeasonDocument(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, stream: BinaryIO, paper: Paper, pages: _Pages, title: str) -> None:
        super().__init__(
            stream,
            pagesize=landscape(PAGE_SIZES[paper]),
            leftMargin=_MARGIN,
            rightMargin=_MARGIN,
            topMargin=_MARGIN,
            bottomMargin=_MARGIN + 2 * mm,
            title=title,
            author="SprintPlan",
            subject="Season plan",
            creator="SprintPlan",
            initialFontName=styles().fonts.regular,
            # No build time in the file: the same season gives the same bytes.
            invariant=1,
        )
        self.pages = pages
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="body", frames=[frame], onPageEnd=self._decorate)])

    def _decorate(self, canvas: Any, document: Any) -> None:
        style = styles()
        width, _height = self.pagesize
        canvas.saveState()
        canvas.setFont(style.fonts.regular, 7)
        canvas.setFillColor(FAINT)
        y = _MARGIN - 2
        left = f"SprintPlan · {self.pages.season_name} · {self.pages.section}"
        canvas.drawString(_MARGIN, y, fit_text(left, style.fonts.regular, 7, width - 2 * _MARGIN - 60))
        canvas.drawRightString(width - _MARGIN, y, f"page {canvas.getPageNumber()}")
        canvas.restoreState()


def write_season(
    season: Season,
    target: Target,
    *,
    athlete_ids: Sequence[str] | None = None,
    plans: Mapping[str, Plan] | None = None,
    paper: Paper = Paper.A4,
    today: date | None = None,
) -> int:
    """Write the season plan for ``athlete_ids`` (default: the squad) to ``target``; return the page count.

    ``paper`` is A4 or Letter, printed landscape. ``plans`` may hold plans already generated
    (by athlete id); the others are generated here. ``today`` (default: the date the planner
    runs on) divides the weeks that have begun, compared with what was done, from the rest.
    """
    if paper is Paper.A5:
        raise ValueError("the season plan prints on A4 or Letter, not A5")
    ids = check_athletes(season, athlete_ids)
    chosen = [
        plans[athlete_id] if plans is not None and athlete_id in plans else generate(season, athlete_id)
        for athlete_id in ids
    ]
    style = styles()
    page_width, page_height = landscape(PAGE_SIZES[paper])
    width = page_width - 2 * _MARGIN
    height = page_height - 2 * _MARGIN - 2 * mm
    pages = _Pages(season.name)
    story: list[Flowable] = []
    story += _cover(season, chosen, pages, style, width)
    story += _overview(season, chosen, pages, style, width, height)
    story += _charts(season, chosen, pages, style, width)
    story += _week_tables(season, chosen, pages, style, width)
    story += _done_tables(season, chosen, pages, style, width, today or run_date())
    story += _warnings(chosen, pages, style, width)
    story += _appendix(pages, style, width)
    count = 0

    def build(stream: BinaryIO) -> None:
        nonlocal count
        document = _SeasonDocument(stream, paper, pages, f"{season.name}: season plan")
        document.build(story)
        count = document.page

    write_pdf(target, build)
    return count


def _table_style(style: Styles, *extra: tuple[Any, ...]) -> TableStyle:
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 9.6),
        ("FONTNAME", (0, 0), (-1, 0), style.fonts.bold),
        ("FONTSIZE", (0, 0), (-1, 0), 7),
        ("TEXTCOLOR", (0, 0), (-1, 0), FAINT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, LIGHT_GRID),
        *extra,
    ])


# Cover ------------------------------------------------------------------------------------


def _cover(season: Season, plans: Sequence[Plan], pages: _Pages, style: Styles, width: float) -> list[Flowable]:
    days = (season.last_day - season.first_day).days + 1
    story: list[Flowable] = [
        _Section(pages, "Cover", "cover"),
        para(season.name, style.cover_title),
        para(
            f"Season plan · {span_text(season.first_day, season.last_day)} · {season.week_count} weeks "
            f"({days} days) · {len(plans)} of {len(season.athletes)} athletes",
            style.base,
        ),
        Spacer(1, 10),
        Paragraph("Squad", style.heading),
        _squad_table(season, plans, style, width),
        Spacer(1, 8),
        Paragraph("Competitions", style.heading),
        _competition_table(season, style, width),
    ]
    if season.notes:
        story += [Spacer(1, 8), Paragraph("Notes", style.heading), _notes_table(season, style, width)]
    story.append(PageBreak())
    return story


def _maxes_text(athlete: Athlete, on: date) -> str:
    latest = []
    for lift in sorted({entry.lift for entry in athlete.maxes}):
        entry = athlete.max_on(lift, on)
        if entry is not None:
            latest.append(max_text(lift_name(lift), entry))
    return ", ".join(latest) + f" {athlete.units.value}" if latest else "none recorded"


def _squad_table(season: Season, plans: Sequence[Plan], style: Styles, width: float) -> Table:
    header = ["Athlete", "Event", "", "Level", "Units", "Latest maxes", "Competitions", "Warnings"]
    rows: list[list[Any]] = [header]
    for plan in plans:
        athlete = plan.athlete
        level = athlete.level.value + (", junior" if athlete.junior else "")
        entered = " ".join(c.priority.value for c in plan.competitions) or "none"
        rows.append([
            para(athlete.name, style.cell_bold),
            EVENT_NAMES[athlete.event],
            "F" if athlete.sex is Sex.FEMALE else "M",
            level,
            athlete.units.value,
            para(_maxes_text(athlete, season.last_day), style.cell),
            para(f"{len(plan.competitions)}: {entered}", style.cell),
            str(len(plan.warnings)),
        ])
    columns = [150.0, 72.0, 18.0, 92.0, 36.0]
    columns += [width - sum(columns) - 150.0, 100.0, 50.0]
    table = LongTable(rows, colWidths=columns, repeatRows=1)
    table.setStyle(_table_style(style, ("ALIGN", (-1, 0), (-1, -1), "RIGHT")))
    return table


def _entered(competition: Competition, season: Season) -> str:
    if competition.athletes is None:
        return "everyone"
    if not competition.athletes:
        return "nobody entered"
    return ", ".join(a.name for a in season.athletes if a.id in competition.athletes)


def _competition_table(season: Season, style: Styles, width: float) -> Table:
    rows: list[list[Any]] = [["Dates", "Competition", "Priority", "Venue", "Entered"]]
    commands: list[tuple[Any, ...]] = [("ALIGN", (2, 0), (2, -1), "CENTER")]
    ordered = sorted(season.competitions, key=lambda c: (c.start, c.end, c.name))
    for row, competition in enumerate(ordered, start=1):
        when = short_day(competition.start) + f" {competition.start.year}"
        if competition.end != competition.start:
            when = f"{short_day(competition.start)} – {short_day(competition.end)} {competition.end.year}"
        rows.append([
            when,
            para(competition.name, style.cell_bold),
            competition.priority.value,
            "indoor" if competition.indoor else "outdoor",
            para(_entered(competition, season), style.cell),
        ])
        commands += [
            ("BACKGROUND", (2, row), (2, row), PRIORITY_COLOURS[competition.priority]),
            ("TEXTCOLOR", (2, row), (2, row), PRIORITY_INK[competition.priority]),
            ("FONTNAME", (2, row), (2, row), style.fonts.bold),
        ]
    columns = [130.0, 190.0, 46.0, 56.0]
    columns.append(width - sum(columns))
    table = LongTable(rows, colWidths=columns, repeatRows=1)
    table.setStyle(_table_style(style, *commands))
    return table


# A table breaks between rows, never inside a cell: a note longer than this goes on in the
# rows below it, so a note longer than a page continues on the next.
_NOTE_ROW_HEIGHT = 150.0


def _notes_table(season: Season, style: Styles, width: float) -> Table:
    rows: list[list[Any]] = [["Date", "For", "Note"]]
    commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 1), (-1, -1), NOTE_TINT)]
    text_width = width - 210.0 - 2 * _CELL_PADDING
    for note in season.notes:
        when = "season" if note.date is None else f"{short_day(note.date)} {note.date.year}"
        athlete = season.find_athlete(note.athlete_id) if note.athlete_id else None
        who = "squad" if athlete is None else athlete.name
        pieces = pieces_of(para(note.text, style.cell), text_width, _NOTE_ROW_HEIGHT)
        first = len(rows)
        rows.append([when, para(who, style.cell), pieces[0]])
        rows += [["", "", piece] for piece in pieces[1:]]
        if len(pieces) > 1:
            # One note, one block: no rule between its rows.
            commands.append(("LINEBELOW", (0, first), (-1, len(rows) - 2), 0, NOTE_TINT))
            commands.append(("BOTTOMPADDING", (0, first), (-1, len(rows) - 2), 0))
            commands.append(("TOPPADDING", (0, first + 1), (-1, len(rows) - 1), 0))
            commands.append(("VALIGN", (0, first), (1, first), "TOP"))
    table = LongTable(rows, colWidths=[80.0, 130.0, width - 210.0], repeatRows=1)
    table.setStyle(_table_style(style, *commands))
    return table


# Periodisation overview -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Timeline:
    """Maps dates of the season to x positions of a chart."""

    first: date
    last: date
    x0: float
    x1: float

    def x(self, day: date) -> float:
        span = (self.last - self.first).days + 1
        return self.x0 + (self.x1 - self.x0) * (day - self.first).days / span

    def months(self) -> list[tuple[date, date]]:
        """(first, last) shown day of each month the season touches; the ends may be partial."""
        months = []
        start = date(self.first.year, self.first.month, 1)
        while start <= self.last:
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            months.append((max(start, self.first), min(following - timedelta(days=1), self.last)))
            start = following
        return months


def _month_ticks(drawing: Drawing, line: _Timeline, y_low: float, y_high: float, style: Styles) -> None:
    """A line at each month's first day and the month's name over its middle (with the year in
    January and on the first month)."""
    for index, (first, last) in enumerate(line.months()):
        x0, x1 = line.x(first), line.x(last + timedelta(days=1))
        if first.day == 1:
            drawing.add(Line(x0, y_low, x0, y_high, strokeColor=LIGHT_GRID, strokeWidth=0.4))
        label = MONTH_NAMES[first.month - 1][:3]
        if first.month == 1 or index == 0:
            label += f" {first.year}"
        if x1 - x0 >= stringWidth(label, style.fonts.regular, 7) + 2:
            drawing.add(String((x0 + x1) / 2, y_high + 3, label, fontName=style.fonts.regular, fontSize=7,
                               fillColor=FAINT, textAnchor="middle"))


def _competition_marker(drawing: Drawing, x: float, y: float, competition: Competition, size: float = 4.5) -> None:
    # A triangle pointing down at the day; an indoor competition is drawn hollow.
    fill = PRIORITY_COLOURS[competition.priority]
    drawing.add(Polygon(
        [x - size, y + size * 1.6, x + size, y + size * 1.6, x, y],
        fillColor=colors.white if competition.indoor else fill,
        strokeColor=fill, strokeWidth=1.1,
    ))


def _overview(
    season: Season, plans: Sequence[Plan], pages: _Pages, style: Styles, width: float, height: float
) -> list[Flowable]:
    story: list[Flowable] = [
        _Section(pages, "Periodisation", "periodisation"),
        Paragraph("Periodisation overview", style.heading),
        para(
            "Each athlete's phases across the season. Triangles mark the competitions the athlete "
            "is entered in (A red, B amber, C slate; hollow: indoor); hatched weeks are deloads.",
            style.small,
        ),
        Spacer(1, 6),
    ]
    # As many athletes as fit on a page per drawing, the rest continue on the next page; a
    # small squad gets taller bars rather than a page of white space.
    room = height - 130
    per_page = max(1, int(room // 44))
    row_height = min(66.0, room / min(per_page, max(len(plans), 1)))
    for first in range(0, len(plans), per_page):
        chunk = plans[first:first + per_page]
        story.append(_overview_drawing(season, chunk, style, width, row_height))
        story.append(Spacer(1, 8))
    story += [_phase_legend(style, width), PageBreak()]
    return story


def _overview_drawing(
    season: Season, plans: Sequence[Plan], style: Styles, width: float, row_height: float
) -> Drawing:
    label_width = 130.0
    top_axis, bottom_axis = 14.0, 12.0
    height = top_axis + bottom_axis + row_height * len(plans)
    drawing = _drawing(width, height)
    line = _Timeline(season.first_day, season.last_day, label_width, width - 4)
    _month_ticks(drawing, line, bottom_axis, height - top_axis, style)
    for number_ in range(1, season.week_count + 1):
        if number_ == 1 or number_ % 4 == 0:
            start = max(week_start(season, number_), season.first_day)
            drawing.add(String(line.x(start), 2, f"wk {number_}" if number_ == 1 else str(number_),
                               fontName=style.fonts.regular, fontSize=6, fillColor=FAINT))
    for index, plan in enumerate(plans):
        y = height - top_axis - row_height * (index + 1)
        bar_y, bar_h = y + 6, row_height - 24
        lines = _name_lines(plan.athlete.name, style.fonts.bold, 9, label_width - 8)
        for line_index, text in enumerate(lines):
            baseline = bar_y + bar_h / 2 - 3 + 5.5 * (len(lines) - 1) - 11 * line_index
            drawing.add(String(0, baseline, text, fontName=style.fonts.bold, fontSize=9, fillColor=INK))
        for phase in plan.phases:
            _phase_rect(drawing, line, phase, bar_y, bar_h)
        for week in plan.weeks:
            if week.deload:
                _hatch(drawing, line.x(max(week.start, season.first_day)),
                       line.x(min(week.start + timedelta(days=7), season.last_day + timedelta(days=1))),
                       bar_y, bar_h)
        # The names go over the hatching, each on its phase's colour, so a deload week in
        # the middle of a phase never strikes through its name.
        for phase in plan.phases:
            _phase_label(drawing, line, phase, bar_y, bar_h, style)
        for competition in plan.competitions:
            _competition_marker(drawing, line.x(competition.start), bar_y + bar_h + 1, competition)
    drawing.add(Line(label_width, bottom_axis, width - 4, bottom_axis, strokeColor=GRID, strokeWidth=0.5))
    return drawing


def _drawing(width: float, height: float) -> Drawing:
    # The drawing's starting font is Helvetica unless told otherwise, and Helvetica would be
    # the one font of the file not embedded.
    return Drawing(width, height, initialFontName=styles().fonts.regular)


def _name_lines(name: str, font: str, size: float, width: float) -> list[str]:
    """A name on one line, or on two split at a space, shortened with "…" only if still too long."""
    if stringWidth(name, font, size) <= width or " " not in name.strip():
        return [fit_text(name, font, size, width)]
    words = name.split()
    first = words[0]
    for count in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:count])
        if stringWidth(candidate, font, size) <= width:
            first = candidate
            break
    rest = name[len(first):].strip()
    return [fit_text(first, font, size, width), fit_text(rest, font, size, width)]


def _phase_rect(drawing: Drawing, line: _Timeline, phase: Phase, y: float, height: float) -> None:
    x0 = line.x(phase.start)
    x1 = line.x(phase.end + timedelta(days=1))
    drawing.add(Rect(x0, y, x1 - x0, height, fillColor=PHASE_COLOURS[phase.kind],
                     strokeColor=colors.white, strokeWidth=0.6))


def _phase_label(drawing: Drawing, line: _Timeline, phase: Phase, y: float, height: float, style: Styles) -> None:
    """The phase's short name, centred on its bar on a patch of the phase's colour."""
    x0 = line.x(phase.start)
    x1 = line.x(phase.end + timedelta(days=1))
    label = PHASE_SHORT[phase.kind]
    text_width = stringWidth(label, style.fonts.regular, _LABEL_SIZE)
    if x1 - x0 <= text_width + 6:
        return
    middle, baseline = (x0 + x1) / 2, y + height / 2 - 2.5
    drawing.add(Rect(middle - text_width / 2 - 2, baseline - 2.5, text_width + 4, _LABEL_SIZE + 3.5,
                     fillColor=PHASE_COLOURS[phase.kind], strokeColor=None, strokeWidth=0))
    drawing.add(String(middle, baseline, label, fontName=style.fonts.regular, fontSize=_LABEL_SIZE,
                       fillColor=INK, textAnchor="middle"))


def _hatch(drawing: Drawing, x0: float, x1: float, y: float, height: float) -> None:
    """Diagonal lines over the rectangle x0..x1, y..y+height (a deload week)."""
    step, run = 3.0, height / 2  # each line climbs the full height over half of it
    start = x0 - run
    while start < x1:
        low = max(0.0, (x0 - start) / run)
        high = min(1.0, (x1 - start) / run)
        if low < high:
            drawing.add(Line(start + run * low, y + height * low, start + run * high, y + height * high,
                             strokeColor=DELOAD_HATCH, strokeWidth=0.4))
        start += step


def _phase_legend(style: Styles, width: float) -> Drawing:
    drawing = _drawing(width, 16)
    x = 0.0
    for kind in PhaseKind:
        drawing.add(Rect(x, 3, 14, 9, fillColor=PHASE_COLOURS[kind], strokeColor=GRID, strokeWidth=0.3))
        drawing.add(String(x + 18, 4.5, PHASE_NAMES[kind], fontName=style.fonts.regular, fontSize=7, fillColor=INK))
        x += 30 + len(PHASE_NAMES[kind]) * 4.2
    drawing.add(Rect(x, 3, 14, 9, fillColor=DELOAD_FILL, strokeColor=GRID, strokeWidth=0.3))
    _hatch(drawing, x, x + 14, 3, 9)
    drawing.add(String(x + 18, 4.5, "deload week", fontName=style.fonts.regular, fontSize=7, fillColor=INK))
    return drawing


# Load charts ------------------------------------------------------------------------------


def _nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * power >= value - 1e-9:
            return step * power
    return 10 * power


def _charts(season: Season, plans: Sequence[Plan], pages: _Pages, style: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        _Section(pages, "Weekly load", "load"),
        Paragraph("Weekly load", style.heading),
        para(
            "Bars: volume-load of the week's weights (sets x reps x load, in kg for every athlete so "
            "they compare), coloured by phase. Line: weighted plyometric contacts (right axis).",
            style.small,
        ),
        Spacer(1, 6),
    ]
    for plan in plans:
        chart = _load_chart(season, plan, style, width)
        story.append(KeepTogether([para(plan.athlete.name, style.subheading), chart, Spacer(1, 8)]))
    story.append(PageBreak())
    return story


def _load_chart(season: Season, plan: Plan, style: Styles, width: float) -> Drawing:
    height = 132.0
    left, right, bottom, top = 46.0, 40.0, 16.0, 12.0
    drawing = _drawing(width, height)
    x0, x1 = left, width - right
    y0, y1 = bottom, height - top
    weeks = plan.weeks
    # Both axes get four steps of a round size, so their labels sit on the same grid lines.
    volume_max = 4 * _nice_ceiling(max((w.volume_load_kg for w in weeks), default=0.0) / 4)
    contacts_max = 4 * _nice_ceiling(max((w.weighted_contacts for w in weeks), default=0.0) / 4)
    slot = (x1 - x0) / max(len(weeks), 1)

    for fraction in (0.0, 0.25, 0.5, 0.75, 1.0):  # the four steps
        y = y0 + (y1 - y0) * fraction
        drawing.add(Line(x0, y, x1, y, strokeColor=LIGHT_GRID if fraction else GRID, strokeWidth=0.4))
        drawing.add(String(x0 - 4, y - 2.5, f"{volume_max * fraction:,.0f}", fontName=style.fonts.regular,
                           fontSize=6.5, fillColor=WEIGHTS, textAnchor="end"))
        drawing.add(String(x1 + 4, y - 2.5, f"{contacts_max * fraction:,.0f}", fontName=style.fonts.regular,
                           fontSize=6.5, fillColor=_CONTACTS_LINE))
    drawing.add(String(x0 - 4, y1 + 4, "kg", fontName=style.fonts.bold, fontSize=6.5, fillColor=WEIGHTS,
                       textAnchor="end"))
    drawing.add(String(x1 + 4, y1 + 4, "contacts", fontName=style.fonts.bold, fontSize=6.5,
                       fillColor=_CONTACTS_LINE))

    points: list[float] = []
    for index, week in enumerate(weeks):
        x = x0 + slot * index
        bar = (y1 - y0) * week.volume_load_kg / volume_max
        if bar > 0:
            drawing.add(Rect(x + slot * 0.14, y0, slot * 0.72, bar, fillColor=PHASE_COLOURS[week.phase],
                             strokeColor=WEIGHTS, strokeWidth=0.5))
            if week.deload:
                _hatch(drawing, x + slot * 0.14, x + slot * 0.86, y0, bar)
        points += [x + slot / 2, y0 + (y1 - y0) * week.weighted_contacts / contacts_max]
        if week.number == 1 or week.number % 4 == 0:
            drawing.add(String(x + slot / 2, y0 - 9, str(week.number), fontName=style.fonts.regular, fontSize=6,
                               fillColor=FAINT, textAnchor="middle"))
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=_CONTACTS_LINE, strokeWidth=1.2))
    first_week = season.first_week_start
    for competition in plan.competitions:
        weeks_in = (competition.start - first_week).days / 7
        _competition_marker(drawing, x0 + slot * weeks_in, y1 + 1, competition, size=3.5)
    drawing.add(String(x0 - 4, y0 - 9, "week", fontName=style.fonts.regular, fontSize=6, fillColor=FAINT,
                       textAnchor="end"))
    return drawing


# Week tables ------------------------------------------------------------------------------


def main_sets(items: Sequence[Item]) -> str:
    """The week's heaviest set of each barbell lift, e.g. "SQ 3x3@87.5 · PC 3x2@77.5"."""
    top: dict[str, Item] = {}
    names = catalogue()
    for item in items:
        exercise = names.get(item.exercise_id)
        if item.percent_max is None or exercise is None or not exercise.barbell:
            continue
        best = top.get(item.exercise_id)
        if best is None or (item.percent_max, item.sets * item.reps) > (best.percent_max or 0.0, best.sets * best.reps):
            top[item.exercise_id] = item
    return " · ".join(
        f"{LIFT_SHORT.get(i.exercise_id, i.name)} {i.sets}x{i.reps}@{number(i.percent_max or 0.0)}"
        for i in top.values()
    )


def _week_items(plan: Plan, week: Week) -> tuple[list[Item], int, int, list[str]]:
    items: list[Item] = []
    weights = plyometrics = 0
    competitions: list[str] = []
    names = {c.id: c for c in plan.competitions}
    for offset in range(7):
        day = plan.day(week.start + timedelta(days=offset))
        if day is None:
            continue
        for session in day.sessions:
            if session.kind is SessionKind.WEIGHTS:
                weights += 1
                items.extend(session.items)
            else:
                plyometrics += 1
        for competition_id in day.competitions:
            competition = names.get(competition_id)
            if competition is not None:
                text = f"{competition.priority.value}: {competition.name}"
                if text not in competitions:
                    competitions.append(text)
    return items, weights, plyometrics, competitions


def _week_tables(season: Season, plans: Sequence[Plan], pages: _Pages, style: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [_Section(pages, "Week by week", "weeks")]
    for index, plan in enumerate(plans):
        athlete = plan.athlete
        key = f"weeks-{index}"
        story += [
            _Section(pages, athlete.name, key, level=1),
            Paragraph(f"{markup(athlete.name)}: week by week", style.heading),
            para(
                f"{EVENT_NAMES[athlete.event]} · {athlete.level.value}{', junior' if athlete.junior else ''} · "
                f"loads in {athlete.units.value}; volume-load in kg",
                style.small,
            ),
            Spacer(1, 4),
            _week_table(plan, style, width),
            PageBreak(),
        ]
    return story


def _week_span(first: date, last: date) -> str:
    """"5–11 Oct", "26 Oct – 1 Nov", "28 Dec 2026 – 3 Jan 2027"."""
    start, end = MONTH_NAMES[first.month - 1][:3], MONTH_NAMES[last.month - 1][:3]
    if first.year != last.year:
        return f"{first.day} {start} {first.year} – {last.day} {end} {last.year}"
    if first.month != last.month:
        return f"{first.day} {start} – {last.day} {end}"
    return f"{first.day}–{last.day} {end}"


def _week_table(plan: Plan, style: Styles, width: float) -> Table:
    header = ["Wk", "Dates", "Phase", "Weights", "Plyo", "Main sets", "Volume-load kg", "Contacts", "Notes"]
    rows: list[list[Any]] = [header]
    commands: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("ALIGN", (3, 0), (4, -1), "CENTER"),
        ("ALIGN", (6, 0), (7, -1), "RIGHT"),
    ]
    for row, week in enumerate(plan.weeks, start=1):
        items, weights, plyometrics, competitions = _week_items(plan, week)
        notes = (["deload"] if week.deload else []) + competitions
        last = week.start + timedelta(days=6)
        rows.append([
            str(week.number),
            _week_span(week.start, last),
            PHASE_SHORT[week.phase],
            str(weights) if weights else "",
            str(plyometrics) if plyometrics else "",
            main_sets(items),
            f"{week.volume_load_kg:,.0f}" if week.volume_load_kg else "",
            str(week.contacts) if week.contacts else "",
            para("; ".join(notes), style.cell) if notes else "",
        ])
        commands.append(("BACKGROUND", (2, row), (2, row), PHASE_COLOURS[week.phase]))
        if competitions:
            commands.append(("BACKGROUND", (8, row), (8, row), SHADE))
    columns = [24.0, 128.0, 76.0, 44.0, 32.0, 200.0, 70.0, 50.0]
    columns.append(width - sum(columns))
    table = LongTable(rows, colWidths=columns, repeatRows=1)
    table.setStyle(_table_style(style, *commands, ("TOPPADDING", (0, 1), (-1, -1), 1.2),
                                ("BOTTOMPADDING", (0, 1), (-1, -1), 1.6)))
    return table


# Planned and done -------------------------------------------------------------------------

_BAND_WORDS = {
    Band.GREEN: "within ±20 %",
    Band.YELLOW: "near (50–150 %)",
    Band.RED: "off plan",
    Band.MISSED: "missed",
    Band.PENDING: "not recorded",
    Band.NONE: "",
}


def _begun_weeks(plan: Plan, season: Season, today: date) -> list[tuple[Week, WeekCompliance]]:
    """The weeks with a day before ``today`` or a recorded session, with how they went."""
    recorded = {season.week_of(r.date) for r in season.records if r.athlete_id == plan.athlete.id}
    return [
        (week, week_compliance(plan, season, week.start, today))
        for week in plan.weeks
        if week.start < today or week.start in recorded
    ]


def _done_tables(
    season: Season, plans: Sequence[Plan], pages: _Pages, style: Styles, width: float, today: date
) -> list[Flowable]:
    story: list[Flowable] = [
        _Section(pages, "Planned and done", "done"),
        Paragraph("Planned and done", style.heading),
        para(
            f"Every week begun by {short_day(today)} {today.year}, as planned and as recorded. Done over planned "
            "is volume-load (kg x reps) for weights and ground contacts for plyometrics, over the sessions "
            "recorded; within ±20 % is on plan, 50–79 % or 121–150 % near it, anything else off. Planned "
            "figures are the sessions as they were prescribed then.",
            style.small,
        ),
        Spacer(1, 4),
    ]
    for index, plan in enumerate(plans):
        weeks = _begun_weeks(plan, season, today)
        story += [
            CondPageBreak(80),
            _Section(pages, plan.athlete.name, f"done-{index}", level=1),
            para(plan.athlete.name, style.subheading),
        ]
        if not weeks:
            story.append(para(f"No week has begun yet: the season starts on {short_day(season.first_day)} "
                              f"{season.first_day.year}.", style.small))
            continue
        story += [_done_table(weeks, style, width), Spacer(1, 6)]
    story.append(PageBreak())
    return story


def _percent(done: float, planned: float) -> str:
    return f"{done / planned:.0%}".replace("%", " %") if planned else ""


def _done_table(weeks: Sequence[tuple[Week, WeekCompliance]], style: Styles, width: float) -> Table:
    groups = ["", "", "Sessions", "", "", "", "", "Volume-load kg", "", "", "Contacts", "", "", ""]
    header = ["Wk", "Dates", "planned", "done", "partly", "missed", "not recorded", "planned", "done",
              "of plan", "planned", "done", "of plan", "Compliance"]
    rows: list[list[Any]] = [groups, header]
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (2, 0), (6, 0)),
        ("SPAN", (7, 0), (9, 0)),
        ("SPAN", (10, 0), (12, 0)),
        ("ALIGN", (2, 0), (12, 0), "CENTER"),
        ("FONTNAME", (0, 1), (-1, 1), style.fonts.bold),
        ("FONTSIZE", (0, 1), (-1, 1), 7),
        ("TEXTCOLOR", (0, 1), (-1, 1), FAINT),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, INK),
        ("LINEBELOW", (2, 0), (12, 0), 0.3, LIGHT_GRID),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("ALIGN", (2, 1), (12, -1), "RIGHT"),
        ("LINEBEFORE", (2, 0), (2, -1), 0.4, GRID),
        ("LINEBEFORE", (7, 0), (7, -1), 0.4, GRID),
        ("LINEBEFORE", (10, 0), (10, -1), 0.4, GRID),
        ("LINEBEFORE", (13, 0), (13, -1), 0.4, GRID),
    ]
    for row, (week, done) in enumerate(weeks, start=2):
        rows.append([
            str(week.number),
            _week_span(week.start, week.start + timedelta(days=6)),
            str(done.sessions_planned),
            str(done.sessions_done),
            str(done.sessions_partly) if done.sessions_partly else "",
            str(done.sessions_missed) if done.sessions_missed else "",
            str(done.sessions_pending) if done.sessions_pending else "",
            f"{done.planned_volume_kg:,.0f}" if done.planned_volume_kg else "",
            f"{done.done_volume_kg:,.0f}" if done.recorded_planned_volume_kg else "",
            _percent(done.done_volume_kg, done.recorded_planned_volume_kg),
            str(done.planned_contacts) if done.planned_contacts else "",
            f"{done.done_contacts:,.0f}" if done.recorded_planned_contacts else "",
            _percent(done.done_contacts, done.recorded_planned_contacts),
            _BAND_WORDS[done.band],
        ])
        commands += [
            ("FONTNAME", (0, row), (-1, row), style.fonts.regular),
            ("FONTSIZE", (0, row), (-1, row), 8),
            ("TEXTCOLOR", (0, row), (-1, row), INK),
            ("BACKGROUND", (13, row), (13, row), BAND_FILL[done.band.value]),
            ("TEXTCOLOR", (13, row), (13, row), BAND_INK[done.band.value]),
        ]
        if done.band.recorded:
            commands.append(("FONTNAME", (13, row), (13, row), style.fonts.bold))
        if done.sessions_missed:
            commands.append(("TEXTCOLOR", (5, row), (5, row), BAND_INK["off"]))
    columns = [24.0, 110.0, 44.0, 36.0, 36.0, 38.0, 58.0, 56.0, 50.0, 44.0, 50.0, 40.0, 44.0]
    columns.append(width - sum(columns))
    table = LongTable(rows, colWidths=columns, repeatRows=2)
    table.setStyle(_table_style(style, *commands, ("TOPPADDING", (0, 2), (-1, -1), 1.2),
                                ("BOTTOMPADDING", (0, 2), (-1, -1), 1.6)))
    return table


# Warnings and rules -----------------------------------------------------------------------


def _warnings(plans: Sequence[Plan], pages: _Pages, style: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        _Section(pages, "Warnings", "warnings"),
        Paragraph("Warnings", style.heading),
        para(
            "Where a soft rule cannot hold, or a coach's edit breaks a rule, the plan says so here. "
            "The rule ids refer to the appendix.",
            style.small,
        ),
        Spacer(1, 4),
    ]
    for plan in plans:
        story.append(CondPageBreak(60))
        story.append(para(f"{plan.athlete.name} ({len(plan.warnings)})", style.subheading))
        if not plan.warnings:
            story.append(para("No warnings.", style.small))
            continue
        rows: list[list[Any]] = [["Date", "Rule", "Warning"]]
        for warning in plan.warnings:
            rows.append([
                f"{short_day(warning.date)} {warning.date.year}",
                warning.rule_id,
                para(warning.message, style.cell),
            ])
        table = LongTable(rows, colWidths=[80.0, 110.0, width - 190.0], repeatRows=1)
        table.setStyle(_table_style(style, ("TEXTCOLOR", (1, 1), (1, -1), WARNING_INK),
                                    ("FONTNAME", (1, 1), (1, -1), style.fonts.bold)))
        story += [table, Spacer(1, 6)]
    story.append(PageBreak())
    return story


def _appendix(pages: _Pages, style: Styles, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [["Rule", "Source", "Grade", "Kind", "Rule and what it says"]]
    for rule in rule_book():
        text = f"<b>{markup(rule.title)}</b><br/>{markup(rule.text)}"
        rows.append([rule.id, rule.source, rule.grade, "hard" if rule.hard else "soft", Paragraph(text, style.cell)])
    table = LongTable(rows, colWidths=[110.0, 44.0, 36.0, 36.0, width - 226.0], repeatRows=1)
    table.setStyle(_table_style(style, ("VALIGN", (0, 1), (-1, -1), "TOP"),
                                ("FONTNAME", (0, 1), (0, -1), style.fonts.bold)))
    return [
        _Section(pages, "Appendix: rules", "rules"),
        Paragraph("Appendix: the rules and their sources", style.heading),
        para(
            "Every number the planner uses, with the id of its source in the training-science reference. "
            "Grade: F firm evidence, M moderate, C coaching convention, E engineering choice. Hard rules "
            "always hold in a generated plan; soft rules hold where the calendar allows, or the plan warns.",
            style.small,
        ),
        Spacer(1, 4),
        table,
    ]
