"""Resolve across files: meetings joined, minutes adopted later, actions followed up, commitments fulfilled, people."""

from __future__ import annotations

from regiovolger.resolve import resolve, same_body

from ._common import run_str


def _ex(text: str, sha: str, actions=(), commitments=()) -> dict:
    r = run_str(text)
    r["source"] = {"path": sha + ".txt", "sha256": sha}
    r["actions"] = list(actions)
    r["commitments"] = list(commitments)
    return r


AGENDA = """Agenda Algemeen Bestuur 20 juni 2024
1. Opening
2. Verslag + acties Algemeen Bestuur 16 mei
3. Jaarrekening 2023
"""
MINUTES_MAY = """Verslag Algemeen Bestuur 16 mei 2024
Aanwezig: Joost Arends (voorzitter), Wendy Ros
1. Opening
2. Kadernota
W. Ros zal de kadernota rondsturen.
"""
MINUTES_JUNE = """Verslag Algemeen Bestuur 20 juni 2024
Aanwezig: J. Arends (voorzitter), Wendy Ros
1. Opening
2. Verslag 16 mei
Het verslag wordt vastgesteld.
"""


def _action(id_, meeting, text):
    return {"id": id_, "meeting": meeting, "text": text, "owners": ["W. Ros"],
            "evidence": {"document": "p1", "page": None, "start": 0, "end": 1, "quote": "V"}}


def test_resolve_links():
    a = _ex(AGENDA, "a" * 64)
    may = _ex(MINUTES_MAY, "b" * 64, actions=[_action("x1", "m1", "de kadernota rondsturen")])
    june = _ex(MINUTES_JUNE, "c" * 64)
    r = resolve([a, may, june])
    dates = sorted((m["date"], len(m["mentions"])) for m in r["meetings"])
    assert dates == [("2024-05-16", 1), ("2024-06-20", 2)]
    kinds = sorted(link["kind"] for link in r["links"])
    assert kinds.count("agenda_of") == 1
    assert kinds.count("adopts_minutes") == 2  # the agenda item and the June minutes' item both adopt May
    follow = [link for link in r["links"] if link["kind"] == "action_followup"]
    assert follow and follow[0]["from"]["id"] == "x1" and follow[0]["to"]["kind"] == "agenda_item"
    people = {p["name"]: p for p in r["people"]}
    assert "J. Arends" in people["Joost Arends"]["aliases"]
    assert len(people["Wendy Ros"]["mentions"]) == 2


def test_fulfils_commitment():
    made = {"id": "c1", "text": "een overzicht sturen van de betrokkenheid van gemeenten bij het programma",
            "made_by": "gedeputeerde Pauli", "made_to": "Provinciale Staten", "date_made": "2021-02-22",
            "fulfilled_here": False, "evidence": {}}
    memo = {"id": "c1", "text": "overzicht van de betrokkenheid van gemeenten bij het programma",
            "made_by": None, "made_to": "Provinciale Staten", "date_made": "2021-02-22", "fulfilled_here": True,
            "evidence": {}}
    unrelated = dict(made, id="c2", text="de begroting toelichten in het najaar", date_made="2020-01-01")
    r = resolve([_ex("x", "d" * 64, commitments=[made, unrelated]), _ex("y", "e" * 64, commitments=[memo])])
    links = [link for link in r["links"] if link["kind"] == "fulfils_commitment"]
    assert len(links) == 1 and links[0]["to"]["id"] == "c1" and links[0]["to"]["file"] == "d" * 64


def test_same_body():
    assert same_body("Bestuurlijk Overleg Energiegebied Almelo – Tubbergen – Twenterand (BO ATT)",
                     "bestuurlijk overleg Energiegebied Almelo Tubbergen Twenterand (ATT)")
    assert not same_body("Algemeen Bestuur", "Dagelijks Bestuur")
    assert same_body(None, "Algemeen Bestuur")
