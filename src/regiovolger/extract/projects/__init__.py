"""Projects, programmes and their money.

Four layouts of Dutch governance writing are read, each by general rules:

* **programme tables** (uitvoeringsprogramma, jaarplan): a project cell holds a
  size class ("Klein project", "Middelgroot project", "Groot project",
  "Omvang: groot") and/or the administrative client ("BO:", "Bestuurlijk
  opdrachtgever:"). PDF extraction flattens such tables so the goal and
  activity columns come first and the cell last; the project's name is found
  on the line before the cell, in a title line opening the row, in a line
  naming a project/programme/pilot, or in the activity's first sentence. Rows
  are bounded by table headers, headings, earlier cells, separator lines and
  the goal text that the table repeats for every row.
* **application forms and assessment reports**: numbered form fields ("Naam
  project", "Aanvrager", "Looptijd", "Totale kosten", "Cofinanciering",
  "Gevraagde subsidie"), criteria answered JA/NEE and a "Besluit:"/"Advies:".
  Proposals whose subject is a project add their portfolio holder and request.
  Parts that describe the same project (same name or abbreviation) merge.
* **memos and reports** that give each pilot or project a title line followed
  by a paragraph that names it again, with the municipalities and partners
  in that paragraph.
* **titled activities with money** in programme documents: an amount in a
  paragraph under a short title line.

Each layout has its module: ``programme`` (programme tables, programme
structure, titled activities), ``application`` (forms, assessments,
proposals), ``pilots`` (memo sections); ``common`` holds what they share.

Municipalities are resolved with the CBS registry (former ones keep their code
and get their successor); when a document lists the members of a region
("... van negen gemeenten: A, B, ... en I"), a project that speaks of the
region, its region name or "de N gemeenten" touches all of them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...nl import alternation, vocabulary
from ...document import Part, Text
from ..evidence import evidence
from .application import _form_project, _merge, _proposal_project, _same_project
from .attribution import attribute
from .common import (
    SIZE_HOURS,
    _amount_ctx,
    _clean,
    _Context,
    _money,
    _municipalities,
    _organisations,
    _Project,
    _role,
    _sentence_around,
    size_from_word,
)
from ..ranker import ranked_projects
from .funded import _funded_projects, _listed_projects
from .pilots import _memo_programme, _memo_projects
from .programme import _headings, _path_at, _table_projects, _titled_amount_projects
from .prose_names import prose_name, prose_names

__all__ = ["extract_projects", "SIZE_HOURS", "size_from_word"]


# --- assembly ---------------------------------------------------------------------

def _number(v: Decimal | None):
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else float(v)


def _scope_amounts(ctx: _Context, p: _Project) -> None:
    """The amounts of the project's scope join those its layout found."""
    if p.scope_amounts:
        seen = {(a.start, a.end) for a, _ in p.amounts}
        for a in ctx.amounts_in(*p.scope):
            if (a.start, a.end) not in seen:
                p.amounts.append((a, _role(ctx.s, a)))


def _to_contract(ctx: _Context, p: _Project, n: int) -> dict:
    text, parts = ctx.text, ctx.parts
    for a, _ in p.amounts:
        _amount_ctx[a.start] = _sentence_around(ctx.s, a.start, a.end)
    counted: dict[tuple[int, int], str] = {}
    money = _money(p, counted)
    names, codes, successors, via = _municipalities(ctx, p)
    hours = ctx.hours.get(p.size) if p.size else None
    role_names = {"cost_total": "cost", "requested": "subsidy", "subsidy_requested": "subsidy"}
    item = {
        "id": f"pr{n}",
        "name": _clean(p.name),
        "kind": p.kind,
        "programme": p.programme,
        "programme_line": p.programme_line,
        "programme_path": p.programme_path,
        "goal": p.goal,
        "size": p.size,
        "hours_per_week": dict(hours) if hours else None,
        "administrative_clients": [c["name"] for c in p.clients],
        "administrative_client_roles": p.clients,
        "applicant": p.applicant,
        "start": p.start_date,
        "end": p.end_date,
        **{k: _number(v) for k, v in money.items()},
        "amounts": [
            {"text": a.text, "value_eur": _number(a.value_eur), "max_eur": _number(a.max_eur),
             "role": role_names.get(role, role) if role else None,
             "counted_as": counted.get((a.start, a.end)),
             "evidence": evidence(text, parts, a.start, a.end)}
            for a, role in sorted(p.amounts, key=lambda x: x[0].start)
        ],
        "amounts_set_aside": [
            {"text": a.text, "value_eur": _number(a.value_eur), "reason": reason,
             "evidence": evidence(text, parts, a.start, a.end)}
            for a, _role_, reason in sorted(p.excluded, key=lambda x: x[0].start)
        ],
        "municipalities": names,
        "municipality_codes": codes,
        "municipality_successors": successors,
        "municipalities_via_region": via,
        "organisations": _organisations(ctx, p),
        "evidence": evidence(text, parts, p.start, p.end),
    }
    if p.confidence is not None:
        item["evidence"]["confidence"] = round(p.confidence, 2)
    if p.assessment:
        item["assessment"] = p.assessment
    extra = [evidence(text, parts, a, b) for a, b in p.extra_spans if (a, b) != (p.start, p.end)]
    if extra:
        item["evidence_more"] = extra
    return item


_NOT_NAMES = set(vocabulary("projects")["names"]["not_names"])
_MONEY_TAIL = re.compile(r"\s+(?:(?:van|voor|met|à|a)\s+)?(?:circa\s+|ruim\s+|bijna\s+)?€.*$")
_OBJECTS = re.compile(r"(?i)\b(?:" + alternation(vocabulary("projects")["prose"]["objects"]) + r")\b")


def _plausible_name(name: str | None) -> bool:
    """A project's name has three letters or more and is more than one generic word ("Programma", "Kwaliteit")."""
    core = re.sub(r"^(?:het|de|een)\s+", "", _clean(name or "").lower())
    return len(re.findall(r"\w", core)) >= 3 and re.search(r"[^\W\d_]", core) is not None \
        and core not in _NOT_NAMES and not re.search(r"[€$%]", re.sub(r"\([^()]*\)", "", core))


def _named(projects: list[_Project]) -> list[_Project]:
    """The projects with a name: a money tail cut ("Agenda van Twente van € 30 miljoen"), no generic word."""
    for p in projects:
        p.name = _MONEY_TAIL.sub("", p.name or "")
    return [p for p in projects if _plausible_name(p.name)]


_TABLE_TYPES = {"programme", "budget", "application_form", "assessment_report"}


def _part_type(parts: list[Part], pos: int) -> str:
    return next((p.type for p in parts if p.start <= pos < p.end), "other")


def _ranked_projects(ctx: _Context, text: Text, parts: list[Part], works_only: bool = False) -> list[_Project]:
    """Projects named in running prose that only the sentence ranker recognises (news items, letters)."""
    found = []
    for c, first, p in ranked_projects(text, parts, prose_name):
        names = prose_names(c.sentence)
        if works_only:
            # beside projects other readers found: works on a named place or a built thing only ("aanleg van een
            # piekberging in de Oostpolder"), no fund's name, no theme ("verduurzaming van de gebouwde omgeving")
            chosen = [n for n in names if re.search(r"\s[A-ZÀ-Ý]", n) or _OBJECTS.search(n)]
        else:
            chosen = ([first] + [n for n in names if n.casefold() != first.casefold()]) if first in names else [first]
        for name in chosen:
            # the name as written in its sentence (the finder capitalises its first letter)
            at = re.compile(re.escape(name), re.I).search(ctx.s, c.start, c.end)
            ns, ne = (at.start(), at.end()) if at else (c.start, c.start)
            project = _Project(name=name, name_start=ns, name_end=ne, start=c.start, end=c.end,
                               scope=(c.start, c.end), layout="ranked", scope_amounts=False, confidence=p)
            # a sentence naming several works: its money is the sentence's, not each work's
            project.amounts = [(m, _role(ctx.s, m)) for m in ctx.amounts_in(c.start, c.end)] if len(names) < 2 else []
            found.append(project)
    return found


def extract_projects(text: Text, parts: list[Part]) -> list[dict]:
    """Every project, pilot or funded activity in the file, as contract ``projects`` items."""
    ctx = _Context(text, parts)
    s = ctx.s
    found: list[_Project] = []
    forms: list[_Project] = []
    for part in parts:
        headings = _headings(s, part.start, part.end)
        root = part.title.strip() if part.title and part.type == "programme" else None
        table = _table_projects(ctx, part, headings)
        for p in table:
            p.programme_path, p.programme, p.programme_line = _path_at(headings, p.start, root)
        found += table
        if part.type in ("application_form", "assessment_report"):
            fp = _form_project(ctx, part)
            if fp:
                forms.append(fp)
        elif part.type == "proposal":
            pp = _proposal_project(ctx, part)
            if pp:
                forms.append(pp)
        if part.type in ("memo", "letter", "policy_report", "other", "parliamentary_letter") and not table:
            memo = _memo_projects(ctx, part)
            programme = _memo_programme(s, part)
            for p in memo:
                p.programme = programme
                p.programme_path = [programme] if programme else []
            found += memo
        if part.type in ("programme", "budget", "policy_report", "other") or table:
            taken = [p.scope for p in found if p.scope[0] >= part.start and p.scope[1] <= part.end]
            titled = _titled_amount_projects(ctx, part, taken, headings)
            for p in titled:
                p.programme_path, p.programme, p.programme_line = _path_at(headings, p.start, root)
            found += titled
        # projects named in prose with their own money, in any document type
        taken = [p.scope for p in found if p.scope[0] < part.end and p.scope[1] > part.start]
        listed = _listed_projects(ctx, part, taken)
        taken += [p.scope for p in listed]
        found += listed + _funded_projects(ctx, part, taken)
    # Parts about one project (form, assessment, proposal) become one record.
    merged: list[_Project] = []
    order = {"application_form": 0, "assessment_report": 1, "proposal": 2}
    for p in sorted(forms, key=lambda x: order.get(x.layout, 3)):
        target = next((m for m in merged if _same_project(m, p)), None)
        if target:
            _merge(target, p)
        else:
            merged.append(p)
    found += merged
    # a project only named (a title, no money of its own) that another layout read in full is that one
    found = [p for p in found if not (p.layout == "named" and any(
        q is not p and q.layout != "named" and _same_project(q, p) for q in found))]
    found = _named(found)
    # projects named in running prose that only the sentence ranker recognises, where no reader found one
    # (beside what the readers found: not in the sentences they read, nor in a programme's or form's table)
    ranked = [p for p in _ranked_projects(ctx, text, parts, works_only=bool(found))
              if not found or (not any(q.start < p.end and p.start < q.end for q in found)
                               and _part_type(parts, p.start) not in _TABLE_TYPES)]
    found += _named(ranked)
    found.sort(key=lambda p: p.start)
    for p in found:
        _scope_amounts(ctx, p)
    attribute(ctx, found)
    _amount_ctx.clear()
    return [_to_contract(ctx, p, i) for i, p in enumerate(found, 1)]
