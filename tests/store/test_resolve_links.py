"""Resolve across files, one file at a time: meetings joined, minutes adopted later, actions followed up,
commitments fulfilled, people merged; in either order of arrival."""

from __future__ import annotations

import hashlib
import itertools

import pytest

from regiovolger.store.models import Entity, Fact, Link, ResolvedMeeting, SourceFile
from regiovolger.store.resolution import resolve_file
from regiovolger.store.writer import facts_of
from tests.meetings._common import run_str

pytestmark = pytest.mark.django_db

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
EV = {"document": "p1", "page": None, "start": 0, "end": 1, "quote": "V"}


def stored(text: str, name: str, actions=(), commitments=()) -> SourceFile:
    """A file stored as ingest stores it (facts from the extraction), not yet resolved."""
    ex = run_str(text)
    ex["actions"] = [*ex.get("actions", []), *actions]
    ex["commitments"] = list(commitments)
    sha = hashlib.sha256(name.encode()).hexdigest()
    f = SourceFile.objects.create(sha256=sha, path=f"/tmp/{name}", paths=[], media_type="text/plain", size=len(text),
                                  page_count=1, text=text, extraction=ex)
    for kind, data, ev in facts_of(ex):
        Fact.objects.create(file=f, kind=kind, data=data, page=ev.get("page"), start=ev["start"], end=ev["end"],
                            quote=ev["quote"])
    return f


def action(id_, meeting, text):
    return {"id": id_, "meeting": meeting, "text": text, "owners": ["W. Ros"], "evidence": EV}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_meetings_links_and_people_whatever_the_order(order):
    files = [stored(AGENDA, "agenda.txt"),
             stored(MINUTES_MAY, "mei.txt", actions=[action("x1", "m1", "de kadernota rondsturen")]),
             stored(MINUTES_JUNE, "juni.txt")]
    for i in order:
        resolve_file(files[i])
    dates = sorted((m.date.isoformat(), m.sources.count()) for m in ResolvedMeeting.objects.all())
    assert dates == [("2024-05-16", 1), ("2024-06-20", 2)]
    kinds = sorted(Link.objects.values_list("kind", flat=True))
    assert kinds.count("agenda_of") == 1
    adopts = Link.objects.filter(kind="adopts_minutes")
    assert adopts.count() == 2 and all(link.target["id"].endswith("2024-05-16") for link in adopts), \
        "the agenda item and the June minutes' item both adopt May, even when May arrives last"
    follow = [link for link in Link.objects.filter(kind="action_followup") if link.source.get("id") == "x1"]
    assert follow and follow[0].target["kind"] == "agenda_item"
    joost = Entity.objects.get(kind="person", match_key="arends")
    assert {joost.name, *joost.aliases} == {"Joost Arends", "J. Arends"}
    wendy = Entity.objects.get(kind="person", match_key="ros")
    assert wendy.refs.values("file").distinct().count() == 2


def test_fulfils_commitment():
    made = {"id": "c1", "text": "een overzicht sturen van de betrokkenheid van gemeenten bij het programma",
            "made_by": "gedeputeerde Pauli", "made_to": "Provinciale Staten", "date_made": "2021-02-22",
            "fulfilled_here": False, "evidence": EV}
    memo = {"id": "c1", "text": "overzicht van de betrokkenheid van gemeenten bij het programma",
            "made_by": None, "made_to": "Provinciale Staten", "date_made": "2021-02-22", "fulfilled_here": True,
            "evidence": {**EV, "quote": "W"}}
    unrelated = dict(made, id="c2", text="de begroting toelichten in het najaar", date_made="2020-01-01",
                     evidence={**EV, "quote": "X"})
    first = stored("x", "x.txt", commitments=[made, unrelated])
    second = stored("y", "y.txt", commitments=[memo])
    resolve_file(first)
    resolve_file(second)
    links = list(Link.objects.filter(kind="fulfils_commitment"))
    assert len(links) == 1 and links[0].target == {"file": first.sha256, "kind": "commitment", "id": "c1"}
