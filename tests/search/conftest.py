"""Hand-written Dutch documents, ingested through the real ingest path for every search test."""

from __future__ import annotations

import pytest

DOCS = {
    "besluitenlijst.txt": """Gemeente Harlingen

Besluitenlijst van de openbare vergadering van de gemeenteraad

Datum: 14 mei 2024

1. Woningbouwafspraken regio
De raad besluit in te stemmen met de woningbouwafspraken voor de periode 2024-2030.

2. Subsidieregeling duurzaamheid
De raad stelt de subsidieregeling voor zonnepanelen vast. De financiële gevolgen zijn verwerkt in de begroting.
""",
    "memo.txt": """Memo

Aan: college van burgemeester en wethouders
Van: afdeling ruimte
Datum: 3 oktober 2023
Onderwerp: Verkeersveiligheid rond scholen

De gemeente Tiel wil de verkeersveiligheid rond basisscholen verbeteren. Wethouder Anna Visser stelt een snelheidsbeperking voor in de schoolzones. Het advies van de Raad van State over het bestemmingsplan is verwerkt.

Ouders en leerkrachten zijn geraadpleegd tijdens een bewonersavond.
""",
    "notitie.txt": """VERTROUWELIJK

Notitie

Aan: college van burgemeester en wethouders
Van: directeur bedrijfsvoering
Datum: 5 februari 2024
Onderwerp: Grondaankoop Culemborg

De onderhandelingen over de grondaankoop in Culemborg voor woningbouw lopen nog. Het bod bedraagt € 2,4 miljoen.
""",
    "brief.txt": """Gemeente Zaltbommel

Aan de leden van de gemeenteraad
Datum: 20 juni 2022
Onderwerp: Voortgang jeugdzorg

Geachte leden van de raad,

Hierbij informeren wij u over de voortgang van de jeugdzorg in Zaltbommel. De kosten van de jeugdzorg stijgen. Wij nemen maatregelen om de wachtlijsten te verkorten.

Met vriendelijke groet,

Het college van burgemeester en wethouders
""",
}


@pytest.fixture
def corpus(tmp_path):
    """The four documents, ingested; returns {file name: SourceFile}."""
    from regiovolger.ingest import ingest
    from regiovolger.search import get_backend
    from regiovolger.store.models import SourceFile

    get_backend().clear()
    folder = tmp_path / "stukken"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest([str(folder)], workers=1)
    assert report.count("ingested") == len(DOCS)
    files = {f.path.rsplit("/", 1)[-1]: f for f in SourceFile.objects.all()}
    yield files
    get_backend().clear()
