"""Small helpers shared by the list and detail views: dates, name lists and filter parameters."""

from __future__ import annotations

import datetime as dt


def to_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def names(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str) and v.strip()]


def choice(request, name: str, options) -> str:
    value = request.GET.get(name, "")
    return value if value in options else ""


def filter_spec(name, label_, options, selected):
    return {"name": name, "label": label_, "options": options, "selected": selected}
