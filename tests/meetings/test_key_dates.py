import pytest

from regiovolger.extract.key_dates import extract_key_dates

from ._util import CORPUS, assert_facts, check_golden, corpus_file, doc

VARIANTS = [
    ("vergaderdata met jaarwisseling", "minutes", """Vergaderdata
- 14 november: algemeen bestuur (19.30 uur, gemeentehuis)
- 9 januari: nieuwjaarsbijeenkomst (voorlopig)
""", [
        {"date": "2024-11-14", "title_has": "algemeen bestuur", "time": "19:30", "tentative": False},
        {"date": "2025-01-09", "title_has": "nieuwjaarsbijeenkomst", "tentative": True},
    ], "2024-11-01"),
    ("volgende vergadering in een zin", "minutes", """8. Sluiting
De volgende vergadering is op donderdag 12 december om 14.00 uur.
""", [{"date": "2024-12-12", "time": "14:00", "title_has": "volgende vergadering"}], "2024-11-01"),
    ("kwartaal en vage data", "agenda", """Belangrijke data:
Q2 2025: werkconferentie
eind oktober: oplevering concept-regioplan
""", [
        {"date": None, "date_text": "Q2 2025", "title_has": "werkconferentie"},
        {"date": None, "date_text": "eind oktober", "title_has": "regioplan"},
    ], "2024-09-01"),
    ("titel voor de data", "minutes", """Geplande bijeenkomsten
* Stuurgroep: maandag 3 februari en maandag 7 april
""", [
        {"date": "2025-02-03", "title": "Stuurgroep"},
        {"date": "2025-04-07", "title": "Stuurgroep"},
    ], "2025-01-10"),
    ("data in een toelichting zonder aankondiging", "minutes", """Het rapport verscheen op 3 mei 2023 en is op 12 juni besproken.
""", [], "2024-01-10"),
]


@pytest.mark.parametrize("name,type_,body,expected,date", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variants(name, type_, body, expected, date):
    text, parts = doc(body, type_, date)
    items = extract_key_dates(text, parts)
    for k in items:
        assert k["evidence"]["quote"] == body[k["evidence"]["start"]:k["evidence"]["end"]]
    assert_facts(items, expected)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_golden(path):
    text, parts = corpus_file(str(path))
    check_golden("key_dates", path, extract_key_dates(text, parts))


def test_seed_001_planned_meetings():
    text, parts = corpus_file(str(CORPUS[0]))
    items = extract_key_dates(text, parts)
    assert [(k["date"], k["title"]) for k in items if k["date"]] == [
        ("2020-09-01", "Ambtelijk Pact"), ("2020-11-03", "Ambtelijk Pact"), ("2020-10-01", "Bestuurlijk Pact"),
        ("2020-12-03", "Bestuurlijk Pact"), ("2020-11-18", "arbeidsmarktcongres")]
    assert items[0]["date_text"] == "eind oktober" and items[0]["date"] is None
