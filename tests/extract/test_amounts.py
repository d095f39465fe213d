"""Money amounts: hand-written Dutch sentences in several house styles, plus the seeds."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiovolger.extract.amounts import AmountMatch, find_amounts

from tests.conftest import SEEDS  # noqa: E402
if not SEEDS.is_dir():  # a checkout without the shared corpus
    SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

D = Decimal

# (sentence, matched text, value, max, role)
POSITIVE = [
    # plain euro notations
    ("De gevraagde subsidie bedraagt € 147.824,--.", "€ 147.824,--", D(147824), None, "subsidy"),
    ("Eigen bijdrage gemeente: €147.824,-", "€147.824,-", D(147824), None, "cofinancing"),
    ("Voor de verkenning is een krediet van € 12.875 beschikbaar.", "€ 12.875", D(12875), None,
     "budget"),
    ("De totale kosten komen uit op € 1.250,50 inclusief btw.", "€ 1.250,50", D("1250.50"),
     None, "cost"),
    ("Besparing: EUR 2.500 per jaar", "EUR 2.500 per jaar", D(2500), None, "savings"),
    ("De opbrengst van de grondverkoop is 2.500 euro.", "2.500 euro", D(2500), None, "revenue"),
    ("Het rijk stelt € 130 miljoen beschikbaar voor woningbouw.", "€ 130 miljoen",
     D(130_000_000), None, "budget"),
    ("De investering wordt geraamd op € 1,2 miljard.", "€ 1,2 miljard", D(1_200_000_000), None,
     "cost"),
    ("Een bezuiniging van € 3,5 mln op de jeugdzorg is onvermijdelijk.", "€ 3,5 mln",
     D(3_500_000), None, "savings"),
    ("Er is € 250k gereserveerd voor de pilot.", "€ 250k", D(250_000), None, "budget"),
    ("Totale kosten k€ 350", "k€ 350", D(350_000), None, "cost"),
    ("Begroting 2025: € 350K", "€ 350K", D(350_000), None, "budget"),
    ("Saldo na verrekening -/- € 5.000", "-/- € 5.000", D(-5000), None, None),
    ("Aanleg fietspad € 1 250 000 (raming).", "€ 1 250 000", D(1_250_000), None, None),
    ("Een tekort van € 2.5 miljoen op de exploitatie.", "€ 2.5 miljoen", D(2_500_000), None,
     None),
    # ton, word numbers
    ("Met de inkomsten van 2 ton kan de stichting een jaar vooruit.", "2 ton", D(200_000), None,
     "revenue"),
    ("De provincie draagt anderhalve ton bij als cofinanciering.", "anderhalve ton", D(150_000),
     None, "cofinancing"),
    ("Het college stelt een half miljoen beschikbaar voor de pilot.", "een half miljoen",
     D(500_000), None, "budget"),
    ("Voor het regiofonds is tweeënhalf miljoen euro nodig.", "tweeënhalf miljoen euro",
     D(2_500_000), None, None),
    ("De regio krijgt twee ton subsidie voor de aanpak.", "twee ton", D(200_000), None,
     "subsidy"),
    ("Het ministerie trekt vijftig duizend euro uit voor onderzoek.", "vijftig duizend euro",
     D(50_000), None, None),
    # ranges
    ("Buiten de procesmiddelen van 200 tot 300K is er nog niets.", "200 tot 300K", D(200_000),
     D(300_000), None),
    ("De kosten liggen tussen € 10.000 - € 20.000.", "€ 10.000 - € 20.000", D(10_000),
     D(20_000), "cost"),
    ("Er wordt een bijdrage tussen de € 5.000 en € 10.000 aangevraagd.", "€ 5.000 en € 10.000",
     D(5_000), D(10_000), "subsidy"),
    ("Reken op € 50 à 60 duizend aan kosten.", "€ 50 à 60 duizend", D(50_000), D(60_000),
     "cost"),
    ("Een inhuurbudget van € 10.000-20.000 per jaar", "€ 10.000-20.000 per jaar", D(10_000),
     D(20_000), "budget"),
    ("De investering wordt geschat op 450 – 500 mln euro.", "450 – 500 mln euro",
     D(450_000_000), D(500_000_000), "cost"),
    ("Opbrengst: van € 500.000 tot € 1 miljoen.", "€ 500.000 tot € 1 miljoen", D(500_000),
     D(1_000_000), "revenue"),
    ("De budgetruimte ligt tussen € 1,5 en 2 miljoen.", "€ 1,5 en 2 miljoen", D(1_500_000),
     D(2_000_000), "budget"),
    ("Tarief 1.000 - 2.000 euro per deelnemer", "1.000 - 2.000 euro", D(1000), D(2000), None),
    # periods, line breaks, cofinancing spellings
    ("De regio ontvangt € 4 miljoen per jaar aan subsidie.", "€ 4 miljoen per jaar",
     D(4_000_000), None, "subsidy"),
    ("Daarvan is € \n15.000 gedekt uit co-financiering.", "€ \n15.000", D(15_000), None,
     "cofinancing"),
    ("Het te bezuinigen bedrag neemt met 125.000 \neuro toe.", "125.000 \neuro", D(125_000),
     None, "savings"),
    ("Het Rijk gaat samen met de regio 370 miljoen investeren in de campus.", "370 miljoen",
     D(370_000_000), None, "cost"),
    # council-proposal and table styles
    ("Wij stellen u voor een krediet van € 2.350.000,00 beschikbaar te stellen.",
     "€ 2.350.000,00", D(2_350_000), None, "budget"),
    ("Het nadeel bedraagt € -25.000 ten opzichte van de raming.", "€ -25.000", D(-25_000), None,
     None),
    ("Resultaat: -€ 7.500", "-€ 7.500", D(-7_500), None, None),
    ("Een bijdrage van maximaal 50% met een maximum van € 50.000 wordt aangevraagd.", "€ 50.000",
     D(50_000), None, "subsidy"),
    ("Bedrag aanvraag: 12.500 EUR", "12.500 EUR", D(12_500), None, None),
    ("Het budget voor communicatie is EUR 1.2 mln", "EUR 1.2 mln", D(1_200_000), None, "budget"),
    ("Om het bod te halen wordt 100 tot \r\n165 miljoen meer uitgegeven.",
     "100 tot \r\n165 miljoen", D(100_000_000), D(165_000_000), "cost"),
    # unit headers look like this, these are amounts
    ("Vergoeding max € 1.000 per aanvraag.", "€ 1.000", D(1000), None, None),
    ("Dit resulteert in € 1 miljoen extra inkomsten.", "€ 1 miljoen", D(1_000_000), None,
     "revenue"),
]


@pytest.mark.parametrize("sentence,text,value,maximum,role", POSITIVE,
                         ids=[p[1] for p in POSITIVE])
def test_positive(sentence, text, value, maximum, role):
    found = find_amounts(sentence)
    assert [m.text for m in found] == [text], found
    m = found[0]
    assert (m.value_eur, m.max_eur, m.role) == (value, maximum, role)
    assert sentence[m.start:m.end] == m.text


NEGATIVE = [
    "Het dossier telt 12.875 pagina's.",
    "Zaaknummer 12.875 is afgehandeld.",
    "Op 18.12.2024 schreef de minister een brief.",
    "In 2025 start de uitvoering; in 2026 volgt de evaluatie (2025 - 2026).",
    "Het aandeel steeg van 30% naar 45 procent.",
    "Bel 013 - 528 90 00 of 06-12345678 voor vragen.",
    "Zie artikel 2.4, lid 3, en pagina 12 van de bijlage.",
    "De uitstoot daalt met 2 ton CO2 per jaar.",
    "Het project bespaart 5 ton CO₂.",
    "Er werd 3 ton staal en 4 ton afval verwerkt.",
    "Per bedrijf ging het om 2 ton kg-equivalent.",
    "Inzet: 1FTE, circa 16 uur per week.",
    "In 2015 werkten 6 miljoen mensen in de sector.",
    "Een markt van 500 miljoen digitale consumenten.",
    "Ton de Vries en TON zijn aanwezig.",
    "Amazon betaalt $13,7 mrd voor de keten.",
    "De vergadering duurde tot 15.10 uur.",
    "Bedragen x € 1.000",
    "Tabel 3 (bedragen in € 1.000)",
    "Lasten (in € 1.000)",
    "Lasten x €1.000.000",
    "N261/N269 en de A58 krijgen 2 rijstroken.",
    "De regio telt 1 250 000 inwoners.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_negative(sentence):
    assert find_amounts(sentence) == []


def test_table_header_in_thousands_keeps_written_value():
    text = ("Lasten (x € 1.000)      2025    2026\n"
            "Personeel                350     360\n"
            "Huisvesting              € 120\n")
    found = find_amounts(text)
    assert [(m.text, m.value_eur) for m in found] == [("€ 120", D(120))]


def test_table_row_labels_give_roles():
    text = ("Begroting project\n\n"
            "Totale projectkosten € 420.000,-\n\n"
            "Cofinanciering gemeenten en bedrijven\n(zie bijlage)\n\n"
            "€ 220.000\n\n"
            "Gevraagde bijdrage provincie\n\n"
            "€ 200.000\n"
            "Totaal dekking € 420.000,-\n")
    found = find_amounts(text)
    assert [(m.text, m.role) for m in found] == [
        ("€ 420.000,-", "cost"),
        ("€ 220.000", "cofinancing"),
        ("€ 200.000", "subsidy"),
        ("€ 420.000,-", None),
    ]


def test_table_columns_share_the_row_label():
    found = find_amounts("Personeelskosten       € 120.000    € 130.000\n"
                         "Structurele lasten € 45.000 (2026) en € 60.000 (2027)\n")
    assert [(m.value_eur, m.role) for m in found] == [
        (D(120_000), "cost"), (D(130_000), "cost"), (D(45_000), "cost"), (D(60_000), "cost")]


def test_two_amounts_joined_by_en_without_tussen_stay_separate():
    found = find_amounts("Gemeente A betaalt € 5.000 en gemeente B € 6.000.")
    assert [m.text for m in found] == ["€ 5.000", "€ 6.000"]
    found = find_amounts("Er is € 5.000 en € 6.000 gevraagd.")
    assert [(m.value_eur, m.max_eur) for m in found] == [(D(5000), None), (D(6000), None)]


def test_year_after_amount_is_not_a_range():
    found = find_amounts("Subsidie € 1.000 tot 2025, daarna € 5.000 - 2026 niet meer.")
    assert [(m.text, m.max_eur) for m in found] == [("€ 1.000", None), ("€ 5.000", None)]


def test_role_follows_nearest_word_in_the_sentence():
    text = ("Het werkbudget is vastgesteld. Daarnaast rekenen we op cofinanciering van de "
            "gemeente ten bedrage van € 75.000 en op subsidies uit fondsen.")
    assert [m.role for m in find_amounts(text)] == ["cofinancing"]
    # "bijdrage" alone is no request; with "gevraagd" it is a subsidy request
    assert find_amounts("De inwonerbijdrage stijgt met € 2 per inwoner.")[0].role is None
    assert find_amounts("Voor dit project wordt een bijdrage van\n€ 80.000 gevraagd.")[0].role \
        == "subsidy"


def test_amount_match_is_frozen():
    m = find_amounts("€ 10")[0]
    assert isinstance(m, AmountMatch)
    with pytest.raises(AttributeError):
        m.start = 3  # type: ignore[misc]


# --- seeds ---------------------------------------------------------------------

def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list[AmountMatch]]]:
    out = {}
    for path in sorted(SEEDS.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, find_amounts(text))
    return out


def _find(matches, text, value):
    hits = [m for m in matches if m.text == text and m.value_eur == value]
    assert hits, f"{text!r} = {value} not found in {[m.text for m in matches]}"
    return hits


def test_seed_project_application(seeds):
    _, found = seeds["002"]
    assert {m.role for m in _find(found, "€ 147.824,--", D(147824))} == {"subsidy"}
    assert _find(found, "€ 331.876,-", D(331876))[0].role == "cost"
    assert _find(found, "€ 184.052", D(184052))[0].role == "cofinancing"
    assert _find(found, "€ 147.824", D(147824))[0].role == "subsidy"
    rng = _find(found, "200 tot 300K", D(200_000))[0]
    assert rng.max_eur == D(300_000)
    assert _find(found, "350.000 euro", D(350_000))[0].role == "savings"
    assert _find(found, "€ 25.000", D(25_000))[0].role == "budget"


def test_seed_execution_programme(seeds):
    _, found = seeds["000"]
    assert _find(found, "€ 12.875", D(12875))
    assert _find(found, "€ 75.000", D(75_000))[0].role == "cofinancing"
    assert _find(found, "€ 600.000", D(600_000))[0].role == "cofinancing"
    assert _find(found, "€ 500.000", D(500_000))[0].role == "budget"
    assert _find(found, "€ 130 miljoen", D(130_000_000))
    assert _find(found, "30 miljoen euro", D(30_000_000))[0].role == "subsidy"


def test_seed_minutes_and_report(seeds):
    assert [(m.text, m.value_eur) for m in seeds["001"][1]] == [("2 ton", D(200_000))]
    assert seeds["003"][1] == []
    found = seeds["004"][1]
    _find(found, "450 – 500 mln euro", D(450_000_000))
    # counts of people and dollars are not euro amounts
    assert not any("13,7" in m.text for m in found)
    assert not any(m.value_eur == D(6_000_000) for m in found)


def test_seed_matches_are_money_not_years_or_dates(seeds):
    cue = re.compile(r"€|eur|\d\s*k\b|ton|miljoen|miljard|mln|duizend", re.I)
    for name, (text, found) in seeds.items():
        last_end = 0
        for m in found:
            assert text[m.start:m.end] == m.text
            assert m.start >= last_end, "overlapping matches"
            last_end = m.end
            assert not re.fullmatch(r"(?:19|20)\d\d", m.text.strip()), m
            assert not re.search(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}", m.text), m
            assert cue.search(m.text), m
            assert m.value_eur is not None
            assert m.max_eur is None or m.max_eur > m.value_eur


def test_150_kb_of_seed_text_gives_ordered_quoting_spans():
    # speed is measured in benchmarks/bench_speed.py, not asserted here
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))[:150_000]
    found = find_amounts(text)
    assert len(found) >= 15
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# --- properties ------------------------------------------------------------------

FRAGMENTS = [
    "€ 147.824,--", "€147.824,-", "EUR 2.500", "2.500 euro", "€ 130 miljoen", "€ 1,2 miljard",
    "€ 3,5 mln", "€ 250k", "2 ton", "anderhalve ton", "een half miljoen", "200 tot 300K",
    "€ 10.000 - € 20.000", "tussen de € 5.000 en € 10.000", "€ 50 à 60 duizend", "k€ 350",
    "-/- € 5.000", "x € 1.000", "2 ton CO2", "12.875", "2021", "30%", "06-12345678", "1FTE",
    " subsidie ", " kosten ", " cofinanciering ", " begroting ", ". ", "\n", "\n\n", " en ",
    " tot ", " - ", "€", "€ ", ",-", " per jaar", "miljoen", "ton", "K", "a", " 5", ".000",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=25))
def test_spans_always_quote_the_input(parts):
    text = "".join(parts)
    last_end = 0
    for m in find_amounts(text):
        assert text[m.start:m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end
        assert m.max_eur is None or (m.value_eur is not None and m.max_eur > m.value_eur)
        assert m.role in (None, "subsidy", "cofinancing", "budget", "cost", "savings", "revenue")
