"""A project's money, counted once: what the portfolio charts sum, kept in ``Fact.amount``.

A project's money is its headline field (the budget, else the total costs, else the
requested amount), and that field is the sum of the amounts the extractor counted in it
(``amounts[].counted_as``), each at its passage; when they do not add up (a person corrected
the field, or the fact predates counted amounts) the field itself counts, at the project's
passage. One passage is never counted for two projects: of the projects of one file the
first (by id) keeps it. ``web.portfolio`` shows the same amounts with their links; the
list's totals and charts sum the column in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

HEADLINE = ("budget_eur", "total_cost_eur", "requested_eur")


@dataclass
class Counted:
    value: Decimal
    text: str
    span: tuple[int, int, int]  # file id, start, end
    own: bool  # the project's own passage (the field itself), not an amount's


def decimal(v) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None and v != "" and not isinstance(v, bool) else None
    except ArithmeticError:
        return None


def own_amounts(data: dict, file_id: int, start: int, end: int) -> tuple[str | None, list[Counted]]:
    """The project's headline field and the amounts that make it up."""
    for key in HEADLINE:
        total = decimal(data.get(key))
        if total is None:
            continue
        out = []
        for a in data.get("amounts") or []:
            if not isinstance(a, dict):
                continue
            value = decimal(a.get("value_eur"))
            ev = a.get("evidence") or {}
            if a.get("counted_as") != key or value is None or "start" not in ev:
                continue
            out.append(Counted(value, " ".join(str(a.get("text") or "").split()), (file_id, ev["start"], ev["end"]),
                               False))
        if sum((a.value for a in out), Decimal(0)) != total:
            out = [Counted(total, str(total), (file_id, start, end), True)]
        return key, out
    return None, []


def counted_once(projects) -> dict[int, list[Counted]]:
    """id → the amounts each project counts, a passage counted by the first project (by id) only.

    ``projects``: (id, data, file id, start, end)."""
    seen: set = set()
    out = {}
    for pid, data, file_id, start, end in sorted(projects, key=lambda p: p[0]):
        _key, amounts = own_amounts(data if isinstance(data, dict) else {}, file_id, start, end)
        mine = []
        for a in amounts:
            if a.span not in seen:
                seen.add(a.span)
                mine.append(a)
        out[pid] = mine
    return out


def project_amounts(file_id: int, M, W=None) -> None:
    """``amount`` of every project of one file: its money counted once (corrections applied)."""
    Correction = (W or {}).get("Correction")
    if Correction is None and W is None:
        from django.apps import apps

        Correction = apps.get_model("web", "Correction")
    rows = list(M.Fact.objects.filter(file_id=file_id, kind="projects").values_list("id", "key", "data", "start",
                                                                                        "end", "amount"))
    if not rows:
        return
    newest = {}
    if Correction is not None:
        for key, data in Correction.objects.filter(fact_key__in={r[1] for r in rows}).order_by(
                "created_at", "id").values_list("fact_key", "data"):
            newest[key] = data or {}
    counted = counted_once([(pid, {**(data or {}), **newest.get(key, {})}, file_id, start, end)
                            for pid, key, data, start, end, _a in rows])
    changed = []
    for pid, key, data, start, end, amount in rows:
        data = {**(data or {}), **newest.get(key, {})}
        has_money = any(decimal(data.get(k)) is not None for k in HEADLINE)
        value = sum((a.value for a in counted[pid]), Decimal(0)) if has_money else None
        value = value.quantize(Decimal("0.01")) if value is not None else None
        if value != amount:
            changed.append(M.Fact(id=pid, amount=value))
    M.Fact.objects.bulk_update(changed, ["amount"], batch_size=500)
