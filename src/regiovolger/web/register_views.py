"""Registers: actions (with their status), decisions and commitments."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import entities as E
from . import facts as F
from .forms import ActionForm
from .labels import DECISION_KINDS, label
from .listing import choice, filter_spec, names, to_date
from .meeting_views import body_of, meeting_of, meeting_url, meetings_index, when
from .models import ActionStatus
from .tables import Column, Table, respond
from .visibility import is_staff


def today() -> dt.date:
    return timezone.localdate()


def next_url(request, fallback: str) -> str:
    nxt = request.POST.get("next") or ""
    if nxt.startswith("/") and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()},
                                                                require_https=request.is_secure()):
        return nxt
    return fallback


def action_rows(rows, meetings, status="open", owner="", body=""):
    now = today()
    out = []
    for r in rows:
        if r.kind != "actions":
            continue
        done = bool(r.status and r.status.done)
        if status == "open" and done or status == "done" and not done:
            continue
        if owner and owner not in names(r.data.get("owners")):
            continue
        b = body_of(r, meetings)
        if body and b != body:
            continue
        due = to_date(r.data.get("due"))
        r.extra.update(done=done, due=due, overdue=bool(due and due < now and not done), body=b,
                       date=when(r, meetings), meeting=meeting_of(r, meetings))
        out.append(r)
    out.sort(key=lambda r: (not r.extra["overdue"], r.extra["done"], r.extra["due"] or dt.date.max,
                            r.extra["date"] or dt.date.min))
    return out


def action_table(rows, caption):
    t = Table("acties", caption, [
        Column("text", _("Actie")), Column("owners", _("Eigenaar"), "list"), Column("due", _("Uiterlijk"), "date"),
        Column("state", _("Status")), Column("body", _("Gremium")), Column("date", _("Vergaderdatum"), "date"),
        Column("note", _("Notitie")), Column("key", _("Sleutel"))])
    for r in rows:
        e = r.extra
        state = _("afgerond") if e.get("done") else (_("te laat") if e.get("overdue") else _("open"))
        t.rows.append({"text": r.data.get("text") or r.quote, "owners": names(r.data.get("owners")), "due": e.get("due"),
                       "state": state, "body": e.get("body", ""), "date": e.get("date"),
                       "note": r.status.note if r.status else "", "key": r.key})
        t.links.append({"text": r.url})
        t.note_fact(r)
    return t


def actions(request, fmt=None):
    user = request.user
    rows = F.load(user, ["actions", "meetings"])
    meetings = meetings_index(rows)
    status = request.GET.get("status", "open")
    status = status if status in ("open", "done", "alle") else "open"
    all_rows = action_rows(rows, meetings, status="alle")
    owners = sorted({o for r in all_rows for o in names(r.data.get("owners"))})
    bodies = sorted({r.extra["body"] for r in all_rows if r.extra["body"]})
    owner = choice(request, "eigenaar", owners)
    body = choice(request, "gremium", bodies)
    shown = action_rows(rows, meetings, status=status, owner=owner, body=body)
    table = action_table(shown, _("Acties"))
    per_owner = Counter()
    per_owner_done = Counter()
    per_body = Counter()
    per_body_done = Counter()
    for r in all_rows:
        for o in names(r.data.get("owners")) or [_("(niemand genoemd)")]:
            (per_owner_done if r.extra["done"] else per_owner)[o] += 1
        b = r.extra["body"] or _("(onbekend)")
        (per_body_done if r.extra["done"] else per_body)[b] += 1
    owner_t = Table("acties-per-eigenaar", _("Acties per eigenaar"), [
        Column("owner", _("Eigenaar")), Column("kind", _("Soort")), Column("open", _("Open"), "number"),
        Column("done", _("Afgerond"), "number")])
    # who each owner is was decided by the resolve stage: a person, a body, a group or a municipality
    owner_entity = {surface: entity for (_fid, surface), entity in E.named_in(all_rows, ["owner"]).items()}
    for o in sorted(set(per_owner) | set(per_owner_done)):
        owner_t.rows.append({"owner": o, "open": per_owner[o], "done": per_owner_done[o]})
        entity = owner_entity.get(o)
        owner_t.rows[-1]["kind"] = str(E.kind_label(entity)) if entity else ""
        owner_t.links.append({"owner": E.url(entity)} if entity else {})
    body_t = Table("acties-per-gremium", _("Acties per gremium"), [
        Column("body", _("Gremium")), Column("open", _("Open"), "number"), Column("done", _("Afgerond"), "number")])
    for b in sorted(set(per_body) | set(per_body_done)):
        body_t.rows.append({"body": b, "open": per_body[b], "done": per_body_done[b]})
    filters = [
        filter_spec("status", _("Status"), [("open", _("open")), ("done", _("afgerond")), ("alle", _("alle"))], status),
        filter_spec("eigenaar", _("Eigenaar"), [(o, o) for o in owners], owner),
        filter_spec("gremium", _("Gremium"), [(b, b) for b in bodies], body),
    ]
    return respond(request, "web/actions.html", {"title": _("Acties"), "filters": filters, "rows": shown,
                                                 "staff": is_staff(user), "form": ActionForm(),
                                                 "summary_tables": [owner_t, body_t]},
                   tables=[table, owner_t, body_t], suffix=fmt)


@staff_member_required
@require_POST
def action_update(request, key):
    row = F.find(request.user, "actions", key)
    if row is None:
        raise Http404
    form = ActionForm(request.POST)
    if form.is_valid():
        status, _created = ActionStatus.objects.get_or_create(fact_key=row.key)
        what = form.cleaned_data["what"]
        if what == "done":
            status.done = True
        elif what == "reopen":
            status.done = False
        if form.cleaned_data.get("note"):
            status.note = form.cleaned_data["note"]
        status.updated_by = request.user
        status.save()
        messages.success(request, _("Actie bijgewerkt: %(text)s") % {"text": (row.data.get("text") or row.quote)[:80]})
    else:
        messages.error(request, _("De actie kon niet worden bijgewerkt."))
    return HttpResponseRedirect(next_url(request, reverse("web:actions")))


def decision_table(rows, meetings, caption):
    t = Table("besluiten", caption, [
        Column("date", _("Datum"), "date"), Column("text", _("Besluit")), Column("kind", _("Soort")),
        Column("amount", _("Bedrag"), "money"), Column("body", _("Gremium")), Column("document", _("Document"))])
    for r in rows:
        t.rows.append({"date": when(r, meetings), "text": r.data.get("text") or r.quote,
                       "kind": str(label(DECISION_KINDS, r.data.get("kind"))), "amount": r.data.get("amount_eur"),
                       "body": body_of(r, meetings), "document": r.doc_title})
        m = meeting_of(r, meetings)
        t.links.append({"text": r.url, "document": r.doc_url, **({"body": meeting_url(m)} if m else {})})
        t.note_fact(r)
    return t


def decisions(request, fmt=None):
    rows = F.load(request.user, ["decisions", "meetings"])
    meetings = meetings_index(rows)
    kind = choice(request, "soort", DECISION_KINDS)
    shown = sorted((r for r in rows if r.kind == "decisions" and (not kind or r.data.get("kind") == kind)),
                   key=lambda r: when(r, meetings) or dt.date.min, reverse=True)
    filters = [filter_spec("soort", _("Soort besluit"), list(DECISION_KINDS.items()), kind)]
    return respond(request, "web/list.html", {"title": _("Besluitenlog"), "filters": filters,
                                              "feed": reverse("web:decisions_feed")},
                   tables=[decision_table(shown, meetings, _("Besluiten"))], suffix=fmt)


def commitments(request, fmt=None):
    rows = F.load(request.user, "commitments")
    fulfilled_by = E.fulfilled_by(rows)
    made_by = E.named_in(rows, ["made_by"])
    status_f = choice(request, "status", ("open", "vervuld"))
    now = today()
    t = Table("toezeggingen", _("Toezeggingen"), [
        Column("text", _("Toezegging")), Column("made_by", _("Gedaan door")), Column("made_to", _("Gedaan aan")),
        Column("date_made", _("Datum"), "date"), Column("due", _("Uiterlijk"), "date"), Column("status", _("Status")),
        Column("fulfilled_in", _("Vervuld in"))])
    for r in sorted(rows, key=lambda r: r.data.get("date_made") or "", reverse=True):
        by = fulfilled_by.get(r.id)
        done = by is not None
        due = to_date(r.data.get("due"))
        if status_f == "open" and done or status_f == "vervuld" and not done:
            continue
        state = _("vervuld") if done else (_("te laat") if due and due < now else _("open"))
        t.rows.append({"text": r.data.get("text") or r.quote, "made_by": r.data.get("made_by") or "",
                       "made_to": r.data.get("made_to") or "", "date_made": to_date(r.data.get("date_made")),
                       "due": due, "status": state, "fulfilled_in": by.doc_title if by else ""})
        t.links.append({"text": r.url, **({"fulfilled_in": by.doc_url} if by else {}),
                        **({"made_by": E.link_for(made_by, r.id, r.data["made_by"])}
                           if E.link_for(made_by, r.id, r.data.get("made_by") or "") else {})})
        t.note_fact(r)
    filters = [filter_spec("status", _("Status"), [("open", _("open")), ("vervuld", _("vervuld"))], status_f)]
    return respond(request, "web/list.html", {"title": _("Toezeggingenregister"), "filters": filters},
                   tables=[t], suffix=fmt)
