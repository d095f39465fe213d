"""The embedded backend: a tantivy index beside the SQLite store (no Django needed).

Why tantivy: ranking a common term costs a scan of all its matches. Measured on
this machine at 50,000 passages, FTS5 needed 24 ms for the top-10 of a term in
25,000 passages against tantivy's 0.16 ms, and that cost grows with the corpus.
tantivy (Rust, via the MIT-licensed tantivy-py bindings maintained by the
Quickwit team) ranks with BM25 over block-max WAND, counts facets with columnar
"fast fields", and stores the index as plain files in the data directory.

Text is analysed in Python (see :mod:`.text`) and handed to tantivy as
whitespace-separated stems, so tantivy and PostgreSQL see the same tokens.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import threading
import time
from pathlib import Path

import tantivy

from .query import Query, Term
from .text import analyse, stem

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
TITLE_BOOST = 2.0
PARTS_BOOST = 0.5  # compound constituents match, but rank below the word itself
FACET_SIZE = 30
WRITER_HEAP = 64_000_000

Occur = tantivy.Occur
Q = tantivy.Query

# fields whose values are exact strings (facets and filters)
_RAW = ("type", "organisation", "municipality", "person", "category")
_FILTER_FIELD = {"type": "type", "organisation": "organisation", "municipality": "municipality",
                 "person": "person", "year": "year"}


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("parts", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("title", tokenizer_name="whitespace", index_option="position")
    for name in _RAW:
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    sb.add_unsigned_field("file_id", indexed=True)
    sb.add_unsigned_field("year", indexed=True, fast=True)
    sb.add_unsigned_field("datenum", fast=True)
    sb.add_unsigned_field("confidential", indexed=True)
    sb.add_bytes_field("doc", stored=True, indexed=False)
    return sb.build()


def document(entry) -> tantivy.Document:
    body, parts = analyse(entry.text)
    title, _ = analyse(entry.title_text)
    doc = tantivy.Document()
    doc.add_text("body", " ".join(body))
    if parts:
        doc.add_text("parts", " ".join(parts))
    if title:
        doc.add_text("title", " ".join(title))
    doc.add_text("type", entry.type or "")
    doc.add_text("category", entry.category)
    if entry.organisation:
        doc.add_text("organisation", entry.organisation)
    for m in entry.municipalities:
        doc.add_text("municipality", m)
    for p in entry.persons:
        doc.add_text("person", p)
    doc.add_unsigned("file_id", entry.file_id)
    doc.add_unsigned("year", entry.year or 0)
    doc.add_unsigned("datenum", int(entry.date.replace("-", "")) if entry.date else 0)
    doc.add_unsigned("confidential", 1 if entry.confidential else 0)
    doc.add_bytes("doc", json.dumps(entry.display(), ensure_ascii=False).encode())
    return doc


class EmbeddedBackend:
    name = "tantivy"
    transactional = False
    _instances: dict[str, EmbeddedBackend] = {}
    _lock = threading.Lock()

    def __init__(self, path: Path):
        self.path = Path(path)
        self.schema = build_schema()
        version = self.path / "regiovolger-schema"
        if self.path.exists() and (not version.exists() or version.read_text() != SCHEMA_VERSION):
            log.warning("zoekindex %s heeft een oud schema: opnieuw opbouwen met `regiovolger reindex`", self.path)
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        version.write_text(SCHEMA_VERSION)
        self.tantivy_index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        # a long-running reader (web server) sees what another process (ingest) commits
        self.tantivy_index.config_reader(reload_policy="OnCommit")
        self._meta: bytes | None = self._read_meta()
        self._generation = 0
        self._reload_lock = threading.Lock()

    @classmethod
    def default(cls) -> EmbeddedBackend:
        from django.conf import settings

        return cls.at(Path(settings.DATA_DIR) / "search")

    @classmethod
    def at(cls, path: Path) -> EmbeddedBackend:
        key = str(Path(path).resolve())
        with cls._lock:
            if key not in cls._instances:
                cls._instances[key] = cls(Path(path))
            return cls._instances[key]

    def _read_meta(self) -> bytes | None:
        try:
            return (self.path / "meta.json").read_bytes()
        except FileNotFoundError:
            return None

    def generation(self) -> int:
        """A number that changes whenever a commit, of this process or another, changed the index.

        tantivy rewrites meta.json (with a new opstamp) on every commit; reading it costs a few
        microseconds. When it changed, the reader is reloaded here, before the caller searches, so a
        result cached under the new generation never comes from the old index.
        """
        meta = self._read_meta()
        if meta != self._meta:
            with self._reload_lock:
                if meta != self._meta:
                    self.tantivy_index.reload()
                    self._meta = meta
                    self._generation += 1
        return self._generation

    # ---- writing

    def _writer(self):
        # one writer per index at a time, across processes: wait for another ingest to finish
        deadline = time.monotonic() + 120
        while True:
            try:
                return self.tantivy_index.writer(WRITER_HEAP, 1)
            except ValueError as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    @contextlib.contextmanager
    def bulk(self):
        writer = self._writer()
        try:
            def add(file_id: int, entries) -> None:
                writer.delete_documents_by_query(Q.term_query(self.schema, "file_id", file_id))
                for e in entries:
                    writer.add_document(document(e))
            yield add
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        self.tantivy_index.reload()

    def index(self, file_id: int, entries) -> None:
        with self.bulk() as add:
            add(file_id, entries)

    def clear(self) -> None:
        writer = self._writer()
        writer.delete_all_documents()
        writer.commit()
        writer.wait_merging_threads()
        self.tantivy_index.reload()

    # ---- reading

    def _word(self, field: str, term: Term) -> Q:
        return Q.term_query(self.schema, field, term.words[0] if term.exact else stem(term.words[0]))

    def _match(self, term: Term) -> Q:
        """Where a term must match: the text, or a compound constituent in it."""
        if term.phrase:
            return Q.phrase_query(self.schema, "body", [stem(w) for w in term.words])
        if term.prefix:
            w = term.words[0]
            pattern = f"({w}|{stem(w)}).*" if stem(w) != w else f"{w}.*"
            return Q.boolean_query([(Occur.Should, Q.regex_query(self.schema, "body", pattern)),
                                    (Occur.Should, Q.regex_query(self.schema, "parts", pattern))])
        return Q.boolean_query([(Occur.Should, self._word("body", term)),
                                (Occur.Should, Q.boost_query(self._word("parts", term), PARTS_BOOST))])

    def _title(self, term: Term) -> Q | None:
        if term.prefix:
            return None
        if term.phrase:
            return Q.phrase_query(self.schema, "title", [stem(w) for w in term.words])
        return self._word("title", term)

    def _filters(self, filters: dict[str, list], include_confidential: bool) -> list[tuple]:
        clauses = []
        for name, values in filters.items():
            if name == "kind":
                alts = []
                for v in values:
                    if v == "fact":
                        alts.append(Q.boolean_query([(Occur.Must, Q.all_query()), (
                            Occur.MustNot, Q.term_query(self.schema, "category", "passage"))]))
                    else:
                        alts.append(Q.term_query(self.schema, "category", v))
            else:
                alts = [Q.term_query(self.schema, _FILTER_FIELD[name], v) for v in values]
            one = alts[0] if len(alts) == 1 else Q.boolean_query([(Occur.Should, a) for a in alts])
            clauses.append((Occur.Must, Q.const_score_query(one, 0.0)))
        if not include_confidential:
            clauses.append((Occur.MustNot, Q.term_query(self.schema, "confidential", 1)))
        return clauses

    def build_query(self, q: Query, filters: dict[str, list], include_confidential: bool) -> Q:
        clauses: list[tuple] = []
        for group in q.groups:
            alts = [self._match(t) for t in group]
            clauses.append((Occur.Must, alts[0] if len(alts) == 1 else
                            Q.boolean_query([(Occur.Should, a) for a in alts])))
            for t in group:
                title = self._title(t)
                if title is not None:
                    clauses.append((Occur.Should, Q.boost_query(title, TITLE_BOOST)))
        for t in q.excluded:
            clauses.append((Occur.MustNot, self._match(t)))
        if not q.groups:
            clauses.append((Occur.Must, Q.all_query()))
        clauses += self._filters(filters, include_confidential)
        return Q.boolean_query(clauses)

    def run(self, q: Query, filters: dict[str, list], sort: str, offset: int, limit: int,
            include_confidential: bool, facets: bool = True):
        query = self.build_query(q, filters, include_confidential)
        searcher = self.tantivy_index.searcher()
        if sort == "date":
            result = searcher.search(query, limit, count=True, offset=offset, order_by_field="datenum",
                                     order=tantivy.Order.Desc)
        else:
            result = searcher.search(query, limit, count=True, offset=offset)
        rows = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            data = json.loads(bytes(doc.get_first("doc")))
            rows.append((score if sort != "date" else 0.0, data))
        total = result.count or 0
        return total, rows, (self.facets(searcher, query) if facets and total else {})

    def facets(self, searcher, query: Q) -> dict[str, list[tuple]]:
        spec = {name: {"terms": {"field": field, "size": FACET_SIZE}}
                for name, field in (("type", "type"), ("organisation", "organisation"), ("year", "year"),
                                    ("municipality", "municipality"), ("person", "person"),
                                    ("kind", "category"))}
        result = searcher.aggregate(query, spec)
        out = {}
        for name in spec:
            buckets = result.get(name, {}).get("buckets", [])
            values = []
            for b in buckets:
                key = b["key"]
                if name == "year":
                    key = int(key)
                    if key == 0:
                        continue
                elif key == "":
                    continue
                values.append((key, int(b["doc_count"])))
            out[name] = values
        return out

    def doc_freq(self, term: str) -> int:
        """Entries with ``term`` in their text or its compounds (tantivy's own doc_freq also counts
        deleted documents until their segment is merged, so a re-indexed file would count twice)."""
        searcher = self.tantivy_index.searcher()
        query = Q.boolean_query([(Occur.Should, Q.term_query(self.schema, "body", term)),
                                 (Occur.Should, Q.term_query(self.schema, "parts", term))])
        return searcher.search(query, 1, count=True).count or 0

    def vocabulary(self, prefix: str) -> list[tuple[str, int]]:
        searcher = self.tantivy_index.searcher()
        counts: dict[str, int] = {}
        for field in ("body", "parts"):
            for term, n in searcher.terms_with_prefix(field, prefix):
                counts[term] = counts.get(term, 0) + n
        return list(counts.items())
