"""Pages. Each view gathers plain data, then ``respond`` renders HTML, JSON, CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..store.models import Fact, Page, Part, SourceFile
from . import entities as E
from . import facts as F
from .finder import FACETS, run_search
from .forms import ActionForm, UploadForm
from .highlight import render_text
from .ical import calendar as ical_calendar
from .labels import (ATTENDANCE, DECISION_KINDS, KIND_LABELS, PART_TYPES, REVIEW_STATES,
                     VOTE_OUTCOMES, VOTE_SUBJECTS, label)
from .labels import FACETS as FACET_LABELS
from .listing import choice, filter_spec, names, to_date
from .models import ActionStatus, ReviewDecision, Upload
from .originals import find_original
from .project_views import project_table
from .tables import Column, Table, respond
from .uploads import start_upload
from .visibility import hidden_spans, is_staff, visible

PER_PAGE = 50


# ---------- helpers ----------

def today() -> dt.date:
    return timezone.localdate()


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


def page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


# ---------- home ----------

def home(request, fmt=None):
    user = request.user
    rows = F.load(user, ["meetings", "actions", "decisions", "key_dates"])
    meetings = meetings_index(rows)
    counts = dict(visible(Fact, user).values_list("kind").annotate(n=Count("id")).order_by())
    files = visible(SourceFile, user)
    totals = {"documents": files.count(), **{k: counts.get(k, 0) for k in F.KINDS}}
    latest = list(files.order_by("-ingested_at", "-id").only("id", "sha256", "title", "path", "ingested_at",
                                                              "page_count")[:8])
    docs = Table("documenten", _("Nieuwste documenten"), [
        Column("title", _("Document")), Column("pages", _("Pagina's"), "number"),
        Column("ingested", _("Ingelezen"), "date")])
    for f in latest:
        docs.rows.append({"title": F.doc_title(f.title, f.path), "pages": f.page_count, "ingested": f.ingested_at})
        docs.links.append({"title": reverse("web:document", args=[F.doc_slug(f.sha256)])})
    now = today()
    dates = sorted((r for r in rows if r.kind == "key_dates" and (to_date(r.data.get("date")) or dt.date.min) >= now),
                   key=lambda r: r.data.get("date"))[:8]
    upcoming = key_date_table(dates, _("Komende data"))
    actions = action_rows(rows, meetings, status="open")[:10]
    open_actions = action_table(actions, _("Open acties (te laat eerst)"))
    decisions = sorted((r for r in rows if r.kind == "decisions"),
                       key=lambda r: when(r, meetings) or dt.date.min, reverse=True)[:8]
    recent = decision_table(decisions, meetings, _("Recente besluiten"))
    return respond(request, "web/home.html", {"totals": totals, "kind_labels": KIND_LABELS},
                   data={"counts": totals}, tables=[docs, upcoming, open_actions, recent], suffix=fmt)


# ---------- documents ----------

def documents(request, fmt=None):
    user = request.user
    qs = visible(SourceFile, user)
    part_types = visible(Part, user)
    type_ = choice(request, "soort", PART_TYPES)
    if type_:
        qs = qs.filter(id__in=part_types.filter(type=type_).values("file_id"))
    qs = qs.annotate(n_facts=Count("facts", distinct=True), last_date=Max("parts__date")).only(
        "id", "sha256", "title", "path", "media_type", "page_count", "ingested_at", "text_quality"
    ).order_by("-ingested_at", "-id")
    paginator = Paginator(qs, PER_PAGE)
    pg = paginator.get_page(page_number(request)) if request.GET.get("format") not in ("csv", "xlsx") else None
    files = list(pg.object_list if pg else qs)
    types: dict[int, set] = defaultdict(set)
    for fid, t in part_types.filter(file__in=[f.id for f in files]).values_list("file_id", "type"):
        types[fid].add(str(label(PART_TYPES, t)))
    table = Table("documenten", _("Documenten"), [
        Column("title", _("Document")), Column("types", _("Soorten"), "list"), Column("date", _("Datum"), "date"),
        Column("pages", _("Pagina's"), "number"), Column("facts", _("Feiten"), "number"),
        Column("media_type", _("Bestandstype")), Column("ingested", _("Ingelezen"), "date")])
    for f in files:
        table.rows.append({"title": F.doc_title(f.title, f.path), "types": sorted(types[f.id]), "date": f.last_date,
                           "pages": f.page_count, "facts": f.n_facts, "media_type": f.media_type,
                           "ingested": f.ingested_at})
        table.links.append({"title": reverse("web:document", args=[F.doc_slug(f.sha256)])})
    filters = [filter_spec("soort", _("Soort document"), [(k, v) for k, v in PART_TYPES.items()], type_)]
    return respond(request, "web/list.html", {"title": _("Documenten"), "filters": filters, "page_obj": pg},
                   tables=[table], suffix=fmt)


def _document(request, slug):
    f = F.files_by_slug(request.user, slug)
    if f is None:
        raise Http404
    return f


def document(request, slug, fmt=None):
    user = request.user
    f = _document(request, slug)
    parts = list(visible(Part, user).filter(file=f).order_by("start"))
    pages = list(Page.objects.filter(file=f).values_list("number", "start"))
    rows = F.load(user, F.KINDS, files=[f.id])
    hidden = hidden_spans(f, user)
    show_original = request.GET.get("tekst") == "origineel" and f.original_text and not hidden
    text_html = None if show_original else render_text(f.text, rows, pages, [(p.key, p.start) for p in parts], hidden)
    by_kind: dict[str, list] = defaultdict(list)
    for r in rows:
        by_kind[r.kind].append(r)
    grouped = [(k, KIND_LABELS[k], by_kind[k]) for k in F.KINDS if by_kind.get(k)]
    meetings = [(r, meeting_url(r)) for r in by_kind.get("meetings", [])]
    part_table = Table("delen", _("Delen van dit bestand"), [
        Column("title", _("Titel")), Column("type", _("Soort")), Column("date", _("Datum"), "date"),
        Column("organisation", _("Organisatie"))])
    for p in parts:
        part_table.rows.append({"title": p.title or p.key, "type": label(PART_TYPES, p.type), "date": p.date,
                                "organisation": p.organisation or ""})
        part_table.links.append({"title": f"#deel-{p.key}"})
    meta = {
        "title": F.doc_title(f.title, f.path), "file": Path(f.path).name, "sha256": f.sha256,
        "media_type": f.media_type, "size": f.size, "pages": f.page_count, "text_quality": f.text_quality,
        "glyph_loss": f.glyph_loss, "ingested_at": f.ingested_at,
    }
    warn = f.glyph_loss or (f.text_quality is not None and f.text_quality < 0.8)
    return respond(request, "web/document.html", {
        "f": f, "meta": meta, "text_html": text_html, "show_original": show_original,
        "grouped": grouped, "meetings": meetings, "warn": warn, "hidden": bool(hidden),
        "can_download": not hidden, "original_available": bool(f.original_text) and not hidden,
        "slug": F.doc_slug(f.sha256),
    }, data={"document": meta, "parts": [
        {"key": p.key, "type": p.type, "title": p.title, "date": p.date, "organisation": p.organisation,
         "start": p.start, "end": p.end} for p in parts], "facts": [r.as_json() for r in rows]},
        tables=[part_table], suffix=fmt)


def document_original(request, slug):
    f = _document(request, slug)
    if hidden_spans(f, request.user):
        raise Http404  # the bytes hold the confidential part too
    path = find_original(f.sha256, f.paths or [f.path])
    if path is None:
        raise Http404(_("Het originele bestand is niet meer beschikbaar."))
    return FileResponse(path.open("rb"), as_attachment=True, filename=Path(f.path).name,
                        content_type=f.media_type or "application/octet-stream")


# ---------- search ----------

def search(request, fmt=None):
    query = request.GET.get("q", "").strip()
    filters = {name: request.GET.get(name, "") for name in FACETS}
    per_page = 10
    res = run_search(query, request.user, filters=filters, page=page_number(request), per_page=per_page)
    hits_table = Table("resultaten", _("Zoekresultaten"), [
        Column("title", _("Document")), Column("snippet", _("Fragment")), Column("type", _("Soort")),
        Column("page", _("Pagina"), "number"), Column("date", _("Datum"), "date")])
    for h in res.hits:
        hits_table.rows.append({"title": h.title, "snippet": str(h.snippet), "type": str(label(PART_TYPES, h.part_type)),
                                "page": h.page, "date": h.date})
        hits_table.links.append({"title": h.url})
    facets = []
    for name, values in res.facets.items():
        if values:
            facets.append({"name": name, "label": FACET_LABELS.get(name, name), "selected": filters.get(name, ""),
                           "values": [(v, n, label(PART_TYPES, v) if name == "type" else
                                       label(KIND_LABELS, v) if name == "kind" else v) for v, n in values[:12]]})
    base = request.GET.copy()
    base.pop("pagina", None)
    pages = []
    for n in range(max(1, res.page - 4), min(res.pages, res.page + 4) + 1):
        q = base.copy()
        q["pagina"] = n
        pages.append((n, "?" + q.urlencode()))
    return respond(request, "web/search.html", {"res": res, "query": query, "facets": facets, "pages": pages,
                                                "filters": filters, "first": (res.page - 1) * res.per_page + 1},
                   data={"query": query, "total": res.total, "page": res.page, "facets": res.facets},
                   tables=[hits_table], suffix=fmt)


# ---------- meetings ----------

def meeting_table(rows, caption, bodies: dict | None = None):
    """Meetings; ``bodies`` (fact id -> resolved body, ``entities.bodies_of``) names each body with its owner."""
    bodies = bodies or {}
    t = Table("vergaderingen", caption, [
        Column("date", _("Datum"), "date"), Column("body", _("Gremium")), Column("location", _("Locatie")),
        Column("present", _("Aanwezig"), "number"), Column("document", _("Document"))])
    for m in rows:
        att = m.data.get("attendees") or []
        body = bodies.get(m.id)
        t.rows.append({"date": to_date(m.data.get("date")),
                       "body": body.name if body else m.data.get("body") or m.data.get("organisation") or "",
                       "location": m.data.get("location") or "",
                       "present": sum(1 for a in att if isinstance(a, dict) and a.get("status") != "absent"),
                       "document": m.doc_title})
        t.links.append({"date": meeting_url(m), "document": m.doc_url, **({"body": E.url(body)} if body else {})})
        t.note_fact(m)
    return t


def meetings(request, fmt=None):
    rows = sorted(F.load(request.user, "meetings"), key=lambda r: r.data.get("date") or "", reverse=True)
    return respond(request, "web/list.html", {"title": _("Vergaderingen")},
                   tables=[meeting_table(rows, _("Vergaderingen"), E.bodies_of(rows))], suffix=fmt)


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


# ---------- actions ----------

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
    return HttpResponseRedirect(_next_url(request, reverse("web:actions")))


# ---------- decisions, commitments ----------

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


# ---------- documents naming an entity (people, organisations and municipalities: entity_views.py) ----------

def _doc_table(user, file_ids, caption, name="documenten"):
    t = Table(name, caption, [Column("title", _("Document")), Column("ingested", _("Ingelezen"), "date")])
    for f in visible(SourceFile, user).filter(id__in=file_ids).only("id", "sha256", "title", "path", "ingested_at"):
        t.rows.append({"title": F.doc_title(f.title, f.path), "ingested": f.ingested_at})
        t.links.append({"title": reverse("web:document", args=[F.doc_slug(f.sha256)])})
    return t



# ---------- calendar and feeds ----------

def key_date_table(rows, caption):
    t = Table("data", caption, [Column("date", _("Datum"), "date"), Column("time", _("Tijd")),
                                Column("title", _("Wat")), Column("location", _("Waar")),
                                Column("tentative", _("Onder voorbehoud")), Column("document", _("Document"))])
    for r in rows:
        t.rows.append({"date": to_date(r.data.get("date")), "time": r.data.get("time") or "",
                       "title": r.data.get("title") or r.quote, "location": r.data.get("location") or "",
                       "tentative": _("ja") if r.data.get("tentative") else "", "document": r.doc_title})
        t.links.append({"title": r.url, "document": r.doc_url})
        t.note_fact(r)
    return t


def calendar(request, fmt=None):
    rows = [r for r in F.load(request.user, "key_dates") if to_date(r.data.get("date"))]
    period = request.GET.get("periode", "komend")
    now = today()
    if period != "alle":
        period = "komend"
        rows = [r for r in rows if to_date(r.data["date"]) >= now]
    rows.sort(key=lambda r: (r.data["date"], r.data.get("time") or ""))
    filters = [filter_spec("periode", _("Periode"), [("komend", _("vanaf vandaag")), ("alle", _("alle"))], period)]
    return respond(request, "web/list.html", {"title": _("Kalender"), "filters": filters,
                                              "ical": reverse("web:calendar_ics")},
                   tables=[key_date_table(rows, _("Belangrijke data"))], suffix=fmt)


def calendar_ics(request):
    events = []
    for r in F.load(request.user, "key_dates"):
        day = to_date(r.data.get("date"))
        if not day:
            continue
        events.append({"uid": r.key, "date": day, "time": r.data.get("time"), "title": r.data.get("title") or r.quote,
                       "location": r.data.get("location"), "description": r.quote,
                       "url": request.build_absolute_uri(r.url)})
    body = ical_calendar(events, _("regiovolger: belangrijke data"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="regiovolger.ics"'
    return response


# ---------- review: facts below the publication confidence ----------

def _next_url(request, fallback: str) -> str:
    nxt = request.POST.get("next") or ""
    if nxt.startswith("/") and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()},
                                                                require_https=request.is_secure()):
        return nxt
    return fallback


@staff_member_required
def review(request, fmt=None):
    """"Te controleren": facts below the publication confidence nobody has reviewed, one click to decide."""
    state = choice(request, "status", F.REVIEW_STATES) or F.REVIEW_OPEN
    kind = choice(request, "soort", KIND_LABELS)
    docs = list(SourceFile.objects.filter(id__in=F.to_review_facts(state).values("file_id"))
                .only("id", "sha256", "title", "path").order_by("path", "id"))
    by_slug = {F.doc_slug(d.sha256): d for d in docs}
    doc = choice(request, "document", by_slug)
    rows = F.review_list(state, kind=kind, file_id=by_slug[doc].id if doc else None)
    table = Table("te-controleren", _("Te controleren"), [
        Column("kind", _("Soort")), Column("text", _("Feit")), Column("confidence", _("Zekerheid"), "number"),
        Column("document", _("Document")), Column("page", _("Pagina"), "number"), Column("quote", _("Passage")),
        Column("decision", _("Beoordeling")), Column("key", _("Sleutel"))])
    for r in rows:
        table.rows.append({"kind": str(label(KIND_LABELS, r.kind)), "text": r.summary, "confidence": r.confidence,
                           "document": r.doc_title, "page": r.page, "quote": r.quote,
                           "decision": str(label(REVIEW_STATES, r.review or F.REVIEW_OPEN)), "key": r.key})
        table.links.append({"text": r.url, "document": r.doc_url, "quote": r.url})
    paginator = Paginator(rows, PER_PAGE)
    pg = paginator.get_page(page_number(request)) if request.GET.get("format") not in ("csv", "xlsx") else None
    filters = [
        filter_spec("status", _("Status"), list(REVIEW_STATES.items()), state),
        filter_spec("soort", _("Soort feit"), list(KIND_LABELS.items()), kind),
        filter_spec("document", _("Document"), [(k, F.doc_title(d.title, d.path)) for k, d in by_slug.items()], doc),
    ]
    return respond(request, "web/review.html", {
        "title": _("Te controleren"), "filters": filters, "rows": pg.object_list if pg else rows, "page_obj": pg,
        "total": len(rows), "state": state, "threshold": F.publish_threshold(),
        "accepted": ReviewDecision.ACCEPTED, "rejected": ReviewDecision.REJECTED,
    }, tables=[table], suffix=fmt)


@staff_member_required
@require_POST
def review_decide(request, key):
    """Accept or reject one fact (every fact with this key); the decision survives re-ingest."""
    decision = request.POST.get("besluit")
    if decision not in (ReviewDecision.ACCEPTED, ReviewDecision.REJECTED):
        return HttpResponseBadRequest(_("Onbekende beoordeling."))
    fact = Fact.objects.filter(key=key).select_related("file").only(
        "id", "kind", "data", "quote", "key", "confidence", "file__sha256").first()
    if fact is None:
        raise Http404
    ReviewDecision.objects.update_or_create(fact_key=key, defaults={
        "file_sha256": fact.file.sha256, "kind": fact.kind, "decision": decision, "confidence": fact.confidence,
        "decided_by": request.user})
    text = str(fact.data.get("text") or fact.data.get("title") or fact.data.get("name") or fact.quote)[:80]
    if decision == ReviewDecision.ACCEPTED:
        messages.success(request, _("Geaccepteerd en gepubliceerd: %(text)s") % {"text": text})
    else:
        messages.success(request, _("Afgewezen, wordt nergens getoond: %(text)s") % {"text": text})
    return HttpResponseRedirect(_next_url(request, reverse("web:review")))


# ---------- upload ----------

@staff_member_required
def upload(request):
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            up = start_upload(form.cleaned_data["file"], request.user)
            return HttpResponseRedirect(reverse("web:upload_status", args=[up.id]))
    else:
        form = UploadForm()
    recent = Upload.objects.select_related("created_by")[:20]
    return render(request, "web/upload.html", {"form": form, "recent": recent, "title": _("Bestand toevoegen")})


@staff_member_required
def upload_status(request, pk):
    up = get_object_or_404(Upload, pk=pk)
    doc = SourceFile.objects.filter(sha256=up.sha256).only("sha256").first() if up.sha256 else None
    refresh = up.status in (Upload.QUEUED, Upload.RUNNING)
    return render(request, "web/upload_status.html", {"up": up, "refresh": refresh, "title": _("Voortgang"),
                                                      "doc_url": reverse("web:document", args=[F.doc_slug(doc.sha256)]) if doc else None})
