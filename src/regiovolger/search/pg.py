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
            terms.update({stem(w) for w in body} | {stem(w) for w in parts})
        return rows, terms

    def _write(self, cursor, file_id: int, entries) -> None:
        cursor.execute("DELETE FROM search_entry WHERE file_id = %s", [file_id])
        rows, terms = self._rows(entries)
        if rows:
            cursor.executemany(_INSERT, rows)
        vocab = sorted((t, n) for t, n in terms.items() if len(t) <= MAX_TERM)
        if vocab:
            cursor.executemany(
                "INSERT INTO search_term (term, df) VALUES (%s, %s) "
                "ON CONFLICT (term) DO UPDATE SET df = search_term.df + EXCLUDED.df", vocab)

    def index(self, file_id: int, entries) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            self._write(cursor, file_id, entries)

    @contextlib.contextmanager
    def bulk(self):
        with transaction.atomic(), connection.cursor() as cursor:
            yield lambda file_id, entries: self._write(cursor, file_id, entries)

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_entry")
            cursor.execute("DELETE FROM search_term")

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
