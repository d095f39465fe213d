"""List pages run a fixed number of queries, whatever the number of rows (no per-row queries)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import build_public

pytestmark = pytest.mark.django_db

# pinned per page for an anonymous visitor (session and user lookups included)
PINNED = {
    "web:home": 7, "web:documents": 3, "web:meetings": 3, "web:actions": 5, "web:decisions": 3,
    "web:commitments": 4, "web:projects": 2, "web:municipalities": 1, "web:people": 2, "web:organisations": 1,
    "web:calendar": 2,
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_list_page_query_count_is_pinned(client, corpus, django_assert_num_queries, name):
    url = reverse(name)
    client.get(url)  # warm caches (content types, translations)
    with django_assert_num_queries(PINNED[name]):
        assert client.get(url).status_code == 200
    # three times the rows: the same number of queries
    build_public(path="/tmp/tweede.txt", salt="2")
    build_public(path="/tmp/derde.txt", salt="3")
    with django_assert_num_queries(PINNED[name]):
        assert client.get(url).status_code == 200
