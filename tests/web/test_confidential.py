"""The confidential document never reaches an anonymous visitor; staff do see it (so the check can fail)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from regiovolger.web import facts as F

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(raw))
        return " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    return raw.decode("utf-8", "replace")


def surfaces(corpus):
    lists = ["web:home", "web:documents", "web:meetings", "web:actions", "web:decisions", "web:commitments",
             "web:projects", "web:municipalities", "web:people", "web:organisations", "web:calendar"]
    urls = []
    for name in lists:
        base = reverse(name)
        urls += [base, base + "?format=json", base + "?format=csv", base + "?format=xlsx"]
    urls += [reverse("web:actions") + "?status=alle&format=json", reverse("web:calendar") + "?periode=alle",
             reverse("web:search") + "?q=onderhandelen", reverse("web:search") + "?q=aankoop&format=json",
             reverse("web:decisions_feed"), reverse("web:calendar_ics"), "/api/documents/", "/api/parts/",
             "/api/facts/", "/api/facts/?kind=decisions", "/api/facts/?kind=projects&limit=500",
             reverse("web:municipality", args=["gm0262"]), reverse("web:person", args=["ilse-rademaker"]),
             reverse("web:projects") + "?format=csv&table=geld-per-lijn"]
    return urls


def test_absent_from_every_anonymous_surface(client, staff_client, corpus):
    seen_by_staff = 0
    for url in surfaces(corpus):
        r = client.get(url)
        assert r.status_code == 200, url
        assert SECRET not in body(r), f"confidential text on {url}"
        assert "1.250.000" not in body(r) and "1250000" not in body(r), url
        if SECRET in body(staff_client.get(url)):
            seen_by_staff += 1
    assert seen_by_staff >= 15, "staff must see the confidential document on most surfaces"


def test_confidential_document_urls_are_not_found(client, staff_client, corpus):
    sec = corpus["secret"]
    slug = F.doc_slug(sec.sha256)
    for url in (reverse("web:document", args=[slug]), reverse("web:document_original", args=[slug]),
                f"/api/documents/{slug}/", reverse("web:municipality", args=[F.slug(f"{SECRET}stad")]),
                reverse("web:person", args=[F.slug(f"Verkoper {SECRET}")]),
                reverse("web:organisation", args=[F.slug(f"{SECRET} Grond BV")])):
        assert client.get(url).status_code == 404, url
    assert staff_client.get(reverse("web:document", args=[slug])).status_code == 200
    from regiovolger.store.models import Fact

    for fact in Fact.objects.filter(file=sec):
        key = F.fact_key(sec.sha256, fact.kind, fact.quote)
        assert client.get(f"/api/facts/{key}/").status_code == 404
        assert staff_client.get(f"/api/facts/{key}/").status_code == 200
        if fact.kind == "projects":
            assert client.get(reverse("web:project", args=[key])).status_code == 404


def test_confidential_part_of_a_public_file_is_redacted(client, staff_client, corpus):
    """A bundle with one confidential part: the file shows, that part's text and facts do not."""
    from regiovolger.store.models import Part

    pub = corpus["public"]
    Part.objects.filter(file=pub, key="p2").update(confidential=True)
    slug = F.doc_slug(pub.sha256)
    page = client.get(reverse("web:document", args=[slug])).content.decode()
    assert "Groene Schoolpleinen" not in page and "vertrouwelijk deel weggelaten" in page
    assert "Fietsroute langs de beek" in page
    assert client.get(reverse("web:document_original", args=[slug])).status_code == 404
    assert "Groene Schoolpleinen" not in client.get(reverse("web:projects")).content.decode()
    assert "Groene Schoolpleinen" in staff_client.get(reverse("web:document", args=[slug])).content.decode()
