import pytest

from regiovolger.extract.commitments import extract_commitments

from ._util import CORPUS, assert_facts, check_golden, corpus_file, doc

VARIANTS = [
    ("wethouder zegt toe in verslag", "minutes", """6. Mobiliteitsplan
Wethouder De Groot zegt toe de raad voor 1 december te informeren over de kosten van de fietsbrug.
""", [{"text_has": "fietsbrug", "made_by": "Wethouder De Groot", "made_to": "de raad", "due": "2024-12-01",
       "fulfilled_here": False}]),
    ("brief die een toezegging nakomt", "letter", """Geachte leden van de raad,

In de commissie Ruimte van 4 maart 2024 heb ik u toegezegd een overzicht te sturen van de leegstaande panden.
Met deze brief geef ik u dat overzicht.

Met vriendelijke groet,

mr. A.B. Jansen
""", [{"text_has": "leegstaande panden", "made_by": "mr. A.B. Jansen", "made_to": "de raad",
       "date_made": "2024-03-04", "fulfilled_here": True}]),
    ("register van toezeggingen", "other", """Lijst van toezeggingen aan de raad
Nr Toezegging Datum Portefeuillehouder Status
T-12 Raad informeren over de aanbesteding van het openbaar vervoer 12-03-2024 wethouder Pieters afgedaan
T-13 Evaluatie van het parkeerbeleid aanbieden 09-04-2024 wethouder Smits open
""", [
        {"text_has": "aanbesteding", "made_by": "wethouder Pieters", "made_to": "de raad", "date_made": "2024-03-12",
         "status": "done"},
        {"text_has": "parkeerbeleid", "made_by": "wethouder Smits", "date_made": "2024-04-09", "status": "open"},
    ]),
    ("algemene verwijzing is geen toezegging", "letter", """Hiermee geef ik invulling aan openstaande moties en toezeggingen.
Er zijn in het debat diverse moties aangenomen en toezeggingen gedaan.
""", []),
]


@pytest.mark.parametrize("name,type_,body,expected", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variants(name, type_, body, expected):
    text, parts = doc(body, type_)
    items = extract_commitments(text, parts)
    for c in items:
        assert c["evidence"]["quote"] == body[c["evidence"]["start"]:c["evidence"]["end"]]
    assert_facts(items, expected)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_golden(path):
    text, parts = corpus_file(str(path))
    check_golden("commitments", path, extract_commitments(text, parts))


def test_seed_003_fulfils_its_commitment():
    text, parts = corpus_file(str(CORPUS[2]))
    [c] = extract_commitments(text, parts)
    assert c["fulfilled_here"] is True and c["made_to"] == "Provinciale Staten"
    assert "overzicht te sturen" in c["text"]


def test_seed_004_lists_four_commitments_with_dates():
    text, parts = corpus_file(str(CORPUS[3]))
    items = extract_commitments(text, parts)
    assert [c["date_made"] for c in items] == ["2016-12-02", "2017-10-13", "2017-04-21", "2017-12-01"]
    assert all(c["made_to"] == "Provinciale Staten" and c["fulfilled_here"] for c in items)
