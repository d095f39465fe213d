"""People, organisations and municipalities: pages over the resolved entities, never resolving again."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from ..extract.municipalities import by_code, registry
from ..extract.names import clean_name
from ..store.models import Entity, EntityRef, Membership
from . import entities as E
from . import facts as F
from .labels import ATTENDANCE, label
from .listing import to_date
from .project_views import project_table
from .tables import Column, Table, respond
from .meeting_views import meeting_table, meetings_index
from .register_views import action_rows, action_table, decision_table
from .views import _doc_table

CONCERNING = ["decisions", "actions", "commitments", "agenda_items", "projects", "votes", "key_dates"]


def _listing(user, kind: str) -> dict[int, dict]:
    """Entities of ``kind`` named by a visible fact, with counts per role, kind of fact and file, counted in
    the database (one query; persons one more for the spellings their visible facts use)."""
    refs = E.visible_refs(user).filter(entity__kind=kind)

    def facts(**where):
        return Count("fact_id", filter=Q(**where), distinct=True)

    rows = refs.values("entity_id", "entity__key", "entity__name", "entity__type").annotate(
        files=Count("file_id", distinct=True), meetings=facts(fact__kind="meetings"),
        attended=facts(role__in=["attendee", "chair", "minute_taker"]), actions=facts(role="owner"),
        commitments=facts(role="made_by"), concerning=facts(fact__kind__in=CONCERNING)).order_by()
    out = {r["entity_id"]: {**r, "key": r["entity__key"], "name": r["entity__name"], "type": r["entity__type"]}
           for r in rows}
    if kind == Entity.PERSON and out:
        forms: dict[int, set] = defaultdict(set)
        # an office ("de wethouder") is no spelling of the name
        for eid, surface in refs.filter(evidence__isnull=True).values_list("entity_id", "surface").distinct():
            forms[eid].add(surface)
        for eid, e in out.items():
            e["name"] = E.shown_name(e["name"], forms[eid])
    return out


# ---------- people

def people(request, fmt=None):
    t = Table("personen", _("Personen"), [
        Column("name", _("Naam")), Column("meetings", _("Vergaderingen"), "number"),
        Column("actions", _("Acties"), "number"), Column("commitments", _("Toezeggingen"), "number"),
        Column("documents", _("Documenten"), "number")])
    for p in sorted(_listing(request.user, Entity.PERSON).values(), key=lambda p: p["name"].casefold()):
        t.rows.append({"name": p["name"], "meetings": p["attended"], "actions": p["actions"],
                       "commitments": p["commitments"], "documents": p["files"]})
        t.links.append({"name": reverse("web:person", args=[p["key"]])})
    return respond(request, "web/list.html", {"title": _("Personen")}, tables=[t], suffix=fmt)


def _roles(rows, by_fact) -> list[str]:
    """Offices a person holds, as the facts naming them say."""
    out = []
    for r in rows:
        for _e, role, _ev, surface in by_fact.get(r.id, []):
            entries = []
            if r.kind == "people":
                entries = r.data.get("roles") or []
            elif r.kind == "meetings" and role == "attendee":
                entries = [a for a in r.data.get("attendees") or [] if isinstance(a, dict) and a.get("name") == surface]
            elif r.kind == "meetings" and role in ("chair", "minute_taker"):
                entries = [{"role": str(E.ROLE_LABELS[role]), "organisation": r.data.get("body")}]
            for x in entries:
                if isinstance(x, dict) and (x.get("role") or x.get("organisation")):
                    text = ", ".join(v for v in (x.get("role"), x.get("organisation")) if v)
                    if text not in out:
                        out.append(text)
    return out


def _entity_facts(request, kind: str, key: str):
    """The entity a page is about with the visible facts that name it, their meetings and each fact's roles."""
    entity = E.find(request.user, kind, key)
    if entity is None:
        raise Http404
    rows, by_fact = E.entity_facts(request.user, [entity])
    meetings = meetings_index(F.load(request.user, "meetings", files={r.file_id for r in rows}))
    roles_of = {r.id: {role for _e, role, _ev, _s in by_fact[r.id]} for r in rows}
    return entity, rows, by_fact, meetings, roles_of


def person(request, key, fmt=None):
    p, rows, by_fact, meetings, roles_of = _entity_facts(request, Entity.PERSON, key)
    attended = [r for r in rows if r.kind == "meetings" and roles_of[r.id] & {"attendee", "chair", "minute_taker"}]
    mt = meeting_table(attended, _("Vergaderingen bijgewoond"))
    for i, m in enumerate(attended):
        entry = next((a for _e, role, _ev, s in by_fact[m.id] for a in m.data.get("attendees") or []
                      if isinstance(a, dict) and a.get("name") == s), None)
        mt.rows[i]["present"] = str(label(ATTENDANCE, entry.get("status"))) if entry else str(_("voorzitter"))
    mt.columns[3] = Column("present", _("Aanwezigheid"))
    acts = action_table(action_rows([r for r in rows if "owner" in roles_of[r.id]], meetings, status="alle"),
                        _("Acties"))
    comm = Table("toezeggingen", _("Toezeggingen gedaan"), [Column("text", _("Toezegging")), Column("made_to", _("Aan")),
                                                            Column("date_made", _("Datum"), "date")])
    for r in (r for r in rows if "made_by" in roles_of[r.id]):
        comm.rows.append({"text": r.data.get("text") or r.quote, "made_to": r.data.get("made_to") or "",
                          "date_made": to_date(r.data.get("date_made"))})
        comm.links.append({"text": r.url})
        comm.note_fact(r)
    offices = Table("functie", _("Aangeduid met een functie"), [
        Column("surface", _("Zoals geschreven")), Column("role", _("Rol")), Column("evidence", _("Waar de functie staat"))])
    for r in rows:
        for _e, role, ev, surface in by_fact[r.id]:
            if ev:
                offices.rows.append({"surface": surface, "role": str(E.ROLE_LABELS.get(role, role)),
                                     "evidence": ev.get("quote") or ""})
                offices.links.append({"surface": r.url})
    projects = project_table([r for r in rows if "administrative_client" in roles_of[r.id]],
                             _("Projecten als bestuurlijk opdrachtgever"))
    roles = _roles(rows, by_fact)
    forms = {s for r in rows for _e, _role, ev, s in by_fact[r.id] if not ev}
    name = E.shown_name(p.name, forms)
    aliases = sorted({clean_name(f) for f in forms} - {name})
    fields = [(_("Rollen"), "; ".join(roles)), (_("Ook geschreven als"), ", ".join(aliases))]
    tables = [mt, acts, comm, projects] + ([offices] if offices.rows else [])
    return respond(request, "web/detail.html", {"title": name, "kind": _("Persoon"), "fields": fields},
                   data={"person": {"name": name, "key": p.key, "roles": roles, "aliases": aliases}},
                   tables=tables, suffix=fmt)


# ---------- organisations

def organisations(request, fmt=None):
    t = Table("organisaties", _("Organisaties en gremia"), [
        Column("name", _("Naam")), Column("kind", _("Soort")), Column("documents", _("Documenten"), "number"),
        Column("meetings", _("Vergaderingen"), "number")])
    for o in sorted(_listing(request.user, Entity.ORGANISATION).values(), key=lambda o: o["name"].casefold()):
        t.rows.append({"name": o["name"], "kind": str(E.ORG_TYPES.get(o["type"], o["type"])),
                       "documents": o["files"], "meetings": o["meetings"]})
        t.links.append({"name": reverse("web:organisation", args=[o["key"]])})
    return respond(request, "web/list.html", {"title": _("Organisaties")}, tables=[t], suffix=fmt)


def organisation(request, key, fmt=None):
    user = request.user
    o, rows, by_fact, meetings, roles_of = _entity_facts(request, Entity.ORGANISATION, key)
    held = [r for r in rows if r.kind == "meetings" and "body" in roles_of[r.id]]
    decs = [r for r in rows if r.kind == "decisions"]
    acts = action_rows([r for r in rows if r.kind == "actions" and roles_of[r.id] & {"owner"}], meetings, status="alle")
    projects = [r for r in rows if r.kind == "projects"]
    members = Table("leden", _("Deelnemende gemeenten"), [Column("name", _("Gemeente")), Column("source", _("Bron"))])
    seen = set()
    for m in Membership.objects.filter(body=o).select_related("member", "file").order_by("member__name"):
        if m.member_id in seen:
            continue
        seen.add(m.member_id)
        members.rows.append({"name": m.member.name, "source": (m.evidence or {}).get("quote") or ""})
        members.links.append({"name": E.url(m.member),
                              **({"source": reverse("web:document", args=[F.doc_slug(m.file.sha256)])} if m.file else {})})
    tables = [meeting_table(held, _("Vergaderingen")), decision_table(decs, meetings, _("Besluiten")),
              action_table(acts, _("Acties van deze organisatie")), project_table(projects, _("Projecten")),
              _doc_table(user, {r.file_id for r in rows}, _("Documenten die de organisatie noemen"))]
    if members.rows:
        tables.insert(0, members)
    owner = by_code(o.data.get("owner")) if o.data.get("owner") else None
    fields = [(_("Soort"), str(E.ORG_TYPES.get(o.type, o.type))), (_("Ook genoemd als"), ", ".join(o.aliases)),
              (_("Van gemeente"), owner.name if owner else "")]
    return respond(request, "web/detail.html", {"title": o.name, "kind": _("Organisatie"), "fields": fields},
                   data={"organisation": {"name": o.name, "key": o.key, "type": o.type, "aliases": o.aliases,
                                          "members": [r["name"] for r in members.rows]}},
                   tables=tables, suffix=fmt)


# ---------- municipalities

def municipalities(request, fmt=None):
    t = Table("gemeenten", _("Gemeenten"), [Column("name", _("Gemeente")), Column("code", _("CBS-code")),
                                            Column("documents", _("Documenten"), "number"),
                                            Column("facts", _("Feiten"), "number")])
    for g in sorted(_listing(request.user, Entity.MUNICIPALITY).values(), key=lambda g: g["name"].casefold()):
        code = g["key"].upper() if g["key"].startswith("gm") else ""
        t.rows.append({"name": g["name"], "code": code, "documents": g["files"], "facts": g["concerning"]})
        t.links.append({"name": reverse("web:municipality", args=[g["key"]])})
    return respond(request, "web/list.html", {"title": _("Gemeenten")}, tables=[t], suffix=fmt)


def municipality(request, key, fmt=None):
    """Facts that name the municipality, facts of the bodies it belongs to ("via <body>"), and of its
    former municipalities; a former municipality points to its successor."""
    user = request.user
    key = key.lower()
    entity = E.find(user, Entity.MUNICIPALITY, key)
    reg = by_code(key) if key.startswith("gm") else None
    if entity is None and reg is None:
        raise Http404
    code = reg.cbs_code if reg else None
    predecessors = [m for m in registry().municipalities if m.successor_code and code and
                    (registry().current_successor(m.cbs_code) or m).cbs_code == code and m.cbs_code != code] \
        if code else []
    selves = list(Entity.objects.filter(kind=Entity.MUNICIPALITY, key__in=[key] + [m.cbs_code.lower() for m in predecessors]))
    bodies = {m.body_id: m.body for m in Membership.objects.filter(member__in=selves).select_related("body")}
    refs = E.visible_refs(user).filter(fact__kind__in=CONCERNING).filter(
        Q(entity__in=selves) | Q(entity_id__in=list(bodies), role="body")).select_related("entity")
    via: dict[int, str] = {}
    direct: set[int] = set()
    for ref in refs:
        if ref.entity.kind == Entity.MUNICIPALITY and ref.entity.key == key:
            direct.add(ref.fact_id)
        elif ref.entity.kind == Entity.MUNICIPALITY:
            via.setdefault(ref.fact_id, _("voormalige gemeente %(name)s") % {"name": ref.entity.name})
        else:
            via.setdefault(ref.fact_id, ref.entity.name)
    rows = E.rows_of(user, direct | set(via))
    meetings = meetings_index(F.load(user, "meetings", files={r.file_id for r in rows}))

    def with_via(table, shown):
        table.columns.append(Column("via", _("Via")))
        for i, r in enumerate(shown):
            table.rows[i]["via"] = "" if r.id in direct else str(_("via %(body)s") % {"body": via.get(r.id, "")})
        return table

    decs = [r for r in rows if r.kind == "decisions"]
    projs = [r for r in rows if r.kind == "projects"]
    acts = action_rows([r for r in rows if r.kind == "actions"], meetings, status="alle")
    tables = [with_via(decision_table(decs, meetings, _("Besluiten die de gemeente aangaan")), decs),
              with_via(project_table(projs, _("Projecten")), projs),
              with_via(action_table(acts, _("Acties die de gemeente aangaan")), acts)]
    named_files = set(EntityRef.objects.filter(entity__in=selves).values_list("file_id", flat=True))
    tables.append(_doc_table(user, named_files, _("Documenten die de gemeente noemen")))
    name = reg.name if reg else entity.name
    successor = registry().current_successor(code) if reg and not reg.current else None
    fields = [(_("CBS-code"), code or ""), (_("Opgeheven in"), reg.ceased if reg and reg.ceased else ""),
              (_("Opgegaan in"), successor.name if successor else ""),
              (_("Voormalige gemeenten"), ", ".join(m.name for m in predecessors)),
              (_("Hoort bij"), ", ".join(sorted(b.name for b in bodies.values())))]
    links = {"successor": reverse("web:municipality", args=[successor.cbs_code.lower()]) if successor else None,
             "bodies": [(b.name, E.url(b)) for b in sorted(bodies.values(), key=lambda b: b.name)]}
    return respond(request, "web/entity.html", {"title": name, "kind": _("Gemeente"), "fields": fields,
                                                "entity_links": links},
                   data={"municipality": {"name": name, "cbs_code": code, "successor": successor.cbs_code if successor
                                          else None, "bodies": [b.name for b in bodies.values()]}},
                   tables=tables, suffix=fmt)
