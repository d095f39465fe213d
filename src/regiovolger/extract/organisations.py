"""Placeholder until its issue lands: finds nothing yet."""

from __future__ import annotations

from ..document import Part, Text


def extract_organisations(text: Text, parts: list[Part], result: dict) -> list[dict]:
    return []
