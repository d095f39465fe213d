"""Small helpers shared by the list and detail views: dates, name lists and filter parameters."""

from __future__ import annotations


from ..store.resolve_columns import to_date  # noqa: F401  (one parser of stored dates, also for the views)


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


PER_PAGE = 50
COLUMNS = ("pk", "date", "due", "status", "amount", "body__key", "body__name", "body__kind")


def exporting(request, fmt=None) -> bool:
    return (fmt or request.GET.get("format")) in ("csv", "xlsx")


def page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


def paged(request, user, qs, fmt=None, per_page: int = PER_PAGE):
    """One page of an ordered Fact queryset as FactRows (every row for a CSV/XLSX export), each with its
    columns in ``extra`` (date, due, status, amount, body) and its meeting's page; (page or None, rows).
    Five queries: count, the page's ids and columns, the rows, their corrections, their meetings
    (a sixth, action status, on the actions list)."""
    from django.core.paginator import Paginator

    from ..store.models import Fact
    from . import facts as F
    from .visibility import visible

    cols = qs.values_list(*COLUMNS)
    if exporting(request, fmt):
        pg, picked = None, list(cols)
    else:
        pg = Paginator(cols, per_page).get_page(page_number(request))
        picked = list(pg.object_list)
    extra = {c[0]: dict(zip(("date", "due", "status", "amount", "body_key", "body", "body_kind"), c[1:]))
             for c in picked}
    order = {c[0]: i for i, c in enumerate(picked)}
    rows = F.apply_human(F._rows(Fact.objects.filter(id__in=list(order))))
    rows.sort(key=lambda r: order[r.id])
    wanted = {(r.file_id, r.data.get("meeting")) for r in rows if r.data.get("meeting")}
    meetings = {}
    if wanted:
        from django.db.models.fields.json import KeyTextTransform

        for fid, mid, key in visible(Fact, user).filter(kind="meetings", file_id__in={f for f, _m in wanted}).annotate(
                local=KeyTextTransform("id", "data")).values_list("file_id", "local", "key"):
            meetings[(fid, mid)] = key
    for r in rows:
        r.extra.update(extra.get(r.id, {}))
        r.extra["body"] = r.extra.get("body") or ""
        r.extra["meeting_key"] = meetings.get((r.file_id, r.data.get("meeting")))
    return pg, rows
