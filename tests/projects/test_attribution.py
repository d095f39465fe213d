"""An amount belongs to a project only when the project's own passage states it (issue 13, item 6)."""

from __future__ import annotations

import pytest

from regiovolger.extract.projects.attribution import footnote_spans

from .helpers import by_name, run_seed, run_text

MONEY_KEYS = ("total_cost_eur", "cofinancing_eur", "requested_eur", "budget_eur")

TWO_PROJECTS = """Programma: Slimme economie

Fieldlab Robotica
Het fieldlab Robotica ontwikkelt toepassingen voor de maakindustrie. Het project heeft een budget van € 250.000.

Datacentrum Noord
Het Datacentrum Noord bouwt een opslagvoorziening. De totale kosten bedragen € 400.000. {second}
{notes}"""

NOTES = """
                                                  
1 Bijvoorbeeld, Duitsland investeert 3 miljard euro in kunstmatige intelligentie (bron: krant).
2 Zie de begroting van € 12 miljoen.
"""


def _set_aside(p: dict) -> dict[str, str]:
    return {a["text"]: a["reason"] for a in p["amounts_set_aside"]}


def test_a_footnote_amount_is_no_projects_money():
    p = by_name(run_text(TWO_PROJECTS.format(second="", notes=NOTES)), "Datacentrum")
    assert p["total_cost_eur"] == 400_000
    assert [a["text"] for a in p["amounts"]] == ["€ 400.000"]
    assert _set_aside(p) == {"3 miljard euro": "footnote", "€ 12 miljoen": "footnote"}


def test_footnote_blocks_need_a_separator_or_a_note_opening():
    s = "Agenda\n\n1 Opening en vaststelling van de agenda van vandaag\n2 Mededelingen van de voorzitter\n"
    assert footnote_spans(s) == []
    s = "Tekst.\n" + " " * 40 + "\n1 Een noot die iets uitlegt over de bron\n2 Nog een noot\n\nVerder."
    (a, b), = footnote_spans(s)
    assert s[a:b] == "1 Een noot die iets uitlegt over de bron\n2 Nog een noot"


@pytest.mark.parametrize("second, reason", [
    ("Ter vergelijking: een datacentrum elders kostte € 900.000.", "comparison"),
    ("Het Fieldlab Robotica kost € 250.000.", "other_project"),
    ("Frankrijk trok er € 2 miljard voor uit.", "other_country"),
    ("De rijksbegroting reserveert hiervoor € 50 miljoen.", "national_budget"),
])
def test_an_amount_the_sentence_gives_to_someone_else_is_set_aside(second, reason):
    projects = run_text(TWO_PROJECTS.format(second=second, notes=""))
    p = by_name(projects, "Datacentrum")
    assert p["total_cost_eur"] == 400_000
    assert list(_set_aside(p).values()) == [reason]
    assert by_name(projects, "Fieldlab")["budget_eur"] == 250_000


def test_a_sentence_that_names_the_project_keeps_its_amount():
    second = "Ter vergelijking: het Datacentrum Noord kost daarmee € 100.000 minder dan gepland."
    p = by_name(run_text(TWO_PROJECTS.format(second=second, notes="")), "Datacentrum")
    assert "€ 100.000" in [a["text"] for a in p["amounts"]]


REPEATED = """Programma: Regio

Activiteiten 2021

Regiodeal Noord
In 2019 sloot de regio een regiodeal met het Rijk. De deal heeft een totale waarde van € 130 miljoen.

Activiteiten 2020

Netwerk regiodeal
In 2019 sloot de regio een regiodeal met het Rijk. De deal heeft een totale waarde van € 130 miljoen{tail}.
"""


def test_one_amount_repeated_in_two_sections_counts_once():
    projects = run_text(REPEATED.format(tail=""))
    counted = [p for p in projects if any(a["value_eur"] == 130_000_000 for a in p["amounts"])]
    assert [p["name"] for p in counted] == ["Regiodeal Noord"]
    other = by_name(projects, "Netwerk regiodeal")
    assert _set_aside(other) == {"€ 130 miljoen": "counted_elsewhere"}
    assert all(other[k] is None for k in MONEY_KEYS)


def test_the_text_may_give_the_amount_to_each_project():
    projects = run_text(REPEATED.format(tail=" per project"))
    counted = [p for p in projects if any(a["value_eur"] == 130_000_000 for a in p["amounts"])]
    assert len(counted) == 2


@pytest.mark.parametrize("name", ["000", "002", "003"])
def test_every_money_field_is_the_sum_of_the_amounts_counted_in_it(name):
    _text, projects = run_seed(name)
    for p in projects:
        for key in MONEY_KEYS:
            parts = [a["value_eur"] for a in p["amounts"] if a["counted_as"] == key]
            assert (p[key] or 0) == sum(parts), (p["name"], key)


def test_seed_footnote_and_repeated_regional_deal():
    from regiovolger.extract.projects import extract_projects
    from regiovolger.read import read_file
    from regiovolger.segment import segment
    from tests.conftest import SEEDS

    text = read_file(next(SEEDS.glob("004_*.txt")))
    report = extract_projects(text, segment(text))
    attached = [a for p in report for a in p["amounts"] if a["value_eur"] == 1_500_000_000]
    assert attached == []
    _text, programme = run_seed("000")
    deal = [p["name"] for p in programme if any(a["value_eur"] == 130_000_000 for a in p["amounts"])]
    assert len(deal) == 1


def test_a_rate_is_no_budget():
    second = "De initiatiefnemer stelt € 0,40 tot € 0,50/MWh beschikbaar voor een omgevingsfonds."
    p = by_name(run_text(TWO_PROJECTS.format(second=second, notes="")), "Datacentrum")
    assert p["total_cost_eur"] == 400_000 and p["budget_eur"] is None
    assert list(_set_aside(p).values()) == ["rate"]
