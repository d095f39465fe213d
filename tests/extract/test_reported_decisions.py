"""Decisions that letters and reports say were taken (hand-made variants): read in every document type."""

from __future__ import annotations

import pytest

from regiovolger.extract.decisions import extract_decisions
from tests.extract.one_part import one_part


def decisions(body: str, kind: str = "letter") -> list[dict]:
    return extract_decisions(*one_part("Geachte leden van de raad,", body, kind, "2024-05-28"))


@pytest.mark.parametrize("body", [
    "Gedeputeerde Staten hebben op 17 juli 2024 het windbeleid vastgesteld.",
    "Wij hebben op 13 februari 2024 besloten de aanvraag in behandeling te nemen.",
    "Na overleg met de gemeente heb ik besloten de resterende middelen toe te voegen aan de regio deal.",
    "Het uitvoeringsprogramma is op 4 juni door het college vastgesteld.",
])
def test_reported_in_a_letter(body):
    [d] = decisions(body)
    assert d["reported"] is True and d["evidence"]["quote"] == body


@pytest.mark.parametrize("body", [
    "Provinciale Staten zullen op 9 oktober besluiten over het voorstel.",
    "Vijf gemeenten hebben nog geen zoekgebieden vastgesteld.",
    "Zoals in de begroting is vastgesteld, is er extra ruimte.",
    "Wij stellen u voor het besluit te nemen zoals in de bijlage is vastgesteld.",
])
def test_not_a_reported_decision(body):
    assert decisions(body) == []
