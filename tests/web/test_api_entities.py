"""The entities API: people, organisations and municipalities a visitor may see, each with its page."""

from __future__ import annotations

import pytest

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def _names(response) -> list[str]:
    body = response.json()
    return [e["name"] for e in (body["results"] if isinstance(body, dict) else body)]


def test_entities_as_the_pages_show_them(client, staff_client, corpus):
    people = _names(client.get("/api/entities/?kind=person"))
    assert "Teun Vrieling" in people and not any(SECRET in n for n in people)
    assert client.get("/api/entities/person:teun-vrieling/").json()["page"] == "/personen/teun-vrieling/"
    assert client.get("/api/entities/municipality:gm0301/").json()["name"] == "Zutphen"
    assert client.get("/api/entities/?kind=iets").status_code == 400
    hidden = f"/api/entities/person:verkoper-{SECRET.lower()}/"
    assert client.get(hidden).status_code == 404, "named only in a confidential part"
    assert staff_client.get(hidden).status_code == 200
