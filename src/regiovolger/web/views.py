"""Pages. Each view gathers plain data, then ``respond`` renders HTML, JSON, CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..store.models import Fact, Page, Part, SourceFile
from . import facts as F
from .finder import FACETS, run_search
from .highlight import render_text
from .ical import calendar as ical_calendar
from .labels import KIND_LABELS, PART_TYPES, REVIEW_STATES, label
from .labels import FACETS as FACET_LABELS
from .list_views import key_date_table
from .listing import choice, filter_spec, to_date
from .models import ReviewDecision
from .originals import find_original
from .meeting_views import meeting_table, meeting_url, meetings_index, when  # noqa: F401 - feeds import from here
from .register_views import action_rows, action_table, decision_table, next_url, today  # noqa: F401
from .tables import Column, Table, respond
from .uploads import upload, upload_status  # noqa: F401 - the URL conf finds them here
from .visibility import hidden_spans, visible

PER_PAGE = 50


# ---------- helpers ----------


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


# ---------- one document (the list of documents: list_views.py) ----------

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


# ---------- documents naming an entity (people, organisations and municipalities: entity_views.py) ----------

def _doc_table(user, file_ids, caption, name="documenten"):
    t = Table(name, caption, [Column("title", _("Document")), Column("ingested", _("Ingelezen"), "date")])
    for f in visible(SourceFile, user).filter(id__in=file_ids).only("id", "sha256", "title", "path", "ingested_at"):
        t.rows.append({"title": F.doc_title(f.title, f.path), "ingested": f.ingested_at})
        t.links.append({"title": reverse("web:document", args=[F.doc_slug(f.sha256)])})
    return t


# ---------- calendar feed (the calendar page: list_views.py) ----------

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
    return HttpResponseRedirect(next_url(request, reverse("web:review")))


# ---------- upload: check, save, queue (uploads.py); a worker process reads it ----------
