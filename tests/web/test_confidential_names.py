"""A fuller spelling of a name that only a confidential part gives never reaches a public list, filter or link."""

from __future__ import annotations

from django.urls import reverse

from .conftest import SECRET, make_fact, resolved


def test_a_confidential_spelling_stays_off_public_lists_and_filters(client, staff_client, corpus):
    sec = corpus["secret"]
    make_fact(sec, sec.parts.get(), "people", {"name": "Teun Adriaan Vrieling", "aliases": [], "roles": []}, SECRET,
              sec.text, nth=1)
    resolved(sec)
    for name, query in (("web:actions", "?status=alle"), ("web:people", ""), ("web:decisions", ""),
                        ("web:commitments", "")):
        html = client.get(reverse(name) + query).content.decode()
        assert "Adriaan" not in html, name
    assert "Teun Vrieling" in client.get(reverse("web:actions") + "?status=alle").content.decode()
