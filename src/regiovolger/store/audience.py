"""Who may see a fact, stored on the fact (``Fact.audience``) so lists filter and count it in an index.

``web.visibility`` states the rules; this module keeps the column that lets the
database apply them without a subquery per row:

- ``NOBODY`` (3): a person rejected it on the review page, or its newest correction deletes it;
- ``STAFF`` (2): it lies in a confidential part (its own part, or by its offsets);
- ``EVERYONE`` (0): a person accepted it on the review page;
- ``IF_CONFIDENT`` (1): everything else: public when its confidence reaches the publication
  threshold (``extract.confidence.publish_threshold``, read when a page is made, so the
  threshold stays a setting).

The column follows every change it depends on: facts stored (``FactManager.bulk_create``,
``Fact.save``), a part's confidentiality changed (``PartQuerySet.update``, ``Part.save``) and
a review decision or correction saved or deleted (``web.columns_sync``). Actions get their
status column (open/done) from ``ActionStatus`` here as well, and a fact a person corrected
gets its date, amount and status columns from the corrected fields (``refresh``).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When

EVERYONE, IF_CONFIDENT, STAFF, NOBODY = 0, 1, 2, 3


def _web(name: str):
    try:
        return apps.get_model("web", name)
    except LookupError:  # the store used without the web app
        return None


def _deleted_keys(Correction):
    newer = Correction.objects.filter(fact_key=OuterRef("fact_key"), id__gt=OuterRef("id"))
    return Correction.objects.filter(hidden=True).exclude(Exists(newer)).values("fact_key")


def audience_expression(Part, ReviewDecision, Correction):
    """The ``audience`` of each Fact row as one SQL expression (usable in ``update``)."""
    nobody = Q(pk__in=[])
    accepted = Q(pk__in=[])
    if ReviewDecision is not None:
        nobody |= Q(key__in=ReviewDecision.objects.filter(decision="rejected").values("fact_key"))
        accepted = Q(key__in=ReviewDecision.objects.filter(decision="accepted").values("fact_key"))
    if Correction is not None:
        nobody |= Q(key__in=_deleted_keys(Correction))
    own_part = Part.objects.filter(pk=OuterRef("part_id"), confidential=True)
    by_offsets = Part.objects.filter(file_id=OuterRef("file_id"), confidential=True, start__lte=OuterRef("start"),
                                     end__gt=OuterRef("start"))
    return Case(When(nobody, then=Value(NOBODY)), When(Q(Exists(own_part)) | Q(Exists(by_offsets)), then=Value(STAFF)),
                When(accepted, then=Value(EVERYONE)), default=Value(IF_CONFIDENT), output_field=IntegerField())


def refresh(*, file_ids=None, keys=None, fact_ids=None, everything=False, M=None, W=None) -> int:
    """Recompute ``audience`` (and the human-made columns) of the facts of these files, keys or ids.

    ``M`` and ``W`` are the store's and web's model classes (default: the current ones; a data
    migration passes its historical ones)."""
    if M is None:
        from .resolve_columns import models

        M = models()
    scope = Q(pk__in=[])
    if file_ids:
        scope |= Q(file_id__in=list(file_ids))
    if keys:
        scope |= Q(key__in=list(keys))
    if fact_ids:
        scope |= Q(pk__in=list(fact_ids))
    if everything:
        scope = Q()
    elif not (file_ids or keys or fact_ids):
        return 0
    W = W or {name: _web(name) for name in ("ReviewDecision", "Correction", "ActionStatus")}
    facts = M.Fact.objects.filter(scope)
    n = facts.update(audience=audience_expression(M.Part, W["ReviewDecision"], W["Correction"]))
    human_columns(facts, M, W)
    if not everything:
        from .project_money import project_amounts

        for file_id in facts.filter(kind="projects").order_by().values_list("file_id", flat=True).distinct():
            project_amounts(file_id, M, W)
    return n


def human_columns(facts, M, W=None) -> None:
    """Columns a person decides: an action's status (open/done), and the date, year, due, status and
    amount of a corrected fact from its corrected fields."""
    W = W or {name: _web(name) for name in ("Correction", "ActionStatus")}
    ActionStatus, Correction = W["ActionStatus"], W["Correction"]
    if ActionStatus is not None:
        done = ActionStatus.objects.filter(fact_key=OuterRef("key"), done=True)
        facts.filter(kind="actions").update(status=Case(When(Exists(done), then=Value("done")), default=Value("open")))
    if Correction is None:
        return
    corrected = list(facts.filter(key__in=Correction.objects.values("fact_key")).select_related("part").only(
        "id", "kind", "key", "data", "file_id", "part__date", "status"))
    if not corrected:
        return
    from .resolve_columns import meeting_dates, own_columns

    newest: dict[str, dict] = {}
    for key, data in Correction.objects.filter(fact_key__in={f.key for f in corrected}).order_by(
            "created_at", "id").values_list("fact_key", "data"):
        newest[key] = data or {}  # the newest correction's fields, as pages apply them
    meetings = {}
    for fid, mdata in M.Fact.objects.filter(kind="meetings", file_id__in={f.file_id for f in corrected}).values_list(
            "file_id", "data"):
        if isinstance(mdata, dict):
            meetings.setdefault(fid, {})[mdata.get("id")] = mdata.get("date")
    changed = []
    for f in corrected:
        data = {**(f.data or {}), **newest.get(f.key, {})}
        cols = own_columns(f.kind, data, f.part.date if f.part_id and f.part else None, meetings.get(f.file_id))
        if f.kind == "actions":
            cols.pop("status")  # from ActionStatus, above
        for name, value in cols.items():
            setattr(f, name, value)
        changed.append(f)
    fields = ["date", "year", "due", "status", "amount"]
    M.Fact.objects.bulk_update(changed, fields, batch_size=500)
