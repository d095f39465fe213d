"""Corrigeer dit feit: a Dutch form per fact kind for staff; corrections and deletions survive
``ingest --force`` of the same file (keyed by the stable fact key); every change is audited."""

from __future__ import annotations

import json
import shutil

import pytest
from django.urls import reverse

from regiovolger.store.models import Fact
from regiovolger.web import correction_forms as CF
from regiovolger.web.models import ActionStatus, Correction, ReviewDecision
from tests.conftest import SCHEMA, SEEDS

pytestmark = pytest.mark.django_db


def correct_url(key: str) -> str:
    return reverse("web:fact_correct", args=[key])


def form_post(response, **changes) -> dict:
    """The POST a browser sends for the form as shown, with ``changes`` (field name → value; None unchecks)."""
    data = {}
    form = response.context["form"]
    for name in form.fields:
        bf = form[name]
        value = bf.value()
        if isinstance(bf.field, CF.forms.BooleanField):
            if value:
                data[bf.html_name] = "on"
            continue
        data[bf.html_name] = "" if value is None else str(value)
    for fs in response.context["formsets"]:
        mf = fs.management_form
        for name in mf.fields:
            data[mf[name].html_name] = str(mf[name].value())
        for f in fs.forms:
            for name in f.fields:
                value = f[name].value()
                if value not in (None, False):
                    data[f[name].html_name] = "on" if value is True else str(value)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def public_decisions(c) -> list[str]:
    return [r["text"] for r in c.get(reverse("web:decisions") + "?format=json").json()["besluiten"]]


def public_actions(c) -> list[str]:
    return [r["text"] for r in c.get(reverse("web:actions") + "?format=json").json()["acties"]]


def test_correction_and_deletion_survive_ingest_force(client, staff_client, staff_user, tmp_path, monkeypatch):
    from regiovolger.ingest import INGESTED, ingest

    monkeypatch.setenv("REGIOVOLGER_PUBLISH_CONFIDENCE", "0")  # every fact public: this is about corrections
    path = tmp_path / "verslag.txt"
    shutil.copy(next(SEEDS.glob("001_*.txt")), path)
    assert ingest([str(path)], workers=1).count(INGESTED) == 1
    decision = Fact.objects.filter(kind="decisions").order_by("start").first()
    action = Fact.objects.filter(kind="actions").order_by("start").first()
    old_text, old_action = decision.data["text"], action.data["text"]
    assert old_text in public_decisions(client) and old_action in public_actions(client)

    page = staff_client.get(correct_url(decision.key))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="text"' in body and 'name="kind"' in body and "Corrigeer dit feit" in body
    new_text = "Het verslag wordt met één wijziging vastgesteld."
    new_kind = "take_note" if decision.data["kind"] != "take_note" else "approve"
    r = staff_client.post(correct_url(decision.key), form_post(page, text=new_text, kind=new_kind,
                                                               toelichting="zo staat het in het besluit"))
    assert r.status_code == 302
    c = Correction.objects.get(fact_key=decision.key)
    assert c.created_by == staff_user and c.data["text"] == new_text and c.data["kind"] == new_kind
    assert c.before["text"] == old_text and c.after["text"] == new_text

    page = staff_client.get(correct_url(action.key))
    assert staff_client.post(correct_url(action.key), form_post(page, verwijderen="on")).status_code == 302
    assert old_action not in public_actions(client) and old_action not in public_actions(staff_client)

    texts = public_decisions(client)
    assert new_text in texts and old_text not in texts
    old_ids = set(Fact.objects.values_list("id", flat=True))
    assert ingest([str(path)], workers=1, force=True).count(INGESTED) == 1
    assert not old_ids & set(Fact.objects.values_list("id", flat=True)), "--force recreates the Fact rows"
    texts = public_decisions(client)
    assert new_text in texts and old_text not in texts
    assert old_action not in public_actions(client) and old_action not in public_actions(staff_client)
    doc = client.get(reverse("web:document", args=[decision.file.sha256[:16]])).content.decode()
    assert new_text in doc

    # the audit: who, when, before and after, on the fact's correction page
    audit = staff_client.get(correct_url(decision.key)).content.decode()
    assert old_text in audit and new_text in audit and staff_user.username in audit
    assert "zo staat het in het besluit" in audit

    # restoring the deleted action (unchecking "verwijderen") shows it again
    page = staff_client.get(correct_url(action.key))
    assert page.context["form"]["verwijderen"].value() is True
    staff_client.post(correct_url(action.key), form_post(page, verwijderen=None))
    assert old_action in public_actions(client)
    assert Correction.objects.filter(fact_key=action.key).count() == 2


def test_anonymous_and_non_staff_get_no_form(client, django_user_model, corpus):
    fact = Fact.objects.get(file=corpus["public"], kind="decisions", data__id="d1")
    for c in (client, None):
        if c is None:
            from django.test import Client

            c = Client()
            c.force_login(django_user_model.objects.create_user("lezer", password="lees-wachtwoord-1"))
        r = c.get(correct_url(fact.key))
        assert r.status_code in (302, 403) and "login" in r.get("Location", "login")
        r = c.post(correct_url(fact.key), {"text": "vervalst", "kind": "adopt"})
        assert r.status_code in (302, 403)
    assert not Correction.objects.exists()
    doc = client.get(reverse("web:document", args=[corpus["public"].sha256[:16]])).content.decode()
    assert "Corrigeer dit feit" not in doc


def test_staff_see_the_link_on_every_fact_of_a_document(staff_client, corpus):
    pub = corpus["public"]
    doc = staff_client.get(reverse("web:document", args=[pub.sha256[:16]])).content.decode()
    d1 = Fact.objects.get(file=pub, kind="decisions", data__id="d1")
    assert correct_url(d1.key) in doc
    assert doc.count("Corrigeer dit feit") >= Fact.objects.filter(file=pub).values("key").distinct().count() - 1


def test_validation_of_dates_amounts_and_choices(staff_client, corpus):
    pub = corpus["public"]
    action = Fact.objects.get(file=pub, kind="actions", data__id="x1")
    page = staff_client.get(correct_url(action.key))
    assert page.context["form"]["due"].value() is not None
    r = staff_client.post(correct_url(action.key), form_post(page, due="31-02-2031"))
    assert r.status_code == 200 and r.context["form"].errors.get("due")
    project = Fact.objects.get(file=pub, kind="projects", data__id="pr1")
    page = staff_client.get(correct_url(project.key))
    assert page.context["form"]["budget_eur"].value() == "85.000"
    r = staff_client.post(correct_url(project.key), form_post(page, budget_eur="veel geld"))
    assert r.status_code == 200 and r.context["form"].errors.get("budget_eur")
    r = staff_client.post(correct_url(project.key), form_post(page, size="reusachtig"))
    assert r.status_code == 200 and r.context["form"].errors.get("size")
    assert not Correction.objects.exists()
    r = staff_client.post(correct_url(project.key), form_post(page, budget_eur="€ 1.500.000,50", size="large"))
    assert r.status_code == 302
    c = Correction.objects.get()
    assert c.data == {"budget_eur": 1500000.5, "size": "large"}
    assert c.before == {"budget_eur": 85000, "size": "medium"}


@pytest.mark.parametrize("text,value", [("1.500.000", 1500000), ("147.824,--", 147824), ("€ 240.000,50", 240000.5),
                                        ("1500", 1500), ("12,5", 12.5)])
def test_dutch_amounts_parse(text, value):
    assert CF.parse_amount(text) == value
    assert CF.parse_amount(CF.format_amount(value)) == value


@pytest.mark.parametrize("text", ["1,500,000", "1.50.000", "veel", ""])
def test_non_amounts_are_refused(text):
    with pytest.raises(ValueError):
        CF.parse_amount(text)


def test_attendee_status_and_action_status_through_the_form(client, staff_client, corpus):
    pub = corpus["public"]
    meeting = Fact.objects.get(file=pub, kind="meetings")
    page = staff_client.get(correct_url(meeting.key))
    fs = page.context["formsets"][0]
    absent = next(f for f in fs.forms if f["name"].value() == "Ilse Rademaker")
    r = staff_client.post(correct_url(meeting.key), form_post(page, **{absent["status"].html_name: "present"}))
    assert r.status_code == 302
    attendees = Correction.objects.get(fact_key=meeting.key).data["attendees"]
    assert {a["name"]: a["status"] for a in attendees}["Ilse Rademaker"] == "present"
    assert len(attendees) == 4
    action = Fact.objects.get(file=pub, kind="actions", data__id="x2")
    page = staff_client.get(correct_url(action.key))
    staff_client.post(correct_url(action.key),
                      form_post(page, actiestatus="done", owners="Sanne Wolters\nTeun Vrieling"))
    assert ActionStatus.objects.get(fact_key=action.key).done
    c = Correction.objects.get(fact_key=action.key)
    assert c.data == {"owners": ["Sanne Wolters", "Teun Vrieling"]} and c.after["status"] == "afgerond"


def test_review_page_and_correction_form_agree(client, staff_client, corpus):
    pub = corpus["public"]
    d1 = Fact.objects.get(file=pub, kind="decisions", data__id="d1")
    d2 = Fact.objects.get(file=pub, kind="decisions", data__id="d2")
    Fact.objects.filter(id__in=[d1.id, d2.id]).update(confidence=0.1)  # both wait for review
    review = reverse("web:review") + "?format=json"
    assert {d1.key, d2.key} <= {r["key"] for r in staff_client.get(review).json()["te-controleren"]}
    # rejected on the review page: hidden everywhere, and the correction page says so
    staff_client.post(reverse("web:review_decide", args=[d1.key]), {"besluit": ReviewDecision.REJECTED})
    page = staff_client.get(correct_url(d1.key))
    assert "afgewezen op de pagina Te controleren" in page.content.decode() and page.context["shown"] is False
    assert d1.data["text"] not in public_decisions(staff_client)
    # deleted with the form: gone from the review page's lists, as from every other page
    page = staff_client.get(correct_url(d2.key))
    staff_client.post(correct_url(d2.key), form_post(page, verwijderen="on"))
    for state in ("", "&status=accepted", "&status=rejected"):
        assert d2.key not in {r["key"] for r in staff_client.get(review + state).json()["te-controleren"]}
    assert d2.data["text"] not in public_decisions(staff_client)
    assert "verwijderd met dit formulier" in staff_client.get(correct_url(d2.key)).content.decode()


def test_every_fact_kind_gets_a_form_from_the_schema():
    from regiovolger.extract.registry import KEYS

    for kind in KEYS:
        form = CF.fact_form_class(kind)()
        props = CF.kind_schema(kind)["properties"]
        editable = [n for n in props if n not in CF.NOT_EDITABLE and n not in CF.record_lists(kind)]
        assert set(editable) <= set(form.fields), kind
        assert all(str(form.fields[n].label) != n for n in editable), f"{kind}: a field without a Dutch label"


def test_packaged_schema_is_the_contract():
    assert json.loads(CF.SCHEMA_PATH.read_text(encoding="utf-8")) == json.loads(SCHEMA.read_text(encoding="utf-8"))
