"""Document types and titles from the content (issue 13, item 7)."""

from __future__ import annotations

import pytest

from regiovolger.document import Text
from regiovolger.segment import segment
from regiovolger.segment.classify import classify


def _parts(s: str):
    return segment(Text(text=s, pages=[], media_type="text/plain"))


NOT_GOVERNANCE = {
    "licence": "MIT License\n\nCopyright (c) 2024 Stichting Voorbeeld\n\nPermission is hereby granted, free of "
               "charge, to any person obtaining a copy of this software.\n\nBesluit: niet van toepassing.\n",
    "code": "import re\nfrom pathlib import Path\n\n\ndef besluit(tekst):\n    return re.sub('x', 'y', tekst)\n\n\n"
            "class Vergadering:\n    pass\n",
    "changelog": "# Changelog\n\n## [1.2.0] - 2024-05-01\n- Besluit: nieuwe versie van de agenda-export\n\n"
                 "## [1.1.0] - 2024-03-01\n- Actie: fout in de notulen hersteld\n",
    "readme": "# Vergaderhulp\n\nEen hulpmiddel voor griffies.\n\n## Installatie\n\n```\npip install vergaderhulp\n"
              "```\n\n| optie | betekenis |\n|---|---|\n| --agenda | de agenda |\n",
}


@pytest.mark.parametrize("name", sorted(NOT_GOVERNANCE))
def test_files_that_are_no_governance_document_are_other(name):
    assert classify(NOT_GOVERNANCE[name])[0] == "other"
    assert {p.type for p in _parts(NOT_GOVERNANCE[name])} == {"other"}


def test_dates_with_dots_are_no_version_numbers():
    letter = ("Provincie Zuiderland\nDatum\n21.05.2024\nOnderwerp: Voortgang fietsbeleid\n\nGeachte leden,\n\n"
              "Met deze brief informeren wij u over de voortgang van het fietsbeleid.\n\n"
              "Met vriendelijke groet,\nGedeputeerde Staten van Zuiderland\n")
    assert classify(letter)[0] == "letter"


PRESS = """P E R S B E R I C H T
Lindendal, 3 april 2031
Alleen nog schone bussen in de regio
De provincie gaat vanaf 2032 alleen nog emissievrije bussen inzetten. Dat staat in een brief aan de gemeenten.
Meer informatie staat in deze Kamerbrief van 1 maart 2031 van de minister.
"""


def test_a_press_release_is_other_and_titled_by_its_headline():
    [part] = _parts(PRESS)
    assert part.type == "other"
    assert part.title == "Alleen nog schone bussen in de regio"


LETTER_TO_STATES = """Provinciale Staten van Zuiderland
Postbus 100
1000 AA Lindendal
Kenmerk
2031-0001
Onderwerp: Voortgang windbeleid
Datum verzending
22.05.2031

Met deze brief informeren wij u over de voortgang van het windbeleid. De afgelopen maanden hebben we veel
reacties ontvangen. Aanwezig waren vertegenwoordigers van alle gemeenten op de informatieavond.

Gedeputeerde Staten van Zuiderland,
de voorzitter,
"""


def test_a_letter_is_titled_by_its_subject_and_typed_by_its_writing():
    [part] = _parts(LETTER_TO_STATES)
    assert part.type == "letter"
    assert part.title == "Voortgang windbeleid"


MINISTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 3 april 2031
Betreft Voortgang regiodeals

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de voortgang van de regiodeals.

Hoogachtend,

de minister van Binnenlandse Zaken en Koninkrijksrelaties,
"""


def test_a_ministers_letter_to_parliament_is_a_parliamentary_letter():
    [part] = _parts(MINISTER)
    assert part.type == "parliamentary_letter"
    assert part.title == "Voortgang regiodeals"
    assert part.organisation == "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
