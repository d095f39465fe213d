"""Facts as pages show them: visible, with corrections and action status applied, in a fixed number of queries."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.urls import reverse

from ..extract.registry import KEYS
from ..store.models import Fact, SourceFile
from .models import ActionStatus, Correction
from .visibility import visible

KINDS = list(KEYS)


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def fact_key(sha256: str, kind: str, quote: str) -> str:
    """Stable across re-ingest: the file's content hash, the kind and the normalised quote.

    Two facts of one kind with the very same quote in one file share a key;
    they are the same statement, so a correction or status applies to both.
    """
    digest = hashlib.sha1(f"{kind}|{norm(quote)}".encode()).hexdigest()[:12]
    return f"{sha256[:16]}.{digest}"


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

    def as_json(self) -> dict:
        return {"key": self.key, "kind": self.kind, **self.data, "corrected": self.corrected,
                "evidence": {"document": doc_slug(self.file_sha), "part": self.part_key, "page": self.page,
                             "start": self.start, "end": self.end, "quote": self.quote}}


def load(user, kinds: list[str] | str, *, files=None, key_prefix: str | None = None) -> list[FactRow]:
    """Visible facts of ``kinds`` with the newest correction applied; hidden corrections drop the fact.

    Three queries whatever the number of rows: facts, corrections, action statuses.
    """
    if isinstance(kinds, str):
        kinds = [kinds]
    qs = visible(Fact, user).filter(kind__in=kinds)
    if files is not None:
        qs = qs.filter(file__in=files)
    if key_prefix:
        qs = qs.filter(file__sha256__startswith=key_prefix)
    qs = qs.select_related("file", "part").only(
        "id", "kind", "data", "quote", "page", "start", "end", "file__id", "file__sha256", "file__title",
        "file__path", "part__key", "part__type", "part__date", "part__confidential",
    ).order_by("file__path", "start", "id")
    rows = [
        FactRow(
            id=f.id, kind=f.kind, key=fact_key(f.file.sha256, f.kind, f.quote), data=dict(f.data),
            quote=f.quote, page=f.page, start=f.start, end=f.end, file_id=f.file.id, file_sha=f.file.sha256,
            doc_title=doc_title(f.file.title, f.file.path),
            part_key=f.part.key if f.part else None, part_type=f.part.type if f.part else None,
            part_date=f.part.date if f.part else None, part_confidential=bool(f.part and f.part.confidential),
        )
        for f in qs
    ]
    return apply_human(rows)


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
