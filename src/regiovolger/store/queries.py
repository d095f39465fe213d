"""Screen-named queries over the store."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count

from .models import Entity, Fact, IngestFailure, Link, Page, Part, ResolvedMeeting, SourceFile


def store_summary() -> dict:
    files = SourceFile.objects.annotate(n_parts=Count("parts")).values(
        "path", "media_type", "page_count", "n_parts", "text_quality")
    return {
        "database": f"{connection.vendor} {connection.settings_dict['NAME']}",
        "files": SourceFile.objects.count(),
        "pages": Page.objects.count(),
        "parts": Part.objects.count(),
        "facts": Fact.objects.count(),
        "failures": IngestFailure.objects.count(),
        "meetings": ResolvedMeeting.objects.count(),
        "people": Entity.objects.filter(kind=Entity.PERSON).count(),
        "links": Link.objects.count(),
        "parts_by_type": list(Part.objects.values_list("type").annotate(n=Count("id")).order_by("-n", "type")),
        "facts_by_kind": list(Fact.objects.values_list("kind").annotate(n=Count("id")).order_by("-n", "kind")),
        "file_rows": [dict(f, parts=f.pop("n_parts")) for f in files],
        "failure_rows": list(IngestFailure.objects.values("path", "reason")),
    }
