"""The fact-kind registry: one list drives the contract, and one failing kind costs only itself."""

from __future__ import annotations

import json

from regiovolger.document import Page, Part, Text
from regiovolger.extract import extract, registry

SOURCE = {"path": "x.txt", "sha256": "0" * 64, "media_type": "text/plain"}
TEXT = ("Besluitenlijst van de raadsvergadering van 12 maart 2024\n\n"
        "1. Motie 'Groen in de wijk' wordt met 16 stemmen voor en 14 tegen aangenomen.\n"
        "2. De raad stemt in met het voorstel Jaarrekening 2023 van € 1.250.000.\n")


def run() -> dict:
    text = Text(text=TEXT, pages=[Page(1, 0, len(TEXT))], media_type="text/plain")
    parts = [Part(id="p1", type="decision_list", title=None, date="2024-03-12", organisation=None, start=0, end=len(TEXT))]
    return extract(text, parts, SOURCE)


def test_every_registered_kind_is_in_the_contract(schema):
    result = run()
    assert set(registry.KEYS) <= set(result)
    assert set(registry.KEYS) | {"schema", "source", "documents", "errors"} == set(result)
    assert set(registry.KEYS) <= set(schema["properties"]), "every kind is a key of shared/schema"
    assert result["votes"] and result["votes"][0]["votes_for"] == 16


def test_one_failing_extractor_costs_only_its_own_kind(monkeypatch):
    def broken(text, parts, result):
        raise RuntimeError("kapot")
    kinds = tuple(k if k.key != "decisions" else registry.FactKind("decisions", "Besluiten", broken)
                  for k in registry.KINDS)
    monkeypatch.setattr("regiovolger.extract.KINDS", kinds)
    monkeypatch.setenv("REGIOVOLGER_NO_RANKER", "1")  # the ranked sentences would stand in for the lost kind
    result = run()
    assert result["decisions"] == []
    assert result["errors"] == [{"kind": "decisions", "error": "RuntimeError: kapot"}]
    assert result["votes"] and result["amounts"], "the other kinds are still extracted"
    json.dumps(result)


def test_every_fact_has_a_confidence_between_0_and_1():
    result = run()
    facts = [f for k in registry.KEYS for f in result[k]]
    assert facts
    assert all(0 <= f["evidence"]["confidence"] <= 1 for f in facts)
