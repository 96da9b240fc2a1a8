"""Small helpers for the sentences the plan shows a coach."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``1 day``, ``2 days``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
