"""Write one processed file into the store, all or nothing."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db import IntegrityError, transaction

from ..pipeline import Processed
from .keys import fact_key
from .models import Fact, IngestFailure, Page, Part, SourceFile
from .resolve_columns import listed, own_columns


def known(sha256: str, path: str) -> bool:
    """True when this content is stored already; remembers ``path`` as another place of it."""
    stored = SourceFile.objects.filter(sha256=sha256).only("id", "paths").first()
    if stored is None:
        return False
    if path not in stored.paths:
        stored.paths = [*stored.paths, path]
        stored.save(update_fields=["paths"])
    return True


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _confidence(evidence: dict) -> float | None:
    value = evidence.get("confidence")
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def facts_of(extraction: dict) -> list[tuple[str, dict, dict]]:
    """(kind, fact without evidence, evidence) for every fact that carries evidence."""
    out = []
    for kind, value in extraction.items():
        if not isinstance(value, list) or kind == "documents":
            continue
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("evidence"), dict):
                data = {k: v for k, v in item.items() if k != "evidence"}
                out.append((kind, data, item["evidence"]))
    return out


@transaction.atomic
def save(processed: Processed, replace: bool = False) -> SourceFile | None:
    """Store a processed file in one transaction; None when its hash is stored already.

    With ``replace`` a stored file keeps its row (and so its id, its staff notes
    and corrections, which are keyed on content) and gets its pages, parts and
    facts anew: what an upgraded extractor reads from the same bytes.
    A process killed half-way leaves nothing behind: the transaction never commits.
    """
    text = processed.text
    fields = dict(
        media_type=text.media_type,
        size=processed.size,
        page_count=len(text.pages),
        # the document's own first heading beats file metadata, which often belongs to
        # the template or an older document the file was made from
        title=next((p.title for p in processed.parts[:1] if p.title), None) or text.title,
        text=text.text,
        original_text=text.original,
        repairs=[vars(r) for r in text.repairs],
        text_quality=text.quality,
        glyph_loss=text.glyph_loss,
        extraction=processed.extraction,
    )
    stored = SourceFile.objects.filter(sha256=processed.sha256).first() if replace else None
    if stored is not None:
        for name, value in fields.items():
            setattr(stored, name, value)
        if processed.path not in stored.paths:
            stored.paths = [*stored.paths, processed.path]
        stored.save()
        for related in (stored.facts, stored.parts, stored.pages):
            related.all().delete()
    else:
        try:
            with transaction.atomic():
                stored = SourceFile.objects.create(sha256=processed.sha256, path=processed.path,
                                                   paths=[processed.path], **fields)
        except IntegrityError:
            known(processed.sha256, processed.path)  # another run stored it meanwhile
            return None
    Page.objects.bulk_create(
        Page(file=stored, number=p.number, start=p.start, end=p.end, method=p.method, quality=p.quality)
        for p in text.pages
    )
    parts = {
        p.id: Part(file=stored, key=p.id, type=p.type, title=p.title, date=_date(p.date),
                   organisation=p.organisation, start=p.start, end=p.end, confidential=p.confidential)
        for p in processed.parts
    }
    for key, value in _staff_confidentiality(stored.sha256).items():
        if key in parts:
            parts[key].confidential = value  # a staff decision outlives a re-read of the same bytes
    Part.objects.bulk_create(parts.values())
    found = facts_of(processed.extraction)
    # the columns lists filter on that the facts give themselves; resolve adds meeting, body, person, municipalities
    dates = {d.get("id"): d.get("date") for kind, d, _ev in found if kind == "meetings"}
    is_listed = listed(p.type for p in processed.parts)

    def fact(kind, data, ev):
        part = parts.get(ev.get("document"))
        return Fact(file=stored, part=part, kind=kind, data=data, page=ev.get("page"), start=ev["start"],
                    end=ev["end"], quote=ev["quote"], key=fact_key(stored.sha256, kind, ev["quote"]),
                    confidence=_confidence(ev), listed=is_listed,
                    **own_columns(kind, data, part.date if part else None, dates))

    Fact.objects.bulk_create((fact(*x) for x in found), batch_size=500)
    IngestFailure.objects.filter(path=processed.path).delete()
    # stored only: resolve and index are the next stages (store.resolution.finish), each marked on the row
    stored.resolved_at = stored.indexed_at = None
    SourceFile.objects.filter(id=stored.id).update(resolved_at=None, indexed_at=None)
    return stored


def _staff_confidentiality(sha256: str) -> dict[str, bool]:
    """The newest staff decision per part key of a file's bytes (the web app's audit lines, looked up by name so
    the store does not import the web layer)."""
    try:
        overrides = apps.get_model("web", "ConfidentialityOverride")
    except LookupError:
        return {}
    latest: dict[str, bool] = {}
    for key, after in overrides.objects.filter(file_sha256=sha256).order_by("decided_at", "id").values_list(
            "part_key", "after"):
        latest[key] = after
    return latest


def record_failure(path: str, code: str, reason: str, sha256: str | None = None) -> None:
    failure = IngestFailure.objects.filter(path=path, sha256=sha256).first()
    if failure:
        failure.code, failure.reason, failure.attempts = code, reason, failure.attempts + 1
        failure.save()
    else:
        IngestFailure.objects.create(path=path, sha256=sha256, code=code, reason=reason)
