"""The one place that decides what a visitor may see.

Confidential parts (Part.confidential) and everything in them are for staff
only. Facts below the publication confidence (``extract.confidence.publish_threshold``)
are published once a person accepted them on the review page; until then only
staff see them (marked "te controleren"). A fact a person rejected on the review
page, or deleted on its correction page (its newest ``Correction`` hides it), is
shown to nobody. Every page, feed, export, search result and API response gets its rows
through ``visible``; nothing else queries the store models directly for output.

For facts the rules are kept on the row (``Fact.audience``, see ``store.audience``, which
follows every part, review decision and correction that changes them), so the database
applies them from an index; only the publication threshold is read here, as a setting.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..extract.confidence import publish_threshold
from ..store.models import Fact, Page, Part, SourceFile
from ..store.audience import EVERYONE, IF_CONFIDENT, STAFF
from .models import Correction


def is_staff(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_staff)


def visible(model, user) -> QuerySet:
    """Rows of ``model`` (SourceFile, Part, Fact or Page) that ``user`` may see."""
    qs = model.objects.all()
    if model is Fact:
        if is_staff(user):
            return qs.filter(audience__lte=STAFF)
        # accepted by a person, or confident enough (or never scored); never confidential, rejected or deleted
        return qs.filter(Q(audience=EVERYONE) | Q(audience=IF_CONFIDENT) & (
            Q(confidence__isnull=True) | Q(confidence__gte=publish_threshold())))
    if is_staff(user):
        return qs
    if model is SourceFile:
        # a file shows when it has no parts at all or at least one public part
        public_part = Part.objects.filter(file=OuterRef("pk"), confidential=False)
        any_part = Part.objects.filter(file=OuterRef("pk"))
        return qs.filter(Q(Exists(public_part)) | ~Q(Exists(any_part)))
    if model is Part:
        return qs.filter(confidential=False)
    if model is Page:
        return qs.filter(file__in=visible(SourceFile, user))
    raise TypeError(f"no visibility rule for {model.__name__}")


def deleted_corrections() -> QuerySet:
    """Corrections that delete the outer Fact: its newest correction says ``hidden``."""
    newer = Correction.objects.filter(fact_key=OuterRef("fact_key"), id__gt=OuterRef("id"))
    return Correction.objects.filter(fact_key=OuterRef("key"), hidden=True).exclude(Exists(newer))


def hidden_spans(file: SourceFile, user) -> list[tuple[int, int]]:
    """Offsets of the file's text that ``user`` may not read."""
    if is_staff(user):
        return []
    return list(Part.objects.filter(file=file, confidential=True).values_list("start", "end"))
