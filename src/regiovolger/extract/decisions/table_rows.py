"""Decision lists as pipe or tab tables: "Nr | Onderwerp | Besluit".

Reads the outcome column (Besluit, Uitkomst, Afhandeling, …) of each row, a
cell wrapping onto the next lines, and the row's subject column; an empty
outcome cell, a proposal or a report ("Dhr. X deelt mee dat …") decides nothing.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import clean, is_blank, lines
from .facts import NOT_TAKEN, make_decision, trim
from .prose import TRIGGER

# a report or a question in an outcome column decides nothing ("Mw. X meldt dat …")
REPORT = re.compile(r"(?i)^\W*(?:[\w.-]+\s+){1,4}?(?:meldt|melden|deelt|delen|vraagt|vragen|informeert|geeft|geven|merkt|wijst"
                    r"|attendeert|licht|memoreert|brengt)\b(?:\s+\w+){0,3}?\s+(?:dat|mee|naar|of|aan|op|toe|in\s+herinnering)\b")
CELL_SEP = re.compile(r"[ \t]*\|[ \t]*|\t+")
OUTCOME_HEADER = re.compile(r"(?i)(?:besluit(?:en)?|besluitvorming|uitkomst|afhandeling|conclusie|resultaat|genomen\s+besluit)$")
SUBJECT_HEADER = re.compile(r"(?i)(?:onderwerp|titel|omschrijving|agendapunt|voorstel|stuk)$")


def _cells_at(t: str, ls: int, le: int) -> list[list[int]]:
    """[start, end] of each cell of a pipe or tab separated line."""
    cells, pos = [], ls
    for m in CELL_SEP.finditer(t, ls, le):
        cells.append([pos, ls + (m.start() - ls)])
        pos = m.end()
    cells.append([pos, le])
    if t[ls:le].lstrip().startswith("|"):
        cells = cells[1:]
    if t[ls:le].rstrip().endswith("|") and len(cells) > 1 and not t[cells[-1][0]:cells[-1][1]].strip():
        cells = cells[:-1]
    return cells


def decision_tables(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Decision lists as pipe or tab tables: "Nr | Onderwerp | Besluit", a cell wrapping onto the next lines."""
    t = text.text
    found: list[dict] = []
    spans = lines(t, part.start, part.end)
    i = 0
    while i < len(spans):
        ls, le = spans[i]
        i += 1
        if not CELL_SEP.search(t, ls, le):
            continue
        header = [t[a:b].strip() for a, b in _cells_at(t, ls, le)]
        outcome = next((k for k, h in enumerate(header) if OUTCOME_HEADER.match(h)), None)
        if outcome is None or len(header) < 2:
            continue
        subject_col = next((k for k, h in enumerate(header) if SUBJECT_HEADER.match(h)), outcome - 1 if outcome else None)
        rows: list[list[list[int]]] = []
        while i < len(spans):
            rs, re_ = spans[i]
            if is_blank(t, rs, re_):
                nxt = next((sp for sp in spans[i + 1:] if not is_blank(t, *sp)), None)
                if not rows or not nxt or not CELL_SEP.search(t, *nxt):
                    break
                i += 1
                continue
            if CELL_SEP.search(t, rs, re_):
                rows.append(_cells_at(t, rs, re_))
            elif rows and not re.match(r"(?i)\s*(?:pagina|blz\.?|page)\s+\d", t[rs:re_]):
                rows[-1][-1][1] = re_  # a cell wrapped onto the next line
            else:
                break
            i += 1
        for cells in rows:
            if len(cells) <= outcome:
                continue
            s, e = trim(t, *cells[outcome])
            if e <= s:
                continue  # an empty Besluit cell decides nothing
            body = clean(t[s:e])
            if NOT_TAKEN.search(body) and not re.search(r"(?i)\b(?:vastgesteld|akkoord|aangenomen|ingestemd)\b", body):
                continue
            if REPORT.match(body) and not TRIGGER.search(body):
                continue  # "Dhr. X deelt mee dat …" in the Besluit column of the rondvraag
            d = make_decision(text, parts, s, e)
            if subject_col is not None and subject_col < len(cells) and subject_col != outcome:
                subject = clean(t[cells[subject_col][0]:cells[subject_col][1]])
                if subject:
                    d["subject"] = subject
            found.append(d)
            taken.append((cells[0][0], e))
    return found
