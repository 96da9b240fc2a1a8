"""Test setup shared by every test: Qt runs offscreen unless a display is asked for."""

from __future__ import annotations

import os

# Before any Qt import: tests must run on machines without a display (CI, containers).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["pytester"]
