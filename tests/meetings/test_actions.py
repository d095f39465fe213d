import pytest

from regiovolger.extract.actions import extract_actions

from ._util import CORPUS, assert_facts, check_golden, corpus_file, doc

VARIANTS = [
    ("Actie na de zin", "minutes", """3. Communicatie
De nieuwsbrief verschijnt voortaan maandelijks. Actie: secretariaat
Iedereen levert voor 1 oktober een bijdrage aan. Actie allen
""", [
        {"text_has": "nieuwsbrief", "owners": ["secretariaat"]},
        {"text_has": "bijdrage", "owners": ["allen"], "due": "2024-10-01"},
    ]),
    ("X zal en pronomen", "minutes", """4. Begroting
P. de Wit licht de cijfers toe. Hij zal uiterlijk week 12 een overzicht van de reserves rondsturen.
De projectleider zal de planning eind oktober aanpassen.
Mogelijk zal de provincie nog bijdragen.
""", [
        {"text_has": "overzicht van de reserves", "owners": ["P. de Wit"], "due": None, "due_text": "uiterlijk week 12"},
        {"text_has": "planning", "owners": ["de projectleider"], "due": None, "due_text": "eind oktober"},
    ]),
    ("(actie) met eigenaar uit de zin", "minutes", """De vraag over de subsidievoorwaarden wordt voorgelegd aan Karin. (actie)
Het secretariaat stuurt de presentatie na (actie secretariaat).
""", [
        {"text_has": "subsidievoorwaarden", "owners": ["Karin"]},
        {"text_has": "presentatie", "owners": ["secretariaat"]},
    ]),
    ("actietabel platgeslagen", "minutes", """Actielijst
Nr  Actie                                  Wie            Wanneer      Status
1   Concept-convenant opstellen            Secretariaat   1-10-2024    open
2   Overleg plannen met de provincie       J. Bakker      week 42      afgerond
""", [
        {"text_has": "Concept-convenant", "owners": ["secretariaat"], "due": "2024-10-01", "status": "open"},
        {"text_has": "Overleg plannen", "owners": ["J. Bakker"], "due": None, "due_text": "week 42", "status": "done"},
    ]),
    ("actiepunten als lijst", "minutes", """Actiepunten:
- Secretariaat stuurt de stukken voor 15 april rond.
- Ahmed: contact opnemen met de woningcorporaties
- Notitie over de huisvesting opstellen (de beleidsmedewerker, 1 mei)
""", [
        {"text_has": "stukken", "owners": ["secretariaat"], "due": "2024-04-15"},
        {"text_has": "woningcorporaties", "owners": ["Ahmed"]},
        {"text_has": "huisvesting", "owners": ["de beleidsmedewerker"], "due": "2024-05-01"},
    ]),
    ("wie wat wanneer enkel gespatieerd", "minutes", """Vervolgafspraken
Wie Wat Wanneer
Gemeente Vught levert de cijfers aan 1 juni
""", [{"text_has": "levert de cijfers", "due": "2024-06-01"}]),
    ("besluit met opdracht", "decision_list", """5. Rapport rekenkamer
De raad besluit unaniem:
1. de aanbevelingen over te nemen;
2. het college opdracht te geven de raad uiterlijk 1 maart 2025 een uitvoeringsplan aan te bieden.
6. Sluiting
""", [{"text_has": "uitvoeringsplan", "owners": ["het college"], "due": "2025-03-01"}]),
    ("geen acties in een voorstel", "proposal", """Voorstel
Het college zal de raad in het najaar informeren. De wethouder gaat de uitvoering volgen.
""", []),
    ("passief en modaal is geen actie", "minutes", """Het plan zal in mei worden besproken.
De gemeente zal wellicht aansluiten.
Kees zou het kunnen uitzoeken.
""", []),
    ("rolnaam als eigenaar in afspraken", "minutes", """Afspraken:
- De stadsarchivaris stelt een plan op voor de digitalisering van de bouwdossiers.
- De bestuurssecretaris werkt de evaluatie uit (gereed 1 juni 2025).
""", [
        {"text_has": "digitalisering", "owners": ["de stadsarchivaris"]},
        {"text_has": "evaluatie", "owners": ["de bestuurssecretaris"], "due": "2025-06-01"},
    ]),
    ("twee eigenaren in een actiezin", "minutes", """Actie: Jeroen Bakker en Fatima Ouali schrijven het conceptadvies voor 1 april.
""", [{"text_has": "conceptadvies", "owners": ["Jeroen Bakker", "Fatima Ouali"], "due": "2024-04-01"}]),
    ("taken in de tegenwoordige tijd", "minutes", """3. Nieuwsbrief
De nieuwsbrief is goed ontvangen. Karin zet het op het prikbord in de hal.
4. Straatverlichting
Peter geeft aan dat het in de Beukenlaan te donker is. Joost meldt het bij de woningcorporatie.
Anouk bespreekt de begroting met de penningmeester.
Peter vertelt over zijn vakantie.
""", [
        {"text_has": "zet het op het prikbord", "owners": ["Karin"]},
        {"text_has": "meldt het bij de woningcorporatie", "owners": ["Joost"]},
        {"text_has": "bespreekt de begroting", "owners": ["Anouk"]},
    ]),
    ("dit oppakken verwijst naar de zin ervoor", "minutes", """5. Speeltuin
Het hek van de speeltuin moet worden gerepareerd. Lotte pakt dit op.
Voor de vlaggen is nog een vrijwilliger nodig; Daan pakt dit op.
""", [
        {"text_has": "hek van de speeltuin", "owners": ["Lotte"]},
        {"text_has": "vlaggen", "owners": ["Daan"]},
    ]),
    ("zal na een nevengeschikte zin", "minutes", """1. Mededelingen
Mededeling: de burgemeester heeft de brief van de bewoners ontvangen en zal voor 15 mei schriftelijk antwoorden.
""", [{"text_has": "schriftelijk antwoorden", "owners": ["de burgemeester"], "due": "2024-05-15"}]),
    ("taak in een besluitregel", "decision_list", """4. Tarieven 2025
Besluit: het voorstel wordt aangehouden; de secretaris werkt eerst een alternatief met lagere tarieven uit.
""", [{"text_has": "alternatief met lagere tarieven", "owners": ["de secretaris"]}]),
    ("actietabel een cel per regel met datum gereed", "action_list", """Actielijst
Nr.
Onderwerp
Actiehouder
Datum gereed
Status
A-12
Memo over de jeugdzorgkosten schrijven
P. Jansen
1 december 2024
Open
A-13
Overzicht subsidieaanvragen maken
Alle kernen
15 november 2024
Afgerond
""", [
        {"text_has": "jeugdzorgkosten", "owners": ["P. Jansen"], "due": "2024-12-01", "status": "open"},
        {"text_has": "subsidieaanvragen", "owners": ["alle kernen"], "due": "2024-11-15", "status": "done"},
    ]),
]


@pytest.mark.parametrize("name,type_,body,expected", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variants(name, type_, body, expected):
    text, parts = doc(body, type_)
    items = extract_actions(text, parts)
    for a in items:
        assert a["evidence"]["quote"] == body[a["evidence"]["start"]:a["evidence"]["end"]]
    assert_facts(items, expected)


def test_actie_marker_merges_with_zal_sentence():
    body = "J. Smit zal een reactie opstellen op de brief van de minister. Actie J. Smit\n"
    [a] = extract_actions(*doc(body))
    assert a["owners"] == ["J. Smit"] and a["text"].startswith("J. Smit zal een reactie")


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_golden(path):
    text, parts = corpus_file(str(path))
    check_golden("actions", path, extract_actions(text, parts))


def test_seed_002_actions():
    text, parts = corpus_file(str(CORPUS[1]))
    owners = [a["owners"] for a in extract_actions(text, parts)]
    assert owners == [["allen"], ["J. van Donk"], ["J. van Donk"], ["J. Bengevoord"], ["W. Stortelder"], ["M. Boumans"]]


# held-out patterns, in my own wording
MORE_VARIANTS = [
    ("actietabel een cel per regel", "minutes", """Actiepunten stuurgroep
Nr
Actie
Eigenaar
Deadline
Status
24-03
Begroting herzien na
de voorjaarsnota
Penningmeester
1 mei 2024
Open
24-05
Locatie congres vastleggen
Secretariaat
Q2 2024
Afgerond
""", [
        {"text": "Begroting herzien na de voorjaarsnota", "owners": ["penningmeester"], "due": "2024-05-01",
         "status": "open"},
        {"text": "Locatie congres vastleggen", "owners": ["secretariaat"], "due": None, "due_text": "Q2 2024",
         "status": "done"},
    ]),
    ("actietabel met verantwoordelijke", "minutes", """Actiepunten
Actie                              Verantwoordelijke   Deadline
Notitie parkeren opstellen         Beleidsmedewerker   15-05-2024
""", [{"text_has": "Notitie parkeren", "owners": ["beleidsmedewerker"], "due": "2024-05-15"}]),
    ("afgesproken wordt dat met eigenaar", "minutes", """Afgesproken wordt dat elke gemeente voor 1 juni haar cijfers aanlevert.
Afgesproken is dat de projectsecretaris de uitnodiging verstuurt.
Afgesproken wordt dat het onderwerp in mei terugkomt op de agenda.
""", [
        {"text_has": "cijfers aanlevert", "owners": ["elke gemeente"], "due": "2024-06-01"},
        {"text_has": "uitnodiging verstuurt", "owners": ["de projectsecretaris"]},
    ]),
    ("samengestelde rol als onderwerp", "minutes", """De beleidsadviseur zal de cijfers over de wachttijden nagaan.
De bestuurssecretaris zal de nieuwe leden een welkomstpakket sturen.
""", [
        {"text_has": "wachttijden", "owners": ["de beleidsadviseur"]},
        {"text_has": "welkomstpakket", "owners": ["de bestuurssecretaris"]},
    ]),
    ("actie met kleine titel en termijn op de volgende regel", "minutes", """Actie: mevr. Van Dijk stelt een memo op over de kosten van het vervoer,
klaar op 14 juni 2024.
Actie: dhr. Bos zoekt uit welke subsidies er zijn.
""", [
        {"text_has": "klaar op 14 juni", "owners": ["Van Dijk"], "due": "2024-06-14"},
        {"text_has": "subsidies", "owners": ["Bos"]},
    ]),
    ("geanonimiseerde eigenaar", "minutes", """Afspraak: 5.1.2e levert de ledenlijst voor 1 april aan.
Actie: [geanonimiseerd] belt de aannemer over de vertraging.
""", [
        {"text_has": "ledenlijst", "owners": [], "due": "2024-04-01"},
        {"text_has": "aannemer", "owners": []},
    ]),
    ("contact opnemen en gevraagd worden", "minutes", """Pieter neemt contact op met de woningcorporatie over de renovatie.
Karel wordt gevraagd om de kosten van de tijdelijke huisvesting in beeld te brengen.
De secretaris wordt verzocht de stukken na te sturen.
De voorzitter opent de vergadering.
""", [
        {"text_has": "woningcorporatie", "owners": ["Pieter"]},
        {"text_has": "tijdelijke huisvesting", "owners": ["Karel"]},
        {"text_has": "stukken na te sturen", "owners": ["de secretaris"]},
    ]),
    ("afspraak met actie en besluit", "minutes", """Afspraak: de werkgroep komt na de zomer opnieuw bijeen.
Afspraak: Fatima mailt de planning voor 1 mei rond. Mevr. Jansen zal de wethouders informeren.
""", [
        {"text_has": "planning", "owners": ["Fatima"], "due": "2024-05-01"},
        {"text_has": "wethouders informeren", "owners": ["Jansen"]},
    ]),
]


@pytest.mark.parametrize("name,type_,body,expected", MORE_VARIANTS, ids=[v[0] for v in MORE_VARIANTS])
def test_more_variants(name, type_, body, expected):
    text, parts = doc(body, type_)
    items = extract_actions(text, parts)
    for a in items:
        assert a["evidence"]["quote"] == body[a["evidence"]["start"]:a["evidence"]["end"]]
    assert_facts(items, expected)


def test_action_table_without_heading():
    body = ("2. Verslag\nHet verslag wordt vastgesteld.\n\nWie | Wat | Wanneer\nSecretariaat | Verslag rondsturen | 20 maart\n"
            "J. Smit | Notitie opstellen | 1 mei\n")
    items = extract_actions(*doc(body))
    assert [(a["text"], a["owners"], a["due"]) for a in items] == [
        ("Verslag rondsturen", ["secretariaat"], "2024-03-20"), ("Notitie opstellen", ["J. Smit"], "2024-05-01")]


# third round of held-out patterns, in my own wording
ROUND3_VARIANTS = [
    ("actie met rol voor de dubbele punt", "minutes", """4. Evenementenbeleid
Actie griffier: uitnodiging sturen aan de fractievoorzitters.
Actie projectleider: planning bijwerken voor 1 mei 2024.
""", [
        {"text_has": "uitnodiging sturen", "owners": ["griffier"]},
        {"text_has": "planning bijwerken", "owners": ["projectleider"], "due": "2024-05-01"},
    ]),
    ("komt erop terug", "minutes", """7. Rondvraag
Mevrouw Smit vraagt naar de verlichting op het fietspad.
De gemeentesecretaris komt daarop terug in het volgende overleg.
Het onderwerp komt terug op de agenda van juni.
""", [{"text_has": "komt daarop terug", "owners": ["de gemeentesecretaris"]}]),
    ("actiekolom van een besluitentabel", "decision_list",
     "Nr.\tOnderwerp\tBesluit\tActie\n"
     "1.\tVerslag\tVastgesteld.\t-\n"
     "2.\tNota grondbeleid\tHet college stemt in met de nota.\tBeleidsadviseur: raadsvoorstel opstellen voor 1 juni 2024\n"
     "3.\tSubsidie sportclubs\tHet college stemt in met de regeling.\tMw. Yilmaz informeert de verenigingen\n", [
        {"text_has": "raadsvoorstel opstellen", "owners": ["beleidsadviseur"], "due": "2024-06-01"},
        {"text_has": "informeert de verenigingen", "owners": ["Yilmaz"]},
    ]),
    ("informele taken in de tegenwoordige tijd", "minutes", """3. Buurtfeest
Iedereen vindt het een goed idee. Sanne regelt de springkussens.
Joost en Petra maken de uitnodiging, Kees hangt die op in de buurtwinkel.
Ria zoekt uit of er een vergunning nodig is.
Marco vertelt over de plannen van de gemeente. Ook maakt hij een opmerking over de kosten.
""", [
        {"text_has": "springkussens", "owners": ["Sanne"]},
        {"text_has": "maken de uitnodiging", "owners": ["Joost", "Petra"]},
        {"text_has": "hangt die op", "owners": ["Kees"]},
        {"text_has": "zoekt uit", "owners": ["Ria"]},
    ]),
    ("afspraken en acties een cel per regel", "minutes", """Afspraken en acties
Nr.
Actie / afspraak
Wie
Wanneer
1
Notitie over de
bereikbaarheid opstellen
Projectleider
1 juli 2024
2
Bewoners informeren
Alle wethouders
september 2024
""", [
        {"text_has": "bereikbaarheid opstellen", "owners": ["projectleider"], "due": "2024-07-01"},
        {"text_has": "Bewoners informeren", "owners": ["alle wethouders"], "due": None},
    ]),
    ("het dictum van een motie is geen actie", "minutes", """5. Motie zwembad
Mevrouw De Bruin licht de motie toe. Het college wordt verzocht de openingstijden van het zwembad te verruimen.
De motie wordt aangenomen.
""", []),
    ("een opsomming die de actielijst herhaalt", "minutes", """2. Huisvesting
- De secretaris stelt een notitie over de huisvesting op.

Actielijst
Nr.   Actie                                   Wie          Gereed
12    Notitie huisvesting opstellen           Secretaris   april 2024
""", [{"text_has": "Notitie huisvesting opstellen", "owners": ["secretaris"]}]),
]


@pytest.mark.parametrize("name,type_,body,expected", ROUND3_VARIANTS, ids=[v[0] for v in ROUND3_VARIANTS])
def test_round3_variants(name, type_, body, expected):
    text, parts = doc(body, type_)
    items = extract_actions(text, parts)
    for a in items:
        assert a["evidence"]["quote"] == body[a["evidence"]["start"]:a["evidence"]["end"]]
    assert_facts(items, expected)


def test_marked_action_replaces_the_task_just_before():
    body = ("4. Advies jeugdzorg\nDe commissie wil een advies geven. Henk en Soufiane maken een opzet.\n"
            "Actie: Henk en Soufiane stellen het advies op voor 1 juni 2024.\n")
    items = extract_actions(*doc(body))
    assert [(a["owners"], a["due"]) for a in items] == [(["Henk", "Soufiane"], "2024-06-01")]
