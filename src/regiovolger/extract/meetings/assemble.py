"""Meetings from a document's parts: each minutes, agenda or proposal part gives a meeting (head,
attendance, items); the same meeting announced by an agenda and by each proposal is merged (same body
and date); the result is assembled into the contract's meetings and agenda items."""

from __future__ import annotations

import re

from ...document import Part, Text
from ...segment.lines import PORTAL_HEAD
from ..dates import find_dates
from ..evidence import evidence
from ..sentences import ANNOUNCED, dates_in
from ..names import clean_name, compatible, looks_like_name
from .agenda import _items_in
from .attendance import _attendance, _dedupe_attendees
from .common import _fold, _Meeting
from .events import _timestamp_speakers, _chair_from_opening, _events, _roll_call
from .header import BODY_FIELD, INVITATION, _header, body_key
from .proposal import _from_proposal, proposal_header
from .reported import reported_meeting

MEETING_PARTS = {"minutes", "decision_list", "action_list", "agenda", "proposal"}
_NUMBERED_LINE = re.compile(r"[ \t]*\d{1,2}[.)][ \t]")


def _classify_head(t: str, part: Part) -> str:
    head = t[part.start: min(part.end, part.start + 1500)]
    if proposal_header(t, part.start, part.end):
        return "proposal"
    first = next((ln.strip() for ln in head.split("\n") if ln.strip()), "")
    if re.match(r"(?:concept\s*[-:]?\s*)?(?:verslag|notulen|besluitenlijst|actielijst)\b", first, re.I):
        return "minutes"
    if re.match(r"(?:agenda|uitnodiging)\b", first, re.I):
        return "agenda"
    if BODY_FIELD.search(head) and find_dates(head):
        return "minutes"  # a meeting portal's page: who met, when, what was decided
    invite = INVITATION.search(head) if part.type == "letter" else None
    if invite and re.search(r"(?i)\b(?:vergadering|overleg|bijeenkomst|sessie|bestuur)\b", invite.group("s")):
        return "agenda"  # a letter convening a meeting
    return part.type


def extract_meetings(text: Text, parts: list[Part]) -> tuple[list[dict], list[dict]]:
    t = text.text
    if not parts:
        parts = [Part(id="p1", type="other", title=None, date=None, organisation=None, start=0, end=len(t))]
    meetings: list[_Meeting] = []
    last: _Meeting | None = None

    def merge_or_add(m: _Meeting) -> _Meeting:
        for other in meetings:
            same_date = m.date and other.date == m.date
            same_body = body_key(m.body) == body_key(other.body) or not m.body or not other.body \
                or body_key(m.body) in body_key(other.body) or body_key(other.body) in body_key(m.body)
            if same_date and same_body:
                other.body = other.body or m.body
                for k in ("start_time", "end_time", "location", "chair", "minute_taker"):
                    if not getattr(other, k) and getattr(m, k):
                        setattr(other, k, getattr(m, k))
                other.span_start = min(other.span_start, m.span_start)
                other.span_end = max(other.span_end, m.span_end)
                other.documents += [d for d in m.documents if d not in other.documents]
                other.sources += [s for s in m.sources if s not in other.sources]
                other.attendees += m.attendees
                other.items += m.items
                other.redacted += m.redacted
                return other
        meetings.append(m)
        return m

    for part in parts:
        kind = part.type if part.type in MEETING_PARTS else _classify_head(t, part)
        if kind == "minutes" and part.type == "minutes":
            # a part that starts at an agenda item ("Verslag ... (bijlage 1) Ter vaststelling") is no new minutes
            first = next((ln for ln in t[part.start:part.end].split("\n") if ln.strip()), "")
            if re.search(r"\bter\s+(?:vaststelling|bespreking|kennisname)|\(bijlage", first, re.I) and last:
                kind = "continuation"
        if kind == "proposal" and not proposal_header(t, part.start, part.end):
            # "Voorstel:" and "Portefeuillehouder:" rows of a decision list make no proposal: without a
            # proposal header the part is read by its title
            title = _header(t, part.start, min(part.end, part.start + 1200)).get("title") or ""
            if re.match(r"(?i)(?:\w+\s+){0,2}(?:verslag|notulen|besluitenlijst|actielijst)\b", title):
                kind = "minutes"
            elif re.match(r"(?i)(?:\w+\s+)?agenda\b", title):
                kind = "agenda"
            elif PORTAL_HEAD.match(t, part.start, part.end):
                kind = "minutes"  # a meeting portal's page ("Raadsvergadering / dinsdag 15 februari 2022 / 19:30 - 23:00")
        if kind == "continuation" or (kind in ("agenda", "minutes", "decision_list", "action_list")
                                      and last is not None and last.span_end >= part.start - 2
                                      and _continues(t, part)):
            if last is not None:
                last.span_end = max(last.span_end, part.end)
                last.documents.append(part.id)
                last.items += _items_in(t, part.start, part.end, True, last.source == "agenda")
                if last.source == "minutes":
                    # "X moet om 11.30 uur weg" in the minutes' items after a split-off agenda block
                    last.attendees += _events(t, part.start, part.end, last.attendees, speakers=False)
                last.attendees += _timestamp_speakers(t, part.start, part.end, last.attendees)
            continue
        if kind in ("minutes", "decision_list", "action_list", "agenda"):
            m = _from_head(t, part, "agenda" if kind == "agenda" else "minutes")
            if m is None:
                continue
            last = merge_or_add(m)
        elif kind == "proposal":
            m = _from_proposal(t, part, meetings)
            if m is not None:
                last = merge_or_add(m)
        elif part.type == "other":
            # a news item or a party's report about a meeting
            m = reported_meeting(t, part)
            if m is not None:
                last = merge_or_add(m)

    # ---- assemble
    out_meetings: list[dict] = []
    out_items: list[dict] = []
    meetings.sort(key=lambda m: m.start)
    for mi, m in enumerate(meetings, 1):
        mid = f"m{mi}"
        attendees = _dedupe_attendees(m.attendees)
        if m.chair:
            same = [a for a in attendees if _fold(a["name"]) == _fold(m.chair) or compatible(a["name"], m.chair)]
            if not same:
                attendees.insert(0, {"name": m.chair, "role": "voorzitter", "organisation": None, "status": "present",
                                     "until": None, "from": None})
            elif not same[0].get("role"):
                same[0]["role"] = "voorzitter"
        out_meetings.append({
            "id": mid, "document": m.document, "body": m.body, "organisation": None, "date": m.date,
            "start_time": m.start_time, "end_time": m.end_time, "location": m.location, "chair": m.chair,
            "minute_taker": m.minute_taker, "attendees": attendees,
            "evidence": evidence(text, parts, m.start, m.end),
            "span": {"start": m.span_start, "end": m.span_end},
            "documents": m.documents, "sources": m.sources, "redacted_attendees": m.redacted,
            "adopted_on": m.adopted_on,
        })
        merged_items: list[dict] = []
        for it in m.items:
            same = next((o for o in merged_items if it["number"] and o["number"] == it["number"]), None)
            if same is None and it["number"] is None:
                same = next((o for o in merged_items if o["title"] == it["title"]), None)
            if same:
                for k in ("proposal", "portfolio_holder", "contact", "kind"):
                    if not same.get(k) and it.get(k):
                        same[k] = it[k]
                if it.get("_from_proposal"):
                    same["proposal_section"] = {"start": it["section"][0], "end": it["section"][1]}
                continue
            merged_items.append(it)
        merged_items.sort(key=lambda it: it["_ev"][0])
        seen: dict[str, int] = {}
        for k, it in enumerate(merged_items, 1):
            num = it["number"]
            key = re.sub(r"\W+", "", num) if num else str(k)
            seen[key] = seen.get(key, 0) + 1
            iid = f"{mid}-a{key}" + (f"-{seen[key]}" if seen[key] > 1 else "")
            s, e = it["_ev"]
            item = {"id": iid, "meeting": mid, "number": num, "title": it["title"], "proposal": it["proposal"],
                    "portfolio_holder": it["portfolio_holder"], "contact": it["contact"], "kind": it["kind"],
                    "evidence": evidence(text, parts, s, e),
                    "section": {"start": it["section"][0], "end": it["section"][1]}}
            if "proposal_section" in it:
                item["proposal_section"] = it["proposal_section"]
            out_items.append(item)
    return out_meetings, out_items


def _continues(t: str, part: Part) -> bool:
    """A part right after a meeting's part that opens no meeting of its own: no title, or a bare
    "Agenda" / "Actielijst" heading whose head names no date of its own (the list of the same meeting)."""
    info = _header(t, part.start, min(part.end, part.start + 1200))
    title = info.get("title")
    if not title:
        return True
    bare = re.fullmatch(r"(?i)(?:agenda|actielijst|actiepunten|besluitenlijst|afspraken(?:\s+en\s+acties)?)[\s:]*",
                        title)
    return bool(bare) and info.get("date_source") in (None, "head") and not info.get("body")


# "Raadsvergadering 13 mei a.s." / "Op dinsdag 13 mei aanstaande komt de raad bijeen" just above an agenda
_ANNOUNCE_WINDOW = 1500  # about one press release above the agenda


def _announced_before(t: str, part: Part) -> str | None:
    """The date a press release or invitation right above an undated agenda announces for the meeting."""
    if part.start == 0:
        return None
    lead = Part(id="lead", type="other", title=None, date=None, organisation=None, start=0, end=part.end)
    for w in dates_in(t, max(0, part.start - _ANNOUNCE_WINDOW), part.start, lead):
        if w.date and ANNOUNCED.match(t, w.end):
            return w.date
    return None


def _from_head(t: str, part: Part, source: str) -> _Meeting | None:
    head_end = min(part.end, part.start + 2500)
    info = _header(t, part.start, head_end)
    title = info.get("title")
    body = info.get("body")
    date = info.get("date") or part.date or _announced_before(t, part)
    if not (title or date):
        return None
    ev_start = info["title_start"] if title else part.start
    ev_end = info["title_end"] if title else part.start
    # the evidence covers the header: title line through the date/time lines
    m = _Meeting(body=body, date=date, start=ev_start, end=ev_end, span_start=part.start, span_end=part.end,
                 document=part.id, source=source, start_time=info.get("start_time"), end_time=info.get("end_time"),
                 location=info.get("location"), documents=[part.id], sources=[source])
    # chair from a header table line "Voorzitter Ingrid Boer"
    chair_line = re.search(r"^[ \t]*voorzitter\s*:?[ \t]+(?P<v>[^\n]+)$", t[part.start:head_end], re.I | re.M)
    attendees, chair, minute_taker, redacted, spans = _attendance(t, part.start, head_end)
    if chair_line and not chair:
        cand = clean_name(chair_line.group("v").split(",")[0])
        if looks_like_name(cand):
            chair = cand
    m.attendees, m.chair, m.minute_taker, m.redacted = attendees, chair, minute_taker, redacted
    # an attendance list that is itself an agenda item ("2. Afwezig met bericht: …") does not end the header
    items_start = max([part.start] + [e for s, e in spans if not _NUMBERED_LINE.match(t, t.rfind("\n", 0, s) + 1)])
    if info.get("title_end"):
        items_start = max(items_start, info["title_end"])
    m.items = _items_in(t, items_start, part.end, source == "agenda", source == "agenda", source == "minutes")
    first_span = min((s for s, _ in spans), default=items_start)
    if first_span > (info.get("title_end") or part.start) + 200:
        # an agenda before the attendance list (a letter convening the meeting, its minutes attached)
        before = _items_in(t, info.get("title_end") or part.start, first_span, False, source == "agenda")
        if len(before) >= 3:
            m.items = before + m.items
    body_start = m.items[0]["section"][0] if m.items else items_start
    # attendance sentences may stand between the lists and the first item ("X schuift aan om 20.00 uur")
    m.attendees += _events(t, items_start if attendees else body_start, part.end, m.attendees,
                           speakers=not attendees)
    if attendees:
        # "X (adviseur) was erbij voor punt 3" between the attendance lists
        m.attendees += _events(t, part.start, items_start, m.attendees, speakers=False, head=True)
    m.attendees += _roll_call(t, body_start, part.end, m.attendees)
    m.attendees += _timestamp_speakers(t, part.start, part.end, m.attendees)
    if not m.chair:
        m.chair = _chair_from_opening(t, items_start, part.end, m.attendees)
    if source == "minutes":
        ad = re.search(r"\b(?:vastgesteld|goedgekeurd)\s+(?:in\s+de\s+vergadering\s+van|d\.?\s?d\.?|op|:)?\s*:?\s*"
                       r"(?P<d>[^\n]{6,40})", t[part.start:part.end], re.I)
        if ad:
            ds = [d for d in find_dates(ad.group("d")) if d.date]
            m.adopted_on = ds[0].date.isoformat() if ds else None
    return m
