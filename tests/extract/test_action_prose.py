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


@pytest.mark.parametrize("body,owner,kind", [
    ("Op de website plaatsen we vóór 1 maart een overzicht van alle reacties.", "We", "letter"),
    ("Wij sturen u het voorstel tot vaststelling in het najaar toe.", "Wij", "letter"),
    ("De griffie neemt hierin het voortouw.", "De griffie", "minutes"),
    ("Het secretariaat pakt dit verder op.", "Het secretariaat", "minutes"),
    ("De veiligheidsregio gaat hierover met het bestuur in gesprek.", "De veiligheidsregio", "minutes"),
])
def test_announced_steps_and_tasks_taken_on(body, owner, kind):
    [a] = actions(body, kind)
    assert [o.lower() for o in a["owners"]] == [owner.lower()] and a["evidence"]["quote"] == body
    if kind == "letter":
        assert a["confidence"] < 0.5  # a candidate for review, not published as certain


@pytest.mark.parametrize("body,kind", [
    ("Digitalisering zorgt voor ingrijpende veranderingen in de aard van werk.", "policy_report"),
    ("De aanvragen voor de beste locaties nemen wij vervolgens in behandeling.", "proposal"),  # a plan's prose
    ("Wij sturen u hierbij het verslag van de vergadering.", "letter"),  # nothing still to come
])
def test_descriptions_and_plans_are_no_announced_actions(body, kind):
    assert actions(body, kind) == []
