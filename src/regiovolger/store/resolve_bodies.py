"""Bodies and municipalities of one file: which body a fact belongs to, a meeting body's owner, the
municipalities a fact concerns, and the members of regional bodies as the documents state them.

A mixin of :class:`store.resolve_entities.FileResolver`; reads ``self.f``, ``self.facts``,
``self.meetings`` and writes through ``self.store``.
"""

from __future__ import annotations

import re

from .. import actors as A
from ..extract.municipalities import find_municipalities
from .models import Fact
from .resolve_meetings import evidence_of


def names(value) -> list[str]:
    """Name strings of a fact field that holds one name or a list."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [v for v in value or [] if isinstance(v, str) and v.strip()]


# "<body> is het samenwerkingsverband van negen gemeenten in Midden-Brabant: A, B, ..."
_COOPERATION = re.compile(r"\bis\s+(?:het|een)\s+samenwerkingsverband\s+van\s+"
                          r"(?:de\s+)?(?:\w+\s+)?gemeenten\b[^:\n]{0,60}:\s*", re.I)


class BodyRules:
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
        if body_type == "province" and len(found) > 1:  # "Gedeputeerde Staten van X" and "Provincie X": one province
            places = {re.sub(r"(?i)^.*?\b(?:provincie|staten van)\s+", "", f) for f in found}
            return f"Provincie {places.pop()}" if len(places) == 1 else None
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

    # ----- municipalities and bodies

    def _concerns(self, x: Fact) -> None:
        text = " ".join(str(v) for k, v in x.data.items() if k in ("text", "title", "proposal", "name", "subject")
                        and isinstance(v, str))
        seen = set()
        for mm in find_municipalities(text):
            if mm.cbs_code not in seen:
                seen.add(mm.cbs_code)
                self.store.municipality_ref(x, "concerns", mm.surface, mm.cbs_code)
        for n in names(x.data.get("municipalities")):
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
            before = re.split(r"[\n.:;]", text[max(0, m.start() - 80):m.start()])[-1]  # the body, in the same clause
            named = [o for o in find_organisations(before) if o.kind == "region"]
            window = text[m.end():m.end() + 400].split("\n\n")[0]
            found = [mm for mm in find_municipalities(window)]
            if named and len(found) >= 2:
                entity = self.store.org(named[-1].name, "region")
                start = m.start() - len(before)
                ev = {"start": start, "end": m.end() + found[-1].end, "quote": text[start:m.end() + found[-1].end]}
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
