"""The one place that builds evidence records.

It slices the quote itself, so quote and offsets can never disagree.
"""

from __future__ import annotations

from ..document import Part, Text


def part_at(parts: list[Part], offset: int) -> Part | None:
    for part in parts:
        if part.start <= offset < part.end:
            return part
    return parts[-1] if parts else None


def evidence(text: Text, parts: list[Part], start: int, end: int) -> dict:
    if not 0 <= start <= end <= len(text.text):
        raise ValueError(f"evidence span {start}:{end} outside text of length {len(text.text)}")
    part = part_at(parts, start)
    return {
        "document": part.id if part else "",
        "page": text.page_at(start),
        "start": start,
        "end": end,
        "quote": text.text[start:end],
    }
