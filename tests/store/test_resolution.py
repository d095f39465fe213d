"""Resolution across stored files: one meeting for its agenda and minutes, people merged, links kept."""

from __future__ import annotations

import pytest

from regiovolger.ingest import ingest
from regiovolger.store.models import Entity, Link, ResolvedMeeting

pytestmark = pytest.mark.django_db

AGENDA = """Agenda vergadering Dagelijks Bestuur
Datum: 12 maart 2025
Tijd: 10:00 - 12:00 uur
Locatie: Stadhuis

1. Opening
2. Vaststellen van het verslag van 12 februari 2025
3. Begroting 2026
"""

MINUTES_FEB = """Verslag vergadering Dagelijks Bestuur
Datum: 12 februari 2025
Tijd: 10:00 - 11:30 uur
Aanwezig: Jan van Dam (voorzitter), Petra Smit (secretaris)

1. Opening
De voorzitter opent de vergadering.
2. Jaarplan
Het bestuur stemt in met het jaarplan.
Actie: Petra Smit stuurt het jaarplan naar de gemeenten.
"""

MINUTES_MAR = """Verslag vergadering Dagelijks Bestuur
Datum: 12 maart 2025
Tijd: 10:00 - 12:00 uur
Aanwezig: J. van Dam (voorzitter), P. Smit (secretaris)

1. Opening
2. Vaststellen van het verslag van 12 februari 2025
Het verslag wordt ongewijzigd vastgesteld.
3. Begroting 2026
Het bestuur stemt in met de begroting 2026.
"""


def test_meetings_people_and_links_across_files(tmp_path):
    for name, body in (("agenda.txt", AGENDA), ("verslag-feb.txt", MINUTES_FEB), ("verslag-mrt.txt", MINUTES_MAR)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    report = ingest([str(tmp_path)], workers=1)
    assert report.count("ingested") == 3
    march = ResolvedMeeting.objects.get(date="2025-03-12")
    assert ResolvedMeeting.objects.filter(date="2025-02-12").count() == 1
    assert len({m["file"] for m in march.data["mentions"]}) == 2, "agenda and minutes are one meeting"
    names = set(Entity.objects.filter(kind="person").values_list("name", flat=True))
    assert "Jan van Dam" in names and "J. van Dam" not in names
    adopts = Link.objects.filter(kind="adopts_minutes")
    assert any(link.target.get("id", "").endswith("2025-02-12") for link in adopts)
