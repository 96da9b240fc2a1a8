"""Data files shipped with SprintPlan (rules, exercise catalogue, schemas, fonts, icons).

One locator finds them wherever the program runs: a source checkout, an installed wheel
or a PyInstaller bundle (which unpacks data below ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

__all__ = ["locate", "read_text"]


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        bundled = Path(frozen_root) / "resources"
        if bundled.is_dir():
            return bundled
    return Path(__file__).resolve().parent


def locate(name: str) -> Path:
    """Return the path of the resource ``name`` (a relative, forward-slash path).

    Raises ``FileNotFoundError`` naming the resource when it is missing, and ``ValueError``
    for names that would escape the resources folder.
    """
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"invalid resource name: {name!r}")
    path = _root().joinpath(*pure.parts)
    if not path.exists():
        raise FileNotFoundError(f"resource not found: {name} (looked in {_root()})")
    return path


def read_text(name: str) -> str:
    """Return the UTF-8 text of the resource ``name``."""
    return locate(name).read_text(encoding="utf-8")
