"""Staff override of a part's confidentiality, both ways, with an audit line per decision.

The machine marks parts confidential from the marks it reads (``segment.marks``);
a person may know better. ``Part.confidential`` is what every public surface
obeys (``visibility``, the search index), so the override sets it, re-indexes
the file, and records who decided what, when, and what it was before.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..store.models import Part, SourceFile
from .models import ConfidentialityOverride

CHOICES = {"vertrouwelijk": True, "openbaar": False}


def set_confidential(part: Part, value: bool, user, note: str = "") -> ConfidentialityOverride:
    """Make ``part`` confidential or public, re-index its file and write the audit line."""
    from ..search import index_file

    with transaction.atomic():
        before = Part.objects.select_for_update().filter(pk=part.pk).values_list("confidential", flat=True).get()
        Part.objects.filter(pk=part.pk).update(confidential=value)
        line = ConfidentialityOverride.objects.create(
            file_sha256=part.file.sha256, part_key=part.key, before=before, after=value, note=note[:2000],
            decided_by=user if getattr(user, "is_authenticated", False) else None)
        index_file(SourceFile.objects.get(pk=part.file_id))
    part.confidential = value
    return line


def apply_overrides(source_file: SourceFile) -> int:
    """Apply the newest staff decision per part to a freshly stored file; returns how many parts changed."""
    changed = 0
    latest: dict[str, bool] = {}
    for row in ConfidentialityOverride.objects.filter(file_sha256=source_file.sha256).order_by("decided_at", "id"):
        latest[row.part_key] = row.after
    for key, value in latest.items():
        changed += Part.objects.filter(file=source_file, key=key).exclude(confidential=value).update(
            confidential=value)
    return changed


@staff_member_required
@require_POST
def override(request, slug):
    """POST deel=<part key>, status=vertrouwelijk|openbaar[, toelichting]: staff only."""
    value = CHOICES.get(request.POST.get("status", ""))
    if value is None:
        return HttpResponseBadRequest(_("Onbekende status: kies vertrouwelijk of openbaar."))
    part = Part.objects.select_related("file").filter(file__sha256__startswith=slug,
                                                      key=request.POST.get("deel", "")).first()
    if part is None:
        raise Http404
    if part.confidential != value:
        set_confidential(part, value, request.user, request.POST.get("toelichting", ""))
    title = part.title or part.key
    if value:
        messages.success(request, _("Vertrouwelijk, niet meer openbaar: %(title)s") % {"title": title})
    else:
        messages.success(request, _("Openbaar gemaakt: %(title)s") % {"title": title})
    return HttpResponseRedirect(reverse("web:document", args=[slug]))
