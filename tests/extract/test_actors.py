"""Who a name as written denotes: a person, an office, a group, a body or a municipality (vocabularies in
nl/data/actors.toml and nl/data/bodies.toml); bodies' types, canonical names and owners."""

from __future__ import annotations

import pytest

from regiovolger import actors as A


@pytest.mark.parametrize("raw, kind, name", [
    ("mevrouw A.B. Jansen", A.PERSON, "A.B. Jansen"),
    ("Jansen", A.PERSON, "Jansen"),
    ("wethouder Kramer", A.PERSON, "Kramer"),
    ("de wethouder", A.ROLE, "wethouder"),
    ("De voorzitter", A.ROLE, "voorzitter"),
    ("de gedeputeerde", A.ROLE, "gedeputeerde"),
    ("de burgemeester", A.ROLE, "burgemeester"),
    ("allen", A.GROUP, "allen"),
    ("iedereen", A.GROUP, "iedereen"),
    ("de werkgroep", A.GROUP, "De werkgroep"),
    ("Initiatiefnemers", A.GROUP, "Initiatiefnemers"),
    ("de provincie", A.BODY, "de provincie"),
    ("het college", A.BODY, "het college"),
    ("Gedeputeerde Staten van Utrecht", A.BODY, "Gedeputeerde Staten van Utrecht"),
    ("de minister van EZ", A.BODY, "Ministerie van EZ"),
    ("Zutphen", A.MUNICIPALITY, "Zutphen"),
    ("Gemeente Lochem", A.MUNICIPALITY, "Lochem"),
    ("Enpuls B.V.", A.BODY, "Enpuls B.V"),
])
def test_classify(raw, kind, name):
    actor = A.classify(raw)
    assert (actor.kind, actor.name) == (kind, name)


def test_offices_groups_and_bodies_are_no_people():
    for raw in ("allen", "de wethouder", "de provincie", "Gemeente Zutphen", "Stuurgroep", "Tilburg University"):
        assert A.classify(raw).kind != A.PERSON, raw
    assert A.classify("allen").everyone and not A.classify("de werkgroep").everyone


def test_body_types_canonical_names_and_owners():
    assert A.body_type("Gemeenteraad Zutphen") == "municipal_council"
    assert A.body_type("Algemeen Bestuur") == "board"
    assert A.body_type("Veiligheidsregio Gelderland-Midden") == "region"
    assert A.body_type("Waterschap Rijn en IJssel") == "water_board"
    assert A.canonical_body("Ministerie van EZK")[0] == "Ministerie van Economische Zaken"
    assert A.canonical_body("Provincie Gelderl")[0] == "Provincie Gelderland", "a cut-off province name"
    assert A.canonical_body("Overleg Noord – Zuid (ONZ)") == ("Overleg Noord Zuid", ["ONZ"])
    assert A.canonical_body("de provincie Gelderland")[0] == "Provincie Gelderland"
    assert A.owner_of("Gemeenteraad Zutphen") == ("Zutphen", "GM0301")
    assert A.owner_of("Algemeen Bestuur") == (None, None)
    assert A.initialism("Veiligheidsregio NHN") == A.initialism("Veiligheidsregio Noord-Holland Noord")
