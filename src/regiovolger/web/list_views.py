"""List pages filtered in the database: documents, key dates (calendar) and votes.

The fact lists (decisions, actions, commitments) are in ``register_views``, meetings in
``meeting_views``, projects in ``project_views``; they all filter through ``filters``.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models import F as Col
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..store.models import EntityRef, Fact, FactMunicipality, Part, SourceFile
from ..store.resolve_columns import PERSON_ROLES
from . import facts as F
from . import filters as FL
from .labels import PART_TYPES, VOTE_OUTCOMES, VOTE_SUBJECTS, label
from .listing import PER_PAGE, exporting, filter_spec, names, page_number, paged, to_date
from .tables import Column, Table, respond
from .visibility import visible

KEY_DATE_STATES = {"planned": gettext_lazy("gepland"), "tentative": gettext_lazy("onder voorbehoud")}


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
    """Key dates, from today on (or all), soonest first."""
    user = request.user
    base = visible(Fact, user).filter(kind="key_dates").exclude(date=None)
    period = "alle" if request.GET.get("periode") == "alle" else "komend"
    if period == "komend":
        base = base.filter(date__gte=timezone.localdate())
    listing = FL.apply(request, base, facets=("gremium", "jaar", "gemeente", "status"), status_labels=KEY_DATE_STATES)
    pg, rows = paged(request, user, listing.qs.order_by("date", "start", "id"), fmt)
    filters = [filter_spec("periode", _("Periode"), [("komend", _("vanaf vandaag")), ("alle", _("alle"))], period),
               *listing.filters]
    return respond(request, "web/list.html", {"title": _("Kalender"), "filters": filters, "page_obj": pg,
                                              "ical": reverse("web:calendar_ics")},
                   tables=[key_date_table(rows, _("Belangrijke data"))], suffix=fmt)


def votes(request, fmt=None):
    """Votes on proposals, motions and amendments, newest first."""
    user = request.user
    base = visible(Fact, user).filter(kind="votes")
    listing = FL.apply(request, base, facets=("gremium", "jaar", "gemeente", "status"), status_labels=VOTE_OUTCOMES,
                       labels={"status": _("Uitslag")})
    pg, rows = paged(request, user, listing.qs.order_by(Col("date").desc(nulls_last=True), "-id"), fmt)
    t = Table("stemmingen", _("Stemmingen"), [
        Column("date", _("Datum"), "date"), Column("subject", _("Onderwerp")), Column("kind", _("Soort")),
        Column("outcome", _("Uitslag")), Column("for", _("Voor"), "number"), Column("against", _("Tegen"), "number"),
        Column("groups", _("Fracties voor / tegen")), Column("body", _("Gremium"))])
    for v in rows:
        d = v.data
        groups = " / ".join(", ".join(names(d.get(k))) or "–" for k in ("groups_for", "groups_against"))
        t.rows.append({"date": v.extra.get("date"), "subject": d.get("subject") or v.quote,
                       "kind": str(label(VOTE_SUBJECTS, d.get("subject_kind"))),
                       "outcome": str(label(VOTE_OUTCOMES, d.get("outcome"))), "for": d.get("votes_for"),
                       "against": d.get("votes_against"), "groups": groups if groups != "– / –" else "",
                       "body": v.extra.get("body", "")})
        key = v.extra.get("meeting_key")
        t.links.append({"subject": v.url, **({"body": reverse("web:meeting", args=[key])} if key else {})})
        t.note_fact(v)
    return respond(request, "web/list.html", {"title": _("Stemmingen"), "filters": listing.filters, "page_obj": pg},
                   tables=[t], suffix=fmt)


# ---------- documents ----------

def _document_options(name, facts, files) -> list[tuple[str, str]]:
    """(value, "label (number of documents)") of one document filter: one query."""
    if name == "soort":
        rows = Part.objects.filter(file__in=files.order_by().values("pk")).values_list("type").annotate(
            n=Count("file", distinct=True)).order_by("type")
        return [(t, f"{label(PART_TYPES, t)} ({n})") for t, n in rows if t != "other"]
    if name == "jaar":
        rows = facts.exclude(year=None).values_list("year").annotate(n=Count("file", distinct=True)).order_by("-year")
        return [(str(y), f"{y} ({n})") for y, n in rows]
    if name == "gremium":
        rows = facts.exclude(body=None).values_list("body__key", "body__name").annotate(
            n=Count("file", distinct=True)).order_by("body__name")
        return [(k, f"{nm} ({n})") for k, nm, n in rows]
    if name == "gemeente":
        rows = FactMunicipality.objects.filter(fact__in=facts.values("pk")).values_list(
            "code", "municipality__name").annotate(n=Count("fact__file", distinct=True)).order_by("municipality__name")
        return [(c, f"{nm} ({n})") for c, nm, n in rows]
    rows = facts.filter(person__kind="person").values_list("person__key", "person__name").annotate(
        n=Count("file", distinct=True)).order_by("person__name")
    return [(k, f"{nm} ({n})") for k, nm, n in rows]


DOC_FILTERS = {"soort": gettext_lazy("Soort document"), "gremium": gettext_lazy("Gremium"), "jaar": gettext_lazy("Jaar"),
               "gemeente": gettext_lazy("Gemeente"), "persoon": gettext_lazy("Persoon")}


def _documents_with(name, value, files, facts):
    """``files`` narrowed to those of which a visible fact matches the filter (or a part of that type)."""
    if name == "soort":
        return files.filter(Exists(Part.objects.filter(file=OuterRef("pk"), type=value)))
    narrowed = {"gremium": FL.by_body, "jaar": FL.by_year, "gemeente": FL.by_municipality,
                "persoon": FL.by_person}[name](facts, value)
    return files.filter(id__in=narrowed.order_by().values("file_id"))


def documents(request, fmt=None):
    """Documents, newest first; a file typed ``other`` (a README, code) is no governance document and not listed."""
    user = request.user
    other = ~Q(Exists(Part.objects.filter(file=OuterRef("pk")).exclude(type="other"))) & Q(
        Exists(Part.objects.filter(file=OuterRef("pk"))))
    base = visible(SourceFile, user).exclude(other)
    facts = visible(Fact, user).filter(listed=True)
    raw = {n: request.GET.get(n, "") for n in DOC_FILTERS}
    if raw["soort"] not in PART_TYPES or raw["soort"] == "other":
        raw["soort"] = ""

    def narrowed(skip=None):
        files = base
        for n, v in raw.items():
            if v and n != skip:
                files = _documents_with(n, v, files, facts)
        return files

    filters = []
    for name, caption in DOC_FILTERS.items():
        files = narrowed(skip=name)
        options = _document_options(name, facts.filter(file__in=files.order_by().values("pk")).order_by(), files)
        if raw[name] and raw[name] not in {v for v, _t in options}:
            options.append((raw[name], f"{raw[name]} (0)"))
        filters.append(filter_spec(name, caption, options, raw[name]))
    qs = narrowed().annotate(last_date=Max("parts__date")).only(
        "id", "sha256", "title", "path", "media_type", "page_count", "ingested_at", "text_quality"
    ).order_by("-ingested_at", "-id")
    pg = None if exporting(request, fmt) else Paginator(qs, PER_PAGE).get_page(page_number(request))
    files = list(pg.object_list if pg else qs)
    # the visible facts of the files shown: one query over the page's files, not a count per file of the store
    n_facts = dict(visible(Fact, user).filter(file_id__in=[f.id for f in files]).order_by().values_list(
        "file_id").annotate(n=Count("id")))
    types: dict[int, set] = defaultdict(set)
    for fid, t in visible(Part, user).filter(file__in=[f.id for f in files]).values_list("file_id", "type"):
        types[fid].add(str(label(PART_TYPES, t)))
    table = Table("documenten", _("Documenten"), [
        Column("title", _("Document")), Column("types", _("Soorten"), "list"), Column("date", _("Datum"), "date"),
        Column("pages", _("Pagina's"), "number"), Column("facts", _("Feiten"), "number"),
        Column("media_type", _("Bestandstype")), Column("ingested", _("Ingelezen"), "date")])
    for f in files:
        table.rows.append({"title": F.doc_title(f.title, f.path), "types": sorted(types[f.id]), "date": f.last_date,
                           "pages": f.page_count, "facts": n_facts.get(f.id, 0), "media_type": f.media_type,
                           "ingested": f.ingested_at})
        table.links.append({"title": reverse("web:document", args=[F.doc_slug(f.sha256)])})
    return respond(request, "web/list.html", {"title": _("Documenten"), "filters": filters, "page_obj": pg},
                   tables=[table], suffix=fmt)


__all__ = ["calendar", "documents", "votes", "key_date_table"]
