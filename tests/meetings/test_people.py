"""People: one per human, titles apart, roles kept; and the shared name helper."""

from __future__ import annotations

import pytest

from regiovolger.extract.names import clean_name, cluster_names, compatible, is_redacted, looks_like_name, parse_name

from ._common import INPUTS, compact, golden, read, run, run_str


@pytest.mark.parametrize("a,b,same", [
    ("J. van Donk", "Joram van Donk", True),
    ("M. Boumans", "mr. M. Boumans MBA MPM", True),
    ("De heer J. Bengevoord", "J. Bengevoord", True),
    ("J. van Oostrum", "Joram van Donk", False),
    ("H. de Vries", "K. de Vries", False),
    ("Emely", "Emely Jonkers", True),
    ("gedeputeerde De Bree", "Tijs de Bree", True),
    ("A.B. Jansen", "A.C. Jansen", False),
])
def test_compatible(a, b, same):
    from regiovolger.extract.names import split_titles
    a = split_titles(a.replace("gedeputeerde ", ""))[0]
    assert compatible(a, b) is same


@pytest.mark.parametrize("raw,name,titles", [
    ("de heer drs. ing. G.J. Braas", "G.J. Braas", ["drs.", "ing."]),
    ("mr. M. Boumans MBA MPM,", "M. Boumans", ["mr.", "MBA", "MPM"]),
    ("Mevrouw ir. A. van der Berg MSc", "A. van der Berg", ["ir.", "MSc"]),
    ("Joram van Donk", "Joram van Donk", []),
])
def test_titles_apart(raw, name, titles):
    p = parse_name(raw)
    assert p.name == name and p.titles == titles
    assert clean_name(raw) == name


@pytest.mark.parametrize("s", ["[...]", "5.1.2e", "█████", "xxx", "[geanonimiseerd]", "(5.1.2.e)"])
def test_redacted(s):
    assert is_redacted(s) and not looks_like_name(s)


def test_cluster_first_names_only_when_unique():
    groups = cluster_names(["Rob Koolen", "Rob", "Anna Smit", "Anna de Wit", "Anna"])
    assert ["Rob Koolen", "Rob"] in groups
    assert ["Anna"] in groups  # two Annas: ambiguous, stays apart


PEOPLE_TEXT = """Verslag Algemeen Bestuur 12 juni 2024
Aanwezig: Joram van Donk (secretaris), mevrouw drs. L. Dennenberg (voorzitter), Mark Boumans
1. Opening
J. van Donk licht de stukken toe. Wethouder Kramer vraagt naar de kosten.
2. Rondvraag
M. Boumans meldt dat gedeputeerde H. Zoet op bezoek komt. Statenlid Arjan Tolkamp was aanwezig.
Het verslag wordt getekend door mr. M. Boumans MBA.
"""


def test_people_merged_with_roles_titles_evidence():
    r = run_str(PEOPLE_TEXT)
    people = {p["name"]: p for p in r["people"]}
    assert "J. van Donk" in people["Joram van Donk"]["aliases"]
    assert {"role": "secretaris", "organisation": None} in people["Joram van Donk"]["roles"]
    assert people["L. Dennenberg"]["titles"] == ["drs."]
    assert "M. Boumans" in people["Mark Boumans"]["aliases"]
    assert "mr." in people["Mark Boumans"]["titles"] and "MBA" in people["Mark Boumans"]["titles"]
    assert {"role": "gedeputeerde", "organisation": None} in people["H. Zoet"]["roles"]
    assert {"role": "wethouder", "organisation": None} in people["Kramer"]["roles"]
    assert "Arjan Tolkamp" in people
    for p in r["people"]:
        ev = p["evidence"]
        assert PEOPLE_TEXT[ev["start"]:ev["end"]] == ev["quote"]
    assert len(people) == 6


def test_people_not_redacted_or_places():
    r = run_str("Verslag overleg 1 mei 2024\nAanwezig: Tijs Vos (wethouder Almelo), [...], 5.1.2e\n1. Opening\n2. Sluiting\n")
    assert [p["name"] for p in r["people"]] == ["Tijs Vos"]


def test_people_from_result_owners():
    text = "Verslag Stuurgroep 1 mei 2024\nAanwezig: Emely Jonkers\n1. Opening\nEmely zal de notitie rondsturen.\n"
    from ._common import text_of
    from regiovolger.extract.people import extract_people
    from regiovolger.extract.meetings import extract_meetings
    from regiovolger.segment import segment
    t = text_of(text)
    parts = segment(t)
    ms, items = extract_meetings(t, parts)
    start = text.index("Emely zal")
    action = {"id": "x1", "text": "de notitie rondsturen", "owners": ["Emely"],
              "evidence": {"document": "p1", "page": None, "start": start, "end": start + 20, "quote": text[start:start + 20]}}
    people = extract_people(t, parts, {"meetings": ms, "agenda_items": items, "actions": [action], "commitments": []})
    assert [(p["name"], p["aliases"]) for p in people] == [("Emely Jonkers", ["Emely"])]


@pytest.mark.parametrize("name", ["seed_001", "seed_002", "seed_003", "seed_004", "real_01", "real_06", "real_09"])
def test_golden_people(name):
    got = compact(run(read(INPUTS[name])))
    want = golden(name, got)
    assert len(got["people"]) == len(want["people"])
    for g, w in zip(got["people"], want["people"]):
        assert g == w, w["name"]


# ---------------------------------------------------------------------------- held-out patterns, own wording

@pytest.mark.parametrize("raw,name,surname", [
    ("mr. C. Vermeulen-van Dijk", "C. Vermeulen-van Dijk", "Vermeulen-van Dijk"),
    ("mevrouw T. Jansen-de Vries", "T. Jansen-de Vries", "Jansen-de Vries"),
    ("H. Smit-van der Berg", "H. Smit-van der Berg", "Smit-van der Berg"),
    ("de heren H. Veldkamp", "H. Veldkamp", "Veldkamp"),
    ("de dames L. Kok", "L. Kok", "Kok"),
])
def test_double_surnames_and_plural_honorifics(raw, name, surname):
    p = parse_name(raw)
    assert p.name == name and p.surname == surname
    assert looks_like_name(raw)


PEOPLE_VARIANTS = [
    # a table header after a role column is no person
    ("table_header", """Overzicht toezeggingen Provinciale Staten 2024
Nr.   Datum        Gedeputeerde     Toezegging                         Status
T-12  04-03-2024   Van Rijswijk     De gedeputeerde zegt toe te rapporteren.   Open
""", [], ["Toezegging Status", "Toezegging"]),
    # a double surname with a particle after the hyphen, in a signature block of two columns
    ("double_surname", """Met vriendelijke groet,
burgemeester en wethouders van Kortenhoeve,

de secretaris,                          de burgemeester,
drs. P.J. Aalbers                       mr. T. Jansen-de Vries
""", ["P.J. Aalbers", "T. Jansen-de Vries"], ["T. Jansen-de"]),
    # a place after a role word in an attendance list is the person's municipality, not a person
    ("place_after_role", """Verslag Bestuurlijk Overleg Wonen
Datum: 6 mei 2024
Aanwezig:
Dhr. A.B. Smulders (voorzitter), burgemeester Eikenrode
Mevr. C.D. Fenstra, wethouder Klaverdam
Wouter Pieters (wethouder
Kortenhoeve)
Afwezig: Sem de Jong (wethouder Waterlanden)
1. Opening
Wethouder Pieters opent het overleg.
""", ["A.B. Smulders", "C.D. Fenstra", "Wouter Pieters", "Sem de Jong"],
     ["Eikenrode", "Klaverdam", "Kortenhoeve", "Waterlanden"]),
]


@pytest.mark.parametrize("name,text,want,not_want", PEOPLE_VARIANTS, ids=[v[0] for v in PEOPLE_VARIANTS])
def test_people_variants(name, text, want, not_want):
    r = run_str(text)
    got = [p["name"] for p in r["people"]]
    for w in want:
        assert w in got, (w, got)
    for w in not_want:
        assert w not in got, (w, got)


def test_people_wrapped_role_keeps_place_as_organisation():
    r = run_str(PEOPLE_VARIANTS[2][1])
    people = {p["name"]: p for p in r["people"]}
    assert {"role": "wethouder", "organisation": "Kortenhoeve"} in people["Wouter Pieters"]["roles"]


# ---------------------------------------------------------------------------- round 2: own wording

ROUND2_PEOPLE = [
    # a two-word surname after an honorific is the same person as the one with initials
    ("two_word_surname", """Verslag Commissie Bestuur 3 maart 2025
Aanwezig: mevrouw N. Abou Zeid, de heer P. Ooms
1. Opening
Mevrouw Abou Zeid vraagt naar de planning. De heer Ooms antwoordt.
""", ["N. Abou Zeid", "P. Ooms"], ["Abou Zeid", "Zeid"]),
    # a first name and one part of a double surname is the same person
    ("double_surname_part", """Verslag Werkgroep Groen 3 maart 2025
Aanwezig: Tineke Vos-Hartman, Gerard Mol
1. Opening
Wethouder Tineke Vos licht het plan toe.
""", ["Tineke Vos-Hartman", "Gerard Mol"], ["Tineke Vos"]),
    # an initial at the end of a sentence and a heading on the next line are no name
    ("initial_before_heading", """Raadsvoorstel verduurzaming sporthallen
Alle hallen hebben nu energielabel G.
Risico's
De kosten kunnen hoger uitvallen. Zo ook voor categorie B.
Financiën
Wethouder T. Groen is verantwoordelijk.
""", ["T. Groen"], ["G. Risico's", "B. Financiën"]),
]


@pytest.mark.parametrize("a,b,same", [
    ("S. Abou Zeid", "Abou Zeid", True),
    ("Tineke Vos-Hartman", "Tineke Vos", True),
    ("Tineke Vos-Hartman", "Tineke Hartman", True),
    ("Tineke Vos-Hartman", "Anna Vos", False),
    ("A.B. Vos-Hartman", "A.B. Vos", True),
    ("A. Vos-Hartman", "A. Vos", False),  # one initial is too weak
    ("S. Abou Zeid", "Karim Zeid", False),
])
def test_round2_compatible(a, b, same):
    assert compatible(a, b) is same


@pytest.mark.parametrize("name,text,want,not_want", ROUND2_PEOPLE, ids=[v[0] for v in ROUND2_PEOPLE])
def test_round2_people(name, text, want, not_want):
    test_people_variants(name, text, want, not_want)


@pytest.mark.parametrize("owner,is_name", [
    ("Projectbureau", False), ("Regiogriffie", False), ("Kernteam", False), ("Secretariaat", False),
    ("Werkgroep", False), ("Bakker", True), ("Anouk", True), ("J. Overbeek", True),
])
def test_unit_words_are_no_names(owner, is_name):
    assert looks_like_name(owner) is is_name


def test_action_owner_unit_is_no_person():
    text = ("Verslag Werkgroep Wonen 3 juni 2025\nAanwezig: Ria Kaptein, Tom Aalders\n1. Opening\n"
            "Projectbureau stelt een planning op.\n")
    from ._common import text_of
    from regiovolger.extract.people import extract_people
    from regiovolger.extract.meetings import extract_meetings
    from regiovolger.segment import segment
    t = text_of(text)
    parts = segment(t)
    ms, items = extract_meetings(t, parts)
    start = text.index("Projectbureau")
    action = {"id": "x1", "text": "een planning opstellen", "owners": ["Projectbureau"],
              "evidence": {"document": "p1", "page": None, "start": start, "end": start + 13,
                           "quote": text[start:start + 13]}}
    people = extract_people(t, parts, {"meetings": ms, "agenda_items": items, "actions": [action], "commitments": []})
    assert [p["name"] for p in people] == ["Ria Kaptein", "Tom Aalders"]


def test_speakers_in_a_recording_index_were_present():
    from regiovolger.extract.meetings.events import _timestamp_speakers

    t = "  00:16:26 - 00:16:56 - Marjolijn Moester\n  00:16:56 - 00:17:17 - Lindsey Stone (GroenLinks)\n"
    got = _timestamp_speakers(t, 0, len(t), [{"name": "M. Moester"}])
    assert [(a["name"], a["organisation"], a["status"]) for a in got] == [("Lindsey Stone", "GroenLinks", "present")]


def test_attendance_list_typing_slips():
    from regiovolger.extract.meetings.attendance import parse_attendance_block

    people, _ = parse_attendance_block("de heer H.J. Glastra van Loon (HvB)), mevrouw G. Hoekveld(CU)", "present")
    assert [(p["name"], p["organisation"]) for p in people] == [("H.J. Glastra van Loon", "HvB"), ("G. Hoekveld", "CU")]


def test_prose_attendance_with_a_shared_faction_and_a_chair_in_the_list():
    from regiovolger.extract.meetings.attendance import parse_attendance_block

    people, _ = parse_attendance_block(
        "mevrouw A.B. Jansen-de Vries en de heren C. Pieters, D.E. van Dam en F. Smit, allen vertegenwoordiger van de "
        "fractie Lokaal Belang; voorzitter: de heer K. de Boer", "present")
    assert [(p["name"], p["role"], p["organisation"]) for p in people] == [
        ("A.B. Jansen-de Vries", None, "Lokaal Belang"), ("C. Pieters", None, "Lokaal Belang"),
        ("D.E. van Dam", None, "Lokaal Belang"), ("F. Smit", None, "Lokaal Belang"), ("K. de Boer", "voorzitter", None)]
