"""Meetings, attendance and agenda items: golden files for the corpus, hand-written variants in other house styles."""

from __future__ import annotations

import pytest

from regiovolger.document import Part

from ._common import INPUTS, compact, golden, read, run, run_str, text_of

# ---------------------------------------------------------------------------- golden files, item by item


def _golden_params():
    for name, rel in INPUTS.items():
        marks = [pytest.mark.slow] if "SCANNED" in rel else []
        yield pytest.param(name, rel, marks=marks, id=name)


@pytest.mark.parametrize("name,rel", list(_golden_params()))
def test_golden(name, rel):
    got = compact(run(read(rel)))
    want = golden(name, got)
    for kind in ("meetings", "agenda_items"):
        assert len(got[kind]) == len(want[kind]), kind
        for g, w in zip(got[kind], want[kind]):
            assert g == w, (kind, w.get("id"))


def test_seed_001_facts():
    r = run(read(INPUTS["seed_001"]))
    (m,) = r["meetings"]
    assert (m["body"], m["date"], m["start_time"], m["end_time"]) == ("Ambtelijk Pact", "2020-07-06", "14:00", "15:45")
    assert m["chair"] == "André van Gils" and m["minute_taker"] == "Bernie Spronk"
    by = {a["name"]: a for a in m["attendees"]}
    assert by["Rob Koolen"]["status"] == "partial" and by["Rob Koolen"]["until"] == "15:10"
    assert by["Erik Lubbers"]["until"] == "15:00"
    assert by["Frank Tuerlings"]["status"] == "absent"
    assert by["Roy Willems"]["organisation"] == "regio Midden-Brabant"
    assert [a["number"] for a in r["agenda_items"]] == ["1", "2", "3 + 4", "5", "6", "7", "8", "9"]


def test_seed_002_two_meetings_and_proposals():
    r = run(read(INPUTS["seed_002"]))
    ab, prev = r["meetings"]
    assert (ab["body"], ab["date"]) == ("Algemeen Bestuur", "2025-01-29")
    assert set(ab["documents"]) >= {"p1", "p2", "p5", "p8"}  # agenda and three proposals are one meeting
    assert (prev["date"], prev["start_time"], prev["end_time"], prev["location"], prev["chair"]) == \
        ("2024-12-18", "10:00", "11:30", "Via teams", "Mark Boumans")
    assert prev["adopted_on"] == "2025-01-29"
    items = {(a["meeting"], a["number"]): a for a in r["agenda_items"]}
    lobby = items[("m1", "2")]
    assert lobby["portfolio_holder"] == "J. Bengevoord" and lobby["contact"] == "Joram van Donk"
    assert lobby["kind"] == "information"
    assert items[("m1", "3")]["portfolio_holder"] == "M. Boumans"
    assert items[("m1", "5")]["kind"] == "decision"
    by = {a["name"]: a for a in prev["attendees"]}
    assert by["H. de Vries"]["status"] == "absent" and by["M. van der Tas"]["status"] == "absent"
    assert by["A. Peppelman"]["status"] == "present"


# ---------------------------------------------------------------------------- variants in other house styles

V_NUMBERED = """Notulen van de vergadering van het Dagelijks Bestuur d.d. dinsdag 12 maart 2024, 09.30 - 11.00 uur
Locatie: gemeentehuis, zaal 2

Aanwezig:
Karin Smit, voorzitter
Pieter de Wit, lid
Sanne Bakker, secretaris (vanaf 10.00 uur)
Afwezig met kennisgeving: Hans Veenstra
Notulist: Lotte Mulder

1. Opening en vaststelling agenda
De voorzitter opent de vergadering.
2. Verslag vorige vergadering
Het verslag wordt ongewijzigd vastgesteld.
3. Begroting 2025
Bespreking van de conceptbegroting.
1. Er is een tekort.
2. Er komt een voorstel.
4. Rondvraag en sluiting
"""

V_AD = """Verslag Portefeuillehoudersoverleg Wonen 14-02-2024
Aanwezig zijn: mevrouw J. Hendriks (voorzitter), de heer K. Bos, mevrouw drs. L. Vos
Afgemeld: de heer P. Jansen

Ad 1 Opening
Mevrouw Hendriks opent het overleg.
Ad 2 Woondeal
De heer Bos licht de stand van zaken toe.
Ad 3 Huisvesting arbeidsmigranten
K. Bos verlaat de vergadering om 11.15 uur.
Ad 4 Rondvraag
"""

V_TABLE = """Verslag bestuurlijk overleg Kustzone
Datum: 3 april 2024
Tijd: 13:00 - 14:30 uur
Locatie: Provinciehuis
Aanwezig: Evert Dijkstra (gedeputeerde), Mirjam Kok (wethouder Zandvoort), , en ambtelijke ondersteuning
Nr. Onderwerp Toelichting
1 Opening
2 Verslag 1 februari 2024
Verslag is akkoord.
Ter
vaststelling
3 Stand van zaken dijkversterking
- De planning loopt uit.
Ter
kennisname
"""

V_BESLUITENLIJST = """Besluitenlijst raadsvergadering 10 oktober 2023 aanvang 19.30 uur
1. Opening.
Er is bericht van verhindering ontvangen van de heer Brouwer en mevrouw Claes.
2. Vaststelling agenda.
De agenda wordt vastgesteld.
3. Voorstel tot het vaststellen van de nota grondbeleid.
De raad besluit unaniem: vast te stellen de nota grondbeleid.
4. Sluiting.
"""

V_FRACTIONS = """Besluitenlijst van de openbare vergadering van de gemeenteraad op 5 december 2022
1. Opening
2. Motie over de ijsbaan
De motie wordt aangenomen.
Voor de motie stemden:
Lokaal Belang: de heren Aarts en Bosman en mevrouw Cremers;
GroenLinks: mevrouw Dekker.
Tegen de motie stemden:
VVD: de heer Evers.
3. Sluiting
"""

V_NAMENS = """Verslag ambtelijk overleg Mobiliteit d.d. 7 november 2023
Aanwezig:
Namens gemeente Oosterveld:
Tom Visscher
Ilse de Graaf
Namens gemeente Westerhout: Mark Peeters (tot 15.30 uur)
Afwezig: Nora Yilmaz (gemeente Zuiderlaan)
1. Opening
2. Fietsroutes
"""

V_REDACTED = """Verslag overleg Stuurgroep Water
Datum 22-05-2024
Tijd 10:00 - 12:00
Aanwezig: Bram Koster (voorzitter), [...], 5.1.2e, █████, xxx, Femke Jacobs (adviseur)
1 Opening
2 Waterplan
"""

V_TWO_MEETINGS = """Agenda Algemeen Bestuur 20 juni 2024
1. Opening
2. Vaststellen van het verslag van 16 mei 2024
3. Jaarrekening 2023
Voorstel: Vaststellen van de jaarrekening 2023.
4. Sluiting

Verslag Algemeen Bestuur 16 mei 2024
Aanwezig: Joost Arends (voorzitter), Wendy Ros
1. Opening
2. Kadernota
Het bestuur stemt in met de kadernota.
3. Sluiting
"""

V_LABEL_BLOCK = """DAGELIJKS BESTUUR

Vergadering d.d.
Agendapunt
Onderwerp
Portefeuillehouder

: 4 september 2024
: 5a
: Subsidieregeling erfgoed
: Mevrouw A. Groen

Voorstel:
Instemmen met de subsidieregeling erfgoed 2025.

Nadere informatie bij:
Ruud Hermans
"""

V_INLINE_HEADER = """ALGEMEEN BESTUUR
Vergadering d.d. : 11 december 2024
Agendapunt : 7
Onderwerp : Jaarverslag klachten
Portefeuillehouder : De heer B. Kramer
Voorstel:
Kennisnemen van het jaarverslag klachten 2023.
Inlichtingen bij: Eva Lammers
"""

V_NUM_ALONE = """Verslag Algemeen Bestuur
Datum 09-10-2024
Tijd 14:00 - 16:00
Locatie Raadzaal
Voorzitter Ingrid Boer

1

Opening
H. Prins is afwezig.
G. Schouten wordt vervangen door T. Lammers.

2

Financiën
T. Lammers vraagt naar de reserves. R. Vink antwoordt dat die op peil zijn.
"""

V_KINDS = """Agenda vergadering Algemeen Bestuur 2 oktober 2024
1. Opening
2. Jaarstukken 2023 (ter besluitvorming)
3. Voortgang programma (ter kennisname)
4. Toekomst samenwerking - ter bespreking
5. Begroting 2025
Vaststellen van de begroting 2025.
6. Rapportage
Kennisnemen van de rapportage.
"""

V_LETTERED = """Notulen Algemeen Bestuur 15 januari 2024
Aanwezigen: Lisa Brink (voorzitter); Omar Haddad; Peter Zwart
1. Opening
2. Mededelingen
3a. Jaarplan 2024
3b. Formatie
4. Sluiting
"""

V_PIPE = """Vergadering van de Raad
Datum: 14-03-2022 20:00 uur
1 | Opening.
2 | Vaststelling agenda.
3 | Voorstel tot vaststelling bestemmingsplan Centrum.
4 | Sluiting.
"""

V_LEAVES = """Verslag Stuurgroep Energie 8 februari 2024, 15.00-17.00 uur
Aanwezig: Anna Kuiper (voorzitter), Bas Meijer, Carla Dekkers (t/m agendapunt 2), Dirk Smits (vanaf agendapunt 3)
1. Opening
2. Warmtenet
Bas Meijer verlaat de vergadering om 16.10 uur.
3. Zonneparken
"""

V_ROLES = """Verslag overleg Regiotafel Zorg d.d. woensdag 3 juli 2024
Aanwezig zijn:
Jan Hoekstra, wethouder Noordwijkerhout / voorzitter
Maria Gomes, beleidsadviseur bij GGD
Kees Otten, directeur Zorgbureau
Verslag: Petra Wouda
1. Opening
2. Jeugdzorg
"""

V_MET_KENNISGEVING = """Notulen Commissie Financiën 1 maart 2023
Aanwezig: Rik Dam (voorzitter), Sophie Laan
Met kennisgeving afwezig: Tim Roos, Eva Stam
1. Opening
2. Jaarrekening
"""

V_EN_NAMES = """Verslag overleg Werkgroep Cultuur 19-09-2023
Aanwezig: Fleur Jansen en Ruben de Lange, Olga Pots
Afgemeld zijn: Hugo Vos en Iris Kaya
1. Opening
2. Festival
"""

V_DECISION_LIST_AD = """Besluitenlijst Dagelijks Bestuur 23 april 2024
Ad 1. Opening
Ad 2. Inkoopbeleid
Besluit: het DB stemt in met het inkoopbeleid.
Ad 3. Rondvraag
"""

V_AGENDA_ONLY = """Agenda voor de vergadering van de Provinciale Staten op 6 november 2024, aanvang 10.00 uur
1. Opening
2. Vaststellen agenda
3. Statenvoorstel windenergie
4. Sluiting
"""

V_NO_MEETING = """Geachte heer, mevrouw,

Hierbij ontvangt u de gevraagde informatie over het project.
1. De aanleiding
2. De kosten

Met vriendelijke groet,

P. Verbeek
"""

V_PARTIAL_UNTIL_TIME_INLINE = """Verslag Algemeen Bestuur 30 mei 2024
Aanwezig: Anouk Visser (voorzitter), Ben Kroon tot 11.00 uur, Cees Wolf
1. Opening
2. Begroting
"""


def _att(r, mi=0):
    return {a["name"]: a for a in r["meetings"][mi]["attendees"]}


VARIANTS = [
    ("numbered", V_NUMBERED, {
        "meetings": [("Dagelijks Bestuur", "2024-03-12", "09:30", "11:00")],
        "chair": "Karin Smit", "minute_taker": "Lotte Mulder", "location": "gemeentehuis, zaal 2",
        "attendees": {"Karin Smit": "present", "Pieter de Wit": "present", "Sanne Bakker": "partial",
                      "Hans Veenstra": "absent"},
        "items": [("1", "Opening en vaststelling agenda"), ("2", "Verslag vorige vergadering"),
                  ("3", "Begroting 2025"), ("4", "Rondvraag en sluiting")]}),
    ("ad", V_AD, {
        "meetings": [("Portefeuillehoudersoverleg Wonen", "2024-02-14", None, None)],
        "chair": "J. Hendriks",
        "attendees": {"J. Hendriks": "present", "K. Bos": "partial", "L. Vos": "present", "P. Jansen": "absent"},
        "items": [("1", "Opening"), ("2", "Woondeal"), ("3", "Huisvesting arbeidsmigranten"), ("4", "Rondvraag")]}),
    ("table", V_TABLE, {
        "meetings": [("bestuurlijk overleg Kustzone", "2024-04-03", "13:00", "14:30")],
        "attendees": {"Evert Dijkstra": "present", "Mirjam Kok": "present"}, "redacted": 1,
        "items": [("1", "Opening"), ("2", "Verslag 1 februari 2024"), ("3", "Stand van zaken dijkversterking")],
        "kinds": {"2": "decision", "3": "information"}}),
    ("besluitenlijst", V_BESLUITENLIJST, {
        "meetings": [("gemeenteraad", "2023-10-10", "19:30", None)],
        "attendees": {"Brouwer": "absent", "Claes": "absent"},
        "items": [("1", "Opening"), ("2", "Vaststelling agenda"),
                  ("3", "Voorstel tot het vaststellen van de nota grondbeleid"), ("4", "Sluiting")],
        "kinds": {"3": "decision"}}),
    ("fractions", V_FRACTIONS, {
        "meetings": [("gemeenteraad", "2022-12-05", None, None)],
        "attendees": {"Aarts": "present", "Bosman": "present", "Cremers": "present", "Dekker": "present",
                      "Evers": "present"},
        "orgs": {"Aarts": "Lokaal Belang", "Evers": "VVD"},
        "items": [("1", "Opening"), ("2", "Motie over de ijsbaan"), ("3", "Sluiting")]}),
    ("namens", V_NAMENS, {
        "meetings": [("ambtelijk overleg Mobiliteit", "2023-11-07", None, None)],
        "attendees": {"Tom Visscher": "present", "Ilse de Graaf": "present", "Mark Peeters": "partial",
                      "Nora Yilmaz": "absent"},
        "orgs": {"Tom Visscher": "gemeente Oosterveld", "Mark Peeters": "gemeente Westerhout",
                 "Nora Yilmaz": "gemeente Zuiderlaan"},
        "items": [("1", "Opening"), ("2", "Fietsroutes")]}),
    ("redacted", V_REDACTED, {
        "meetings": [("Stuurgroep Water", "2024-05-22", "10:00", "12:00")], "chair": "Bram Koster",
        "attendees": {"Bram Koster": "present", "Femke Jacobs": "present"}, "only_attendees": True, "redacted": 4,
        "items": [("1", "Opening"), ("2", "Waterplan")]}),
    ("two_meetings", V_TWO_MEETINGS, {
        "meetings": [("Algemeen Bestuur", "2024-06-20", None, None), ("Algemeen Bestuur", "2024-05-16", None, None)],
        "items": [("1", "Opening"), ("2", "Vaststellen van het verslag van 16 mei 2024"), ("3", "Jaarrekening 2023"),
                  ("4", "Sluiting"), ("1", "Opening"), ("2", "Kadernota"), ("3", "Sluiting")],
        "kinds": {"3": "decision"}}),
    ("label_block", V_LABEL_BLOCK, {
        "meetings": [("Dagelijks Bestuur", "2024-09-04", None, None)],
        "items": [("5a", "Subsidieregeling erfgoed")], "holder": {"5a": "A. Groen"}, "contact": {"5a": "Ruud Hermans"},
        "kinds": {"5a": "decision"}}),
    ("inline_header", V_INLINE_HEADER, {
        "meetings": [("Algemeen Bestuur", "2024-12-11", None, None)],
        "items": [("7", "Jaarverslag klachten")], "holder": {"7": "B. Kramer"}, "contact": {"7": "Eva Lammers"},
        "kinds": {"7": "information"}}),
    ("number_alone", V_NUM_ALONE, {
        "meetings": [("Algemeen Bestuur", "2024-10-09", "14:00", "16:00")], "chair": "Ingrid Boer",
        "location": "Raadzaal",
        "attendees": {"Ingrid Boer": "present", "H. Prins": "absent", "G. Schouten": "absent",
                      "T. Lammers": "present", "R. Vink": "present"},
        "items": [("1", "Opening"), ("2", "Financiën")]}),
    ("kinds", V_KINDS, {
        "meetings": [("Algemeen Bestuur", "2024-10-02", None, None)],
        "items": [("1", "Opening"), ("2", "Jaarstukken 2023"), ("3", "Voortgang programma"),
                  ("4", "Toekomst samenwerking"), ("5", "Begroting 2025"), ("6", "Rapportage")],
        "kinds": {"1": None, "2": "decision", "3": "information", "4": "discussion", "5": "decision",
                  "6": "information"}}),
    ("lettered", V_LETTERED, {
        "meetings": [("Algemeen Bestuur", "2024-01-15", None, None)], "chair": "Lisa Brink",
        "attendees": {"Lisa Brink": "present", "Omar Haddad": "present", "Peter Zwart": "present"},
        "items": [("1", "Opening"), ("2", "Mededelingen"), ("3a", "Jaarplan 2024"), ("3b", "Formatie"),
                  ("4", "Sluiting")]}),
    ("pipe_table", V_PIPE, {
        "meetings": [("gemeenteraad", "2022-03-14", "20:00", None)],
        "items": [("1", "Opening"), ("2", "Vaststelling agenda"),
                  ("3", "Voorstel tot vaststelling bestemmingsplan Centrum"), ("4", "Sluiting")],
        "kinds": {"3": "decision"}}),
    ("leaves", V_LEAVES, {
        "meetings": [("Stuurgroep Energie", "2024-02-08", "15:00", "17:00")], "chair": "Anna Kuiper",
        "attendees": {"Anna Kuiper": "present", "Bas Meijer": "partial", "Carla Dekkers": "partial",
                      "Dirk Smits": "partial"},
        "until": {"Bas Meijer": "16:10"},
        "items": [("1", "Opening"), ("2", "Warmtenet"), ("3", "Zonneparken")]}),
    ("roles", V_ROLES, {
        "meetings": [("Regiotafel Zorg", "2024-07-03", None, None)], "chair": "Jan Hoekstra",
        "minute_taker": "Petra Wouda",
        "attendees": {"Jan Hoekstra": "present", "Maria Gomes": "present", "Kees Otten": "present"},
        "roles": {"Jan Hoekstra": "wethouder / voorzitter", "Maria Gomes": "beleidsadviseur",
                  "Kees Otten": "directeur"},
        "orgs": {"Maria Gomes": "GGD", "Kees Otten": "Zorgbureau"},
        "items": [("1", "Opening"), ("2", "Jeugdzorg")]}),
    ("met_kennisgeving", V_MET_KENNISGEVING, {
        "meetings": [("Commissie Financiën", "2023-03-01", None, None)],
        "attendees": {"Rik Dam": "present", "Sophie Laan": "present", "Tim Roos": "absent", "Eva Stam": "absent"},
        "items": [("1", "Opening"), ("2", "Jaarrekening")]}),
    ("en_names", V_EN_NAMES, {
        "meetings": [("Werkgroep Cultuur", "2023-09-19", None, None)],
        "attendees": {"Fleur Jansen": "present", "Ruben de Lange": "present", "Olga Pots": "present",
                      "Hugo Vos": "absent", "Iris Kaya": "absent"},
        "items": [("1", "Opening"), ("2", "Festival")]}),
    ("decision_list_ad", V_DECISION_LIST_AD, {
        "meetings": [("Dagelijks Bestuur", "2024-04-23", None, None)],
        "items": [("1", "Opening"), ("2", "Inkoopbeleid"), ("3", "Rondvraag")]}),
    ("agenda_only", V_AGENDA_ONLY, {
        "meetings": [("Provinciale Staten", "2024-11-06", "10:00", None)],
        "items": [("1", "Opening"), ("2", "Vaststellen agenda"), ("3", "Statenvoorstel windenergie"),
                  ("4", "Sluiting")]}),
    ("no_meeting", V_NO_MEETING, {"meetings": [], "items": []}),
    ("until_inline", V_PARTIAL_UNTIL_TIME_INLINE, {
        "meetings": [("Algemeen Bestuur", "2024-05-30", None, None)],
        "attendees": {"Anouk Visser": "present", "Ben Kroon": "partial", "Cees Wolf": "present"},
        "until": {"Ben Kroon": "11:00"}, "items": [("1", "Opening"), ("2", "Begroting")]}),
]


@pytest.mark.parametrize("name,text,want", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant(name, text, want):
    r = run_str(text)
    got_meetings = [(m["body"], m["date"], m["start_time"], m["end_time"]) for m in r["meetings"]]
    assert got_meetings == want["meetings"]
    got_items = [(a["number"], a["title"]) for a in r["agenda_items"]]
    assert got_items == want["items"]
    if not r["meetings"]:
        return
    m = r["meetings"][0]
    for key in ("chair", "minute_taker", "location"):
        if key in want:
            assert m[key] == want[key], key
    att = _att(r)
    for person, status in want.get("attendees", {}).items():
        assert person in att, (person, sorted(att))
        assert att[person]["status"] == status, person
    if want.get("only_attendees"):
        assert set(att) == set(want["attendees"])
    for person, org in want.get("orgs", {}).items():
        assert att[person]["organisation"] == org, person
    for person, role in want.get("roles", {}).items():
        assert att[person]["role"] == role, person
    for person, until in want.get("until", {}).items():
        assert att[person]["until"] == until, person
    if "redacted" in want:
        assert m["redacted_attendees"] == want["redacted"]
    items = {}
    for a in r["agenda_items"]:
        items.setdefault(a["number"], a)
    for num, kind in want.get("kinds", {}).items():
        assert items[num]["kind"] == kind, num
    for num, holder in want.get("holder", {}).items():
        assert items[num]["portfolio_holder"] == holder
    for num, contact in want.get("contact", {}).items():
        assert items[num]["contact"] == contact


def test_sections_cover_item_bodies():
    r = run_str(V_NUMBERED)
    text = V_NUMBERED
    sec = {a["number"]: a["section"] for a in r["agenda_items"]}
    assert "ongewijzigd vastgesteld" in text[sec["2"]["start"]:sec["2"]["end"]]
    assert "ongewijzigd vastgesteld" not in text[sec["3"]["start"]:sec["3"]["end"]]
    # the numbered list inside item 3 stays inside item 3
    assert "Er komt een voorstel" in text[sec["3"]["start"]:sec["3"]["end"]]
    m = r["meetings"][0]
    assert m["span"]["start"] <= sec["1"]["start"] and sec["4"]["end"] <= m["span"]["end"]


def test_evidence_quotes_match_offsets():
    r = run_str(V_TWO_MEETINGS)
    for fact in r["meetings"] + r["agenda_items"]:
        ev = fact["evidence"]
        assert V_TWO_MEETINGS[ev["start"]:ev["end"]] == ev["quote"]


def test_parts_given_explicitly():
    text = text_of(V_INLINE_HEADER)
    parts = [Part(id="p1", type="proposal", title=None, date=None, organisation=None, start=0, end=len(V_INLINE_HEADER))]
    r = run(text, parts)
    assert r["meetings"][0]["document"] == "p1"
    assert r["agenda_items"][0]["id"] == "m1-a7"


# ---------------------------------------------------------------------------- more house styles (held-out patterns)
# Each variant below is hand-written for one pattern seen in documents of other bodies: party labels in front of a
# row, plural roles ("de heren", "de wethouders") before a list, role labels other than the chair ("Griffier:"),
# role words before names, "Afwezig:" later on the same line, bracketed roles wrapping to the next line, a label plus
# a title before a name, first names in brackets, unnumbered headings in minutes, pipe tables, bodies on the line
# under a bare heading.

V_PARTY_ROWS = """NOTULEN van de openbare vergadering van de gemeenteraad van Korenmolen, gehouden op dinsdag
8 oktober 2024 in het raadhuis, aanvang 20.00 uur.

Voorzitter:     mevrouw mr. H.G. (Hanneke) Zwaan, burgemeester
Griffier:       de heer P. Moerdijk

Aanwezig:
PvdA            de heren K. Mol (fractievoorzitter), L. Post en mevrouw N. Aydin
D66:            mevrouw J. Smeets en de heer T. Bakker
Dorpsbelang     mevrouw W. Kok

Afwezig:        de heer L. Post (PvdA), wegens vakantie

Tevens aanwezig: de wethouders de heer A. Dekker, mevrouw B. Hoekstra en de heer C. Lont

1. Opening
De voorzitter opent de vergadering.
2. Sluiting
"""

V_FRACTION_LABEL = """Verslag van de commissie Ruimte 3 juni 2024
Aanwezig namens de fracties:
CDA: de heer P. Hoekstra, mevrouw A. Wolters
ChristenUnie: mevrouw R. Zijlstra
Lokaal Sterk: de heren T. Maas en J. Evers
Voorts aanwezig: wethouder mevrouw E. de Ruiter
1. Opening
2. Omgevingsvisie
"""

V_ROLE_WORDS = """Besluitenlijst vergadering burgemeester en wethouders
Datum: dinsdag 17 september 2024
Aanwezig: burgemeester F. Rietveld-Smit (voorzitter), wethouders D. Aksoy, J. van der Meulen en
P. Groot, gemeentesecretaris M.A. Berends
Afwezig: -

1. Vaststellen besluitenlijst 10 september 2024
Conform vastgesteld.
2. Sluiting
"""

V_COUNT_ABSENT = """BESLUITENLIJST
raadsvergadering gemeente Hooghaven, woensdag 6 november 2024
aanvang 19.30 uur, raadzaal

Voorzitter: drs. K. Lindeman, burgemeester
Griffier: S. Ouali
Aanwezig: alle leden op twee na; Met kennisgeving afwezig: de heer D. Schot (SGP) en mevrouw
F. Bruins (Groen Hooghaven).

Agendapunt 1    Opening
                De agenda wordt vastgesteld.
Agendapunt 2    Amendement A3 'Behoud van de bibliotheekvestigingen in alle kernen van de gemeente' (SGP)
                Besluit: aangenomen, 15 stemmen voor.
Agendapunt 3    Sluiting
"""

V_WRAPPED_ROLE = """Verslag werkgroep Recreatieve Routes
Datum: 4 maart 2024, 13.30-15.00 uur

Aanwezig: Wouter Pieters (voorzitter, wethouder Eikenrode), Noor Hamdi (wethouder
Kortenhoeve), Gijs Brink (wethouder Klaverdam), Lotte Vermeer (provincie), Daan Kuipers
(projectleider), Eline Bos (verslag)
Afwezig: Sem de Jong (wethouder Waterlanden)

Opening
Wouter opent de vergadering en heet iedereen welkom.

Verslag vorige keer (5 februari 2024)
Het verslag is zonder wijzigingen vastgesteld.

Stand van zaken wandelknooppunten
Daan meldt dat de bebording in mei wordt geplaatst. Gijs vraagt naar de kosten.

Rondvraag
Er zijn geen vragen.
"""

V_LABEL_TITLE = """Verslag van de vergadering van de commissie Bestuur en Middelen
gehouden op donderdag 12 september 2024 om 19.00 uur

Aanwezig:
De heer ir. P. Stam (voorzitter, Algemeen Belang)
Mevrouw K. de Wit (Ongebouwd)
Namens het college: wethouder de heer mr. B. Smulders
Ambtelijk secretaris: mevrouw L. Verbeek
Notulist: J. Timmer

1. Opening
2. Sluiting
"""

V_SEMICOLONS = """Verslag Bestuurscommissie Cultuur
Datum: 21 mei 2024
Aanwezig zijn de leden: E. Kramer (voorzitter); R. Lodewijks; mevrouw S. Dogan en de heer V. Claassen
Tevens aanwezig: T. Hermans (adviseur)
Verhinderd: J. Peeters; K. Smeenk
Secretaris: W. Brandt

1. Opening
2. Subsidieplafond
"""

V_PER_LINE = """Verslag overleg Regionale Energiestrategie
Datum: 14 januari 2025
Deelnemers:
- Ruud Alberts, wethouder (voorzitter)
- Yara Benali, gedeputeerde
- Chris Dam, netbeheerder
Met kennisgeving afwezig:
- Fenna Lok, wethouder
Adviseur: Joost Mertens

1. Opening
2. Netcongestie
"""

V_BARE_HEADING = """Samenwerkingsverband Sociaal Domein
AGENDA
Bestuurscommissie Werk en Inkomen
Datum: woensdag 9 oktober 2024
Tijd: 13.00 - 15.00 uur
Locatie: gemeentehuis, zaal 4

1.  Opening
2.  Verslag 11 september 2024
3.  Sluiting

----------------------------------------------------------------

VERSLAG
Bestuurscommissie Werk en Inkomen, 9 oktober 2024

Aanwezig: mw. H. Jansma (voorzitter), dhr. B. Kok
1. Opening
2. Verslag 11 september 2024
3. Sluiting
"""

V_PIPE_DECISIONS = """Besluitenlijst collegevergadering 3 december 2024
Nr | Onderwerp | Besluit
1 | Vaststellen besluitenlijst 26 november 2024 | Conform vastgesteld.
2 | Subsidie dorpshuis De Linde | Het college besluit een subsidie van
€ 12.000 te verlenen.
3 | Verkoop grond Molenstraat | Aangehouden tot 10 december 2024.
"""

V_PARTY_HEADINGS = """Notulen van de vergadering van de raadscommissie Samenleving d.d. 2 oktober 2024
Aanwezig:
CDA
de heer P. Jansen (voorzitter)
mevrouw K. Dijk
Gemeentebelangen:
de heer M. Roos
Afwezig: geen
1. Opening
2. Sluiting
"""

V_DE_LEDEN = """Verslag van de vergadering van het Algemeen Bestuur op 19 maart 2025
Aanwezig: de leden mevrouw A. Visser, de heren B. Kok en C. Mol, alsmede de wethouders D. Ates en E. Lam
Gemeente Heuvelrand: T. Wester; S. Baart
Bericht van verhindering: de heer F. Gerritsen
1. Opening
2. Sluiting
"""

MORE_VARIANTS = [
    ("party_rows", V_PARTY_ROWS, {
        "meetings": [("gemeenteraad", "2024-10-08", "20:00", None)], "chair": "H.G. Zwaan",
        "attendees": {"H.G. Zwaan": "present", "P. Moerdijk": "present", "K. Mol": "present", "L. Post": "absent",
                      "N. Aydin": "present", "J. Smeets": "present", "T. Bakker": "present", "W. Kok": "present",
                      "A. Dekker": "present", "B. Hoekstra": "present", "C. Lont": "present"},
        "only_attendees": True,
        "orgs": {"K. Mol": "PvdA", "N. Aydin": "PvdA", "T. Bakker": "D66", "W. Kok": "Dorpsbelang", "H.G. Zwaan": None},
        "roles": {"P. Moerdijk": "griffier", "A. Dekker": "wethouder", "B. Hoekstra": "wethouder"},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("fraction_label", V_FRACTION_LABEL, {
        "meetings": [("commissie Ruimte", "2024-06-03", None, None)],
        "attendees": {"P. Hoekstra": "present", "A. Wolters": "present", "R. Zijlstra": "present",
                      "T. Maas": "present", "J. Evers": "present", "E. de Ruiter": "present"},
        "only_attendees": True,
        "orgs": {"P. Hoekstra": "CDA", "A. Wolters": "CDA", "R. Zijlstra": "ChristenUnie", "J. Evers": "Lokaal Sterk"},
        "roles": {"E. de Ruiter": "wethouder"},
        "items": [("1", "Opening"), ("2", "Omgevingsvisie")]}),
    ("role_words", V_ROLE_WORDS, {
        "meetings": [("college van burgemeester en wethouders", "2024-09-17", None, None)], "chair": "F. Rietveld-Smit",
        "attendees": {"F. Rietveld-Smit": "present", "D. Aksoy": "present", "J. van der Meulen": "present",
                      "P. Groot": "present", "M.A. Berends": "present"},
        "only_attendees": True,
        "roles": {"F. Rietveld-Smit": "burgemeester / voorzitter", "D. Aksoy": "wethouder", "P. Groot": "wethouder",
                  "M.A. Berends": "gemeentesecretaris"},
        "items": [("1", "Vaststellen besluitenlijst 10 september 2024"), ("2", "Sluiting")]}),
    ("count_absent", V_COUNT_ABSENT, {
        "meetings": [("gemeenteraad", "2024-11-06", "19:30", None)], "chair": "K. Lindeman",
        "attendees": {"K. Lindeman": "present", "S. Ouali": "present", "D. Schot": "absent", "F. Bruins": "absent"},
        "only_attendees": True, "orgs": {"D. Schot": "SGP"}, "roles": {"S. Ouali": "griffier"},
        "items": [("1", "Opening"),
                  ("2", "Amendement A3 'Behoud van de bibliotheekvestigingen in alle kernen van de gemeente' (SGP)"),
                  ("3", "Sluiting")]}),
    ("wrapped_role", V_WRAPPED_ROLE, {
        "meetings": [("werkgroep Recreatieve Routes", "2024-03-04", "13:30", "15:00")], "chair": "Wouter Pieters",
        "minute_taker": "Eline Bos",
        "attendees": {"Wouter Pieters": "present", "Noor Hamdi": "present", "Gijs Brink": "present",
                      "Lotte Vermeer": "present", "Daan Kuipers": "present", "Eline Bos": "present",
                      "Sem de Jong": "absent"},
        "only_attendees": True,
        "roles": {"Noor Hamdi": "wethouder", "Daan Kuipers": "projectleider"},
        "orgs": {"Noor Hamdi": "Kortenhoeve", "Gijs Brink": "Klaverdam"},
        "items": [(None, "Opening"), (None, "Verslag vorige keer (5 februari 2024)"),
                  (None, "Stand van zaken wandelknooppunten"), (None, "Rondvraag")]}),
    ("label_title", V_LABEL_TITLE, {
        "meetings": [("commissie Bestuur en Middelen", "2024-09-12", "19:00", None)], "chair": "P. Stam",
        "minute_taker": "J. Timmer",
        # the minute taker under a label of their own is the meeting's minute taker, not an attendee
        "attendees": {"P. Stam": "present", "K. de Wit": "present", "B. Smulders": "present", "L. Verbeek": "present"},
        "only_attendees": True,
        "roles": {"B. Smulders": "wethouder", "L. Verbeek": "ambtelijk secretaris"},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("semicolons", V_SEMICOLONS, {
        "meetings": [("Bestuurscommissie Cultuur", "2024-05-21", None, None)], "chair": "E. Kramer",
        "attendees": {"E. Kramer": "present", "R. Lodewijks": "present", "S. Dogan": "present",
                      "V. Claassen": "present", "T. Hermans": "present", "J. Peeters": "absent", "K. Smeenk": "absent",
                      "W. Brandt": "present"},
        "only_attendees": True, "roles": {"T. Hermans": "adviseur", "W. Brandt": "secretaris"},
        "items": [("1", "Opening"), ("2", "Subsidieplafond")]}),
    ("per_line", V_PER_LINE, {
        "meetings": [("Regionale Energiestrategie", "2025-01-14", None, None)], "chair": "Ruud Alberts",
        "attendees": {"Ruud Alberts": "present", "Yara Benali": "present", "Chris Dam": "present",
                      "Fenna Lok": "absent", "Joost Mertens": "present"},
        "only_attendees": True, "roles": {"Yara Benali": "gedeputeerde", "Joost Mertens": "adviseur"},
        "items": [("1", "Opening"), ("2", "Netcongestie")]}),
    ("bare_heading", V_BARE_HEADING, {
        "meetings": [("Bestuurscommissie Werk en Inkomen", "2024-10-09", "13:00", "15:00")],
        "attendees": {"H. Jansma": "present", "B. Kok": "present"}, "only_attendees": True,
        # agenda and minutes of one meeting are one meeting with one list of items
        "items": [("1", "Opening"), ("2", "Verslag 11 september 2024"), ("3", "Sluiting")]}),
    ("pipe_decisions", V_PIPE_DECISIONS, {
        "meetings": [("college van burgemeester en wethouders", "2024-12-03", None, None)],
        "items": [("1", "Vaststellen besluitenlijst 26 november 2024"), ("2", "Subsidie dorpshuis De Linde"),
                  ("3", "Verkoop grond Molenstraat")]}),
    ("party_headings", V_PARTY_HEADINGS, {
        "meetings": [("raadscommissie Samenleving", "2024-10-02", None, None)], "chair": "P. Jansen",
        "attendees": {"P. Jansen": "present", "K. Dijk": "present", "M. Roos": "present"}, "only_attendees": True,
        "orgs": {"P. Jansen": "CDA", "K. Dijk": "CDA", "M. Roos": "Gemeentebelangen"},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("de_leden", V_DE_LEDEN, {
        "meetings": [("Algemeen Bestuur", "2025-03-19", None, None)],
        "attendees": {"A. Visser": "present", "B. Kok": "present", "C. Mol": "present", "D. Ates": "present",
                      "E. Lam": "present", "T. Wester": "present", "S. Baart": "present", "F. Gerritsen": "absent"},
        "only_attendees": True,
        "roles": {"A. Visser": None, "D. Ates": "wethouder", "E. Lam": "wethouder"},
        "orgs": {"T. Wester": "Gemeente Heuvelrand", "S. Baart": "Gemeente Heuvelrand"},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
]


@pytest.mark.parametrize("name,text,want", MORE_VARIANTS, ids=[v[0] for v in MORE_VARIANTS])
def test_more_variants(name, text, want):
    test_variant(name, text, want)


@pytest.mark.parametrize("text,body", [
    # prose under a bare heading is no body's name
    ("VERSLAG\nDe vergadering werd om 19.30 uur geopend door de voorzitter.\nDatum: 3 mei 2024\n"
     "Aanwezig: Jan Kok\n1. Opening\n2. Sluiting\n", None),
    # a title wrapped onto a lowercase line
    ("NOTULEN\nvan de vergadering van de commissie Ruimte, gehouden op 3 mei 2024\n1. Opening\n2. Sluiting\n",
     "commissie Ruimte"),
    ("Agenda\nStuurgroep Water\nDatum: 3 mei 2024\n1. Opening\n2. Sluiting\n", "Stuurgroep Water"),
    ("Besluitenlijst van de vergadering van burgemeester en wethouders d.d. 3 mei 2024\n1. Opening\n2. Sluiting\n",
     "college van burgemeester en wethouders"),
])
def test_body_under_bare_heading(text, body):
    (m,) = run_str(text)["meetings"]
    assert (m["body"], m["date"]) == (body, "2024-05-03")


def test_role_with_municipality_only_is_no_attendee():
    r = run_str("Verslag Bestuurlijk Overleg Wonen 3 mei 2024\nAanwezig:\nWethouder Deventer\nGedeputeerde K. Smit\n"
                "1. Opening\n2. Sluiting\n")
    assert [(a["name"], a["role"]) for a in r["meetings"][0]["attendees"]] == [("K. Smit", "gedeputeerde")]


# ---------------------------------------------------------------------------- round 2: own wording of held-out patterns

V2_SIGNATURE = """AGENDA
voor de vergadering van het Algemeen Bestuur op woensdag 12 maart 2025, aanvang 14.00 uur,
in het kantoor van de milieudienst.

1.   Opening
2.   Verslag vorige vergadering                                  ter besluitvorming
3.   Jaarverslag 2024                                           ter kennisname
     Portefeuillehouder: dhr. K. Brandsma
4.   Sluiting

Namens het algemeen bestuur,
mw. E. Terpstra, secretaris
dhr. K. Brandsma, voorzitter
"""

V2_ABSENT_LABELS = """Verslag Werkgroep Speelruimte 4 februari 2025
Aanwezig: Tom Vries (voorzitter), Lies Baan, Mo Haddou
Afwezig met bericht: Karel Smit, Fenna Dijk
Met bericht van verhindering: Gert Mol
1. Opening
2. Sluiting
"""

V2_ABSENT_KENNISGEVING = """Verslag Werkgroep Speelruimte 4 februari 2025
Aanwezig: Tom Vries (voorzitter), Lies Baan
Afwezig met kennisgeving: Joke Raap
Met kennisgeving afwezig: Aad Kers
1. Opening
2. Sluiting
"""

V2_FRACTION_LINES = """Verslag van de vergadering van de raadscommissie Wonen en Werken,
gehouden op maandag 13 januari 2025 in de raadzaal, aanvang 19.30 uur.

Aanwezig:
Voorzitter: de heer P. Ooms
Lokaal Vooruit: mevrouw K. Amrani, de heer D. Wever
SP: de heer F. Jonker
Partij voor Elkaar: mevrouw R. de Boer-Hanse

Namens het college: wethouder J. Vis
Griffier: mevrouw T. Bakker

Afwezig: de heer L. Brink (SP)

1. Opening
2. Sluiting
"""

V2_COLLEGE_ROWS = """Gemeente Oosterdijk

Openbare besluitenlijst collegevergadering
Datum: dinsdag 14 januari 2025

Aanwezig: burgemeester P. Dalstra (voorzitter), wethouders M. Kuiper en S. Yilmaz, secretaris H. Noord

Nr. 1
Onderwerp: Besluitenlijst collegevergadering 7 januari 2025
Besluit college: conform

Nr. 2
Onderwerp: Subsidie speeltuinvereniging De Klimboom
Portefeuillehouder: Kuiper
Voorstel: De subsidie voor 2025 te verlenen.
Besluit college: conform

Nr. 3
Onderwerp: Aankoop grond Kerkpad
Portefeuillehouder: Yilmaz
Besluit college: aangehouden
"""

V2_BODY_ABOVE = """Cliëntenraad Wonen Zuidwaard

NOTULEN van de openbare vergadering van woensdag 5 maart 2025, 10.00 uur,
buurthuis De Kring

Aanwezig: Ans Wolters (voorzitter), Jaap Beek, Nel Hofman
Notulist: Sven Mulder

1. Opening
2. Sluiting
"""

V2_WEEKDAY = """Buurtraad Oostkant

Verslag buurtraadvergadering woensdag 8 januari 2025
Plaats: wijkcentrum, aanvang 19.30 uur

Aanwezig: Kees Prins (voorzitter), Mia Dekker (penningmeester), Rob Hagen
1. Opening
2. Sluiting
"""

V2_PARTIAL_SENTENCES = """Verslag Klankbordgroep Centrumplan, donderdag 6 maart 2025, 19.30 uur

Aanwezig: Hanna Post (voorzitter), Wim Kooistra, Ella Dam, Rik Snel
Gast: projectleider Omar Bakir (bij punt 2)
Tevens aanwezig bij agendapunt 3: Lotte Vink (adviseur verkeer)
Verslag: Sanne Wit

Rik Snel komt binnen om 19.50 uur (vanaf agendapunt 2).
Ella Dam verlaat het overleg na agendapunt 3.

1. Opening
De voorzitter opent de bijeenkomst.
2. Ontwerp
Omar Bakir licht het ontwerp toe.
3. Verkeer
4. Sluiting
"""

ROUND2_VARIANTS = [
    ("signature_after_agenda", V2_SIGNATURE, {
        "meetings": [("Algemeen Bestuur", "2025-03-12", "14:00", None)],
        "attendees": {}, "only_attendees": True,
        "items": [("1", "Opening"), ("2", "Verslag vorige vergadering"), ("3", "Jaarverslag 2024"),
                  ("4", "Sluiting")]}),
    ("absent_met_bericht", V2_ABSENT_LABELS, {
        "meetings": [("Werkgroep Speelruimte", "2025-02-04", None, None)], "chair": "Tom Vries",
        "attendees": {"Tom Vries": "present", "Lies Baan": "present", "Mo Haddou": "present",
                      "Karel Smit": "absent", "Fenna Dijk": "absent", "Gert Mol": "absent"},
        "only_attendees": True, "orgs": {"Karel Smit": None, "Gert Mol": None},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("absent_met_kennisgeving", V2_ABSENT_KENNISGEVING, {
        "meetings": [("Werkgroep Speelruimte", "2025-02-04", None, None)],
        "attendees": {"Tom Vries": "present", "Lies Baan": "present", "Joke Raap": "absent", "Aad Kers": "absent"},
        "only_attendees": True, "orgs": {"Joke Raap": None},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("fraction_lines", V2_FRACTION_LINES, {
        "meetings": [("raadscommissie Wonen en Werken", "2025-01-13", "19:30", None)], "chair": "P. Ooms",
        "attendees": {"P. Ooms": "present", "K. Amrani": "present", "D. Wever": "present", "F. Jonker": "present",
                      "R. de Boer-Hanse": "present", "J. Vis": "present", "T. Bakker": "present",
                      "L. Brink": "absent"},
        "only_attendees": True,
        "orgs": {"K. Amrani": "Lokaal Vooruit", "D. Wever": "Lokaal Vooruit", "F. Jonker": "SP",
                 "R. de Boer-Hanse": "Partij voor Elkaar"},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("college_rows", V2_COLLEGE_ROWS, {
        "meetings": [("college van burgemeester en wethouders", "2025-01-14", None, None)], "chair": "P. Dalstra",
        "attendees": {"P. Dalstra": "present", "M. Kuiper": "present", "S. Yilmaz": "present",
                      "H. Noord": "present"}, "only_attendees": True,
        "items": [("1", "Besluitenlijst collegevergadering 7 januari 2025"),
                  ("2", "Subsidie speeltuinvereniging De Klimboom"), ("3", "Aankoop grond Kerkpad")],
        "holders": {"2": "Kuiper", "3": "Yilmaz"}}),
    ("body_above_title", V2_BODY_ABOVE, {
        "meetings": [("Cliëntenraad Wonen Zuidwaard", "2025-03-05", "10:00", None)], "chair": "Ans Wolters",
        "minute_taker": "Sven Mulder",
        "attendees": {"Ans Wolters": "present", "Jaap Beek": "present", "Nel Hofman": "present"},
        "only_attendees": True, "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("weekday_after_body", V2_WEEKDAY, {
        "meetings": [("buurtraadvergadering", "2025-01-08", "19:30", None)], "chair": "Kees Prins",
        "attendees": {"Kees Prins": "present", "Mia Dekker": "present", "Rob Hagen": "present"},
        "roles": {"Mia Dekker": "penningmeester"}, "orgs": {"Mia Dekker": None},
        "only_attendees": True, "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("partial_from_sentences", V2_PARTIAL_SENTENCES, {
        "meetings": [("Klankbordgroep Centrumplan", "2025-03-06", "19:30", None)], "chair": "Hanna Post",
        "minute_taker": "Sanne Wit",
        "attendees": {"Hanna Post": "present", "Wim Kooistra": "present", "Ella Dam": "partial",
                      "Rik Snel": "partial", "Omar Bakir": "partial", "Lotte Vink": "partial"},
        "only_attendees": True, "roles": {"Omar Bakir": "projectleider"},
        "until": {"Rik Snel": None},
        "items": [("1", "Opening"), ("2", "Ontwerp"), ("3", "Verkeer"), ("4", "Sluiting")]}),
]


@pytest.mark.parametrize("name,text,want", ROUND2_VARIANTS, ids=[v[0] for v in ROUND2_VARIANTS])
def test_round2_variants(name, text, want):
    test_variant(name, text, want)
    r = run_str(text)
    if "holders" in want:
        got = {a["number"]: a["portfolio_holder"] for a in r["agenda_items"]}
        for num, holder in want["holders"].items():
            assert got[num] == holder, num
    if name == "partial_from_sentences":
        att = _att(r)
        assert att["Rik Snel"]["from"] == "19:50"


# ---------------------------------------------------------------------------- round 3: tables, informal minutes,
# dates that are no meetings, invitation letters

V3_TAB_TABLE = (
    "BESLUITENLIJST BESTUURSCOMMISSIE CULTUUR\n"
    "Vergadering van 3 juni 2025\n\n"
    "Aanwezig:\tvoorzitter mw. R. Terpstra, leden dhr. K. Bos,\n"
    "\tmw. L. Sanders en dhr. P. de Wit; secretaris\n"
    "\tdrs. F. Aalbers\n"
    "Afwezig:\tdhr. J. Hoek\n\n"
    "Nr.\tOnderwerp\tBesluit\tActie\n"
    "1.\tOpening en mededelingen\tDe agenda wordt vastgesteld.\t-\n"
    "2.\tSubsidie theaterfestival 2025\tDe commissie stemt in met het voorstel.\tSecretaris: brief aan organisatie\n"
    "3.\tRondvraag\tDhr. Bos meldt dat de bibliotheek verbouwt.\t-\n"
)

V3_SPACED_TABLE = """Verslag Werkgroep Groen, 14 mei 2025

Aanwezig: Els Baas (voorzitter), Tim Wouters, Noor Kaya

Nr   Onderwerp                              Conclusie
1    Opening                                Geen bijzonderheden
2    Bomenplan wijk Noord                   Plan wordt aangepast
3    Sluiting                               -
"""

V3_FLATTENED_ITEMS = """Verslag Regionaal Overleg Mobiliteit
Datum: 2 april 2025

Aanwezig: mw. T. Smits (voorzitter), dhr. B. Arslan, mw. E. Kooij

1. Opening
De voorzitter opent het overleg.

2. Fietsroutes
Het overleg neemt kennis van de stand van zaken.

3. Sluiting
De voorzitter sluit het overleg.

Actiepunten
Nr.
Wat
Wie
Wanneer
1
Planning fietsroutes
aanpassen
Secretariaat
1 mei 2025
2
Overleg met vervoerder over
dienstregeling voorbereiden
B. Arslan
juni 2025
"""

V3_ACTION_LIST_DEADLINE = """Verslag Stuurgroep Energieloket
12 maart 2025, 10.00-12.00 uur

Aanwezig: mw. A. Vos (voorzitter), dhr. H. Kuipers, dhr. D. Lam

1. Opening
De voorzitter opent de vergadering.

2. Subsidieregeling
De deelnemende gemeenten hebben tot 15 april 2025 de tijd om te reageren.

3. Sluiting

Actielijst
Nr.      Actie                                  Wie                Gereed
2025-01  Reactie regeling verzamelen            Projectbureau      15 april 2025
2025-02  Communicatie voorbereiden              H. Kuipers         mei 2025
"""

V3_LABEL_LINES = """Verslag werkgroep Buurtbus
Vergadering van dinsdag 7 januari 2025
Plaats: dorpshuis

Aanwezig:
Dhr. G. Hof (voorzitter), Mevr. S. Yildiz, Dhr. R. Pel
Notulist:
Mevr. K. Smal

Agenda
1  Opening
2  Verslag en actielijst van 3 december 2024
3  Sluiting

Ad 1. Opening
De voorzitter opent. Dhr. Pel moet om 21.00 uur weg.

Ad 2. Verslag en actielijst van 3 december 2024
Het verslag wordt vastgesteld.
Actielijst: actiepunt 4 kan van de lijst.

Ad 3. Sluiting
"""

V3_INFORMAL = """Huurdersvereniging De Linde

verslag overleg maandag 10 februari 2025
in de gemeenschapsruimte, 20.00 uur

Er waren: Joke (voorzitter), Ahmed, Ria en Pieter
Afgemeld: Kees
Sandra Smeets (woonconsulent) was erbij voor punt 2
Notulen: Bep Langeveld

1. Opening
Joke opent.

2. Onderhoud
Sandra vertelt over de planning.

3. Sluiting
"""

V3_INVITATION = """Veiligheidsraad Zuidrand
Aan de leden van het Algemeen Bestuur

                                                  Havendorp, 20 mei 2025

Onderwerp: agenda vergadering Algemeen Bestuur

Geacht bestuur,

Hierbij nodig ik u uit voor de vergadering van het Algemeen Bestuur op
woensdag 4 juni 2025 van 14.00 tot 16.00 uur in het regiokantoor.

AGENDA
1.   Opening
2.   Concept-verslag AB van 9 april 2025
     Voorstel: het verslag vaststellen.
3.   Kadernota 2026
4.   Sluiting

Met vriendelijke groet,

J. Brouwer
voorzitter
"""

V3_PARTY_BRACKET_BROKEN = """Notulen van de openbare vergadering van de gemeenteraad van 20 mei 2025

Aanwezig: de leden A. Kroon (Lokaal Belang), F. Meijer (D66, vanaf agenda-
punt 3), G. Pranger (D66) en H. Baars (VVD); directeur-bestuurder
\tmr. S. Ooms

1. Opening
2. Sluiting
"""

V3_ROLE_BEFORE_NAME = """Besluitenlijst Provinciale Staten
Vergadering van 18 juni 2025

Voorzitter: de Commissaris van de Koning, drs. H.J. Molenaar
Griffier: mr. P. Zwart

1. Opening
2. Statenvoorstel PS2025-12 Wijziging verordening natuur en landschap
   (ganzenbeheer en faunaschade)
3. Sluiting
"""

ROUND3_VARIANTS = [
    ("tab_table_items", V3_TAB_TABLE, {
        "meetings": [("Bestuurscommissie Cultuur", "2025-06-03", None, None)], "chair": "R. Terpstra",
        "attendees": {"R. Terpstra": "present", "K. Bos": "present", "L. Sanders": "present",
                      "P. de Wit": "present", "F. Aalbers": "present", "J. Hoek": "absent"},
        "only_attendees": True,
        "items": [("1", "Opening en mededelingen"), ("2", "Subsidie theaterfestival 2025"), ("3", "Rondvraag")]}),
    ("spaced_table_items", V3_SPACED_TABLE, {
        "meetings": [("Werkgroep Groen", "2025-05-14", None, None)],
        "items": [("1", "Opening"), ("2", "Bomenplan wijk Noord"), ("3", "Sluiting")]}),
    ("flattened_action_table_is_no_item", V3_FLATTENED_ITEMS, {
        "meetings": [("Regionaal Overleg Mobiliteit", "2025-04-02", None, None)], "chair": "T. Smits",
        "items": [("1", "Opening"), ("2", "Fietsroutes"), ("3", "Sluiting")]}),
    ("deadline_is_no_meeting", V3_ACTION_LIST_DEADLINE, {
        "meetings": [("Stuurgroep Energieloket", "2025-03-12", "10:00", "12:00")],
        "items": [("1", "Opening"), ("2", "Subsidieregeling"), ("3", "Sluiting")]}),
    ("label_lines_and_leaving_early", V3_LABEL_LINES, {
        "meetings": [("werkgroep Buurtbus", "2025-01-07", None, None)], "minute_taker": "K. Smal",
        "attendees": {"G. Hof": "present", "S. Yildiz": "present", "R. Pel": "partial"}, "only_attendees": True,
        "items": [("1", "Opening"), ("2", "Verslag en actielijst van 3 december 2024"), ("3", "Sluiting")]}),
    ("informal_er_waren", V3_INFORMAL, {
        "meetings": [("Huurdersvereniging De Linde", "2025-02-10", "20:00", None)], "minute_taker": "Bep Langeveld",
        "attendees": {"Joke": "present", "Ahmed": "present", "Ria": "present", "Pieter": "present",
                      "Kees": "absent", "Sandra Smeets": "partial"}, "only_attendees": True,
        "items": [("1", "Opening"), ("2", "Onderhoud"), ("3", "Sluiting")]}),
    ("invitation_letter_date", V3_INVITATION, {
        "meetings": [("Algemeen Bestuur", "2025-06-04", "14:00", "16:00")],
        "items": [("1", "Opening"), ("2", "Concept-verslag AB van 9 april 2025"), ("3", "Kadernota 2026"),
                  ("4", "Sluiting")]}),
    ("party_bracket_broken_item", V3_PARTY_BRACKET_BROKEN, {
        "meetings": [("gemeenteraad", "2025-05-20", None, None)],
        "attendees": {"A. Kroon": "present", "F. Meijer": "partial", "G. Pranger": "present", "H. Baars": "present",
                      "S. Ooms": "present"}, "only_attendees": True, "roles": {"S. Ooms": "directeur-bestuurder"},
        "items": [("1", "Opening"), ("2", "Sluiting")]}),
    ("role_phrase_before_chair", V3_ROLE_BEFORE_NAME, {
        "meetings": [("Provinciale Staten", "2025-06-18", None, None)], "chair": "H.J. Molenaar",
        "items": [("1", "Opening"),
                  ("2", "Statenvoorstel PS2025-12 Wijziging verordening natuur en landschap "
                        "(ganzenbeheer en faunaschade)"),
                  ("3", "Sluiting")]}),
]


@pytest.mark.parametrize("name,text,want", ROUND3_VARIANTS, ids=[v[0] for v in ROUND3_VARIANTS])
def test_round3_variants(name, text, want):
    test_variant(name, text, want)
