"""Staff override a part's confidentiality both ways; every decision leaves an audit line."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regiovolger.store.models import Part
from regiovolger.web import facts as F
from regiovolger.web.models import ConfidentialityOverride

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def _post(c, slug, status, note=""):
    return c.post(reverse("web:document_confidentiality", args=[slug]),
                  {"deel": "p1", "status": status, "toelichting": note})


def test_override_flips_visibility_and_writes_audit(client, staff_client, staff_user, corpus,
                                                    django_capture_on_commit_callbacks):
    slug = F.doc_slug(corpus["secret"].sha256)
    doc = reverse("web:document", args=[slug])
    search = reverse("web:search") + "?q=onderhandelen"
    assert client.get(doc).status_code == 404
    assert SECRET not in client.get(search).content.decode()
    page = staff_client.get(doc).content.decode()
    assert reverse("web:document_confidentiality", args=[slug]) in page  # staff see the form

    with django_capture_on_commit_callbacks(execute=True):  # the embedded index is written on commit
        r = _post(staff_client, slug, "openbaar", "besluit geheimhouding opgeheven")
    assert r.status_code == 302
    assert Part.objects.get(file=corpus["secret"], key="p1").confidential is False
    assert client.get(doc).status_code == 200 and SECRET in client.get(doc).content.decode()
    assert SECRET in client.get(search).content.decode()
    line = ConfidentialityOverride.objects.get()
    assert (line.before, line.after, line.decided_by, line.part_key) == (True, False, staff_user, "p1")
    assert line.note == "besluit geheimhouding opgeheven" and line.decided_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        assert _post(staff_client, slug, "vertrouwelijk").status_code == 302
    assert client.get(doc).status_code == 404
    assert SECRET not in client.get(search).content.decode()
    lines = list(ConfidentialityOverride.objects.order_by("id").values_list("before", "after"))
    assert lines == [(True, False), (False, True)]


def test_public_part_made_confidential_and_anonymous_refused(client, staff_client, corpus):
    pub = corpus["public"]
    slug = F.doc_slug(pub.sha256)
    part = Part.objects.filter(file=pub).order_by("start").first()
    assert part.confidential is False
    r = client.post(reverse("web:document_confidentiality", args=[slug]), {"deel": part.key, "status": "vertrouwelijk"})
    assert r.status_code == 302 and "login" in r["Location"]  # anonymous: to the login page, nothing changed
    assert Part.objects.get(pk=part.pk).confidential is False and not ConfidentialityOverride.objects.exists()
    r = staff_client.post(reverse("web:document_confidentiality", args=[slug]),
                          {"deel": part.key, "status": "vertrouwelijk"})
    assert r.status_code == 302
    assert Part.objects.get(pk=part.pk).confidential is True
    assert ConfidentialityOverride.objects.get().after is True
    assert staff_client.post(reverse("web:document_confidentiality", args=[slug]),
                             {"deel": part.key, "status": "onzin"}).status_code == 400


def test_apply_overrides_after_reingest(staff_user, corpus):
    from regiovolger.web.confidentiality import apply_overrides, set_confidential

    sec = corpus["secret"]
    part = Part.objects.get(file=sec, key="p1")
    set_confidential(part, False, staff_user)
    Part.objects.filter(pk=part.pk).update(confidential=True)  # a re-ingest reads the mark again
    assert apply_overrides(sec) == 1
    assert Part.objects.get(pk=part.pk).confidential is False


def test_staff_decision_survives_a_forced_reingest(staff_user, db):
    """What `ingest --force` does to a stored file (save with replace) keeps the staff's choice, not the mark read again."""
    from regiovolger.pipeline import process_bytes
    from regiovolger.store.writer import save
    from regiovolger.web.confidentiality import set_confidential

    body = ("VERTROUWELIJK\n\nNotitie aan het dagelijks bestuur\n\nHet bestuur besluit de grond aan de Dijkweg te kopen "
            "voor € 300.000.\n").encode()
    processed = process_bytes(body, "/tmp/notitie-dijkweg.txt")
    stored = save(processed)
    part = Part.objects.get(file=stored, key="p1")
    assert part.confidential is True  # the mark is read
    set_confidential(part, False, staff_user, "openbaar gemaakt na besluit")
    save(process_bytes(body, "/tmp/notitie-dijkweg.txt"), replace=True)
    assert Part.objects.get(file=stored, key="p1").confidential is False
