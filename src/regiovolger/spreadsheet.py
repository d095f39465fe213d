"""Cells for CSV and XLSX exports that a spreadsheet program will not run as a formula."""

from __future__ import annotations

# a cell starting with one of these is read as a formula (=HYPERLINK(…), +cmd, -2+3, @SUM) by spreadsheet programs
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value``, with a text that would start a formula prefixed by an apostrophe (shown as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
