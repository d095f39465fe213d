"""Staff work that must survive re-ingest: action status and notes, corrections (uploads: test_uploads.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regiovolger.store.models import Fact
from regiovolger.web import facts as F
from regiovolger.web.models import ActionStatus, Correction

pytestmark = pytest.mark.django_db


def reingest(file):
    """What a re-ingest does to Fact rows: all recreated with new ids."""
    rows = list(Fact.objects.filter(file=file).values("part_id", "kind", "data", "page", "start", "end", "quote"))
    Fact.objects.filter(file=file).delete()
    Fact.objects.bulk_create(Fact(file=file, **r) for r in rows)


def action_key(file, text):
    fact = next(f for f in Fact.objects.filter(file=file, kind="actions") if f.data["text"] == text)
    return F.fact_key(file.sha256, "actions", fact.quote)


def test_mark_action_done_and_note_survive_reingest(client, staff_client, staff_user, corpus):
    pub = corpus["public"]
    key = action_key(pub, "planning delen met de raden")
    url = reverse("web:action_update", args=[key])
    assert client.post(url, {"what": "done"}).status_code == 302  # to the login page
    assert not ActionStatus.objects.exists()
    r = staff_client.post(url, {"what": "done", "note": "gedeeld op 5 maart"})
    assert r.status_code == 302
    status = ActionStatus.objects.get(fact_key=key)
    assert status.done and status.updated_by == staff_user
    reingest(pub)
    open_rows = client.get(reverse("web:actions") + "?format=json").json()["acties"]
    assert "planning delen met de raden" not in [r["text"] for r in open_rows]
    done_rows = client.get(reverse("web:actions") + "?status=done&format=json").json()["acties"]
    assert [(r["text"], r["note"], r["state"]) for r in done_rows] == [
        ("planning delen met de raden", "gedeeld op 5 maart", "afgerond")]
    staff_client.post(url, {"what": "reopen"})
    assert not ActionStatus.objects.get(fact_key=key).done


def test_admin_correction_is_recorded_and_survives_reingest(client, staff_client, staff_user, corpus):
    pub = corpus["public"]
    fact = Fact.objects.get(file=pub, kind="decisions", data__id="d2")
    change = reverse("admin:store_fact_change", args=[fact.id])
    assert staff_client.get(change).status_code == 200
    data = dict(fact.data, amount_eur=245000, kind="adopt")
    import json

    r = staff_client.post(change, {"data": json.dumps(data), "note": "bedrag uit het besluit, niet het voorstel"})
    assert r.status_code == 302, r.content[:2000]
    c = Correction.objects.get()
    assert c.created_by == staff_user and c.data == {"amount_eur": 245000, "kind": "adopt"}
    assert c.fact_key == F.fact_key(pub.sha256, "decisions", fact.quote)
    reingest(pub)  # the corrected Fact row is gone; the correction is not
    rows = client.get(reverse("web:decisions") + "?format=json").json()["besluiten"]
    row = next(r for r in rows if r["text"].startswith("het bestuur stemt in"))
    assert row["amount"] == 245000 and row["kind"] == "vastgesteld"
    # hiding a wrong fact
    fact = Fact.objects.get(file=pub, kind="decisions", data__id="d1")
    staff_client.post(reverse("admin:store_fact_change", args=[fact.id]), {"data": json.dumps(fact.data), "hide": "on"})
    texts = [r["text"] for r in client.get(reverse("web:decisions") + "?format=json").json()["besluiten"]]
    assert "Het verslag wordt ongewijzigd vastgesteld." not in texts


@pytest.mark.parametrize("target,same_site", [
    ("/acties/?status=open", True), ("//evil.example/acties/", False), ("https://evil.example/", False),
    ("/\\evil.example", False),
])
def test_action_form_redirects_only_within_the_site(staff_client, corpus, target, same_site):
    key = action_key(corpus["public"], "planning delen met de raden")
    r = staff_client.post(reverse("web:action_update", args=[key]), {"what": "done", "next": target})
    assert r.status_code == 302
    assert (r["Location"] == target) is same_site
    assert r["Location"].startswith("/") and not r["Location"].startswith("//")
