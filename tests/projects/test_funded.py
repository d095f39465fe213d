"""Projects named in running prose with their own money (hand-made variants of decision lists and letters)."""

from __future__ import annotations

import pytest

from regiovolger.extract.projects import extract_projects
from tests.extract.one_part import one_part


def projects(body: str, kind: str = "decision_list") -> list[dict]:
    return extract_projects(*one_part("Besluitenlijst Gedeputeerde Staten", body, kind, "2021-07-06"))


@pytest.mark.parametrize("body,name,money", [
    ("Het college kent een subsidie van € 7.500,-- toe aan Stichting Synagoge Coevorden voor het realiseren van "
     "een film over het Joodse leven in Drenthe.", "Film over het Joodse leven in Drenthe", 7500),
    ("Gedeputeerde Staten verlenen een bijdrage van € 450.000 aan het project ‘Old Smuggler’ in Valthermond.",
     "Old Smuggler", 450000),
    ("De raad stelt een krediet van € 2,1 miljoen beschikbaar voor de herinrichting van de IJsselkade.",
     "Herinrichting van de IJsselkade", 2100000),
])
def test_funded_project_in_a_sentence(body, name, money):
    [p] = projects(body)
    assert p["name"] == name
    assert [a["value_eur"] for a in p["amounts"]] == [money]
    assert p["evidence"]["quote"].endswith(body)


def test_two_sentences_two_projects_each_with_its_own_money():
    found = projects("Stichting A ontvangt € 10.000 subsidie voor de realisatie van een schuilhut langs de Drift. "
                     "Stichting B ontvangt € 20.000 subsidie voor het herstel van de molen in het dorp.")
    assert [(p["name"], [a["value_eur"] for a in p["amounts"]]) for p in found] == [
        ("Schuilhut langs de Drift", [10000]), ("Herstel van de molen in het dorp", [20000])]


@pytest.mark.parametrize("body", [
    "Het programma ‘Regio’s aan de grens’ zal opgaan in de NPVR.",
    "Aan welke resultaten van de Regio Deal Achterhoek levert dit project een bijdrage?",
    "De subsidie voor het jaar 2022 bedraagt € 5.000.",
])
def test_not_funded_projects(body):
    assert projects(body) == []
