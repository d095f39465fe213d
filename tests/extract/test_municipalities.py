import csv
import re
from pathlib import Path

import pytest

from regiovolger.extract import municipalities as M

from tests.conftest import SEEDS  # noqa: E402
CSV = Path(M.__file__).resolve().parents[1] / "data" / "municipalities.csv"


def names(text):
    return [m.name for m in M.find_municipalities(text)]


def codes(text):
    return {m.cbs_code for m in M.find_municipalities(text)}


# --- the data file -------------------------------------------------------------


def test_data_file_current_count_and_unique_codes():
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    all_codes = [r["cbs_code"] for r in rows]
    assert len(all_codes) == len(set(all_codes))
    assert all(re.fullmatch(r"GM\d{4}", c) for c in all_codes)
    current = [r for r in rows if not r["ceased"]]
    assert len(current) == 342  # 1 January 2025
    assert len(rows) - len(current) > 400  # former municipalities since 1990
    assert {r["province"] for r in current} == {
        "Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
        "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
    }


def test_every_successor_exists_and_leads_to_a_current_municipality():
    reg = M.registry()
    for m in reg:
        if m.current:
            assert m.successor_code is None
            continue
        assert m.ceased and 1990 <= m.ceased <= 2025, m
        assert reg.by_code(m.successor_code) is not None, m
        end = reg.current_successor(m.cbs_code)
        assert end is not None and end.current, m


def test_all_mergers_since_2000_have_their_successor():
    # A sample across the years, checked against CBS/BRP tables by hand.
    expected = {
        "Aalburg": "GM1959", "Werkendam": "GM1959", "Woudrichem": "GM1959",
        "Landerd": "GM1991", "Uden": "GM1991",
        "Weesp": "GM0363", "Beemster": "GM0439", "Brielle": "GM1992", "Westvoorne": "GM1992",
        "Haaren": "GM0824", "Appingedam": "GM1979", "Haren": "GM0014", "Ten Boer": "GM0014",
        "Leerdam": "GM1961", "Zederik": "GM1961", "Noordwijkerhout": "GM0575",
        "Schijndel": "GM1948", "Bussum": "GM1942", "Zeevang": "GM0385", "Maasdonk": "GM0796",
        "Rijnwoude": "GM0484", "Lemsterland": "GM1921", "Anna Paulowna": "GM1911",
        "Sneek": "GM1900", "Abcoude": "GM0736", "Lith": "GM0828", "Rozenburg": "GM0599",
        "Bennebroek": "GM0377", "Ter Aar": "GM0569", "Warmond": "GM1525", "Bathmen": "GM0150",
        "Axel": "GM0715", "Akersloot": "GM0383", "Ambt Delden": "GM1735", "Geleen": "GM1883",
    }
    for name, successor in expected.items():
        m = M.lookup(name)
        assert m is not None and not m.current, name
        assert m.successor_code == successor, name


# --- lookups --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, code",
    [
        ("Den Bosch", "GM0796"),
        ("'s-Hertogenbosch", "GM0796"),
        ("\u2019s-Hertogenbosch", "GM0796"),
        ("den haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("Súdwest-Fryslân", "GM1900"),
        ("Sudwest-Fryslan", "GM1900"),
        ("SUDWEST FRYSLAN", "GM1900"),
        ("Bergen (NH)", "GM0373"),
        ("Bergen (L)", "GM0893"),
        ("Bergen (NH.)", "GM0373"),
        ("gemeente Oss", "GM0828"),
        ("Nuenen", "GM0820"),
        ("GM0363", "GM0363"),
        ("Hengelo", "GM0164"),
        ("Hengelo (Gld.)", "GM0248"),
    ],
)
def test_lookup(query, code):
    m = M.lookup(query)
    assert m is not None and m.cbs_code == code


def test_lookup_unknown_or_ambiguous():
    assert M.lookup("Bergen") is None  # two municipalities: not guessed
    assert M.lookup("Achterland") is None
    assert M.lookup("") is None


def test_by_code_and_successor_chain():
    assert M.by_code("GM0363").name == "Amsterdam"
    assert M.by_code("0363").name == "Amsterdam"
    assert M.by_code("GM9999") is None
    # Adorp -> Winsum (1990) -> Het Hogeland (2019)
    assert M.by_code("GM0001").successor_code == "GM0053"
    assert M.current_successor("GM0001").name == "Het Hogeland"
    # Sint Anthonis's predecessor of 1994 -> Sint Anthonis -> Land van Cuijk
    assert M.current_successor("GM1691").cbs_code == "GM1982"
    assert M.current_successor("GM0363").cbs_code == "GM0363"
    assert M.current_successor("GM9999") is None


# --- finding mentions -------------------------------------------------------------


def test_offsets_and_surface():
    text = "Het overleg vond plaats in Zwolle; daarna reisde men naar Den Bosch."
    found = M.find_municipalities(text)
    assert [(m.surface, m.name, m.cbs_code) for m in found] == [
        ("Zwolle", "Zwolle", "GM0193"),
        ("Den Bosch", "'s-Hertogenbosch", "GM0796"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_list_of_municipalities():
    text = "Het convenant is ondertekend door de gemeenten Oss, Uden en Bernheze."
    assert names(text) == ["Oss", "Uden", "Bernheze"]
    assert M.current_successor(M.find_municipalities(text)[1].cbs_code).name == "Maashorst"


def test_list_lends_evidence_to_common_words():
    # "Best" and "Putten" are ordinary words; in a list of municipalities they count.
    text = "Deelnemers: Eindhoven, Best en Veldhoven. Ook Ermelo, Putten en Nijkerk doen mee."
    assert names(text) == ["Eindhoven", "Best", "Veldhoven", "Ermelo", "Putten", "Nijkerk"]


@pytest.mark.parametrize(
    "text",
    [
        "Best is het om de stukken vooraf te lezen.",
        "We doen ons best om de planning te halen.",
        "Het gaat om de beste aanpak; putten uit ervaring helpt.",
        "De buren klagen over geluid en de beek treedt buiten haar oevers.",
        "Goes het project door? Dat hangt af van de Best Practices die we kiezen.",
        "Kampen en tenten zijn in de zomer vol.",
        "Helden van de zorg en herten in het bos.",
        "Dat is echt heel erg; neer met de regels.",
    ],
)
def test_common_words_are_not_mentions(text):
    assert M.find_municipalities(text) == []


def test_common_words_with_strong_evidence():
    assert names("De gemeente Best investeert in fietspaden.") == ["Best"]
    assert names("Het nieuwe station in Goes opent in mei.") == ["Goes"]
    assert names("Inwoners van Buren en Culemborg kregen een brief.") == ["Buren", "Culemborg"]
    assert names("Gemeente Putten en Gemeente Ede werken samen.") == ["Putten", "Ede"]
    assert names("GEMEENTE PUTTEN") == ["Putten"]
    # A sentence-initial common word counts when it heads a list of municipalities.
    assert names("Ede en Epe werken samen.") == ["Ede", "Epe"]


def test_surnames_are_not_mentions():
    text = "Aanwezig: J. van Zundert, mevrouw De Vries, Pieter van Asten en dhr. Oosterhout."
    assert names(text) == []
    assert names("De burgemeester van Zundert opende de vergadering.") == ["Zundert"]


def test_inflections_and_compounds_are_not_mentions():
    text = "Het Amsterdamse model, de Utrechtse aanpak, Groninger koek en Amsterdam-Noord."
    assert names(text) == []
    assert names("Den Haags beleid") == []


def test_province_is_not_the_municipality():
    text = "De provincie Utrecht en Gedeputeerde Staten van Groningen overleggen met de gemeente Utrecht."
    found = M.find_municipalities(text)
    assert [(m.name, text[m.start - 9 : m.start].strip()) for m in found] == [("Utrecht", "gemeente")]
    assert names("In de provincies Fryslân, Groningen en Drenthe.") == []
    assert names("Zeeland is een provincie; in Zeeland wonen mensen.") == []  # not the former municipality
    assert names("de voormalige gemeente Zeeland (Noord-Brabant)") == ["Zeeland"]


def test_former_municipalities_and_aliases():
    text = (
        "Tot 2019 werkten Aalburg, Werkendam en Woudrichem samen; nu is dat Altena. "
        "Vergaderd werd in Den Haag en in 's-Gravenhage, en later in Sudwest-Fryslan en Súdwest-Fryslân."
    )
    found = M.find_municipalities(text)
    assert [m.name for m in found] == [
        "Aalburg", "Werkendam", "Woudrichem", "Altena",
        "'s-Gravenhage", "'s-Gravenhage", "Súdwest-Fryslân", "Súdwest-Fryslân",
    ]
    assert {M.current_successor(m.cbs_code).cbs_code for m in found[:4]} == {"GM1959"}


def test_bergen_variants_and_longest_match():
    text = "Bergen (NH) en Bergen (L.) zijn twee gemeenten; Bergen op Zoom is een derde, Beek en Donk een dorp."
    found = M.find_municipalities(text)
    assert [(m.surface, m.cbs_code) for m in found] == [
        ("Bergen (NH)", "GM0373"),
        ("Bergen (L.)", "GM0893"),
        ("Bergen op Zoom", "GM0748"),
        ("Beek en Donk", "GM0746"),
    ]


def test_line_breaks_and_all_caps_headings():
    text = "De samenwerking tussen Bergen op\nZoom en Roosendaal.\n\nGEMEENTE TILBURG\nVERSLAG HEERENVEEN"
    assert names(text) == ["Bergen op Zoom", "Roosendaal", "Tilburg", "Heerenveen"]
    assert names("OSS") == []  # short all-caps words are often abbreviations


def test_urls_and_lower_case_are_not_mentions():
    assert names("Zie www.amsterdam.nl of mail info@tilburg.nl; amsterdam in kleine letters telt niet.") == []


def test_summarise():
    text = "Tilburg, Breda en Tilburg. De gemeente Oss en Tilburg."
    summary = M.summarise(M.find_municipalities(text))
    assert summary == [
        {"name": "Breda", "cbs_code": "GM0758", "mentions": 1},
        {"name": "Oss", "cbs_code": "GM0828", "mentions": 1},
        {"name": "Tilburg", "cbs_code": "GM0855", "mentions": 3},
    ]
    assert M.summarise([]) == []


def test_summary_sorts_names_with_apostrophes_and_diacritics():
    summary = M.summarise(M.find_municipalities("Súdwest-Fryslân, Almere en 's-Hertogenbosch."))
    assert [s["name"] for s in summary] == ["'s-Hertogenbosch", "Almere", "Súdwest-Fryslân"]


def test_large_text_finds_every_mention():
    # speed is measured in benchmarks/bench_speed.py, not asserted here
    text = ("In de gemeenten Oss, Uden en Bernheze is het beste beleid gemaakt door de buren. " * 2000)[:150_000]
    found = M.find_municipalities(text)
    assert len(found) > 3000


# --- the seeds ----------------------------------------------------------------


def seed(prefix):
    [path] = SEEDS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


SEED_EXPECT = {
    "000": {"Tilburg", "Waalwijk", "Dongen", "Loon op Zand", "Gilze en Rijen", "Heusden", "Goirle", "Oisterwijk"},
    "001": {"Eindhoven", "Helmond", "Tilburg"},
    "002": {"Doetinchem"},
    "003": {"'s-Hertogenbosch", "Altena", "Aalburg", "Werkendam", "Woudrichem", "Landerd", "Uden", "Zundert"},
    "004": {"Eindhoven", "Tilburg", "'s-Hertogenbosch", "Helmond", "Veghel"},
}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECT))
def test_seeds(prefix):
    text = seed(prefix)
    found = M.find_municipalities(text)
    assert SEED_EXPECT[prefix] <= {m.name for m in found}
    for m in found:
        assert text[m.start : m.end] == m.surface
        # No mention is an ordinary lower-case word, and common-word names are capitalised.
        assert any(ch.isupper() for ch in m.surface)
        if M.by_code(m.cbs_code).common_word:
            assert m.surface[0].isupper()


def test_seed_false_positives_are_filtered():
    text = seed("004")
    found = M.find_municipalities(text)
    surfaces = [(m.surface, text[max(0, m.start - 20) : m.start]) for m in found]
    assert not any(s == "Asten" and "Laurens" in before for s, before in surfaces)  # a surname
    assert not any(m.name == "De Wijk" for m in found)  # "De wijk" is a neighbourhood
    assert all(not (m.name == "Groningen" and "provincie" in text[m.start - 12 : m.start]) for m in found)
