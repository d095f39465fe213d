"""Registers: actions (with their status), decisions and commitments."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.db.models import BooleanField, Case, Count, Exists, ExpressionWrapper, OuterRef, Q, When
from django.db.models import F as Col
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..store.models import Entity, EntityRef, Fact, Link, SourceFile
from . import entities as E
from . import facts as F
from . import filters as FL
from .forms import ActionForm
from .labels import DECISION_KINDS, label
from .listing import names, paged, to_date
from .meeting_views import body_of, meeting_of, meeting_url, meetings_index, when
from .models import ActionStatus
from .tables import Column, Table, respond
from .visibility import is_staff, visible


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


ACTION_STATES = {"open": gettext_lazy("open"), "done": gettext_lazy("afgerond"), "alle": gettext_lazy("alle")}


def _action_summaries(base):
    """Open and done actions per owner (as resolved) and per body, over every visible action: three queries."""
    done = Q(fact__status="done")
    owner_t = Table("acties-per-eigenaar", _("Acties per eigenaar"), [
        Column("owner", _("Eigenaar")), Column("kind", _("Soort")), Column("open", _("Open"), "number"),
        Column("done", _("Afgerond"), "number")])
    # who each owner is was decided by the resolve stage: a person, a body, a group or a municipality
    per_owner = EntityRef.objects.filter(fact__in=base.order_by().values("pk"), role="owner").values_list(
        "entity__kind", "entity__key", "entity__name", "entity__type").annotate(
        n_open=Count("fact", filter=~done, distinct=True), n_done=Count("fact", filter=done, distinct=True)).order_by(
        "entity__name")
    per_owner = list(per_owner)
    shown = E.public_names(base, [key for kind, key, *_ in per_owner if kind == Entity.PERSON])
    for kind, key, name, type_, n_open, n_done in per_owner:
        name = shown.get(key, name) if kind == Entity.PERSON else name
        entity = Entity(kind=kind, key=key, name=name, type=type_)
        owner_t.rows.append({"owner": name, "kind": str(E.kind_label(entity)), "open": n_open, "done": n_done})
        owner_t.links.append({"owner": E.url(entity)})
    nobody = base.exclude(Exists(EntityRef.objects.filter(fact=OuterRef("pk"), role="owner"))).order_by().aggregate(
        n_open=Count("id", filter=~FL.action_done()), n_done=Count("id", filter=FL.action_done()))
    if nobody["n_open"] or nobody["n_done"]:
        owner_t.rows.append({"owner": _("(geen eigenaar herkend)"), "kind": "", "open": nobody["n_open"],
                             "done": nobody["n_done"]})
        owner_t.links.append({})
    body_t = Table("acties-per-gremium", _("Acties per gremium"), [
        Column("body", _("Gremium")), Column("open", _("Open"), "number"), Column("done", _("Afgerond"), "number")])
    for name, n_open, n_done in base.order_by().values_list("body__name").annotate(
            n_open=Count("id", filter=~FL.action_done()), n_done=Count("id", filter=FL.action_done())).order_by("body__name"):
        body_t.rows.append({"body": name or _("(onbekend)"), "open": n_open, "done": n_done})
    return owner_t, body_t


def actions(request, fmt=None):
    """Actions, overdue first; filtered and paged in the database."""
    user = request.user
    base = visible(Fact, user).filter(kind="actions")
    listing = FL.apply(request, base, status_labels=ACTION_STATES, labels={"persoon": _("Eigenaar")},
                      defaults={"status": "open"})
    now = today()
    done = FL.action_done()
    ordered = listing.qs.annotate(done=ExpressionWrapper(done, output_field=BooleanField()), late=Case(When(Q(due__lt=now) & ~done, then=0), default=1)).order_by(
        "late", "done", Col("due").asc(nulls_last=True), Col("date").asc(nulls_first=True), "id")
    pg, shown = paged(request, user, ordered, fmt)
    for r in shown:
        is_done = bool(r.status and r.status.done)
        due = to_date(r.data.get("due"))  # as corrected
        r.extra.update(done=is_done, due=due, overdue=bool(due and due < now and not is_done))
    table = action_table(shown, _("Acties"))
    owner_t, body_t = _action_summaries(base.filter(listed=True))
    return respond(request, "web/actions.html", {"title": _("Acties"), "filters": listing.filters, "rows": shown,
                                                 "staff": is_staff(user), "form": ActionForm(), "page_obj": pg,
                                                 "total": pg.paginator.count if pg else len(shown),
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
    """Decisions; ``meetings`` (``meetings_index``) places each in its meeting, or None for rows of ``paged``."""
    t = Table("besluiten", caption, [
        Column("date", _("Datum"), "date"), Column("text", _("Besluit")), Column("kind", _("Soort")),
        Column("amount", _("Bedrag"), "money"), Column("body", _("Gremium")), Column("document", _("Document"))])
    for r in rows:
        if meetings is None:
            date, body, key = r.extra.get("date"), r.extra.get("body", ""), r.extra.get("meeting_key")
            murl = reverse("web:meeting", args=[key]) if key else None
        else:
            m = meeting_of(r, meetings)
            date, body, murl = when(r, meetings), body_of(r, meetings), meeting_url(m) if m else None
        t.rows.append({"date": date, "text": r.data.get("text") or r.quote,
                       "kind": str(label(DECISION_KINDS, r.data.get("kind"))), "amount": r.data.get("amount_eur"),
                       "body": body, "document": r.doc_title})
        t.links.append({"text": r.url, "document": r.doc_url, **({"body": murl} if murl else {})})
        t.note_fact(r)
    return t


def decisions(request, fmt=None):
    """The decision log, newest first; filtered and paged in the database."""
    base = visible(Fact, request.user).filter(kind="decisions")
    listing = FL.apply(request, base, status_labels=DECISION_KINDS, labels={"status": _("Soort besluit")})
    ordered = listing.qs.order_by(Col("date").desc(nulls_last=True), "-id")
    pg, shown = paged(request, request.user, ordered, fmt)
    return respond(request, "web/list.html", {"title": _("Besluitenlog"), "filters": listing.filters,
                                              "feed": reverse("web:decisions_feed"), "page_obj": pg},
                   tables=[decision_table(shown, None, _("Besluiten"))], suffix=fmt)


COMMITMENT_STATES = {"open": gettext_lazy("open"), "fulfilled": gettext_lazy("vervuld")}


def _fulfilling(user, rows):
    """commitment fact id -> the visible commitment that fulfils it (resolved links): two queries."""
    out = {r.id: r for r in rows if r.data.get("fulfilled_here")}
    wanted = {(r.file_sha, r.data.get("id")): r for r in rows if r.data.get("id") and r.id not in out}
    if not wanted:
        return out
    links = [ln for ln in Link.objects.filter(kind="fulfils_commitment", target_file_id__in={r.file_id for r in rows})
             .only("source", "target") if (ln.target.get("file"), ln.target.get("id")) in wanted]
    sources = {(ln.source.get("file"), ln.source.get("id")) for ln in links}
    files = visible(SourceFile, user).filter(sha256__in={s for s, _i in sources})
    doing = {(r.file_sha, r.data.get("id")): r for r in F.load(user, "commitments", files=files)} if sources else {}
    for ln in links:
        made, by = wanted[(ln.target.get("file"), ln.target.get("id"))], doing.get((ln.source.get("file"), ln.source.get("id")))
        if by is not None:
            out.setdefault(made.id, by)
    return out


def commitments(request, fmt=None):
    """The commitment register, newest first; filtered and paged in the database."""
    user = request.user
    base = visible(Fact, user).filter(kind="commitments")
    listing = FL.apply(request, base, status_labels=COMMITMENT_STATES, labels={"persoon": _("Gedaan door")})
    pg, rows = paged(request, user, listing.qs.order_by(Col("date").desc(nulls_last=True), "-id"), fmt)
    fulfilled_by = _fulfilling(user, rows)
    made_by = E.named_in(rows, ["made_by"])
    now = today()
    t = Table("toezeggingen", _("Toezeggingen"), [
        Column("text", _("Toezegging")), Column("made_by", _("Gedaan door")), Column("made_to", _("Gedaan aan")),
        Column("date_made", _("Datum"), "date"), Column("due", _("Uiterlijk"), "date"), Column("status", _("Status")),
        Column("fulfilled_in", _("Vervuld in"))])
    for r in rows:
        by = fulfilled_by.get(r.id)
        due = to_date(r.data.get("due"))
        state = _("vervuld") if by is not None else (_("te laat") if due and due < now else _("open"))
        t.rows.append({"text": r.data.get("text") or r.quote, "made_by": r.data.get("made_by") or "",
                       "made_to": r.data.get("made_to") or "", "date_made": to_date(r.data.get("date_made")),
                       "due": due, "status": state, "fulfilled_in": by.doc_title if by else ""})
        link = E.link_for(made_by, r.id, r.data.get("made_by") or "")
        t.links.append({"text": r.url, **({"fulfilled_in": by.doc_url} if by else {}),
                        **({"made_by": link} if link else {})})
        t.note_fact(r)
    return respond(request, "web/list.html", {"title": _("Toezeggingenregister"), "filters": listing.filters,
                                              "page_obj": pg}, tables=[t], suffix=fmt)
