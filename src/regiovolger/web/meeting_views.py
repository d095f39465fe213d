"""Meetings: the list, one meeting's page, and the helpers other lists use to place a fact in its meeting."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from django.db.models import F as Col

from ..store.models import Entity, Fact, Part
from . import entities as E
from . import facts as F
from . import filters as FL
from .labels import ATTENDANCE, DECISION_KINDS, PART_TYPES, VOTE_OUTCOMES, VOTE_SUBJECTS, label
from .listing import names, paged, to_date
from .tables import Column, Table, respond
from .visibility import visible


def meetings_index(rows: list[F.FactRow]) -> dict[tuple[int, str], F.FactRow]:
    """(file, meeting id) -> meeting row, each with its resolved body in ``extra["body"]`` (one query)."""
    index = {(r.file_id, r.data.get("id")): r for r in rows if r.kind == "meetings" and r.data.get("id")}
    if index:
        bodies = E.bodies_of(list(index.values()))
        for m in index.values():
            m.extra["body"] = bodies.get(m.id)
    return index


def meeting_of(row: F.FactRow, meetings: dict) -> F.FactRow | None:
    return meetings.get((row.file_id, row.data.get("meeting"))) if row.data.get("meeting") else None


def when(row: F.FactRow, meetings: dict) -> dt.date | None:
    m = meeting_of(row, meetings)
    return to_date(row.data.get("date")) or (to_date(m.data.get("date")) if m else None) or row.part_date


def body_of(row: F.FactRow, meetings: dict) -> str:
    """The body of the row's meeting, with its owner as resolved ("Gemeenteraad Den Helder")."""
    m = meeting_of(row, meetings)
    if m is None:
        return ""
    body = m.extra.get("body")
    return body.name if body is not None else (m.data.get("body") or m.data.get("organisation") or "")


def meeting_url(m: F.FactRow) -> str:
    return reverse("web:meeting", args=[m.key])


def meeting_table(rows, caption, bodies: dict | None = None):
    """Meetings; ``bodies`` (fact id -> resolved body, ``entities.bodies_of``) names each body with its owner;
    without it a row's body comes from its columns (``listing.paged``)."""
    bodies = bodies or {}
    t = Table("vergaderingen", caption, [
        Column("date", _("Datum"), "date"), Column("body", _("Gremium")), Column("location", _("Locatie")),
        Column("present", _("Aanwezig"), "number"), Column("document", _("Document"))])
    for m in rows:
        att = m.data.get("attendees") or []
        body = bodies.get(m.id)
        if body is None and m.extra.get("body_key"):
            body = Entity(kind=m.extra.get("body_kind") or Entity.ORGANISATION, key=m.extra["body_key"],
                          name=m.extra.get("body") or "")
        t.rows.append({"date": to_date(m.data.get("date")),
                       "body": body.name if body else m.data.get("body") or m.data.get("organisation") or "",
                       "location": m.data.get("location") or "",
                       "present": sum(1 for a in att if isinstance(a, dict) and a.get("status") != "absent"),
                       "document": m.doc_title})
        t.links.append({"date": meeting_url(m), "document": m.doc_url, **({"body": E.url(body)} if body else {})})
        t.note_fact(m)
    return t


def meetings(request, fmt=None):
    """Meetings, newest first; filtered and paged in the database."""
    base = visible(Fact, request.user).filter(kind="meetings")
    listing = FL.apply(request, base, facets=("gremium", "jaar", "gemeente", "persoon"))
    pg, rows = paged(request, request.user, listing.qs.order_by(Col("date").desc(nulls_last=True), "-id"), fmt)
    return respond(request, "web/list.html", {"title": _("Vergaderingen"), "filters": listing.filters,
                                              "page_obj": pg},
                   tables=[meeting_table(rows, _("Vergaderingen"))], suffix=fmt)


def meeting(request, key, fmt=None):
    user = request.user
    m = F.find(user, "meetings", key)
    if m is None:
        raise Http404
    rows = F.load(user, ["meetings", "agenda_items", "decisions", "actions", "votes"], files=[m.file_id])
    mid = m.data.get("id")
    items = [r for r in rows if r.kind == "agenda_items" and r.data.get("meeting") == mid]
    decisions = [r for r in rows if r.kind == "decisions" and r.data.get("meeting") == mid]
    actions = [r for r in rows if r.kind == "actions" and r.data.get("meeting") == mid]
    votes = [r for r in rows if r.kind == "votes" and r.data.get("meeting") == mid]
    per_item = []
    for item in items:
        iid = item.data.get("id")
        per_item.append({"item": item, "decisions": [d for d in decisions if d.data.get("agenda_item") == iid],
                         "actions": [a for a in actions if a.data.get("agenda_item") == iid]})
    vote_table = Table("stemmingen", _("Stemmingen"), [
        Column("subject", _("Onderwerp")), Column("kind", _("Soort")), Column("outcome", _("Uitslag")),
        Column("for", _("Voor"), "number"), Column("against", _("Tegen"), "number"),
        Column("groups", _("Fracties voor / tegen"))])
    for v in votes:
        d = v.data
        groups = " / ".join(", ".join(names(d.get(k))) or "–" for k in ("groups_for", "groups_against"))
        vote_table.rows.append({"subject": d.get("subject") or "", "kind": str(label(VOTE_SUBJECTS, d.get("subject_kind"))),
                                "outcome": str(label(VOTE_OUTCOMES, d.get("outcome"))), "for": d.get("votes_for"),
                                "against": d.get("votes_against"), "groups": groups if groups != "– / –" else ""})
        vote_table.links.append({"subject": v.url})
        vote_table.note_fact(v)
    loose_decisions = [d for d in decisions if not any(d.data.get("agenda_item") == i.data.get("id") for i in items)]
    loose_actions = [a for a in actions if not any(a.data.get("agenda_item") == i.data.get("id") for i in items)]
    att = Table("aanwezigheid", _("Aanwezigheid"), [
        Column("name", _("Naam")), Column("role", _("Rol")), Column("organisation", _("Organisatie")),
        Column("status", _("Status")), Column("note", _("Tijd"))])
    named = E.named_in([m])
    for a in m.data.get("attendees") or []:
        if not isinstance(a, dict):
            continue
        note = (_("tot %(t)s") % {"t": a["until"]}) if a.get("until") else (
            (_("vanaf %(t)s") % {"t": a["from"]}) if a.get("from") else "")
        att.rows.append({"name": a.get("name", ""), "role": a.get("role") or "", "organisation": a.get("organisation") or "",
                         "status": str(label(ATTENDANCE, a.get("status"))), "note": note})
        att.links.append({"name": E.link_for(named, m.id, a.get("name", ""))})
    # related documents: agenda, minutes and lists of the files the resolve stage joined into this meeting
    day = to_date(m.data.get("date"))
    related = []
    for p in visible(Part, user).filter(file__in=E.meeting_files(m), type__in=[
            "agenda", "minutes", "decision_list", "action_list"]).select_related("file").only(
            "key", "type", "title", "file__sha256"):
        related.append({"type": label(PART_TYPES, p.type), "title": p.title or p.key,
                        "url": reverse("web:document", args=[F.doc_slug(p.file.sha256)]) + f"#deel-{p.key}"})
    adopted_in = E.adopting(user, m)
    body = E.bodies_of([m]).get(m.id)  # the body with its owner, as resolved ("Gemeenteraad Den Helder")
    return respond(request, "web/meeting.html", {
        "m": m, "per_item": per_item, "loose_decisions": loose_decisions, "loose_actions": loose_actions,
        "related": related, "adopted_in": adopted_in, "day": day, "decision_kinds": DECISION_KINDS,
        "body": body, "body_url": E.url(body) if body else None,
    }, data={"meeting": m.as_json(), "agenda_items": [i.as_json() for i in items],
             "decisions": [d.as_json() for d in decisions], "actions": [a.as_json() for a in actions],
             "votes": [v.as_json() for v in votes]},
        tables=[att, vote_table] if votes else [att], suffix=fmt)
