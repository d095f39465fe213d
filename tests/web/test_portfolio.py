"""The project portfolio on ingested seeds: totals are sums of linked amounts, counted once,
outliers go to review, and money reads as Dutch money (issue 13, item 6)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from regiovolger.store.models import Fact, SourceFile
from regiovolger.web import facts as F
from regiovolger.web.models import ReviewDecision
from regiovolger.web.portfolio import portfolio
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(tmp_path):
    from regiovolger.ingest import INGESTED, ingest

    paths = []
    for name in ("000", "002", "004"):
        src = next(SEEDS.glob(f"{name}_*.txt"))
        shutil.copy(src, tmp_path / src.name)
        paths.append(str(tmp_path / src.name))
    assert ingest(paths, workers=1).count(INGESTED) == 3
    return paths


def _json(client, url="/projecten/.json"):
    r = client.get(url)
    assert r.status_code == 200
    return r.json()


def test_every_total_is_the_sum_of_its_linked_amounts(seeds, client):
    page = _json(client)
    counted = [Decimal(str(r["amount"])) for r in page["bedragen"]]
    total = Decimal(str(page["total_eur"]))
    assert counted and total == sum(counted)
    for chart in ("geld-per-lijn", "geld-per-omvang"):
        assert sum(Decimal(str(r["value"])) for r in page[chart]) == total, chart
    # each amount links to its own passage: the document's text holds it there
    texts = dict(SourceFile.objects.values_list("id", "text"))
    entries = portfolio(F.load(AnonymousUser(), "projects"), AnonymousUser())
    linked = [a for e in entries for a in e.amounts]
    assert linked
    for a in linked:
        file_id, start, end = a.span
        assert " ".join(texts[file_id][start:end].split()) == a.text
        assert "#f" in a.url
        fact = Fact.objects.get(id=int(a.url.rsplit("#f", 1)[1]))
        assert (fact.file_id, fact.start, fact.end) == a.span


def test_footnote_gone_and_regional_deal_counted_once(seeds, client):
    page = _json(client)
    rows = page["bedragen"] + page["te-controleren"]
    values = [r["amount"] for r in rows]
    assert 1_500_000_000 not in values
    assert values.count(130_000_000) == 1
    assert all(r["value"] < 1_500_000_000 for r in page["geld-per-lijn"])


def test_an_outlier_waits_for_review_until_accepted(seeds, client, staff_client):
    page = _json(client)
    outliers = {r["project"]: r["amount"] for r in page["te-controleren"]}
    deal = next(name for name, v in outliers.items() if v == 130_000_000)
    assert all(r["amount"] < 130_000_000 for r in page["bedragen"])
    html = staff_client.get("/projecten/").content.decode()
    assert "Te controleren" in html and 'value="accepted"' in html
    [row] = [r for r in F.load(AnonymousUser(), "projects") if r.data.get("name") == deal]
    r = staff_client.post(f"/te-controleren/{row.key}/beoordelen/", {"besluit": ReviewDecision.ACCEPTED,
                                                                      "next": "/projecten/"})
    assert r.status_code == 302
    page = _json(client)
    assert deal in [x["project"] for x in page["bedragen"]]
    assert deal not in [x["project"] for x in page["te-controleren"]]
    assert Decimal(str(page["total_eur"])) == sum(Decimal(str(x["amount"])) for x in page["bedragen"])


def test_money_reads_as_dutch_money(seeds, client):
    pages = ["/projecten/"] + [f"/projecten/{r.key}/" for r in F.load(AnonymousUser(), "projects")
                               if any(r.data.get(k) for k in ("budget_eur", "total_cost_eur", "requested_eur"))]
    assert len(pages) > 3
    for url in pages:
        html = client.get(url).content.decode()
        visible = re.sub(r"<[^>]+>", " ", html)
        assert not re.search(r"(?<![\w.,/#-])\d{5,}(?:\.\d+)?(?![\w.,])", visible), url
    html = client.get("/projecten/").content.decode()
    assert "€ 331.876" in html
