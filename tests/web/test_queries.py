"""List pages run a fixed number of queries, whatever the number of rows (no per-row queries)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import build_public, make_fact, resolved

pytestmark = pytest.mark.django_db

# pinned per page for an anonymous visitor (session and user lookups included); a fact list is
# one query per filter (its options with their counts), the count, the page's ids and columns, its rows,
# their corrections and their meetings; actions add their status and three summary tables; documents
# count the visible facts of the page's files in one query
# (a person filter's options and the actions' owner table take one query more each: names spelled as the
# visitor's facts spell them, never as a confidential part alone does)
PINNED = {
    "web:home": 7, "web:documents": 9, "web:meetings": 9, "web:actions": 16, "web:decisions": 10,
    "web:commitments": 12, "web:projects": 12, "web:votes": 9, "web:municipalities": 1, "web:people": 2,
    "web:organisations": 1, "web:calendar": 8,
}

BODY = "dagelijks-bestuur-samenwerking-heuvelland"
# every filter a list has, set at once: still the same number of queries
ORG = "samenwerking-heuvelland"
FILTERED = {
    "web:decisions": f"?gremium={BODY}&jaar=2031&status=approve",
    "web:actions": f"?gremium={BODY}&jaar=2031&gemeente=GM0301&persoon=teun-vrieling&status=alle",
    "web:commitments": f"?gremium={ORG}&jaar=2031&persoon=marit-olde-hengel&status=open",
    "web:meetings": f"?gremium={BODY}&jaar=2031&persoon=marit-olde-hengel",
    "web:calendar": f"?periode=alle&gremium={ORG}&jaar=2099&status=planned",
    "web:votes": f"?gremium={BODY}&jaar=2031&status=adopted",
    "web:projects": "?lijn=Leefomgeving&omvang=medium&jaar=2031&gemeente=GM0262&persoon=teun-vrieling",
    "web:documents": f"?soort=minutes&gremium={BODY}&jaar=2031&gemeente=GM0301&persoon=teun-vrieling",
}


def with_vote(f):
    """A vote in the public file's meeting (the shared corpus has none)."""
    quote = "Het verslag wordt ongewijzigd vastgesteld."
    make_fact(f, f.parts.get(key="p1"), "votes", {
        "id": "v1", "meeting": "m1", "agenda_item": "a1", "subject": "Vaststelling verslag", "subject_kind": "proposal",
        "outcome": "adopted", "votes_for": 5, "votes_against": 0, "groups_for": [], "groups_against": []}, quote, f.text)
    return resolved(f)


def more_rows():
    for n in ("2", "3"):
        with_vote(build_public(path=f"/tmp/extra-{n}.txt", salt=n))


@pytest.mark.parametrize("name", sorted(PINNED))
def test_list_page_query_count_is_pinned(client, corpus, django_assert_num_queries, name):
    with_vote(corpus["public"])
    url = reverse(name)
    client.get(url)  # warm caches (content types, translations)
    with django_assert_num_queries(PINNED[name]):
        assert client.get(url).status_code == 200
    # three times the rows: the same number of queries
    more_rows()
    with django_assert_num_queries(PINNED[name]):
        assert client.get(url).status_code == 200


def _rows(client, url) -> list:
    data = client.get(url + "&format=json").json()
    return next(v for k, v in data.items() if isinstance(v, list) and not k.startswith(("acties-per", "geld-", "uren-")))


@pytest.mark.parametrize("name", sorted(FILTERED))
def test_filtered_list_query_count_is_pinned(client, corpus, django_assert_num_queries, name):
    with_vote(corpus["public"])
    url = reverse(name) + FILTERED[name]
    assert len(_rows(client, url)) == 1  # every filter at once still finds the fact it is about
    with django_assert_num_queries(PINNED[name]):
        assert client.get(url).status_code == 200
    more_rows()
    assert len(_rows(client, url)) == 3
    with django_assert_num_queries(PINNED[name]):
        assert client.get(url).status_code == 200
