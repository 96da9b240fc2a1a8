"""Golden files: the code's whole output kept in tests/fixtures/golden and reviewed as a diff."""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent / "fixtures" / "golden"
# Lines of a golden file's diff shown on failure: enough to see the change, the rest is `git diff`.
DIFF_LINES = 80
DIFF_WINDOW = 400


@dataclass
class Golden:
    """Compares an output with its file in tests/fixtures/golden, or rewrites the file."""

    update: bool
    rewritten: list[str] = field(default_factory=list)

    def check(self, name: str, text: str) -> None:
        path = GOLDEN_DIR / name
        # Bytes, not text: the file keeps the output's own line endings (CSV rows end in CRLF).
        data = text.encode("utf-8")
        if self.update:
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
                self.rewritten.append(name)
            return
        if not path.exists():
            pytest.fail(f"no golden file {name}: run `pytest --update-golden` and review the new file", pytrace=False)
        expected = path.read_bytes().decode("utf-8")
        if text == expected:
            return
        # pytest's own diff of two multi-megabyte strings takes minutes, difflib's of the whole files
        # seconds: show the start of the diff from the first line that differs.
        before, after = expected.splitlines(), text.splitlines()
        first = next(
            (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after))
        )
        start = max(first - 2, 0)
        diff = difflib.unified_diff(
            before[start : start + DIFF_WINDOW],
            after[start : start + DIFF_WINDOW],
            f"golden/{name} (from line {start + 1})",
            f"output (from line {start + 1})",
            lineterm="",
            n=2,
        )
        shown = list(itertools.islice(diff, DIFF_LINES)) or ["(the lines are equal: the line endings differ)"]
        pytest.fail(
            f"{name} differs from the code's output; if the change is intended, run `pytest --update-golden` "
            "and review the diff (git diff tests/fixtures/golden)\n" + "\n".join(shown),
            pytrace=False,
        )
