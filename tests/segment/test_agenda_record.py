"""One meeting's agenda across pages, agenda items that name other documents, and
agendas that record the outcome of each item (hand-written Dutch variants)."""

from __future__ import annotations

import pytest

from regiovolger.document import Page, Text, join_pages
from regiovolger.segment import classify, explain, segment


def plain(s: str) -> Text:
    return Text(text=s, pages=[Page(1, 0, len(s))], media_type="text/plain")


def paged(pages: list[str]) -> Text:
    s, pg = join_pages(pages)
    return Text(text=s, pages=pg, media_type="application/pdf")


# ---------------------------------------------------------------------------
# 1. A running header repeated on every page continues the document

AGENDA_P1 = """Agenda portefeuillehoudersoverleg mobiliteit
Samenwerkende gemeenten Rivierenland-Oost
d.d. 12 september 2024

Tijd: 13.30 - 15.30 uur
Locatie: gemeentehuis, zaal 2

1. Opening en vaststelling van de agenda
2. Verslag van de vergadering van 4 juli 2024
3. Regionaal fietsnetwerk: stand van zaken
De projectleider licht de voortgang van de snelfietsroutes toe en gaat in op de planning
voor de aanleg van de ontbrekende schakels in het regionale netwerk.
4. Bijdrage aan het openbaar vervoer in de kleine kernen
"""

AGENDA_P2 = """Agenda portefeuillehoudersoverleg mobiliteit
Samenwerkende gemeenten Rivierenland-Oost
d.d. 12 september 2024

5. Verkeersveiligheid rond scholen
De gemeenten wisselen ervaringen uit met schoolzones en de inzet van verkeersbrigadiers.
6. Planning van de overleggen in 2025
7. Rondvraag
8. Sluiting
"""


def test_running_header_on_second_page_continues_agenda():
    text = paged([AGENDA_P1, AGENDA_P2])
    parts = segment(text)
    assert [(p.type, p.start, p.end) for p in parts] == [("agenda", 0, len(text.text))]
    assert parts[0].date == "2024-09-12"
    assert parts[0].title == "Agenda portefeuillehoudersoverleg mobiliteit"
    head2 = next(c for c in explain(text) if c["line"] > 10 and c["type"] == "agenda")
    assert "running header" in head2["why"]


def test_running_header_with_ocr_noise_continues_agenda():
    # a scan: the repeated header is read slightly differently on page 2
    p2 = AGENDA_P2.replace("Agenda portefeuillehoudersoverleg mobiliteit",
                           "Agenda portefeui1lehoudersoverleg mobi|iteit").replace("d.d. 12", "d.d 12")
    text = paged([AGENDA_P1, p2])
    parts = segment(text)
    assert [p.type for p in parts] == ["agenda"]


def test_same_title_other_date_is_another_document():
    # two agendas of different meetings in one file: same title line, other date
    p2 = AGENDA_P2.replace("12 september 2024", "10 oktober 2024").replace(
        "5. Verkeersveiligheid", "1. Opening\n2. Verkeersveiligheid")
    text = paged([AGENDA_P1, p2])
    parts = segment(text)
    assert [p.type for p in parts] == ["agenda", "agenda"]
    assert parts[1].start == text.pages[1].start
    assert [p.date for p in parts] == ["2024-09-12", "2024-10-10"]


# ---------------------------------------------------------------------------
# 2. An agenda item that names minutes or another document is not a document head

ITEM_AGENDA = """Agenda stuurgroep jeugdhulp
Datum: 7 november 2024
Tijd: 10.00 - 12.00 uur
Plaats: regiokantoor, vergaderzaal De Linde
Genodigden: de wethouders jeugd van de deelnemende gemeenten, de regiomanager jeugd,
de beleidsadviseurs van de gemeenten en de contractmanager van het inkoopbureau

Bijlagen:
1. Concept-werkagenda jeugd
2. Conceptverslag van de vorige vergadering

Opening en mededelingen Ter informatie
De voorzitter heet de leden welkom en meldt dat de wethouder van de kleinste gemeente later
aansluit vanwege een raadsvergadering die uitloopt.

{item}
De secretaris heeft de opmerkingen van de leden verwerkt in de nieuwe versie.

Inkoop specialistische jeugdhulp 2025 Ter besluitvorming
De stuurgroep wordt gevraagd in te stemmen met de verlenging van de bestaande contracten
met een jaar, zodat er tijd is om de nieuwe inkoopstrategie zorgvuldig voor te bereiden.
Daarbij wordt ook gekeken naar de gevolgen voor de kleinere aanbieders in de regio.

Stand van zaken wachtlijsten Ter kennisname
De regiomanager geeft een toelichting op de cijfers van het derde kwartaal. De wachttijden
voor de ambulante hulp zijn gedaald, die voor de residentiele hulp zijn gestegen.
Er wordt onderzocht of aanbieders capaciteit kunnen uitwisselen om de wachttijden te verkorten.

Regionale werkagenda jeugd Ter bespreking
Bespreking van de concept-werkagenda met de speerpunten voor het komende jaar,
waaronder preventie op scholen en de samenwerking met de huisartsen in de regio.

Rondvraag en sluiting
"""


@pytest.mark.parametrize("item", [
    "Verslag van de vergadering van 3 maart (bijlage 2) Ter vaststelling",
    "Conceptverslag overleg 3 maart 2024 - ter vaststelling",
    "Notulen stuurgroep 3 maart 2024 (zie bijlage 2)",
    # no treatment phrase, no attachment: it sits between agenda items that carry one
    "Verslag stuurgroep van 3 maart 2024",
])
def test_agenda_item_naming_minutes_is_not_a_head(item):
    s = ITEM_AGENDA.format(item=item)
    parts = segment(plain(s))
    assert [p.type for p in parts] == ["agenda"], [(p.type, p.title) for p in parts]
    assert parts[0].title == "Agenda stuurgroep jeugdhulp"
    assert parts[0].date == "2024-11-07"


def test_agenda_item_line_is_no_candidate():
    s = ITEM_AGENDA.format(item="Verslag van de vergadering van 3 maart (bijlage 2) Ter vaststelling")
    assert not any(c["text"].startswith("Verslag") for c in explain(plain(s)))


def test_real_minutes_after_agenda_still_split():
    # the minutes themselves, following the agenda, still open a new part
    minutes = ("Verslag stuurgroep jeugdhulp\nDatum: 3 maart 2024\n"
               "Aanwezig: de leden van de stuurgroep\nAfwezig: de wethouder van de kleinste gemeente\n"
               "Voorzitter: de regiomanager\n\n"
               "1. Opening\nDe voorzitter opent de vergadering en heet iedereen welkom.\n"
               "2. Inkoop\nDe secretaris licht de stand van zaken toe. De leden vragen naar de planning.\n"
               + "De voorzitter merkt op dat de aanbesteding zorgvuldig moet verlopen. " * 8 + "\n")
    s = ITEM_AGENDA.format(item="Verslag van de vergadering van 3 maart (bijlage 2) Ter vaststelling")
    text = plain(s + "\n" + minutes)
    parts = segment(text)
    assert [p.type for p in parts] == ["agenda", "minutes"]
    assert parts[1].start == len(s) + 1


# ---------------------------------------------------------------------------
# 3. An agenda whose items record their outcome is the record of the meeting

OUTCOME_AGENDA = """Agenda overleg bestuurlijke trekkers warmtetransitie
Datum: 26 september 2024

1. Opening
2. Verslag overleg 27 juni 2024
Besluit: ongewijzigd vastgesteld.
3. Uitvoeringsplan wijkaanpak
Besluit: ingestemd met het plan, de gemeenten leveren elk een projectleider.
Actie: secretaris stuurt het plan naar de colleges.
4. Subsidieregeling isolatie
Besluit: de regeling wordt verlengd tot 1 juli 2025.
5. Rondvraag
6. Sluiting
"""

OUTCOME_AGENDA_DISCUSSED = """Agenda overleg bestuurlijke trekkers warmtetransitie
Datum: 26 september 2024

1. Opening
2. Verslag overleg 27 juni 2024
Besluit: ongewijzigd vastgesteld.
3. Uitvoeringsplan wijkaanpak
De programmamanager heeft het plan toegelicht. Er is gevraagd naar de kosten per woning.
Besluit: ingestemd met het plan.
4. Subsidieregeling isolatie
Door de wethouders is aangegeven dat de regeling goed wordt benut.
Besluit: de regeling wordt verlengd tot 1 juli 2025.
5. Rondvraag
6. Sluiting
"""

REQUESTED_AGENDA = """Agenda overleg bestuurlijke trekkers warmtetransitie
Datum: 26 september 2024

1. Opening
2. Verslag overleg 27 juni 2024
Gevraagd besluit: het verslag vaststellen.
3. Uitvoeringsplan wijkaanpak
Voorgesteld besluit: instemmen met het plan.
4. Subsidieregeling isolatie
Besluit: de regeling te verlengen tot 1 juli 2025.
5. Rondvraag
6. Sluiting
"""


def test_agenda_with_outcomes_is_decision_list():
    parts = segment(plain(OUTCOME_AGENDA))
    assert [p.type for p in parts] == ["decision_list"]
    assert parts[0].date == "2024-09-26"


def test_agenda_with_outcomes_and_discussion_is_minutes():
    parts = segment(plain(OUTCOME_AGENDA_DISCUSSED))
    assert [p.type for p in parts] == ["minutes"]
    typ, scores = classify(OUTCOME_AGENDA_DISCUSSED)
    assert typ == "minutes" and scores["minutes"] > scores["agenda"]


def test_agenda_with_requested_decisions_stays_agenda():
    # "Gevraagd besluit", "Voorgesteld besluit" and "te verlengen" ask for a decision
    assert [p.type for p in segment(plain(REQUESTED_AGENDA))] == ["agenda"]


def test_outcome_agenda_across_pages_is_one_record():
    # the whole case: running header, an item naming the minutes, outcomes recorded
    p1 = ("Agenda bestuurlijk overleg natuurherstel\nd.d. 14 mei 2024\n\n"
          "Opening door de voorzitter\n\n"
          "Verslag bestuurlijk overleg 9 april 2024 (bijlage 1) Ter vaststelling\n"
          "Geen opmerkingen. Besluit: vastgesteld\n\n"
          "Voortgang herstelmaatregelen Ter bespreking\n"
          "De projectleider heeft de voortgang toegelicht. De maatregelen in het beekdal lopen\n"
          "achter door de natte winter. Er is gevraagd om een nieuwe planning.\n"
          "Besluit: planning wordt in juni opnieuw voorgelegd.\n")
    p2 = ("Agenda bestuurlijk overleg natuurherstel\nd.d. 14 mei 2024\n\n"
          "Verdeling van de middelen Ter besluitvorming\n"
          "De leden hebben gesproken over de verdeling tussen de gebieden. Afgesproken is dat de\n"
          "verdeling naar oppervlakte gebeurt. Actie: secretariaat werkt de verdeling uit.\n\n"
          "Rondvraag en sluiting\n")
    text = paged([p1, p2])
    parts = segment(text)
    assert [(p.type, p.start, p.end) for p in parts] == [("minutes", 0, len(text.text))]
    assert parts[0].date == "2024-05-14"


def test_memo_header_fields_repeated_on_next_page_continue_memo():
    head = "Memo\nAan: het college van burgemeester en wethouders\nVan: de concerncontroller\nDatum: 3 juni 2024\n\n"
    p1 = head + "Onderwerp: Bevindingen interne controle 2023\n\n" + (
        "De interne controle over 2023 laat zien dat de rechtmatigheid van de inkoop verbeterd is.\n" * 12)
    p2 = head.replace("Memo\n", "") + (
        "Voor de subsidies blijft de vastlegging van de verantwoording een aandachtspunt voor 2024.\n" * 12)
    text = paged([p1, p2])
    parts = segment(text)
    assert [(p.type, p.start, p.end) for p in parts] == [("memo", 0, len(text.text))]


def test_numbered_series_with_same_date_are_separate_documents():
    # same house style, same date, but another number in the title: not a running header
    body = "De werkgroep heeft de mogelijkheden onderzocht en geeft het bestuur een advies over de aanpak.\n" * 8
    pages = [f"Notitie {k} aanpak zwerfafval in de kernen\nDatum: 3 maart 2024\nAan: het algemeen bestuur\n\n" + body
             for k in (1, 2)]
    text = paged(pages)
    parts = segment(text)
    assert [p.type for p in parts] == ["memo", "memo"]
    assert parts[1].start == text.pages[1].start
