"""A filled-in spreadsheet export for the results import tests: the demo season's CSV as rows
of cells by column name, with helpers to type into a session's done columns."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache

from planner.document.demo import demo_season
from planner.document.model import Season
from planner.document.sessions import Session, SessionKind
from planner.engine.generator import generate, generate_all
from planner.export.csv import COLUMNS, csv_text

TODAY = date(2026, 12, 1)


@cache
def demo() -> Season:
    return demo_season()


@dataclass
class Sheet:
    header: list[str]
    rows: list[dict[str, str]]

    @classmethod
    def of(cls, season: Season) -> Sheet:
        lines = list(csv.reader(io.StringIO(csv_text(season, generate_all(season)))))
        return cls(lines[0], [dict(zip(lines[0], line, strict=True)) for line in lines[1:]])

    def session(self, athlete_id: str, day: date, kind: SessionKind) -> list[dict[str, str]]:
        found = [
            r for r in self.rows
            if r["athlete_id"] == athlete_id and r["date"] == day.isoformat() and r["kind"] == kind.value
        ]
        assert found, (athlete_id, day, kind)
        return found

    def line_of(self, row: dict[str, str]) -> int:
        # The header is line 1 and no cell of the demo spans lines.
        return self.rows.index(row) + 2

    def text(self, delimiter: str = ",") -> str:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(self.header)
        writer.writerows([[r[name] for name in self.header] for r in self.rows])
        return out.getvalue()


def sessions_of(athlete_id: str, kind: SessionKind, after: date = date(2026, 11, 1)) -> list[Session]:
    plan = generate(demo(), athlete_id)
    return [s for d in plan.days if after <= d.date < TODAY for s in d.sessions if s.kind is kind]


__all__ = ["COLUMNS", "TODAY", "Sheet", "demo", "sessions_of"]
