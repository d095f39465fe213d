"""The review page "Te controleren": facts below the publication confidence wait for a person.

Unreviewed, they are for staff only; accepted, they are published like confident facts;
rejected, nobody sees them. The decision is keyed by the stable fact key, so it
survives a re-ingest of the same file (``ingest --force``).
"""

from __future__ import annotations

import re
import shutil

import pytest
from django.test import Client
from django.urls import reverse

from regiovolger.store.models import Fact
from regiovolger.web import facts as F
from regiovolger.web.models import ReviewDecision
from tests.conftest import SEEDS

from .conftest import build_public

pytestmark = pytest.mark.django_db

LOW_TEXT = "het bestuur stemt in met de bijdrage van € 240.000"  # decision d2 of the public file


@pytest.fixture
def low(corpus):
    """Decision d2 of the public file scored below the publication confidence (0.5 in data/confidence.toml)."""
    fact = Fact.objects.get(file=corpus["public"], kind="decisions", data__id="d2")
    Fact.objects.filter(id=fact.id).update(confidence=0.3)
    fact.refresh_from_db()
    assert fact.key == F.fact_key(corpus["public"].sha256, "decisions", fact.quote)
    return fact


def decision_texts(c) -> list[str]:
    return [r["text"] for r in c.get(reverse("web:decisions") + "?format=json").json()["besluiten"]]


def api_decision_texts(c) -> list[str]:
    return [r["data"]["text"] for r in c.get("/api/facts/?kind=decisions&limit=500").json()["results"]]


def review_keys(c, query: str = "") -> list[str]:
    return [r["key"] for r in c.get(reverse("web:review") + "?format=json" + query).json()["te-controleren"]]


def search_links(c, query: str) -> set[str]:
    return set(re.findall(r'href="(/documenten/[^"]+)"', c.get(reverse("web:search") + "?q=" + query).content.decode()))


def fact_link(fact) -> str:
    return reverse("web:document", args=[F.doc_slug(fact.file.sha256)]) + f"#f{fact.id}"


def decide(c, key: str, decision: str):
    return c.post(reverse("web:review_decide", args=[key]), {"besluit": decision})


def test_low_confidence_fact_is_absent_for_anonymous_and_listed_for_staff(client, staff_client, low, corpus,
                                                                         django_user_model):
    pub = corpus["public"]
    # anonymous: not on lists, exports, the document page, the feed, the API, nor counted on the home page
    assert LOW_TEXT not in decision_texts(client)
    assert "Het verslag wordt ongewijzigd vastgesteld." in decision_texts(client)  # confident facts still show
    assert LOW_TEXT not in client.get(reverse("web:decisions") + "?format=csv").content.decode("utf-8-sig")
    doc = client.get(reverse("web:document", args=[F.doc_slug(pub.sha256)])).content.decode()
    assert f'id="f{low.id}"' not in doc
    assert "240.000" not in client.get(reverse("web:decisions_feed")).content.decode()
    assert LOW_TEXT not in api_decision_texts(client)
    assert client.get(f"/api/facts/{low.key}/").status_code == 404
    assert client.get("/?format=json").json()["counts"]["decisions"] == 1
    assert fact_link(low) not in search_links(client, "bijdrage")
    # a signed-in visitor who is not staff is a member of the public here
    member = Client()
    member.force_login(django_user_model.objects.create_user("lezer", password="lees-wachtwoord-1"))
    assert LOW_TEXT not in decision_texts(member)
    # staff: shown, marked "te controleren", and listed on the review page with its evidence
    assert LOW_TEXT in decision_texts(staff_client)
    assert staff_client.get(f"/api/facts/{low.key}/").json()["to_review"] is True
    assert staff_client.get(f"/api/facts/{low.key}/").json()["evidence"]["confidence"] == 0.3
    assert "te controleren" in staff_client.get(reverse("web:decisions")).content.decode()
    assert fact_link(low) in search_links(staff_client, "bijdrage")
    assert review_keys(staff_client) == [low.key]
    page = staff_client.get(reverse("web:review")).content.decode()
    assert LOW_TEXT in page and "0,30" in page and "Verslag DB Heuvelland 3 maart 2031" in page
    assert f'href="{reverse("web:document", args=[F.doc_slug(pub.sha256)])}#f{low.id}"' in page
    assert page.count('name="besluit"') == 2 and "Accepteren" in page and "Afwijzen" in page
    # the site navigation links the page for staff only
    assert reverse("web:review") in staff_client.get(reverse("web:home")).content.decode()
    assert reverse("web:review") not in client.get(reverse("web:home")).content.decode()


def test_accepting_publishes_the_fact(client, staff_client, staff_user, low):
    r = decide(staff_client, low.key, ReviewDecision.ACCEPTED)
    assert r.status_code == 302 and r["Location"] == reverse("web:review")
    d = ReviewDecision.objects.get(fact_key=low.key)
    assert d.decision == ReviewDecision.ACCEPTED and d.decided_by == staff_user and d.decided_at is not None
    assert d.confidence == 0.3 and d.kind == "decisions"
    assert LOW_TEXT in decision_texts(client)
    assert LOW_TEXT in api_decision_texts(client)
    assert fact_link(low) in search_links(client, "bijdrage")
    assert client.get(f"/api/facts/{low.key}/").json()["to_review"] is False
    assert client.get("/?format=json").json()["counts"]["decisions"] == 2
    assert review_keys(staff_client) == []
    assert review_keys(staff_client, "&status=accepted") == [low.key]
    assert "te controleren" not in staff_client.get(reverse("web:decisions")).content.decode()


def test_rejecting_hides_the_fact_everywhere(client, staff_client, low, corpus):
    assert decide(staff_client, low.key, ReviewDecision.REJECTED).status_code == 302
    assert ReviewDecision.objects.get(fact_key=low.key).decision == ReviewDecision.REJECTED
    for c in (client, staff_client):
        assert LOW_TEXT not in decision_texts(c)
        assert LOW_TEXT not in api_decision_texts(c)
        assert c.get(f"/api/facts/{low.key}/").status_code == 404
        doc = c.get(reverse("web:document", args=[F.doc_slug(corpus["public"].sha256)])).content.decode()
        assert f'id="f{low.id}"' not in doc
        assert fact_link(low) not in search_links(c, "bijdrage")
    assert review_keys(staff_client) == []
    assert review_keys(staff_client, "&status=rejected") == [low.key]
    # a change of mind: accept after all
    assert decide(staff_client, low.key, ReviewDecision.ACCEPTED).status_code == 302
    assert ReviewDecision.objects.count() == 1
    assert LOW_TEXT in decision_texts(client)


def test_review_page_is_for_staff_only(client, low, django_user_model):
    url = reverse("web:review")
    r = client.get(url)
    assert r.status_code == 302 and "login" in r["Location"]
    assert client.get(url + "?format=json").status_code == 302
    r = decide(client, low.key, ReviewDecision.ACCEPTED)
    assert r.status_code == 302 and "login" in r["Location"]
    member = Client()
    member.force_login(django_user_model.objects.create_user("lezer", password="lees-wachtwoord-1"))
    assert member.get(url).status_code == 302
    assert decide(member, low.key, ReviewDecision.REJECTED).status_code == 302
    assert not ReviewDecision.objects.exists()
    assert LOW_TEXT not in decision_texts(client)


def test_decision_post_requires_csrf_and_post(staff_user, low):
    c = Client(enforce_csrf_checks=True)
    c.force_login(staff_user)
    url = reverse("web:review_decide", args=[low.key])
    assert c.post(url, {"besluit": ReviewDecision.ACCEPTED}).status_code == 403
    assert not ReviewDecision.objects.exists()
    assert c.get(url).status_code == 405
    page = c.get(reverse("web:review")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert c.post(url, {"besluit": ReviewDecision.ACCEPTED, "csrfmiddlewaretoken": token}).status_code == 302
    assert ReviewDecision.objects.get().decision == ReviewDecision.ACCEPTED
    assert c.post(url, {"besluit": "misschien", "csrfmiddlewaretoken": token}).status_code == 400


def test_review_page_filters_by_kind_and_document(staff_client, low, corpus):
    second = build_public(path="/tmp/tweede.txt", salt="2")
    other = Fact.objects.get(file=second, kind="actions", data__id="x2")
    Fact.objects.filter(id=other.id).update(confidence=0.2)
    Fact.objects.filter(file=corpus["secret"], kind="projects").update(confidence=0.1)  # staff review confidential too
    secret = Fact.objects.get(file=corpus["secret"], kind="projects")
    assert review_keys(staff_client) == [secret.key, other.key, low.key]  # least sure first
    assert review_keys(staff_client, "&soort=decisions") == [low.key]
    assert review_keys(staff_client, "&soort=actions") == [other.key]
    assert review_keys(staff_client, f"&document={F.doc_slug(second.sha256)}") == [other.key]
    assert review_keys(staff_client, f"&document={F.doc_slug(corpus['public'].sha256)}&soort=actions") == []
    page = staff_client.get(reverse("web:review")).content.decode()
    assert 'name="soort"' in page and 'name="document"' in page
    assert staff_client.get(reverse("web:review") + "?format=csv").status_code == 200


def test_review_page_query_count_is_constant(staff_client, low, corpus, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Fact.objects.filter(file=corpus["public"], kind="actions", data__id="x1").update(confidence=0.4)
    url = reverse("web:review")
    staff_client.get(url)
    with CaptureQueriesContext(connection) as first:
        assert staff_client.get(url).status_code == 200
    for salt in ("2", "3"):
        f = build_public(path=f"/tmp/{salt}.txt", salt=salt)
        Fact.objects.filter(file=f).update(confidence=0.2)
    with django_assert_max_num_queries(len(first.captured_queries)):
        page = staff_client.get(url)
    assert page.content.decode().count('value="rejected"') > 20


def test_decisions_survive_reingest_with_force(client, staff_client, tmp_path, monkeypatch):
    from regiovolger.ingest import INGESTED, ingest

    monkeypatch.setenv("REGIOVOLGER_PUBLISH_CONFIDENCE", "0.995")  # every fact of the file waits for review
    path = tmp_path / "memo.txt"
    shutil.copy(next(SEEDS.glob("003_*.txt")), path)
    assert ingest([str(path)], workers=1).count(INGESTED) == 1
    facts = list(Fact.objects.order_by("start", "id"))
    assert facts and all(f.confidence is not None and f.confidence < 0.995 and f.key for f in facts)
    keys = list(dict.fromkeys(f.key for f in facts))
    assert len(keys) >= 3
    accepted, rejected, untouched = keys[0], keys[1], keys[2]
    for key in keys[:3]:
        assert client.get(f"/api/facts/{key}/").status_code == 404
        assert staff_client.get(f"/api/facts/{key}/").status_code == 200
    assert set(review_keys(staff_client)) == set(keys)
    assert decide(staff_client, accepted, ReviewDecision.ACCEPTED).status_code == 302
    assert decide(staff_client, rejected, ReviewDecision.REJECTED).status_code == 302
    old_ids = set(Fact.objects.values_list("id", flat=True))

    assert ingest([str(path)], workers=1, force=True).count(INGESTED) == 1
    assert not old_ids & set(Fact.objects.values_list("id", flat=True)), "--force recreates the Fact rows"
    assert client.get(f"/api/facts/{accepted}/").status_code == 200
    assert client.get(f"/api/facts/{accepted}/").json()["to_review"] is False
    assert client.get(f"/api/facts/{rejected}/").status_code == 404
    assert staff_client.get(f"/api/facts/{rejected}/").status_code == 404
    assert client.get(f"/api/facts/{untouched}/").status_code == 404
    assert staff_client.get(f"/api/facts/{untouched}/").json()["to_review"] is True
    assert set(review_keys(staff_client)) == set(keys) - {accepted, rejected}
    assert review_keys(staff_client, "&status=accepted") == [accepted]
    assert review_keys(staff_client, "&status=rejected") == [rejected]


def test_migration_fills_key_and_confidence_of_stored_facts(corpus):
    """Facts stored before key and confidence existed get them from what is stored (0003)."""
    import importlib

    from django.apps import apps

    pub = corpus["public"]
    fact = Fact.objects.get(file=pub, kind="decisions", data__id="d1")
    pub.extraction = {"decisions": [{"id": "d1", "evidence": {"start": fact.start, "end": fact.end,
                                                               "quote": fact.quote, "confidence": 0.42}}]}
    pub.save()
    Fact.objects.filter(file=pub).update(key="", confidence=None)
    importlib.import_module("regiovolger.store.migrations.0003_fact_key_confidence").backfill(apps, None)
    fact.refresh_from_db()
    assert fact.key == F.fact_key(pub.sha256, "decisions", fact.quote) and fact.confidence == 0.42
    assert not Fact.objects.filter(key="").exists()
    assert Fact.objects.filter(file=pub, confidence__isnull=True).count() == Fact.objects.filter(file=pub).count() - 1


def test_review_page_in_english(staff_client, low):
    page = staff_client.get(reverse("web:review"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in page and "To review" in page and "Accept" in page and "Reject" in page
    assert "Te controleren" not in page
