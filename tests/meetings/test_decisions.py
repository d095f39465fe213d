import pytest

from regiovolger.extract.decisions import extract_decisions, sentence_spans

from ._util import CORPUS, assert_facts, check_golden, corpus_file, doc

VARIANTS = [
    ("besluitenlijst met stemmen", "decision_list", """Besluitenlijst van de openbare vergadering van de gemeenteraad
1. Opening
2. Vaststelling van de agenda
De agenda wordt ongewijzigd vastgesteld.
3. Amendement A1 bij het voorstel Parkeerbeleid
Amendement A1 (fractie Lokaal Belang) wordt aangenomen met 18 stemmen voor en 9 tegen.
Motie M2 over de speeltuinen wordt verworpen met 12 stemmen voor en 15 tegen.
4. Voorstel Parkeerbeleid 2025
Het voorstel wordt als hamerstuk aangenomen.
""", [
        {"text_has": "agenda wordt ongewijzigd vastgesteld", "kind": "adopt"},
        {"text_has": "Amendement A1", "kind": "approve", "about": "amendment",
         "vote": {"text": "met 18 stemmen voor en 9 tegen", "for": 18, "against": 9, "unanimous": False}},
        {"text_has": "Motie M2", "kind": "reject", "about": "motion"},
        {"text_has": "hamerstuk", "kind": "approve"},
    ]),
    ("Ad-nummering met Besluit", "minutes", """Ad 3. Jaarrekening 2023
De penningmeester licht de cijfers toe.
Besluit: het bestuur stelt de jaarrekening 2023 vast met een resultaat van € 12.500.

Ad 4. Begrotingswijziging
Besluit: de begrotingswijziging wordt nog niet vastgesteld; eerst volgt een nadere toelichting.
""", [
        {"text_has": "jaarrekening 2023 vast", "kind": "adopt", "amount_eur": 12500},
        {"text_has": "nog niet vastgesteld", "kind": "postpone"},
    ]),
    ("agenda stelt alleen voor", "agenda", """Agenda algemeen bestuur 14 mei 2024
1. Opening
2. Jaarstukken 2023
Voorstel: het algemeen bestuur stelt voor de jaarstukken vast te stellen.
U wordt geadviseerd in te stemmen met de jaarstukken.
3. Kadernota
Besluit:
Toelichting: volgt ter vergadering.
""", []),
    ("raadsbesluit aldus besloten", "proposal", """De raad van de gemeente Voorbeeldstad;
gelezen het voorstel van burgemeester en wethouders;
besluit:
in te stemmen met het beschikbaar stellen van een krediet van € 250.000 voor de renovatie van het zwembad.

Aldus besloten in de openbare vergadering van 27 juni 2024.
De griffier, De voorzitter,
""", [{"text_has": "krediet", "kind": "approve", "amount_eur": 250000}]),
    ("raadsvoorstel zonder ondertekening", "proposal", """Raadsvoorstel
Ontwerpbesluit
De raad besluit:
in te stemmen met het beschikbaar stellen van een krediet van € 80.000.
""", []),
    ("verslag in zinnen", "minutes", """2. Verslag vorige vergadering
Het verslag van 12 februari wordt met een tekstuele wijziging vastgesteld.
3. Notitie regionale samenwerking
Het dagelijks bestuur neemt kennis van de notitie.
De leden spreken af dat de notitie in juni opnieuw wordt geagendeerd.
4. Subsidieaanvraag sportvereniging
De aanvraag wordt afgewezen omdat de vereniging niet aan de voorwaarden voldoet.
5. Huisvesting
Dit punt wordt doorgeschoven naar de volgende vergadering.
""", [
        {"text_has": "vastgesteld", "kind": "adopt"},
        {"text_has": "neemt kennis", "kind": "take_note"},
        {"text_has": "spreken af", "kind": "other"},
        {"text_has": "afgewezen", "kind": "reject"},
        {"text_has": "doorgeschoven", "kind": "postpone"},
    ]),
    ("besluitenlijst tabel met besluitkolom", "decision_list", """Nr. Onderwerp Besluit
1 Verslag 10 april
Besluit:
- Het verslag is ongewijzigd vastgesteld.
2 Inkoopbeleid
Besluit:
- Het bestuur stemt in met het inkoopbeleid.
- De directeur voert het beleid per 1 juli in.
""", [
        {"text_has": "verslag is ongewijzigd vastgesteld", "kind": "adopt"},
        {"text_has": "stemt in met het inkoopbeleid", "kind": "approve"},
        {"text_has": "per 1 juli in", "kind": "other"},
    ]),
    ("unaniem met opsomming", "decision_list", """7. Voorstel regionale energiestrategie
De raad besluit unaniem:
1. de regionale energiestrategie vast te stellen;
2. het college opdracht te geven jaarlijks te rapporteren.
8. Sluiting
""", [{"text_has": "energiestrategie vast te stellen", "kind": "adopt",
       "vote": {"text": "unaniem", "for": None, "against": None, "unanimous": True}}]),
    ("meningen zijn geen besluiten", "minutes", """5. Rondvraag
Jan vraagt of de begroting al is vastgesteld?
Petra zou graag zien dat het plan wordt aangenomen.
Het college stelt voor het plan in september te bespreken.
""", []),
]


@pytest.mark.parametrize("name,type_,body,expected", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variants(name, type_, body, expected):
    text, parts = doc(body, type_)
    items = extract_decisions(text, parts)
    for d in items:
        assert d["evidence"]["quote"] == body[d["evidence"]["start"]:d["evidence"]["end"]]
    assert_facts(items, expected)


def test_vote_against_fractions():
    body = ("12. Voorstel statutenwijziging\nDe raad besluit in meerderheid:\nin te stemmen met de statutenwijziging.\n"
            "Tegen het voorstel stemden de fracties van Partij A en Partij B.\n13. Sluiting\n")
    [d] = extract_decisions(*doc(body, "decision_list"))
    assert d["vote"]["against_by"] == "de fracties van Partij A en Partij B"
    assert d["vote"]["text"] == "in meerderheid"


def test_sentence_spans_keep_initials_and_split_headings():
    body = "3 \n\nLobby\nJ. van Dam licht toe. M. de Boer vraagt naar de stand van zaken.\n"
    quotes = [body[s:e] for s, e in sentence_spans(body, 0, len(body))]
    assert quotes == ["3", "Lobby", "J. van Dam licht toe.", "M. de Boer vraagt naar de stand van zaken."]


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_golden(path):
    text, parts = corpus_file(str(path))
    check_golden("decisions", path, extract_decisions(text, parts))


def test_seed_001_decisions():
    text, parts = corpus_file(str(CORPUS[0]))
    items = extract_decisions(text, parts)
    assert [d["kind"] for d in items] == ["adopt", "other", "other", "postpone"]
    assert items[0]["text"] == "Het verslag is akkoord."
    assert "eind oktober" in items[1]["text"]
