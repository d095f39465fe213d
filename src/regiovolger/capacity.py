"""Capacity: hours per week implied by project size classes.

The feasibility check of an execution programme: how many hours per week do
the projects ask of each administrative client (bestuurlijk opdrachtgever)
and of each programme line? A size class gives a range (klein < 4 h/week,
middelgroot 4-12, groot > 12; a document's own legend wins), so every sum is
a range; "groot" has no upper bound, so a sum that holds one is open-ended.

Counting rule for a project with several administrative clients (a lead and a
"copiloot"): each client is counted for the project's full hours, because
each must reserve the time; the note says so and the grand total counts every
project once. With ``split=True`` the hours are divided evenly instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract.projects import SIZE_HOURS

__all__ = ["CapacityRow", "capacity", "hours_of", "format_range", "NOTE_FULL", "NOTE_SPLIT"]

NOTE_FULL = ("Een project met meerdere bestuurlijk opdrachtgevers telt bij ieder van hen volledig mee; "
             "het totaal telt ieder project één keer.")
NOTE_SPLIT = "Een project met meerdere bestuurlijk opdrachtgevers is gelijk over hen verdeeld."


@dataclass
class CapacityRow:
    key: str
    projects: list[str] = field(default_factory=list)
    min_hours: float = 0.0
    max_hours: float | None = 0.0  # None: open-ended (a large project has no upper bound)
    unsized: list[str] = field(default_factory=list)  # projects without a size class

    def add(self, name: str, hours: dict | None, share: float = 1.0) -> None:
        self.projects.append(name)
        if not hours:
            self.unsized.append(name)
            return
        self.min_hours += (hours.get("min") or 0) * share
        if self.max_hours is not None:
            self.max_hours = None if hours.get("max") is None else self.max_hours + hours["max"] * share

    def as_dict(self) -> dict:
        return {"key": self.key, "projects": self.projects, "min_hours": self.min_hours,
                "max_hours": self.max_hours, "unsized": self.unsized}


def hours_of(project: dict) -> dict | None:
    if project.get("hours_per_week"):
        return project["hours_per_week"]
    size = project.get("size")
    return dict(SIZE_HOURS[size]) if size in SIZE_HOURS else None


def capacity(projects: list[dict], split: bool = False) -> dict:
    """Sums per administrative client and per programme line, with the projects behind each sum."""
    by_client: dict[str, CapacityRow] = {}
    by_line: dict[str, CapacityRow] = {}
    total = CapacityRow("totaal")
    seen: set[tuple] = set()
    for p in projects:
        hours = hours_of(p)
        clients = p.get("administrative_clients") or []
        if not hours and not clients:
            continue
        # A programme may list one project under two themes: its hours count once.
        key = (p.get("name"), p.get("size"), tuple(clients))
        if key in seen:
            continue
        seen.add(key)
        name = p.get("name", "?")
        total.add(name, hours)
        share = 1.0 / len(clients) if split and clients else 1.0
        for c in clients or ["(geen opdrachtgever)"]:
            by_client.setdefault(c, CapacityRow(c)).add(name, hours, share)
        line = p.get("programme_line") or p.get("programme") or "(geen programmalijn)"
        by_line.setdefault(line, CapacityRow(line)).add(name, hours)

    def order(rows: dict[str, CapacityRow]) -> list[dict]:
        return [r.as_dict() for r in sorted(rows.values(), key=lambda r: (-r.min_hours, r.key))]

    return {
        "by_client": order(by_client),
        "by_line": order(by_line),
        "total": total.as_dict(),
        "note": NOTE_SPLIT if split else NOTE_FULL,
    }


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def format_range(row: dict) -> str:
    """ "8–24 uur/week", or "≥ 12 uur/week" when open-ended."""
    lo, hi = row["min_hours"], row["max_hours"]
    if hi is None:
        return f"≥ {_fmt(lo)} uur/week"
    if lo == hi:
        return f"{_fmt(lo)} uur/week"
    return f"{_fmt(lo)}–{_fmt(hi)} uur/week"
