"""The keyboard shortcuts, listed once for the Help menu."""

from __future__ import annotations

SHORTCUTS = (
    ("Ctrl+N", "New season"),
    ("Ctrl+O", "Open a season"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Delete", "Remove the selected competition"),
    ("Arrow keys", "Move the selected day in the calendar (left/right: week, up/down: day)"),
    ("Double-click a competition", "Edit it"),
    ("Escape", "Cancel a drag and its preview"),
    ("Ctrl+T", "Go to today"),
    ("Ctrl+D", "Record the selected day's session as done as planned"),
    ("Ctrl+M", "Record the selected day's session as missed"),
    ("Ctrl+E", "Enter the squad's sessions of a day or week"),
    ("Tab, Enter, Escape", "On a session card: next set, record, put back what was shown"),
    ("Ctrl+Shift+A", "Add an athlete"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
)

SHORTCUTS_HTML = (
    "<table cellspacing='6'>"
    + "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in SHORTCUTS)
    + "</table>"
)
