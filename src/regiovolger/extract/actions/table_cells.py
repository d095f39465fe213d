"""Action columns of tables the section reader did not take.

Reads the Actie column beside a Besluit column ("Secretaris: memo aan AB vóór
31 januari", "Dhr. Kok informeert de gebiedscommissie") and action tables
with a Wie column, flattened one cell per line under a combined header
("Afspraak / actie").
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..tables import tables
from .doers import WILL
from .facts import make_action, overlaps, status_of
from .owners import owner_ok, split_owners, subject_of

PAGE_FOOTER = re.compile(r"(?i)\b(?:pag(?:ina)?\.?|blad|blz\.?|page)\s*\d+|^\s*\d+\s*/\s*\d+\s*$")


def action_columns(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Tables the section reader did not take: the Actie column beside a Besluit column
    ("Secretaris: memo aan AB vóór 31 januari", "Dhr. Kok informeert de gebiedscommissie"),
    and action tables flattened one cell per line under a combined header ("Afspraak / actie")."""
    t = text.text
    out = []
    for table in tables(t, part.start, part.end):
        cols = table.columns
        if "action" not in cols or not table.rows or overlaps(table.start, table.end, taken):
            continue
        beside_decision = "decision" in cols
        if not beside_decision and "who" not in cols:
            continue
        for row in table.rows:
            if any(PAGE_FOOTER.search(c.text) for c in row.cells[-1:]) and len(row.cells) < len(table.header.cells if
                                                                                               table.header else row.cells):
                continue
            cell = table.cell(row, "action")
            if cell is None or overlaps(cell.start, cell.end, taken):
                continue
            what, owner, due_cell, status = cell.text, None, None, None
            s, e = cell.start, cell.end
            if beside_decision:
                lm = re.match(r"(?P<o>[^:]{2,40}?)\s*:\s*(?P<rest>\S.*)", what, re.S)
                if lm and owner_ok(lm.group("o")) and not WILL.search(lm.group("o")) and len(lm.group("o").split()) <= 4:
                    owner, what = lm.group("o"), lm.group("rest")
                    s = t.find(":", s, e) + 1
                    s, e = s + len(t[s:e]) - len(t[s:e].lstrip()), e
                else:
                    owner = subject_of(what)
                    if owner in {"hij", "zij", "ze"}:
                        owner = None
            else:
                who, when, st = table.cell(row, "who"), table.cell(row, "when"), table.cell(row, "status")
                owner = who.text if who else None
                due_cell = when.text if when else None
                status = status_of(st.text) if st else None
                e = max(c.end for c in row.cells)
            a = make_action(text, parts, part, s, e, what if beside_decision else t[cell.start:cell.end],
                        split_owners(owner) if owner else [], status,
                        due_cell if due_cell and not re.match(r"(?i)n\.?t\.?b\.?$|-$", due_cell.strip()) else None)
            a["_table"] = True
            out.append(a)
            taken.append((row.start, row.end))
    return out
