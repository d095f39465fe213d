"""Facts as pages show them: visible, with corrections, action status and review applied, in a fixed number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse

from ..extract.confidence import publish_threshold
from ..extract.registry import KEYS
from ..store.keys import fact_key, norm  # noqa: F401 - re-exported: web code says F.fact_key, F.norm
from ..store.models import Fact, SourceFile
from .models import ActionStatus, Correction, ReviewDecision
from .visibility import visible

KINDS = list(KEYS)


def doc_slug(sha256: str) -> str:
    return sha256[:16]


def doc_title(title: str | None, path: str) -> str:
    return (title or "").strip() or Path(path).name


def slug(text: str) -> str:
    out = re.sub(r"[^\w]+", "-", norm(text), flags=re.UNICODE).strip("-")
    return out or "-"


@dataclass
class FactRow:
    id: int
    kind: str
    key: str
    data: dict[str, Any]
    quote: str
    page: int | None
    start: int
    end: int
    file_id: int
    file_sha: str
    doc_title: str
    part_key: str | None
    part_type: str | None
    part_date: Any
    part_confidential: bool
    confidence: float | None = None
    review: str | None = None  # ReviewDecision.ACCEPTED / REJECTED, None while nobody reviewed it
    to_review: bool = False  # below the publication confidence and not reviewed: staff see it, marked
    corrected: bool = False
    status: ActionStatus | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return reverse("web:document", args=[doc_slug(self.file_sha)]) + f"#f{self.id}"

    @property
    def doc_url(self) -> str:
        return reverse("web:document", args=[doc_slug(self.file_sha)])

    def get(self, name: str, default=None):
        value = self.data.get(name)
        return default if value is None else value

    @property
    def summary(self) -> str:
        """The fact's main text: what a list shows of it."""
        d = self.data
        if self.kind == "meetings":
            text = " ".join(str(x) for x in (d.get("body") or d.get("organisation"), d.get("date")) if x)
        elif self.kind == "key_dates":
            text = " ".join(str(x) for x in (d.get("date"), d.get("title")) if x)
        else:
            text = next((d[k] for k in ("text", "title", "name", "subject") if isinstance(d.get(k), str) and d[k].strip()),
                        "")
        return " ".join(str(text).split()) or " ".join(self.quote.split())

    def evidence_json(self) -> dict:
        return {"document": doc_slug(self.file_sha), "part": self.part_key, "page": self.page,
                "start": self.start, "end": self.end, "quote": self.quote, "confidence": self.confidence}

    def as_json(self) -> dict:
        return {"key": self.key, "kind": self.kind, **self.data, "corrected": self.corrected,
                "to_review": self.to_review, "evidence": self.evidence_json()}


FIELDS = ("id", "kind", "data", "quote", "page", "start", "end", "key", "confidence", "file__id", "file__sha256",
          "file__title", "file__path", "part__key", "part__type", "part__date", "part__confidential")


def _rows(qs) -> list[FactRow]:
    """FactRows of a Fact queryset, each with its review decision: one query."""
    decision = ReviewDecision.objects.filter(fact_key=OuterRef("key")).values("decision")[:1]
    qs = qs.select_related("file", "part").only(*FIELDS).annotate(review=Subquery(decision))
    threshold = publish_threshold()
    return [
        FactRow(
            id=f.id, kind=f.kind, key=f.key or fact_key(f.file.sha256, f.kind, f.quote), data=dict(f.data),
            quote=f.quote, page=f.page, start=f.start, end=f.end, file_id=f.file.id, file_sha=f.file.sha256,
            doc_title=doc_title(f.file.title, f.file.path),
            part_key=f.part.key if f.part else None, part_type=f.part.type if f.part else None,
            part_date=f.part.date if f.part else None, part_confidential=bool(f.part and f.part.confidential),
            confidence=f.confidence, review=f.review,
            to_review=f.review is None and f.confidence is not None and f.confidence < threshold,
        )
        for f in qs
    ]


def load(user, kinds: list[str] | str, *, files=None, key_prefix: str | None = None) -> list[FactRow]:
    """Visible facts of ``kinds`` with the newest correction applied; hidden corrections drop the fact.

    What is visible (confidential parts, review of facts below the publication
    confidence) is ``visibility.visible``'s decision. Three queries whatever the
    number of rows: facts (with their review decision), corrections, action statuses.
    """
    if isinstance(kinds, str):
        kinds = [kinds]
    qs = visible(Fact, user).filter(kind__in=kinds)
    if files is not None:
        qs = qs.filter(file__in=files)
    if key_prefix:
        qs = qs.filter(file__sha256__startswith=key_prefix)
    return apply_human(_rows(qs.order_by("file__path", "start", "id")))


REVIEW_OPEN = "open"
REVIEW_STATES = (REVIEW_OPEN, ReviewDecision.ACCEPTED, ReviewDecision.REJECTED)


def to_review_facts(state: str = REVIEW_OPEN):
    """Facts for the staff review page (no visibility filter: staff only).

    ``open``: below the publication confidence and reviewed by nobody;
    ``accepted`` / ``rejected``: the facts with that decision, so it can be changed.
    """
    qs = Fact.objects.all()
    decided = ReviewDecision.objects.filter(fact_key=OuterRef("key"))
    if state == REVIEW_OPEN:
        return qs.filter(confidence__lt=publish_threshold()).exclude(Exists(decided))
    return qs.filter(Exists(decided.filter(decision=state)))


def review_list(state: str = REVIEW_OPEN, *, kind: str = "", file_id: int | None = None) -> list[FactRow]:
    """Rows of ``to_review_facts``, lowest confidence first; corrections applied. Three queries."""
    qs = to_review_facts(state)
    if kind:
        qs = qs.filter(kind=kind)
    if file_id is not None:
        qs = qs.filter(file_id=file_id)
    return apply_human(_rows(qs.order_by("confidence", "file__path", "start", "id")))


def apply_human(rows: list[FactRow]) -> list[FactRow]:
    if not rows:
        return rows
    keys = {r.key for r in rows}
    newest: dict[str, Correction] = {}
    for c in Correction.objects.filter(fact_key__in=keys).order_by("-created_at", "-id"):
        newest.setdefault(c.fact_key, c)
    statuses = {}
    if any(r.kind == "actions" for r in rows):
        statuses = {s.fact_key: s for s in ActionStatus.objects.filter(fact_key__in=keys)}
    out = []
    for r in rows:
        c = newest.get(r.key)
        if c is not None:
            if c.hidden:
                continue
            r.data = {**r.data, **(c.data or {})}
            r.corrected = True
        r.status = statuses.get(r.key)
        out.append(r)
    return out


def find(user, kind: str, key: str) -> FactRow | None:
    prefix = key.split(".", 1)[0]
    if not re.fullmatch(r"[0-9a-f]{16}", prefix):
        return None
    for row in load(user, kind, key_prefix=prefix):
        if row.key == key:
            return row
    return None


def files_by_slug(user, value: str):
    if not re.fullmatch(r"[0-9a-f]{16,64}", value or ""):
        return None
    return visible(SourceFile, user).filter(sha256__startswith=value).first()
