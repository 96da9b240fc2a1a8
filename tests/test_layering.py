"""The pure core stays pure: ``planner`` never pulls in Qt, pyqtgraph or the user interface,
and only the PDF writers (``planner.export.pdf``) may import reportlab."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PLANNER = Path(__file__).resolve().parent.parent / "planner"
FORBIDDEN = ("PySide6", "pyqtgraph", "ui", "shiboken6")
PDF_PACKAGE = "planner.export.pdf"


def _planner_modules() -> list[str]:
    names = []
    for path in sorted(PLANNER.rglob("*.py")):
        parts = path.relative_to(PLANNER.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts))
    return names


def test_importing_every_planner_module_loads_no_qt_ui_or_reportlab() -> None:
    modules = [m for m in _planner_modules() if not m.startswith(PDF_PACKAGE)]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(result.stdout)
    assert "planner.engine.generator" in loaded  # the import really happened
    offending = [m for m in loaded if m.split(".")[0] in (*FORBIDDEN, "reportlab")]
    assert offending == []


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_planner_source_imports_qt_or_ui_and_reportlab_only_in_the_pdf_writer() -> None:
    for path in PLANNER.rglob("*.py"):
        roots = _imported_roots(path)
        assert not roots & set(FORBIDDEN), f"{path} imports {roots & set(FORBIDDEN)}"
        if "reportlab" in roots:
            module = ".".join(path.relative_to(PLANNER.parent).with_suffix("").parts)
            assert module.startswith(PDF_PACKAGE), f"{path} imports reportlab"
