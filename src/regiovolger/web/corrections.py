"""Corrigeer dit feit: staff correct or delete one fact through a Dutch form; every change is audited.

A correction is keyed by the stable fact key (file hash, kind, normalised quote),
not by the Fact row, so it survives ``regiovolger ingest --force`` of the same file.
``Correction.data`` holds every field that differs from the machine's reading (the
newest correction wins, ``facts.apply_human``); ``hidden`` deletes the fact
everywhere (``visibility.visible``). Each saved change adds a row with who, when,
the fields before and after and the note; rows are never changed afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..store.models import Fact
from . import correction_forms as CF
from .facts import doc_slug, doc_title
from .labels import KIND_LABELS, label
from .models import ActionStatus, Correction, ReviewDecision

STATUS = "status"  # the action's state in the audit (kept in ActionStatus, not in the fact's fields)


@dataclass
class Change:
    field: str
    before: object
    after: object


def _current(key: str, machine: dict) -> tuple[dict, bool, Correction | None]:
    newest = Correction.objects.filter(fact_key=key).order_by("-created_at", "-id").first()
    if newest is None:
        return dict(machine), False, None
    return {**machine, **(newest.data or {})}, newest.hidden, newest


def _show(value):
    if isinstance(value, list):
        return "; ".join(", ".join(f"{v}" for v in item.values() if v not in (None, "")) if isinstance(item, dict)
                         else str(item) for item in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return "" if value is None else value


def audit(key: str) -> list[dict]:
    """Every correction of the fact, newest first, as rows of field / before / after."""
    out = []
    for c in Correction.objects.filter(fact_key=key).select_related("created_by").order_by("-created_at", "-id"):
        before, after = c.before or {}, c.after if c.after is not None else (c.data or {})
        changes = [Change(str(CF.FIELD_LABELS.get(f, _("Status") if f == STATUS else f)),
                          _show(before.get(f)), _show(after.get(f))) for f in dict.fromkeys([*before, *after])]
        if c.hidden != c.was_hidden:
            changes.append(Change(_("Getoond"), _("ja") if not c.was_hidden else _("nee, verwijderd"),
                                  _("nee, verwijderd") if c.hidden else _("ja")))
        out.append({"correction": c, "changes": changes})
    return out


@staff_member_required
def fact_correct(request, key):
    facts = list(Fact.objects.filter(key=key).select_related("file", "part").order_by("id")[:1])
    if not facts:
        raise Http404
    fact = facts[0]
    kind = fact.kind
    machine = dict(fact.data)
    current, hidden, newest = _current(key, machine)
    status = ActionStatus.objects.filter(fact_key=key).first() if kind == "actions" else None
    form_class = CF.fact_form_class(kind)
    initial = CF.form_initial(form_class, current)
    initial["verwijderen"] = hidden
    if status is not None or kind == "actions":
        initial["actiestatus"] = "done" if status and status.done else "open"
    if request.method == "POST":
        form = form_class(request.POST, initial=initial)
        formsets = CF.record_formsets(kind, request.POST, current)
        if form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
            saved = _save(request, fact, machine, current, hidden, status, form, formsets)
            if saved:
                messages.success(request, _("De wijziging is opgeslagen en blijft bewaard bij opnieuw inlezen."))
            else:
                messages.info(request, _("Er is niets gewijzigd."))
            return HttpResponseRedirect(reverse("web:fact_correct", args=[key]))
    else:
        form = form_class(initial=initial)
        formsets = CF.record_formsets(kind, None, current)
    review = ReviewDecision.objects.filter(fact_key=key).select_related("decided_by").first()
    shown = not hidden and not (review and review.decision == ReviewDecision.REJECTED)
    return render(request, "web/correct.html", {
        "title": _("Corrigeer dit feit"), "kind": label(KIND_LABELS, kind), "fact": fact, "key": key,
        "doc_title": doc_title(fact.file.title, fact.file.path),
        "doc_url": reverse("web:document", args=[doc_slug(fact.file.sha256)]),
        "fact_url": reverse("web:document", args=[doc_slug(fact.file.sha256)]) + f"#f{fact.id}",
        "form": form, "formsets": list(formsets.values()), "hidden": hidden, "review": review, "shown": shown,
        "rejected": ReviewDecision.REJECTED, "accepted": ReviewDecision.ACCEPTED, "audit": audit(key),
    })


def _save(request, fact, machine, current, hidden, status, form, formsets) -> bool:
    values = CF.cleaned_values(form, formsets)
    after = {**current, **values}
    changed = [f for f in values if current.get(f) != values[f]
               and not (current.get(f) in (None, "", []) and values[f] in (None, "", []))]
    delete = form.cleaned_data["verwijderen"]
    before_fields = {f: current.get(f) for f in changed}
    after_fields = {f: after[f] for f in changed}
    if fact.kind == "actions":
        done_before = bool(status and status.done)
        done_after = form.cleaned_data["actiestatus"] == "done"
        if done_before != done_after:
            before_fields[STATUS] = str(CF.ACTION_STATES["done" if done_before else "open"])
            after_fields[STATUS] = str(CF.ACTION_STATES["done" if done_after else "open"])
            ActionStatus.objects.update_or_create(fact_key=fact.key, defaults={"done": done_after,
                                                                               "updated_by": request.user})
    if not before_fields and delete == hidden:
        return False
    # the fields that differ from the machine's reading: the newest correction carries them all
    diff = {f: v for f, v in after.items()
            if (machine[f] != v if f in machine else v not in (None, "", []))}
    Correction.objects.create(
        file_sha256=fact.file.sha256, kind=fact.kind, fact_key=fact.key, data=diff, hidden=delete,
        was_hidden=hidden, before=before_fields, after=after_fields,
        note=form.cleaned_data.get("toelichting") or "", created_by=request.user)
    return True
