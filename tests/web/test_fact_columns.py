"""The queryable columns of facts: filled when stored and resolved, and what list filters read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from regiovolger.store.models import Entity, Fact, FactMunicipality, Membership
from regiovolger.store.resolve_columns import backfill, refresh_via

from .conftest import SECRET, resolved

pytestmark = pytest.mark.django_db


def test_columns_come_from_the_fact_its_meeting_and_what_resolve_found(corpus):
    pub = corpus["public"]
    d2 = Fact.objects.get(file=pub, kind="decisions", data__id="d2")
    assert d2.date == dt.date(2031, 3, 3) and d2.year == 2031  # the meeting's date: the decision has none
    assert d2.status == "approve" and d2.amount == 240000
    assert d2.meeting is not None and d2.body.name == "Dagelijks Bestuur Samenwerking Heuvelland"
    x1 = Fact.objects.get(file=pub, kind="actions", data__id="x1")
    assert x1.due == dt.date(2031, 4, 1) and x1.person.key == "teun-vrieling"
    assert set(FactMunicipality.objects.filter(fact=x1).values_list("code", flat=True)) == {"GM0301"}
    assert Fact.objects.get(file=pub, kind="commitments").status == "open"


def test_a_body_gaining_a_member_brings_its_facts_to_that_municipality(client, corpus):
    body = Entity.objects.get(kind="organisation", name="Dagelijks Bestuur Samenwerking Heuvelland")
    lochem = Entity.objects.get(kind="municipality", key="gm0262")
    url = reverse("web:decisions") + "?gemeente=GM0262&format=json"
    assert client.get(url).json()["besluiten"] == []
    Membership.objects.create(body=body, member=lochem)
    refresh_via({body.id})
    rows = client.get(url).json()["besluiten"]
    assert {r["text"] for r in rows} == {"Het verslag wordt ongewijzigd vastgesteld.",
                                          "het bestuur stemt in met de bijdrage van € 240.000"}
    assert FactMunicipality.objects.filter(via=body, code="GM0262").exists()


def test_backfill_fills_a_store_from_before_the_columns(corpus):
    pub = corpus["public"]
    Fact.objects.filter(file=pub).update(date=None, year=None, status="", amount=None, body=None, person=None)
    FactMunicipality.objects.all().delete()
    backfill()
    d2 = Fact.objects.get(file=pub, kind="decisions", data__id="d2")
    assert d2.year == 2031 and d2.status == "approve" and d2.body is not None
    assert FactMunicipality.objects.filter(fact__file=pub, code="GM0301").exists()


def test_filter_options_never_show_what_a_visitor_may_not_see(client, staff_client, corpus):
    html = client.get(reverse("web:actions") + "?status=alle").content.decode()
    assert SECRET not in html and "ilse-rademaker" not in html  # owner of the confidential action only
    assert "ilse-rademaker" in staff_client.get(reverse("web:actions") + "?status=alle").content.decode()


def test_files_typed_other_are_not_listed_or_counted(client, corpus):
    pub = corpus["public"]
    pub.parts.update(type="other")
    resolved(pub)
    assert client.get(reverse("web:decisions") + "?format=json").json()["besluiten"] == []
    docs = client.get(reverse("web:documents") + "?format=json").json()["documenten"]
    assert pub.title not in [d["title"] for d in docs]
    assert "Heuvelland (" not in client.get(reverse("web:decisions")).content.decode()


def test_the_person_filter_finds_every_owner_not_only_the_first(client, corpus):
    from regiovolger.store.models import Fact
    from .conftest import make_fact, resolved

    first = Fact.objects.filter(kind="actions").order_by("id").first()
    shared = make_fact(first.file, first.part, "actions",
                       {"id": "x9", "text": "planning samen opstellen", "owners": ["Sanne Wolters", "Teun Vrieling"],
                        "due": None}, "Actie Sanne Wolters: planning delen met de raden.", first.file.text)
    resolved(first.file)
    rows = client.get(reverse("web:actions") + "?persoon=teun-vrieling&status=alle&format=json").json()["acties"]
    assert any("planning samen opstellen" in str(r) for r in rows)  # Teun Vrieling is its second owner
    html = client.get(reverse("web:actions") + "?status=alle").content.decode()
    assert 'value="teun-vrieling"' in html and 'value="sanne-wolters"' in html
    shared.delete()
