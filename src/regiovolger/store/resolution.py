"""The resolve stage: one stored file's meetings, links, people, bodies and municipalities.

Ingest runs store -> resolve -> index per file. :func:`resolve_file` first
forgets what the file contributed before (its meeting records, links, entity
refs and memberships), then resolves its facts against the stored entities by
natural keys (meeting: body and date; person: surname and compatible names;
body: canonical name; municipality: CBS code). Nothing else is re-resolved,
so the cost of one file does not grow with the store. Each file records the
stages it went through (``SourceFile.resolved_at``, ``indexed_at``); a file
left half-way by a crash is found by :func:`unfinished` and finished by
:func:`repair`.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import resolve_columns as C
from .models import Entity, EntityRef, Fact, Link, MeetingSource, Membership, ResolvedMeeting, SourceFile
from .resolve_entities import resolve_entities
from .resolve_meetings import recompute, resolve_links, resolve_meetings

log = logging.getLogger(__name__)


def forget(f: SourceFile) -> None:
    """Remove what this file contributed to resolved meetings, links and entities."""
    touched = set(MeetingSource.objects.filter(file=f).values_list("meeting_id", flat=True))
    MeetingSource.objects.filter(file=f).delete()
    Link.objects.filter(Q(source_file=f) | Q(target_file=f)).delete()
    entities = set(EntityRef.objects.filter(file=f).values_list("entity_id", flat=True))
    EntityRef.objects.filter(file=f).delete()
    Membership.objects.filter(file=f).delete()
    for meeting in ResolvedMeeting.objects.filter(id__in=touched):
        if meeting.sources.exists():
            recompute(meeting)
        else:
            meeting.delete()
    # entities nobody names any more (a re-ingest deletes the file's facts, and their refs with them)
    orphans = Entity.objects.filter(refs__isnull=True, members__isnull=True, memberships__isnull=True)
    if entities:
        orphans.filter(id__in=entities).delete()
    orphans.filter(kind__in=[Entity.PERSON, Entity.ORGANISATION]).delete()


@transaction.atomic
def resolve_file(f: SourceFile) -> dict[str, int]:
    """Resolve one stored file; one transaction, so readers never see half of it."""
    bodies = set(Membership.objects.filter(file=f).values_list("body_id", flat=True))
    members_before = C.member_pairs(bodies)
    fulfilled_before = C.linked_commitment_files(f.id)
    forget(f)
    facts = list(Fact.objects.filter(file=f).select_related("part").order_by("start", "id"))
    here = resolve_meetings(f, facts)
    links = resolve_links(f, facts, here)
    refs = resolve_entities(f, facts)
    # the queryable columns: this file's facts, the commitments its links fulfil, the facts of bodies
    # whose member municipalities this file changed
    C.fill_file(f.id)
    C.refresh_commitments(fulfilled_before | C.linked_commitment_files(f.id))
    bodies |= set(Membership.objects.filter(file=f).values_list("body_id", flat=True))
    members_after = C.member_pairs(bodies)
    C.refresh_via({b for b, _m in members_before ^ members_after})
    SourceFile.objects.filter(id=f.id).update(resolved_at=timezone.now())
    return {"meetings": len({m.id for m in here.values()}), "links": links, "refs": refs}


def mark_indexed(f: SourceFile) -> None:
    SourceFile.objects.filter(id=f.id).update(indexed_at=timezone.now())


def finish(f: SourceFile) -> bool:
    """The stages after store: resolve, then index; each marked on the file when done.

    False when the index write failed: the file stays resolved, not indexed, for :func:`repair`.
    """
    from ..search import IndexWriteFailed, index_file

    resolve_file(f)
    try:
        index_file(f, at_commit=False)  # replaces the file's entries; marks it indexed once written
    except IndexWriteFailed as exc:
        log.error("%s; `regiovolger check` herstelt het", exc)
        return False
    return True


def unfinished():
    """Files stored but not resolved, or resolved but not indexed since."""
    from django.db.models import F

    return SourceFile.objects.filter(Q(resolved_at__isnull=True) | Q(indexed_at__isnull=True)
                                     | Q(indexed_at__lt=F("resolved_at")))


def repair() -> list[str]:
    """Finish every file a crash left between stages: resolve, then index. Returns their paths."""
    from ..search import IndexWriteFailed, index_file

    done = []
    for f in unfinished().order_by("id"):
        if f.resolved_at is None:
            resolve_file(f)
        try:
            index_file(f, at_commit=False)  # marks the file indexed once written
        except IndexWriteFailed as exc:
            log.error("%s; `regiovolger check` herstelt het", exc)  # left unfinished for the next try
            continue
        done.append(f.path)
    return done


def rebuild() -> dict[str, int]:
    """Resolve every stored file again, from scratch (after an upgrade of the resolve rules)."""
    with transaction.atomic():
        Link.objects.all().delete()
        EntityRef.objects.all().delete()
        Membership.objects.all().delete()
        MeetingSource.objects.all().delete()
        ResolvedMeeting.objects.all().delete()
        Entity.objects.all().delete()
    totals = {"meetings": 0, "links": 0, "refs": 0}
    for f in SourceFile.objects.order_by("id"):
        for k, v in resolve_file(f).items():
            totals[k] += v
    totals["meetings"] = ResolvedMeeting.objects.count()
    return totals
