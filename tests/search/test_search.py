"""Search: the same cases on the embedded backend (SQLite run) and on PostgreSQL (the -m django_db run)."""

from __future__ import annotations

import pytest

from regiovolger.search import index_file, reindex, search
from regiovolger.search.text import stem

pytestmark = pytest.mark.django_db(transaction=True)


def files_of(results):
    return {h.file_path.rsplit("/", 1)[-1] for h in results.hits}


def highlighted(results):
    return {h.snippet[s:e].lower() for h in results.hits for s, e in h.highlights}


def test_index_is_updated_on_ingest(corpus):
    r = search("zonnepanelen")
    assert r.total == 1 and files_of(r) == {"besluitenlijst.txt"}
    hit = r.hits[0]
    assert hit.kind == "passage" and hit.page == 1 and hit.part_type == "decision_list"
    stored = corpus["besluitenlijst.txt"]
    assert "zonnepanelen" in stored.text[hit.start:hit.end]
    assert hit.date == "2024-05-14" and hit.score > 0


def test_stemming(corpus):
    assert files_of(search("wachtlijst")) == {"brief.txt"}  # finds "wachtlijsten"
    assert files_of(search("besluiten")) >= {"besluitenlijst.txt"}  # finds "besluit"
    assert "wachtlijsten" in highlighted(search("wachtlijst"))
    # dutch_porter keeps gemeente and gemeen apart (Snowball 'dutch' would not): only the fuzzy fallback joins them
    assert search("gemeen").fuzzy
    assert len({stem("gemeente"), stem("gemeen"), stem("mening")}) == 3


def test_diacritics_folded_both_ways(corpus):
    plain, accented = search("financiele"), search("financiële")
    assert files_of(plain) == files_of(accented) == {"besluitenlijst.txt"}
    assert "financiële" in highlighted(plain)


def test_compounds_reach_their_parts(corpus):
    assert files_of(search("woningbouw")) == {"besluitenlijst.txt"}  # woningbouwafspraken
    assert files_of(search("afspraken")) == {"besluitenlijst.txt"}
    assert files_of(search("veiligheid")) == {"memo.txt"}  # verkeersveiligheid
    assert "woningbouwafspraken" in highlighted(search("woningbouw"))
    # the whole compound ranks a passage with the word itself first
    assert search("woningbouwafspraken").hits[0].file_path.endswith("besluitenlijst.txt")


def test_phrases(corpus):
    assert files_of(search('"raad van state"')) == {"memo.txt"}
    assert search('"state van raad"').total == 0
    assert search('"raad state"').total == 0  # words not adjacent
    assert search('"de kosten van de jeugdzorg"').total == 1


def test_or_and_exclusion(corpus):
    assert files_of(search("jeugdzorg OR zonnepanelen")) == {"brief.txt", "besluitenlijst.txt"}
    assert files_of(search("jeugdzorg | zonnepanelen")) == {"brief.txt", "besluitenlijst.txt"}
    # no passage holds both: the fallback searches for any of them, and says so
    r = search("jeugdzorg zonnepanelen")
    assert r.fuzzy and r.interpreted == "jeugdzorg OR zonnepanelen"
    assert files_of(r) == {"brief.txt", "besluitenlijst.txt"}
    with_raad = files_of(search("raad"))
    assert "brief.txt" in with_raad
    assert "brief.txt" not in files_of(search("raad -jeugdzorg"))
    assert "memo.txt" not in files_of(search('raad -"raad van state"'))


def test_prefix(corpus):
    assert files_of(search("verkeers*")) == {"memo.txt"}
    assert files_of(search("subsid*")) == {"besluitenlijst.txt"}
    assert "subsidieregeling" in highlighted(search("subsid*"))
    assert files_of(search("jeugdz*")) == {"brief.txt"}


@pytest.mark.parametrize("query", [
    '"raad van state', "OR", "-", "*", "(((", '"', "AND OR -", "\\", "'", ":", "raad:", "!!", "&&", "a & b",
    "raad OR", "OR raad", "raad OR OR jeugdzorg", "--raad", "jeugd*zorg", "x" * 300, "'raad' & !state",
    "raad <-> state", "raad:*", "NOT raad", "ḿ̶̧", "\x00", "😀 raad", "[raad]", "{jeugdzorg}",
])
def test_malformed_queries_never_fail(corpus, query):
    r = search(query)
    assert r.total >= 0 and isinstance(r.interpreted, str)


def test_malformed_queries_are_repaired(corpus):
    r = search('"raad van state')
    assert r.repaired and r.interpreted == '"raad van state"' and files_of(r) == {"memo.txt"}
    r = search("OR jeugdzorg OR")
    assert r.repaired and r.interpreted == "jeugdzorg" and files_of(r) == {"brief.txt"}
    r = search("-jeugdzorg")  # only an exclusion: taken literally
    assert r.repaired and files_of(r) == {"brief.txt"}
    r = search("(jeugdzorg)")
    assert r.repaired and files_of(r) == {"brief.txt"}


def test_facets_count_the_matches(corpus):
    r = search("college")
    assert r.total == sum(v.count for v in r.facets["kind"])
    types = {v.value: v.count for v in r.facets["type"]}
    assert types and sum(types.values()) == r.total
    assert set(types) == {h.part_type for h in search("college", per_page=100).hits}
    years = {v.value for v in r.facets["year"]}
    assert {"2022", "2023"} <= years
    municipalities = {v.value for v in search("raad").facets["municipality"]}
    assert {"Harlingen", "Zaltbommel", "Tiel"} <= municipalities


def test_filters(corpus):
    r = search("raad", filters={"year": 2023})
    assert files_of(r) == {"memo.txt"}
    assert all(h.date.startswith("2023") for h in r.hits)
    assert files_of(search("raad", filters={"year": [2022, 2023]})) == {"memo.txt", "brief.txt"}
    assert files_of(search("college", filters={"type": "letter"})) == {"brief.txt"}
    assert files_of(search("raad", filters={"municipality": "Harlingen"})) == {"besluitenlijst.txt"}
    assert files_of(search("raad", filters={"organisation": "Gemeente Zaltbommel"})) == {"brief.txt"}
    assert search("jeugdzorg", filters={"type": "memo"}).total == 0
    # filters alone browse by date
    r = search("", filters={"type": ["memo", "letter"]})
    assert files_of(r) == {"memo.txt", "brief.txt"} and r.sort == "date"
    with pytest.raises(ValueError):
        search("raad", filters={"colour": "rood"})


def test_person_facet_and_filter(corpus):
    memo = corpus["memo.txt"]
    memo.extraction = {**memo.extraction, "people": [{"name": "Anna Visser", "aliases": ["A. Visser"]}]}
    memo.save(update_fields=["extraction"])
    reindex()
    r = search("snelheidsbeperking")
    assert [v.value for v in r.facets["person"]] == ["Anna Visser"]
    assert files_of(search("", filters={"person": "Anna Visser"})) == {"memo.txt"}
    assert search("jeugdzorg", filters={"person": "Anna Visser"}).total == 0


def test_confidential_parts_are_filtered_inside_the_query(corpus):
    assert search("grondaankoop").total == 0
    assert search("", filters={"municipality": "Culemborg"}).total == 0
    # counts and facets are those of the filtered query, so nothing leaks through them
    r = search("woningbouw")
    assert files_of(r) == {"besluitenlijst.txt"} and r.total == len(r.hits)
    assert "Culemborg" not in {v.value for v in r.facets["municipality"]}
    assert "Culemborg" not in {v.value for v in search("college").facets["municipality"]}
    inside = search("grondaankoop", include_confidential=True)
    assert files_of(inside) == {"notitie.txt"}
    # with the confidential part, its hits (the passage and any fact read from it) come on top
    both = search("woningbouw", include_confidential=True)
    assert both.total > r.total and files_of(both) == {"besluitenlijst.txt", "notitie.txt"}


def test_fuzzy_fallback(corpus):
    r = search("verkeersveilgheid")
    assert r.fuzzy and files_of(r) == {"memo.txt"}
    assert r.interpreted == "verkeersveiligheid"
    r = search("jeugdzorg")
    assert not r.fuzzy
    assert search("qqqzzzxxx").total == 0


def test_sort_by_date_and_paging(corpus):
    r = search("college", sort="date", per_page=100)
    dates = [h.date for h in r.hits]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) >= 2
    first, second = search("college", sort="date", per_page=1), search("college", sort="date", per_page=1, page=2)
    assert first.hits[0].date >= second.hits[0].date and first.total == second.total
    with pytest.raises(ValueError):
        search("college", sort="alfabet")


def test_title_weight(corpus):
    # "jeugdzorg" is in the title of the letter: its passages rank above a mention elsewhere
    r = search("verkeersveiligheid")
    assert r.hits[0].part_title == "Verkeersveiligheid rond scholen"


def test_facts_are_searched_with_their_evidence(corpus):
    from regiovolger.store.models import Fact, Part

    stored = corpus["besluitenlijst.txt"]
    quote = "De raad stelt de subsidieregeling voor zonnepanelen vast."
    start = stored.text.index(quote)
    part = Part.objects.get(file=stored)
    Fact.objects.create(file=stored, part=part, kind="commitments", page=1, start=start, end=start + len(quote),
                        quote=quote, data={"id": "c1", "text": "de raad ontvangt een evaluatierapport",
                                           "made_by": "Anna Visser", "made_to": "raad", "date_made": None})
    passages = search("zonnepanelen", filters={"kind": "passage"}).total
    reindex()
    r = search("evaluatierapport")
    assert r.total == 1
    hit = r.hits[0]
    assert hit.kind == "fact" and hit.fact_kind == "commitments" and hit.page == 1
    assert stored.text[hit.start:hit.end] == quote
    r = search("zonnepanelen")
    assert "commitments" in {v.value for v in r.facets["kind"]}
    assert search("zonnepanelen", filters={"kind": "commitments"}).total == 1
    assert search("zonnepanelen", filters={"kind": "passage"}).total == passages
    facts = search("zonnepanelen", filters={"kind": "fact"}, per_page=100)
    assert facts.total >= 1 and all(h.kind == "fact" for h in facts.hits)
    # the person who made the commitment is a facet value of the fact
    assert "Anna Visser" in {v.value for v in search("evaluatierapport").facets["person"]}


def test_reindex_and_index_file_are_idempotent(corpus):
    before = search("raad", per_page=100).total
    assert reindex() > 0
    assert search("raad", per_page=100).total == before
    index_file(corpus["brief.txt"])
    assert search("raad", per_page=100).total == before


def test_facets_can_be_skipped(corpus):
    with_facets, without = search("raad"), search("raad", facets=False)
    assert without.total == with_facets.total and [h.start for h in without.hits] == [h.start for h in with_facets.hits]
    assert with_facets.facets["type"] and not any(without.facets.values())


def _entries_with(source_file, old: str, new: str):
    from dataclasses import replace

    from regiovolger.search import entries_for

    return [replace(e, text=e.text.replace(old, new)) for e in entries_for(source_file)]


def test_document_frequencies_follow_reindexing_of_a_file(corpus):
    from regiovolger.search import get_backend

    backend = get_backend()
    brief = corpus["brief.txt"]
    jeugd, wacht = stem("jeugdzorg"), stem("wachtlijsten")
    df_jeugd, df_wacht = backend.doc_freq(jeugd), backend.doc_freq(wacht)
    assert df_jeugd >= 1 and df_wacht >= 1
    for _ in range(3):  # the same file indexed again and again: no inflation
        index_file(brief)
        assert backend.doc_freq(jeugd) == df_jeugd and backend.doc_freq(wacht) == df_wacht
    # the file changes: a word it no longer has leaves the vocabulary, a new one enters it
    backend.index(brief.id, _entries_with(brief, "wachtlijsten", "kwispelstaarten"))
    assert backend.doc_freq(wacht) == 0
    assert wacht not in {t for t, _ in backend.vocabulary(wacht[:1])}
    assert backend.doc_freq(stem("kwispelstaarten")) == df_wacht
    assert search("wachtlijsten").total == 0 and search("kwispelstaarten").total >= 1
    # and a full rebuild agrees with the per-file path
    reindex()
    assert backend.doc_freq(jeugd) == df_jeugd and backend.doc_freq(wacht) == df_wacht
    assert backend.doc_freq(stem("kwispelstaarten")) == 0


QUERIES = ["raad", "college", "woningbouw", '"financiele gevolgen"', "jeugdzorg OR zonnepanelen", "raad -jeugdzorg",
           "verkeer*", ""]


def _snapshot():
    out = []
    for q in QUERIES:
        for flt in (None, {"year": 2024}):
            r = search(q, filters=flt, per_page=100, include_confidential=True)
            out.append((q, r.total, sorted((h.file_path, h.start, h.kind, h.fact_kind, h.page) for h in r.hits),
                        {k: sorted((v.value, v.count) for v in vs) for k, vs in r.facets.items()}))
    return out


def test_reindex_gives_the_index_of_the_per_file_path(corpus):
    before = _snapshot()
    assert before[0][1] > 0
    n = reindex()
    assert n > 0
    assert _snapshot() == before
    assert reindex() == n  # idempotent
    assert _snapshot() == before
    # after a rebuild, ingest goes through the per-file path again
    index_file(corpus["memo.txt"])
    assert _snapshot() == before


def test_bulk_load_takes_the_last_version_of_a_file_added_twice(corpus):
    from regiovolger.search import entries_for, get_backend

    backend = get_backend()
    brief = corpus["brief.txt"]
    backend.clear()
    with backend.bulk() as add:
        add(brief.id, _entries_with(brief, "wachtlijsten", "kwispelstaarten"))
        add(brief.id, entries_for(brief))
    assert search("kwispelstaarten").total == 0 and search("wachtlijsten").total >= 1
    assert backend.doc_freq(stem("kwispelstaarten")) == 0
    assert backend.doc_freq(stem("wachtlijsten")) == search("wachtlijsten", include_confidential=True).total


def test_postgres_rebuild_restores_indexes_and_foreign_keys(corpus):
    from django.db import IntegrityError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")

    def schema():
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_entry' ORDER BY 1")
            indexes = cursor.fetchall()
            cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                           "WHERE conrelid = 'search_entry'::regclass ORDER BY 1")
            return indexes, cursor.fetchall()

    before = schema()
    assert any("gin (tsv)" in d for _, d in before[0]) and any("FOREIGN KEY" in d for _, d in before[1])
    reindex()
    assert schema() == before
    with connection.cursor() as cursor:  # the foreign keys hold again
        cursor.execute("SELECT count(*) FROM search_term WHERE df <= 0")
        assert cursor.fetchone()[0] == 0
        with pytest.raises(IntegrityError), transaction.atomic():
            cursor.execute("UPDATE search_entry SET file_id = -1")
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
