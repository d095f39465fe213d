"""Resolved entities as pages read them: visible refs only, in a fixed number of queries.

The resolve stage (``store.resolution``) decided who and what each fact names;
pages only look that up. A person, body or municipality is shown to a visitor
when at least one fact the visitor may see names it.
"""

from __future__ import annotations

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..store.models import Entity, EntityRef, Fact, Link, MeetingSource, ResolvedMeeting, SourceFile
from . import facts as F
from .visibility import visible

ORG_TYPES = {
    "municipal_council": _("gemeenteraad"), "municipal_executive": _("college van B&W"),
    "committee": _("commissie of overleg"), "board": _("bestuur"), "province": _("provincie"),
    "water_board": _("waterschap"), "region": _("regionaal samenwerkingsverband"), "ministry": _("ministerie"),
    "municipality": _("gemeente"), "company": _("bedrijf"), "education": _("onderwijsinstelling"),
    "foundation": _("stichting"), "association": _("vereniging"), "group": _("groep"), "other": _("organisatie"),
}
ROLE_LABELS = {
    "owner": _("eigenaar van een actie"), "made_by": _("deed een toezegging"), "attendee": _("aanwezig"),
    "chair": _("voorzitter"), "minute_taker": _("notulist"), "portfolio_holder": _("portefeuillehouder"),
    "contact": _("contactpersoon"), "administrative_client": _("bestuurlijk opdrachtgever"),
    "named": _("genoemd"), "body": _("gremium"), "concerns": _("genoemd"), "organisation": _("betrokken"),
    "applicant": _("aanvrager"),
}
URL_NAMES = {Entity.PERSON: "web:person", Entity.ORGANISATION: "web:organisation",
             Entity.MUNICIPALITY: "web:municipality"}


def url(entity: Entity) -> str:
    return reverse(URL_NAMES[entity.kind], args=[entity.key])


def visible_refs(user):
    return EntityRef.objects.filter(fact__in=visible(Fact, user))


def find(user, kind: str, key: str) -> Entity | None:
    """The entity when the visitor may see at least one fact naming it."""
    entity = Entity.objects.filter(kind=kind, key=key).first()
    if entity is None or not visible_refs(user).filter(entity=entity).exists():
        return None
    return entity


def rows_of(user, fact_ids) -> list[F.FactRow]:
    """FactRows of these facts the visitor may see, with corrections applied (three queries)."""
    qs = visible(Fact, user).filter(id__in=fact_ids).order_by("file__path", "start", "id")
    return F.apply_human(F._rows(qs))


def named_in(rows: list[F.FactRow], roles: list[str] | None = None) -> dict[tuple[int, str], Entity]:
    """(fact id, name as written) -> the entity it was resolved to, for these rows: one query."""
    refs = EntityRef.objects.filter(fact_id__in=[r.id for r in rows]).select_related("entity")
    if roles:
        refs = refs.filter(role__in=roles)
    return {(ref.fact_id, ref.surface): ref.entity for ref in refs}


def bodies_of(rows: list[F.FactRow]) -> dict[int, Entity]:
    """fact id -> the body whose meeting or document holds it: one query."""
    refs = EntityRef.objects.filter(fact_id__in=[r.id for r in rows], role="body").select_related("entity")
    return {ref.fact_id: ref.entity for ref in refs}


def link_for(found: dict, fact_id: int, name: str) -> str | None:
    entity = found.get((fact_id, name))
    return url(entity) if entity is not None else None


def entity_facts(user, entities, roles: list[str] | None = None, kinds: list[str] | None = None):
    """Visible facts naming any of ``entities``: (rows, fact id -> [(entity, ref role, ref evidence)])."""
    refs = visible_refs(user).filter(entity__in=entities).select_related("entity")
    if roles:
        refs = refs.filter(role__in=roles)
    if kinds:
        refs = refs.filter(fact__kind__in=kinds)
    by_fact: dict[int, list] = defaultdict(list)
    for ref in refs:
        by_fact[ref.fact_id].append((ref.entity, ref.role, ref.evidence, ref.surface))
    return rows_of(user, list(by_fact)), by_fact


def kind_label(entity: Entity):
    if entity.kind == Entity.PERSON:
        return _("persoon")
    if entity.kind == Entity.MUNICIPALITY:
        return _("gemeente")
    return ORG_TYPES.get(entity.type, _("organisatie"))


def fulfilled_by(rows: list[F.FactRow]) -> dict[int, F.FactRow]:
    """commitment fact id -> the visible commitment that fulfils it, from the resolved links: one query."""
    by_ref = {(r.file_sha, r.data.get("id")): r for r in rows if r.data.get("id")}
    out: dict[int, F.FactRow] = {}
    for link in Link.objects.filter(kind="fulfils_commitment").only("source", "target"):
        made = by_ref.get((link.target.get("file"), link.target.get("id")))
        doing = by_ref.get((link.source.get("file"), link.source.get("id")))
        if made is not None and doing is not None:
            out.setdefault(made.id, doing)
    for r in rows:  # a commitment a document says it fulfils is fulfilled there
        if r.data.get("fulfilled_here"):
            out.setdefault(r.id, r)
    return out


def meeting_files(meeting: F.FactRow):
    """Files whose records the resolve stage joined into this row's meeting (a subquery)."""
    mids = MeetingSource.objects.filter(file_id=meeting.file_id, local_id=meeting.data.get("id")).values("meeting")
    return MeetingSource.objects.filter(meeting__in=mids).values("file_id")


def adopting(user, meeting: F.FactRow) -> list[F.FactRow]:
    """Agenda items of later meetings that adopt this meeting's minutes (resolved links 'adopts_minutes')."""
    mids = MeetingSource.objects.filter(file_id=meeting.file_id, local_id=meeting.data.get("id")).values("meeting")
    keys = list(ResolvedMeeting.objects.filter(id__in=mids).values_list("key", flat=True))
    refs = [link.source for link in Link.objects.filter(kind="adopts_minutes", target_date__isnull=False)
            .filter(target__id__in=keys).only("source")] if keys else []
    wanted = {(r.get("file"), r.get("id")) for r in refs if r.get("kind") == "agenda_item"}
    if not wanted:
        return []
    shas = {sha for sha, _id in wanted}
    rows = F.load(user, "agenda_items", files=visible(SourceFile, user).filter(sha256__in=shas))
    return [r for r in rows if (r.file_sha, r.data.get("id")) in wanted]


def shown_name(name: str, forms) -> str:
    """A person's name as the facts a visitor may see spell it (the fullest of them): a fuller spelling
    that only a confidential document gives stays there."""
    from ..extract.names import clean_name, fullest, looks_like_name

    seen = [clean_name(f) for f in forms if f and looks_like_name(clean_name(f))]
    return fullest(seen) if seen else name


def public_names(facts, keys) -> dict[str, str]:
    """Person names keyed by entity key as ``facts`` (a queryset of facts the visitor may see) spell them: the name
    a confidential document alone gives never reaches a list, a filter or a link text (one query)."""
    forms: dict[str, set] = defaultdict(set)
    names: dict[str, str] = {}
    refs = EntityRef.objects.filter(fact__in=facts.order_by().values("pk"), entity__kind=Entity.PERSON,
                                    entity__key__in=list(keys), evidence__isnull=True)
    for key, name, surface in refs.values_list("entity__key", "entity__name", "surface").distinct():
        forms[key].add(surface)
        names[key] = name
    return {k: shown_name(names[k], forms[k]) for k in names}
