"""Placeholder until its issue lands: finds nothing yet."""

from __future__ import annotations

from ..document import Part, Text


def extract_meetings(text: Text, parts: list[Part]) -> tuple[list[dict], list[dict]]:
    return [], []
