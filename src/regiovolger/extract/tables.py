"""Tables in extracted text: aligned columns, or flattened one cell per line.

Two layouts are read, both as they come out of PDF/DOCX text extraction:

* **Aligned**: each row is one line whose cells are separated by a tab or by
  a run of two or more spaces ("Nr.<TAB>Onderwerp<TAB>Besluit<TAB>Actie",
  "2025-01  Factsheet opstellen     Secretariaat    maart 2025"). A line with
  a single cell that follows a row is a wrapped cell: it is joined to the
  cell of the row above whose column it starts under (or to the widest text
  cell when the layout does not tell).
* **Flattened**: every cell on its own line. The header is a run of two or
  more short label lines ("Nr." / "Wat" / "Wie" / "Wanneer"); when its first
  column is a number column, each row starts at a line holding only a row
  number ("1", "2.", "2025-03"), otherwise rows are groups of as many lines
  as there are columns. A cell wrapped onto a second line (a line starting
  in lower case) is joined to the line above.

Header labels are mapped to column roles (``column_role``):
``nr``, ``subject``, ``decision``, ``action``, ``who``, ``when``, ``status``,
``proposal``, ``holder``. ``Table.columns`` maps a role to its cell index, so
a reader asks ``table.cell(row, "who")`` instead of counting columns.

Public API (pure functions; all offsets index the ``text`` passed in):

- ``split_cells(text, start, end) -> list[Cell]``: the cells of one line.
- ``rows(text, start, end) -> list[Row]``: aligned rows in the span (lines
  with two or more cells, wrapped cells joined); ``Row.header`` is set on a
  row whose cells are header labels.
- ``tables(text, start, end) -> list[Table]``: aligned and flattened tables
  in the span, each with its header (when one is found) and its rows.
- ``column_role(label) -> str | None``: the role of one header label.
- ``Table.cell(row, role) -> Cell | None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import lines

__all__ = ["Cell", "Row", "Table", "column_role", "rows", "split_cells", "tables"]


@dataclass
class Cell:
    text: str  # whitespace collapsed, line-break hyphens joined
    start: int
    end: int


@dataclass
class Row:
    cells: list[Cell]
    start: int
    end: int
    header: bool = False

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    header: Row | None
    rows: list[Row]  # body rows, without the header
    columns: dict[str, int] = field(default_factory=dict)  # role -> cell index
    layout: str = "aligned"  # aligned | flattened

    @property
    def start(self) -> int:
        return (self.header or self.rows[0]).start

    @property
    def end(self) -> int:
        return (self.rows[-1] if self.rows else self.header).end

    def cell(self, row: Row, role: str) -> Cell | None:
        """The cell of ``row`` in the column with ``role``; None when absent or empty ("-")."""
        i = self.columns.get(role)
        if i is None or i >= len(row.cells):
            return None
        c = row.cells[i]
        return None if re.fullmatch(r"[-–—/.]*|n\.?v\.?t\.?|geen", c.text.strip(), re.I) else c


# Dutch header labels by role; a label may combine two ("Afspraak / actie", "Besluit/afspraak")
_ROLES: list[tuple[str, re.Pattern]] = [
    ("nr", re.compile(r"nr\.?|nummer|no\.?|#|volgnr\.?|(?:agenda)?punt", re.I)),
    ("subject", re.compile(r"onderwerp(?:en)?|omschrijving|titel|agendapunt(?:en)?|thema|stuk", re.I)),
    ("decision", re.compile(r"besluit(?:en)?|besluitvorming|conclusie|uitkomst|besloten", re.I)),
    ("action", re.compile(r"actie(?:s|punt(?:en)?)?|wat|afspraak|afspraken|taak|taken|opdracht|toezegging", re.I)),
    ("who", re.compile(r"wie|actiehouder|actienemer|eigenaar|verantwoordelijke?|trekker|uitvoerder|door", re.I)),
    ("when", re.compile(
        r"wanneer|gereed|datum|deadline|termijn|uiterlijk|planning|streefdatum|einddatum|klaar|"
        r"gereed op|datum gereed|afgerond", re.I)),
    ("status", re.compile(r"status|stand(?: van zaken)?|voortgang|stand van zaken|opmerking(?:en)?", re.I)),
    ("proposal", re.compile(r"voorstel|beslispunt(?:en)?|advies", re.I)),
    ("holder", re.compile(r"portefeuillehouder|pfh\.?|bestuurder", re.I)),
]

_CELL_GAP = re.compile(r"\t+[ \t]*| {2,}\t*")
_ROW_NUMBER = re.compile(r"[ \t]*(\d{1,3}[a-z]?|\d{4}[-/.]\d{1,4}|[A-Z]{1,3}\d{1,4}|[A-Z]?\d{4}-\d{1,3})\.?[ \t]*$")
_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ])-\s*\n\s*(?=[a-zà-ÿ])")


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", _HYPHEN_BREAK.sub("", s)).strip()


def column_role(label: str) -> str | None:
    """The role of a header label ("Wie" -> "who"); the first role for combined labels."""
    s = label.strip().strip(":").strip()
    if not s or len(s) > 40:
        return None
    for part in re.split(r"\s*[/+&]\s*|\s+(?:en|of)\s+", s):
        for role, pat in _ROLES:
            if pat.fullmatch(part.strip()):
                return role
    return None


def split_cells(text: str, start: int, end: int) -> list[Cell]:
    """Cells of the line ``text[start:end]``, split at tabs and runs of two or more spaces."""
    cells = []
    pos = start
    line = text[start:end]
    for m in _CELL_GAP.finditer(line):
        s, e = start + m.start(), start + m.end()
        if text[pos:s].strip():
            cells.append(_cell(text, pos, s))
        pos = e
    if text[pos:end].strip():
        cells.append(_cell(text, pos, end))
    return cells


def _cell(text: str, s: int, e: int) -> Cell:
    while s < e and text[s] in " \t\xa0":
        s += 1
    while e > s and text[e - 1] in " \t\xa0":
        e -= 1
    return Cell(_clean(text[s:e]), s, e)


def _is_header(cells: list[Cell]) -> dict[str, int] | None:
    """Roles of a header row: two or more cells, all labels of a known role (one unknown allowed in 4+)."""
    if len(cells) < 2:
        return None
    roles: dict[str, int] = {}
    unknown = 0
    for i, c in enumerate(cells):
        role = column_role(c.text)
        if role is None or role in roles:
            unknown += 1
            continue
        roles[role] = i
    if unknown > (1 if len(cells) >= 4 else 0) or len(roles) < 2:
        return None
    return roles


def rows(text: str, start: int, end: int) -> list[Row]:
    """Aligned rows in ``text[start:end]``: lines of two or more cells; wrapped cells joined."""
    out: list[Row] = []
    prev_row: Row | None = None
    for s, e in lines(text, start, end):
        cells = split_cells(text, s, e)
        if not cells:
            prev_row = None
            continue
        if len(cells) >= 2:
            row = Row(cells, cells[0].start, cells[-1].end, header=_is_header(cells) is not None)
            out.append(row)
            prev_row = row
            continue
        # one cell under a row: a wrapped cell when it is indented (starts under a later column)
        # or continues a text cell in lower case
        if prev_row is not None and not prev_row.header:
            c = cells[0]
            lead = text[s:c.start]
            if "\t" in lead:
                # tab-indented: each leading tab moves one column on
                col = min(lead.count("\t"), len(prev_row.cells) - 1)
            else:
                col = _column_at(text, prev_row, _visual_col(text, c.start))
            lower = c.text[:1].islower()
            if col is not None and (col > 0 or lower):
                target = prev_row.cells[col]
                prev_row.cells[col] = Cell(_clean(target.text + "\n" + c.text), target.start, c.end)
                prev_row.end = max(prev_row.end, c.end)
                continue
        prev_row = None
    return out


def _visual_col(text: str, pos: int) -> int:
    """Column of ``pos`` on its line, tabs expanded to stops of 8."""
    line_start = text.rfind("\n", 0, pos) + 1
    return len(text[line_start:pos].expandtabs(8))


def _column_at(text: str, row: Row, col: int) -> int | None:
    """The index of the last cell of ``row`` that starts at or before visual column ``col`` (+1)."""
    best = None
    for i, c in enumerate(row.cells):
        if _visual_col(text, c.start) <= col + 1:
            best = i
    return best


def _aligned_tables(text: str, start: int, end: int) -> list[Table]:
    out: list[Table] = []
    current: Table | None = None
    last_end = -1
    for row in rows(text, start, end):
        # a table is a run of rows on consecutive lines (at most one blank line between)
        gap = text[last_end:row.start] if last_end >= 0 else ""
        contiguous = current is not None and gap.count("\n") <= 2 and not gap.strip()
        if row.header:
            current = Table(row, [], _is_header(row.cells) or {}, "aligned")
            out.append(current)
        elif contiguous and current is not None:
            current.rows.append(row)
        else:
            current = Table(None, [row], {}, "aligned")
            out.append(current)
        last_end = row.end
    return out


def _flattened_tables(text: str, start: int, end: int) -> list[Table]:
    spans = lines(text, start, end)
    out: list[Table] = []
    i = 0
    while i < len(spans):
        # a header: 2+ consecutive one-cell label lines
        j = i
        labels: list[Cell] = []
        while j < len(spans):
            s, e = spans[j]
            cells = split_cells(text, s, e)
            if len(cells) != 1 or column_role(cells[0].text) is None:
                break
            labels.append(cells[0])
            j += 1
        roles = _is_header(labels) if len(labels) >= 2 else None
        if roles and roles.get("nr", 0) > 0:
            # a section heading above the header ("Afspraken en acties" / "Nr." / ...): the header starts at Nr.
            labels = labels[roles["nr"]:]
            roles = _is_header(labels) if len(labels) >= 2 else None
        if roles is None or len(labels) < 3 and "nr" not in roles:
            i = max(j, i + 1)
            continue
        header = Row(labels, labels[0].start, labels[-1].end, header=True)
        body = _flattened_rows(text, spans[j:], len(labels), numbered=roles.get("nr") == 0)
        if body:
            out.append(Table(header, body, roles, "flattened"))
            last = body[-1].end
            while j < len(spans) and spans[j][0] < last:
                j += 1
        i = max(j, i + 1)
    return out


def _flattened_rows(text: str, spans: list[tuple[int, int]], ncols: int, numbered: bool) -> list[Row]:
    groups: list[list[Cell]] = []
    for s, e in spans:
        line = text[s:e]
        if not line.strip():
            if numbered and groups and len(groups[-1]) < ncols:
                continue  # a blank line inside a row
            break
        c = _cell(text, s, e)
        if numbered:
            if _ROW_NUMBER.fullmatch(line):
                groups.append([c])
                continue
            if not groups:
                break
        elif not groups or len(groups[-1]) >= ncols and not c.text[:1].islower():
            groups.append([])
        groups[-1].append(c)
    out = []
    for g in groups:
        cells = _fit(g, ncols, 1 if numbered else 0)
        if cells is None:
            break
        out.append(Row(cells, cells[0].start, cells[-1].end))
    return out


def _fit(cells: list[Cell], ncols: int, first: int) -> list[Cell] | None:
    """Join wrapped lines until a row has ``ncols`` cells: lower-case starts first, then the widest cell."""
    cells = list(cells)
    while len(cells) > ncols:
        k = next((i for i in range(max(first, 1), len(cells)) if cells[i].text[:1].islower()), None)
        if k is None:
            # no lower-case continuation: join the line after the first text cell
            k = first + 1
        a, b = cells[k - 1], cells[k]
        cells[k - 1] = Cell(_clean(a.text + "\n" + b.text), a.start, b.end)
        del cells[k]
    if len(cells) < 2:
        return None
    return cells


def tables(text: str, start: int, end: int) -> list[Table]:
    """Aligned and flattened tables in ``text[start:end]``, in reading order."""
    found = _aligned_tables(text, start, end) + _flattened_tables(text, start, end)
    found.sort(key=lambda t: t.start)
    out: list[Table] = []
    for t in found:
        if out and t.start < out[-1].end:
            if t.header is not None and out[-1].header is None:
                out[-1] = t
            continue
        out.append(t)
    return out
