"""How an action is written down: its text, owners, due date and status.

Reads the due date of an action ("voor 1 oktober", "uiterlijk week 12", "eind
oktober"; due null when the day is unknown, the text kept in ``due_text``) and
its status (open/done) when the document says so, and builds the action fact
with its evidence. Shared by every reader of the actions package.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..evidence import evidence
from ..sentences import clean, dates_in

RECORD_TYPES = {"minutes", "decision_list", "action_list", "other"}
MARKER_TYPES = RECORD_TYPES | {"agenda"}

STATUS_DONE = re.compile(r"(?i)\b(?:afgerond|gereed|afgehandeld|afgedaan|uitgevoerd|voltooid|gedaan|done|vervallen|vervalt)\b")
STATUS_OPEN = re.compile(r"(?i)\b(?:open|loopt|lopend|in\s+behandeling|in\s+uitvoering|nog\s+niet\s+gestart|nieuw|doorlopend|pm)\b")
DUE_CUE = re.compile(r"(?i)\b(?:vóór|voor|uiterlijk|deadline|gereed|klaar|op|eind|einde|begin|medio|in|per|v\.?o\.?o\.?r)\s*:?\s*$")
DUE_FREE = re.compile(
    r"(?i)\b(?:(?:uiterlijk|voor|vóór|in|eind|begin)\s+)?week\s+\d{1,2}\b|\bz\.?s\.?m\.?(?=\W|$)|\bzo\s+snel\s+mogelijk\b"
    r"|\b(?:voor|vóór|in|tijdens|op)\s+de\s+volgende\s+(?:vergadering|bijeenkomst|overleg)\b|\bbinnen\s+\w+\s+(?:dagen|weken|maanden)\b")



def due_of(s: str, part: Part | None) -> tuple[str | None, str | None]:
    """(due ISO date, due text as written) from an action's text."""
    for w in dates_in(s, 0, len(s), part):
        before = s[max(0, w.start - 12):w.start]
        vague = re.match(r"(?i)(?:voor|vóór|uiterlijk|eind|einde|begin|medio|na)\b", w.text)
        if vague or DUE_CUE.search(before):
            text = w.text
            if not vague:
                cue = DUE_CUE.search(before)
                text = clean(before[cue.start():] + w.text) if cue else w.text
            return w.date, text
    m = DUE_FREE.search(s)
    if m:
        return None, clean(m.group(0))
    return None, None


def status_of(s: str) -> str | None:
    if STATUS_DONE.search(s):
        return "done"
    if STATUS_OPEN.search(s):
        return "open"
    return None


def make_action(text: Text, parts: list[Part], part: Part, s: int, e: int, body: str, owners: list[str],
            status: str | None = None, due_cell: str | None = None) -> dict:
    if due_cell:
        ws = dates_in(due_cell, 0, len(due_cell), part)
        due = ws[0].date if ws else None
        due_text = clean(due_cell) or None
    else:
        due, due_text = due_of(body, part)
    a = {"id": "", "meeting": None, "agenda_item": None, "text": clean(body), "owners": owners, "due": due,
         "evidence": evidence(text, parts, s, e)}
    if due_text and (due is None or due_text != due):
        a["due_text"] = due_text
    if status:
        a["status"] = status
    return a



def overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and e > a for a, b in taken)
