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
from .resolve_bodies import BodyRules, names as _names
from .resolve_meetings import evidence_of

# fact fields that name an actor: (kind, field, role of the ref)
ACTOR_FIELDS = [("actions", "owners", "owner"), ("commitments", "made_by", "made_by"),
                ("agenda_items", "portfolio_holder", "portfolio_holder"), ("agenda_items", "contact", "contact"),
                ("projects", "administrative_clients", "administrative_client"), ("projects", "applicant", "applicant"),
                ("projects", "organisations", "organisation"), ("meetings", "chair", "chair"),
                ("meetings", "minute_taker", "minute_taker")]
# facts that concern the municipalities their text names, and the body whose meeting or document holds them
CONCERNING = ("decisions", "actions", "commitments", "agenda_items", "projects", "votes", "key_dates")


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


class FileResolver(BodyRules):
    """The entity refs of one stored file."""

    def __init__(self, f: SourceFile, facts: list[Fact]):
        self.f, self.facts = f, facts
        self.store = Resolver(f)
        self.meetings = {x.data.get("id"): x for x in facts if x.kind == "meetings" and x.data.get("id")}
        self.holders: dict[tuple[str | None, str], list[tuple[str, dict]]] = defaultdict(list)
        self.person_names: dict[str, str] = {}  # name as written -> fullest name of its cluster in this file

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
                            ev = {**self._evidence(x, a.get("name")), "organisation": a.get("organisation")}
                            self.holders[(mid, role)].append((actor.name, ev))
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

    def holder(self, role: str, meeting: str | None, near: str = "") -> tuple[str, dict] | None:
        """The one person this meeting, else this document, names for ``role``. Several holders (three
        wethouders at one table): the one whose municipality the text just before names; else None."""
        scopes = [self.holders.get((meeting, role), [])] if meeting else []
        scopes.append(self.holders.get((None, role), []))
        scopes.append([h for (_mid, r), hs in self.holders.items() if r == role for h in hs])
        for found in scopes:
            people = {self.person_names.get(n, n): ev for n, ev in found}
            if len(people) == 1:
                return next(iter(people.items()))
            if len(people) > 1:
                # the text before the action, without the lines that list the holders themselves
                near = "\n".join(line for line in near.splitlines() if not any(n in line for n in people))
                places = {mm.cbs_code for mm in find_municipalities(near)}
                named = [(n, ev) for n, ev in people.items()
                         if places & {mm.cbs_code for mm in find_municipalities(
                             ev.get("organisation") or ev.get("quote") or "")}]
                return named[0] if len(named) == 1 else None
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
            near = (self.f.text or "")[max(0, fact.start - 400):fact.end]
            held = self.holder(actor.name, meeting.data.get("id") if meeting else None, near)
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

def resolve_entities(f: SourceFile, facts: list[Fact]) -> int:
    return FileResolver(f, facts).run()


__all__ = ["resolve_entities", "FileResolver"]
