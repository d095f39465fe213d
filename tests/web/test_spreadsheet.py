"""Exports never hand a spreadsheet program a formula (CSV/XLSX injection)."""

from __future__ import annotations

import io

import pytest

from regiovolger.spreadsheet import safe_cell
from regiovolger.web.tables import Column, Table, export


@pytest.mark.parametrize("value,want", [
    ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'), ("+31 6 1234", "'+31 6 1234"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("Besluit", "Besluit"), (-5, -5), (None, None), ("", ""),
])
def test_safe_cell(value, want):
    assert safe_cell(value) == want


def test_csv_and_xlsx_exports_neutralise_formulas():
    from openpyxl import load_workbook

    table = Table("besluiten", "Besluiten", [Column("text", "Besluit"), Column("n", "Aantal", "number")])
    table.rows.append({"text": '=HYPERLINK("http://evil.example","klik")', "n": -3})
    csv_text = export(table, "csv").content.decode("utf-8-sig")
    assert '\'=HYPERLINK(""http://evil.example"",""klik"")' in csv_text and ";-3" in csv_text
    ws = load_workbook(io.BytesIO(export(table, "xlsx").content)).active
    assert ws["A2"].value.startswith("'=") and ws["B2"].value == -3
