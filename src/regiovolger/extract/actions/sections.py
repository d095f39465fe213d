"""Action lists: sections headed "Actiepunten", "Actielijst", "Vervolgafspraken".

Reads their bullet lists ("Jan: bellen", "… (Jan, 1 okt)") and their tables
(Nr / Actie / Wie / Wanneer / Status), also a table without a heading
("Wie | Wat | Wanneer") and one that PDF extraction flattened one cell per line.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import BULLET, clean, is_blank, lines
from .doers import will_action
from .facts import STATUS_DONE, STATUS_OPEN, make_action, overlaps, status_of
from .owners import OWNERS, ROLE, owner_ok, split_owners, subject_of

SECTION = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[.)]?[ \t]+)?(?P<head>(?i:actiepunten(?:lijst)?|actielijst|acties|openstaande\s+acties"
    r"|lijst\s+(?:van\s+)?(?:acties|actiepunten)|vervolgafspraken|afspraken|vervolgacties|to\s*do'?s?))"
    r"\b(?:[ \t]+(?!(?i:van|voor|met|die|dat|en|over)\b)[\w.-]+){0,3}(?:[ \t]*\([^)\n]{0,40}\))?[ \t]*:?[ \t]*$")
HEADER_WORDS = re.compile(
    r"(?i)^(?:nr\.?|nummer|#|no\.?|actie(?:punt)?|wat|omschrijving|onderwerp|wie|eigenaar|actiehouder|verantwoordelijk(?:e)?"
    r"|trekker|door|wanneer|datum(?:\s+gereed)?|deadline|termijn|gereed\s+op|status|stand(?:\s+van\s+zaken)?|opmerking(?:en)?"
    r"|afspraak|toelichting|voortgang)$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t+|\s*\|\s*|\s{2,}", line.strip()) if c.strip()]


def _header(line: str) -> list[str] | None:
    cells = _cells(line)
    if len(cells) >= 2 and sum(bool(HEADER_WORDS.match(c)) for c in cells) >= 2:
        return [c.lower().rstrip(".") for c in cells]
    words = line.split()
    if 2 <= len(words) <= 7 and all(HEADER_WORDS.match(w.strip("/|")) or w in "/|" for w in words):
        return [w.lower().rstrip(".") for w in words if w not in "/|"]
    return None


def _col(header: list[str], *names: str) -> int | None:
    for i, h in enumerate(header):
        if any(h.startswith(n) for n in names):
            return i
    return None


TRAIL_OWNER = re.compile(rf"\s(?P<owner>{OWNERS})\s*$")
LEAD_OWNER = re.compile(rf"^(?P<owner>{OWNERS})\s*[:\-–]?\s+(?=\S)")


def _row_fields(body: str, header: list[str] | None) -> tuple[str, str | None, str | None, str | None]:
    """(what, owner, due cell, status) from one row whose cells may be single-spaced."""
    cells = _cells(body)
    if header and len(cells) == len(header):
        get = lambda *n: cells[i] if (i := _col(header, *n)) is not None else None  # noqa: E731
        what = get("actie", "wat", "omschrijving", "onderwerp", "afspraak") or body
        owner = get("wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker", "door")
        due = get("wanneer", "datum", "deadline", "termijn", "gereed")
        status = get("status", "stand", "voortgang")
        return what, owner, due, status
    status = None
    m = re.search(r"(?i)\s(?P<st>afgerond|gereed|afgehandeld|afgedaan|uitgevoerd|done|open|loopt|lopend|in\s+behandeling"
                  r"|in\s+uitvoering|vervallen|doorlopend)\s*\.?$", body)
    if m:
        status, body = m.group("st"), body[:m.start()]
    due = None
    dm = re.search(r"(?i)\s(?P<due>(?:(?:vóór|voor|uiterlijk|eind|begin|medio)\s+)?(?:\d{1,2}[-./]\d{1,2}(?:[-./]\d{2,4})?"
                   r"|\d{1,2}\s+[a-z]{3,9}\.?(?:\s+\d{4})?|week\s+\d{1,2}|q[1-4](?:\s+\d{4})?|z\.?s\.?m\.?|n\.?t\.?b\.?"
                   r"|[a-z]{3,9}\s+\d{4}))\s*$", body)
    if dm and not re.fullmatch(r"(?i)[a-z]+\s+\d{4}", dm.group("due")) or (dm and re.match(
            r"(?i)(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)", dm.group("due"))):
        due, body = dm.group("due"), body[:dm.start()]
    owner = None
    who_col = _col(header, "wie", "eigenaar", "actiehouder", "trekker") if header else None
    what_col = _col(header, "actie", "wat", "omschrijving") if header else None
    wie_first = who_col is not None and what_col is not None and who_col < what_col
    if wie_first:
        om = LEAD_OWNER.match(body.strip())
        if om and owner_ok(om.group("owner")):
            owner, body = om.group("owner"), body.strip()[om.end():]
    else:
        om = TRAIL_OWNER.search(body.rstrip())
        if om and owner_ok(om.group("owner")) and om.start() > 0 and body[:om.start()].strip():
            prev = body[:om.start()].rstrip()
            # a lowercase word before a capitalised owner: the action text ends there
            if prev and (prev[-1].islower() or prev[-1] in ".)") or re.match(rf"(?i){ROLE}$", om.group("owner").strip()):
                owner, body = om.group("owner"), prev
    return body.strip(" -–:;"), owner, due, status


NR_CELL = re.compile(r"(?:[A-Z]{1,3}[-.]?)?\d{1,4}(?:[-./]\d{1,4})?[.)]?")
DUE_CELL = re.compile(r"(?i)\d|\bweek\b|\bq[1-4]\b|kwartaal|z\.?s\.?m|n\.?t\.?b|\bpm\b|volgende|doorlopend|continu|\b(?:voorjaar|zomer"
                      r"|najaar|winter|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b")


def _vertical(text: Text, parts: list[Part], part: Part, start: int, taken: list[tuple[int, int]]) -> list[dict] | None:
    """An action table flattened one cell per line: "Nr / Actie / Wie / Wanneer / Status", then the rows.

    Rows start at their number; a wrapped action text takes several lines, so the
    single-line fields are read from the end of the row (status, due, owner).
    """
    t = text.text
    body = [(ls, le) for ls, le in lines(t, start, part.end) if not is_blank(t, ls, le)]
    header: list[str] = []
    k = 0
    while k < len(body) and HEADER_WORDS.match(t[body[k][0]:body[k][1]].strip()):
        header.append(t[body[k][0]:body[k][1]].strip().lower().rstrip("."))
        k += 1
    if len(header) < 3 or not re.match(r"(?:nr|nummer|#|no)$", header[0]):
        return None
    what_col = _col(header, "actie", "wat", "omschrijving", "onderwerp", "afspraak")
    if what_col is None:
        return None
    after = header[what_col + 1:]
    rows: list[list[tuple[int, int]]] = []
    for ls, le in body[k:]:
        line = t[ls:le].strip()
        if NR_CELL.fullmatch(line):
            rows.append([(ls, le)])
        elif rows and len(line) <= 80 and not SECTION.match(t[ls:le]) and not re.match(
                r"(?i)(?:\d{1,2}[.)]\s+[A-Z]|rondvraag|sluiting|volgende\s+vergadering)", line):
            rows[-1].append((ls, le))
        else:
            break
    out = []
    for row in rows:
        cells = [clean(t[a:b]) for a, b in row[1:]]
        fields: dict[str, str | None] = {}
        for name in reversed(after):
            if not cells or len(cells) <= 1:
                break
            last = cells[-1]
            if name.startswith(("status", "stand", "voortgang")):
                ok = bool(STATUS_DONE.search(last) or STATUS_OPEN.search(last))
            elif name.startswith(("wanneer", "datum", "deadline", "termijn", "gereed")):
                ok = bool(DUE_CELL.search(last))
            elif name.startswith(("wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker", "door")):
                ok = len(last.split()) <= 5 and owner_ok(last)
            else:
                ok = True
            if ok:
                fields[name] = cells.pop()
        what = " ".join(cells)
        if not what:
            continue
        owner = next((v for n, v in fields.items() if n.startswith(("wie", "eigenaar", "actiehouder", "verantwoordelijk",
                                                                     "trekker", "door"))), None)
        due = next((v for n, v in fields.items() if n.startswith(("wanneer", "datum", "deadline", "termijn", "gereed"))), None)
        status = next((v for n, v in fields.items() if n.startswith(("status", "stand", "voortgang"))), None)
        s, e = row[1][0], row[-1][1]
        a = make_action(text, parts, part, s, e, what, split_owners(owner) if owner else [], status_of(status) if status else None,
                    due if due and not re.match(r"(?i)n\.?t\.?b\.?$|-$", due) else None)
        out.append(a)
        taken.append((row[0][0], e))
    return out


def sections(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out = []
    starts = [sm.end() for sm in SECTION.finditer(t, part.start, part.end)]
    # an action table without a heading: "Wie | Wat | Wanneer", "Actie   Eigenaar   Deadline"
    for ls, le in lines(t, part.start, part.end):
        head = _header(t[ls:le]) if len(t[ls:le]) < 160 else None
        if head and _col(head, "wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker") is not None \
                and _col(head, "actie", "wat", "omschrijving") is not None \
                and not any(p <= ls <= p + 1 or (p < ls and is_blank(t, p, ls)) for p in starts):
            starts.append(ls - 1 if ls > part.start else ls)
    # a flattened table without a heading: "Nr." then a header word per line, an owner column among them
    spans = [sp for sp in lines(t, part.start, part.end) if not is_blank(t, *sp)]
    for k, (ls, le) in enumerate(spans):
        if re.fullmatch(r"(?i)\s*(?:nr|nummer|#|no)\.?\s*", t[ls:le]):
            heads = []
            for hs, he in spans[k + 1:k + 7]:
                if not HEADER_WORDS.match(t[hs:he].strip()):
                    break
                heads.append(t[hs:he].strip().lower().rstrip("."))
            if len(heads) >= 2 and _col(heads, "wie", "eigenaar", "actiehouder", "verantwoordelijk", "trekker") is not None \
                    and not any(p <= ls <= p + 1 or (p < ls and is_blank(t, p, ls)) for p in starts):
                starts.append(ls - 1 if ls > part.start else ls)
    for pos in sorted(starts):
        if pos >= part.end or any(a <= pos + 1 < b for a, b in taken):
            continue
        vertical = _vertical(text, parts, part, pos, taken)
        if vertical:
            out += vertical
            continue
        header: list[str] | None = None
        rows: list[list[int]] = []
        blank_run = 0
        numbered = False
        for ls, le in lines(t, pos + 1 if pos < part.end and t[pos] == "\n" else pos, part.end):
            if is_blank(t, ls, le):
                blank_run += 1
                if rows and blank_run >= 2:
                    break
                continue
            line = t[ls:le]
            if rows and blank_run and not (BULLET.match(line) and BULLET.match(line).end() > 0) and not numbered:
                break
            blank_run = 0
            if header is None and not rows and _header(line):
                header = _header(line)
                continue
            if SECTION.match(line) or re.match(r"(?i)^[ \t]*(?:\d{1,2}[.)]?[ \t]+)?(?:rondvraag|sluiting|besluiten"
                                                 r"|besluitenlijst|toezeggingen|volgende\s+vergadering)\b", line):
                break
            b = re.match(r"[ \t]*(?:[•◦▪●\-–*][ \t]*|(?P<nr>\d{1,3}[a-z]?|[A-Z]{1,3}[-.]?\d{1,3})[.)]?[ \t]+)", line)
            if b and b.group("nr"):
                numbered = True
            if b or not rows or (header and not numbered):
                rows.append([ls + (b.end() if b else len(line) - len(line.lstrip())), le])
            else:
                rows[-1][1] = le  # a wrapped cell
        for s, e in rows:
            body = t[s:e]
            if overlaps(s, e, taken):
                continue
            what, owner, due_cell, status = _row_fields(body if header else clean(body), header)
            if not header:
                # a list item: "Jan: bellen", "Secretariaat stuurt ...", "... (Jan, 1 okt)"
                pm = re.search(rf"\((?P<o>{OWNERS})(?:\s*,\s*(?P<d>[^)]+))?\)\s*\.?$", what)
                lm = re.match(rf"^(?P<o>{OWNERS})\s*:\s*(?P<rest>.+)", what, re.S)
                if lm and owner_ok(lm.group("o")):
                    owner, what = lm.group("o"), lm.group("rest")
                elif pm and owner_ok(pm.group("o")):
                    owner, due_cell = pm.group("o"), pm.group("d") or due_cell
                    what = what[:pm.start()]
                elif not owner:
                    owner = subject_of(what) or will_action(what)
                    if owner in {"hij", "zij", "ze"}:
                        owner = None
            st = status_of(status) if status else status_of(body) if header else None
            a = make_action(text, parts, part, s, e, what, split_owners(owner) if owner else [], st,
                        due_cell if due_cell and not re.match(r"(?i)n\.?t\.?b\.?$|-$", due_cell.strip()) else None)
            if a["text"]:
                out.append(a)
                taken.append((s, e))
    return out
