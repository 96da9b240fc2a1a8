"""Weekly session cards: what an athlete takes to the gym, with every load worked out.

A4 and US Letter print one page per athlete and week (a week that cannot fit flows on to a
second page; a session is kept whole on one page). A5 prints one training or competition day
per page. Each session lists its exercises with sets x reps, % of max, the load in the
athlete's units and the plates per side, rest and intent; the main barbell lift gets a warm-up
ramp; plyometric drills show reps x distance and contacts. Boxes for the actual load and reps
of every set, the session's effort and two note lines are left for the athlete to fill in.

A session something is recorded for prints what was done in those boxes instead: the load
and reps of each set done (a set beyond the prescribed ones gets boxes of its own), ticks for
the plyometric sets done, the effort, the minutes and the note, and its title bar says done,
partly done or missed. Such a session prints as it was planned when it was recorded, so the
boxes stand beside the prescription the athlete had.

Every load printed for an item is the item's own ``load`` (the number ``sprintplan plan
--json`` gives); only the warm-up ramp is worked out here, with ``planner.engine.loads.round_load``.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from planner.document.catalogue import MAIN_LIFTS, lift_name
from planner.document.model import WEEKDAY_NAMES, Athlete, Competition, Note, Season, TrackDay
from planner.document.records import DoneSet, RecordStatus, SessionRecord
from planner.document.sessions import Item, Session, SessionKind
from planner.document.text import BODY_WEIGHT, EVENT_NAMES, below_bar_text, max_text, plates_text, volume_text
from planner.engine.generator import generate
from planner.engine.plan import Day, Plan, Week
from planner.engine.prescription import reserve_note
from planner.engine.warmup import RampStep, main_barbell_item, warmup_ramp
from planner.export.look import PHASE_NAMES
from planner.export.pdf.common import (
    DETAIL,
    DONE_INK,
    FAINT,
    GRID,
    INK,
    LIGHT_GRID,
    MARGIN,
    MISSED_INK,
    MONTH_NAMES,
    NOTE_BAR,
    NOTE_TINT,
    PAGE_SIZES,
    PHASE_COLOURS,
    PLYOMETRICS,
    PLYOMETRICS_TINT,
    PRIORITY_COLOURS,
    PRIORITY_INK,
    SHADE,
    WEIGHTS,
    WEIGHTS_TINT,
    CachedTable,
    Label,
    Run,
    Styles,
    Target,
    day_title,
    fit_text,
    markup,
    number,
    para,
    rest_text,
    short_day,
    span_text,
    styled,
    styles,
    write_pdf,
)
from planner.export.print_selection import (
    Paper,
    PrintSelection,
    notes_for,
    printed_days,
    week_competitions,
    week_dates,
)

__all__ = ["load_text", "write_cards"]

_TOP_MARGIN = MARGIN
_BOTTOM_MARGIN = MARGIN + 3 * mm  # room for the footer
# Pages narrower than this (A5) stack the write-in boxes under each exercise.
_NARROW = 450.0
# A card this much too long for its page is set smaller to fit; longer ones take two pages.
_MIN_SCALE = 0.84
# Write-in boxes for one set: the load (wide enough for "142.5") and the reps.
_LOAD_BOX = 30.0
_REPS_BOX = 18.0
_SET_BOX = _LOAD_BOX + _REPS_BOX
# Below this the exercise name wraps into too many lines to read at a glance.
_NAME_MIN = 100.0
_TICK = "☐"
_TICKED = "☑"
# The title bar's mark (short: the bar shares its line with the session's reason) and the
# word that starts the note line.
_STATUS_MARKS = {RecordStatus.DONE: "✓", RecordStatus.PARTLY_DONE: "◐", RecordStatus.MISSED: "✗ MISSED"}
# What a missed session's set boxes hold: a dash says "not done", an empty box "not filled in".
_NOT_DONE = "–"
_EDITED = "✎"
# The day of a competition band (the rest rows set it smaller) and reportlab's default
# padding on each side of a table cell.
_DAY_SIZE = 8.5
# The longest item note printed in its exercise's cell (engine notes are far shorter).
_CELL_NOTE_MAX = 240
# The athlete's name in a card's header, and the least it is set at for a long name.
_NAME_SIZE = 14.0
_NAME_MIN_SIZE = 8.0
_CELL_PADDING = 6.0
# The engine's wording for accessories; the card says "2 in reserve" in the % column instead.


def load_text(item: Item) -> str:
    """The load of ``item`` as its card prints it ("76.25"), "" when the item has none."""
    if item.body_weight:
        return BODY_WEIGHT
    return "" if item.load is None else number(item.load)


def _plates_cell(item: Item, style: Styles) -> Label:
    lines: list[list[Run]] = [[(plates_text(item), style.fonts.regular, 7, INK)]]
    if item.fractional_per_side:
        lines.append([(f"+ {number(item.fractional_per_side)} fractional", style.fonts.regular, 6.5, DETAIL)])
    return Label(lines, leading=1.17, centred=True)


def _ramp_text(steps: Sequence[RampStep], unit: str) -> str:
    parts = []
    for step in steps:
        if step.percent is None:
            parts.append(f"empty bar {number(step.load)} {unit} × {step.reps}")
            continue
        fractional = (step.fractional_per_side,) if step.fractional_per_side else ()
        plates = " + ".join(number(p) for p in (*step.plates_per_side, *fractional))
        parts.append(f"{number(step.percent)} % {number(step.load)} {unit} ({plates}) × {step.reps}")
    return "  ·  ".join(parts)


def _item_note(item: Item) -> str:
    """What the card says beside the item that its columns do not: the plates column lists
    the fractional plate, and the % column says "2 in reserve"."""
    parts = [below_bar_text(item)]
    for part in item.note.split("; "):
        if item.reps_in_reserve is not None and part == reserve_note(item.reps_in_reserve):
            continue
        parts.append(part)
    return "; ".join(part for part in parts if part)


# Layout -----------------------------------------------------------------------------------


@dataclass
class _Pages:
    """What the page decoration needs to know: whose card is on the page and where it began."""

    season_name: str
    label: str = ""
    first_page: int = 1


class _CardStart(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """An invisible mark at the top of each card, telling the footer whose card the page holds."""

    def __init__(self, pages: _Pages, label: str) -> None:
        super().__init__()
        self.pages = pages
        self.label = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.pages.label = self.label
        self.pages.first_page = self.canv.getPageNumber()


class _Session(KeepTogether):  # type: ignore[misc]
    """A session's title, tables and write-in lines: never split across two pages."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__(parts)
        self.parts = parts


class _CardDocument(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, stream: BinaryIO, paper: Paper, pages: _Pages, title: str) -> None:
        super().__init__(
            stream,
            pagesize=PAGE_SIZES[paper],
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=_TOP_MARGIN,
            bottomMargin=_BOTTOM_MARGIN,
            title=title,
            author="SprintPlan",
            subject="Session cards",
            creator="SprintPlan",
            initialFontName=styles().fonts.regular,
            # Same season, same bytes: the file has no build time in it, so printing twice
            # does not look like a change to a backup tool or a test.
            invariant=1,
        )
        self.pages = pages
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="card")
        self.addPageTemplates([PageTemplate(id="card", frames=[frame], onPageEnd=self._decorate)])

    def _decorate(self, canvas: Any, document: Any) -> None:
        style = styles()
        page = canvas.getPageNumber()
        width, _height = self.pagesize
        canvas.saveState()
        canvas.setFont(style.fonts.regular, 6.5)
        canvas.setFillColor(FAINT)
        y = MARGIN
        # Each footer half holds its text, shortened if need be: long names never overlap.
        half = (width - 2 * MARGIN) / 2 - 6
        canvas.drawString(MARGIN, y, fit_text(f"SprintPlan · {self.pages.season_name}", style.fonts.regular, 6.5, half))
        right = self.pages.label
        if page > self.pages.first_page:
            continued = f" · page {page - self.pages.first_page + 1}"
            right = fit_text(right, style.fonts.regular, 6.5, half - stringWidth(continued, style.fonts.regular, 6.5))
            right += continued
            # Pages of a card can be separated in a stack of printouts; the top says whose it is.
            canvas.setFont(style.fonts.bold, 7)
            top = fit_text(f"{self.pages.label}", style.fonts.bold, 7, 2 * half - 60) + " (continued)"
            canvas.drawRightString(width - MARGIN, self.pagesize[1] - MARGIN + 2, top)
            canvas.setFont(style.fonts.regular, 6.5)
        canvas.drawRightString(width - MARGIN, y, fit_text(right, style.fonts.regular, 6.5, half))
        canvas.restoreState()


@dataclass
class _Card:
    """One athlete-week (A4, Letter) or athlete-day (A5) and the facts its header needs."""

    season: Season
    plan: Plan
    number: int
    week: Week | None
    dates: tuple[date, ...]
    width: float
    height: float
    style: Styles
    # A canvas nothing is drawn on: KeepTogether needs one to measure its content.
    measure: Canvas
    competitions: tuple[Competition, ...] = field(default=())
    notes: tuple[Note, ...] = field(default=())
    # An A5 card: one day, titled by its date rather than its week.
    one_day: bool = False
    # The season's records by (athlete id, date, kind).
    records: Mapping[tuple[str, date, SessionKind], SessionRecord] = field(default_factory=dict)

    def record(self, session: Session) -> SessionRecord | None:
        return self.records.get((self.athlete.id, session.date, session.kind))

    @property
    def athlete(self) -> Athlete:
        return self.plan.athlete

    @property
    def narrow(self) -> bool:
        """A5: the write-in boxes go under each exercise instead of beside it."""
        return self.width < _NARROW


def write_cards(
    season: Season,
    selection: PrintSelection,
    target: Target,
    *,
    plans: Mapping[str, Plan] | None = None,
) -> int:
    """Write the cards of ``selection`` to ``target`` (a path or a binary stream); return the page count.

    ``plans`` may hold plans already generated for the season (by athlete id); the others are
    generated here.
    """
    if not 1 <= selection.first_week <= selection.last_week <= season.week_count:
        raise ValueError(
            f"weeks {selection.first_week}-{selection.last_week} are not in the season (weeks 1-{season.week_count})"
        )
    style = styles()
    width, height = PAGE_SIZES[selection.paper]
    pages = _Pages(season.name)
    measure = Canvas(io.BytesIO())
    records = {record.key: record for record in season.records}
    story: list[Flowable] = []
    for athlete_id in selection.athlete_ids:
        plan = plans[athlete_id] if plans is not None and athlete_id in plans else generate(season, athlete_id)
        weeks = {w.number: w for w in plan.weeks}
        for number_ in selection.weeks:
            dates = week_dates(season, number_)
            card = _Card(season, plan, number_, weeks.get(number_), dates, width - 2 * MARGIN,
                         height - _TOP_MARGIN - _BOTTOM_MARGIN, style, measure,
                         week_competitions(plan, dates), notes_for(season, athlete_id, dates), records=records)
            story += _day_pages(card, pages) if selection.paper is Paper.A5 else _week_page(card, pages)
    if not story:
        # A PDF needs a page; an empty one would look like a failed print.
        what = "training or competition days" if selection.paper is Paper.A5 else "athletes"
        story.append(para(f"Nothing to print: no {what} in the chosen weeks.", style.base))
    elif isinstance(story[-1], PageBreak):
        story.pop()
    count = 0

    def build(stream: BinaryIO) -> None:
        nonlocal count
        document = _CardDocument(stream, selection.paper, pages, f"{season.name}: session cards")
        document.build(story)
        count = document.page

    write_pdf(target, build)
    return count


def _week_page(card: _Card, pages: _Pages) -> list[Flowable]:
    if not card.dates:
        return []
    content = _header(card, span_text(card.dates[0], card.dates[-1]))
    for on in card.dates:
        day = card.plan.day(on)
        if day is not None:
            content += _day_flowables(card, day)
    return [_CardStart(pages, f"{card.athlete.name} · week {card.number}"), *_fit(content, card), PageBreak()]


def _fit(content: list[Flowable], card: _Card) -> list[Flowable]:
    """The card's flowables, set a little smaller when that keeps them on one page.

    A week a few points too long (often just its last rest day) would otherwise print a
    second sheet holding one line. Down to ``_MIN_SCALE`` the whole card is scaled to fit;
    anything longer flows on to further pages, each session kept whole.
    """
    # KeepTogether answers "more than any page" to force its split check and cannot be
    # drawn inside a KeepInFrame, so sessions are measured and scaled by their parts.
    flat = [part for item in content for part in (item.parts if isinstance(item, _Session) else [item])]
    height = 0.0
    for part in flat:
        _width, used = part.wrapOn(card.measure, card.width, card.height)
        height += used + part.getSpaceBefore() + part.getSpaceAfter()
        if height > card.height / _MIN_SCALE:
            return content
    if height <= card.height:
        return content
    return [KeepInFrame(card.width, card.height, flat, mode="shrink")]


def _day_pages(card: _Card, pages: _Pages) -> list[Flowable]:
    story: list[Flowable] = []
    for day in printed_days(card.plan, card.dates):
        # The week's competitions stay in the header: Tuesday's card says Saturday's race is coming.
        one = (day.date,)
        day_card = replace(card, dates=one, notes=notes_for(card.season, card.athlete.id, one), one_day=True)
        content = _header(day_card, day_title(day.date)) + _day_flowables(day_card, day)
        label = f"{card.athlete.name} · {short_day(day.date)}"
        story += [_CardStart(pages, label), *_fit(content, day_card), PageBreak()]
    return story


def _athlete_facts(athlete: Athlete, on: date) -> str:
    """"400 m hurdles · loads in kg, bar 20 kg · maxes (kg): back squat 105, power clean 67.5"."""
    unit = athlete.units.value
    facts = [EVENT_NAMES[athlete.event], f"loads in {unit}, bar {number(athlete.equipment.bar_mass)} {unit}"]
    maxes: dict[str, str] = {}
    for lift in (*MAIN_LIFTS, *(substitute for _original, substitute in athlete.substitutions)):
        entry = athlete.max_on(lift, on)
        if entry is not None:
            name = lift_name(lift)
            maxes[name] = max_text(name, entry)
    if maxes:
        facts.append(f"maxes ({unit}): " + ", ".join(maxes.values()))
    return " · ".join(facts)


def _header(card: _Card, when: str) -> list[Flowable]:
    style = card.style
    athlete = card.athlete
    right_title = short_day(card.dates[0]) if card.one_day else f"Week {card.number}"
    left = 0.56 if card.one_day else 0.74
    title = CachedTable(
        [
            [
                Label([[(athlete.name, style.fonts.bold, _name_size(athlete.name, style, card.width * left), INK)]],
                      leading=1.18),
                Label([[(right_title, style.fonts.bold, 14, INK)]], leading=1.18, align_right=True),
            ],
            [
                Label([[(_athlete_facts(athlete, card.dates[-1]), style.fonts.regular, 7, FAINT)]]),
                Label([[(when, style.fonts.regular, 8.5, INK)]], align_right=True),
            ],
        ],
        colWidths=[card.width * left, card.width * (1 - left)],
    )
    styled(title, [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ])
    story: list[Flowable] = [title, Spacer(1, 2), _phase_strip(card)]
    if card.competitions:
        story += [Spacer(1, 2), _competition_strip(card)]
    if card.notes:
        story += [Spacer(1, 2), *_notes_box(card.notes, card)]
    story.append(Spacer(1, 4))
    return story


def _name_size(name: str, style: Styles, width: float) -> float:
    """The header's name size: 14 pt, set smaller for a long name so that it takes at most
    two lines where it can (an 80-letter name without a space still fits the header)."""
    full = float(stringWidth(name, style.fonts.bold, _NAME_SIZE))
    if full <= 2 * width:
        return _NAME_SIZE
    return max(_NAME_MIN_SIZE, _NAME_SIZE * 2 * width / full * 0.95)


def _phase_strip(card: _Card) -> CachedTable:
    style = card.style
    days = [d for d in (card.plan.day(on) for on in card.dates) if d is not None]
    phase = days[0].phase if card.one_day or card.week is None else card.week.phase
    parts = [PHASE_NAMES[phase]]
    if card.one_day:
        parts.insert(0, f"Week {card.number}")
    if any(d.deload for d in days):
        parts.append("deload week: less volume, same intensity")
    taper = next((d.taper_for for d in days if d.taper_for), None)
    if taper is not None:
        competition = card.season.find_competition(taper)
        if competition is not None:
            parts.append(f"taper for {competition.name}")
    if any(d.locked for d in days):
        parts.append("week locked by the coach")
    strip = CachedTable([[Label([[(" · ".join(parts), style.fonts.bold, 8.5, INK)]])]], colWidths=[card.width])
    styled(strip, [
        ("BACKGROUND", (0, 0), (-1, -1), PHASE_COLOURS[phase]),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ])
    return strip


def _competition_strip(card: _Card) -> CachedTable:
    style = card.style
    rows = []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.white),
    ]
    for index, competition in enumerate(card.competitions):
        place = "indoor" if competition.indoor else "outdoor"
        when = short_day(competition.start)
        if competition.end != competition.start:
            when += f" – {short_day(competition.end)}"
        text: list[Run] = [
            (competition.name, style.fonts.bold, 8.5, INK),
            (f"  ·  {when}  ·  {place}", style.fonts.regular, 8.5, INK),
        ]
        rows.append([competition.priority.value, Label([text])])
        commands += [
            ("BACKGROUND", (0, index), (0, index), PRIORITY_COLOURS[competition.priority]),
            ("TEXTCOLOR", (0, index), (0, index), PRIORITY_INK[competition.priority]),
        ]
    commands += [
        ("FONTNAME", (0, 0), (0, -1), style.fonts.bold),
        ("FONTSIZE", (0, 0), (0, -1), 10),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("BACKGROUND", (1, 0), (1, -1), SHADE),
    ]
    table = CachedTable(rows, colWidths=[18, card.width - 18])
    styled(table, commands)
    return table


class _CardText(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A paragraph as wide as the card's tables (its style's ``card_width``), centred like
    them: a card set smaller to fit its page offers its content more than the card's width."""

    hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width = min(available_width, getattr(self.style, "card_width", available_width))
        return super().wrap(width, available_height)  # type: ignore[no-any-return]


class _Note(_CardText):
    """A coach's note on the card: a tinted block with a bar on its left.

    A paragraph rather than a table cell, so that a note longer than the page goes on to
    the next one (a table breaks between rows, never inside a cell); each part drawn keeps
    the tint and the bar.
    """

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(NOTE_TINT)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(NOTE_BAR)
        canvas.rect(0, 0, 2, self.height, stroke=0, fill=1)
        canvas.restoreState()
        super().draw()


@cache
def _note_style(style: Styles, width: float) -> ParagraphStyle:
    return ParagraphStyle("cardNote", parent=style.base, fontSize=8.5, leading=10.2, leftIndent=6, rightIndent=4,
                          borderPadding=0, spaceBefore=0, spaceAfter=1, splitLongWords=1, card_width=width)


def _notes_box(notes: Sequence[Note], card: _Card) -> list[Flowable]:
    style = card.style
    blocks: list[Flowable] = []
    for note in notes:
        when = f"<b>{markup(short_day(note.date))}</b>  " if note.date is not None else ""
        blocks.append(_Note(when + markup(note.text), _note_style(style, card.width)))
    return blocks


def _day_flowables(card: _Card, day: Day) -> list[Flowable]:
    story: list[Flowable] = []
    if day.competitions:
        for competition_id in day.competitions:
            competition = card.season.find_competition(competition_id)
            if competition is not None:
                story += [_competition_band(card, day.date, competition), Spacer(1, 3)]
    if not day.sessions and not day.competitions:
        story += [_rest_row(card, day.date), Spacer(1, 1.5)]
    for session in day.sessions:
        story += [_session_block(card, session), Spacer(1, 2.5)]
    return story


@cache
def _day_column(style: Styles) -> float:
    """The width of the day column of a competition band or a rest row: the widest day
    ("WED 28 MAR") in the band's bold face with the cell's padding, so a day never runs
    into the text beside it."""
    widest = max(
        float(stringWidth(f"{weekday[:3]} 28 {month[:3]}".upper(), style.fonts.bold, _DAY_SIZE))
        for weekday in WEEKDAY_NAMES
        for month in MONTH_NAMES
    )
    return float(math.ceil(widest)) + 2 * _CELL_PADDING


def _competition_band(card: _Card, on: date, competition: Competition) -> CachedTable:
    style = card.style
    place = "indoor" if competition.indoor else "outdoor"
    ink = PRIORITY_INK[competition.priority]
    text: list[Run] = [
        (f"COMPETITION  {competition.name}", style.fonts.bold, 8.5, ink),
        (f"  ·  priority {competition.priority.value}  ·  {place}", style.fonts.regular, 8.5, ink),
    ]
    column = _day_column(style)
    band = CachedTable([[short_day(on).upper(), Label([text])]], colWidths=[column, card.width - column])
    styled(band, [
        ("BACKGROUND", (0, 0), (-1, -1), PRIORITY_COLOURS[competition.priority]),
        ("TEXTCOLOR", (0, 0), (0, 0), ink),
        ("FONTNAME", (0, 0), (0, 0), style.fonts.bold),
        ("FONTSIZE", (0, 0), (0, 0), _DAY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])
    return band


def _rest_row(card: _Card, on: date) -> CachedTable:
    style = card.style
    track = card.athlete.rhythm[on.weekday()].track
    detail = {
        TrackDay.REST: "",
        TrackDay.EASY: "  ·  no weights or jumps (easy track day)",
        TrackDay.HARD: "  ·  no weights or jumps (track session only)",
    }[track]
    column = _day_column(style)
    row = CachedTable([[short_day(on).upper(), "Rest" + detail]], colWidths=[column, card.width - column])
    styled(row, [
        ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
        ("FONTNAME", (0, 0), (0, 0), style.fonts.bold),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), FAINT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_GRID),
        ("LEFTPADDING", (0, 0), (0, 0), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])
    return row


def _session_block(card: _Card, session: Session) -> _Session:
    style = card.style
    record = card.record(session)
    if record is not None:
        # The boxes hold what was done beside what was prescribed then.
        session = record.planned
    weights = session.kind is SessionKind.WEIGHTS
    accent, tint = (WEIGHTS, WEIGHTS_TINT) if weights else (PLYOMETRICS, PLYOMETRICS_TINT)
    kind = "Weights" if weights else "Plyometrics"
    # "Plyometrics (high intensity)" already says what it is; "Strength" needs "Weights".
    name = session.title if session.title.lower().startswith(kind.lower()) else f"{kind} · {session.title}"
    facts = []
    if not weights:
        facts.append(f"{sum(item.contacts for item in session.items)} contacts")
    facts.append(f"about {session.minutes} min")
    if session.heavy:
        facts.append("heavy")
    # A deload shows in the phase strip; a test changes what the session is, so it shows here.
    facts += [tag for tag in session.tags if tag == "test"]
    if session.edited:
        facts.append(f"{_EDITED} changed by the coach")
    title_runs: list[Run] = [(f"{short_day(session.date).upper()}   ", style.fonts.bold, 8.5, INK)]
    if record is not None:
        ink = _record_ink(record)
        title_runs.append((_STATUS_MARKS[record.status] + "  ", style.fonts.bold, 8.5, ink))
    title_runs += [
        (name, style.fonts.bold, 8.5, INK),
        ("   " + " · ".join(facts), style.fonts.regular, 7, DETAIL),
    ]
    reason = Label([[(session.reason, style.fonts.italic, 6.6, DETAIL)]], align_right=not card.narrow)
    if card.narrow:
        # A5 has the height but not the width: the reason gets its own line.
        title = CachedTable([[Label([title_runs])], [reason]], colWidths=[card.width])
    else:
        # The reason shares the title bar: one line less per session keeps a five-session
        # week on one sheet of Letter.
        title = CachedTable([[Label([title_runs]), reason]], colWidths=[card.width * 0.47, card.width * 0.53])
    styled(title, [
        ("BACKGROUND", (0, 0), (-1, -1), tint),
        ("LINEBEFORE", (0, 0), (0, -1), 3, accent),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (0, -1), 5),
    ])
    parts: list[Flowable] = [title]
    if weights:
        lift = main_barbell_item(session)
        ramp = warmup_ramp(lift, card.athlete) if lift is not None else ()
        if lift is not None and ramp:
            parts.append(Label([[
                ("Warm-up", style.fonts.bold, 7, FAINT),
                (f" ({lift.name.lower()}):  {_ramp_text(ramp, lift.unit)}", style.fonts.regular, 7, FAINT),
            ]], indent=5, space_before=0.5, space_after=1.5))
        parts.append(_weights_table(card, session, record))
    else:
        parts.append(_plyometrics_table(card, session, record))
    note_style = _session_note_style(style, card.width)
    for item in session.items:
        note = _item_note(item)
        if _too_long_for_cell(note):
            parts.append(_CardText(f"{markup(item.name)}: {markup(note)}", note_style))
    for note in session.notes:
        # A paragraph, so that a note longer than the page can go on to the next one.
        parts.append(_CardText("Note: " + markup(note), note_style))
    parts += _write_in(card, record)
    return _Session(parts)


@cache
def _session_note_style(style: Styles, width: float) -> ParagraphStyle:
    return ParagraphStyle("sessionNote", parent=style.base, fontSize=7, leading=8.4, textColor=FAINT, leftIndent=5,
                          spaceAfter=1.5, splitLongWords=1, card_width=width)


@cache
def _recorded_note_style(style: Styles, width: float, ink: colors.Color) -> ParagraphStyle:
    return ParagraphStyle("recordedNote", parent=style.base, fontSize=7, leading=8.4,
                          textColor=ink, leftIndent=5, spaceAfter=1.5, splitLongWords=1, card_width=width)


def _name_cell(item: Item, style: Styles) -> Label:
    name = item.name + (f" {_EDITED}" if item.edited else "")
    lines: list[list[Run]] = [
        [(name, style.fonts.bold, 8.5, INK), (f"  {item.intent.value}", style.fonts.regular, 6.8, DETAIL)]
    ]
    note = _item_note(item)
    if _too_long_for_cell(note):
        note = "note below the table"
    if note:
        lines.append([(note, style.fonts.regular, 6.8, DETAIL)])
    return Label(lines, leading=1.17)


def _too_long_for_cell(note: str) -> bool:
    """A note too long for its table cell (a table breaks between rows, never inside a
    cell): it prints under the table, where it can go on to the next page."""
    return len(note) > _CELL_NOTE_MAX


def _record_ink(record: SessionRecord | None) -> colors.Color:
    """What a record's figures print in: a missed session's red, otherwise the ink of what was done."""
    return MISSED_INK if record is not None and record.status is RecordStatus.MISSED else DONE_INK


def _done_sets(record: SessionRecord | None, index: int) -> tuple[DoneSet, ...]:
    """The sets done of item ``index`` of a recorded session (none without a record)."""
    if record is None or index >= len(record.items):
        return ()
    return record.items[index].sets


def _box_texts(record: SessionRecord | None, done: Sequence[DoneSet], slot: int, prescribed: int) -> tuple[str, str]:
    """What set ``slot``'s load and reps boxes hold: what was done, a dash for a prescribed set
    of a missed session, or nothing to fill in."""
    if slot < len(done):
        load = done[slot].load
        return ("" if load is None else number(load), str(done[slot].reps))
    if record is not None and record.status is RecordStatus.MISSED and slot < prescribed:
        return (_NOT_DONE, _NOT_DONE)
    return ("", "")


def _weights_table(card: _Card, session: Session, record: SessionRecord | None = None) -> CachedTable:
    style = card.style
    unit = card.athlete.units.value if record is None else record.units.value
    fixed = [("Sets × reps", 44.0), ("% max", 34.0), (unit, 36.0), ("Plates / side", 86.0), ("Rest", 27.0)]
    fixed_width = sum(w for _label, w in fixed)
    set_start = 1 + len(fixed)
    boxes = [max(item.sets, len(_done_sets(record, n))) for n, item in enumerate(session.items)]
    most_sets = max(boxes, default=1)
    if card.narrow:
        per_line = 0
        name_width = card.width - fixed_width
    else:
        per_line = max(1, min(most_sets, int((card.width - fixed_width - _NAME_MIN) // _SET_BOX)))
        name_width = card.width - fixed_width - per_line * _SET_BOX
    columns = [name_width, *(w for _label, w in fixed)] + [_LOAD_BOX, _REPS_BOX] * per_line
    header: list[Any] = ["Exercise", *(label for label, _w in fixed)]
    for slot in range(per_line):
        header += [f"set {slot + 1} {unit}", "reps"]
    rows: list[list[Any]] = [header]
    commands = [
        *_grid_commands(style),
        ("FONTNAME", (3, 1), (3, -1), style.fonts.bold),
        ("FONTSIZE", (set_start, 0), (-1, 0), 5.6),
        ("LEFTPADDING", (set_start, 0), (-1, 0), 0),
        ("RIGHTPADDING", (set_start, 0), (-1, 0), 0),
        # The empty boxes set the least height of a row: room for a handwritten figure even
        # when the exercise fits on one line.
        ("LEADING", (set_start, 1), (-1, -1), 1),
        ("TOPPADDING", (set_start, 1), (-1, -1), 7.5),
        ("BOTTOMPADDING", (set_start, 1), (-1, -1), 7.5),
    ]
    done_ink = _record_ink(record)
    for index, item in enumerate(session.items):
        done = _done_sets(record, index)
        first_row = len(rows)
        row: list[Any] = [
            _name_cell(item, style),
            f"{item.sets} × {item.reps}",
            f"{number(item.percent_max)} %" if item.percent_max is not None and not item.body_weight else "",
            load_text(item),
            _plates_cell(item, style),
            rest_text(item.rest_s),
        ]
        if item.percent_max is None and item.load is None and item.reps_in_reserve is not None:
            # Accessories are done by feel: the % and load columns say how hard instead.
            row[2] = f"{item.reps_in_reserve} reps in reserve"
            commands += [
                ("SPAN", (2, first_row), (3, first_row)),
                ("FONTSIZE", (2, first_row), (2, first_row), 6.5),
                ("LEADING", (2, first_row), (2, first_row), 8),
                ("TEXTCOLOR", (2, first_row), (2, first_row), FAINT),
            ]
        if card.narrow:
            texts = [_box_texts(record, done, slot, item.sets) for slot in range(boxes[index])]
            rows += [row, [_set_boxes(item.sets, unit, card.width, style, texts, done_ink), "", "", "", "", ""]]
            commands += [
                ("SPAN", (0, first_row + 1), (-1, first_row + 1)),
                ("LEFTPADDING", (0, first_row + 1), (-1, first_row + 1), 0),
                ("TOPPADDING", (0, first_row + 1), (-1, first_row + 1), 0),
                ("BOTTOMPADDING", (0, first_row + 1), (-1, first_row + 1), 0),
                ("LINEABOVE", (0, first_row + 1), (-1, first_row + 1), 0.3, LIGHT_GRID),
            ]
            continue
        lines = max(1, math.ceil(boxes[index] / per_line))
        for line in range(lines):
            if line:
                row = [""] * set_start
            for slot in range(per_line):
                number_ = line * per_line + slot
                load_box, reps_box = _box_texts(record, done, number_, item.sets)
                row += [load_box, reps_box]
                column = set_start + 2 * slot
                cells = ((column, first_row + line), (column + 1, first_row + line))
                if number_ >= boxes[index]:
                    commands.append(("BACKGROUND", *cells, SHADE))
                elif load_box or reps_box:
                    commands += [
                        ("TEXTCOLOR", *cells, done_ink),
                        ("FONTNAME", *cells, style.fonts.bold),
                        ("FONTSIZE", *cells, 7.5),
                    ]
            rows.append(row)
        if lines > 1:
            for column in range(set_start):
                commands.append(("SPAN", (column, first_row), (column, first_row + lines - 1)))
    for slot in range(per_line):
        # A set's two boxes read as one: a heavier line after the reps box than between them.
        column = set_start + 2 * slot + 1
        commands.append(("LINEAFTER", (column, 1), (column, -1), 0.9, GRID))
    table = CachedTable(rows, colWidths=columns)
    styled(table, commands)
    return table


def _set_boxes(
    sets: int,
    unit: str,
    width: float,
    style: Styles,
    done: Sequence[tuple[str, str]] = (),
    done_ink: colors.Color = DONE_INK,
) -> CachedTable:
    """A5: a row of boxes under an exercise, one load and one reps box per set; ``done`` holds
    the texts of the boxes filled in from a record (as many as there are boxes)."""
    label, load, reps, gap = 21.0, 34.0, 22.0, 3.0
    per_line = max(1, int((width - 6) // (label + load + reps + gap)))
    boxes = max(sets, len(done))
    rows: list[list[str]] = []
    filled: list[tuple[int, int]] = []
    for first in range(0, max(boxes, 1), per_line):
        row: list[str] = []
        for index in range(first, first + per_line):
            if index >= boxes:
                row += ["", "", "", ""]
                continue
            load_text_, reps_text = done[index] if index < len(done) else ("", "")
            if load_text_ or reps_text:
                filled.append(divmod(index, per_line))
                # The figures alone: a box is as wide as a handwritten load, not "71.25 kg".
                row += [f"set {index + 1}", load_text_, f"× {reps_text}" if reps_text != _NOT_DONE else reps_text, ""]
            else:
                row += [f"set {index + 1}", unit, "reps", ""]
        rows.append(row)
    table = CachedTable(rows, colWidths=[label, load, reps, gap] * per_line, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), style.fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 5.5),
        ("LEADING", (0, 0), (-1, -1), 6),
        ("TEXTCOLOR", (0, 0), (-1, -1), FAINT),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for index in range(boxes):
        line, slot = divmod(index, per_line)
        commands.append(("BOX", (4 * slot + 1, line), (4 * slot + 1, line), 0.6, GRID))
        commands.append(("BOX", (4 * slot + 2, line), (4 * slot + 2, line), 0.6, GRID))
    for line, slot in filled:
        cells = ((4 * slot + 1, line), (4 * slot + 2, line))
        commands += [("TEXTCOLOR", *cells, done_ink), ("FONTNAME", *cells, style.fonts.bold), ("FONTSIZE", *cells, 7)]
    styled(table, commands)
    return table


def _plyo_done(item: Item, done: Sequence[DoneSet], record: SessionRecord | None, style: Styles) -> Any:
    """The "Sets done" cell: a box per set, ticked for the sets done; what was done where it
    differs from the prescription (reps, distance, extra sets) on a line below."""
    if record is None:
        return _TICK * min(item.sets, 10) + ("…" if item.sets > 10 else "")
    if record.status is RecordStatus.MISSED:
        return Label([[("✗ missed", style.fonts.bold, 7.5, MISSED_INK)]], centred=True)
    shown = min(max(item.sets, len(done)), 10)
    ticks = _TICKED * min(len(done), shown) + _TICK * (shown - min(len(done), shown))
    lines: list[list[Run]] = [[(ticks + ("…" if max(item.sets, len(done)) > 10 else ""), style.fonts.regular, 10,
                                DONE_INK)]]
    if any(s.reps != item.reps or s.distance_m != item.distance_m for s in done) or len(done) > item.sets:
        words = ", ".join(
            f"{s.reps}" + (f" × {number(s.distance_m)} m" if s.distance_m is not None else "") for s in done
        )
        lines.append([(words, style.fonts.bold, 6.5, DONE_INK)])
    return Label(lines, centred=True, leading=1.1)


def _plyometrics_table(card: _Card, session: Session, record: SessionRecord | None = None) -> CachedTable:
    style = card.style
    most_sets = max(
        (max(item.sets, len(_done_sets(record, n))) for n, item in enumerate(session.items)), default=1
    )
    done_width = max(44.0, 9.5 * min(most_sets, 10) + 8)
    fixed = [("Sets × reps", 66.0), ("Contacts", 42.0), ("Intensity", 52.0), ("Rest", 27.0), ("Sets done", done_width)]
    name_width = card.width - sum(w for _label, w in fixed)
    rows: list[list[Any]] = [["Drill", *(label for label, _w in fixed)]]
    for index, item in enumerate(session.items):
        rows.append([
            _name_cell(item, style),
            volume_text(item, "×"),
            str(item.contacts),
            item.intensity.value if item.intensity is not None else "",
            rest_text(item.rest_s),
            _plyo_done(item, _done_sets(record, index), record, style),
        ])
    table = CachedTable(rows, colWidths=[name_width, *(w for _label, w in fixed)])
    styled(table, [*_grid_commands(style), ("FONTSIZE", (5, 1), (5, -1), 10)])
    return table


def _grid_commands(style: Styles) -> list[tuple[Any, ...]]:
    """The look both item tables share: a grid, a faint small header row, centred figures."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("FONTNAME", (0, 1), (-1, -1), style.fonts.regular),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("LEADING", (0, 1), (-1, -1), 10),
        ("FONTNAME", (0, 0), (-1, 0), style.fonts.bold),
        ("FONTSIZE", (0, 0), (-1, 0), 6.8),
        ("LEADING", (0, 0), (-1, 0), 7.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), FAINT),
        ("TOPPADDING", (0, 0), (-1, 0), 1),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1.5),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
    ]


def _recorded_line(record: SessionRecord) -> str:
    """The notes line of a recorded session: the minutes and the note as one line of text."""
    parts = [record.status.words.capitalize()]
    if record.minutes is not None:
        parts.append(f"{record.minutes} min")
    if record.note:
        parts.append(" ".join(record.note.split()))
    return "  ·  ".join(parts)


def _write_in(card: _Card, record: SessionRecord | None = None) -> list[Flowable]:
    """The effort box and the note lines under a session, filled in from its record; a note
    too long for the lines prints in full below them."""
    style = card.style
    label_width, box_width, notes_label = 54.0, 28.0, 34.0
    line_width = card.width - label_width - box_width - notes_label
    rows = [["Effort (0–10)", "", "Notes", ""], ["", "", "", ""]]
    below: list[Flowable] = []
    filled: list[tuple[Any, ...]] = []
    if record is not None:
        ink = _record_ink(record)
        if record.effort is not None:
            rows[0][1] = number(record.effort)
            filled += [("TEXTCOLOR", (1, 0), (1, 0), ink), ("FONTSIZE", (1, 0), (1, 0), 9),
                       ("ALIGN", (1, 0), (1, 0), "CENTER")]
        line = _recorded_line(record)
        size = 7.0
        # Written on the second line: the first sits right under the session's table, whose
        # frame a line of text there would touch.
        if stringWidth(line, style.fonts.bold, size) <= line_width - 6:
            rows[1][3] = line
        else:
            rows[1][3] = fit_text(_recorded_line(record._replace(note="")), style.fonts.bold, size, line_width - 6)
            below.append(_CardText("Note: " + markup(record.note), _recorded_note_style(style, card.width, ink)))
        filled += [("TEXTCOLOR", (3, 1), (3, 1), ink), ("FONTSIZE", (3, 1), (3, 1), size),
                   ("VALIGN", (3, 1), (3, 1), "BOTTOM")]
    table = CachedTable(rows, colWidths=[label_width, box_width, notes_label, line_width], rowHeights=[10, 10.5])
    styled(table, [
        ("FONTNAME", (0, 0), (-1, -1), style.fonts.bold),
        ("FONTSIZE", (0, 0), (-1, -1), 6.8),
        ("TEXTCOLOR", (0, 0), (-1, -1), FAINT),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (2, 0), (2, 1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, 0), "LEFT"),
        ("ALIGN", (2, 0), (2, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (0, 0), 3),
        ("BOX", (1, 0), (1, 1), 0.8, INK),
        ("LINEBELOW", (3, 0), (3, 1), 0.5, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        *filled,
    ])
    return [table, *below]
