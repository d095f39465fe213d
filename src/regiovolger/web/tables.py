"""Tables: one definition renders as an accessible HTML table, CSV, XLSX and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.encoding import force_str

FORMATS = ("json", "csv", "xlsx")


@dataclass
class Column:
    key: str
    label: Any
    kind: str = "text"  # text | date | money | number | list


@dataclass
class Table:
    name: str
    caption: Any
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    # per row: {column key: url}
    links: list[dict] = field(default_factory=list)
    # rows whose fact is below the publication confidence and not reviewed (only staff see such rows)
    to_review: set[int] = field(default_factory=set)

    def note_fact(self, fact) -> None:
        """Mark the row just added when its fact is still to be reviewed."""
        if getattr(fact, "to_review", False):
            self.to_review.add(len(self.rows) - 1)

    def cells(self):
        """(column, value, url) per row, for the template; ``row.to_review`` marks a fact to review."""
        for i, row in enumerate(self.rows):
            links = self.links[i] if i < len(self.links) else {}
            yield Cells([(c, row.get(c.key), links.get(c.key)) for c in self.columns], to_review=i in self.to_review)

    def plain_rows(self) -> list[dict]:
        return [{c.key: plain(row.get(c.key)) for c in self.columns} for row in self.rows]


class Cells(list):
    """One table row's cells, with a mark the template reads."""

    def __init__(self, cells, to_review: bool = False):
        super().__init__(cells)
        self.to_review = to_review


from ..spreadsheet import safe_cell  # noqa: E402


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, (str, int, float, bool, dict)):
        return value
    return force_str(value)


def flat(value) -> Any:
    value = plain(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return "" if value is None else value


def requested_format(request, suffix: str | None = None) -> str:
    fmt = suffix or request.GET.get("format") or ""
    return fmt if fmt in FORMATS else "html"


def export(table: Table, fmt: str) -> HttpResponse:
    headers = [force_str(c.label) for c in table.columns]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=";")
        writer.writerow(headers)
        for row in table.plain_rows():
            writer.writerow([safe_cell(flat(row[c.key])) for c in table.columns])
        # BOM: spreadsheet programs then read the file as UTF-8
        response = HttpResponse("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = table.name[:31]
        ws.append(headers)
        for row in table.plain_rows():
            ws.append([safe_cell(flat(row[c.key])) for c in table.columns])
        buf = io.BytesIO()
        wb.save(buf)
        response = HttpResponse(
            buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{table.name}.{fmt}"'
    return response


def respond(request, template: str, context: dict, *, data: dict | None = None, tables: list[Table] = (),
            suffix: str | None = None, status: int = 200) -> HttpResponse:
    """HTML by default; JSON of the page with ?format=json or .json; a table's CSV/XLSX with ?format=csv|xlsx.

    With several tables on one page, ``?table=NAME`` picks the one to export.
    """
    fmt = requested_format(request, suffix)
    if fmt == "json":
        payload = {k: plain_deep(v) for k, v in (data or {}).items()}
        for t in tables:
            payload[t.name] = t.plain_rows()
        return JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    if fmt in ("csv", "xlsx"):
        if not tables:
            return HttpResponse(status=404)
        wanted = request.GET.get("table")
        table = next((t for t in tables if t.name == wanted), tables[0])
        return export(table, fmt)
    context = {**context, "tables": tables, "export_tables": tables}
    return render(request, template, context, status=status)


def plain_deep(value):
    if isinstance(value, dict):
        return {str(k): plain_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_deep(v) for v in value]
    if isinstance(value, Table):
        return value.plain_rows()
    if hasattr(value, "as_json"):
        return value.as_json()
    return plain(value)
