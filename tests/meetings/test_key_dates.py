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


# held-out patterns, in my own wording
MORE_VARIANTS = [
    ("volgend overleg en andere labels", "minutes", """6. Rondvraag
Geen.
Volgend overleg: dinsdag 3 september 2024, 13.00 uur.
Volgende werkgroep: 17 oktober.
""", [
        {"date": "2024-09-03", "title_has": "Volgend overleg", "time": "13:00"},
        {"date": "2024-10-17", "title_has": "Volgende werkgroep"},
    ], "2024-06-20"),
    ("orgaan met datum na de sluiting", "minutes", """Verslag dagelijks bestuur
Datum: 12 september 2024
1. Opening
De voorzitter sluit de vergadering.

Dagelijks bestuur: donderdag 10 oktober 2024.
""", [{"date": "2024-10-10", "title": "Dagelijks bestuur"}], None),
    ("aankondiging in een zin", "minutes", """De volgende commissievergadering is op maandag 14 oktober.
De eerstvolgende vergadering vindt plaats op 8 mei 2025.
""", [
        {"date": "2024-10-14", "title_has": "commissievergadering"},
        {"date": "2025-05-08", "title_has": "vergadering"},
    ], "2024-09-02"),
    ("overleg van een latere datum", "letter", """In de raadsvergadering van 2 februari 2024 heb ik toegezegd u te informeren.
Het plan wordt besproken in het Portefeuillehoudersoverleg van 9 oktober 2024.
""", [{"date": "2024-10-09", "title_has": "Portefeuillehoudersoverleg"}], "2024-09-02"),
    ("gebeurtenis in een besluit en een verschuiving", "minutes", """Besloten wordt de ingebruikname van het nieuwe gemeentehuis op 7 juni 2024 te vieren met een open dag.
De start van de bouw schuift naar het tweede kwartaal van 2026.
""", [
        {"date": "2024-06-07", "title_has": "ingebruikname van het nieuwe gemeentehuis"},
        {"date": None, "date_text": "tweede kwartaal van 2026", "title_has": "start van de bouw"},
    ], "2024-03-12"),
    ("vergaderschema als lijst", "agenda", """Vergaderschema 2025
- dinsdag 21 januari 2025, 19.30 uur
- dinsdag 18 maart 2025, 19.30 uur
""", [
        {"date": "2025-01-21", "title_has": "Vergaderschema", "time": "19:30"},
        {"date": "2025-03-18", "title_has": "Vergaderschema", "time": "19:30"},
    ], "2024-11-20"),
    ("volgende rapportage", "letter", """De resultaten volgen in de volgende kwartaalmonitor Wonen, die u in september 2024 ontvangt.
""", [{"date": None, "date_text": "september 2024", "title_has": "kwartaalmonitor"}], "2024-06-01"),
    ("lijst van dagen met een jaartal achteraan", "agenda", """Vergaderdata
DB: 14 januari, 11 maart en 9 september 2026
""", [
        {"date": "2026-01-14", "title": "DB"},
        {"date": "2026-03-11", "title": "DB"},
        {"date": "2026-09-09", "title": "DB"},
    ], "2025-11-20"),
    ("inspraaktermijn en evenement in lopende tekst", "minutes", """3. Regionale woonagenda
Gemeenten kunnen tot 15 februari 2025 een zienswijze indienen op de ontwerp-woonagenda.
4. Mededelingen
Er komt een open dag in het gemeentehuis, op zaterdag 8 maart 2025. Iedereen is welkom.
""", [
        {"date": "2025-02-15", "title": "zienswijze"},
        {"date": "2025-03-08", "title_has": "open dag"},
    ], "2024-12-10"),
]


@pytest.mark.parametrize("name,type_,body,expected,date", MORE_VARIANTS, ids=[v[0] for v in MORE_VARIANTS])
def test_more_variants(name, type_, body, expected, date):
    text, parts = doc(body, type_, date)
    items = extract_key_dates(text, parts)
    for k in items:
        assert k["evidence"]["quote"] == body[k["evidence"]["start"]:k["evidence"]["end"]]
    assert_facts(items, expected)


def test_eerstvolgende_vergadering_title():
    body = "De eerstvolgende vergadering vindt plaats op 8 mei 2025 in het provinciehuis.\n"
    [k] = extract_key_dates(*doc(body, "minutes", "2025-01-10"))
    assert (k["date"], k["title"]) == ("2025-05-08", "Eerstvolgende vergadering")


# third round of held-out patterns, in my own wording
ROUND3_VARIANTS = [
    ("termijnen voor zienswijzen en reacties", "minutes", """4. Begroting
Besluit: het bestuur stelt de ontwerpbegroting vast. Zienswijzen kunnen tot uiterlijk 2 juni 2025 worden ingediend.
5. Woonvisie
De deelnemers hebben tot 14 april 2025 om hun reactie op de ontwerp-woonvisie te geven.
Reacties van de gemeenten op het concept worden uiterlijk 30 mei 2025 verwacht.
""", [
        {"date": "2025-06-02", "title_has": "zienswijze"},
        {"date": "2025-04-14", "title_has": "woonvisie"},
        {"date": "2025-05-30", "title_has": "reactie"},
    ], "2025-03-20"),
    ("ter inzage van tot en met", "decision_list", """Het ontwerpbestemmingsplan ligt ter inzage van 3 maart tot en
met 14 april 2025.
""", [{"date": "2025-03-03", "title_has": "ter inzage"}], "2025-02-11"),
    ("ondertekening is geen aankondiging", "minutes", """7. Sluiting
De voorzitter sluit de vergadering.

Aldus vastgesteld in de openbare vergadering van 24 juni 2025.
De griffier,            De voorzitter,
""", [], "2025-05-20"),
    ("vervolg als streepjeslijst datum dubbele punt", "memo", """Vervolgstappen
  - 12 mei 2025: informatiebijeenkomst voor ondernemers (Het Anker, 20.00 uur)
  - september 2025: besluit over de subsidie bij de najaarsnota
""", [
        {"date": "2025-05-12", "title_has": "informatiebijeenkomst", "time": "20:00"},
        {"date": None, "date_text": "september 2025", "title_has": "najaarsnota"},
    ], "2025-03-01"),
    ("informeel: volgende keer, uitje en vanaf", "minutes", """4. Mededelingen
De nieuwe regeling voor de bijzondere bijstand gaat in vanaf 1 juli.
De barbecue wordt 21 juni (bij Hanneke in de tuin).
Volgende keer: maandag 2 juni 2025, zelfde tijd.
""", [
        {"date": "2025-07-01", "title_has": "bijzondere bijstand"},
        {"date": "2025-06-21", "title_has": "barbecue"},
        {"date": "2025-06-02", "title_has": "Volgende keer"},
    ], "2025-05-05"),
]


@pytest.mark.parametrize("name,type_,body,expected,date", ROUND3_VARIANTS, ids=[v[0] for v in ROUND3_VARIANTS])
def test_round3_variants(name, type_, body, expected, date):
    text, parts = doc(body, type_, date)
    items = extract_key_dates(text, parts)
    for k in items:
        assert k["evidence"]["quote"] == body[k["evidence"]["start"]:k["evidence"]["end"]]
    assert_facts(items, expected)


def test_range_without_first_year_takes_the_year_of_the_second():
    from regiovolger.dates import find_dates
    ds = find_dates("ter inzage van 3 maart tot en\nmet 14 april 2025, en van 1 mei t/m 5 juni 2026")
    assert [d.date.isoformat() for d in ds] == ["2025-03-03", "2025-04-14", "2026-05-01", "2026-06-05"]
