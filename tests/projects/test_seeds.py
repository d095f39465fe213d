"""Seeds 000, 002, 003: golden files plus hand-checked assertions item by item."""

from __future__ import annotations

import pytest

from .helpers import by_name, golden_view, load_golden, run_seed

REGION_NINE = {"Dongen", "Gilze en Rijen", "Goirle", "Heusden", "Hilvarenbeek", "Loon op Zand", "Oisterwijk",
               "Tilburg", "Waalwijk"}


@pytest.fixture(scope="module")
def seed000():
    return run_seed("000")


@pytest.fixture(scope="module")
def seed002():
    return run_seed("002")


@pytest.fixture(scope="module")
def seed003():
    return run_seed("003")


@pytest.mark.parametrize("name", ["000", "002", "003"])
def test_golden(name, request):
    text, projects = request.getfixturevalue(f"seed{name}")
    golden = load_golden(name, projects)
    view = golden_view(projects)
    assert len(view) == len(golden)
    for got, want in zip(view, golden):
        assert got == want, f"project {want['name']!r} changed"


@pytest.mark.parametrize("name", ["000", "002", "003"])
def test_evidence_is_a_slice(name, request):
    text, projects = request.getfixturevalue(f"seed{name}")
    for p in projects:
        ev = p["evidence"]
        assert text.text[ev["start"]:ev["end"]] == ev["quote"]
        assert ev["quote"].strip()
        for a in p["amounts"]:
            assert text.text[a["evidence"]["start"]:a["evidence"]["end"]] == a["evidence"]["quote"] == a["text"]


# name fragment, size, administrative clients
SEED000 = [
    ("N261/N269", "medium", ["Ted van de Loo", "Gerard Bruijniks"]),
    ("LDD + Schil", "medium", ["Gerard Bruijniks"]),
    ("Hotelmarktonderzoek", "small", ["Frank van Wel", "Berend de Vries"]),
    ("Regionaal perspectief op wonen", "small", ["Thom Blankers", "Gerard Bruijniks"]),
    ("Huisvesting bijzondere doelgroepen", "small", ["Thom Blankers", "Gerard Bruijniks"]),
    ("Stikstof", "small", ["Ted van de Loo"]),
    ("Mestbewerking", "small", ["Ted van de Loo"]),
    ("Huisvesting Arbeidsmigranten", "medium", ["Thom Blankers"]),
    ("REKS", "large", ["Gerard Bruijniks"]),
    ("Circulaire Economie", None, ["Ariane Zwarts"]),
    ("VANG", "small", ["Gerard Bruijniks"]),
    ("Een Gezond Leisure Klimaat", None, ["Mario Jacobs"]),
    ("Regiobod", "small", ["Mario Jacobs"]),
    ("Weer Thuis", None, ["Rolph Dols", "Ariane Zwarts"]),
    ("Sluitende aanpak personen met verward gedrag", "medium", []),
    ("Huiselijk Geweld en Kindermishandling", "large", ["Marcelle Hendrikx"]),
    ("(programmalijn 3 van 4): Ieder kind groeit veilig op", "large", ["Peter van Steen", "Dilek Odabasi"]),
    ("(programmalijn 2 van 4): Ieder kind voelt zich thuis op school", "large", ["Piet Poos", "Petra Lepolder"]),
    ("innovatienetwerk Jeugd", None, ["Aletta van der Veen"]),
    ("Zorgen Doen We Samen", "medium", ["Gerrit Overmans", "Marijo Immink"]),
    ("(programmalijn 1 van 4): Snel op de juiste plek", "large", ["Jan Brekelmans", "Stefanie Vatta"]),
    ("Wmo-begeleiding contractbeheer", "large", ["Marijo Immink"]),
    ("werkgeversdienstverlening (WerkHart)", "large", ["MT Werkhart"]),
    ("Makes & Moves", "medium", ["Theo Weterings", "Berend de Vries"]),
]


@pytest.mark.parametrize("fragment,size,clients", SEED000)
def test_seed000_cells(seed000, fragment, size, clients):
    _, projects = seed000
    p = by_name(projects, fragment)
    assert p["size"] == size
    assert p["administrative_clients"] == clients


def test_seed000_copilot_and_hours(seed000):
    _, projects = seed000
    p = by_name(projects, "N261/N269")
    assert p["administrative_client_roles"][1] == {"name": "Gerard Bruijniks", "role": "copiloot"}
    # The document's own legend: middelgroot = 4-12 h/week.
    assert p["hours_per_week"] == {"min": 4, "max": 12}
    assert by_name(projects, "REKS")["hours_per_week"] == {"min": 12, "max": None}


def test_seed000_money(seed000):
    _, projects = seed000
    n261 = by_name(projects, "N261/N269")
    assert (n261["cofinancing_eur"], n261["budget_eur"]) == (15000, 30000)
    assert by_name(projects, "LDD + Schil")["budget_eur"] is None  # the shared row names N261/N269 only
    assert by_name(projects, "Circulaire Economie")["budget_eur"] == 50000
    assert by_name(projects, "Makes & Moves")["total_cost_eur"] == 130_000_000
    assert by_name(projects, "Smart Mkb")["cofinancing_eur"] == 600000  # "€ 150.000 per jaar" is a slice
    sun = by_name(projects, "Zonneparken")
    assert [a["value_eur"] for a in sun["amounts"]] == [30_000_000]
    assert sun["amounts"][0]["role"] == "subsidy" and sun["requested_eur"] is None  # granted, not requested


def test_seed000_programme_structure(seed000):
    _, projects = seed000
    p = by_name(projects, "Stikstof")
    assert (p["programme"], p["programme_line"]) == ("Leefomgeving & Milieu", "Integraal werken en gebiedsopgaven")
    assert p["programme_path"][0] == "Uitvoeringsprogramma 2020 - 2021"
    assert by_name(projects, "REKS")["programme_line"] == "Klimaatneutraal en klimaatbestendig"
    assert by_name(projects, "Regiobod")["programme_line"] == "Aantrekkelijk"
    assert by_name(projects, "Zorgen Doen We Samen")["programme"] == "Mens & Samenleving"
    assert by_name(projects, "Smart Mkb")["programme_line"] == "Smart Services"


def test_seed000_region_members(seed000):
    _, projects = seed000
    p = by_name(projects, "Stikstof")
    assert REGION_NINE <= set(p["municipalities"])
    assert p["municipalities_via_region"] == ["Regio Hart van Brabant"]
    assert "GM0855" in p["municipality_codes"]  # Tilburg


def test_seed002_application(seed002):
    _, projects = seed002
    # the application, and the project an item of the decision list is about ("Project Agro Innovatiemakelaar
    # 2025-2027" / "Het algemeen bestuur neemt kennis van het project …"); the application's own title lines
    # ("3 Project Servicepunt Techniek (SPT)", "Aanvraagformulier project …") add none
    assert [x["name"] for x in projects[1:]] == ["Agro Innovatiemakelaar 2025-2027"]
    p = projects[0]
    assert p["name"] == "Service Punt Techniek Achterhoek/ Liemers (SPT)"
    assert p["applicant"] == "VNO-NCW Midden"
    assert (p["start"], p["end"]) == ("2025-01-01", "2026-12-31")
    assert (p["total_cost_eur"], p["cofinancing_eur"], p["requested_eur"]) == (331876, 184052, 147824)
    assert p["programme"] == "Achterhoek Visie 2030"
    assert p["programme_line"] == "Onderwijs en Arbeidsmarkt"
    assert p["administrative_clients"] == ["M. Boumans"]
    criteria = p["assessment"]["criteria"]
    assert len(criteria) == 4 and all(c["met"] for c in criteria)
    assert criteria[-1]["criterion"] == "De begroting is sluitend"
    decision = p["assessment"]["decision"]
    assert decision["text"].startswith("instemmen met het voorstel")
    assert decision["text"].endswith("de overige middelen terugvloeien.")
    assert decision["outcome"] == "positive"
    # form, assessment and proposal were merged: their evidence is kept
    assert len(p["evidence_more"]) >= 2


SEED003 = [
    ("Pilot Vitaal Buitengebied, Zundert", "pilot", {"Zundert"}),
    ("Pilot Energietransitie voor Brabanders met een smalle beurs", "pilot", {"Bernheze", "Breda", "'s-Hertogenbosch"}),
    ("Pilot Altena", "pilot", {"Altena", "Aalburg", "Werkendam", "Woudrichem", "Maashorst", "Landerd", "Uden"}),
    ("Proeftuin Sociaal Inkopen", "pilot", {"'s-Hertogenbosch", "Breda", "Tilburg", "Oosterhout", "Boxmeer"}),
    ("Veerkrachtdialoog", "project", {"Helmond", "Tilburg", "'s-Hertogenbosch"}),
    ("Dementievriendelijk Brabant", "project", set()),
    ("Stérk.Brabant", "project", set()),
    ("Brabant Outcomes Fund", "project", {"Bergeijk", "Tilburg", "Eindhoven", "'s-Hertogenbosch", "Breda"}),
]


def test_seed003_list(seed003):
    _, projects = seed003
    assert [p["name"] for p in projects] == [name for name, _, _ in SEED003]


@pytest.mark.parametrize("name,kind,munis", SEED003)
def test_seed003_pilots(seed003, name, kind, munis):
    _, projects = seed003
    p = next(p for p in projects if p["name"] == name)
    assert p["kind"] == kind
    assert set(p["municipalities"]) == munis
    assert p["programme"] == "Versterken Sociale Veerkracht (VSV)"


def test_seed003_former_municipalities_keep_successor(seed003):
    _, projects = seed003
    p = next(p for p in projects if p["name"] == "Pilot Altena")
    succ = p["municipality_successors"]
    altena = p["municipality_codes"][p["municipalities"].index("Altena")]
    for former in ("Aalburg", "Werkendam", "Woudrichem"):
        assert succ[p["municipality_codes"][p["municipalities"].index(former)]] == altena
    assert "Waterschap Brabantse Delta" in next(q for q in projects if "Zundert" in q["name"])["organisations"]
