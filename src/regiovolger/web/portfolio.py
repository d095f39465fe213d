"""The project portfolio's money: what each project counts, linked to its passages.

A project's money is its headline field (the budget, else the total costs,
else the requested amount), and that field is the sum of the amounts the
extractor counted in it (``amounts[].counted_as``); each amount links to its
passage in the document. One amount (the same document and offsets) is never
counted twice in a portfolio, and a project whose money is more than
``OUTLIER_FACTOR`` times the portfolio's median is an outlier: it goes to
review instead of the charts until a person accepts it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse

from ..store.models import Fact
from . import facts as F
from .models import ReviewDecision
from .visibility import visible

HEADLINE = ("budget_eur", "total_cost_eur", "requested_eur")
OUTLIER_FACTOR = 100
# the median needs this many projects with money before anything is called an outlier
OUTLIER_MIN_PROJECTS = 4


@dataclass
class Amount:
    value: Decimal
    text: str
    url: str  # the passage in its document
    span: tuple[int, int, int]  # file id, start, end


@dataclass
class Entry:
    row: F.FactRow
    field: str | None
    amounts: list[Amount] = field(default_factory=list)
    outlier: bool = False

    @property
    def value(self) -> Decimal:
        return sum((a.value for a in self.amounts), Decimal(0))


def _decimal(v) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None and v != "" else None
    except ArithmeticError:
        return None


def _amount_urls(rows: list[F.FactRow], user) -> dict[tuple[int, int, int], str]:
    """(file id, start, end) of each amount fact → its place in the document page."""
    files = sorted({r.file_id for r in rows if r.data.get("amounts")})
    if not files:
        return {}
    qs = visible(Fact, user).filter(kind="amounts", file__in=files)  # one query: anchors only
    return {(fid, start, end): reverse("web:document", args=[F.doc_slug(sha)]) + f"#f{pk}"
            for pk, fid, sha, start, end in qs.values_list("id", "file_id", "file__sha256", "start", "end")}


def _own_amounts(row: F.FactRow, urls: dict) -> tuple[str | None, list[Amount]]:
    """The project's headline field and the amounts that make it up."""
    d = row.data
    for key in HEADLINE:
        total = _decimal(d.get(key))
        if total is None:
            continue
        out = []
        for a in d.get("amounts") or []:
            value = _decimal(a.get("value_eur"))
            ev = a.get("evidence") or {}
            if a.get("counted_as") != key or value is None or "start" not in ev:
                continue
            span = (row.file_id, ev["start"], ev["end"])
            out.append(Amount(value, " ".join(str(a.get("text") or "").split()), urls.get(span, row.url), span))
        if sum((a.value for a in out), Decimal(0)) != total:
            # a person corrected the field, or the fact predates counted amounts: the field, at the project's passage
            out = [Amount(total, str(total), row.url, (row.file_id, row.start, row.end))]
        return key, out
    return None, []


def portfolio(rows: list[F.FactRow], user) -> list[Entry]:
    """One entry per project, its amounts counted once across the portfolio, outliers marked."""
    urls = _amount_urls(rows, user)
    seen: set[tuple[int, int, int]] = set()
    entries = []
    for r in rows:
        key, amounts = _own_amounts(r, urls)
        own = []
        for a in amounts:
            if a.span not in seen:
                seen.add(a.span)
                own.append(a)
        entries.append(Entry(r, key, own))
    values = [e.value for e in entries if e.value > 0]
    if len(values) >= OUTLIER_MIN_PROJECTS:
        limit = statistics.median(values) * OUTLIER_FACTOR
        for e in entries:
            e.outlier = e.value > limit and e.row.review != ReviewDecision.ACCEPTED
    return entries
