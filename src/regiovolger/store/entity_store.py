"""Find or make entities by natural key, and keep a file's refs to them.

People by surname key (``match_key``) and compatible names, organisations by
their canonical name, municipalities by CBS code: every lookup is one indexed
query, whatever the size of the store.
"""

from __future__ import annotations

import re
import unicodedata

from .. import actors as A
from ..extract.municipalities import by_code, current_successor
from ..extract.names import _fold, compatible, fullest, parse_name
from .models import Entity, EntityRef, Fact, Membership, SourceFile


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", "-", s).strip("-")[:180] or "-"


def person_match_key(name: str) -> str:
    p = parse_name(name)
    if p is None:
        return "?" + A.fold(name)
    if p.surname:
        return _fold(f"{p.particles} {p.surname}".strip())
    return _fold(p.first or name)


def _unique_key(kind: str, base: str) -> str:
    key, n = base, 1
    while Entity.objects.filter(kind=kind, key=key).exists():
        n += 1
        key = f"{base}-{n}"
    return key


class Resolver:
    """Entities for one file, and its refs, written together by :meth:`flush`."""

    def __init__(self, f: SourceFile):
        self.f = f
        self.refs: list[EntityRef] = []
        self.seen: set[tuple] = set()
        self.people: dict[str, Entity | None] = {}
        self.orgs: dict[str, Entity] = {}
        self.munis: dict[str, Entity] = {}
        self.members: set[tuple[int, int]] = set()

    def _add(self, entity: Entity | None, fact: Fact, role: str, surface: str, evidence: dict | None = None) -> None:
        if entity is None:
            return
        key = (entity.id, fact.id, role)
        if key in self.seen:
            return
        self.seen.add(key)
        self.refs.append(EntityRef(entity=entity, fact=fact, file=self.f, role=role, surface=(surface or "")[:300],
                                   evidence=evidence))

    # ----- people

    def person(self, name: str, forms: list[str]) -> Entity | None:
        if name in self.people:
            return self.people[name]
        forms = list(dict.fromkeys([name, *forms]))
        p = parse_name(name)
        mk = person_match_key(name)
        candidates = list(Entity.objects.filter(kind=Entity.PERSON, match_key=mk))
        if p is not None and not p.surname:  # one word: a first name or a surname, joined only when unambiguous
            candidates += list(Entity.objects.filter(kind=Entity.PERSON, data__first=mk).exclude(match_key=mk))
        hits = [e for e in candidates if all(compatible(a, b) for a in forms for b in [e.name, *e.aliases]
                                             if parse_name(a) and parse_name(b))]
        if len(hits) > 1 and p is not None and p.first:
            hits = hits[:1]
        if len(hits) == 1:
            entity = hits[0]
            known = set(entity.aliases) | {entity.name}
            if not set(forms) <= known:
                best = fullest([entity.name, *forms])
                entity.aliases = sorted((known | set(forms)) - {best})
                entity.name = best
                first = parse_name(best)
                if first and first.first:
                    entity.data = {**entity.data, "first": _fold(first.first.split()[0])}
                entity.save(update_fields=["name", "aliases", "data"])
        elif hits or (p is not None and not p.surname and candidates):
            entity = None  # ambiguous: better unlinked than linked to the wrong person
        else:
            best = fullest(forms)
            parsed = parse_name(best)
            entity = Entity.objects.create(
                kind=Entity.PERSON, key=_unique_key(Entity.PERSON, slug(best)), name=best, match_key=mk,
                aliases=sorted(set(forms) - {best}),
                data={"first": _fold(parsed.first.split()[0])} if parsed and parsed.first else {})
        self.people[name] = entity
        return entity

    def person_ref(self, fact: Fact, role: str, surface: str, name: str, forms: list[str],
                   evidence: dict | None = None) -> None:
        self._add(self.person(name, forms), fact, role, surface, evidence)

    # ----- organisations

    def org(self, name: str, type_: str, aliases: list[str] | None = None) -> Entity:
        canonical, more = A.canonical_body(name)
        mk = A.body_key(canonical)
        if mk in self.orgs:
            return self.orgs[mk]
        entity = Entity.objects.filter(kind=Entity.ORGANISATION, match_key=mk).first()
        forms = [a for a in [*more, *(aliases or [])] if a]
        short = A.initialism(canonical)
        if entity is None and short:  # "Veiligheidsregio NHN" and "Veiligheidsregio Noord-Holland Noord"
            entity = Entity.objects.filter(kind=Entity.ORGANISATION, data__initialism=short).first()
            if entity is not None:
                forms.append(canonical)
                if len(canonical) > len(entity.name):  # the full name is the name, the abbreviation an alias
                    forms.append(entity.name)
                    entity.name = canonical
                    entity.save(update_fields=["name"])
        if entity is None:
            entity = Entity.objects.create(kind=Entity.ORGANISATION, key=_unique_key(Entity.ORGANISATION, slug(canonical)),
                                           name=canonical, type=type_ or "other", match_key=mk, aliases=sorted(set(forms)))
            owner = A.owner_of(canonical)
            entity.data = {**({"owner": owner[1]} if owner[1] else {}), **({"initialism": short} if short else {})}
            if entity.data:
                entity.save(update_fields=["data"])
        elif not set(forms) <= set(entity.aliases) or (entity.type in ("", "other") and type_ not in ("", "other")):
            entity.aliases = sorted(set(entity.aliases) | set(forms) - {entity.name})
            if entity.type in ("", "other") and type_:
                entity.type = type_
            entity.save(update_fields=["aliases", "type"])
        self.orgs[mk] = entity
        return entity

    def org_ref(self, fact: Fact, role: str, surface: str, name: str, type_: str,
                aliases: list[str] | None = None) -> Entity | None:
        if type_ == "municipality":
            actor = A.classify(name)
            if actor is not None and actor.cbs_code:
                self.municipality_ref(fact, role, surface, actor.cbs_code)
                return None
        entity = self.org(name, type_, aliases)
        self._add(entity, fact, role, surface)
        return entity

    # ----- municipalities

    def municipality(self, code: str | None, name: str | None = None) -> Entity | None:
        if not code and not name:
            return None
        mk = code.upper() if code else "naam:" + slug(name or "")
        if mk in self.munis:
            return self.munis[mk]
        entity = Entity.objects.filter(kind=Entity.MUNICIPALITY, match_key=mk).first()
        if entity is None:
            reg = by_code(code) if code else None
            data = {"cbs_code": code}
            if reg is not None and not reg.current:
                succ = current_successor(reg.cbs_code)
                data.update(ceased=reg.ceased, successor=reg.successor_code, current=succ.cbs_code if succ else None)
            entity = Entity.objects.create(kind=Entity.MUNICIPALITY, key=(code or slug(name or "")).lower(),
                                           name=reg.name if reg else (name or code), match_key=mk, data=data)
        self.munis[mk] = entity
        return entity

    def municipality_ref(self, fact: Fact, role: str, surface: str, code: str | None, name: str | None = None) -> None:
        self._add(self.municipality(code, name), fact, role, surface)

    def member(self, body: Entity, code: str, evidence: dict | None) -> None:
        muni = self.municipality(code)
        if muni is None or (body.id, muni.id) in self.members:
            return
        self.members.add((body.id, muni.id))
        if not Membership.objects.filter(body=body, member=muni, file=self.f).exists():
            Membership.objects.create(body=body, member=muni, file=self.f, evidence=evidence)

    def flush(self) -> int:
        EntityRef.objects.bulk_create(self.refs, batch_size=500)
        return len(self.refs)
