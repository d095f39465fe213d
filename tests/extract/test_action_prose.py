"""Actions that letters announce or ask for (hand-made variants)."""

from __future__ import annotations

import pytest

from regiovolger.extract.actions import extract_actions
from tests.extract.one_part import one_part


def actions(body: str, kind: str = "letter") -> list[dict]:
    return extract_actions(*one_part("Geacht college,", body, kind, "2024-05-28"))


@pytest.mark.parametrize("body,owner", [
    ("Wij verzoeken de initiatiefnemer de milieueffecten inzichtelijk te maken in het MER.", "De initiatiefnemer"),
    ("We vragen uw gemeenteraad om uw zienswijze in te dienen op het protocol.", "Uw gemeenteraad"),
    ("Tevens ben ik voornemens deze wijzigingen te publiceren in de Staatscourant.", "Ik"),
    ("De veiligheidsregio gaat over dit onderwerp met het bestuur in gesprek.", "De veiligheidsregio"),
    ("We gaan e.e.a. uitzoeken en komen er later op terug.", "We"),
])
def test_requests_and_intentions_in_letters(body, owner):
    [a] = actions(body)
    assert a["owners"] == [owner] and a["evidence"]["quote"] == body


@pytest.mark.parametrize("body", [
    "Anderzijds gaat het om het organiseren van de uitwisseling tussen ondernemers.",
    "Indien u vragen heeft, verzoeken wij u contact op te nemen.",
    "Wij gaan ervan uit dat u hiermee voldoende bent geïnformeerd.",
])
def test_not_actions(body):
    assert actions(body) == []
