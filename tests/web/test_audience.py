"""Who may see a fact is kept on the row (Fact.audience) and follows every change it depends on;
corrections, review decisions and action status reach the columns lists filter on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from regiovolger.store.audience import EVERYONE, IF_CONFIDENT, NOBODY, STAFF
from regiovolger.store.models import Fact, Part
from regiovolger.web.models import ActionStatus, Correction, ReviewDecision

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def _d2(corpus):
    return Fact.objects.get(file=corpus["public"], kind="decisions", data__id="d2")


def test_audience_follows_parts_review_and_corrections(client, corpus):
    assert set(Fact.objects.filter(file=corpus["secret"]).values_list("audience", flat=True)) == {STAFF}
    d2 = _d2(corpus)
    assert d2.audience == IF_CONFIDENT
    url = reverse("web:decisions") + "?format=json"
    assert any("240.000" in r["text"] for r in client.get(url).json()["besluiten"])
    ReviewDecision.objects.create(fact_key=d2.key, file_sha256=corpus["public"].sha256, kind="decisions",
                                  decision=ReviewDecision.REJECTED)
    assert Fact.objects.get(pk=d2.pk).audience == NOBODY
    assert not any("240.000" in r["text"] for r in client.get(url).json()["besluiten"])
    ReviewDecision.objects.filter(fact_key=d2.key).delete()  # queryset delete: signals per row
    assert Fact.objects.get(pk=d2.pk).audience == IF_CONFIDENT
    # a confidential part made public by a queryset update (as the staff override does)
    Part.objects.filter(file=corpus["secret"]).update(confidential=False)
    assert set(Fact.objects.filter(file=corpus["secret"]).values_list("audience", flat=True)) == {IF_CONFIDENT}
    assert SECRET in client.get(reverse("web:decisions")).content.decode()
    Part.objects.filter(file=corpus["secret"]).update(confidential=True)
    assert SECRET not in client.get(reverse("web:decisions")).content.decode()


def test_accepting_a_doubtful_fact_publishes_it(client, corpus, monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_PUBLISH_CONFIDENCE", "0.9")
    d2 = _d2(corpus)
    Fact.objects.filter(pk=d2.pk).update(confidence=0.4)
    url = reverse("web:decisions") + "?format=json"
    assert not any("240.000" in r["text"] for r in client.get(url).json()["besluiten"])
    ReviewDecision.objects.create(fact_key=d2.key, file_sha256=corpus["public"].sha256, kind="decisions",
                                  decision=ReviewDecision.ACCEPTED)
    assert Fact.objects.get(pk=d2.pk).audience == EVERYONE
    assert any("240.000" in r["text"] for r in client.get(url).json()["besluiten"])


def test_a_correction_updates_the_columns_filters_read(client, corpus):
    d2 = _d2(corpus)
    Correction.objects.create(file_sha256=corpus["public"].sha256, kind="decisions", fact_key=d2.key,
                              data={"kind": "reject", "date": "2032-05-01", "amount_eur": 1000})
    d2 = Fact.objects.get(pk=d2.pk)
    assert (d2.status, d2.date, d2.year, d2.amount) == ("reject", dt.date(2032, 5, 1), 2032, 1000)
    rows = client.get(reverse("web:decisions") + "?jaar=2032&status=reject&format=json").json()["besluiten"]
    assert [r["kind"] for r in rows] and all("240.000" in r["text"] for r in rows)
    Correction.objects.create(file_sha256=corpus["public"].sha256, kind="decisions", fact_key=d2.key, data={},
                              hidden=True)
    assert Fact.objects.get(pk=d2.pk).audience == NOBODY


def test_an_action_marked_done_is_filtered_as_done(client, corpus):
    x1 = Fact.objects.get(file=corpus["public"], kind="actions", data__id="x1")
    assert x1.status == "open"
    ActionStatus.objects.create(fact_key=x1.key, done=True)
    assert Fact.objects.get(pk=x1.pk).status == "done"
    done = client.get(reverse("web:actions") + "?status=done&format=json").json()["acties"]
    assert [r["key"] for r in done] == [x1.key]
