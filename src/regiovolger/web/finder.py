"""Search for the web pages: the search package when it is there, a plain substring search otherwise.

Either way hits are checked once more against ``visible`` before they are shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from django.urls import reverse

from ..store.models import Fact, Page, Part, SourceFile
from .facts import doc_slug, doc_title, norm
from .visibility import is_staff, visible

log = logging.getLogger(__name__)
FACETS = ("type", "organisation", "year", "municipality", "person", "kind")


@dataclass
class WebHit:
    title: str
    url: str
    snippet: object  # safe HTML with <mark>
    part_type: str
    page: int | None
    date: str | None
    kind: str


@dataclass
class WebResults:
    query: str
    total: int
    page: int
    per_page: int
    hits: list[WebHit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    interpreted: str = ""
    backend: str = "fallback"

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def run_search(query: str, user, *, filters: dict | None = None, page: int = 1, per_page: int = 10,
               sort: str = "relevance") -> WebResults:
    filters = {k: v for k, v in (filters or {}).items() if k in FACETS and v}
    try:
        from ..search import search  # noqa: PLC0415 - optional until the search issue lands
    except ImportError:
        search = None
    if search is not None:
        try:
            res = search(query, filters=filters, sort=sort, page=page, per_page=per_page,
                         include_confidential=is_staff(user))
        except ValueError:
            res = None
        except Exception:  # an index that is missing or broken must not take the site down
            log.exception("search backend failed; using the substring fallback")
            res = None
        if res is not None:
            return _from_package(res, user)
    return _fallback(query, user, filters, page, per_page)


def _from_package(res, user) -> WebResults:
    part_ids = {h.part_id for h in res.hits if h.part_id}
    allowed = set(visible(Part, user).filter(id__in=part_ids).values_list("id", flat=True))
    files = {f.id: f for f in visible(SourceFile, user).filter(id__in={h.file_id for h in res.hits})
             .only("id", "sha256", "title", "path")}
    # a fact hit shows when the fact does (not rejected; published or accepted, or the user is staff)
    fact_ids = {h.fact_id for h in res.hits if h.fact_id}
    shown_facts = set(visible(Fact, user).filter(id__in=fact_ids).values_list("id", flat=True)) if fact_ids else set()
    hits = []
    for h in res.hits:
        if h.file_id not in files or (h.part_id and h.part_id not in allowed):
            continue
        if h.fact_id and h.fact_id not in shown_facts:
            continue
        f = files[h.file_id]
        anchor = f"#f{h.fact_id}" if h.fact_id else (f"#p{h.page}" if h.page else "")
        hits.append(WebHit(
            title=h.part_title or doc_title(f.title, f.path),
            url=reverse("web:document", args=[doc_slug(f.sha256)]) + anchor,
            snippet=_marked(h.snippet, h.highlights), part_type=h.part_type, page=h.page, date=h.date,
            kind=h.fact_kind or h.kind,
        ))
    facets = {name: [(v.value, v.count) for v in values] for name, values in res.facets.items()}
    return WebResults(res.query, res.total, res.page, res.per_page, hits, facets, res.interpreted, res.backend)


def _fallback(query: str, user, filters: dict, page: int, per_page: int) -> WebResults:
    """Case-insensitive substring search over the visible parts; facets on type and year."""
    q = norm(query)
    page = max(1, page)
    if not q:
        return WebResults(query, 0, page, per_page)
    parts = visible(Part, user).filter(file__text__icontains=q).select_related("file").only(
        "id", "key", "type", "title", "date", "start", "end", "file__id", "file__sha256", "file__title",
        "file__path", "file__text")
    if filters.get("type"):
        parts = parts.filter(type__in=filters["type"] if isinstance(filters["type"], list) else [filters["type"]])
    found = []
    for p in parts:
        body = p.file.text[p.start:p.end]
        pos = body.casefold().find(q)
        if pos < 0:
            continue
        found.append((p, pos, body))
    pages_by_file: dict[int, list[tuple[int, int]]] = {}
    for pg in Page.objects.filter(file_id__in={p.file_id for p, _, _ in found}).values_list("file_id", "number", "start"):
        pages_by_file.setdefault(pg[0], []).append((pg[2], pg[1]))
    facets: dict[str, dict[str, int]] = {"type": {}, "year": {}}
    for p, _, _ in found:
        facets["type"][p.type] = facets["type"].get(p.type, 0) + 1
        if p.date:
            facets["year"][str(p.date.year)] = facets["year"].get(str(p.date.year), 0) + 1
    total = len(found)
    hits = []
    for p, pos, body in found[(page - 1) * per_page: page * per_page]:
        lo, hi = max(0, pos - 80), min(len(body), pos + len(q) + 120)
        snippet = " ".join(body[lo:hi].split())
        start = snippet.casefold().find(q)
        absolute = p.start + pos
        number = None
        for s, n in sorted(pages_by_file.get(p.file_id, [])):
            if s <= absolute:
                number = n
        url = reverse("web:document", args=[doc_slug(p.file.sha256)]) + (f"#p{number}" if number else "")
        hits.append(WebHit(p.title or doc_title(p.file.title, p.file.path), url,
                           _marked(snippet, [(start, start + len(q))] if start >= 0 else []),
                           p.type, number, p.date.isoformat() if p.date else None, "passage"))
    return WebResults(query, total, page, per_page, hits,
                      {k: sorted(v.items(), key=lambda kv: -kv[1]) for k, v in facets.items()}, query)
