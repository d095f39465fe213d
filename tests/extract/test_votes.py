"""Votes in the house styles of Dutch minutes and decision lists (hand-made variants)."""

from __future__ import annotations

import pytest

from regiovolger.document import Page, Text
from regiovolger.extract.votes import extract_votes


def votes(s: str) -> list[dict]:
    return extract_votes(Text(text=s, pages=[Page(1, 0, len(s))], media_type="text/plain"), [])


@pytest.mark.parametrize("sentence,outcome,kind,counts", [
    ("Het amendement over de hondenbelasting wordt met 16 stemmen voor en 14 tegen aangenomen.",
     "adopted", "amendment", (16, 14)),
    ("De motie vreemd aan de orde van de dag over de bibliotheek wordt verworpen.", "rejected", "motion", (None, None)),
    ("Motie 7 (Zwembad open) is met algemene stemmen aangenomen.", "unanimous", "motion", (None, None)),
    ("Het raadsvoorstel tot vaststelling van de begroting 2025 wordt aangenomen (20-9).", "adopted", "proposal", (20, 9)),
    ("De motie over de kermis wordt ingetrokken.", "withdrawn", "motion", (None, None)),
    ("Het amendement A1 wordt aangehouden tot de volgende vergadering.", "held", "amendment", (None, None)),
    ("Het voorstel parkeerbeleid werd verworpen met 12 voor, 17 tegen.", "rejected", "proposal", (12, 17)),
])
def test_sentence_styles(sentence, outcome, kind, counts):
    [v] = votes(f"Besluitenlijst\n\n{sentence}\n")
    assert (v["outcome"], v["subject_kind"], (v["votes_for"], v["votes_against"])) == (outcome, kind, counts)
    assert v["evidence"]["quote"].endswith(sentence)
    assert len(v["subject"].split()) >= 2


def test_bare_outcome_line_takes_the_heading_above_with_factions():
    s = ("1. Motie 'Groen in de wijk' (GroenLinks, PvdA)\nAangenomen.\nVoor: GroenLinks, PvdA en D66\n"
         "Tegen: VVD en CDA\n\n2. Raadsvoorstel Jaarrekening 2023\nUnaniem aangenomen.\n")
    first, second = votes(s)
    assert first["subject"].startswith("Motie 'Groen in de wijk'") and first["outcome"] == "adopted"
    assert first["groups_for"] == ["GroenLinks", "PvdA", "D66"] and first["groups_against"] == ["VVD", "CDA"]
    assert first["evidence"]["quote"].startswith("1. Motie")
    assert second["subject"] == "Raadsvoorstel Jaarrekening 2023" and second["outcome"] == "unanimous"


@pytest.mark.parametrize("sentence", [
    "Er wordt aangenomen dat de kosten in 2025 stijgen.",
    "De subsidieaanvraag van de vereniging is afgewezen.",
    "Wij hebben twee nieuwe medewerkers aangenomen voor het project.",
    "Het college heeft het voorstel van de werkgroep besproken.",
])
def test_not_votes(sentence):
    assert votes(f"Verslag\n\n{sentence}\n") == []


def test_result_block_of_a_meeting_portal():
    s = ("5. 4.1\n\nHet college legt het plan ter vaststelling voor.\n\n  Stemuitslag\n\n  voor 92%\n  tegen 8%\n"
         "  voor\n  GroenLinks (5), CDA (4), VVD (3)\n  tegen\n  PVV (1)\n\n  Voorgesteld besluit\n\n"
         "  De gemeenteraad besluit het preventieplan 2024-2028 vast te stellen.\n")
    [v] = votes(s)
    assert (v["outcome"], v["votes_for"], v["votes_against"]) == ("adopted", 12, 1)
    assert v["groups_for"] == ["GroenLinks", "CDA", "VVD"] and v["groups_against"] == ["PVV"]
    assert v["subject"].startswith("De gemeenteraad besluit het preventieplan")
    assert v["evidence"]["quote"].startswith("Stemuitslag") and v["evidence"]["quote"].endswith("PVV (1)")


def test_a_later_outcome_line_repeats_the_result_above():
    s = ("  Stemuitslag\n\n  voor 100%\n  voor\n  CDA (6), D66 (2)\n\n  Besluit\n\n  Aangenomen.\n")
    [v] = votes(s)
    assert v["outcome"] == "unanimous" and v["votes_for"] == 8


@pytest.mark.parametrize("sentence,outcome", [
    ("Stemming: De raad stemde in met het voorstel.", "adopted"),
    ("De vergadering stemt hier unaniem mee in.", "unanimous"),
])
def test_agreement_in_a_vote_context(sentence, outcome):
    [v] = votes(f"1. Voorstel tot toelating van het nieuwe raadslid\n{sentence}\n")
    assert v["outcome"] == outcome and v["subject"].startswith("Voorstel tot toelating")


def test_agreement_without_a_vote_context_is_a_decision_not_a_vote():
    assert votes("1. Verslag\nDe raad stemt in met het verslag.\n") == []


def test_a_list_of_results_with_the_factions_and_their_seats():
    s = ("Moties\n\n"
         " • M3 Langere openingstijden bibliotheek: PvdA, D66 en GL voor (12), VVD en CDA tegen (9): aangenomen.\n"
         " • M4 Gratis parkeren in december: unaniem aangenomen.\n"
         " • A2 Lagere hondenbelasting: VVD voor (5), PvdA, D66, GL en CDA (16) tegen: verworpen.\n")
    found = votes(s)
    assert [(v["outcome"], v["votes_for"], v["votes_against"]) for v in found] == [
        ("adopted", 12, 9), ("unanimous", None, None), ("rejected", 5, 16)]
    first, second, third = found
    assert first["subject"] == "M3 Langere openingstijden bibliotheek"
    assert (first["groups_for"], first["groups_against"]) == (["PvdA", "D66", "GL"], ["VVD", "CDA"])
    assert (second["groups_for"], second["groups_against"]) == ([], [])  # not the next line's factions
    assert third["groups_against"] == ["PvdA", "D66", "GL", "CDA"]


def test_outcomes_reported_in_the_past_tense():
    from regiovolger.pipeline import process_bytes
    body = ("Raad kiest voor nieuwe sporthal\n\n"
            "De raad nam donderdagavond na een motie en twee amendementen het voorstel voor de nieuwe sporthal aan. "
            "De raad wees het amendement over de parkeerplaatsen af. Hij nam deel aan het debat.\n")
    votes = process_bytes(body.encode(), "nieuws.txt").extraction["votes"]
    got = [(v["outcome"], v["subject"]) for v in votes]
    assert ("adopted", "het voorstel voor de nieuwe sporthal") in got, got
    assert any(o == "rejected" and "amendement over de parkeerplaatsen" in s for o, s in got), got
    assert len(votes) == 2  # "nam deel aan" is no vote
