"""People, organisation and municipality pages read what resolve decided, and only what a visitor may see."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import SECRET, make_fact, resolved

pytestmark = pytest.mark.django_db


def test_a_fuller_name_from_a_confidential_part_stays_there(client, staff_client, corpus):
    sec = corpus["secret"]
    part = sec.parts.get()
    make_fact(sec, part, "people", {"name": "Teun Adriaan Vrieling", "aliases": [], "roles": []}, SECRET, sec.text,
              nth=1)
    resolved(sec)
    url = reverse("web:person", args=["teun-vrieling"])
    assert client.get(url + "?format=json").json()["person"]["name"] == "Teun Vrieling"
    assert staff_client.get(url + "?format=json").json()["person"]["name"] == "Teun Adriaan Vrieling"
    names = [r["name"] for r in client.get(reverse("web:people") + "?format=json").json()["personen"]]
    assert "Teun Vrieling" in names and "Teun Adriaan Vrieling" not in names


def test_owners_link_to_their_own_kind_of_page(client, corpus):
    owners = client.get(reverse("web:actions") + "?status=alle&format=json").json()["acties-per-eigenaar"]
    assert {o["owner"]: o["kind"] for o in owners}["Teun Vrieling"] == "persoon"
    html = client.get(reverse("web:actions") + "?status=alle").content.decode()
    assert reverse("web:person", args=["teun-vrieling"]) in html


def test_municipality_page_gathers_facts_of_its_bodies_via_the_body(client, corpus):
    from regiovolger.store.models import Entity, Membership

    body = Entity.objects.get(kind="organisation", name="Dagelijks Bestuur Samenwerking Heuvelland")
    Membership.objects.create(body=body, member=Entity.objects.get(kind="municipality", key="gm0262"))
    data = client.get(reverse("web:municipality", args=["gm0262"]) + "?format=json").json()
    decisions = data["besluiten"]
    assert decisions and all(d["via"] == "via Dagelijks Bestuur Samenwerking Heuvelland" for d in decisions)
    assert data["municipality"]["bodies"] == ["Dagelijks Bestuur Samenwerking Heuvelland"]


def test_a_former_municipality_points_to_its_successor(client, db):
    data = client.get(reverse("web:municipality", args=["gm0170"]) + "?format=json").json()  # Nieuwleusen
    assert data["municipality"]["successor"] == "GM0148"
    assert client.get(reverse("web:municipality", args=["gm0148"])).status_code == 200
    assert client.get(reverse("web:municipality", args=["gm9999"])).status_code == 404
