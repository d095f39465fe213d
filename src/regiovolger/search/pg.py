"""The PostgreSQL backend: the 'dutch' text search configuration over a GIN-indexed tsvector.

Text reaches PostgreSQL already folded (no diacritics) and split into words by
:mod:`.text`, so both backends cut words alike; PostgreSQL stems them with its
'dutch' configuration (Snowball dutch_porter) and drops its stop words. Queries
are translated piece by piece (``plainto_tsquery``, ``phraseto_tsquery``,
prefix ``:*``), combined with ``&&``, ``||`` and ``!!``, so no user input is
ever parsed as tsquery syntax and no query can fail. Ranking: ``ts_rank`` with
the text at weight A and compound constituents at weight D, plus the rank of
the part title and heading.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter

from django.db import connection, transaction

from .query import Query, Term
from .text import analyse_folded, stem

MAX_TERM = 100

_COLUMNS = ("file_id", "part_id", "fact_id", "kind", "category", "file_path", "part_key", "type", "part_title",
            "heading", "page", "start", "end", "text", "date", "year", "organisation", "confidential",
            "municipalities", "persons")
_INSERT = (
    "INSERT INTO search_entry (" + ", ".join(f'"{c}"' for c in _COLUMNS) + ", tsv, title_tsv) VALUES ("
    + ", ".join("%s::jsonb" if c in ("municipalities", "persons") else "%s" for c in _COLUMNS)
    + ", setweight(to_tsvector('dutch', %s), 'A') || setweight(to_tsvector('dutch', %s), 'D')"
    + ", to_tsvector('dutch', %s))"
)
_SELECT = ("kind", "category", "file_id", "file_path", "part_id", "part_key", "type", "part_title", "heading",
           "page", "start", "end", "text", "date", "organisation", "confidential", "fact_id")
_FACET_SQL = {
    "type": "SELECT 'type', type, count(*) FROM m WHERE type <> '' GROUP BY type",
    "organisation": "SELECT 'organisation', organisation, count(*) FROM m WHERE organisation IS NOT NULL "
                    "GROUP BY organisation",
    "year": "SELECT 'year', year::text, count(*) FROM m WHERE year IS NOT NULL GROUP BY year",
    "municipality": "SELECT 'municipality', v, count(*) FROM m, jsonb_array_elements_text(m.municipalities) v "
                    "GROUP BY v",
    "person": "SELECT 'person', v, count(*) FROM m, jsonb_array_elements_text(m.persons) v GROUP BY v",
    "kind": "SELECT 'kind', category, count(*) FROM m GROUP BY category",
}
FACET_SIZE = 30


def _lexeme(word: str) -> str:
    """A folded word or stem as a quoted tsquery lexeme (folded words are [a-z0-9] only)."""
    return "'" + word.replace("'", "").replace("\\", "") + "'"


def _term_sql(term: Term) -> tuple[str, list]:
    if term.exact:
        return "to_tsquery('simple', %s)", [_lexeme(term.words[0])]
    if term.phrase:
        return "phraseto_tsquery('dutch', %s)", [" ".join(term.words)]
    if term.prefix:
        w = term.words[0]
        return "(to_tsquery('simple', %s) || to_tsquery('simple', %s))", [_lexeme(w) + ":*", _lexeme(stem(w)) + ":*"]
    return "plainto_tsquery('dutch', %s)", [term.words[0]]


def tsquery(q: Query) -> tuple[str, list] | None:
    """The tsquery expression of ``q`` as SQL with parameters; None for no text condition."""
    if not q.groups:
        return None
    sql: list[str] = []
    params: list = []
    for group in q.groups:
        pieces = [_term_sql(t) for t in group]
        sql.append("(" + " || ".join(p for p, _ in pieces) + ")")
        for _, ps in pieces:
            params += ps
    for t in q.excluded:
        p, ps = _term_sql(t)
        sql.append(f"!!{p}")
        params += ps
    return " && ".join(sql), params


class PostgresBackend:
    name = "postgresql"
    transactional = True

    # ---- writing

    def _rows(self, entries):
        rows, terms = [], Counter()
        for e in entries:
            body, parts = analyse_folded(e.text)
            title, _ = analyse_folded(e.title_text)
            row = {c: getattr(e, c) for c in _COLUMNS}
            row["municipalities"] = json.dumps(e.municipalities, ensure_ascii=False)
            row["persons"] = json.dumps(e.persons, ensure_ascii=False)
            rows.append([row[c] for c in _COLUMNS] + [" ".join(body), " ".join(parts), " ".join(title)])
            terms.update(_stems(body, parts))
        return rows, terms

    def _write(self, cursor, file_id: int, entries) -> None:
        """Replace the entries of one file and move the document frequencies by the difference."""
        # the terms of the entries being replaced, from their stored text (analysis is deterministic)
        cursor.execute("SELECT text FROM search_entry WHERE file_id = %s", [file_id])
        old = _terms_of(text for (text,) in cursor.fetchall())
        cursor.execute("DELETE FROM search_entry WHERE file_id = %s", [file_id])
        rows, new = self._rows(entries)
        if rows:
            cursor.executemany(_INSERT, rows)
        _move_df(cursor, new, old)

    def index(self, file_id: int, entries) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            self._write(cursor, file_id, entries)

    @contextlib.contextmanager
    def bulk(self):
        """Add many files in one transaction.

        Into an empty index (a rebuild after :meth:`clear`, or a first load) the
        rows are streamed with COPY into a temporary table, moved into
        ``search_entry`` with one INSERT … SELECT that computes the tsvectors,
        with the table's indexes and foreign keys dropped and rebuilt once at the
        end, and the vocabulary written once. Otherwise each file goes through
        the per-file path. A rebuild locks ``search_entry`` until it commits.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM search_entry)")
            if cursor.fetchone()[0]:
                yield lambda file_id, entries: self._write(cursor, file_id, entries)
                return
            loader = _Load(self, cursor)
            yield loader.add
            loader.finish()

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            # TRUNCATE refuses a table with pending deferred foreign-key checks: run them now
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("TRUNCATE search_entry, search_term")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    # ---- reading

    def _where(self, q: Query, filters: dict[str, list], include_confidential: bool) -> tuple[str, list, str | None]:
        conds: list[str] = []
        params: list = []
        ts = tsquery(q)
        if ts is not None:
            conds.append("e.tsv @@ q.q")
        for name, values in filters.items():
            if name == "kind":
                alts = []
                for v in values:
                    if v == "fact":
                        alts.append("e.kind = 'fact'")
                    else:
                        alts.append("e.category = %s")
                        params.append(v)
                conds.append("(" + " OR ".join(alts) + ")")
            elif name in ("municipality", "person"):
                column = "municipalities" if name == "municipality" else "persons"
                conds.append("(" + " OR ".join(f"e.{column} @> %s::jsonb" for _ in values) + ")")
                params += [json.dumps([v], ensure_ascii=False) for v in values]
            else:
                conds.append(f"e.{name} = ANY(%s)")
                params.append(list(values))
        if not include_confidential:
            conds.append("NOT e.confidential")
        return " AND ".join(conds) or "TRUE", params, ts

    def run(self, q: Query, filters: dict[str, list], sort: str, offset: int, limit: int,
            include_confidential: bool, facets: bool = True):
        where, where_params, ts = self._where(q, filters, include_confidential)
        if ts is not None:
            with_q = f"WITH q AS (SELECT {ts[0]} AS q)"
            q_params = ts[1]
            source = "search_entry e, q"
            rank = ("ts_rank('{0.2, 0.2, 0.4, 1.0}', e.tsv, q.q, 1) + "
                    "0.5 * ts_rank('{1, 1, 1, 1}', e.title_tsv, q.q)")
        else:
            with_q, q_params, source, rank = "", [], "search_entry e", "0.0"
        order = "e.date DESC NULLS LAST, e.id" if sort == "date" else "score DESC, e.id"
        columns = ", ".join(f'e."{c}"' for c in _SELECT)
        sql = (f"{with_q} SELECT {rank} AS score, {columns} FROM {source} WHERE {where} "
               f"ORDER BY {order} LIMIT %s OFFSET %s")
        with connection.cursor() as cursor:
            cursor.execute(sql, q_params + where_params + [limit, offset])
            rows = []
            for rec in cursor.fetchall():
                data = dict(zip(_SELECT, rec[1:]))
                data["date"] = data["date"].isoformat() if data["date"] else None
                rows.append((float(rec[0]), data))
            facet_sql = " UNION ALL ".join(["SELECT 'total', NULL, count(*) FROM m",
                                            *(_FACET_SQL.values() if facets else ())])
            cursor.execute(
                f"{with_q}{',' if with_q else 'WITH'} m AS MATERIALIZED (SELECT e.type, e.organisation, e.year, "
                f"e.municipalities, e.persons, e.category FROM {source} WHERE {where}) {facet_sql}",
                q_params + where_params)
            counts: dict[str, list] = {}
            total = 0
            for name, value, n in cursor.fetchall():
                if name == "total":
                    total = n
                else:
                    counts.setdefault(name, []).append((int(value) if name == "year" else value, n))
        out = {name: sorted(v, key=lambda x: (-x[1], str(x[0])))[:FACET_SIZE] for name, v in counts.items()}
        return total, rows, out

    def doc_freq(self, term: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT df FROM search_term WHERE term = %s", [term])
            row = cursor.fetchone()
        return row[0] if row else 0

    def vocabulary(self, prefix: str) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT term, df FROM search_term WHERE term LIKE %s AND df > 0",
                           [prefix.replace("%", "").replace("_", "") + "%"])
            return cursor.fetchall()


def _stems(body: list[str], parts: list[str]) -> set[str]:
    """The vocabulary terms of one entry: stems of its words and of their compound constituents."""
    return {t for t in map(stem, body) if len(t) <= MAX_TERM} | {t for t in map(stem, parts) if len(t) <= MAX_TERM}


def _terms_of(texts) -> Counter:
    terms: Counter = Counter()
    for text in texts:
        terms.update(_stems(*analyse_folded(text)))
    return terms


def _move_df(cursor, new: Counter, old: Counter) -> None:
    """Add ``new`` and subtract ``old`` document frequencies; terms left at 0 are removed."""
    delta = sorted((t, new[t] - old[t]) for t in new.keys() | old.keys() if new[t] != old[t])
    if not delta:
        return
    # sorted, so concurrent ingests lock the rows in one order
    cursor.executemany(
        "INSERT INTO search_term (term, df) VALUES (%s, %s) "
        "ON CONFLICT (term) DO UPDATE SET df = search_term.df + EXCLUDED.df", delta)
    gone = [t for t, d in delta if d < 0]
    if gone:
        cursor.execute("DELETE FROM search_term WHERE term = ANY(%s) AND df <= 0", [gone])


_STAGE = "search_stage"
_STAGE_BATCH = 5000


class _Load:
    """A bulk load into an empty ``search_entry`` (see :meth:`PostgresBackend.bulk`)."""

    def __init__(self, backend: PostgresBackend, cursor):
        self.backend = backend
        self.cursor = cursor
        self.raw = cursor.cursor  # the psycopg cursor under Django's wrapper, for COPY
        self.terms: Counter = Counter()
        self.seen: set[int] = set()
        self.buffer: list = []
        cursor.execute(
            f"CREATE TEMP TABLE {_STAGE} ON COMMIT DROP AS SELECT "
            + ", ".join(f'"{c}"' for c in _COLUMNS)
            + ", ''::text AS body, ''::text AS parts, ''::text AS title FROM search_entry WITH NO DATA")
        self.copy_sql = (f"COPY {_STAGE} (" + ", ".join(f'"{c}"' for c in _COLUMNS)
                         + ", body, parts, title) FROM STDIN")

    def add(self, file_id: int, entries) -> None:
        if file_id in self.seen:  # the same file twice in one load: the later entries win
            self.flush()
            self.cursor.execute(f"SELECT text FROM {_STAGE} WHERE file_id = %s", [file_id])
            self.terms.subtract(_terms_of(text for (text,) in self.cursor.fetchall()))
            self.cursor.execute(f"DELETE FROM {_STAGE} WHERE file_id = %s", [file_id])
        self.seen.add(file_id)
        rows, terms = self.backend._rows(entries)
        self.buffer += rows
        self.terms.update(terms)
        if len(self.buffer) >= _STAGE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            with self.raw.copy(self.copy_sql) as copy:
                for row in self.buffer:
                    copy.write_row(row)
            self.buffer = []

    def finish(self) -> None:
        self.flush()
        cur = self.cursor
        cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
        # ALTER TABLE refuses a table with pending deferred foreign-key checks: run them now
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    "AND tablename = 'search_entry' AND indexname NOT IN (SELECT conname FROM pg_constraint "
                    "WHERE conrelid = 'search_entry'::regclass AND contype IN ('p', 'u'))")
        indexes = cur.fetchall()
        cur.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = 'search_entry'::regclass AND contype = 'f'")
        foreign_keys = cur.fetchall()
        for name, _ in foreign_keys:
            cur.execute(f'ALTER TABLE search_entry DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        columns = ", ".join(f'"{c}"' for c in _COLUMNS)
        cur.execute(
            f"INSERT INTO search_entry ({columns}, tsv, title_tsv) SELECT {columns}, "
            "setweight(to_tsvector('dutch', body), 'A') || setweight(to_tsvector('dutch', parts), 'D'), "
            f"to_tsvector('dutch', title) FROM {_STAGE}")
        for _, definition in indexes:
            cur.execute(definition)
        for name, definition in foreign_keys:  # validated in one pass each
            cur.execute(f'ALTER TABLE search_entry ADD CONSTRAINT "{name}" {definition}')
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        cur.execute("DELETE FROM search_term")
        with self.raw.copy("COPY search_term (term, df) FROM STDIN") as copy:
            for term, df in self.terms.items():
                if df > 0:
                    copy.write_row((term, df))
        cur.execute(f"DROP TABLE {_STAGE}")
        cur.execute("ANALYZE search_entry")
