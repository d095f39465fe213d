"""Amounts in the cells of financial tables, where the cells hold bare numbers and the unit is said once.

A table that states its unit on a line of its own ("Bedragen x € 1.000", "(x € 1.000)", "Bedragen * 1.000",
"bedragen in duizenden euro's"): its cells of bare numbers, on lines of their own, are amounts in that unit.
A table under a money heading ("Budget", "Saldo 31-12", "Krediet", "Uitgaven", "Investering") with no unit
stated: its cells written with thousands separators ("54.000", "1.250.000") are whole euros.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation


def _decimal(num: str) -> Decimal | None:
    """A Dutch-written number: "1.250.000", "12,5"; "2.5" (as in "2.5 miljoen") a decimal point."""
    if re.fullmatch(r"\d+\.\d{1,2}", num):
        return Decimal(num)
    try:
        return Decimal(re.sub(r"[.\s]", "", num).replace(",", "."))
    except InvalidOperation:
        return None


def _tidy(v: Decimal) -> Decimal:
    """Whole euros without a trailing ".0"; cents as written ("1250.50")."""
    return v.to_integral_value() if v == v.to_integral_value() else v


# A table that states its unit on a line of its own ("Bedragen x € 1.000", "(x € 1.000)", "Bedragen * 1.000",
# "bedragen in duizenden euro's"): its cells of bare numbers, on lines of their own, are amounts in that unit.
_UNIT_LINE = re.compile(
    r"(?im)^[^\S\n]*\(?[^\S\n]*(?:(?:alle[^\S\n]+)?bedragen|cijfers|getallen)?[^\S\n]*(?:x|\*|×|in)[^\S\n]*"
    r"(?:€|eur(?:o)?)?[^\S\n]*(?P<unit>1[.]?000(?:[.]?000)?|duizenden|miljoenen)(?:[^\S\n]+euro['’]?s?)?[^\S\n]*\)?[^\S\n]*$")
_CELL = re.compile(r"[^\S\n]*(?P<num>[-−]?[^\S\n]?\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?)[^\S\n]*")
_TABLE_LINE_MAX = 90  # a longer line is prose: the table ends there
_TABLE_LINES_MAX = 400


def _unit_table_cells(text: str) -> list[tuple[int, int, Decimal | None, Decimal | None]]:
    out: list[tuple[int, int, Decimal | None, Decimal | None]] = []
    for head in _UNIT_LINE.finditer(text):
        unit = head.group("unit").lower()
        scale = 10**6 if unit in ("miljoenen",) or unit.replace(".", "") == "1000000" else 1000
        # the table around the unit line: short lines and blanks, up to the first line of prose either way
        lines = []
        pos = head.start()
        for _ in range(_TABLE_LINES_MAX):  # upwards
            if pos <= 0:
                break
            ls = text.rfind("\n", 0, pos - 1) + 1
            if len(text[ls:pos - 1].strip()) > _TABLE_LINE_MAX:
                break
            lines.append((ls, pos - 1))
            pos = ls
        pos = head.end() + 1
        for _ in range(_TABLE_LINES_MAX):  # downwards
            if pos >= len(text):
                break
            le = text.find("\n", pos)
            le = len(text) if le == -1 else le
            if len(text[pos:le].strip()) > _TABLE_LINE_MAX:
                break
            lines.append((pos, le))
            pos = le + 1
        for ls, le in lines:
            m = _CELL.fullmatch(text, ls, le)
            if not m:
                continue
            raw = m.group("num").replace("−", "-").replace(" ", "")
            if re.fullmatch(r"-?(?:19|20)\d\d", raw):
                continue  # a year in the table's head
            value = _decimal(raw.lstrip("-"))
            if value is None:
                continue
            value = _tidy(value * scale) * (-1 if raw.startswith("-") else 1)
            out.append((m.start("num"), m.end("num"), value, None))
    seen: set[int] = set()
    return [c for c in out if not (c[0] in seen or seen.add(c[0]))]



# a column head about money: the table's bare figures are euros
_MONEY_HEAD = re.compile(
    r"(?i)\b(?:budget\w*|\w*krediet\w*|saldo|lasten|baten|uitgaven|uitgegeven|investering\w*|reserve|kosten|begroting"
    r"|begroot|bedrag\w*|restant\w*|realisatie|gerealiseerd|dekking|overheveling|subsidie\w*|bijdrage\w*|raming|geraamd"
    r"|mutatie\w*|onttrekking\w*|toevoeging\w*|vrijval|afwijking\w*|nadeel|voordeel)\b")
_THOUSANDS = re.compile(r"[^\S\n]*(?P<num>[-−]?[^\S\n]?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?)[^\S\n]*")
_HEAD_LINE_MAX = 60
_PROSE_LINE = 300  # a line this long ends the table
_QUIET_LINES = 40  # lines without a figure that end the table


def _euro_table_cells(text: str) -> list[tuple[int, int, Decimal | None, Decimal | None]]:
    out: list[tuple[int, int, Decimal | None, Decimal | None]] = []
    pos, in_table, quiet = 0, False, 0
    while pos < len(text):
        le = text.find("\n", pos)
        le = len(text) if le == -1 else le
        line = text[pos:le]
        stripped = line.strip()
        if len(stripped) > _PROSE_LINE:
            in_table = False
        elif stripped and len(stripped) <= _HEAD_LINE_MAX and not re.search(r"\d", stripped) \
                and _MONEY_HEAD.search(stripped):
            in_table, quiet = True, 0
        elif in_table:
            m = _THOUSANDS.fullmatch(line)
            if m:
                quiet = 0
                raw = m.group("num").replace("−", "-").replace(" ", "")
                value = _decimal(raw.lstrip("-"))
                if value is not None:
                    out.append((pos + m.start("num"), pos + m.end("num"),
                                _tidy(value) * (-1 if raw.startswith("-") else 1), None))
            elif stripped:
                quiet += 1
                in_table = quiet < _QUIET_LINES
        pos = le + 1
    return out


def table_cells(text: str, taken: set[int]) -> list[tuple[int, int, Decimal | None, Decimal | None]]:
    """Amounts in table cells of bare numbers that no other reader took (starts in ``taken``)."""
    if _UNIT_LINE.search(text):
        cells = _unit_table_cells(text)
    else:
        cells = _euro_table_cells(text)
    return [c for c in cells if c[0] not in taken]
