"""Proposal headers ("Vergadering d.d. : ... / Agendapunt : 3 / Onderwerp : ... / Portefeuillehouder :
..."), inline or as a label block then a value block, and the meeting and agenda item they announce."""

from __future__ import annotations

import re

from ...document import Part
from ..dates import find_dates
from ..names import clean_name, looks_like_name
from .agenda import _proposal_in
from .common import _Meeting, kind_of
from .header import canonical_body

PROPOSAL_LABELS = [
    ("date", r"(?:vergadering\s+(?:d\.?\s?d\.?|van|datum)|vergaderdatum|datum\s+vergadering|datum\s+(?:ab|db|raad|bestuur)"
             r"(?:vergadering)?|(?:ab|db)-?vergadering)"),
    ("number", r"(?:agendapunt|agendanummer|agenda\s+nr\.?|punt)"),
    ("title", r"(?:onderwerp)"),
    ("holder", r"(?:portefeuillehouder|portefeuillehouders|verantwoordelijk\s+bestuurder|bestuurlijk\s+opdrachtgever|"
               r"bestuurder)"),
    ("kind", r"(?:status|ter|soort\s+voorstel|aard\s+van\s+het\s+voorstel|behandeling)"),
]
_PLABEL = re.compile(r"^[ \t]*(?:" + "|".join(f"(?P<{k}>{p})" for k, p in PROPOSAL_LABELS) +
                     r")[ \t]*(?P<inline>:[^\n]*)?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def proposal_header(t: str, start: int, end: int) -> dict | None:
    """Fields of a proposal header, inline ("Agendapunt : 3") or as a label block then a value block."""
    limit = min(end, start + 2500)
    found: list[tuple[str, int, int, str | None, int | None]] = []
    for m in _PLABEL.finditer(t, start, limit):
        key = next(k for k, _ in PROPOSAL_LABELS if m.group(k))
        inline = m.group("inline")
        if inline is not None and inline.strip(" :"):
            v = inline.strip()[1:].strip()
            found.append((key, m.start(), m.end(), v, m.start("inline") + inline.index(inline.strip()[1:].strip()[:1] or ":")))
        else:
            found.append((key, m.start(), m.end(), None, None))
    keys = {f[0] for f in found}
    if not ({"date", "number"} <= keys or {"number", "title"} <= keys or {"date", "title"} <= keys):
        return None
    missing = [f for f in found if f[3] is None]
    if missing:
        # the values follow as a block of ": value" lines
        after = max(f[2] for f in found)
        vals = [m for m in re.finditer(r"^[ \t]*:[ \t]*(?P<v>[^\n]*)$", t[after:limit], re.MULTILINE)]
        filled = []
        vi = 0
        for f in found:
            if f[3] is None and vi < len(vals):
                v = vals[vi]
                filled.append((f[0], f[1], f[2], v.group("v").strip(), after + v.start("v")))
                vi += 1
            else:
                filled.append(f)
        found = filled
    out: dict = {"_start": found[0][1], "_end": max((f[4] or f[2]) + len(f[3] or "") for f in found)}
    for key, _, _, value, vstart in found:
        if value and key not in out:
            out[key] = value
            out["_" + key] = (vstart, vstart + len(value))
    return out


def _labelled_after(t: str, start: int, end: int, label: str) -> tuple[str, int, int] | None:
    """The value after a label: on the same line, else the next non-empty line."""
    m = re.search(r"(?:^|\n)[ \t]*(?:" + label + r")\s*:?[ \t]*(?P<v>[^\n]*)", t[start:end], re.I)
    if not m:
        return None
    v = m.group("v").strip()
    vs = start + m.start("v")
    if not v:
        nxt = re.search(r"\S[^\n]*", t[start + m.end(): end])
        if not nxt:
            return None
        v = nxt.group(0).strip()
        vs = start + m.end() + nxt.start()
    return v, vs, vs + len(v)


def _title_body_before(t: str, pos: int, floor: int) -> str | None:
    """The body printed above a proposal header ("ALGEMEEN BESTUUR")."""
    seg = t[max(floor, pos - 300):pos]
    lines = [ln.strip() for ln in seg.split("\n") if ln.strip()]
    for ln in reversed(lines[-3:]):
        if len(ln) <= 60 and re.search(r"(?:bestuur|raad|staten|overleg|commissie|stuurgroep|"
                                       r"vergadering|college|team)\b", ln, re.I):
            return canonical_body(ln)
    return None


def _from_proposal(t: str, part: Part, meetings: list[_Meeting]) -> _Meeting | None:
    h = proposal_header(t, part.start, part.end)
    if not h:
        return None
    date = None
    if h.get("date"):
        ds = [d for d in find_dates(h["date"]) if d.date]
        date = ds[0].date.isoformat() if ds else None
    date = date or part.date
    body = _title_body_before(t, h["_start"], part.start)
    if not body:
        same = [m for m in meetings if m.date == date]
        body = same[0].body if same else None
    holder = clean_name(h["holder"]) if h.get("holder") else None
    contact = _labelled_after(t, part.start, part.end, r"nadere\s+informatie\s+bij|inlichtingen\s+bij|"
                                                        r"contactpersoon|informatie\s+bij|meer\s+informatie")
    contact_name = None
    if contact:
        c = clean_name(re.split(r",|\s+tel\b|\(", contact[0], flags=re.I)[0])
        contact_name = c if looks_like_name(c) else None
    proposal = _proposal_in(t, h["_end"], part.end)
    kind = kind_of(h.get("kind")) or kind_of(proposal)
    ev_s, ev_e = h["_start"], h["_end"]
    number = re.sub(r"\s+", " ", h["number"]).strip(" .") if h.get("number") else None
    title = h.get("title") or part.title or ""
    m = _Meeting(body=body, date=date, start=ev_s, end=ev_e, span_start=part.start, span_end=part.end,
                 document=part.id, source="proposal", documents=[part.id], sources=["proposal"])
    if title:
        item_ev = h.get("_number") or h.get("_title") or (ev_s, ev_e)
        m.items = [{"number": number, "title": title, "proposal": proposal, "portfolio_holder": holder,
                    "contact": contact_name, "kind": kind, "_ev": (ev_s, ev_e), "section": (part.start, part.end),
                    "_from_proposal": True}]
        del item_ev
    return m
