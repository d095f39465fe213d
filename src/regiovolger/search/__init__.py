"""Dutch full-text search over passages of documents and over facts.

One interface, two backends chosen from the database engine:

- embedded (SQLite store): a tantivy index in ``<data dir>/search`` (BM25);
- PostgreSQL: the ``search_entry`` table with a 'dutch' tsvector and a GIN index.

Both get the same tokens (see :mod:`.text`), the same query tree (see
:mod:`.query`), the same filters and the same result contract. Confidential
parts are excluded inside the query itself (a tantivy MustNot clause, an SQL
WHERE), never by dropping hits afterwards.

Public functions: :func:`search`, :func:`index_file`, :func:`reindex`.
This module imports Django lazily: :mod:`.text`, :mod:`.query`,
:mod:`.entries` and :mod:`.snippet` are plain Python.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .cache import ResultCache, warm_up
from .query import Query, Term, parse
from .snippet import Matcher, mark, snippet
from .text import stem, words

FACETS = ("type", "organisation", "year", "municipality", "person", "kind")
SORTS = ("relevance", "date")
MAX_PER_PAGE = 100

_results = ResultCache()  # per process; embedded backend only (see .cache)


@dataclass
class Hit:
    kind: str  # passage | fact
    fact_kind: str | None  # decisions, actions, ... for facts
    file_id: int
    file_path: str
    part_id: int | None
    part_type: str
    part_title: str | None
    page: int | None
    start: int
    end: int
    snippet: str
    highlights: list[tuple[int, int]]  # spans of ``snippet`` that matched
    score: float
    date: str | None
    organisation: str | None = None
    fact_id: int | None = None

    def marked(self, open_: str = "[", close: str = "]") -> str:
        return mark(self.snippet, self.highlights, open_, close)


@dataclass
class FacetValue:
    value: str
    count: int


@dataclass
class SearchResults:
    query: str  # as typed
    interpreted: str  # as searched: repaired and with fuzzy replacements
    repaired: bool  # the query was malformed and has been repaired
    fuzzy: bool  # nothing matched, so the nearest index terms, or any of the words, were searched
    total: int
    page: int
    per_page: int
    sort: str
    backend: str
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def _filters(filters: dict | None) -> dict[str, list]:
    """Normalised filters: facet name → list of accepted values (OR within, AND across)."""
    out: dict[str, list] = {}
    for name, value in (filters or {}).items():
        if name not in FACETS:
            raise ValueError(f"onbekend filter: {name} (kies uit {', '.join(FACETS)})")
        if value is None or value == "" or value == []:
            continue
        values = value if isinstance(value, (list, tuple, set)) else [value]
        if name == "year":
            values = [int(v) for v in values]
        else:
            values = [str(v) for v in values]
        out[name] = values
    return out


def get_backend():
    from django.db import connection

    if connection.vendor == "postgresql":
        from .pg import PostgresBackend

        return PostgresBackend()
    from .embedded import EmbeddedBackend

    return EmbeddedBackend.default()


def search(query: str, *, filters: dict | None = None, sort: str = "relevance", page: int = 1,
           per_page: int = 10, include_confidential: bool = False, facets: bool = True) -> SearchResults:
    """Search passages and facts. Never raises on a malformed query; raises ValueError on a bad filter or sort.

    ``facets=False`` skips the facet counts (most of the cost of a query on a common word).
    """
    want_facets = facets
    if sort not in SORTS:
        raise ValueError(f"onbekende sortering: {sort} (kies uit {', '.join(SORTS)})")
    page = max(1, int(page))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page)))
    flt = _filters(filters)
    parsed = parse(query or "")
    backend = get_backend()
    offset = (page - 1) * per_page
    if parsed.empty and not flt and not (query or "").strip():
        return SearchResults(query or "", "", parsed.repaired, False, 0, page, per_page, sort, backend.name)
    generation = getattr(backend, "generation", None)
    key = None
    if generation is not None:  # the embedded index: results depend on the query and the index only
        key = (str(backend.path), generation(), query or "", tuple(sorted((k, tuple(v)) for k, v in flt.items())),
               sort, page, per_page, bool(include_confidential), bool(want_facets))
        cached = _results.get(key)
        if cached is not None:
            return cached
    results = _search(query, parsed, flt, sort, page, per_page, offset, include_confidential, want_facets, backend)
    if key is not None:
        _results.put(key, results)
    return results


def _search(query, parsed, flt, sort, page, per_page, offset, include_confidential, want_facets, backend):
    if parsed.empty:
        sort = "date"  # nothing to rank by: browse by date
    total, rows, facets = backend.run(parsed, flt, sort, offset, per_page, include_confidential, want_facets)
    fuzzy = False
    if total == 0 and not parsed.empty:
        # nothing matched: first the nearest index terms for unknown words, then any of the words
        nearer = _fuzzy(parsed, backend) or parsed
        tries = [nearer] if nearer is not parsed else []
        if len(nearer.groups) > 1:
            tries.append(Query(groups=[[t for g in nearer.groups for t in g]], excluded=nearer.excluded,
                               repaired=nearer.repaired))
        for attempt in tries:
            total, rows, facets = backend.run(attempt, flt, sort, offset, per_page, include_confidential,
                                              want_facets)
            if total:
                parsed, fuzzy = attempt, True
                break
    matcher = Matcher.of(parsed)
    hits = [_hit(score, row, matcher) for score, row in rows]
    if fuzzy:
        parsed = _show_replacements(parsed, hits)
    return SearchResults(
        query=query or "", interpreted=parsed.render(), repaired=parsed.repaired, fuzzy=fuzzy,
        total=total, page=page, per_page=per_page, sort=sort, backend=backend.name, hits=hits,
        facets={name: [FacetValue(str(v), n) for v, n in facets.get(name, [])] for name in FACETS},
    )


def _hit(score: float, row: dict, matcher: Matcher) -> Hit:
    text, spans = snippet(row["text"], matcher)
    return Hit(
        kind=row["kind"], fact_kind=None if row["kind"] == "passage" else row["category"],
        file_id=row["file_id"], file_path=row["file_path"], part_id=row["part_id"], part_type=row["type"],
        part_title=row["part_title"], page=row["page"], start=row["start"], end=row["end"],
        snippet=text, highlights=spans, score=round(float(score), 4), date=row["date"],
        organisation=row["organisation"], fact_id=row.get("fact_id"),
    )


def _nearest(word: str, backend) -> str | None:
    """The index term nearest to ``word`` by edit distance (ties: the more frequent)."""
    from rapidfuzz.distance import Levenshtein

    target = stem(word)
    limit = 1 if len(target) <= 4 else 2
    candidates = backend.vocabulary(target[:1])
    best: tuple[int, int, str] | None = None
    for term, df in candidates:
        if abs(len(term) - len(target)) > limit:
            continue
        d = Levenshtein.distance(target, term, score_cutoff=limit)
        if d <= limit and (best is None or (d, -df) < (best[0], -best[1])):
            best = (d, df, term)
    return best[2] if best else None


def _fuzzy(q: Query, backend) -> Query | None:
    """``q`` with each word that is in no index replaced by the nearest index term."""
    changed = False
    groups = []
    for group in q.groups:
        new_group = []
        for term in group:
            if not term.prefix and not term.exact and not term.phrase:
                if backend.doc_freq(stem(term.words[0])) == 0:
                    near = _nearest(term.words[0], backend)
                    if near:
                        term = Term((near,), exact=True)
                        changed = True
            new_group.append(term)
        groups.append(new_group)
    if not changed:
        return None
    return Query(groups=groups, excluded=q.excluded, repaired=q.repaired)


def _show_replacements(q: Query, hits: list[Hit]) -> Query:
    """Show a fuzzy replacement as a word found in the hits rather than as a bare stem."""
    seen: dict[str, str] = {}
    for hit in hits:
        for w, _, _ in words(hit.snippet):
            seen.setdefault(stem(w), w)
    groups = [[replace(t, shown=seen.get(t.words[0], t.words[0])) if t.exact else t for t in g]
              for g in q.groups]
    return Query(groups=groups, excluded=q.excluded, repaired=q.repaired)


def entries_for(source_file: Any) -> list:
    """The search entries of one stored file, read from the store."""
    from .entries import build

    pages = [(p.number, p.start, p.end) for p in source_file.pages.all()]
    parts = list(source_file.parts.all())
    facts = list(source_file.facts.all())
    return build(source_file, pages, parts, facts)


class IndexWriteFailed(RuntimeError):
    """The search index could not take a file's entries; the file stays marked as not indexed."""


def _mark(file_id: int, indexed: bool) -> None:
    from django.utils import timezone

    from regiovolger.store.models import SourceFile

    SourceFile.objects.filter(id=file_id).update(indexed_at=timezone.now() if indexed else None)


def index_file(source_file: Any, *, at_commit: bool = True) -> None:
    """Index one stored file and mark it indexed (``SourceFile.indexed_at``) only once the entries are written.

    PostgreSQL writes its rows and the mark in the caller's transaction. The
    embedded index is written once the caller's transaction commits (a
    rolled-back file is never indexed), or at once outside a transaction or
    with ``at_commit=False`` (the caller's writes of the file are committed:
    ingest resolves each file in a transaction of its own). The file is marked
    not indexed first, so whatever happens to the write — an error, a killed
    process — it stays unfinished until the write succeeded, and the next run
    (or ``regiovolger check``) indexes it. A write done at once raises
    :class:`IndexWriteFailed` when it fails; one done at commit logs it.
    """
    import contextlib
    import logging

    from django.db import transaction

    backend = get_backend()
    file_id = source_file.id
    entries = entries_for(source_file)

    def write() -> None:
        try:
            with transaction.atomic() if backend.transactional else contextlib.nullcontext():
                backend.index(file_id, entries)
                _mark(file_id, True)  # PostgreSQL: in the same transaction as the rows
        except Exception as exc:
            raise IndexWriteFailed(f"zoekindex niet bijgewerkt voor bestand {file_id}: {exc}") from exc

    if backend.transactional:
        _mark(file_id, False)  # kept when the write fails and the caller's transaction goes on
        write()  # in the caller's transaction: rows and mark commit together, or neither
    elif at_commit and transaction.get_connection().in_atomic_block:
        _mark(file_id, False)

        def after_commit() -> None:
            try:
                write()
            except IndexWriteFailed as exc:
                logging.getLogger(__name__).error("%s; `regiovolger check` herstelt het", exc)

        transaction.on_commit(after_commit)
    else:
        _mark(file_id, False)
        write()


def reindex(progress=None) -> int:
    """Rebuild the whole index from the store; returns the number of entries indexed."""
    from regiovolger.store.models import SourceFile

    import contextlib

    from django.db import transaction

    backend = get_backend()
    n = 0
    # PostgreSQL: one transaction, so searches see the old index (or wait) rather than an empty one
    with transaction.atomic() if backend.transactional else contextlib.nullcontext():
        backend.clear()
        with backend.bulk() as add:
            for source_file in SourceFile.objects.order_by("id").iterator(chunk_size=50):
                entries = entries_for(source_file)
                add(source_file.id, entries)
                n += len(entries)
                if progress:
                    progress(source_file)
    return n


__all__ = ["search", "index_file", "IndexWriteFailed", "reindex", "warm_up", "SearchResults", "Hit", "FacetValue", "FACETS"]
