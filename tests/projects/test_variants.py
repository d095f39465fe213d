"""Hand-written variants in other house styles, each with the facts it must yield."""

from __future__ import annotations

import pytest

from regiovolger.capacity import capacity, format_range
from regiovolger.extract.organisations import find_organisations

from .helpers import by_name, run_text

# (id, part type, text, expected: {name fragment: {field: value}}, expected project count)
VARIANTS = [
    ("table-flattened", "programme", """Jaarplan 2024

Leeswijzer: klein project < 5 uur/week, middelgroot project 5 – 15 uur/week, groot project > 15 uur/week

Programmalijn: Vitale kernen

Doel Activiteiten 2024 Bestuurlijk opdrachtgever

Dorpshuizen toekomstbestendig maken

Inventarisatie van alle dorpshuizen en een plan van aanpak.

Dorpshuizenscan
Klein project
BO: Anna de Wit

Mobiliteitsplan
Groot project
BO: Karel Smit (Lotte Bos copiloot)
""", {"Dorpshuizenscan": {"size": "small", "administrative_clients": ["Anna de Wit"],
                         "hours_per_week": {"min": 0, "max": 5}, "programme_line": "Vitale kernen"},
      "Mobiliteitsplan": {"size": "large", "administrative_clients": ["Karel Smit", "Lotte Bos"],
                          "hours_per_week": {"min": 15, "max": None}}}, 2),
    ("omvang-label", "programme", """Programma: Duurzaamheid

Thema: Energie

Zonnedaken scholen
Omvang: middelgroot
Bestuurlijk opdrachtgever: wethouder Jansen
Budget € 45.000
""", {"Zonnedaken scholen": {"size": "medium", "programme": "Duurzaamheid", "programme_line": "Energie",
                            "budget_eur": 45000}}, 1),
    ("project-marker-row", "programme", """Doelen Activiteiten Bestuurlijk opdrachtgever

Minder schulden bij jongeren.

Project: Vroegsignalering schulden in alle gemeenten (€ 80.000).

Middelgroot project
BO: Fatima el Amrani
""", {"Vroegsignalering schulden": {"size": "medium", "budget_eur": 80000,
                                   "administrative_clients": ["Fatima el Amrani"]}}, 1),
    ("same-line-cell", "programme", """Thema Activiteiten BO

Jeugdhulp regionaal inkopen (vier gemeenten) Groot project
BO: Bram Hendriks, Els Verhoeven
""", {"Jeugdhulp regionaal inkopen (vier gemeenten)": {
        "size": "large", "administrative_clients": ["Bram Hendriks", "Els Verhoeven"]}}, 1),
    ("region-members", "programme", """De Regio Rivierenkant is het samenwerkingsverband van vier gemeenten: Zutphen, Lochem, Brummen en Voorst.

Doelen Activiteiten Bestuurlijk opdrachtgever

Snel internet voor iedereen.

In de regio samen aanbesteden.

Glasvezel buitengebied
Klein project
BO: Henk Mulder
""", {"Glasvezel buitengebied": {"municipalities": ["Zutphen", "Lochem", "Brummen", "Voorst"]}}, 1),
    ("application-form", "application_form", """Aanvraagformulier subsidie Programma Grensland 2030 – deel I

1 Naam project
Fietsroute langs de grens (FLG)

2 Aanvrager (rechtspersoon)
Stichting Grenswerk

3 Looptijd (start- en einddatum)
1 maart 2025 tot 28 februari 2027

4 Totale kosten en financiering
Totale kosten € 250.000
Cofinanciering
€ 100.000
Gevraagde subsidie
€ 150.000
""", {"Fietsroute langs de grens": {"applicant": "Stichting Grenswerk", "start": "2025-03-01",
                                   "end": "2027-02-28", "total_cost_eur": 250000, "cofinancing_eur": 100000,
                                   "requested_eur": 150000, "programme": "Grensland 2030"}}, 1),
    ("application-months", "application_form", """Projectaanvraag Innovatiefonds

Projectnaam: Slimme lantaarnpalen
Penvoerder: Gemeente Oss
Projectperiode: april 2024 t/m maart 2025
Totale projectkosten: € 1,2 miljoen
Eigen bijdrage: 2 ton
Gevraagde bijdrage: € 300.000
""", {"Slimme lantaarnpalen": {"applicant": "Gemeente Oss", "start": "2024-04-01", "end": "2025-03-31",
                              "total_cost_eur": 1200000, "cofinancing_eur": 200000, "requested_eur": 300000}}, 1),
    ("assessment", "assessment_report", """Beoordeling aanvraag

1. Naam project: Buurtbus Noord
2. Looptijd van het project: 01-06-2024 t/m 31-05-2026
3. Toetsingscriteria
Het project draagt bij aan de doelen: JA
Er is voldoende cofinanciering: NEE
De begroting is sluitend: JA
4. Advies
Besluit: afwijzen, de cofinanciering ontbreekt.
""", {"Buurtbus Noord": {"start": "2024-06-01", "end": "2026-05-31",
                        "assessment": {"criteria": [
                            {"criterion": "Het project draagt bij aan de doelen", "met": True},
                            {"criterion": "Er is voldoende cofinanciering", "met": False},
                            {"criterion": "De begroting is sluitend", "met": True}],
                            "decision": {"text": "afwijzen, de cofinanciering ontbreekt.", "outcome": "negative",
                                         "label": "Besluit"}}}}, 1),
    ("memo-pilots", "memo", """Geachte leden van de raad,

Hierbij informeer ik u over de pilots van het programma Gezond Opgroeien.

Pilot Kansrijke Start
In de pilot Kansrijke Start werken de gemeenten Deventer en Raalte samen met de GGD IJsselland.

Pilot Gezonde School
Met de pilot Gezonde School ondersteunen we scholen in Zwolle. Het programma Gezond Opgroeien betaalt de coach.

Overige activiteiten
Daarnaast zijn er bijeenkomsten.

Met vriendelijke groet,
""", {"Pilot Kansrijke Start": {"kind": "pilot", "municipalities": ["Deventer", "Raalte"],
                               "programme": "Gezond Opgroeien"},
      "Pilot Gezonde School": {"municipalities": ["Zwolle"]}}, 2),
    ("memo-projects-former", "letter", """Beste Statenleden,

Stand van zaken van twee projecten:

Dorpsvisie Maasdorpen
In het project Dorpsvisie Maasdorpen werken de voormalige gemeenten Haaren en Vught samen met Stichting Dorpsleven.

Kerkenvisie
De Kerkenvisie is een project van de gemeente Oss en Waterschap Aa en Maas.

Met vriendelijke groet,
""", {"Dorpsvisie Maasdorpen": {"municipalities": ["Haaren", "Vught"],
                               "organisations": ["Stichting Dorpsleven"]},
      "Kerkenvisie": {"municipalities": ["Oss"]}}, 2),
    ("titled-amount", "programme", """Programma: Economie

Thema's Activiteiten 2025

Innovatie Campus Noord
Samen met de hogeschool bouwen we een campus. De provincie draagt € 2,5 miljoen bij als cofinanciering.

Innovatie Datalab
Een datalab voor het mkb.
""", {"Campus Noord": {"cofinancing_eur": 2500000, "programme": "Economie"}}, 1),
    ("range-and-words", "programme", """Doelen Activiteiten BO

Wonen voor starters

Starterslening regionaal
Middelgroot project
BO: Ilse de Graaf
Hiervoor is 200 tot 300K beschikbaar.
""", {"Starterslening regionaal": {"budget_eur": 200000}}, 1),
    ("no-projects-in-prose", "memo", """Geachte raad,

Het college heeft besloten de begroting vast te stellen. Er is een klein project gestart met twee
medewerkers, maar dat valt buiten dit voorstel.

Met vriendelijke groet,
""", {}, 0),
    ("legend-is-not-a-cell", "programme", """Leeswijzer
• klein project < 4 uur/week
• middelgroot project = 4 – 12 uur/week
• groot project > 12 uur/week
""", {}, 0),
]


@pytest.mark.parametrize("vid,ptype,text,expected,count", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant(vid, ptype, text, expected, count):
    title = text.strip().splitlines()[0].strip()
    projects = run_text(text, ptype, title)
    assert len(projects) == count, [p["name"] for p in projects]
    for fragment, fields in expected.items():
        p = by_name(projects, fragment)
        for key, value in fields.items():
            assert p[key] == value, (fragment, key, p[key])
    for p in projects:
        ev = p["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]


def test_amount_ranges_keep_upper_bound():
    projects = run_text(VARIANTS[11][2])
    (amount,) = by_name(projects, "Starterslening")["amounts"]
    assert (amount["value_eur"], amount["max_eur"]) == (200000, 300000)


def test_capacity_counts_copilot_fully_and_once_in_total():
    projects = run_text(VARIANTS[0][2], "programme", "Jaarplan 2024")
    result = capacity(projects)
    rows = {r["key"]: r for r in result["by_client"]}
    assert format_range(rows["Karel Smit"]) == "≥ 15 uur/week"
    assert format_range(rows["Lotte Bos"]) == "≥ 15 uur/week"
    assert format_range(rows["Anna de Wit"]) == "0–5 uur/week"
    assert result["total"]["min_hours"] == 15 and result["total"]["max_hours"] is None
    split = {r["key"]: r for r in capacity(projects, split=True)["by_client"]}
    assert split["Lotte Bos"]["min_hours"] == 7.5
    lines = {r["key"]: r for r in result["by_line"]}
    assert lines["Vitale kernen"]["projects"] == ["Dorpshuizenscan", "Mobiliteitsplan"]


@pytest.mark.parametrize("text,name,kind,alias", [
    ("Samen met de Provincie Gelderland", "Provincie Gelderland", "province", None),
    ("overleg met gemeente Ede en de partners", "Gemeente Ede", "municipality", None),
    ("het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "Ministerie van Binnenlandse Zaken en "
     "Koninkrijksrelaties", "national_government", None),
    ("met Waterschap Rijn en IJssel", "Waterschap Rijn", "water_board", None),
    ("uitgevoerd door Stichting Buurtwerk Oost.", "Stichting Buurtwerk Oost", "foundation", None),
    ("partner Bouwbedrijf Jansen B.V. levert", "Bouwbedrijf Jansen B.V.", "company", None),
    ("met ROC Midden Nederland werken we", "ROC Midden Nederland", "education", None),
    ("het Regionaal Energie Netwerk (REN) adviseert", "Regionaal Energie Netwerk", "other", "REN"),
])
def test_organisation_rules(text, name, kind, alias):
    found = find_organisations(text)
    assert [(o.name, o.kind, o.alias) for o in found] == [(name, kind, alias)]
