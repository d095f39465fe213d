"""The votes kind end to end: a decision list read from a file, stored, on its meeting page and in the API."""

from __future__ import annotations

import pytest

from regiovolger.store.models import Fact
from regiovolger.web import facts as F

pytestmark = pytest.mark.django_db

DECISION_LIST = """Besluitenlijst van de openbare vergadering van de gemeenteraad van Oosterveld
Datum: 14 maart 2031, 19.30 uur, raadzaal

1. Opening
De voorzitter opent de vergadering.

2. Raadsvoorstel Parkeerbeleid 2031
Het raadsvoorstel Parkeerbeleid 2031 wordt met 16 stemmen voor en 14 tegen aangenomen.
Voor: GroenLinks, PvdA en D66
Tegen: VVD en CDA

3. Motie Groen in de wijk
De motie Groen in de wijk wordt verworpen.

4. Sluiting
"""


def test_votes_from_file_to_meeting_page_and_api(tmp_path, client):
    from regiovolger.ingest import INGESTED, ingest

    path = tmp_path / "besluitenlijst.txt"
    path.write_text(DECISION_LIST, encoding="utf-8")
    assert ingest([str(path)], workers=1).count(INGESTED) == 1

    votes = list(Fact.objects.filter(kind="votes").order_by("start"))
    assert [(v.data["outcome"], v.data["votes_for"], v.data["votes_against"]) for v in votes] == [
        ("adopted", 16, 14), ("rejected", None, None)]
    assert all(DECISION_LIST[v.start:v.end] == v.quote for v in votes)
    meeting = Fact.objects.get(kind="meetings")
    assert all(v.data["meeting"] == meeting.data["id"] for v in votes)

    from django.contrib.auth.models import AnonymousUser

    [row] = F.load(AnonymousUser(), "meetings")
    page = client.get(f"/vergaderingen/{row.key}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Stemmingen" in html and "aangenomen" in html and "verworpen" in html and "GroenLinks" in html

    api = client.get("/api/facts/", {"kind": "votes"})
    assert api.status_code == 200
    body = api.json()
    rows = body["results"] if isinstance(body, dict) and "results" in body else body
    assert {r["data"]["outcome"] if "data" in r else r["outcome"] for r in rows} == {"adopted", "rejected"}
