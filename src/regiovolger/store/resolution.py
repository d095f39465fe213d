"""Run the resolve stage over everything stored and keep its entities and links.

Resolution looks across files, so it is rebuilt as a whole after an ingest
that stored something new; one transaction, so readers never see half of it.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction

from ..resolve import resolve
from .models import Link, ResolvedMeeting, ResolvedPerson, SourceFile


def _meeting_key(meeting: dict) -> str:
    body = re.sub(r"\W+", "-", (meeting.get("body") or "onbekend").lower()).strip("-")
    return f"{body}/{meeting.get('date') or meeting['id']}"


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@transaction.atomic
def rebuild() -> dict[str, int]:
    extractions = list(SourceFile.objects.order_by("id").values_list("extraction", flat=True))
    result = resolve(extractions)
    keys = {m["id"]: _meeting_key(m) for m in result["meetings"]}

    def natural(ref: dict) -> dict:
        # merged meeting ids (M1, M2) change between runs; links keep the natural key
        return {**ref, "id": keys.get(ref["id"], ref["id"])} if ref.get("kind") == "meeting" else ref

    ResolvedMeeting.objects.all().delete()
    ResolvedPerson.objects.all().delete()
    Link.objects.all().delete()
    meetings: dict[str, ResolvedMeeting] = {}
    for m in result["meetings"]:
        meetings.setdefault(keys[m["id"]], ResolvedMeeting(key=keys[m["id"]], body=m.get("body"),
                                                           date=_date(m.get("date")), data=m))
    ResolvedMeeting.objects.bulk_create(meetings.values())
    ResolvedPerson.objects.bulk_create(ResolvedPerson(name=p["name"], data=p) for p in result["people"])
    Link.objects.bulk_create(
        Link(kind=link["kind"], source=natural(link["from"]), target=natural(link["to"]), data=link)
        for link in result["links"]
    )
    return {"meetings": len(meetings), "people": len(result["people"]), "links": len(result["links"])}
