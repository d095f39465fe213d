"""Municipality pages against a hand-made check set: three real documents ingested, and for five
municipalities the decisions that concern them, written down from reading those documents (a council's
decision list, the minutes of a regional consultation of three municipalities, a regional energy report).
Each page must list at least 0.9 of them, most through the body the municipality belongs to."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.conftest import REAL

pytestmark = pytest.mark.django_db

FILES = ["01_denhelder_gemeenteraad_besluitenlijst_2015-06-29.pdf",
         "06_overijssel_bo-energiegebied-att_verslag_2024-03-18.pdf",
         "13_res-west-overijssel_tussenstand-res-2.0_2023.pdf"]

# the council's decision list of 29 June 2015: every decision of the council concerns its municipality
COUNCIL = ["aan te bevelen voor herbenoeming", "de agenda is hierna vastgesteld",
           "herbenoemen als lid van de rekenkamercommissie", "verordening op de kamerverhuurpanden",
           "het amendement te aanvaarden", "ggd hollands noorden", "evalueerbaarheid programmabegroting",
           "meerjarenbegroting 2017-2019", "jaarstukken 2014 veiligheidsregio", "jaarrekening 2013 van de stichting meerwerf",
           "statutenwijziging stichting meerwerf", "profielschetsen van de raad van toezicht",
           "formulering van de onderzoeksopdracht", "niet wettelijke taken"]
# the consultation of Almelo, Tubbergen and Twenterand of 18 March 2024: its conclusions and decisions
CONSULTATION = ["verslag is besproken en akkoord", "ontwikkelkader att blijft", "toepassing van de normen",
                "bandbreedte", "principe", "begroting"]
CHECK = {
    "gm0400": COUNCIL,  # Den Helder
    "gm0141": CONSULTATION,  # Almelo
    "gm0183": CONSULTATION,  # Tubbergen
    "gm1700": CONSULTATION,  # Twenterand
    "gm0160": ["zoekgebieden voor wind vastgesteld"],  # Hardenberg, in the regional energy report
}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", s)


@pytest.fixture(scope="module")
def real(django_db_setup, django_db_blocker, tmp_path_factory):
    from regiovolger.ingest import ingest
    from regiovolger.store.models import Entity, ResolvedMeeting, SourceFile

    with django_db_blocker.unblock():
        folder = tmp_path_factory.mktemp("real")
        for name in FILES:
            (folder / name).write_bytes((REAL / name).read_bytes())
        assert ingest([str(folder)], workers=2).count("ingested") == len(FILES)
        yield
        SourceFile.objects.all().delete()
        Entity.objects.all().delete()
        ResolvedMeeting.objects.all().delete()


@pytest.mark.parametrize("code", sorted(CHECK))
def test_municipality_page_lists_the_decisions_that_concern_it(client, real, code):
    data = client.get(f"/gemeenten/{code}/?format=json").json()
    texts = [fold(r.get("text") or "") for r in data["besluiten"]]
    found = [p for p in CHECK[code] if any(p in t for t in texts)]
    assert len(found) >= 0.9 * len(CHECK[code]), f"missing on {code}: {sorted(set(CHECK[code]) - set(found))}"


def test_most_of_them_through_the_body(client, real):
    for code in ("gm0400", "gm0141"):
        rows = client.get(f"/gemeenten/{code}/?format=json").json()["besluiten"]
        via = [r for r in rows if r["via"]]
        assert len(via) >= len(rows) / 2, "a body's decisions concern its municipalities without naming them"
        assert all(r["via"].startswith("via ") for r in via)
