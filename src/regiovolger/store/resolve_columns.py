"""The queryable columns of facts: what lists filter and sort on, beside the JSON.

Two moments fill them:

- when a fact is stored (:func:`own_columns`): what the fact itself says, i.e. its date
  (own date, else its meeting's in the same file, else its part's), year, deadline, status
  and amount, and whether its file is listed at all (files typed ``other`` are not);
- when its file is resolved (:func:`fill_file`): the resolved meeting, the body, the person
  (owner, maker, client, holder) and the municipalities it concerns (``FactMunicipality``),
  named by it or via the body it belongs to. A commitment another document fulfils becomes
  ``fulfilled`` (:func:`refresh_commitments`), and when a body gains or loses a member
  municipality the facts of that body follow (:func:`refresh_via`).

Every function takes the model classes as ``M`` (default: the current ones), so the
data migration that fills existing stores runs the very same code on its historical models.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace

# ref roles that make a person "the" person of a fact, in order of preference
PERSON_ROLES = ("owner", "made_by", "administrative_client", "portfolio_holder", "chair", "applicant", "contact",
                "minute_taker")
HEADLINE = ("budget_eur", "total_cost_eur", "requested_eur")
FULFILLED, OPEN = "fulfilled", "open"
MODELS = ("Fact", "FactMunicipality", "EntityRef", "Entity", "MeetingSource", "Membership", "Link", "Part",
          "SourceFile")


def models(get_model=None) -> SimpleNamespace:
    if get_model is None:
        from django.apps import apps

        get_model = apps.get_model
    return SimpleNamespace(get_model=get_model, **{name: get_model("store", name) for name in MODELS})


def to_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _money(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        d = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    return d if abs(d) < Decimal("1e16") else None


def own_columns(kind: str, data: dict, part_date=None, meeting_dates: dict | None = None) -> dict:
    """date, year, due, status and amount from the fact's own fields (and its meeting's date in this file)."""
    data = data if isinstance(data, dict) else {}
    meeting_date = (meeting_dates or {}).get(data.get("meeting")) if data.get("meeting") else None
    own = data.get("date_made") if kind == "commitments" else data.get("date")
    date = to_date(own) or to_date(meeting_date) or to_date(part_date)
    status, amount = "", None
    if kind == "decisions":
        status, amount = data.get("kind") or "", _money(data.get("amount_eur"))
    elif kind == "votes":
        status = data.get("outcome") or ""
    elif kind == "commitments":
        status = FULFILLED if data.get("fulfilled_here") else OPEN
    elif kind == "key_dates":
        status = "tentative" if data.get("tentative") else "planned"
    elif kind == "actions":
        status = OPEN  # done when a person marks it so (store.audience.human_columns)
    elif kind == "projects":
        amount = next((m for m in (_money(data.get(k)) for k in HEADLINE) if m is not None), None)
    elif kind == "amounts":
        amount = _money(data.get("value_eur"))
    due = to_date(data.get("due")) if kind in ("actions", "commitments") else None
    return {"date": date, "year": date.year if date else None, "due": due, "status": str(status)[:20],
            "amount": amount}


def listed(part_types) -> bool:
    """A file whose parts are all typed ``other`` (a README, a licence, code) is no governance document."""
    types = set(part_types)
    return not types or types != {"other"}


def meeting_dates(facts) -> dict:
    return {f.data.get("id"): f.data.get("date") for f in facts if f.kind == "meetings" and isinstance(f.data, dict)}


def fill_file(file_id: int, M=None) -> int:
    """Every column of one file's facts from its data, its parts and what resolve stored. Returns the facts updated."""
    M = M or models()
    facts = list(M.Fact.objects.filter(file_id=file_id).select_related("part").only(
        "id", "kind", "data", "part__date", "part__type"))
    if not facts:
        return 0
    is_listed = listed(M.Part.objects.filter(file_id=file_id).values_list("type", flat=True))
    dates = meeting_dates(facts)
    resolved = dict(M.MeetingSource.objects.filter(file_id=file_id).values_list("local_id", "meeting_id"))
    bodies, people, munis = {}, {}, {}
    rank = {r: i for i, r in enumerate(PERSON_ROLES)}
    for fact_id, role, entity_id, kind, match_key in M.EntityRef.objects.filter(file_id=file_id).values_list(
            "fact_id", "role", "entity_id", "entity__kind", "entity__match_key").order_by("id"):
        if kind == "organisation" and role == "body":
            bodies.setdefault(fact_id, entity_id)
        elif kind == "person" and role in rank:
            if fact_id not in people or rank[role] < people[fact_id][0]:
                people[fact_id] = (rank[role], entity_id)
        elif kind == "municipality":
            munis.setdefault(fact_id, {}).setdefault(entity_id, match_key)
    for f in facts:
        cols = own_columns(f.kind, f.data, f.part.date if f.part_id and f.part else None, dates)
        for name, value in cols.items():
            setattr(f, name, value)
        f.listed = is_listed
        local = f.data.get("id") if f.kind == "meetings" else f.data.get("meeting")
        f.meeting_id = resolved.get(local) if local else None
        f.body_id = bodies.get(f.id)
        f.person_id = people[f.id][1] if f.id in people else None
    M.Fact.objects.bulk_update(facts, ["date", "year", "due", "status", "amount", "listed", "meeting", "body",
                                       "person"], batch_size=500)
    M.FactMunicipality.objects.filter(fact__file_id=file_id).delete()
    rows = [M.FactMunicipality(fact_id=fid, municipality_id=eid, code=code)
            for fid, found in munis.items() for eid, code in found.items()]
    rows += _via_rows(M, [(f.id, f.body_id) for f in facts if f.body_id], munis)
    M.FactMunicipality.objects.bulk_create(rows, batch_size=500)
    refresh_commitments({file_id}, M)
    human(file_id, M)
    return len(facts)


def human(file_id: int, M) -> None:
    """What people decided about the file's facts (action status, corrected fields) over its columns again,
    and its projects' money counted once."""
    from .audience import human_columns
    from .project_money import project_amounts

    web = _web_models(M)
    human_columns(M.Fact.objects.filter(file_id=file_id), M, web)
    project_amounts(file_id, M, web)


def _web_models(M):
    """The web app's models that go with ``M`` (historical ones in a migration)."""
    get = getattr(M, "get_model", None)
    if get is None:
        from django.apps import apps

        get = apps.get_model
    try:
        return {name: get("web", name) for name in ("ReviewDecision", "Correction", "ActionStatus")}
    except LookupError:
        return {"ReviewDecision": None, "Correction": None, "ActionStatus": None}


def _via_rows(M, fact_bodies: list[tuple[int, int]], direct: dict[int, dict]) -> list:
    """FactMunicipality rows for the member municipalities of each fact's body, except those it names itself."""
    if not fact_bodies:
        return []
    members: dict[int, dict[int, str]] = {}
    for body_id, member_id, code in M.Membership.objects.filter(body_id__in={b for _f, b in fact_bodies}).values_list(
            "body_id", "member_id", "member__match_key"):
        members.setdefault(body_id, {})[member_id] = code
    return [M.FactMunicipality(fact_id=fid, municipality_id=mid, code=code, via_id=body_id)
            for fid, body_id in fact_bodies for mid, code in members.get(body_id, {}).items()
            if mid not in direct.get(fid, {})]


def member_pairs(body_ids, M=None) -> set[tuple[int, int]]:
    M = M or models()
    return set(M.Membership.objects.filter(body_id__in=body_ids).values_list("body_id", "member_id"))


def refresh_via(body_ids, M=None) -> int:
    """The via-rows of every fact of these bodies anew (their member municipalities changed)."""
    M = M or models()
    body_ids = set(body_ids)
    if not body_ids:
        return 0
    M.FactMunicipality.objects.filter(via_id__in=body_ids).delete()
    facts = list(M.Fact.objects.filter(body_id__in=body_ids).values_list("id", "body_id"))
    direct: dict[int, dict] = {}
    for fid, mid in M.FactMunicipality.objects.filter(via__isnull=True, fact__body_id__in=body_ids).values_list(
            "fact_id", "municipality_id"):
        direct.setdefault(fid, {})[mid] = True
    rows = _via_rows(M, facts, direct)
    M.FactMunicipality.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def refresh_commitments(file_ids, M=None) -> None:
    """Commitments of these files: fulfilled when they say so or a stored link fulfils them, else open."""
    M = M or models()
    file_ids = {i for i in file_ids if i is not None}
    if not file_ids:
        return
    done = set(M.Link.objects.filter(kind="fulfils_commitment", target_file_id__in=file_ids).values_list(
        "target_file_id", "target__id"))
    changed = []
    for c in M.Fact.objects.filter(file_id__in=file_ids, kind="commitments").only("id", "file_id", "data", "status"):
        status = FULFILLED if c.data.get("fulfilled_here") or (c.file_id, c.data.get("id")) in done else OPEN
        if c.status != status:
            c.status = status
            changed.append(c)
    M.Fact.objects.bulk_update(changed, ["status"], batch_size=500)


def linked_commitment_files(file_id: int, M=None) -> set[int]:
    """Files whose commitments a link of this file fulfils (their status changes when this file does)."""
    M = M or models()
    return set(M.Link.objects.filter(kind="fulfils_commitment", source_file_id=file_id).exclude(
        target_file_id=file_id).values_list("target_file_id", flat=True))


def backfill(M=None) -> int:
    """Fill the columns of every stored file (an existing store after the upgrade). Returns the facts filled."""
    M = M or models()
    return sum(fill_file(fid, M) for fid in M.SourceFile.objects.order_by("id").values_list("id", flat=True))
