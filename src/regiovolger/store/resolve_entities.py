"""Resolve one file's people, bodies and municipalities against what is stored, by natural keys.

Every name a fact carries (attendee, chair, action owner, commitment maker,
portfolio holder, administrative client, meeting body, organisation,
municipality) is classified by :mod:`regiovolger.actors` and becomes an
:class:`EntityRef` from the fact to one entity:

- a person joins the stored person with the same surname whose names are compatible
  ("mevrouw A.B. Jansen" = "A. Jansen" = "Jansen"), found through the indexed ``match_key``;
- an office ("de wethouder", "de voorzitter") becomes a ref to the person the same meeting or
  document names for it, with that passage as evidence; an office nobody holds here links nowhere;
- a group ("allen") is the meeting's own body; a named group ("de werkgroep"), a body ("de provincie",
  "het college") and a municipality as owner link to their organisation or municipality, never to a person;
- a meeting body carries its owner ("gemeenteraad" in a council's document -> "Gemeenteraad Den Helder").
"""

from __future__ import annotations

import re
from collections import defaultdict

from .. import actors as A
from ..extract.municipalities import find_municipalities
from ..extract.names import cluster_names, fullest
from .entity_store import Resolver
from .models import Fact, SourceFile
from .resolve_meetings import evidence_of

# fact fields that name an actor: (kind, field, role of the ref)
ACTOR_FIELDS = [("actions", "owners", "owner"), ("commitments", "made_by", "made_by"),
                ("agenda_items", "portfolio_holder", "portfolio_holder"), ("agenda_items", "contact", "contact"),
                ("projects", "administrative_clients", "administrative_client"), ("projects", "applicant", "applicant"),
                ("projects", "organisations", "organisation"), ("meetings", "chair", "chair"),
                ("meetings", "minute_taker", "minute_taker")]
# facts that concern the municipalities their text names, and the body whose meeting or document holds them
CONCERNING = ("decisions", "actions", "commitments", "agenda_items", "projects", "votes", "key_dates")


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [v for v in value or [] if isinstance(v, str) and v.strip()]


def passage(text: str, name: str, near: int) -> dict | None:
    """The line that names ``name``, nearest after ``near`` (else anywhere): evidence for an office's holder."""
    at = text.find(name, near)
    at = at if at != -1 else text.find(name)
    if at == -1:
        return None
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end == -1 else end
    return {"start": start, "end": end, "quote": text[start:end].strip()}


def _role_words(text: str | None) -> list[str]:
    """Canonical offices a role label holds ("secretaris / voorzitter" -> both)."""
    from ..nl import vocabulary

    roles = vocabulary("actors")["roles"]
    folded = A.fold(text)
    return sorted({v for k, v in roles.items() if re.search(rf"\b{re.escape(k)}\b", folded)})


# "<body> is het samenwerkingsverband van negen gemeenten in Midden-Brabant: A, B, ..."
_COOPERATION = re.compile(r"(?P<body>[^\n.:;]{3,80}?)\s+is\s+(?:het|een)\s+samenwerkingsverband\s+van\s+"
                          r"(?:de\s+)?(?:\w+\s+)?gemeenten\b[^:\n]{0,60}:\s*", re.I)


class FileResolver:
    """The entity refs of one stored file."""

    def __init__(self, f: SourceFile, facts: list[Fact]):
        self.f, self.facts = f, facts
        self.store = Resolver(f)
        self.meetings = {x.data.get("id"): x for x in facts if x.kind == "meetings" and x.data.get("id")}
        self.holders: dict[tuple[str | None, str], list[tuple[str, dict]]] = defaultdict(list)
        self.person_names: dict[str, str] = {}  # name as written -> fullest name of its cluster in this file

    # ----- context

    def _file_orgs(self) -> list[str]:
        orgs = [x.part.organisation for x in self.facts if x.part_id and x.part and x.part.organisation]
        orgs += [x.data.get("name") for x in self.facts if x.kind == "organisations" and x.data.get("name")]
        return orgs

    def _file_municipality(self) -> tuple[str, str] | None:
        """The municipality a document is of: its own organisation, else the one it names most."""
        for org in self._file_orgs():
            actor = A.classify(org)
            if actor and actor.kind == A.MUNICIPALITY:
                return actor.name, actor.cbs_code
        counts = sorted(((int(x.data.get("mentions") or 1), x.data.get("cbs_code"), x.data.get("name"))
                         for x in self.facts if x.kind == "municipalities" and x.data.get("cbs_code")), reverse=True)
        return (counts[0][2], counts[0][1]) if counts else None

    def _context_body(self, body_type: str) -> str | None:
        """'de provincie', 'het college': the document's own body of that type, when it has exactly one."""
        found = {A.canonical_body(o)[0] for o in self._file_orgs() if A.body_type(o) == body_type}
        if body_type == "municipal_executive":
            muni = self._file_municipality()
            return f"College van burgemeester en wethouders {muni[0]}" if muni else None
        if body_type == "municipal_council":
            muni = self._file_municipality()
            return f"Gemeenteraad {muni[0]}" if muni else None
        return found.pop() if len(found) == 1 else None

    def _main_region(self) -> str | None:
        counts: dict[str, int] = {}
        for x in self.facts:
            if x.kind == "organisations" and A.body_type(x.data.get("name"), x.data.get("kind")) == "region":
                name = A.canonical_body(x.data["name"])[0]
                counts[name] = counts.get(name, 0) + int(x.data.get("mentions") or 1)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0]
        return None

    def meeting_body(self, m: Fact) -> tuple[str, str] | None:
        """(display name, type) of a meeting's body, with its owner when the name alone is generic."""
        body = m.data.get("body") or m.data.get("organisation")
        if not body:
            return None
        kind = A.body_type(body) or "committee"
        name, _aliases = A.canonical_body(body)
        owner = m.data.get("organisation") or (m.part.organisation if m.part_id and m.part else None)
        if kind in ("municipal_council", "municipal_executive") and A.owner_of(name) == (None, None):
            muni = self._file_municipality()
            if muni:
                name = f"{name} {muni[0]}"
        elif kind in ("board", "committee") and len(name.split()) <= 2:
            if not owner:  # the regional body the document names most
                owner = self._main_region()
            if owner and A.fold(owner) not in A.fold(name):
                name = f"{name} {A.canonical_body(owner)[0]}"
        return name, kind

    # ----- people

    def _collect_people(self) -> None:
        """Office holders named in this file, and the file's person names clustered."""
        raw: list[str] = []
        for x in self.facts:
            d = x.data
            if x.kind == "people" and d.get("name"):
                raw += [d["name"], *_names(d.get("aliases"))]
                for r in d.get("roles") or []:
                    for role in _role_words((r or {}).get("role")):
                        self.holders[(None, role)].append((d["name"], evidence_of(x)))
            elif x.kind == "meetings":
                mid = d.get("id")
                for key, role in (("chair", "voorzitter"), ("minute_taker", "notulist")):
                    actor = A.classify(d.get(key))
                    if actor and actor.kind == A.PERSON:
                        self.holders[(mid, role)].append((actor.name, self._evidence(x, d.get(key))))
                for a in d.get("attendees") or []:
                    actor = A.classify((a or {}).get("name"))
                    if actor and actor.kind == A.PERSON:
                        raw.append(actor.name)
                        for role in _role_words(a.get("role")):
                            self.holders[(mid, role)].append((actor.name, self._evidence(x, a.get("name"))))
            elif x.kind == "agenda_items" and d.get("portfolio_holder"):
                actor = A.classify(d["portfolio_holder"])
                if actor and actor.kind == A.PERSON:
                    self.holders[(d.get("meeting"), "portefeuillehouder")].append((actor.name, evidence_of(x)))
            for kind, field, _role in ACTOR_FIELDS:
                if x.kind == kind:
                    for n in _names(d.get(field)):
                        actor = A.classify(n)
                        if actor and actor.kind == A.PERSON:
                            raw.append(actor.name)
                            if actor.role:
                                self.holders[(None, actor.role)].append((actor.name, evidence_of(x)))
        for group in cluster_names(raw):
            full = fullest(group)
            for n in group:
                self.person_names[n] = full
        self.clusters = cluster_names(raw)

    def _evidence(self, fact: Fact, name: str) -> dict:
        return {**evidence_of(fact), **(passage(self.f.text or "", name, fact.start) or {})}

    def holder(self, role: str, meeting: str | None) -> tuple[str, dict] | None:
        """The one person this meeting, else this document, names for ``role``; None when none or several."""
        scopes = [self.holders.get((meeting, role), [])] if meeting else []
        scopes.append(self.holders.get((None, role), []))
        scopes.append([h for (_mid, r), hs in self.holders.items() if r == role for h in hs])
        for found in scopes:
            people = {self.person_names.get(n, n): ev for n, ev in found}
            if len(people) == 1:
                return next(iter(people.items()))
            if len(people) > 1:
                return None
        return None

    # ----- refs

    def actor_ref(self, fact: Fact, role: str, surface: str) -> None:
        actor = A.classify(surface)
        if actor is None or actor.kind == A.OTHER:
            return
        meeting = self.meetings.get(fact.data.get("meeting")) if fact.kind != "meetings" else fact
        if actor.kind == A.PERSON:
            self.person(fact, role, surface, self.person_names.get(actor.name, actor.name))
        elif actor.kind == A.ROLE:
            held = self.holder(actor.name, meeting.data.get("id") if meeting else None)
            if held:
                self.person(fact, role, surface, self.person_names.get(held[0], held[0]), held[1])
        elif actor.kind == A.MUNICIPALITY:
            self.store.municipality_ref(fact, role, surface, actor.cbs_code)
        elif actor.kind == A.GROUP and actor.everyone:
            body = self.meeting_body(meeting) if meeting else None
            if body:
                self.store.org_ref(fact, role, surface, *body)
        elif actor.kind == A.GROUP:
            self.store.org_ref(fact, role, surface, actor.name, "group")
        elif actor.kind == A.BODY:
            name = actor.name
            generic = A._bare(name) in A._vocab()[3] or (
                actor.body_type in ("municipal_council", "municipal_executive") and A.owner_of(name) == (None, None))
            if generic:  # "de provincie", "het college": the document's own body of that type
                name = self._context_body(actor.body_type or "")
            if name:
                self.store.org_ref(fact, role, surface, name, A.body_type(name) or actor.body_type or "other")

    def person(self, fact: Fact, role: str, surface: str, name: str, evidence: dict | None = None) -> None:
        forms = next((g for g in self.clusters if name in g or any(self.person_names.get(n) == name for n in g)), [name])
        self.store.person_ref(fact, role, surface, name, forms, evidence)

    def run(self) -> int:
        self._collect_people()
        self.main_region = self._main_region()
        for x in self.facts:
            d = x.data
            if x.kind == "people" and d.get("name"):
                actor = A.classify(d["name"])
                if actor and actor.kind == A.PERSON:
                    self.person(x, "named", d["name"], self.person_names.get(actor.name, actor.name))
            elif x.kind == "organisations" and d.get("name"):
                self.store.org_ref(x, "named", d["name"], d["name"], A.body_type(d["name"], d.get("kind")) or "other",
                                   aliases=_names(d.get("aliases")))
            elif x.kind == "municipalities":
                self.store.municipality_ref(x, "named", d.get("name") or x.quote, d.get("cbs_code"),
                                            name=d.get("name") or x.quote)
            elif x.kind == "meetings":
                body = self.meeting_body(x)
                if body:
                    entity = self.store.org_ref(x, "body", d.get("body") or "", *body)
                    self._members_from_name(entity, x)
                for a in d.get("attendees") or []:
                    if isinstance(a, dict) and a.get("name"):
                        self.actor_ref(x, "attendee", a["name"])
            for kind, field, role in ACTOR_FIELDS:
                if x.kind == kind:
                    for n in _names(d.get(field)):
                        self.actor_ref(x, role, n)
            if x.kind in CONCERNING:
                self._concerns(x)
        self._members_from_text()
        return self.store.flush()

    # ----- municipalities and bodies

    def _concerns(self, x: Fact) -> None:
        text = " ".join(str(v) for k, v in x.data.items() if k in ("text", "title", "proposal", "name", "subject")
                        and isinstance(v, str))
        seen = set()
        for mm in find_municipalities(text):
            if mm.cbs_code not in seen:
                seen.add(mm.cbs_code)
                self.store.municipality_ref(x, "concerns", mm.surface, mm.cbs_code)
        for n in _names(x.data.get("municipalities")):
            actor = A.classify(n)
            if actor and actor.kind == A.MUNICIPALITY and actor.cbs_code not in seen:
                seen.add(actor.cbs_code)
                self.store.municipality_ref(x, "concerns", n, actor.cbs_code)
        meeting = self.meetings.get(x.data.get("meeting"))
        body = self.meeting_body(meeting) if meeting else None
        if body is None and x.part_id and x.part and x.part.organisation:
            org = x.part.organisation
            body = (A.canonical_body(org)[0], A.body_type(org) or "other")
        if body is None and self.main_region:  # a programme of the regional body the document is about
            body = (self.main_region, "region")
        if body and body[1] != "municipality":
            self.store.org_ref(x, "body", body[0], *body)
        elif body:
            actor = A.classify(body[0])
            if actor and actor.cbs_code:
                self.store.municipality_ref(x, "concerns", body[0], actor.cbs_code)

    def _members_from_name(self, entity, m: Fact) -> None:
        """A council's municipality; the places a regional body's own name lists ("Energiegebied A – B – C")."""
        if entity is None:
            return
        owner = A.owner_of(entity.name)
        if owner[1]:
            self.store.member(entity, owner[1], evidence_of(m))
        elif entity.type in ("region", "committee", "board"):
            found = {mm.cbs_code for mm in find_municipalities(entity.name)}
            if len(found) >= 2:
                for code in found:
                    self.store.member(entity, code, evidence_of(m))

    def _members_from_text(self) -> None:
        """'de gemeenten A, B en C' in a regional body's own document: its member municipalities; and
        '<body> is het samenwerkingsverband van negen gemeenten: A, B, ...' wherever it stands."""
        from ..extract.organisations import find_organisations

        text = self.f.text or ""
        for m in _COOPERATION.finditer(text):
            named = [o for o in find_organisations(m.group("body")) if o.kind == "region"]
            window = text[m.end():m.end() + 400].split("\n\n")[0]
            found = [mm for mm in find_municipalities(window)]
            if named and len(found) >= 2:
                entity = self.store.org(named[-1].name, "region")
                ev = {"start": m.start(), "end": m.end() + found[-1].end,
                      "quote": text[m.start():m.end() + found[-1].end]}
                for mm in found:
                    self.store.member(entity, mm.cbs_code, ev)
        regions, meeting_bodies = {}, {}
        for org in {x.part.organisation for x in self.facts if x.part_id and x.part and x.part.organisation}:
            if A.body_type(org) == "region":  # the document's own issuer, not any body it names
                name = A.canonical_body(org)[0]
                regions[name] = (name, "region")
        for m in self.meetings.values():
            body = self.meeting_body(m)
            if body and body[1] in ("region", "committee", "board"):
                meeting_bodies[body[0]] = body
        bodies = regions or meeting_bodies  # a board's members are its regional body's
        if len(bodies) != 1:
            return
        body = next(iter(bodies.values()))
        for m in re.finditer(r"\b(?:de|alle|(?:de\s+)?deelnemende|betrokken)\s+gemeenten\s*(?:zijn\s*)?:?\s+", text, re.I):
            window = re.split(r"[.;\n]\s*\n|\.\s", text[m.end():m.end() + 400], maxsplit=1)[0]
            found = [mm for mm in find_municipalities(window) if mm.start < 300]
            if len(found) >= 2:
                entity = self.store.org(*body)
                ev = {"start": m.start(), "end": m.end() + found[-1].end, "quote": text[m.start():m.end() + found[-1].end]}
                for mm in found:
                    self.store.member(entity, mm.cbs_code, ev)


def resolve_entities(f: SourceFile, facts: list[Fact]) -> int:
    return FileResolver(f, facts).run()


__all__ = ["resolve_entities", "FileResolver"]
