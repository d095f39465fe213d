"""Results cached per process: the same answers, and never older than the index (embedded backend)."""

from __future__ import annotations

import pytest

from regiovolger.search import get_backend, search
from regiovolger.search.cache import ResultCache

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def embedded():
    backend = get_backend()
    if not hasattr(backend, "generation"):
        pytest.skip("only the embedded index caches results")
    return backend


def _files(results):
    return {h.file_path.rsplit("/", 1)[-1] for h in results.hits}


def test_a_cached_search_shows_a_document_ingested_after_it(corpus, embedded, tmp_path):
    from regiovolger.ingest import ingest

    before = search("fietsenstalling")
    assert before.total == 0
    assert search("fietsenstalling").total == 0  # now from the cache
    folder = tmp_path / "later"
    folder.mkdir()
    (folder / "raadsvoorstel.txt").write_text(
        "Raadsvoorstel\n\nDatum: 2 april 2024\nOnderwerp: Fietsenstalling bij het station\n\n"
        "De raad wordt gevraagd een krediet te verlenen voor een nieuwe fietsenstalling bij het station.\n",
        encoding="utf-8")
    assert ingest([str(folder)], workers=1).count("ingested") == 1
    after = search("fietsenstalling")
    assert after.total >= 1 and _files(after) == {"raadsvoorstel.txt"}


def test_a_commit_by_another_index_handle_is_seen(corpus, embedded):
    """Another process (an ingest beside the web server) commits through its own handle on the files."""
    from regiovolger.search import entries_for
    from regiovolger.search.embedded import EmbeddedBackend

    assert search("jeugdzorg").total >= 1
    generation = embedded.generation()
    other = EmbeddedBackend(embedded.path)  # not the shared instance: its own reader and writer
    other.index(corpus["brief.txt"].id, [])  # the letter's entries deleted elsewhere
    assert embedded.generation() != generation
    assert search("jeugdzorg").total == 0
    other.index(corpus["brief.txt"].id, entries_for(corpus["brief.txt"]))
    assert _files(search("jeugdzorg")) == {"brief.txt"}


def test_cached_results_equal_fresh_ones_and_cannot_be_changed_by_a_caller(corpus, embedded):
    import regiovolger.search as package

    package._results.clear()
    fresh = search("raad", per_page=5)
    cached = search("raad", per_page=5)
    assert cached.to_dict() == fresh.to_dict() and cached is not fresh
    cached.hits.clear()
    cached.facets["type"].clear()
    again = search("raad", per_page=5)
    assert again.to_dict() == fresh.to_dict()
    # other arguments are other entries
    assert search("raad", per_page=5, page=2).to_dict() != fresh.to_dict()
    assert search("raad", per_page=5, facets=False).facets["type"] == []


def test_the_cache_keeps_the_newest_entries_only():
    from regiovolger.search import SearchResults

    cache = ResultCache(size=2)
    for q in ("a", "b", "c"):
        cache.put(q, SearchResults(q, q, False, False, 0, 1, 10, "relevance", "tantivy"))
    assert len(cache) == 2 and cache.get("a") is None and cache.get("c").query == "c"
